//! `/app_keys…` and `/app_key/{id}`. These are also the keys every request's
//! `app_key` is checked against: only Enabled keys are accepted.

use serde_json::json;
use userdesk_api::admin::app_keys::{validate_payload, AppKey, AppKeyFields, APP_KEYS, KEY_TAKEN};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::time::format_timestamp;
use userdesk_api::{FieldErrors, HttpResponse, Method};

use super::list::{same_number, serve_list};
use super::{json_body, AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};

impl AdminServer {
    /// Whether a request's `app_key` may be used.
    pub(super) fn app_key_enabled(&self, key: &str) -> bool {
        self.app_keys
            .iter()
            .any(|k| k.fields.key == key && k.fields.status == ResourceStatus::Enabled)
    }

    pub(super) fn handle_app_keys(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        match (segments[0], call.method, segments.len()) {
            ("app_keys", Method::Get, 1..=3) => self.list_app_keys(call),
            ("app_keys", Method::Post, 1) => self.save_app_key(call, None, now),
            ("app_key", Method::Get, 2) => match self.find_app_key(segments[1]) {
                Some(index) => ok(200, &json!({ "app_key": self.app_keys[index] })),
                None => error(404, "App key not found"),
            },
            ("app_key", Method::Put, 2) => match self.find_app_key(segments[1]) {
                Some(index) => self.save_app_key(call, Some(index), now),
                None => error(404, "App key not found"),
            },
            ("app_key", Method::Delete, 2) => match self.find_app_key(segments[1]) {
                Some(index) => {
                    self.app_keys.remove(index);
                    no_content()
                }
                None => error(404, "App key not found"),
            },
            ("app_keys", _, 1) | ("app_key", _, 2) => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    fn find_app_key(&self, id: &str) -> Option<usize> {
        let id = id.parse::<i64>().ok()?;
        self.app_keys.iter().position(|k| k.id == id)
    }

    fn list_app_keys(&self, call: &Call) -> HttpResponse {
        serve_list(
            call,
            &APP_KEYS,
            self.app_keys.clone(),
            |key, filter, value| {
                filter == "status" && same_number(value, i64::from(key.fields.status.code()))
            },
            |key, column| match column {
                "application" => (key.fields.application.clone(), key.id),
                _ => (String::new(), key.id),
            },
        )
    }

    fn save_app_key(&mut self, call: &Call, existing: Option<usize>, now: i64) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let fields: AppKeyFields = match validate_payload(&body) {
            Ok(fields) => fields,
            Err(errors) => return field_errors(errors.to_nested_json()),
        };
        let own_id = existing.map(|index| self.app_keys[index].id);
        if self
            .app_keys
            .iter()
            .any(|k| k.fields.key == fields.key && Some(k.id) != own_id)
        {
            let mut errors = FieldErrors::new();
            errors.add("key", KEY_TAKEN);
            return field_errors(errors.to_nested_json());
        }
        let stamp = format_timestamp(now);
        match existing {
            Some(index) => {
                let record = &mut self.app_keys[index];
                if record.fields.status != fields.status {
                    record.status_changed_at = stamp.clone();
                }
                record.fields = fields;
                record.updated_at = stamp;
                ok(200, &json!({ "app_key": record }))
            }
            None => {
                let record = AppKey {
                    id: self.next_app_key_id,
                    fields,
                    created_at: stamp.clone(),
                    status_changed_at: stamp.clone(),
                    updated_at: stamp,
                };
                self.next_app_key_id += 1;
                self.app_keys.push(record.clone());
                ok(201, &json!({ "app_key": record }))
            }
        }
    }
}
