//! Server-side reading of JSON request payloads, as the reference server
//! checks them: types first, then the same rules the forms apply. The
//! simulator uses these; error keys are dotted for nested objects.

use serde_json::Value;

use super::status::ResourceStatus;
use crate::time::{format_timestamp, parse_timestamp};
use crate::validation::{FieldErrors, REQUIRED};

/// One JSON object of a payload, with the dotted prefix its errors carry.
#[derive(Clone, Copy, Debug)]
pub struct Payload<'a> {
    object: &'a Value,
    prefix: &'a str,
}

impl<'a> Payload<'a> {
    /// The top-level object.
    pub fn new(object: &'a Value) -> Self {
        Payload { object, prefix: "" }
    }

    /// A nested object whose errors are keyed `{prefix}{field}`; `prefix`
    /// ends with a dot, e.g. `profile.`.
    pub fn nested(object: &'a Value, prefix: &'a str) -> Self {
        Payload { object, prefix }
    }

    /// The error key of a field.
    pub fn field(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// Whether the field is present and not null.
    pub fn has(&self, key: &str) -> bool {
        self.object.get(key).is_some_and(|value| !value.is_null())
    }

    /// The raw value of a field.
    pub fn value(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|value| !value.is_null())
    }

    /// A text field, trimmed; empty when missing or not text (the length
    /// rules then report it as required).
    pub fn text(&self, key: &str) -> String {
        self.object
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// A required timestamp in the API format, normalized to UTC.
    pub fn datetime(&self, errors: &mut FieldErrors, key: &str) -> Option<String> {
        let parsed = self
            .object
            .get(key)
            .and_then(Value::as_str)
            .and_then(parse_timestamp);
        if parsed.is_none() {
            errors.add(
                &self.field(key),
                "Must be a datetime like 2018-11-01T00:00:00+0000.",
            );
        }
        parsed.map(format_timestamp)
    }

    /// A required status code (1–5).
    pub fn status(&self, errors: &mut FieldErrors, key: &str) -> Option<ResourceStatus> {
        let status = self
            .object
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|code| u8::try_from(code).ok())
            .and_then(|code| ResourceStatus::try_from(code).ok());
        if status.is_none() {
            errors.add(&self.field(key), "Must be one of the status codes 1–5.");
        }
        status
    }

    /// A required integer.
    pub fn integer(&self, errors: &mut FieldErrors, key: &str) -> Option<i64> {
        let number = self.object.get(key).and_then(Value::as_i64);
        if number.is_none() {
            let message = if self.has(key) {
                "Must be an integer."
            } else {
                REQUIRED
            };
            errors.add(&self.field(key), message);
        }
        number
    }

    /// A required boolean.
    pub fn boolean(&self, errors: &mut FieldErrors, key: &str) -> Option<bool> {
        let flag = self.object.get(key).and_then(Value::as_bool);
        if flag.is_none() {
            errors.add(&self.field(key), "Must be true or false.");
        }
        flag
    }

    /// A required list of integer ids (it may be empty).
    pub fn ids(&self, errors: &mut FieldErrors, key: &str) -> Option<Vec<i64>> {
        let ids = match self.object.get(key) {
            Some(Value::Array(items)) => items.iter().map(Value::as_i64).collect(),
            _ => None,
        };
        if ids.is_none() {
            errors.add(&self.field(key), "Must be a list of integer ids.");
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_each_type_and_reports_under_the_dotted_key() {
        let body = json!({"n": 3, "b": true, "ids": [1, 2], "at": "2019-05-21T10:30:00+0200", "s": 2,
                          "profile": {"joined_at": "soon", "n": "3"}});
        let top = Payload::new(&body);
        let mut errors = FieldErrors::new();
        assert_eq!(top.integer(&mut errors, "n"), Some(3));
        assert_eq!(top.boolean(&mut errors, "b"), Some(true));
        assert_eq!(top.ids(&mut errors, "ids"), Some(vec![1, 2]));
        assert_eq!(
            top.datetime(&mut errors, "at").as_deref(),
            Some("2019-05-21T08:30:00+0000")
        );
        assert_eq!(top.status(&mut errors, "s"), Some(ResourceStatus::Disabled));
        assert!(errors.is_empty());

        let profile = Payload::nested(&body["profile"], "profile.");
        assert_eq!(profile.datetime(&mut errors, "joined_at"), None);
        assert_eq!(profile.integer(&mut errors, "n"), None);
        assert_eq!(profile.integer(&mut errors, "missing"), None);
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["profile.joined_at", "profile.missing", "profile.n"]
        );
        assert_eq!(errors.get("profile.missing"), [REQUIRED]);
    }

    #[test]
    fn rejects_wrong_types() {
        let body = json!({"b": 1, "ids": ["1"], "s": 6, "t": 5});
        let top = Payload::new(&body);
        let mut errors = FieldErrors::new();
        assert_eq!(top.boolean(&mut errors, "b"), None);
        assert_eq!(top.ids(&mut errors, "ids"), None);
        assert_eq!(top.status(&mut errors, "s"), None);
        assert_eq!(top.text("t"), "", "a number is not text");
        assert_eq!(errors.iter().count(), 3);
    }
}
