//! Field-level errors shared by client-side validation and server 400s.
//!
//! Keys are API field names, dotted for nested fields (`profile.first_name`),
//! exactly as the form inputs are named, so an error finds its input by name.

use std::collections::BTreeMap;

use serde_json::Value;

/// Messages per field, in field-name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn new() -> Self {
        FieldErrors::default()
    }

    /// Records one message for a field.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The messages for one field; empty when it is valid.
    pub fn get(&self, field: &str) -> &[String] {
        self.0.get(field).map_or(&[], Vec::as_slice)
    }

    /// Every field with its messages.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The errors for fields not in `known`: a form shows these at its top.
    /// A known list field (`contacts`) covers its rows' keys (`contacts.1.value`).
    pub fn outside(&self, known: &[&str]) -> Vec<(String, String)> {
        let covered = |field: &str| {
            known.iter().any(|name| {
                field == *name
                    || field
                        .strip_prefix(name)
                        .and_then(|rest| rest.strip_prefix('.'))
                        .and_then(|rest| rest.split('.').next())
                        .is_some_and(|row| {
                            !row.is_empty() && row.bytes().all(|b| b.is_ascii_digit())
                        })
            })
        };
        self.iter()
            .filter(|(field, _)| !covered(field))
            .flat_map(|(field, messages)| {
                messages.iter().map(move |m| (field.to_string(), m.clone()))
            })
            .collect()
    }

    /// Flattens an error object such as `{"name": ["…"], "profile": {"first_name": ["…"]}}`
    /// into dotted keys. Strings count as one message; other shapes yield `None`.
    pub fn from_json(value: &Value) -> Option<FieldErrors> {
        let object = value.as_object()?;
        let mut errors = FieldErrors::new();
        for (key, child) in object {
            flatten_into(&mut errors, key, child)?;
        }
        Some(errors)
    }

    /// The errors as `Ok(value)` when empty, else `Err(self)`.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// A JSON object of field → messages, nesting dotted keys again, as the
    /// Admin API reference implementation sends them.
    pub fn to_nested_json(&self) -> Value {
        let mut root = serde_json::Map::new();
        for (field, messages) in &self.0 {
            let mut node = &mut root;
            let mut parts = field.split('.').peekable();
            while let Some(part) = parts.next() {
                if parts.peek().is_none() {
                    node.insert(part.to_string(), Value::from(messages.clone()));
                    break;
                }
                let entry = node
                    .entry(part.to_string())
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
                if !entry.is_object() {
                    *entry = Value::Object(serde_json::Map::new());
                }
                match entry {
                    Value::Object(map) => node = map,
                    _ => break,
                }
            }
        }
        Value::Object(root)
    }
}

fn flatten_into(errors: &mut FieldErrors, key: &str, value: &Value) -> Option<()> {
    match value {
        Value::String(message) => errors.add(key, message.clone()),
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(message) => errors.add(key, message.clone()),
                    Value::Object(_) => flatten_into(errors, key, item)?,
                    _ => return None,
                }
            }
        }
        Value::Object(children) => {
            for (child_key, child) in children {
                flatten_into(errors, &format!("{key}.{child_key}"), child)?;
            }
        }
        _ => return None,
    }
    Some(())
}

/// Message for a missing required value.
pub const REQUIRED: &str = "This field is required.";

/// Whether `email` has the shape `local@label.label…` with no spaces.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let allowed_local = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local.len() <= 64
        && local.chars().all(allowed_local)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether `phone` is a number in international form: `+`, then 7–15
/// digits, the first not 0 (E.164), e.g. `+421900123456`.
pub fn is_international_phone(phone: &str) -> bool {
    phone.strip_prefix('+').is_some_and(|digits| {
        (7..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

/// Checks a required text's length in characters (not bytes), inclusive.
pub fn text_length(errors: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) {
    let length = value.chars().count();
    if value.trim().is_empty() {
        errors.add(field, REQUIRED);
    } else if min == 0 && length > max {
        errors.add(
            field,
            format!("Must be at most {max} characters (now {length})."),
        );
    } else if min == max && length != min {
        errors.add(
            field,
            format!("Must be exactly {min} characters (now {length})."),
        );
    } else if length < min || length > max {
        errors.add(
            field,
            format!("Must be {min}–{max} characters (now {length})."),
        );
    }
}

/// A field's messages as one text, with the field's label in front
/// unless a message already starts with it: `Name: Value must be unique.`
///
/// ## Usage
/// ```
/// use userdesk_api::validation::labelled;
/// assert_eq!(labelled("Name", &["Value must be unique.".into()]), "Name: Value must be unique.");
/// ```
pub fn labelled(label: &str, messages: &[String]) -> String {
    let joined = messages.join(" ");
    let named = joined
        .get(..label.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(label));
    if named || label.is_empty() {
        joined
    } else {
        format!("{label}: {joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_nested_server_errors_to_dotted_keys() {
        let body =
            json!({"username": ["Already taken."], "profile": {"first_name": ["Too long."]}});
        let errors = FieldErrors::from_json(&body).expect("object of messages");
        assert_eq!(errors.get("username"), ["Already taken."]);
        assert_eq!(errors.get("profile.first_name"), ["Too long."]);
        assert_eq!(errors.to_nested_json(), body);
    }

    #[test]
    fn rejects_non_message_shapes() {
        assert_eq!(FieldErrors::from_json(&json!("text")), None);
        assert_eq!(FieldErrors::from_json(&json!({"a": [1]})), None);
        assert_eq!(FieldErrors::from_json(&json!({"a": null})), None);
    }

    #[test]
    fn outside_lists_only_unknown_fields() {
        let mut errors = FieldErrors::new();
        errors.add("name", "bad");
        errors.add("color", "unknown");
        errors.add("contacts.1.value", "bad");
        errors.add("contacts.x", "unknown");
        assert_eq!(
            errors.outside(&["name", "contacts"]),
            vec![
                ("color".into(), "unknown".into()),
                ("contacts.x".into(), "unknown".into())
            ]
        );
    }

    #[test]
    fn text_length_counts_characters_inclusive() {
        let check = |value: &str| {
            let mut errors = FieldErrors::new();
            text_length(&mut errors, "f", value, 2, 4);
            errors.is_empty()
        };
        assert!(!check(""));
        assert!(!check("   "));
        assert!(!check("a"));
        assert!(check("ab"));
        assert!(check("éééé"));
        assert!(!check("abcde"));
    }

    #[test]
    fn messages_get_their_label_once() {
        let messages = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            labelled("Key", &messages(&["Value must be unique."])),
            "Key: Value must be unique."
        );
        assert_eq!(
            labelled("Email", &messages(&["Required.", "Too long."])),
            "Email: Required. Too long."
        );
        assert_eq!(
            labelled("Email", &messages(&["email is taken."])),
            "email is taken."
        );
        assert_eq!(labelled("Ünïcode", &messages(&["x"])), "Ünïcode: x");
    }
}
