//! Websupport's dialect.
//!
//! - Paths: `/v1/user[/{id}]`, and a user's billing and domain profiles at
//!   `/v1/user/{id}/billing[/{billingId}]` and
//!   `/v1/user/{id}/domainProfile[/{profileId}]`; `self` stands for the
//!   signed-in user.
//! - Lists are sent whole by default (`{"items": […], "pager": {…}}`); a
//!   query with a page size asks for `?page=&pagesize=`, for servers that
//!   page anyway.
//! - Reads answer with the bare record; creates, updates and deletes with
//!   `{"status": "success", "item": …}`. **Validation errors come as 200 or
//!   201 with `"status": "error"` and `errors`**, decoded here into field
//!   errors so no page has to know.
//! - Failures: 404 `{message, code}`; 500 for deleting the default billing
//!   profile; 400 for a domain profile that is assigned to domains, or
//!   that does not exist (read as gone).
//! - A sub-user is created with `isSubUser: true`; the public sign-up is
//!   the same `POST /v1/user` without it (and without a signature when
//!   nobody is signed in).
//! - Updates are partial `PUT`s: the fields that changed, a cleared one
//!   sent as `""`.

use serde_json::{Map, Value};

use super::WebsupportConfig;
use crate::error::ApiError;
use crate::http::{percent_encode, query_string, HttpRequest, HttpResponse, Method};
use crate::list::{ListPage, WHOLE_LIST};
use crate::resource::dialect::{keep_records, read_answer};
use crate::resource::{Answer, Description, Dialect, Operation};
use crate::validation::FieldErrors;

/// The API's version prefix.
pub const VERSION_PREFIX: &str = "/v1";

/// What a 401 means here, and what to check.
pub const REFUSED: &str = "The Websupport API refused the signature. Check the API key and the secret, and that this computer's clock is right (the server allows a few minutes of difference).";

/// What a 401 means for a request sent unsigned (nobody signed in): the
/// person typed no key or secret, so the server wants a signed request.
pub const NEEDS_SIGNATURE: &str = "This Websupport server accepts this request only from a signed-in console. Sign in to Websupport with an API key and secret, then try again.";

/// A failure of a request sent without a signature: a 401 says the server
/// wants one ([`NEEDS_SIGNATURE`]), not that a key was wrong. The
/// documentation makes only the sign-up public; a password restore sent
/// while signed out may be refused this way.
///
/// ## Usage
/// ```
/// use userdesk_api::error::ApiError;
/// use userdesk_api::websupport::dialect::{unsigned_failure, NEEDS_SIGNATURE};
/// let refused = unsigned_failure(ApiError::Unauthorized("bad signature".into()));
/// assert_eq!(refused, ApiError::Unauthorized(NEEDS_SIGNATURE.into()));
/// ```
pub fn unsigned_failure(error: ApiError) -> ApiError {
    match error {
        ApiError::Unauthorized(_) => ApiError::Unauthorized(NEEDS_SIGNATURE.into()),
        other => other,
    }
}

/// The Websupport dialect.
#[derive(Clone, Copy, Debug)]
pub struct WebsupportDialect;

/// The one instance.
pub const WEBSUPPORT_API: WebsupportDialect = WebsupportDialect;

/// Where and when to send a Websupport call.
#[derive(Clone, Copy, Debug)]
pub struct WebsupportCall<'a> {
    pub config: &'a WebsupportConfig,
    /// The request time, signed and sent in [`super::TIME_HEADER`].
    pub unix_time: i64,
    /// The user a billing or domain profile belongs to (`self` allowed).
    pub parent_id: Option<&'a str>,
}

impl WebsupportCall<'_> {
    fn collection_path(&self, resource: &Description) -> String {
        match (resource.path.parent, self.parent_id) {
            (Some(parent), Some(id)) => format!(
                "{VERSION_PREFIX}/{parent}/{}/{}",
                percent_encode(id),
                resource.path.collection
            ),
            _ => format!("{VERSION_PREFIX}/{}", resource.path.collection),
        }
    }
}

/// A cleared field travels as an empty text, which the API reads as "none".
fn blank_nulls(payload: &Value) -> Value {
    match payload {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, value)| {
                    let value = if value.is_null() {
                        Value::from("")
                    } else {
                        value.clone()
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

impl Dialect for WebsupportDialect {
    type Call<'a> = WebsupportCall<'a>;

    fn request(
        &self,
        call: &WebsupportCall<'_>,
        resource: &Description,
        operation: &Operation,
    ) -> HttpRequest {
        let collection = call.collection_path(resource);
        let item = |id: &str| format!("{collection}/{}", percent_encode(id));
        let send = |method, path: &str| call.config.request(method, path, call.unix_time);
        let with_body = |method, path: &str, payload: &Value| {
            send(method, path).json_body(serde_json::to_string(payload).unwrap_or_default())
        };
        match operation {
            Operation::List { query } if query.limit == WHOLE_LIST => {
                send(Method::Get, &collection)
            }
            Operation::List { query } => {
                let paged = format!(
                    "{collection}{}",
                    query_string(&[
                        ("page", query.page.max(1).to_string()),
                        ("pagesize", query.limit.to_string()),
                    ])
                );
                send(Method::Get, &paged)
            }
            Operation::Read { id } => send(Method::Get, &item(id)),
            Operation::Create { payload } if resource.create_flag.is_some() => {
                let mut flagged = payload.as_object().cloned().unwrap_or_else(Map::new);
                if let Some(flag) = resource.create_flag {
                    flagged.insert(flag.into(), Value::Bool(true));
                }
                with_body(Method::Post, &collection, &Value::Object(flagged))
            }
            Operation::Create { payload } => with_body(Method::Post, &collection, payload),
            Operation::Update { id, payload } => {
                with_body(Method::Put, &item(id), &blank_nulls(payload))
            }
            Operation::Delete { id } => send(Method::Delete, &item(id)),
        }
    }

    fn decode(
        &self,
        resource: &Description,
        operation: &Operation,
        response: &HttpResponse,
    ) -> Result<Answer, ApiError> {
        if !(200..300).contains(&response.status) {
            return Err(decode_failure(operation, response));
        }
        let body: Option<Value> = serde_json::from_str(&response.body).ok();
        if let Operation::Delete { .. } = operation {
            // The domain-profile delete answers 200 with no body.
            return match body.as_ref().map(outcome) {
                Some(Err(failure)) => Err(failure),
                _ => Ok(Answer::Deleted),
            };
        }
        let body =
            body.ok_or_else(|| ApiError::UnexpectedResponse("the answer is not JSON".into()))?;
        match operation {
            Operation::List { query } => decode_list(resource, query.limit, &body),
            Operation::Read { .. } => read_answer(resource, body),
            // A success without an item (the password restore) stands for what was sent.
            Operation::Create { payload } | Operation::Update { payload, .. } => outcome(&body)
                .map(|item| match item.as_object() {
                    Some(fields) if fields.is_empty() => Answer::Record((*payload).clone()),
                    _ => Answer::Record(item),
                }),
            Operation::Delete { .. } => Ok(Answer::Deleted),
        }
    }
}

/// A write's envelope: the item on `"status": "success"` (an empty
/// object when there is none, as for the password restore), the field
/// errors on `"status": "error"`.
pub fn outcome(body: &Value) -> Result<Value, ApiError> {
    match body.get("status").and_then(Value::as_str) {
        Some("success") => Ok(body
            .get("item")
            .filter(|item| item.is_object())
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new()))),
        Some("error") => {
            let errors = body
                .get("errors")
                .and_then(FieldErrors::from_json)
                .filter(|errors| !errors.is_empty());
            Err(match errors {
                Some(errors) => ApiError::Validation(errors),
                None => ApiError::BadRequest(
                    message_of(body).unwrap_or_else(|| "the API gave no reason".into()),
                ),
            })
        }
        _ => Err(ApiError::UnexpectedResponse(
            "the answer has no \"status\" of success or error".into(),
        )),
    }
}

fn decode_list(resource: &Description, asked: u32, body: &Value) -> Result<Answer, ApiError> {
    let items = body
        .get("items")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::UnexpectedResponse("a list answers with \"items\"".into()))?;
    let pager = body.get("pager");
    let number = |key: &str| pager.and_then(|p| p.get(key)).and_then(Value::as_u64);
    let total = number("items")
        .unwrap_or(items.len() as u64)
        .max(items.len() as u64);
    let page_size = number("pagesize")
        .and_then(|size| u32::try_from(size).ok())
        .filter(|size| *size > 0);
    let mut page = ListPage {
        items: items.clone(),
        page: number("page")
            .and_then(|page| u32::try_from(page).ok())
            .unwrap_or(1)
            .max(1),
        // Whole unless the server (or the query) paged it.
        limit: page_size.unwrap_or(if asked == WHOLE_LIST {
            WHOLE_LIST
        } else {
            asked
        }),
        total,
        next_uri: None,
        previous_uri: None,
        unreadable: 0,
        surplus: 0,
        open_ended: false,
    };
    keep_records(resource, &mut page);
    Ok(Answer::Page(page))
}

/// The `message` of a failure body.
fn message_of(body: &Value) -> Option<String> {
    body.get("message")
        .or_else(|| body.get("error"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// A status outside 2xx.
fn decode_failure(operation: &Operation, response: &HttpResponse) -> ApiError {
    let body: Option<Value> = serde_json::from_str(&response.body).ok();
    let message = body
        .as_ref()
        .and_then(message_of)
        .unwrap_or_else(|| "no details".into());
    let gone = message
        .trim()
        .trim_end_matches(['.', '!'])
        .eq_ignore_ascii_case("Profile does not exist");
    match response.status {
        400 if gone && matches!(operation, Operation::Delete { .. }) => ApiError::NotFound(message),
        400 => match body.as_ref().map(outcome) {
            Some(Err(ApiError::Validation(errors))) => ApiError::Validation(errors),
            _ => ApiError::BadRequest(message),
        },
        401 => ApiError::Unauthorized(REFUSED.into()),
        status => ApiError::from_status(status, message, response.retry_after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base64::parse_basic_auth;
    use crate::list::ListQuery;
    use crate::websupport::billing::BILLING;
    use crate::websupport::domain_profiles::DOMAIN_PROFILES;
    use crate::websupport::signature;
    use crate::websupport::users::RESTORE_PASSWORD;
    use crate::websupport::users::USERS;
    use serde_json::json;

    const NOW: i64 = 1_548_240_417;

    fn config() -> WebsupportConfig {
        WebsupportConfig {
            base_url: "/api/websupport".into(),
            api_key: "key".into(),
            secret: "secret".into(),
        }
    }

    fn whole() -> ListQuery {
        USERS.list.default_query()
    }

    #[test]
    fn paths_nest_under_the_user_and_sign_what_upstream_sees() {
        let config = config();
        let call = WebsupportCall {
            config: &config,
            unix_time: NOW,
            parent_id: Some("self"),
        };
        let list = WEBSUPPORT_API.request(&call, &BILLING, &Operation::List { query: &whole() });
        assert_eq!(list.url, "/api/websupport/v1/user/self/billing");
        let (_, signed) = parse_basic_auth(list.header_value("Authorization").unwrap_or_default())
            .expect("basic");
        assert_eq!(
            signed,
            signature("secret", Method::Get, "/v1/user/self/billing", NOW)
        );
        let delete =
            WEBSUPPORT_API.request(&call, &DOMAIN_PROFILES, &Operation::Delete { id: "126" });
        assert_eq!(
            (delete.method, delete.url.as_str()),
            (
                Method::Delete,
                "/api/websupport/v1/user/self/domainProfile/126"
            )
        );
        let paged = ListQuery {
            page: 2,
            limit: 20,
            ..whole()
        };
        let top = WebsupportCall {
            parent_id: None,
            ..call
        };
        let list = WEBSUPPORT_API.request(&top, &USERS, &Operation::List { query: &paged });
        assert_eq!(list.url, "/api/websupport/v1/user?page=2&pagesize=20");
        let (_, signed) = parse_basic_auth(list.header_value("Authorization").unwrap_or_default())
            .expect("basic");
        assert_eq!(signed, signature("secret", Method::Get, "/v1/user", NOW));
        let restore = WEBSUPPORT_API.request(
            &top,
            &RESTORE_PASSWORD,
            &Operation::Create {
                payload: &json!({"login": "mylogin"}),
            },
        );
        assert_eq!(restore.url, "/api/websupport/v1/user/restorepass");
    }

    #[test]
    fn sub_users_carry_is_sub_user_and_updates_blank_cleared_fields() {
        let config = config();
        let call = WebsupportCall {
            config: &config,
            unix_time: NOW,
            parent_id: None,
        };
        let payload = json!({"login": "sub"});
        let create =
            WEBSUPPORT_API.request(&call, &USERS, &Operation::Create { payload: &payload });
        let body: Value = serde_json::from_str(create.body.as_deref().unwrap_or("")).expect("json");
        assert_eq!(body, json!({"login": "sub", "isSubUser": true}));
        let sign_up = WEBSUPPORT_API.request(
            &call,
            &crate::websupport::users::SIGN_UP,
            &Operation::Create { payload: &payload },
        );
        assert_eq!(sign_up.body.as_deref(), Some(r#"{"login":"sub"}"#));
        let changes = json!({"contactPerson": null, "phone": "1"});
        let update = WEBSUPPORT_API.request(
            &call,
            &USERS,
            &Operation::Update {
                id: "self",
                payload: &changes,
            },
        );
        assert_eq!(update.method, Method::Put);
        let body: Value = serde_json::from_str(update.body.as_deref().unwrap_or("")).expect("json");
        assert_eq!(body, json!({"contactPerson": "", "phone": "1"}));
    }

    #[test]
    fn errors_inside_a_success_status_land_on_their_fields() {
        let create = Operation::Create {
            payload: &json!({}),
        };
        let answer = HttpResponse::json(
            200,
            r#"{"status": "error", "item": {"id": null},
                "errors": {"login": ["Login is too short (minimum is 3 characters)."], "market": ["Wrong market!"]}}"#
                .into(),
        );
        let Err(ApiError::Validation(errors)) = WEBSUPPORT_API.decode(&USERS, &create, &answer)
        else {
            panic!("field errors expected");
        };
        assert_eq!(
            errors.get("login"),
            ["Login is too short (minimum is 3 characters)."]
        );
        assert_eq!(errors.get("market"), ["Wrong market!"]);
        let created = HttpResponse::json(
            201,
            r#"{"status": "success", "item": {"id": 74429, "profile": "my new profile"}, "errors": []}"#.into(),
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&BILLING, &create, &created),
            Ok(Answer::Record(
                json!({"id": 74429, "profile": "my new profile"})
            ))
        );
        let restored = HttpResponse::json(201, r#"{"status": "success"}"#.into());
        let login = json!({"login": "mylogin"});
        assert_eq!(
            WEBSUPPORT_API.decode(
                &RESTORE_PASSWORD,
                &Operation::Create { payload: &login },
                &restored
            ),
            Ok(Answer::Record(login.clone())),
            "no item: what was sent"
        );
        let restore_error = HttpResponse::json(
            200,
            r#"{"status": "error", "errors": {"login": ["Login field is required"]}}"#.into(),
        );
        assert!(matches!(
            WEBSUPPORT_API.decode(&RESTORE_PASSWORD, &create, &restore_error),
            Err(ApiError::Validation(_))
        ));
        let odd = HttpResponse::json(200, r#"{"item": {}}"#.into());
        assert!(matches!(
            WEBSUPPORT_API.decode(&USERS, &create, &odd),
            Err(ApiError::UnexpectedResponse(_))
        ));
    }

    #[test]
    fn documented_failures_decode_to_their_meaning() {
        let delete = Operation::Delete { id: "1" };
        let read = Operation::Read { id: "1" };
        let not_found =
            HttpResponse::json(404, r#"{"message": "User not found.", "code": 404}"#.into());
        assert_eq!(
            WEBSUPPORT_API.decode(&USERS, &read, &not_found),
            Err(ApiError::NotFound("User not found.".into()))
        );
        let default = HttpResponse::json(
            500,
            r#"{"message": "Cannot delete default profile!", "code": 500}"#.into(),
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&BILLING, &delete, &default),
            Err(ApiError::Server {
                status: 500,
                message: "Cannot delete default profile!".into()
            })
        );
        let assigned = HttpResponse::json(
            400,
            r#"{"message": "Cannot delete profile with assigned domains!", "code": 400}"#.into(),
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&DOMAIN_PROFILES, &delete, &assigned),
            Err(ApiError::BadRequest(
                "Cannot delete profile with assigned domains!".into()
            ))
        );
        let gone = HttpResponse::json(
            400,
            r#"{"message": "Profile does not exist", "code": 400}"#.into(),
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&DOMAIN_PROFILES, &delete, &gone),
            Err(ApiError::NotFound("Profile does not exist".into()))
        );
        let refused = HttpResponse::json(401, "{}".into());
        assert_eq!(
            WEBSUPPORT_API.decode(&USERS, &read, &refused),
            Err(ApiError::Unauthorized(REFUSED.into()))
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&DOMAIN_PROFILES, &delete, &HttpResponse::empty(200)),
            Ok(Answer::Deleted)
        );
        let billing_deleted = HttpResponse::json(
            200,
            r#"{"status": "success", "item": {"id": 74429}, "errors": []}"#.into(),
        );
        assert_eq!(
            WEBSUPPORT_API.decode(&BILLING, &delete, &billing_deleted),
            Ok(Answer::Deleted)
        );
        let garbage = HttpResponse::json(200, "<html>".into());
        assert!(matches!(
            WEBSUPPORT_API.decode(&USERS, &read, &garbage),
            Err(ApiError::UnexpectedResponse(_))
        ));
    }

    #[test]
    fn lists_read_items_and_the_pager() {
        let query = whole();
        let operation = Operation::List { query: &query };
        let answer = HttpResponse::json(
            200,
            r#"{"items": [
                {"id": 123, "login": "testaccount", "parentId": null, "active": true, "createTime": 1279829310, "group": "users"},
                {"no": "id"}
              ], "pager": {"page": 1, "pagesize": null, "items": 2}}"#
                .into(),
        );
        let page = WEBSUPPORT_API
            .decode(&USERS, &operation, &answer)
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!(
            (page.items.len(), page.unreadable, page.limit, page.total),
            (1, 1, WHOLE_LIST, 2)
        );
        let paged = HttpResponse::json(
            200,
            r#"{"items": [{"id": 1, "login": "a"}], "pager": {"page": 1, "pagesize": 1, "items": 3}}"#.into(),
        );
        let page = WEBSUPPORT_API
            .decode(&USERS, &operation, &paged)
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!((page.limit, page.total, page.page_count()), (1, 3, 3));
        let not_a_list = HttpResponse::json(200, "[]".into());
        assert!(WEBSUPPORT_API
            .decode(&USERS, &operation, &not_a_list)
            .is_err());
    }
}
