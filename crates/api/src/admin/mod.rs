//! Admin API v1.0 (`003_8b82bfe34d5f70ba.txt`).
//!
//! Every request carries `app_key` on the query string. `GET /token` takes
//! Basic `username:password`; every later call sends Basic `token:`.

pub mod account;
pub mod administrators;
pub mod app_keys;
pub mod countries;
pub mod dialect;
pub mod list;
pub mod logins;
pub mod notifications;
pub mod password_resets;
pub mod regions;
pub mod roles;
pub mod rules;
pub mod status;
pub mod terms;
pub mod token;
pub mod user_profiles;
pub mod users;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::base64::basic_auth;
use crate::error::ApiError;
use crate::http::{percent_encode, HttpRequest, HttpResponse, Method};
use crate::validation::FieldErrors;

// Every Admin API resource, in the sections of the console's menu.
crate::registry! {
    sections: [
        ("People", [users::USERS, user_profiles::USER_PROFILES, administrators::ADMINISTRATORS]),
        ("Access", [roles::ROLES, app_keys::APP_KEYS, terms::TERMS]),
        ("Places", [countries::COUNTRIES, regions::REGIONS]),
        ("Audit", [logins::LOGINS, password_resets::PASSWORD_RESETS, notifications::NOTIFICATIONS]),
    ],
    nested: [],
}

/// The app key printed in the documentation; the simulator accepts it.
pub const DOCUMENTED_APP_KEY: &str = "y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx";
/// The version the documentation describes.
pub const DEFAULT_VERSION: &str = "1.0";
/// Application keys are exactly this many characters.
pub const APP_KEY_LENGTH: usize = 32;

/// Where and how to reach an Admin API server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminConfig {
    /// Absolute (`https://api.admin.domain.com`) or relative (`/api/admin`) base,
    /// with or without a `/v/{version}` suffix.
    pub base_url: String,
    /// Version inserted as `/v/{version}` unless the base already ends with one.
    /// Empty means no version segment (a server reached without its proxy).
    pub version: String,
    pub app_key: String,
}

impl AdminConfig {
    /// The full URL for an API path, with `app_key` first on the query string.
    pub fn endpoint(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut url = self.base_url.trim_end_matches('/').to_string();
        if !self.version.trim().is_empty() && !has_version_suffix(&url) {
            url.push_str("/v/");
            url.push_str(self.version.trim());
        }
        url.push_str(path);
        url.push_str("?app_key=");
        url.push_str(&percent_encode(&self.app_key));
        for (key, value) in query {
            url.push('&');
            url.push_str(&percent_encode(key));
            url.push('=');
            url.push_str(&percent_encode(value));
        }
        url
    }

    /// A request authenticated with a session token (Basic `token:`).
    pub fn request(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        token: &str,
    ) -> HttpRequest {
        HttpRequest::new(method, self.endpoint(path, query))
            .header("Authorization", basic_auth(token, ""))
            .header("Accept", "application/json")
    }

    /// Checks the settings a user typed before they are used.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.base_url.trim().is_empty() {
            errors.add("base_url", crate::validation::REQUIRED);
        } else if !(self.base_url.starts_with('/')
            || self.base_url.starts_with("http://")
            || self.base_url.starts_with("https://"))
        {
            errors.add(
                "base_url",
                "Use an http(s):// URL or a path starting with /.",
            );
        }
        let key_length = self.app_key.chars().count();
        if key_length != APP_KEY_LENGTH {
            errors.add(
                "app_key",
                format!(
                    "Application keys are exactly {APP_KEY_LENGTH} characters (now {key_length})."
                ),
            );
        }
        if self.version.contains('/') || self.version.contains(' ') {
            errors.add(
                "version",
                "A version looks like 1.0, without slashes or spaces.",
            );
        }
        errors.into_result(())
    }
}

fn has_version_suffix(base: &str) -> bool {
    let mut segments = base.rsplit('/');
    let _version = segments.next();
    segments.next() == Some("v")
}

/// Turns any non-success Admin API answer into an [`ApiError`].
///
/// Bodies are `{"error": "text"}`, or for 400 `{"error": {field: [messages]}}`
/// with nested objects for nested fields.
pub fn decode_error(response: &HttpResponse) -> ApiError {
    let parsed: Option<Value> = serde_json::from_str(&response.body).ok();
    let error = parsed.as_ref().and_then(|body| body.get("error"));
    let text = error
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| default_text(response.status).to_string());
    match response.status {
        400 => match error
            .filter(|e| e.is_object())
            .and_then(FieldErrors::from_json)
        {
            Some(fields) if !fields.is_empty() => ApiError::Validation(fields),
            _ => ApiError::BadRequest(text),
        },
        401 if names_app_key(&text) => ApiError::BadAppKey(text),
        status @ (401 | 403 | 404 | 405 | 415 | 429) => {
            ApiError::from_status(status, text, response.retry_after)
        }
        status if error.is_none() && status < 500 => ApiError::UnexpectedResponse(format!(
            "HTTP {status} with {}",
            describe_body(&response.body)
        )),
        status => ApiError::from_status(status, text, None),
    }
}

/// Whether a 401's text is the documented "Bad/Missing application key"
/// (or a server's variant of it), which no password can fix.
pub fn names_app_key(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("application key") || text.contains("app key") || text.contains("app_key")
}

/// Whether an answer is the 401 refusing the console's application key.
pub fn is_app_key_refusal(response: &HttpResponse) -> bool {
    response.status == 401 && matches!(decode_error(response), ApiError::BadAppKey(_))
}

fn default_text(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        415 => "Unsupported media type",
        _ => "Server error",
    }
}

pub(crate) fn describe_body(body: &str) -> String {
    if body.trim().is_empty() {
        "an empty body".to_string()
    } else {
        let preview: String = body.chars().take(60).collect();
        format!("body “{preview}”")
    }
}

/// Decodes a success body that wraps one object under `key`, e.g. `{"role": {…}}`.
pub fn decode_wrapped<T: DeserializeOwned>(
    response: &HttpResponse,
    success: &[u16],
    key: &str,
) -> Result<T, ApiError> {
    if !success.contains(&response.status) {
        return Err(decode_error(response));
    }
    let body: Value = serde_json::from_str(&response.body).map_err(|_| {
        ApiError::UnexpectedResponse(format!(
            "expected JSON, got {}",
            describe_body(&response.body)
        ))
    })?;
    let inner = body
        .get(key)
        .ok_or_else(|| ApiError::UnexpectedResponse(format!("the answer has no “{key}”")))?;
    T::deserialize(inner)
        .map_err(|error| ApiError::UnexpectedResponse(format!("“{key}” is malformed: {error}")))
}

/// Decodes a success body that is the object itself.
pub fn decode_plain<T: DeserializeOwned>(
    response: &HttpResponse,
    success: &[u16],
) -> Result<T, ApiError> {
    if !success.contains(&response.status) {
        return Err(decode_error(response));
    }
    serde_json::from_str(&response.body)
        .map_err(|error| ApiError::UnexpectedResponse(format!("malformed answer: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base: &str, version: &str) -> AdminConfig {
        AdminConfig {
            base_url: base.into(),
            version: version.into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        }
    }

    #[test]
    fn endpoint_follows_the_documented_format() {
        let url = config("https://api.admin.domain.com", "1.0").endpoint("/users", &[]);
        assert_eq!(
            url,
            "https://api.admin.domain.com/v/1.0/users?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx"
        );
    }

    #[test]
    fn endpoint_accepts_base_with_version_or_relative_or_unversioned() {
        let key = "?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx";
        assert_eq!(
            config("https://h/v/1.0/", "1.0").endpoint("/roles", &[]),
            format!("https://h/v/1.0/roles{key}")
        );
        assert_eq!(
            config("/api/admin", "1.0").endpoint("/roles", &[]),
            format!("/api/admin/v/1.0/roles{key}")
        );
        assert_eq!(
            config("/api/admin", "").endpoint("/roles", &[]),
            format!("/api/admin/roles{key}")
        );
    }

    #[test]
    fn endpoint_appends_encoded_query_after_app_key() {
        let url = config("/a", "1.0").endpoint(
            "/roles/1/10",
            &[("order_by", "name.desc".into()), ("x", "a b".into())],
        );
        assert!(url.ends_with(
            "/roles/1/10?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx&order_by=name.desc&x=a%20b"
        ));
    }

    #[test]
    fn request_uses_token_as_basic_username_with_empty_password() {
        let request = config("/a", "1.0").request(Method::Get, "/roles", &[], "tok");
        assert_eq!(
            request.header_value("authorization"),
            Some("Basic dG9rOg==")
        );
    }

    #[test]
    fn config_validation_checks_app_key_length_and_base() {
        assert!(config("/api/admin", "1.0").validate().is_ok());
        let mut short = config("api.example", "1.0");
        short.app_key = "x".repeat(31);
        let errors = short.validate().expect_err("invalid");
        assert_eq!(errors.get("app_key").len(), 1);
        assert_eq!(errors.get("base_url").len(), 1);
        short.app_key = "x".repeat(33);
        assert!(short.validate().is_err());
    }

    fn response(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.into())
    }

    #[test]
    fn decodes_documented_error_statuses() {
        assert_eq!(
            decode_error(&response(401, r#"{"error":"Bad credentials"}"#)),
            ApiError::Unauthorized("Bad credentials".into())
        );
        assert_eq!(
            decode_error(&response(403, r#"{"error":"Password expired"}"#)),
            ApiError::Forbidden("Password expired".into())
        );
        assert_eq!(
            decode_error(&response(404, r#"{"error":"Not found"}"#)),
            ApiError::NotFound("Not found".into())
        );
        assert_eq!(
            decode_error(&response(405, r#"{"error":"Method not allowed"}"#)),
            ApiError::MethodNotAllowed("Method not allowed".into())
        );
        assert_eq!(
            decode_error(&response(500, r#"{"error":"boom"}"#)),
            ApiError::Server {
                status: 500,
                message: "boom".into()
            }
        );
    }

    #[test]
    fn decodes_400_field_errors_including_nested() {
        let error = decode_error(&response(
            400,
            r#"{"error":{"name":["Already taken."],"profile":{"first_name":["Too short."]}}}"#,
        ));
        let ApiError::Validation(fields) = error else {
            panic!("expected field errors, got {error:?}")
        };
        assert_eq!(fields.get("name"), ["Already taken."]);
        assert_eq!(fields.get("profile.first_name"), ["Too short."]);
        assert_eq!(
            decode_error(&response(400, r#"{"error":"Bad JSON"}"#)),
            ApiError::BadRequest("Bad JSON".into())
        );
    }

    #[test]
    fn garbage_bodies_become_typed_errors_not_panics() {
        assert_eq!(
            decode_error(&response(500, "<html>oops")),
            ApiError::Server {
                status: 500,
                message: "Server error".into()
            }
        );
        assert_eq!(
            decode_error(&response(401, "")),
            ApiError::Unauthorized("Unauthorized".into())
        );
        assert!(matches!(
            decode_error(&response(418, "teapot")),
            ApiError::UnexpectedResponse(_)
        ));
        let result: Result<Value, _> = decode_wrapped(&response(200, "not json"), &[200], "role");
        assert!(matches!(result, Err(ApiError::UnexpectedResponse(_))));
        let result: Result<Value, _> =
            decode_wrapped(&response(200, r#"{"other":1}"#), &[200], "role");
        assert!(matches!(result, Err(ApiError::UnexpectedResponse(_))));
    }

    #[test]
    fn app_key_refusals_are_told_apart_from_expired_tokens() {
        for text in ["Bad application key", "Missing application key"] {
            let answer = response(401, &format!(r#"{{"error":"{text}"}}"#));
            assert_eq!(decode_error(&answer), ApiError::BadAppKey(text.into()));
            assert!(is_app_key_refusal(&answer));
        }
        let expired = response(401, r#"{"error":"Invalid or expired token"}"#);
        assert!(!is_app_key_refusal(&expired));
        assert!(matches!(decode_error(&expired), ApiError::Unauthorized(_)));
    }

    #[test]
    fn decodes_415_and_429_with_retry_after() {
        assert!(matches!(
            decode_error(&response(415, r#"{"error":"Unsupported media type"}"#)),
            ApiError::UnsupportedMediaType(_)
        ));
        let mut busy = response(429, r#"{"error":"Too many requests"}"#);
        busy.retry_after = Some(2);
        assert_eq!(
            decode_error(&busy),
            ApiError::TooManyRequests {
                retry_after: Some(2)
            }
        );
    }
}
