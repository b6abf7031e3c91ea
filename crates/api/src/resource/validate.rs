//! One validator per resource, read from its description.
//!
//! The same [`validate`] checks a JSON payload in the simulator and the
//! form's values in the browser: [`from_form`] only turns typed text into
//! JSON of the right type (a number for a code, the API's timestamp for a
//! date-time), leaving what does not convert for the validator to name.
//!
//! ## Usage
//! ```
//! use userdesk_api::admin::terms::TERMS;
//! use userdesk_api::resource::{from_form, validate, FormValues, Mode};
//!
//! let mut values = FormValues::new();
//! values.insert("version", "2.1".into());
//! values.insert("publish_date", "2019-10-31T20:30".into());
//! values.insert("text", "This is TOS 7".into());
//! values.insert("status", "5".into());
//! let payload = validate(&TERMS, &from_form(&TERMS, &values, Mode::Create), Mode::Create);
//! assert_eq!(payload.ok().map(|p| p["publish_date"].clone()), Some("2019-10-31T20:30:00+0000".into()));
//! ```

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::describe::{Description, Field, Kind, Mode, Rows, Start};
use super::record::{pick, put};
use crate::time::{format_timestamp, from_datetime_local, parse_timestamp, to_datetime_local};
use crate::validation::{text_length, FieldErrors, REQUIRED};

/// A form's typed text per field name.
pub type FormValues = BTreeMap<&'static str, String>;

/// The payload for `mode`: every field that applies, type-checked, trimmed
/// where it is text, normalized, and checked against its rules and the
/// resource's cross-field rules. Fields that do not apply are left out.
pub fn validate(
    description: &Description,
    payload: &Value,
    mode: Mode,
) -> Result<Value, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut out = Value::Object(Map::new());
    for optional in description.optional {
        if pick(payload, optional.object).is_some_and(|object| !object.is_object()) {
            errors.add(optional.object, "Must be an object.");
        }
    }
    for field in fields_sent(description, payload, mode) {
        if let Kind::Rows(Rows(of)) = field.kind {
            match rows(of, field.name, pick(payload, field.name), &mut errors) {
                Some(items) => put(&mut out, field.name, items),
                None if field.required_in(mode) => errors.add(field.name, REQUIRED),
                None => {}
            }
            continue;
        }
        match read(field, pick(payload, field.name)) {
            Ok(Some(value)) => {
                if let Value::String(text) = &value {
                    check_text(&mut errors, field, text);
                }
                put(&mut out, field.name, value);
            }
            Ok(None) if field.required_in(mode) => errors.add(field.name, REQUIRED),
            Ok(None) => {}
            Err(message) => errors.add(field.name, message),
        }
    }
    if mode == Mode::Update {
        refused_clears(description, payload, &mut errors);
    }
    if errors.is_empty() {
        if let Some(check) = description.check {
            check(&out, &mut errors);
        }
    }
    errors.into_result(out)
}

/// Adds an error for each field an update may not clear
/// ([`Field::not_cleared`]) that `changed` clears: sent as `null` or blank
/// text. The console checks the changes it is about to send; the
/// simulator the body it received.
///
/// ## Usage
/// ```
/// use serde_json::json;
/// use userdesk_api::resource::refused_clears;
/// use userdesk_api::websupport::users::USERS;
/// use userdesk_api::FieldErrors;
/// let mut errors = FieldErrors::new();
/// refused_clears(&USERS, &json!({"phone": ""}), &mut errors);
/// assert!(errors.is_empty());
/// refused_clears(&USERS, &json!({"email": ""}), &mut errors);
/// assert!(!errors.is_empty());
/// ```
pub fn refused_clears(description: &Description, changed: &Value, errors: &mut FieldErrors) {
    for field in description.fields {
        let Some(message) = field.not_cleared else {
            continue;
        };
        let cleared = match changed.get(field.name) {
            Some(Value::Null) => true,
            Some(Value::String(text)) => text.trim().is_empty(),
            _ => false,
        };
        if cleared {
            errors.add(field.name, message);
        }
    }
}

/// The fields `payload` is checked for in `mode`: those that apply, less
/// the fields of optional objects it leaves out.
fn fields_sent<'a>(
    description: &'a Description,
    payload: &'a Value,
    mode: Mode,
) -> impl Iterator<Item = &'a Field> {
    description.fields.iter().filter(move |field| {
        field.applies.to(mode)
            && description.optional.iter().all(|optional| {
                !optional.holds(field.name) || pick(payload, optional.object).is_some()
            })
    })
}

/// Checks each nested record by its own description; their errors are
/// keyed `{name}.{n}.{field}`. `None` when there are none.
fn rows(
    of: &Description,
    name: &str,
    raw: Option<&Value>,
    errors: &mut FieldErrors,
) -> Option<Value> {
    let items = match raw {
        None => return None,
        Some(Value::Array(items)) if items.is_empty() => return None,
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.add(name, "Must be a list.");
            return None;
        }
    };
    let mut kept = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match validate(of, item, Mode::Create) {
            Ok(valid) => kept.push(valid),
            Err(invalid) => {
                for (field, messages) in invalid.iter() {
                    for message in messages {
                        errors.add(&format!("{name}.{index}.{field}"), message.clone());
                    }
                }
            }
        }
    }
    Some(Value::Array(kept))
}

/// Reads one field's JSON: `Ok(None)` when it is missing or blank.
fn read(field: &Field, raw: Option<&Value>) -> Result<Option<Value>, String> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    match field.kind {
        Kind::Country(code) => {
            let text = raw.as_str().ok_or("Must be text.")?;
            if text.trim().is_empty() {
                return Ok(None);
            }
            code.find(text)
                .map(|country| Some(Value::from(code.of(&country))))
                .ok_or_else(|| "Choose a country from the list.".to_string())
        }
        // Read by `rows` before it gets here.
        Kind::Rows(_) => Ok(None),
        Kind::Text | Kind::LongText { .. } | Kind::Choice(_) => {
            let text = raw.as_str().ok_or("Must be text.")?;
            if text.trim().is_empty() {
                return Ok(None);
            }
            let kept = match field.kind {
                Kind::LongText { .. } => text,
                _ => text.trim(),
            };
            if let Kind::Choice(options) = field.kind {
                one_of(options, kept)?;
            }
            Ok(Some(Value::from(kept)))
        }
        Kind::DateTime => raw
            .as_str()
            .and_then(parse_timestamp)
            .map(|seconds| Some(Value::from(format_timestamp(seconds))))
            .ok_or_else(|| "Must be a datetime like 2018-11-01T00:00:00+0000.".to_string()),
        Kind::Integer => raw
            .as_i64()
            .map(|number| Some(Value::from(number)))
            .ok_or_else(|| "Must be a whole number.".to_string()),
        Kind::Code(options) => {
            let code = raw.as_i64().ok_or_else(|| choices(options))?;
            one_of(options, &code.to_string())?;
            Ok(Some(Value::from(code)))
        }
        Kind::Boolean => raw
            .as_bool()
            .map(|flag| Some(Value::from(flag)))
            .ok_or_else(|| "Must be true or false.".to_string()),
        Kind::Secret => match raw.as_str() {
            Some("") => Ok(None),
            Some(text) => Ok(Some(Value::from(text))),
            None => Err("Must be text.".to_string()),
        },
        Kind::Reference(_) => raw
            .as_i64()
            .map(|id| Some(Value::from(id)))
            .ok_or_else(|| "Choose one.".to_string()),
        Kind::Ids(_) => match raw {
            Value::Array(items) if items.iter().all(|item| item.as_i64().is_some()) => {
                Ok(Some(raw.clone()))
            }
            _ => Err("Must be a list of integer ids.".to_string()),
        },
    }
}

fn one_of(options: &[(&str, &str)], value: &str) -> Result<(), String> {
    if options.iter().any(|(option, _)| *option == value) {
        Ok(())
    } else {
        Err(choices(options))
    }
}

fn choices(options: &[(&str, &str)]) -> String {
    let labels: Vec<&str> = options.iter().map(|(_, label)| *label).collect();
    format!("Choose one of: {}.", labels.join(", "))
}

fn check_text(errors: &mut FieldErrors, field: &Field, text: &str) {
    if let Some((min, max)) = field.length {
        text_length(errors, field.name, text, min, max);
    }
    if let Some(check) = field.check {
        check(errors, field.name, text);
    }
}

/// The form's text as JSON for [`validate`]: numbers for integer kinds,
/// timestamps for date-times, booleans for checkboxes. Empty text is left
/// out; text that does not convert is passed on for the validator to refuse.
pub fn from_form(description: &Description, values: &FormValues, mode: Mode) -> Value {
    let mut payload = Value::Object(Map::new());
    let left_out = |field: &Field| {
        description.optional.iter().any(|optional| {
            optional.holds(field.name)
                && values.get(optional.object).map(String::as_str) != Some("true")
        })
    };
    for field in description.fields.iter().filter(|f| f.applies.to(mode)) {
        if left_out(field) {
            continue;
        }
        let typed = values.get(field.name).map(String::as_str).unwrap_or("");
        let value = match field.kind {
            Kind::Boolean => Value::from(typed == "true"),
            Kind::Ids(_) => Value::Array(
                typed
                    .split(',')
                    .filter_map(|id| id.trim().parse::<i64>().ok())
                    .map(Value::from)
                    .collect(),
            ),
            Kind::Rows(Rows(of)) => match rows_from_form(of, typed) {
                Some(items) => items,
                None => continue,
            },
            Kind::Secret if typed.is_empty() => continue,
            Kind::Secret => Value::from(typed),
            _ if typed.trim().is_empty() => continue,
            Kind::DateTime => {
                Value::from(from_datetime_local(typed).unwrap_or_else(|| typed.into()))
            }
            Kind::Integer | Kind::Code(_) | Kind::Reference(_) => typed
                .trim()
                .parse::<i64>()
                .map_or_else(|_| Value::from(typed), Value::from),
            Kind::Text | Kind::LongText { .. } | Kind::Choice(_) | Kind::Country(_) => {
                Value::from(typed)
            }
        };
        put(&mut payload, field.name, value);
    }
    payload
}

/// A rows field's form text, `[{"key": "email", "value": "…"}, …]` (the
/// typed text per nested field), as JSON for [`validate`]. Rows left
/// wholly blank are dropped; `None` when none is left.
fn rows_from_form(of: &Description, typed: &str) -> Option<Value> {
    let rows: Vec<serde_json::Map<String, Value>> = serde_json::from_str(typed).ok()?;
    let items: Vec<Value> = rows
        .iter()
        .map(|row| {
            of.fields
                .iter()
                .map(|field| {
                    let text = row.get(field.name).and_then(Value::as_str).unwrap_or("");
                    (field.name, text.to_string())
                })
                .collect::<FormValues>()
        })
        .filter(|values| values.values().any(|text| !text.trim().is_empty()))
        .map(|values| from_form(of, &values, Mode::Create))
        .collect();
    (!items.is_empty()).then_some(Value::Array(items))
}

/// What an update must send when only changes travel: the top-level
/// fields of `after` that differ from `before`, and `null` for those
/// `after` left out (cleared).
///
/// ## Usage
/// ```
/// use serde_json::json;
/// use userdesk_api::resource::changes;
/// let before = json!({"firstName": "Mary", "middleName": "Jane", "enabled": true});
/// let after = json!({"firstName": "Maria", "enabled": true});
/// assert_eq!(changes(&before, &after), json!({"firstName": "Maria", "middleName": null}));
/// ```
pub fn changes(before: &Value, after: &Value) -> Value {
    let empty = Map::new();
    let (before, after) = (
        before.as_object().unwrap_or(&empty),
        after.as_object().unwrap_or(&empty),
    );
    let mut changed = Map::new();
    for (key, value) in after {
        if before.get(key) != Some(value) {
            changed.insert(key.clone(), value.clone());
        }
    }
    for key in before.keys() {
        if !after.contains_key(key) {
            changed.insert(key.clone(), Value::Null);
        }
    }
    Value::Object(changed)
}

/// The form's starting text: from `record` when editing one, else each
/// field's start value (`now` is the current `datetime-local` value).
pub fn to_form(description: &Description, record: Option<&Value>, now: &str) -> FormValues {
    let toggles = description.optional.iter().map(|optional| {
        let on = match record {
            Some(record) => pick(record, optional.object).is_some(),
            None => optional.starts_on,
        };
        (optional.object, on.to_string())
    });
    description
        .fields
        .iter()
        .map(|field| {
            let value = match record {
                Some(record) => form_text(field, pick(record, field.name)),
                None => match field.start {
                    Start::Empty if field.kind == Kind::Boolean => "false".to_string(),
                    Start::Empty => String::new(),
                    Start::Value(text) => text.to_string(),
                    Start::Now => now.to_string(),
                },
            };
            (field.name, value)
        })
        .chain(toggles)
        .collect()
}

fn form_text(field: &Field, value: Option<&Value>) -> String {
    match (field.kind, value) {
        (Kind::DateTime, Some(Value::String(stamp))) => {
            to_datetime_local(stamp).unwrap_or_default()
        }
        (Kind::Boolean, value) => (value == Some(&Value::Bool(true))).to_string(),
        (Kind::Secret, _) => String::new(),
        // The code as the country list writes it (`CZ` for a stored `cz`,
        // `040` for `40`), so an untouched form holds what it started with.
        (Kind::Country(code), Some(Value::String(text))) => code
            .find(text)
            .map_or_else(|| text.clone(), |country| code.of(&country).to_string()),
        (Kind::Ids(_), Some(Value::Array(items))) => items
            .iter()
            .filter_map(|item| item.as_i64().or_else(|| pick(item, "id")?.as_i64()))
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(","),
        (Kind::Rows(Rows(of)), Some(Value::Array(items))) => {
            let rows: Vec<Value> = items
                .iter()
                .map(|item| {
                    let mut row = Map::new();
                    for nested in of.fields {
                        let text = form_text(nested, pick(item, nested.name));
                        row.insert(nested.name.to_string(), Value::from(text));
                    }
                    Value::Object(row)
                })
                .collect();
            Value::Array(rows).to_string()
        }
        (_, value) => super::record::text(value),
    }
}

/// The unique fields of `payload` whose value one of `others` already
/// holds (the record `own_id` itself aside), with each field's message.
/// The simulator passes every record; the console the ones it has seen.
pub fn unique_clashes(
    description: &Description,
    payload: &Value,
    others: &[Value],
    own_id: Option<&str>,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for field in description.fields {
        let (Some(message), Some(value)) = (field.unique, pick(payload, field.name)) else {
            continue;
        };
        let clash = others.iter().any(|other| {
            pick(other, field.name) == Some(value) && description.id_of(other).as_deref() != own_id
        });
        if clash {
            errors.add(field.name, message);
        }
    }
    errors
}

/// What the console keeps of a record for [`unique_clashes`]: its id and
/// its unique fields; `None` when the resource has no unique field.
pub fn unique_part(description: &Description, record: &Value) -> Option<Value> {
    let mut part = Value::Object(Map::new());
    let mut any = false;
    for field in description.fields.iter().filter(|f| f.unique.is_some()) {
        if let Some(value) = pick(record, field.name) {
            put(&mut part, field.name, value.clone());
            any = true;
        }
    }
    let id = pick(record, description.path.id)?;
    put(&mut part, description.path.id, id.clone());
    any.then_some(part)
}

/// Where an error key points: the field it names, if the form has it.
pub fn knows(description: &Description, key: &str) -> bool {
    description.fields.iter().any(|field| field.name == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::describe::*;
    use serde_json::json;

    const CODES: &[(&str, &str)] = &[("1", "On"), ("2", "Off")];

    fn no_digits(errors: &mut FieldErrors, key: &str, text: &str) {
        if text.chars().any(|c| c.is_ascii_digit()) {
            errors.add(key, "No digits.");
        }
    }

    fn both_or_neither(payload: &Value, errors: &mut FieldErrors) {
        if pick(payload, "a.n").is_some() != pick(payload, "flag").is_some() {
            errors.add("a.n", "Needs the flag.");
        }
    }

    const THING: Description = Description {
        api: Api::Admin,
        slug: "things",
        title: "Things",
        menu: "Things",
        noun: "thing",
        plural: "things",
        path: Path::of("things", "thing"),
        fields: &[
            Field::text("name", "Name").length(2, 5).check(no_digits),
            Field::long_text("body", "Body", 4).optional(),
            Field::datetime("at", "At").starts(Start::Now),
            Field::code("state", "State", CODES).starts(Start::Value("1")),
            Field::integer("a.n", "N")
                .optional()
                .applies(Applies::OnCreate),
            Field::boolean("flag", "Flag").optional(),
            Field::choice("kind", "Kind", &[("x", "X")]).optional(),
        ],
        list: crate::list::ListSpec {
            orders: &["id.asc"],
            ..Description::BLANK.list
        },
        columns: &[],
        filters: &[],
        meta: &[],
        ops: Ops::CRUD,
        messages: Messages::listed(""),
        check: Some(both_or_neither),
        #[cfg(feature = "examples")]
        example: crate::resource::Example {
            record: "{}",
            create: "{}",
        },
        ..Description::BLANK
    };

    #[test]
    fn a_valid_payload_comes_back_normalized() {
        let payload = json!({"name": " abc ", "body": " two\nlines ", "at": "2019-05-21T10:30:00+0200",
                             "state": 2, "a": {"n": 4}, "flag": true, "kind": "x", "extra": 1});
        assert_eq!(
            validate(&THING, &payload, Mode::Create),
            Ok(
                json!({"name": "abc", "body": " two\nlines ", "at": "2019-05-21T08:30:00+0000",
                      "state": 2, "a": {"n": 4}, "flag": true, "kind": "x"})
            )
        );
    }

    #[test]
    fn each_kind_names_what_is_wrong() {
        let payload = json!({"name": "a1", "at": "soon", "state": 3, "a": {"n": "4"}, "flag": 1, "kind": "y"});
        let errors = validate(&THING, &payload, Mode::Create).expect_err("invalid");
        assert_eq!(errors.get("name"), ["No digits."]);
        assert_eq!(
            errors.get("at"),
            ["Must be a datetime like 2018-11-01T00:00:00+0000."]
        );
        assert_eq!(errors.get("state"), ["Choose one of: On, Off."]);
        assert_eq!(errors.get("a.n"), ["Must be a whole number."]);
        assert_eq!(errors.get("flag"), ["Must be true or false."]);
        assert_eq!(errors.get("kind"), ["Choose one of: X."]);
        let missing = validate(&THING, &json!({"name": 5}), Mode::Update).expect_err("invalid");
        assert_eq!(
            missing.iter().map(|(key, _)| key).collect::<Vec<_>>(),
            ["at", "name", "state"]
        );
        assert_eq!(missing.get("at"), [REQUIRED]);
    }

    #[test]
    fn cross_field_rules_run_once_the_fields_are_valid() {
        let payload =
            json!({"name": "abc", "at": "2019-05-21T10:30:00+0200", "state": 1, "a": {"n": 1}});
        let errors = validate(&THING, &payload, Mode::Create).expect_err("no flag");
        assert_eq!(errors.get("a.n"), ["Needs the flag."]);
        // On update `a.n` is not sent, so the rule holds.
        assert!(validate(&THING, &payload, Mode::Update).is_ok());
    }

    #[test]
    fn form_text_converts_by_kind_and_round_trips() {
        let start = to_form(&THING, None, "2019-01-01T10:00");
        assert_eq!(start["at"], "2019-01-01T10:00");
        assert_eq!(
            (start["state"].as_str(), start["flag"].as_str()),
            ("1", "false")
        );
        let mut values = start;
        values.insert("name", "abc".into());
        values.insert("a.n", "x7".into());
        values.insert("flag", "true".into());
        let payload = from_form(&THING, &values, Mode::Create);
        assert_eq!(payload["at"], "2019-01-01T10:00:00+0000");
        assert_eq!(payload["state"], 1);
        assert_eq!(payload["a"]["n"], "x7", "left for the validator to refuse");
        values.insert("at", "2019-02-30T08:30".into());
        let impossible = from_form(&THING, &values, Mode::Create);
        let errors = validate(&THING, &impossible, Mode::Create).expect_err("no 30 February");
        assert_eq!(
            errors.get("at"),
            ["Must be a datetime like 2018-11-01T00:00:00+0000."]
        );
        assert!(payload.get("body").is_none(), "empty text is not sent");
        let record = json!({"name": "abc", "at": "2019-01-01T10:00:00+0000", "state": 1, "flag": true, "a": {"n": 3}});
        let edited = to_form(&THING, Some(&record), "");
        assert_eq!(
            (
                edited["at"].as_str(),
                edited["a.n"].as_str(),
                edited["flag"].as_str()
            ),
            ("2019-01-01T10:00", "3", "true")
        );
        assert!(knows(&THING, "a.n") && !knows(&THING, "id"));
    }

    #[test]
    fn unique_fields_clash_with_other_records_only() {
        const TAGS: Description = Description {
            fields: &[
                Field::text("name", "Name").unique("Taken."),
                Field::text("note", "Note"),
            ],
            ..THING
        };
        let others = [
            json!({"id": 1, "name": "a", "note": "x"}),
            json!({"id": 2, "name": "b"}),
        ];
        let payload = json!({"name": "a", "note": "x"});
        assert_eq!(
            unique_clashes(&TAGS, &payload, &others, None).get("name"),
            ["Taken."]
        );
        assert!(
            unique_clashes(&TAGS, &payload, &others, Some("1")).is_empty(),
            "its own name"
        );
        assert!(unique_clashes(&TAGS, &json!({"name": "c"}), &others, None).is_empty());
        assert_eq!(
            unique_part(&TAGS, &others[0]),
            Some(json!({"id": 1, "name": "a"}))
        );
        assert_eq!(
            unique_part(&THING, &others[0]),
            None,
            "nothing unique to keep"
        );
    }
}
