//! The Admin API's dialect: lists at `/{collection}/{page}/{limit}` with
//! filters and `order_by` on the query string and the items under the
//! collection's name; one record at `/{item}/{id}`, wrapped under the
//! item's name; `app_key` on every request and the session token as Basic
//! `token:` (see [`AdminConfig::request`]).

use serde_json::Value;

use super::list::decode_list;
use super::{decode_error, decode_wrapped, AdminConfig};
use crate::error::ApiError;
use crate::http::{percent_encode, HttpRequest, HttpResponse, Method};
use crate::list::{clamp_limit, clamp_page};
use crate::resource::dialect::{decode_deleted, keep_records, read_answer};
use crate::resource::{Answer, Description, Dialect, Operation};

/// The Admin API's dialect.
#[derive(Clone, Copy, Debug)]
pub struct AdminDialect;

/// The one instance.
pub const ADMIN_API: AdminDialect = AdminDialect;

/// Where to send an Admin call and with which session token.
#[derive(Clone, Copy, Debug)]
pub struct AdminCall<'a> {
    pub config: &'a AdminConfig,
    pub token: &'a str,
}

impl Dialect for AdminDialect {
    type Call<'a> = AdminCall<'a>;

    fn request(
        &self,
        call: &AdminCall<'_>,
        resource: &Description,
        operation: &Operation,
    ) -> HttpRequest {
        let path = resource.path;
        let item = |id: &str| format!("/{}/{}", path.item, percent_encode(id));
        let send = |method, at: &str, query: &[(&str, String)]| {
            call.config.request(method, at, query, call.token)
        };
        let with_body = |request: HttpRequest, payload: &Value| {
            request.json_body(serde_json::to_string(payload).unwrap_or_default())
        };
        match operation {
            Operation::List { query } => {
                let page = clamp_page(query.page);
                let by_path = path
                    .list_by
                    .and_then(|by| query.filter(by.filter).map(|value| (by.filter, value)));
                let (at, in_query) = match by_path {
                    Some((filter, value)) => {
                        let at = format!("/{}/{}/{page}", path.collection, percent_encode(value));
                        let rest: Vec<&str> = resource
                            .list
                            .filters
                            .iter()
                            .copied()
                            .filter(|key| *key != filter)
                            .collect();
                        (at, query.api_query(&rest))
                    }
                    None => {
                        let limit = clamp_limit(query.limit);
                        let at = format!("/{}/{page}/{limit}", path.collection);
                        let rest: Vec<&str> = resource
                            .list
                            .filters
                            .iter()
                            .copied()
                            .filter(|key| path.list_by.is_none_or(|by| by.filter != *key))
                            .collect();
                        (at, query.api_query(&rest))
                    }
                };
                send(Method::Get, &at, &in_query)
            }
            Operation::Read { id } => send(Method::Get, &item(id), &[]),
            Operation::Create { payload } => with_body(
                send(Method::Post, &format!("/{}", path.collection), &[]),
                payload,
            ),
            Operation::Update { id, payload } => {
                with_body(send(Method::Put, &item(id), &[]), payload)
            }
            Operation::Delete { id } => send(Method::Delete, &item(id), &[]),
        }
    }

    fn decode(
        &self,
        resource: &Description,
        operation: &Operation,
        response: &HttpResponse,
    ) -> Result<Answer, ApiError> {
        match operation {
            Operation::List { query } => {
                let mut page = decode_list::<Value>(
                    response,
                    resource.path.collection,
                    clamp_page(query.page),
                    resource.effective_limit(query),
                )?;
                keep_records(resource, &mut page);
                Ok(Answer::Page(page))
            }
            Operation::Delete { .. } => decode_deleted(response, decode_error),
            Operation::Read { .. } => {
                decode_wrapped::<Value>(response, &[200, 201], resource.path.item)
                    .and_then(|record| read_answer(resource, record))
            }
            _ => decode_wrapped::<Value>(response, &[200, 201], resource.path.item).and_then(
                |record| {
                    if record.is_object() {
                        Ok(Answer::Record(record))
                    } else {
                        Err(ApiError::UnexpectedResponse(format!(
                            "“{}” is not a record",
                            resource.path.item
                        )))
                    }
                },
            ),
        }
    }
}

/// Test support: a documented page decoded by the dialect, then each item
/// into `T`, as the simulator's typed records.
#[cfg(test)]
pub(crate) fn typed_page<T: serde::de::DeserializeOwned>(
    resource: &Description,
    body: String,
) -> crate::list::ListPage<T> {
    let query = resource.list.default_query();
    ADMIN_API
        .decode(
            resource,
            &Operation::List { query: &query },
            &HttpResponse::json(200, body),
        )
        .and_then(Answer::into_page)
        .expect("the page decodes")
        .map_items(|item| serde_json::from_value(item).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::terms::TERMS;
    use crate::list::ListSpec;
    use serde_json::json;

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "/api".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        }
    }

    #[test]
    fn requests_follow_collection_and_item_names() {
        let config = config();
        let call = AdminCall {
            config: &config,
            token: "t",
        };
        let key = format!("?app_key={}", "k".repeat(32));
        let query = ListSpec {
            filters: &["status", "owner_id"],
            integers: &["status", "owner_id"],
            ..TERMS.list
        }
        .from_url(|key| (key == "status").then(|| "4".to_string()));
        let list = ADMIN_API.request(&call, &TERMS, &Operation::List { query: &query });
        assert_eq!(
            list.url,
            format!("/api/v/1.0/terms_of_services/1/10{key}&status=4&order_by=id.asc")
        );
        assert_eq!(list.header_value("Authorization"), Some("Basic dDo="));
        let read = ADMIN_API.request(&call, &TERMS, &Operation::Read { id: "7" });
        assert_eq!(
            (read.method, read.url),
            (Method::Get, format!("/api/v/1.0/terms_of_service/7{key}"))
        );
        let payload = json!({"a": 1});
        let create = ADMIN_API.request(&call, &TERMS, &Operation::Create { payload: &payload });
        assert_eq!(
            (create.method, create.body.as_deref()),
            (Method::Post, Some(r#"{"a":1}"#))
        );
        assert!(create.url.starts_with("/api/v/1.0/terms_of_services?"));
        let update = ADMIN_API.request(
            &call,
            &TERMS,
            &Operation::Update {
                id: "7",
                payload: &payload,
            },
        );
        assert_eq!(
            (update.method, update.url),
            (Method::Put, format!("/api/v/1.0/terms_of_service/7{key}"))
        );
        let delete = ADMIN_API.request(&call, &TERMS, &Operation::Delete { id: "a/b" });
        assert_eq!(
            (delete.method, delete.url),
            (
                Method::Delete,
                format!("/api/v/1.0/terms_of_service/a%2Fb{key}")
            )
        );
    }

    #[test]
    fn answers_decode_by_operation() {
        let read = Operation::Read { id: "2" };
        let created = HttpResponse::json(201, r#"{"terms_of_service": {"id": 3}}"#.into());
        assert_eq!(
            ADMIN_API.decode(&TERMS, &read, &created),
            Ok(Answer::Record(json!({"id": 3})))
        );
        for body in [r#"{"other": {}}"#, r#"{"terms_of_service": 5}"#, "<html>"] {
            let wrong = HttpResponse::json(200, body.into());
            assert!(
                matches!(
                    ADMIN_API.decode(&TERMS, &read, &wrong),
                    Err(ApiError::UnexpectedResponse(_))
                ),
                "{body}"
            );
        }
        let missing = HttpResponse::json(404, r#"{"error": "Not found"}"#.into());
        let delete = Operation::Delete { id: "2" };
        assert!(matches!(
            ADMIN_API.decode(&TERMS, &delete, &missing),
            Err(ApiError::NotFound(_))
        ));
        let gone = HttpResponse::json(204, String::new());
        assert_eq!(
            ADMIN_API.decode(&TERMS, &delete, &gone),
            Ok(Answer::Deleted)
        );
    }

    #[test]
    fn list_items_without_an_id_or_with_a_wrong_type_are_counted_not_shown() {
        let query = TERMS.list.default_query();
        // `{"id": 2}` lacks keys a server may leave out: still a row.
        let body = r#"{"page": 1, "limit": 10, "total": 3,
            "terms_of_services": [{"id": 1, "version": "1", "publish_date": "", "text": "", "status": 1},
                {"version": "x"}, {"id": 2}, {"id": 3, "version": {"major": 1}}, 7]}"#;
        let page = ADMIN_API
            .decode(
                &TERMS,
                &Operation::List { query: &query },
                &HttpResponse::json(200, body.into()),
            )
            .and_then(Answer::into_page)
            .expect("page");
        assert_eq!((page.items.len(), page.unreadable), (2, 3));
        let empty = HttpResponse {
            status: 204,
            content_type: Some("text/html".into()),
            retry_after: None,
            body: String::new(),
        };
        let page = ADMIN_API
            .decode(&TERMS, &Operation::List { query: &query }, &empty)
            .and_then(Answer::into_page)
            .expect("empty page");
        assert!(page.items.is_empty());
    }
}
