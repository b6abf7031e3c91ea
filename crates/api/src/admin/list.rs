//! The Admin API's list envelope.
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
use crate::list::ListPage;

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
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::UnexpectedResponse(format!("the list has no “{key}” array")))?;
    // Render at most the page asked for: a server that sends 50,000 items
    // for a page of 10 must not freeze the browser.
    let wanted = limit.max(1) as usize;
    let surplus = raw_items.len().saturating_sub(wanted);
    let mut items = Vec::with_capacity(raw_items.len().min(wanted));
    let mut unreadable = 0;
    for raw in raw_items.iter().take(wanted) {
        match T::deserialize(raw) {
            Ok(item) => items.push(item),
            Err(_) => unreadable += 1,
        }
    }
    Ok(ListPage {
        items,
        page: envelope.page,
        limit: envelope.limit,
        total: envelope.total,
        next_uri: envelope.next_uri,
        previous_uri: envelope.previous_uri,
        unreadable,
        surplus,
        open_ended: false,
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
            retry_after: None,
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
    fn oversized_answers_are_cut_to_the_page_asked_for() {
        let items: Vec<String> = (0..50_000).map(|n| n.to_string()).collect();
        let body = format!(
            r#"{{"page":1,"limit":10,"total":50000,"items":[{}]}}"#,
            items.join(",")
        );
        let page: ListPage<u32> =
            decode_list(&HttpResponse::json(200, body), "items", 1, 10).expect("page");
        assert_eq!(page.items, (0..10).collect::<Vec<u32>>());
        assert_eq!((page.surplus, page.unreadable), (49_990, 0));
    }

    #[test]
    fn one_malformed_item_leaves_the_others_readable() {
        let body = r#"{"page":1,"limit":10,"total":4,"items":[1,"two",3,{"x":4}]}"#;
        let page: ListPage<u8> =
            decode_list(&HttpResponse::json(200, body.into()), "items", 1, 10).expect("page");
        assert_eq!(page.items, [1, 3]);
        assert_eq!((page.unreadable, page.surplus), (2, 0));
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
}
