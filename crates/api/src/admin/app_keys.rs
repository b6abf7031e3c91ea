//! Application keys: `/app_keys…` and `/app_key/{id}`.
//!
//! Rules: `application` required, 2–200 characters; `key` required, unique,
//! exactly 32 characters; `status` required, one of the five status codes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::list::ListSpec;
use super::resource::Resource;
use super::status::ResourceStatus;
use super::APP_KEY_LENGTH;
use crate::validation::{text_length, FieldErrors, REQUIRED};

pub const APPLICATION_MIN: usize = 2;
pub const APPLICATION_MAX: usize = 200;
pub const KEY_TAKEN: &str = "This key is already in use.";

/// An app key as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppKey {
    pub id: i64,
    #[serde(flatten)]
    pub fields: AppKeyFields,
    pub created_at: String,
    pub status_changed_at: String,
    pub updated_at: String,
}

/// The editable fields: the create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppKeyFields {
    pub application: String,
    pub key: String,
    pub status: ResourceStatus,
}

/// Every editable field, in form order.
pub const FIELDS: [&str; 3] = ["application", "key", "status"];

/// The form's state while typing; the status is the selected code as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppKeyDraft {
    pub application: String,
    pub key: String,
    pub status: String,
}

impl AppKeyDraft {
    pub fn from_app_key(app_key: &AppKey) -> Self {
        AppKeyDraft {
            application: app_key.fields.application.clone(),
            key: app_key.fields.key.clone(),
            status: app_key.fields.status.code().to_string(),
        }
    }

    /// Applies every documented rule; uniqueness is the server's to check.
    pub fn validate(&self) -> Result<AppKeyFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let application = self.application.trim();
        text_length(
            &mut errors,
            "application",
            application,
            APPLICATION_MIN,
            APPLICATION_MAX,
        );
        check_key(&mut errors, &self.key);
        let status = parse_status(&mut errors, &self.status);
        match status {
            Some(status) if errors.is_empty() => Ok(AppKeyFields {
                application: application.to_string(),
                key: self.key.clone(),
                status,
            }),
            _ => Err(errors),
        }
    }
}

fn check_key(errors: &mut FieldErrors, key: &str) {
    let length = key.chars().count();
    if key.is_empty() {
        errors.add("key", REQUIRED);
    } else if length != APP_KEY_LENGTH {
        errors.add(
            "key",
            format!("Must be exactly {APP_KEY_LENGTH} characters (now {length})."),
        );
    }
}

fn parse_status(errors: &mut FieldErrors, raw: &str) -> Option<ResourceStatus> {
    let parsed = raw
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(|code| ResourceStatus::try_from(code).ok());
    if parsed.is_none() {
        errors.add(
            "status",
            if raw.trim().is_empty() {
                REQUIRED
            } else {
                "Choose one of the five statuses."
            },
        );
    }
    parsed
}

/// Server-side check of a JSON payload (the simulator uses it).
pub fn validate_payload(payload: &Value) -> Result<AppKeyFields, FieldErrors> {
    let text = |field: &str| {
        payload
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let status = match payload.get("status") {
        Some(Value::Number(number)) => number.to_string(),
        Some(_) => "not a number".to_string(),
        None => String::new(),
    };
    AppKeyDraft {
        application: text("application"),
        key: text("key"),
        status,
    }
    .validate()
}

const KEY_ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A new 32-character alphanumeric key. `fill_random` must fill its buffer
/// from a cryptographic source; bytes that would bias the choice are skipped.
pub fn generate_key(mut fill_random: impl FnMut(&mut [u8])) -> String {
    // 248 = 4 × 62: bytes at or above it would favour the first letters.
    const UNBIASED_BELOW: u8 = 248;
    let mut key = String::with_capacity(APP_KEY_LENGTH);
    let mut buffer = [0u8; 64];
    while key.len() < APP_KEY_LENGTH {
        fill_random(&mut buffer);
        for byte in buffer.iter().filter(|&&b| b < UNBIASED_BELOW) {
            if key.len() == APP_KEY_LENGTH {
                break;
            }
            key.push(KEY_ALPHABET[usize::from(*byte) % KEY_ALPHABET.len()] as char);
        }
    }
    key
}

/// The collection: ordered by id or application, filtered by status.
pub const APP_KEYS: Resource = Resource {
    collection: "app_keys",
    item: "app_key",
    list: ListSpec {
        orders: &["id.asc", "id.desc", "application.asc", "application.desc"],
        filters: &["status"],
        integers: &["status"],
        default_limit: super::list::DEFAULT_LIMIT,
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::list::ListQuery;
    use crate::admin::AdminConfig;
    use crate::admin::DOCUMENTED_APP_KEY;
    use crate::error::ApiError;
    use crate::http::{HttpResponse, Method};
    use serde_json::json;

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        }
    }

    fn draft(application: &str, key: &str, status: &str) -> AppKeyDraft {
        AppKeyDraft {
            application: application.into(),
            key: key.into(),
            status: status.into(),
        }
    }

    #[test]
    fn application_length_boundaries() {
        let key = "k".repeat(32);
        for (application, ok) in [
            ("", false),
            ("A", false),
            ("Ap", true),
            (&"a".repeat(200), true),
            (&"a".repeat(201), false),
        ] {
            assert_eq!(
                draft(application, &key, "1").validate().is_ok(),
                ok,
                "{}",
                application.len()
            );
        }
    }

    #[test]
    fn key_must_be_exactly_32_characters() {
        for (key, ok) in [
            ("", false),
            (&"k".repeat(31), false),
            (&"k".repeat(32), true),
            (&"k".repeat(33), false),
        ] {
            let result = draft("App", key, "1").validate();
            assert_eq!(result.is_ok(), ok, "{}", key.len());
            if !ok {
                assert_eq!(result.expect_err("invalid").get("key").len(), 1);
            }
        }
    }

    #[test]
    fn status_must_be_a_documented_code() {
        let key = "k".repeat(32);
        for (status, ok) in [
            ("", false),
            ("0", false),
            ("1", true),
            ("5", true),
            ("6", false),
            ("x", false),
        ] {
            assert_eq!(
                draft("App", &key, status).validate().is_ok(),
                ok,
                "{status:?}"
            );
        }
    }

    #[test]
    fn documented_payload_round_trips() {
        let documented = json!({"application": "Some Application Name", "key": "AHvy6Wk5kqrFzAe3HVKzxfVtqwPK3ELZ", "status": 1});
        let fields = validate_payload(&documented).expect("valid");
        assert_eq!(serde_json::to_value(&fields).ok(), Some(documented));
        assert!(
            validate_payload(&json!({"application": "A", "key": "short", "status": "1"})).is_err()
        );
    }

    #[test]
    fn generated_keys_are_32_alphanumerics_without_bias_bytes() {
        let mut counter = 0u8;
        let key = generate_key(|buffer| {
            for byte in buffer.iter_mut() {
                *byte = counter;
                counter = counter.wrapping_add(1);
            }
        });
        assert_eq!(key.len(), 32);
        assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert!(key.starts_with("ABCDEFGH"));
        // A source that only yields rejected bytes at first still finishes.
        let mut calls = 0;
        let key = generate_key(|buffer| {
            calls += 1;
            buffer.fill(if calls < 3 { 255 } else { 61 });
        });
        assert_eq!(key, "9".repeat(32));
    }

    #[test]
    fn requests_follow_the_documentation() {
        let query = ListQuery {
            page: 2,
            limit: 3,
            order_by: "application.desc",
            filters: vec![("status", "2".into())],
        };
        let list = APP_KEYS.list_request(&config(), "t", &query);
        assert_eq!(list.url, "/a/v/1.0/app_keys/2/3?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx&status=2&order_by=application.desc");
        assert_eq!(
            APP_KEYS.get_request(&config(), "t", 7).path(),
            "/a/v/1.0/app_key/7"
        );
        assert_eq!(
            APP_KEYS.delete_request(&config(), "t", 7).method,
            Method::Delete
        );
        let fields = draft("App", &"k".repeat(32), "3")
            .validate()
            .expect("valid");
        assert_eq!(
            APP_KEYS.create_request(&config(), "t", &fields).path(),
            "/a/v/1.0/app_keys"
        );
        assert_eq!(
            APP_KEYS.update_request(&config(), "t", 7, &fields).method,
            Method::Put
        );
    }

    #[test]
    fn decodes_the_documented_answers() {
        let body = r#"{"app_key": {"application": "Application 1", "created_at": "2019-10-23T15:03:37+0000", "id": 1,
            "key": "7sv3aPS45Ck8URGRKUtBdMWgKFN4ahfW", "status": 1, "status_changed_at": "2019-10-30T13:38:47+0000",
            "updated_at": "2019-10-30T13:38:47+0000"}}"#;
        let app_key = APP_KEYS
            .decode_record::<AppKey>(&HttpResponse::json(200, body.into()))
            .expect("decodes");
        assert_eq!(
            (app_key.id, app_key.fields.status),
            (1, ResourceStatus::Enabled)
        );
        let bad_status = body.replace("\"status\": 1", "\"status\": 9");
        assert!(matches!(
            APP_KEYS.decode_record::<AppKey>(&HttpResponse::json(200, bad_status)),
            Err(ApiError::UnexpectedResponse(_))
        ));
        assert!(APP_KEYS
            .decode_list::<AppKey>(&HttpResponse::empty(204), &APP_KEYS.list.default_query())
            .is_ok_and(|p| p.items.is_empty()));
    }
}
