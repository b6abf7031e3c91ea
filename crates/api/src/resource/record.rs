//! Reading and writing records as JSON by dotted field names, and filling
//! message templates from them.

use serde_json::{Map, Value};

/// The value at a dotted name (`country.name`); `None` when missing or null.
pub fn pick<'a>(record: &'a Value, name: &str) -> Option<&'a Value> {
    name.split('.')
        .try_fold(record, |node, part| node.get(part))
        .filter(|value| !value.is_null())
}

/// Sets the value at a dotted name, creating the objects on the way.
pub fn put(record: &mut Value, name: &str, value: Value) {
    let mut node = record;
    let mut parts = name.split('.').peekable();
    while let Some(part) = parts.next() {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else {
            return;
        };
        if parts.peek().is_none() {
            map.insert(part.to_string(), value);
            return;
        }
        node = map
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A value as one line of text: strings as they are, numbers and booleans
/// printed, a list of those joined with commas (tags), anything missing
/// as an empty string.
pub fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::Bool(flag)) => flag.to_string(),
        Some(Value::Array(items))
            if items
                .iter()
                .all(|item| !item.is_array() && !item.is_object()) =>
        {
            let texts: Vec<String> = items.iter().map(|item| text(Some(item))).collect();
            texts.join(", ")
        }
        Some(other @ (Value::Array(_) | Value::Object(_))) => other.to_string(),
        Some(Value::Null) | None => String::new(),
    }
}

/// The text at a dotted name.
pub fn text_at(record: &Value, name: &str) -> String {
    text(pick(record, name))
}

/// Fills `{dotted.name}` placeholders from the record; a template with no
/// braces is a field name itself.
pub fn fill(template: &str, record: &Value) -> String {
    if !template.contains('{') {
        return text_at(record, template);
    }
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push_str(&text_at(record, &after[..close]));
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The field names a template reads: the template itself when it has no braces.
pub fn names_in(template: &str) -> Vec<&str> {
    if !template.contains('{') {
        return if template.is_empty() {
            Vec::new()
        } else {
            vec![template]
        };
    }
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Whether the record has the dotted name at all, even as `null`.
pub fn has(record: &Value, name: &str) -> bool {
    name.split('.')
        .try_fold(record, |node, part| node.get(part))
        .is_some()
}

/// The value a list filter compares, as the Admin API names its filters:
/// the field named like the filter; for `{thing}_id` the `id` of the
/// nested `{thing}` (`country_id` is `country.id`); else the list
/// `{key}s` (`role` is one of `roles`, compared by id). As the Profiles
/// API names them, `profile{Field}` is the record's `{field}`
/// (`profileFirstName` is `firstName`).
pub fn filtered_value<'a>(record: &'a Value, key: &str) -> Option<&'a Value> {
    pick(record, key)
        .or_else(|| {
            let thing = key.strip_suffix("_id")?;
            pick(record, &format!("{thing}.id"))
        })
        .or_else(|| pick(record, &format!("{key}s")).filter(|list| list.is_array()))
        .or_else(|| {
            let field = key.strip_prefix("profile")?;
            let mut chars = field.chars();
            let first = chars.next()?.to_ascii_lowercase();
            pick(record, &format!("{first}{}", chars.as_str()))
        })
}

/// The id in the field `name` as text (numbers printed), for addresses.
pub fn id_at(record: &Value, name: &str) -> Option<String> {
    match pick(record, name)? {
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotted_names_read_and_write_nested_objects() {
        let mut record =
            json!({"id": 7, "country": {"name": "Slovakia", "code_2": "SK"}, "gone": null});
        assert_eq!(pick(&record, "country.code_2"), Some(&json!("SK")));
        assert_eq!(pick(&record, "country.missing"), None);
        assert_eq!(pick(&record, "gone"), None);
        put(&mut record, "profile.first_name", json!("Ada"));
        put(&mut record, "id", json!(8));
        assert_eq!(record["profile"]["first_name"], "Ada");
        assert_eq!(id_at(&record, "id").as_deref(), Some("8"));
        assert_eq!(id_at(&json!({"id": ""}), "id"), None);
        assert!(has(&record, "gone") && !has(&record, "country.id"));
        let region = json!({"country": {"id": 2}, "user_id": null});
        assert_eq!(filtered_value(&region, "country_id"), Some(&json!(2)));
        assert_eq!(filtered_value(&region, "user_id"), None);
        let profile = json!({"firstName": "Mary", "tags": ["blue", "green"]});
        assert_eq!(
            filtered_value(&profile, "profileFirstName"),
            Some(&json!("Mary"))
        );
        assert_eq!(text_at(&profile, "tags"), "blue, green");
        let user = json!({"roles": [{"id": 1}]});
        assert_eq!(filtered_value(&user, "role"), Some(&json!([{"id": 1}])));
    }

    #[test]
    fn templates_fill_from_the_record() {
        let record =
            json!({"version": "2.1", "country": {"name": "Slovakia", "code_2": "SK"}, "n": 3});
        assert_eq!(fill("Version {version}", &record), "Version 2.1");
        assert_eq!(
            fill("{country.name} ({country.code_2})", &record),
            "Slovakia (SK)"
        );
        assert_eq!(fill("n", &record), "3");
        assert_eq!(fill("{missing} and {", &record), " and {");
        assert_eq!(names_in("{a} ({b.c})"), ["a", "b.c"]);
        assert_eq!(names_in("id"), ["id"]);
        assert!(names_in("").is_empty());
    }
}
