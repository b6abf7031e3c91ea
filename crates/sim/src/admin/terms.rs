//! `/terms_of_services…` and `/terms_of_service/{id}`.

use serde_json::json;
use userdesk_api::admin::terms::{self, TermsOfService, TERMS};
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpResponse, Method};

use super::list::{same_number, serve_list};
use super::{json_body, AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};

impl AdminServer {
    pub(super) fn handle_terms(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        let find = |server: &Self, id: &str| {
            let id = id.parse::<i64>().ok()?;
            server.terms.iter().position(|t| t.id == id)
        };
        match (segments[0], call.method, segments.len()) {
            ("terms_of_services", Method::Get, 1..=3) => serve_list(
                call,
                &TERMS,
                self.terms.clone(),
                |terms, key, value| {
                    key == "status" && same_number(value, i64::from(terms.fields.status.code()))
                },
                |terms, column| match column {
                    "publish_date" => (terms.fields.publish_date.clone(), terms.id),
                    "version" => (terms.fields.version.clone(), terms.id),
                    _ => (String::new(), terms.id),
                },
            ),
            ("terms_of_services", Method::Post, 1) => self.save_terms(call, None, now),
            ("terms_of_service", Method::Get, 2) => match find(self, segments[1]) {
                Some(index) => ok(200, &json!({ "terms_of_service": self.terms[index] })),
                None => error(404, "Terms of service not found"),
            },
            ("terms_of_service", Method::Put, 2) => match find(self, segments[1]) {
                Some(index) => self.save_terms(call, Some(index), now),
                None => error(404, "Terms of service not found"),
            },
            ("terms_of_service", Method::Delete, 2) => match find(self, segments[1]) {
                Some(index) => {
                    self.terms.remove(index);
                    no_content()
                }
                None => error(404, "Terms of service not found"),
            },
            ("terms_of_services", _, 1) | ("terms_of_service", _, 2) => {
                error(405, "Method not allowed")
            }
            _ => error(404, "Not found"),
        }
    }

    fn save_terms(&mut self, call: &Call, existing: Option<usize>, now: i64) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let fields = match terms::validate_payload(&body) {
            Ok(fields) => fields,
            Err(errors) => return field_errors(errors.to_nested_json()),
        };
        let stamp = format_timestamp(now);
        let index = match existing {
            Some(index) => index,
            None => {
                let id = self.next_terms_id;
                self.next_terms_id += 1;
                self.terms.push(TermsOfService {
                    id,
                    fields: fields.clone(),
                    status_changed_at: stamp.clone(),
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                });
                self.terms.len() - 1
            }
        };
        let row = &mut self.terms[index];
        if row.fields.status != fields.status {
            row.status_changed_at = stamp.clone();
        }
        row.fields = fields;
        row.updated_at = stamp;
        let code = if existing.is_some() { 200 } else { 201 };
        ok(code, &json!({ "terms_of_service": row }))
    }
}
