//! The Profiles API's dialect.
//!
//! - Lists: `GET /{collection}?limit=&offset=&sort_by=&sort_order=&filter[f]=v`,
//!   answered by a bare JSON array. A list that documents no sorting (a
//!   profile's contacts) is asked for without parameters and read whole.
//! - Updates are `PATCH` with the fields that changed (the documentation
//!   offers PUT or PATCH at `/profiles/{id}`; its `/profile/{id}` heading
//!   is a slip, as every example and path says `/profiles`).
//! - Records: `/{collection}/{id}`, answered by the bare object; records
//!   are identified by their own field (`profileId`, `contactId`).
//! - Nested resources live under their parent: `/profiles/{profileId}/contacts…`.
//! - Delete answers with no body.
//! - Authentication is the pasted bearer token ([`ProfilesConfig::request`]).
//!
//! A bare array carries no total. The dialect reads a full page as "there
//! is at least one more" and a short page as the last one, so the pager
//! can offer Next without counting everything (decided here; the
//! documentation is silent).

use serde_json::Value;

use super::ProfilesConfig;
use crate::error::ApiError;
use crate::http::{percent_encode, HttpRequest, HttpResponse, Method};
use crate::list::{clamp_limit, clamp_page, ListPage};
use crate::resource::dialect::{decode_deleted, keep_records, read_answer};
use crate::resource::{Answer, Description, Dialect, Operation};
use crate::validation::FieldErrors;

/// The Profiles API's dialect.
#[derive(Clone, Copy, Debug)]
pub struct ProfilesDialect;

/// The one instance.
pub const PROFILES_API: ProfilesDialect = ProfilesDialect;

/// Where to send a Profiles call, and the parent record's id for nested resources.
#[derive(Clone, Copy, Debug)]
pub struct ProfilesCall<'a> {
    pub config: &'a ProfilesConfig,
    pub parent_id: Option<&'a str>,
}

impl ProfilesCall<'_> {
    fn collection_path(&self, resource: &Description) -> String {
        let path = resource.path;
        match (path.parent, self.parent_id) {
            (Some(parent), Some(id)) => {
                format!("/{parent}/{}/{}", percent_encode(id), path.collection)
            }
            _ => format!("/{}", path.collection),
        }
    }
}

impl Dialect for ProfilesDialect {
    type Call<'a> = ProfilesCall<'a>;

    fn request(
        &self,
        call: &ProfilesCall<'_>,
        resource: &Description,
        operation: &Operation,
    ) -> HttpRequest {
        let collection = call.collection_path(resource);
        let item = |id: &str| format!("{collection}/{}", percent_encode(id));
        let with_body = |method, at: &str, payload: &Value| {
            call.config
                .request(method, at, &[])
                .json_body(serde_json::to_string(payload).unwrap_or_default())
        };
        match operation {
            Operation::List { .. } if resource.list.orders.is_empty() => {
                call.config.request(Method::Get, &collection, &[])
            }
            Operation::List { query } => {
                let limit = clamp_limit(query.limit);
                let offset = (clamp_page(query.page) - 1) * limit;
                let (sort_by, sort_order) = query
                    .order_by
                    .split_once('.')
                    .unwrap_or((query.order_by, "asc"));
                let mut pairs: Vec<(String, String)> = vec![
                    ("limit".into(), limit.to_string()),
                    ("offset".into(), offset.to_string()),
                    ("sort_by".into(), sort_by.to_string()),
                    ("sort_order".into(), sort_order.to_string()),
                ];
                pairs.extend(
                    query
                        .filters
                        .iter()
                        .map(|(key, value)| (format!("filter[{key}]"), value.clone())),
                );
                let borrowed: Vec<(&str, String)> = pairs
                    .iter()
                    .map(|(key, value)| (key.as_str(), value.clone()))
                    .collect();
                call.config.request(Method::Get, &collection, &borrowed)
            }
            Operation::Read { id } => call.config.request(Method::Get, &item(id), &[]),
            Operation::Create { payload } => with_body(Method::Post, &collection, payload),
            Operation::Update { id, payload } => with_body(Method::Patch, &item(id), payload),
            Operation::Delete { id } => call.config.request(Method::Delete, &item(id), &[]),
        }
    }

    fn decode(
        &self,
        resource: &Description,
        operation: &Operation,
        response: &HttpResponse,
    ) -> Result<Answer, ApiError> {
        if let Operation::Delete { .. } = operation {
            return decode_deleted(response, decode_error);
        }
        if !(200..300).contains(&response.status) {
            return Err(decode_error(response));
        }
        let body: Value = serde_json::from_str(&response.body)
            .map_err(|_| ApiError::UnexpectedResponse("the answer is not JSON".into()))?;
        match operation {
            Operation::List { query } => {
                let items = body.as_array().ok_or_else(|| {
                    ApiError::UnexpectedResponse("a list answers with an array".into())
                })?;
                if !resource.list.is_paged() {
                    let mut whole = ListPage {
                        items: items.clone(),
                        page: 1,
                        limit: items.len().max(1) as u32,
                        total: items.len() as u64,
                        next_uri: None,
                        previous_uri: None,
                        unreadable: 0,
                        surplus: 0,
                        open_ended: false,
                    };
                    keep_records(resource, &mut whole);
                    return Ok(Answer::Page(whole));
                }
                let limit = clamp_limit(query.limit);
                let page = clamp_page(query.page);
                let shown = items.len().min(limit as usize);
                let full = items.len() >= limit as usize;
                let before = u64::from(page - 1) * u64::from(limit);
                let mut list = ListPage {
                    items: items.iter().take(shown).cloned().collect(),
                    page,
                    limit,
                    total: before + shown as u64 + u64::from(full),
                    next_uri: None,
                    previous_uri: None,
                    unreadable: 0,
                    surplus: items.len() - shown,
                    open_ended: full,
                };
                keep_records(resource, &mut list);
                Ok(Answer::Page(list))
            }
            Operation::Read { .. } => read_answer(resource, body),
            _ if body.is_object() => Ok(Answer::Record(body)),
            _ => Err(ApiError::UnexpectedResponse(
                "a record answers with an object".into(),
            )),
        }
    }
}

/// Any failure: `{"errors": {field: [messages]}}` on 400 or 422 becomes
/// field errors; otherwise the status decides, with `message` or `error`
/// as the text where the body has one.
pub fn decode_error(response: &HttpResponse) -> ApiError {
    let body: Option<Value> = serde_json::from_str(&response.body).ok();
    let text = body
        .as_ref()
        .and_then(|body| body.get("message").or_else(|| body.get("error")))
        .and_then(Value::as_str)
        .unwrap_or("no details")
        .to_string();
    let fields = body
        .as_ref()
        .and_then(|body| body.get("errors"))
        .and_then(FieldErrors::from_json)
        .filter(|errors| !errors.is_empty());
    match (response.status, fields) {
        (400 | 422, Some(fields)) => ApiError::Validation(fields),
        (400 | 422, None) => ApiError::BadRequest(text),
        (status, _) => ApiError::from_status(status, text, response.retry_after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::ListQuery;
    use crate::profiles::contacts::CONTACTS;
    use crate::profiles::profile::PROFILES;
    use serde_json::json;

    fn config() -> ProfilesConfig {
        ProfilesConfig {
            base_url: "https://p.example".into(),
            token: "abc".into(),
        }
    }

    #[test]
    fn profiles_page_by_offset_with_the_documented_parameters() {
        let config = config();
        let call = ProfilesCall {
            config: &config,
            parent_id: None,
        };
        let query = ListQuery {
            page: 3,
            limit: 10,
            order_by: "lastName.asc",
            filters: vec![("enabled", "1".into()), ("profileFirstName", "Mary".into())],
        };
        let list = PROFILES_API.request(&call, &PROFILES, &Operation::List { query: &query });
        assert_eq!(
            list.url,
            "https://p.example/profiles?limit=10&offset=20&sort_by=lastName&sort_order=asc\
             &filter%5Benabled%5D=1&filter%5BprofileFirstName%5D=Mary"
        );
        assert_eq!(list.header_value("Authorization"), Some("Bearer abc"));
        let payload = json!({"firstName": "Maria"});
        let update = PROFILES_API.request(
            &call,
            &PROFILES,
            &Operation::Update {
                id: "p1",
                payload: &payload,
            },
        );
        assert_eq!(
            (update.method, update.url.as_str(), update.body.as_deref()),
            (
                Method::Patch,
                "https://p.example/profiles/p1",
                Some(r#"{"firstName":"Maria"}"#)
            )
        );
    }

    #[test]
    fn contacts_nest_under_their_profile_and_are_read_whole() {
        let config = config();
        let call = ProfilesCall {
            config: &config,
            parent_id: Some("6006dda272f002519c3eb505"),
        };
        let query = CONTACTS.list.default_query();
        let list = PROFILES_API.request(&call, &CONTACTS, &Operation::List { query: &query });
        assert_eq!(
            list.url,
            "https://p.example/profiles/6006dda272f002519c3eb505/contacts"
        );
        let delete = PROFILES_API.request(&call, &CONTACTS, &Operation::Delete { id: "c1" });
        assert_eq!(
            (delete.method, delete.url.as_str()),
            (
                Method::Delete,
                "https://p.example/profiles/6006dda272f002519c3eb505/contacts/c1"
            )
        );
        let answer = HttpResponse::json(
            200,
            r#"[{"contactId": "a", "key": "email", "value": "a@b.co", "updateTime": null},
                {"contactId": "b", "key": "phone", "value": "+4219001", "updateTime": null},
                {"no": "id"}]"#
                .into(),
        );
        let page = PROFILES_API
            .decode(&CONTACTS, &Operation::List { query: &query }, &answer)
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!(
            (
                page.items.len(),
                page.unreadable,
                page.page_count(),
                page.next_uri
            ),
            (2, 1, 1, None)
        );
    }

    #[test]
    fn bare_arrays_become_pages_that_know_whether_more_follow() {
        let record = |id: &str| {
            format!(
                r#"{{"profileId": "{id}", "name": "", "firstName": "", "middleName": "", "lastName": "",
                   "enabled": true, "createTime": "", "updateTime": ""}}"#
            )
        };
        let query = ListQuery {
            page: 2,
            limit: 2,
            order_by: "createTime.desc",
            filters: Vec::new(),
        };
        let operation = Operation::List { query: &query };
        let full = HttpResponse::json(
            200,
            format!("[{}, {}, {}]", record("a"), record("b"), record("c")),
        );
        let page = PROFILES_API
            .decode(&PROFILES, &operation, &full)
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!((page.items.len(), page.surplus, page.total), (2, 1, 5));
        assert_eq!(page.page_count(), 3, "one more page may follow");
        assert!(page.open_ended);
        let short = HttpResponse::json(200, format!(r#"[{}, {{"no": "id"}}]"#, record("a")));
        let three = ListQuery {
            limit: 3,
            ..query.clone()
        };
        let page = PROFILES_API
            .decode(&PROFILES, &Operation::List { query: &three }, &short)
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!(
            (page.items.len(), page.unreadable, page.open_ended),
            (1, 1, false)
        );
        let object = HttpResponse::json(200, record("a"));
        assert!(matches!(
            PROFILES_API.decode(&PROFILES, &operation, &object),
            Err(ApiError::UnexpectedResponse(_))
        ));
    }

    #[test]
    fn records_deletes_and_errors_decode() {
        let read = Operation::Read { id: "a" };
        let record = HttpResponse::json(200, r#"{"contactId": "a", "key": "email"}"#.into());
        assert_eq!(
            PROFILES_API.decode(&CONTACTS, &read, &record),
            Ok(Answer::Record(json!({"contactId": "a", "key": "email"})))
        );
        let invalid = HttpResponse::json(
            422,
            r#"{"message": "Invalid", "errors": {"value": ["Not an email."]}}"#.into(),
        );
        let Err(ApiError::Validation(errors)) = PROFILES_API.decode(&CONTACTS, &read, &invalid)
        else {
            panic!("field errors expected");
        };
        assert_eq!(errors.get("value"), ["Not an email."]);
        let missing = HttpResponse::json(404, r#"{"message": "No such contact"}"#.into());
        assert_eq!(
            PROFILES_API.decode(&CONTACTS, &read, &missing),
            Err(ApiError::NotFound("No such contact".into()))
        );
        let deleted = HttpResponse::empty(204);
        assert_eq!(
            PROFILES_API.decode(&CONTACTS, &Operation::Delete { id: "a" }, &deleted),
            Ok(Answer::Deleted)
        );
    }
}
