//! Response helpers in the Admin API's wire shapes.

use serde::Serialize;
use serde_json::{json, Value};
use userdesk_api::HttpResponse;

pub fn ok<T: Serialize>(status: u16, body: &T) -> HttpResponse {
    match serde_json::to_string(body) {
        Ok(text) => HttpResponse::json(status, text),
        Err(_) => error(500, "Could not encode the response"),
    }
}

/// `{"error": "text"}` with the given status.
pub fn error(status: u16, text: &str) -> HttpResponse {
    HttpResponse::json(status, json!({ "error": text }).to_string())
}

/// `{"error": {field: [messages]}}` with status 400.
pub fn field_errors(errors: Value) -> HttpResponse {
    HttpResponse::json(400, json!({ "error": errors }).to_string())
}

/// 204 with an empty body and `text/html`, as the reference server sends it.
pub fn no_content() -> HttpResponse {
    HttpResponse {
        status: 204,
        content_type: Some("text/html; charset=utf-8".to_string()),
        retry_after: None,
        body: String::new(),
    }
}
