//! Lists the API sends whole (Websupport's users, thousands at once): the
//! console searches and orders them in the browser. Each keystroke only
//! filters an order computed once per sort, over text lowered once per load.
//!
//! ## Usage
//! ```
//! use serde_json::json;
//! use userdesk_api::resource::whole::{ordered, SearchIndex};
//!
//! let items = vec![json!({"id": 2, "login": "Bob"}), json!({"id": 1, "login": "alice"})];
//! let order = ordered(&items, "login.asc");
//! assert_eq!(order, [1, 0]);
//! let index = SearchIndex::new(&items, &["login"]);
//! assert_eq!(index.matching(&order, "BO"), [0]);
//! ```

use std::cmp::Ordering;

use serde_json::Value;

use super::record::{pick, text};

/// The searched fields (name, label) that some loaded item carries, so a
/// search promises only what the data holds; the first field stays when
/// no item carries any.
///
/// ## Usage
/// ```
/// use serde_json::json;
/// use userdesk_api::resource::whole::{carried, prompt};
/// const FIELDS: &[(&str, &str)] = &[("login", "Login"), ("email", "email")];
/// let documented = [json!({"id": 1, "login": "a"})];
/// assert_eq!(prompt(&carried(&documented, FIELDS)), "Login");
/// let richer = [json!({"id": 1, "login": "a", "email": "a@b.sk"})];
/// assert_eq!(prompt(&carried(&richer, FIELDS)), "Login or email");
/// ```
pub fn carried(
    items: &[Value],
    fields: &'static [(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let found: Vec<_> = fields
        .iter()
        .copied()
        .filter(|(name, _)| items.iter().any(|item| pick(item, name).is_some()))
        .collect();
    match (found.is_empty(), fields.first()) {
        (true, Some(first)) => vec![*first],
        _ => found,
    }
}

/// A search box's prompt from the searched fields' labels: "Login or email".
pub fn prompt(fields: &[(&str, &str)]) -> String {
    let labels: Vec<&str> = fields.iter().map(|(_, label)| *label).collect();
    labels.join(" or ")
}

/// Each item's searchable text, lowered once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    texts: Vec<String>,
}

impl SearchIndex {
    /// Indexes `fields` of every item.
    pub fn new(items: &[Value], fields: &[&str]) -> SearchIndex {
        let texts = items
            .iter()
            .map(|item| {
                let mut joined = String::new();
                for field in fields {
                    joined.push_str(&text(pick(item, field)).to_lowercase());
                    // A separator no typed text holds, so a match never spans two fields.
                    joined.push('\u{1f}');
                }
                joined
            })
            .collect();
        SearchIndex { texts }
    }

    /// The positions of `order` whose item contains `needle`, ignoring
    /// case; all of them for a blank needle.
    pub fn matching(&self, order: &[usize], needle: &str) -> Vec<usize> {
        let needle = needle.trim().to_lowercase();
        if needle.is_empty() {
            return order.to_vec();
        }
        order
            .iter()
            .copied()
            .filter(|&index| {
                self.texts
                    .get(index)
                    .is_some_and(|text| text.contains(&needle))
            })
            .collect()
    }
}

/// How one value sorts: missing first, then numbers by value, then text
/// ignoring case.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum Key {
    Missing,
    Number(f64),
    Text(String),
}

fn key(item: &Value, column: &str) -> Key {
    match pick(item, column) {
        None | Some(Value::Null) => Key::Missing,
        Some(Value::Number(number)) => Key::Number(number.as_f64().unwrap_or(0.0)),
        Some(Value::Bool(flag)) => Key::Number(f64::from(u8::from(*flag))),
        Some(other) => Key::Text(text(Some(other)).to_lowercase()),
    }
}

/// The item positions in the order `order_by` names (`login.asc`,
/// `createTime.desc`); equal keys keep the API's order.
pub fn ordered(items: &[Value], order_by: &str) -> Vec<usize> {
    let (column, direction) = order_by.split_once('.').unwrap_or((order_by, "asc"));
    let mut keyed: Vec<(Key, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item, column), index))
        .collect();
    // The position breaks ties, so the faster unstable sort keeps them in order.
    keyed.sort_unstable_by(|a, b| {
        let by_key = a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal);
        let by_key = if direction == "desc" {
            by_key.reverse()
        } else {
            by_key
        };
        by_key.then(a.1.cmp(&b.1))
    });
    keyed.into_iter().map(|(_, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn users() -> Vec<Value> {
        vec![
            json!({"id": 10, "login": "zeta", "email": "z@x.sk", "createTime": 300}),
            json!({"id": 2, "login": "Alpha", "email": "boss@firma.sk", "createTime": 100}),
            json!({"id": 33, "login": "mike", "createTime": 200}),
        ]
    }

    #[test]
    fn orders_numbers_as_numbers_and_text_ignoring_case() {
        let items = users();
        assert_eq!(ordered(&items, "id.asc"), [1, 0, 2]);
        assert_eq!(ordered(&items, "id.desc"), [2, 0, 1]);
        assert_eq!(ordered(&items, "login.asc"), [1, 2, 0]);
        assert_eq!(ordered(&items, "createTime.desc"), [0, 2, 1]);
        assert_eq!(ordered(&items, "email.asc"), [2, 1, 0], "missing first");
    }

    #[test]
    fn search_matches_any_indexed_field_ignoring_case() {
        let items = users();
        let index = SearchIndex::new(&items, &["login", "email"]);
        let order = ordered(&items, "login.asc");
        assert_eq!(index.matching(&order, "FIRMA"), [1]);
        assert_eq!(
            index.matching(&order, " a "),
            [1, 0],
            "alpha, zeta; in order"
        );
        assert_eq!(index.matching(&order, ""), order);
        assert!(index.matching(&order, "nobody").is_empty());
        assert!(
            index.matching(&order, "zetaz@").is_empty(),
            "no match across fields"
        );
    }
}
