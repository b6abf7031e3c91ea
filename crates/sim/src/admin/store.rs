//! The simulator's generic store: every described resource is a
//! [`Collection`] of JSON records, listed, read, created, updated and
//! deleted from its description. What one resource needs beyond that
//! (uniqueness, cascades, stamps of its own) lives in `checks.rs`.
//!
//! ## Usage
//! A new described resource needs a seed in `seed/` and, if it has
//! cross-resource rules, a line in `checks.rs`; `AdminServer::handle`
//! already routes every description in `admin::REGISTRY` here.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use userdesk_api::resource::record::{filtered_value, pick, put};
use userdesk_api::resource::{unique_clashes, validate, Description, Mode};
use userdesk_api::time::format_timestamp;
use userdesk_api::{FieldErrors, HttpResponse, Method};

use super::list::{order, page_of, paging_with, same_number};
use super::{checks, json_body, AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};
use crate::order::sorted;

/// One resource's records, in creation order, and the next id to give.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Collection {
    pub records: Vec<Value>,
    next_id: i64,
}

impl Collection {
    /// A collection holding `records`; new ids continue after the largest.
    pub fn seeded(records: Vec<Value>) -> Self {
        let next_id = records
            .iter()
            .filter_map(|record| pick(record, "id").and_then(Value::as_i64))
            .max()
            .unwrap_or(0)
            + 1;
        Collection { records, next_id }
    }

    /// Typed seed records as JSON.
    pub fn of<T: Serialize>(records: &[T]) -> Self {
        Collection::seeded(
            records
                .iter()
                .filter_map(|record| serde_json::to_value(record).ok())
                .collect(),
        )
    }

    /// Adds a record under the next id and returns that id.
    pub fn push(&mut self, mut record: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        put(&mut record, "id", Value::from(id));
        self.records.push(record);
        id
    }

    /// The record with `key` as its id or, as the Admin API also reads
    /// records (`/role/{name}`), as the value of one of its unique fields.
    fn position(&self, resource: &Description, key: &str) -> Option<usize> {
        match key.parse::<i64>() {
            Ok(id) => self
                .records
                .iter()
                .position(|record| pick(record, "id").and_then(Value::as_i64) == Some(id)),
            Err(_) => resource
                .fields
                .iter()
                .filter(|field| field.unique.is_some())
                .find_map(|field| {
                    self.records.iter().position(|record| {
                        pick(record, field.name).and_then(Value::as_str) == Some(key)
                    })
                }),
        }
    }
}

/// Every described resource's collection, by slug.
pub type Collections = BTreeMap<String, Collection>;

impl AdminServer {
    /// The records of the described resource `slug`.
    pub fn records(&self, slug: &str) -> &[Value] {
        self.collections
            .get(slug)
            .map_or(&[], |collection| collection.records.as_slice())
    }

    /// Serves a call to a described resource.
    pub(super) fn serve_described(
        &mut self,
        call: &Call,
        resource: &'static Description,
        now: i64,
    ) -> HttpResponse {
        let segments = &call.segments;
        let path = resource.path;
        let is_collection = segments[0] == path.collection;
        let ops = resource.ops;
        match (is_collection, call.method, segments.len()) {
            (true, Method::Get, 1..=3) => serve_list(call, resource, self.records(resource.slug)),
            (true, Method::Post, 1) if ops.create => self.save(call, resource, None, now),
            (false, Method::Get, 2) if ops.has_record_page() => {
                match self.position(resource, segments[1]) {
                    Some(index) => ok(200, &wrap(path.item, &self.records(resource.slug)[index])),
                    None => not_found(resource),
                }
            }
            (false, Method::Put, 2) if ops.update => {
                match self.position_by_id(resource, segments[1]) {
                    Some(index) => self.save(call, resource, Some(index), now),
                    None => not_found(resource),
                }
            }
            (false, Method::Delete, 2) if ops.delete => {
                match self.position_by_id(resource, segments[1]) {
                    Some(index) => {
                        let removed = self.collection_mut(resource).records.remove(index);
                        checks::after_delete(self, resource, &removed);
                        no_content()
                    }
                    None => not_found(resource),
                }
            }
            (true, _, 1) => error(405, "Method not allowed"),
            (false, _, 2) if ops.has_record_page() => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    /// The collection of `resource`, for rules that write across resources.
    pub(super) fn collection_mut(&mut self, resource: &Description) -> &mut Collection {
        self.collections
            .entry(resource.slug.to_string())
            .or_default()
    }

    fn position(&self, resource: &Description, key: &str) -> Option<usize> {
        self.collections.get(resource.slug)?.position(resource, key)
    }

    /// Updates and deletes name records by id only.
    fn position_by_id(&self, resource: &Description, id: &str) -> Option<usize> {
        id.parse::<i64>().ok()?;
        self.position(resource, id)
    }

    /// Creates (no index) or updates a record from the request's payload:
    /// the description's validator, then the resource's own checks, then
    /// the stamps.
    fn save(
        &mut self,
        call: &Call,
        resource: &'static Description,
        existing: Option<usize>,
        now: i64,
    ) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let mode = Mode::editing(existing.is_some());
        let fields = match validate(resource, &body, mode) {
            Ok(fields) => fields,
            Err(errors) => return field_errors(errors.to_nested_json()),
        };
        let own_id = existing.and_then(|index| resource.id_of(&self.records(resource.slug)[index]));
        let mut taken = unique_clashes(
            resource,
            &fields,
            self.records(resource.slug),
            own_id.as_deref(),
        );
        checks::before_save(self, resource, &fields, own_id.as_deref(), &mut taken);
        if !taken.is_empty() {
            return field_errors(taken.to_nested_json());
        }
        let stamp = Value::from(format_timestamp(now));
        let collection = self.collection_mut(resource);
        let index = match existing {
            Some(index) => index,
            None => {
                collection.push(json!({ "created_at": stamp, "status_changed_at": stamp }));
                collection.records.len() - 1
            }
        };
        let record = &mut collection.records[index];
        if existing.is_some() && pick(record, "status") != pick(&fields, "status") {
            put(record, "status_changed_at", stamp.clone());
        }
        for field in resource.fields.iter().filter(|f| f.applies.to(mode)) {
            match pick(&fields, field.name) {
                Some(value) => put(record, field.name, value.clone()),
                None => put(record, field.name, Value::Null),
            }
        }
        put(record, "updated_at", stamp);
        let code = if existing.is_some() { 200 } else { 201 };
        ok(code, &wrap(resource.path.item, record))
    }
}

/// `/{collection}[/{page}[/{limit}]]`: the documented filters compare
/// whole values (numbers as numbers), the documented orders sort by
/// the named field (the id breaks ties).
pub(super) fn serve_list(call: &Call, resource: &Description, records: &[Value]) -> HttpResponse {
    let list = &resource.list;
    let rest = &call.segments[1..];
    // `/{collection}/{value}[/{page}]` when a path filter's value leads.
    let by_path = resource.path.list_by.filter(|_| {
        rest.first()
            .is_some_and(|first| first.parse::<u64>().is_err())
    });
    let paging = match by_path {
        Some(by) if rest.len() <= 2 => paging_with(&rest[1..], by.fixed_limit as usize),
        Some(_) => Err(error(404, "Not found")),
        None => paging_with(rest, list.default_limit() as usize),
    };
    let paging = match paging {
        Ok(paging) => paging,
        Err(response) => return response,
    };
    let mut filters: Vec<(&str, String)> = list
        .filters
        .iter()
        .filter(|key| resource.path.list_by.is_none_or(|by| by.filter != **key))
        .filter_map(|key| call.request.query(key).map(|value| (*key, value)))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    if let (Some(by), Some(value)) = (by_path, rest.first()) {
        if !checks::path_value_known(resource, by.filter, value) {
            return error(404, "Not found");
        }
        filters.push((by.filter, value.to_string()));
    }
    let (column, ascending) = order(call.request.query("order_by"), list.orders);
    let matching = records.iter().filter(|record| {
        filters.iter().all(|(key, wanted)| {
            checks::special_filter(resource, key, wanted, record)
                .unwrap_or_else(|| matches(filtered_value(record, key), wanted))
        })
    });
    let shown = sorted(matching, column, ascending);
    let (prefix, limit, collection) = (call.prefix.clone(), paging.limit, resource.path.collection);
    let lead = by_path.and(rest.first().copied());
    page_of(collection, shown, &paging, |page| match lead {
        Some(value) => format!("{prefix}/{collection}/{value}/{page}"),
        None => format!("{prefix}/{collection}/{page}/{limit}"),
    })
}

/// The request's JSON body, checked by `resource`'s validator, read as
/// `T` and then held to `rules` (uniqueness, joins): the fields, or the
/// 400 to send.
pub(super) fn validated<T: DeserializeOwned>(
    call: &Call,
    resource: &Description,
    existing: bool,
    rules: impl FnOnce(&T) -> FieldErrors,
) -> Result<T, HttpResponse> {
    let body = json_body(call.request)?;
    let valid = validate(resource, &body, Mode::editing(existing))
        .map_err(|errors| field_errors(errors.to_nested_json()))?;
    let fields: T = serde_json::from_value(valid).map_err(|_| error(500, "Unreadable payload"))?;
    let broken = rules(&fields);
    if broken.is_empty() {
        Ok(fields)
    } else {
        Err(field_errors(broken.to_nested_json()))
    }
}

/// `{"item": record}`, as the Admin API wraps one record.
fn wrap(key: &str, record: &Value) -> Value {
    let mut object = serde_json::Map::new();
    object.insert(key.to_string(), record.clone());
    Value::Object(object)
}

fn not_found(resource: &Description) -> HttpResponse {
    let noun = resource.noun;
    let mut text = noun[..1].to_ascii_uppercase();
    text.push_str(&noun[1..]);
    error(404, &format!("{text} not found"))
}

/// Whether a record's value equals a filter's text: numbers as numbers,
/// text exactly.
fn matches(value: Option<&Value>, wanted: &str) -> bool {
    match value {
        Some(Value::Number(number)) => number
            .as_i64()
            .is_some_and(|number| same_number(wanted, number)),
        Some(Value::Bool(flag)) => same_number(wanted, i64::from(*flag)),
        Some(Value::String(text)) => text == wanted,
        Some(Value::Array(items)) => items.iter().any(|item| {
            item.as_i64()
                .or_else(|| pick(item, "id").and_then(Value::as_i64))
                .is_some_and(|id| same_number(wanted, id))
        }),
        _ => false,
    }
}
