//! The request shapes every Admin API collection shares.
//!
//! A collection lives at `/{collection}` (list, create) and one record at
//! `/{item}/{id}` (read, update, delete); answers wrap records under the
//! item name and lists under the collection name. Each resource module
//! declares one [`Resource`] and keeps only its own fields and rules.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::list::decode_list;
use super::{decode_wrapped, AdminConfig};
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::list::{clamp_limit, clamp_page, ListPage, ListQuery, ListSpec};

/// One Admin API collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resource {
    /// Path segment and list key, e.g. `users`.
    pub collection: &'static str,
    /// Path segment and record key, e.g. `user`.
    pub item: &'static str,
    /// Documented orders and filters; every filter travels on the query string.
    pub list: ListSpec,
}

impl Resource {
    /// `GET /{collection}/{page}/{limit}?…filters&order_by=…`.
    pub fn list_request(
        &self,
        config: &AdminConfig,
        token: &str,
        query: &ListQuery,
    ) -> HttpRequest {
        let path = format!(
            "/{}/{}/{}",
            self.collection,
            clamp_page(query.page),
            clamp_limit(query.limit)
        );
        config.request(
            Method::Get,
            &path,
            &query.api_query(self.list.filters),
            token,
        )
    }

    /// One page; a 204 is the empty page that was asked for.
    pub fn decode_list<T: DeserializeOwned>(
        &self,
        response: &HttpResponse,
        query: &ListQuery,
    ) -> Result<ListPage<T>, ApiError> {
        decode_list(
            response,
            self.collection,
            clamp_page(query.page),
            clamp_limit(query.limit),
        )
    }

    pub fn get_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
        config.request(Method::Get, &self.item_path(id), &[], token)
    }

    pub fn create_request<F: Serialize>(
        &self,
        config: &AdminConfig,
        token: &str,
        fields: &F,
    ) -> HttpRequest {
        config
            .request(Method::Post, &format!("/{}", self.collection), &[], token)
            .json_body(serde_json::to_string(fields).unwrap_or_default())
    }

    pub fn update_request<F: Serialize>(
        &self,
        config: &AdminConfig,
        token: &str,
        id: i64,
        fields: &F,
    ) -> HttpRequest {
        config
            .request(Method::Put, &self.item_path(id), &[], token)
            .json_body(serde_json::to_string(fields).unwrap_or_default())
    }

    pub fn delete_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
        config.request(Method::Delete, &self.item_path(id), &[], token)
    }

    /// A read (200), create (201) or update (200) answer.
    pub fn decode_record<T: DeserializeOwned>(
        &self,
        response: &HttpResponse,
    ) -> Result<T, ApiError> {
        decode_wrapped(response, &[200, 201], self.item)
    }

    fn item_path(&self, id: i64) -> String {
        format!("/{}/{id}", self.item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::decode_deleted;
    use crate::list::DEFAULT_LIMIT;

    const THINGS: Resource = Resource {
        collection: "things",
        item: "thing",
        list: ListSpec {
            orders: &["id.asc", "id.desc"],
            filters: &["status", "owner_id"],
            integers: &["status", "owner_id"],
            default_limit: DEFAULT_LIMIT,
        },
    };

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "/api".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        }
    }

    #[test]
    fn paths_follow_collection_and_item_names() {
        let key = format!("?app_key={}", "k".repeat(32));
        let query = THINGS
            .list
            .from_url(|key| (key == "owner_id").then(|| "4".to_string()));
        let list = THINGS.list_request(&config(), "t", &query);
        assert_eq!(
            list.url,
            format!("/api/v/1.0/things/1/10{key}&owner_id=4&order_by=id.asc")
        );
        let get = THINGS.get_request(&config(), "t", 7);
        assert_eq!(
            (get.method, get.url),
            (Method::Get, format!("/api/v/1.0/thing/7{key}"))
        );
        let create = THINGS.create_request(&config(), "t", &serde_json::json!({"a": 1}));
        assert_eq!(
            (create.method, create.body.as_deref()),
            (Method::Post, Some(r#"{"a":1}"#))
        );
        assert!(create.url.starts_with("/api/v/1.0/things?"));
        let update = THINGS.update_request(&config(), "t", 7, &serde_json::json!({}));
        assert_eq!(
            (update.method, update.url),
            (Method::Put, format!("/api/v/1.0/thing/7{key}"))
        );
        assert_eq!(
            THINGS.delete_request(&config(), "t", 7).method,
            Method::Delete
        );
    }

    #[test]
    fn records_decode_from_their_item_key() {
        let created = HttpResponse::json(201, r#"{"thing": {"n": 3}}"#.into());
        let value: serde_json::Value = THINGS.decode_record(&created).expect("decodes");
        assert_eq!(value["n"], 3);
        let wrong_key = HttpResponse::json(200, r#"{"other": {}}"#.into());
        assert!(matches!(
            THINGS.decode_record::<serde_json::Value>(&wrong_key),
            Err(ApiError::UnexpectedResponse(_))
        ));
        let missing = HttpResponse::json(404, r#"{"error": "Not found"}"#.into());
        assert!(matches!(
            decode_deleted(&missing),
            Err(ApiError::NotFound(_))
        ));
    }
}
