//! The list envelope shared by every Admin API list.
//!
//! Lists live at `/{resource}`, `/{resource}/{page}` and
//! `/{resource}/{page}/{limit}`. An empty page answers 204 with no body (and,
//! on the reference server, `Content-Type: text/html`), so the status decides.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::decode_error;
use crate::error::ApiError;
use crate::http::HttpResponse;

/// Default page size of most lists.
pub const DEFAULT_LIMIT: u32 = 10;
/// The reference server answers 404 above this page size.
pub const MAX_LIMIT: u32 = 100;
/// Page sizes the UI offers.
pub const LIMIT_CHOICES: [u32; 4] = [10, 25, 50, 100];

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub limit: u32,
    pub total: u64,
    pub next_uri: Option<String>,
    pub previous_uri: Option<String>,
}

impl<T> ListPage<T> {
    /// The page a 204 stands for.
    pub fn empty(page: u32, limit: u32) -> Self {
        ListPage {
            items: Vec::new(),
            page,
            limit,
            total: 0,
            next_uri: None,
            previous_uri: None,
        }
    }

    /// Number of pages at this page size (at least 1).
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.limit.max(1)));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }
}

/// Keeps a page number at 1 or more (page 0 is a server error).
pub fn clamp_page(page: u32) -> u32 {
    page.max(1)
}

/// Keeps a page size within 1..=100.
pub fn clamp_limit(limit: u32) -> u32 {
    limit.clamp(1, MAX_LIMIT)
}

#[derive(Deserialize)]
struct Envelope {
    page: u32,
    limit: u32,
    total: u64,
    #[serde(default)]
    next_uri: Option<String>,
    #[serde(default)]
    previous_uri: Option<String>,
}

/// Decodes a list answer whose items sit under `key`.
pub fn decode_list<T: DeserializeOwned>(
    response: &HttpResponse,
    key: &str,
    page: u32,
    limit: u32,
) -> Result<ListPage<T>, ApiError> {
    match response.status {
        204 => return Ok(ListPage::empty(page, limit)),
        200 => {}
        _ => return Err(decode_error(response)),
    }
    let body: Value = serde_json::from_str(&response.body)
        .map_err(|_| ApiError::UnexpectedResponse("the list is not JSON".into()))?;
    let envelope = Envelope::deserialize(&body).map_err(|error| {
        ApiError::UnexpectedResponse(format!("the list envelope is malformed: {error}"))
    })?;
    let raw_items = body
        .get(key)
        .ok_or_else(|| ApiError::UnexpectedResponse(format!("the list has no “{key}”")))?;
    let items = Vec::<T>::deserialize(raw_items).map_err(|error| {
        ApiError::UnexpectedResponse(format!("an item of “{key}” is malformed: {error}"))
    })?;
    Ok(ListPage {
        items,
        page: envelope.page,
        limit: envelope.limit,
        total: envelope.total,
        next_uri: envelope.next_uri,
        previous_uri: envelope.previous_uri,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_204_with_html_content_type_is_an_empty_page() {
        let response = HttpResponse {
            status: 204,
            content_type: Some("text/html".into()),
            body: String::new(),
        };
        let page: ListPage<Value> = decode_list(&response, "roles", 3, 10).expect("empty page");
        assert_eq!(
            (page.items.len(), page.page, page.total, page.page_count()),
            (0, 3, 0, 1)
        );
    }

    #[test]
    fn decodes_envelope_and_items() {
        let body = r#"{"limit": 2, "page": 2, "total": 5, "next_uri": "n", "previous_uri": "p", "items": [1, 2]}"#;
        let page: ListPage<u8> =
            decode_list(&HttpResponse::json(200, body.into()), "items", 2, 2).expect("page");
        assert_eq!(page.items, [1, 2]);
        assert_eq!(
            (page.page, page.limit, page.total, page.page_count()),
            (2, 2, 5, 3)
        );
        assert_eq!(page.next_uri.as_deref(), Some("n"));
    }

    #[test]
    fn malformed_lists_are_unexpected_responses() {
        for body in [
            "[]",
            r#"{"page": 1}"#,
            r#"{"page":1,"limit":10,"total":1,"items":"x"}"#,
            r#"{"page":1,"limit":10,"total":1}"#,
        ] {
            let result: Result<ListPage<u8>, _> =
                decode_list(&HttpResponse::json(200, body.into()), "items", 1, 10);
            assert!(
                matches!(result, Err(ApiError::UnexpectedResponse(_))),
                "{body}"
            );
        }
    }

    #[test]
    fn limits_stay_within_what_the_server_accepts() {
        assert_eq!(
            (clamp_limit(0), clamp_limit(100), clamp_limit(101)),
            (1, 100, 100)
        );
        assert_eq!((clamp_page(0), clamp_page(7)), (1, 7));
    }
}
