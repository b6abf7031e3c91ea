//! Terms of service: `/terms_of_services…` and `/terms_of_service/{id}`.
//!
//! Rules: `version` 1–10 characters; `text` required; `publish_date` a
//! datetime; `status` one of the five codes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::list::{ListSpec, DEFAULT_LIMIT};
use super::payload::Payload;
use super::resource::Resource;
use super::rules::{check_datetime, check_status};
use super::status::ResourceStatus;
use crate::time::to_datetime_local;
use crate::validation::{text_length, FieldErrors, REQUIRED};

pub const VERSION_MIN: usize = 1;
pub const VERSION_MAX: usize = 10;

/// The collection: ordered by id, publish date or version; filtered by status.
pub const TERMS: Resource = Resource {
    collection: "terms_of_services",
    item: "terms_of_service",
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "publish_date.asc",
            "publish_date.desc",
            "version.asc",
            "version.desc",
        ],
        filters: &["status"],
        integers: &["status"],
        default_limit: DEFAULT_LIMIT,
    },
};

/// A terms of service as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsOfService {
    pub id: i64,
    #[serde(flatten)]
    pub fields: TermsFields,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsFields {
    pub publish_date: String,
    pub status: ResourceStatus,
    pub text: String,
    pub version: String,
}

/// Every editable field, in form order.
pub const FIELDS: [&str; 4] = ["version", "publish_date", "text", "status"];

/// The form's state while typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermsDraft {
    pub version: String,
    /// The `datetime-local` value, read as UTC.
    pub publish_date: String,
    pub text: String,
    pub status: String,
}

impl TermsDraft {
    /// New terms start as Pending, to be published at the chosen date.
    pub fn new(publish_date: String) -> Self {
        TermsDraft {
            version: String::new(),
            publish_date,
            text: String::new(),
            status: ResourceStatus::Pending.code().to_string(),
        }
    }

    pub fn from_terms(terms: &TermsOfService) -> Self {
        TermsDraft {
            version: terms.fields.version.clone(),
            publish_date: to_datetime_local(&terms.fields.publish_date).unwrap_or_default(),
            text: terms.fields.text.clone(),
            status: terms.fields.status.code().to_string(),
        }
    }

    /// Applies every documented rule.
    pub fn validate(&self) -> Result<TermsFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let version = self.version.trim().to_string();
        text_length(&mut errors, "version", &version, VERSION_MIN, VERSION_MAX);
        let publish_date = check_datetime(&mut errors, "publish_date", &self.publish_date);
        check_text(&mut errors, &self.text);
        let status = check_status(&mut errors, "status", &self.status);
        match (publish_date, status) {
            (Some(publish_date), Some(status)) if errors.is_empty() => Ok(TermsFields {
                publish_date,
                status,
                text: self.text.clone(),
                version,
            }),
            _ => Err(errors),
        }
    }
}

fn check_text(errors: &mut FieldErrors, text: &str) {
    if text.trim().is_empty() {
        errors.add("text", REQUIRED);
    }
}

/// Server-side check of a JSON payload (the simulator uses it).
pub fn validate_payload(payload: &Value) -> Result<TermsFields, FieldErrors> {
    let top = Payload::new(payload);
    let mut errors = FieldErrors::new();
    let version = top.text("version");
    text_length(&mut errors, "version", &version, VERSION_MIN, VERSION_MAX);
    let text = payload
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    check_text(&mut errors, &text);
    let publish_date = top.datetime(&mut errors, "publish_date");
    let status = top.status(&mut errors, "status");
    match (publish_date, status) {
        (Some(publish_date), Some(status)) if errors.is_empty() => Ok(TermsFields {
            publish_date,
            status,
            text,
            version,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::HttpResponse;
    use serde_json::json;

    fn documented() -> Value {
        json!({"publish_date": "2019-10-31T20:30:00+0000", "status": 5, "text": "This is TOS 7", "version": "2.1"})
    }

    fn draft() -> TermsDraft {
        TermsDraft {
            version: "2.1".into(),
            publish_date: "2019-10-31T20:30".into(),
            text: "This is TOS 7".into(),
            status: "5".into(),
        }
    }

    #[test]
    fn the_documented_create_round_trips() {
        let fields = draft().validate().expect("valid");
        assert_eq!(serde_json::to_value(&fields).ok(), Some(documented()));
        assert_eq!(validate_payload(&documented()), Ok(fields));
    }

    #[test]
    fn version_is_1_to_10_characters_and_text_is_required() {
        for (version, accepted) in [
            ("", false),
            ("1", true),
            ("1.0.0-beta", true),
            ("1.0.0-beta2", false),
        ] {
            let result = TermsDraft {
                version: version.into(),
                ..draft()
            }
            .validate();
            assert_eq!(result.is_ok(), accepted, "{version:?}");
        }
        let errors = TermsDraft {
            text: "  \n ".into(),
            publish_date: String::new(),
            ..draft()
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(errors.get("text"), [REQUIRED]);
        assert_eq!(errors.get("publish_date"), [REQUIRED]);
    }

    #[test]
    fn text_keeps_its_line_breaks() {
        let fields = TermsDraft {
            text: "1. Be nice.\n2. Pay.\n".into(),
            ..draft()
        }
        .validate()
        .expect("valid");
        assert_eq!(fields.text, "1. Be nice.\n2. Pay.\n");
    }

    #[test]
    fn payload_rejects_missing_fields() {
        let errors = validate_payload(&json!({})).expect_err("empty");
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["publish_date", "status", "text", "version"]
        );
    }

    #[test]
    fn decodes_the_documented_terms() {
        let body = r#"{"terms_of_service": {"created_at": "2019-11-05T02:16:56+0000", "id": 2,
            "publish_date": "2019-01-01T00:00:00+0000", "status": 1, "status_changed_at": "2019-01-01T00:00:00+0000",
            "text": "This is TOS 2", "updated_at": "2019-11-05T02:16:56+0000", "version": "1.1"}}"#;
        let terms: TermsOfService = TERMS
            .decode_record(&HttpResponse::json(200, body.into()))
            .expect("decodes");
        assert_eq!((terms.id, terms.fields.version.as_str()), (2, "1.1"));
        assert_eq!(
            TermsDraft::from_terms(&terms).publish_date,
            "2019-01-01T00:00"
        );
    }
}
