//! How the simulated APIs sort records: one implementation for every list.

use serde_json::Value;
use userdesk_api::resource::record::pick;

/// How a record sorts under one column: text first, then a number (the id
/// breaks ties). Fixed-format timestamps sort as text in time order.
pub type SortKey = (String, i64);

/// A zero-padded number, so numbers sort correctly as text.
pub fn number_key(number: i64) -> String {
    format!("{number:020}")
}

/// Numbers sort as numbers, everything else as text; a numeric `id`
/// breaks ties, else the records keep their order.
pub fn sort_key(record: &Value, column: &str) -> SortKey {
    let id = pick(record, "id").and_then(Value::as_i64).unwrap_or(0);
    let key = match pick(record, column) {
        Some(Value::Number(number)) => number_key(number.as_i64().unwrap_or(0)),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    (key, id)
}

/// `records` sorted by `column`, ascending or descending.
pub fn sorted<'a>(
    records: impl IntoIterator<Item = &'a Value>,
    column: &str,
    ascending: bool,
) -> Vec<&'a Value> {
    let mut keyed: Vec<(SortKey, &Value)> = records
        .into_iter()
        .map(|record| (sort_key(record, column), record))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    if !ascending {
        keyed.reverse();
    }
    keyed.into_iter().map(|(_, record)| record).collect()
}
