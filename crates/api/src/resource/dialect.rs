//! How one API speaks: the seam between resource descriptions and the wire.
//!
//! A dialect builds the request for an [`Operation`] on a described
//! resource and reads the answer back: paging parameters, envelopes,
//! error bodies and authentication are all its business, so generic pages
//! never see them.
//!
//! ## Usage
//! ```
//! use userdesk_api::admin::dialect::{AdminCall, ADMIN_API};
//! use userdesk_api::admin::{AdminConfig, DOCUMENTED_APP_KEY};
//! use userdesk_api::admin::terms::TERMS;
//! use userdesk_api::resource::{Dialect, Operation};
//!
//! let config = AdminConfig { base_url: "/api".into(), version: "1.0".into(), app_key: DOCUMENTED_APP_KEY.into() };
//! let call = AdminCall { config: &config, token: "t" };
//! let request = ADMIN_API.request(&call, &TERMS, &Operation::Read { id: "2" });
//! assert!(request.url.starts_with("/api/v/1.0/terms_of_service/2?app_key="));
//! ```

use serde_json::Value;

use super::describe::Description;
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse};
use crate::list::{ListPage, ListQuery};

/// One thing done to a resource. A nested resource's parent record (see
/// [`super::Path::parent`]) travels in each dialect's `Call`, beside the
/// credentials (`ProfilesCall::parent_id`, `WebsupportCall::parent_id`).
#[derive(Clone, Debug, PartialEq)]
pub enum Operation<'a> {
    List { query: &'a ListQuery },
    Read { id: &'a str },
    Create { payload: &'a Value },
    Update { id: &'a str, payload: &'a Value },
    Delete { id: &'a str },
}

/// What an answer held.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Page(ListPage<Value>),
    Record(Value),
    Deleted,
}

/// One API's wire format.
pub trait Dialect {
    /// What a call needs besides the operation: base URL and credentials.
    type Call<'a>;

    /// The request for `operation` on `resource`.
    fn request(
        &self,
        call: &Self::Call<'_>,
        resource: &Description,
        operation: &Operation,
    ) -> HttpRequest;

    /// Reads the answer to `operation`, or the error it carries.
    fn decode(
        &self,
        resource: &Description,
        operation: &Operation,
        response: &HttpResponse,
    ) -> Result<Answer, ApiError>;
}

impl Answer {
    /// The page of a list answer.
    pub fn into_page(self) -> Result<ListPage<Value>, ApiError> {
        match self {
            Answer::Page(page) => Ok(page),
            _ => Err(ApiError::UnexpectedResponse("expected a list".into())),
        }
    }

    /// The record of a read, create or update answer.
    pub fn into_record(self) -> Result<Value, ApiError> {
        match self {
            Answer::Record(record) => Ok(record),
            _ => Err(ApiError::UnexpectedResponse("expected a record".into())),
        }
    }
}

/// Decodes the answer to a delete, whatever the API. The documented
/// success is 204 with no body; a 200 with an empty body is read the same
/// way. Any other 2xx (a 200 with a body, garbage or not) is not the
/// documented answer and says nothing about whether the record is gone,
/// so it is an unexpected answer. A failure is read by the API's own
/// `failure` decoder.
///
/// ## Usage
/// ```
/// use userdesk_api::admin::decode_error;
/// use userdesk_api::resource::dialect::decode_deleted;
/// use userdesk_api::HttpResponse;
/// assert!(decode_deleted(&HttpResponse::empty(204), decode_error).is_ok());
/// ```
pub fn decode_deleted(
    response: &HttpResponse,
    failure: impl Fn(&HttpResponse) -> ApiError,
) -> Result<Answer, ApiError> {
    match response.status {
        204 => Ok(Answer::Deleted),
        200 if response.body.trim().is_empty() => Ok(Answer::Deleted),
        200..=299 => Err(ApiError::UnexpectedResponse(format!(
            "a delete answers 204 with no body, but this was HTTP {} with {}; the record may still exist",
            response.status,
            crate::admin::describe_body(&response.body)
        ))),
        _ => Err(failure(response)),
    }
}

/// A read's answer: a record needs its id, as a list row does. An object
/// without one (every field `null`, say) is an unexpected answer, so the
/// page says so and offers Try again instead of drawing nothing.
///
/// ## Usage
/// ```
/// use serde_json::json;
/// use userdesk_api::admin::terms::TERMS;
/// use userdesk_api::resource::dialect::read_answer;
/// assert!(read_answer(&TERMS, json!({"id": 2, "version": "2"})).is_ok());
/// assert!(read_answer(&TERMS, json!({"id": null, "version": null})).is_err());
/// ```
pub fn read_answer(resource: &Description, body: Value) -> Result<Answer, ApiError> {
    if !body.is_object() {
        return Err(ApiError::UnexpectedResponse(
            "a record answers with an object".into(),
        ));
    }
    if resource.id_of(&body).is_none() {
        return Err(ApiError::UnexpectedResponse(format!(
            "the {} has no “{}”",
            resource.noun, resource.path.id
        )));
    }
    Ok(Answer::Record(body))
}

/// Leaves out the items of a page that are not readable records (see
/// [`Description::readable`]) and counts them: one broken item must not
/// hide the others.
pub fn keep_records(resource: &Description, page: &mut ListPage<Value>) {
    let before = page.items.len();
    page.items.retain(|item| resource.readable(item));
    page.unreadable += before - page.items.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::decode_error;

    fn response(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.into())
    }

    #[test]
    fn delete_success_is_decided_by_status_and_the_documented_body() {
        let deleted = |r: &HttpResponse| decode_deleted(r, decode_error);
        assert_eq!(deleted(&HttpResponse::empty(204)), Ok(Answer::Deleted));
        assert_eq!(deleted(&response(200, "")), Ok(Answer::Deleted));
        for body in ["garbage", r#"{"deleted": false}"#, "{}", "<html>ok</html>"] {
            assert!(
                matches!(
                    deleted(&response(200, body)),
                    Err(ApiError::UnexpectedResponse(_))
                ),
                "{body}"
            );
        }
        assert!(matches!(
            deleted(&response(202, "{}")),
            Err(ApiError::UnexpectedResponse(_))
        ));
        assert!(matches!(
            deleted(&response(404, r#"{"error":"Not found"}"#)),
            Err(ApiError::NotFound(_))
        ));
    }
}
