//! The simulated Profiles API (`002_e938d66f45173766.txt`).
//!
//! - Every call needs `Authorization: Bearer <token>` with one of
//!   [`DEMO_TOKENS`]; anything else answers 401.
//! - Lists take `limit` (default 10, at most 100), `offset`, `sort_by` (the
//!   eight documented fields), `sort_order` and `filter[…]`. Text filters
//!   match a part of the value, ignoring case; `enabled` takes 1/0 or
//!   true/false. Both spellings of the name filters are accepted (the
//!   filter list's `profileFirstName`, the curl example's `firstName`).
//! - Bodies are checked by the same descriptions the console uses. Errors
//!   are 422 `{"message", "errors": {"field": ["…"]}}` with flat dotted
//!   keys (`contacts.1.value`); the documentation leaves their shape open.
//! - `PUT` and `PATCH` both change only the fields they send (`null`
//!   clears one); `/profile/{id}` is accepted beside `/profiles/{id}`.
//! - Deletes answer 204 with no body.

mod seed;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use userdesk_api::iso3166::by_numeric;
use userdesk_api::profiles::contacts::CONTACTS;
use userdesk_api::profiles::profile::PROFILES;
use userdesk_api::resource::record::{pick, text_at};
use userdesk_api::resource::{validate, Description, Mode};
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpRequest, HttpResponse, Method};

use crate::order::sorted;
use crate::Rng;

/// Bearer tokens the simulator accepts (the README gives the first).
pub const DEMO_TOKENS: [&str; 1] = ["demo-profiles-token"];

/// The fields `sort_by` takes.
const SORTABLE: [&str; 8] = [
    "createTime",
    "enabled",
    "firstName",
    "lastName",
    "middleName",
    "name",
    "profileId",
    "updateTime",
];

/// Everything the simulated Profiles API stores: profiles, each with its contacts.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProfilesServer {
    pub profiles: Vec<Value>,
}

impl Default for ProfilesServer {
    fn default() -> Self {
        ProfilesServer::seeded()
    }
}

fn message(status: u16, text: &str) -> HttpResponse {
    HttpResponse::json(status, json!({ "message": text }).to_string())
}

fn record(status: u16, value: &Value) -> HttpResponse {
    HttpResponse::json(status, value.to_string())
}

fn invalid(errors: &userdesk_api::FieldErrors) -> HttpResponse {
    let flat: Map<String, Value> = errors
        .iter()
        .map(|(key, messages)| (key.to_string(), Value::from(messages.to_vec())))
        .collect();
    HttpResponse::json(
        422,
        json!({"message": "The given data was invalid.", "errors": flat}).to_string(),
    )
}

/// The API's timestamps: `2021-01-01T00:00:00+00:00`.
pub fn stamp(now: i64) -> String {
    let admin = format_timestamp(now);
    match admin.strip_suffix("+0000") {
        Some(head) => format!("{head}+00:00"),
        None => admin,
    }
}

/// An id shaped like the documentation's (24 hex digits).
fn new_id(rng: &mut Rng) -> String {
    rng.hex(24)
}

/// The full name as the API composes it: the names that are set, in order.
fn full_name(profile: &Value) -> String {
    ["firstName", "middleName", "lastName"]
        .iter()
        .map(|field| text_at(profile, field))
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `country` object for a numeric code, or `null`.
fn country_object(code: Option<&Value>) -> Value {
    let Some(country) = code.and_then(Value::as_str).and_then(by_numeric) else {
        return Value::Null;
    };
    json!({
        "countryId": format!("{:0>24}", country.numeric),
        "countryName": country.name,
        "alpha2Code": country.alpha2,
        "alpha3Code": country.alpha3,
        "numericCode": country.numeric,
        "geographicRegionNumericCode": null,
        "geographicRegionName": null,
        "createTime": "2021-01-01T00:00:00+00:00",
        "updateTime": "2021-01-01T00:00:00+00:00"
    })
}

/// Fills what the server computes: the full name and the country object.
fn complete(profile: &mut Value) {
    let name = full_name(profile);
    let country = country_object(profile.get("countryNumericCode"));
    if let Value::Object(map) = profile {
        map.insert("name".into(), Value::from(name));
        map.insert("country".into(), country);
    }
}

/// A stored contact from a checked payload.
fn new_contact(payload: &Value, now: i64, rng: &mut Rng) -> Value {
    json!({
        "contactId": new_id(rng),
        "key": text_at(payload, "key"),
        "value": text_at(payload, "value"),
        "createTime": stamp(now),
        "updateTime": stamp(now),
        "uuid": pick(payload, "uuid").cloned().unwrap_or(Value::Null),
    })
}

/// Sets each field the payload sends; `null` clears it.
fn merge(target: &mut Value, changes: &Map<String, Value>, fields: &[&str]) {
    if let Value::Object(map) = target {
        for (key, value) in changes {
            if fields.contains(&key.as_str()) {
                map.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The editable fields of `description` as a payload read from `record`.
fn editable(description: &Description, record: &Value, mode: Mode) -> Value {
    let mut payload = Map::new();
    for field in description.fields.iter().filter(|f| f.applies.to(mode)) {
        if let Some(value) = pick(record, field.name) {
            payload.insert(field.name.to_string(), value.clone());
        }
    }
    Value::Object(payload)
}

impl ProfilesServer {
    pub fn seeded() -> Self {
        ProfilesServer {
            profiles: seed::profiles(),
        }
    }

    pub fn handle(&mut self, request: &HttpRequest, now: i64, rng: &mut Rng) -> HttpResponse {
        let header = request.header_value("Authorization").unwrap_or_default();
        let token = header.strip_prefix("Bearer ").map(str::trim);
        if !token.is_some_and(|token| DEMO_TOKENS.contains(&token)) {
            return message(
                401,
                "Unauthenticated: the bearer token is missing or not valid.",
            );
        }
        let segments: Vec<&str> = request
            .path()
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        match (request.method, segments.as_slice()) {
            (Method::Get, ["profiles"]) => self.list(request),
            (Method::Post, ["profiles"]) => self.create(request, now, rng),
            (Method::Get, ["profiles", id]) => self.read(id),
            (Method::Put | Method::Patch, ["profiles" | "profile", id]) => {
                self.update(id, request, now)
            }
            (Method::Delete, ["profiles", id]) => self.delete(id),
            (Method::Get, ["profiles", id, "contacts"]) => self.contacts(id),
            (Method::Post, ["profiles", id, "contacts"]) => self.add_contact(id, request, now, rng),
            (Method::Get, ["profiles", id, "contacts", contact]) => self.contact(id, contact),
            (Method::Put | Method::Patch, ["profiles", id, "contacts", contact]) => {
                self.update_contact(id, contact, request, now)
            }
            (Method::Delete, ["profiles", id, "contacts", contact]) => {
                self.delete_contact(id, contact)
            }
            (_, ["profiles" | "profile", ..]) => message(405, "Method not allowed."),
            _ => message(404, "Not found."),
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.profiles
            .iter()
            .position(|profile| text_at(profile, "profileId") == id)
    }

    fn list(&self, request: &HttpRequest) -> HttpResponse {
        let number = |name: &str, default: usize| match request.query(name) {
            None => Ok(default),
            Some(text) => text
                .trim()
                .parse::<usize>()
                .map_err(|_| message(400, &format!("{name} must be a whole number."))),
        };
        let (limit, offset) = match (number("limit", 10), number("offset", 0)) {
            (Ok(limit), Ok(offset)) if (1..=100).contains(&limit) => (limit, offset),
            (Ok(_), Ok(_)) => return message(400, "limit must be 1–100."),
            (Err(response), _) | (_, Err(response)) => return response,
        };
        let sort_by = request
            .query("sort_by")
            .unwrap_or_else(|| "createTime".into());
        if !SORTABLE.contains(&sort_by.as_str()) {
            return message(400, &format!("sort_by cannot be “{sort_by}”."));
        }
        let descending = match request.query("sort_order").as_deref() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(other) => return message(400, &format!("sort_order cannot be “{other}”.")),
        };
        let mut filters: Vec<(String, String)> = Vec::new();
        for (key, value) in request.query_pairs() {
            let Some(name) = key
                .strip_prefix("filter[")
                .and_then(|k| k.strip_suffix(']'))
            else {
                continue;
            };
            let field = match name {
                "enabled" | "name" | "uuid" | "firstName" | "lastName" | "middleName" => name,
                "profileFirstName" => "firstName",
                "profileLastName" => "lastName",
                "profileMiddleName" => "middleName",
                other => return message(400, &format!("Cannot filter by “{other}”.")),
            };
            filters.push((field.to_string(), value));
        }
        let matching: Vec<&Value> = self
            .profiles
            .iter()
            .filter(|profile| {
                filters
                    .iter()
                    .all(|(field, wanted)| matches(profile, field, wanted))
            })
            .collect();
        let matching = sorted(matching, &sort_by, !descending);
        let page: Vec<&Value> = matching.into_iter().skip(offset).take(limit).collect();
        HttpResponse::json(200, json!(page).to_string())
    }

    fn read(&self, id: &str) -> HttpResponse {
        match self.position(id) {
            Some(index) => record(200, &self.profiles[index]),
            None => message(404, "Profile not found."),
        }
    }

    fn create(&mut self, request: &HttpRequest, now: i64, rng: &mut Rng) -> HttpResponse {
        let Some(body) = json_body(request) else {
            return message(400, "The body must be a JSON object.");
        };
        let checked = match validate(&PROFILES, &body, Mode::Create) {
            Ok(checked) => checked,
            Err(errors) => return invalid(&errors),
        };
        let contacts: Vec<Value> = pick(&checked, "contacts")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .map(|item| new_contact(item, now, rng))
                    .collect()
            })
            .unwrap_or_default();
        let mut profile = json!({
            "profileId": new_id(rng),
            "contacts": contacts,
            "countryNumericCode": pick(&checked, "countryNumericCode").cloned().unwrap_or(Value::Null),
            "enabled": pick(&checked, "enabled").cloned().unwrap_or(Value::Bool(true)),
            "firstName": pick(&checked, "firstName").cloned().unwrap_or(Value::Null),
            "middleName": pick(&checked, "middleName").cloned().unwrap_or(Value::Null),
            "lastName": pick(&checked, "lastName").cloned().unwrap_or(Value::Null),
            "tags": [],
            "createTime": stamp(now),
            "updateTime": stamp(now),
            "uuid": pick(&checked, "uuid").cloned().unwrap_or(Value::Null),
        });
        complete(&mut profile);
        self.profiles.push(profile.clone());
        record(201, &profile)
    }

    fn update(&mut self, id: &str, request: &HttpRequest, now: i64) -> HttpResponse {
        let Some(index) = self.position(id) else {
            return message(404, "Profile not found.");
        };
        let Some(Value::Object(changes)) = json_body(request) else {
            return message(400, "The body must be a JSON object.");
        };
        let fields: Vec<&str> = PROFILES
            .fields
            .iter()
            .filter(|f| f.applies.to(Mode::Update))
            .map(|f| f.name)
            .collect();
        let mut updated = self.profiles[index].clone();
        merge(&mut updated, &changes, &fields);
        let checked = validate(
            &PROFILES,
            &editable(&PROFILES, &updated, Mode::Update),
            Mode::Update,
        );
        let checked = match checked {
            Ok(checked) => checked,
            Err(errors) => return invalid(&errors),
        };
        if let Value::Object(map) = &mut updated {
            // Normalized values (trimmed names, the padded country code).
            for field in &fields {
                if let Some(value) = checked.get(*field) {
                    map.insert(field.to_string(), value.clone());
                }
            }
            map.insert("updateTime".into(), Value::from(stamp(now)));
        }
        complete(&mut updated);
        self.profiles[index] = updated.clone();
        record(200, &updated)
    }

    fn delete(&mut self, id: &str) -> HttpResponse {
        match self.position(id) {
            Some(index) => {
                self.profiles.remove(index);
                HttpResponse::empty(204)
            }
            None => message(404, "Profile not found."),
        }
    }

    fn contacts_of(&mut self, id: &str) -> Option<&mut Vec<Value>> {
        let index = self.position(id)?;
        let profile = self.profiles[index].as_object_mut()?;
        let contacts = profile
            .entry("contacts")
            .or_insert_with(|| Value::Array(Vec::new()));
        if !contacts.is_array() {
            *contacts = Value::Array(Vec::new());
        }
        contacts.as_array_mut()
    }

    fn contacts(&mut self, id: &str) -> HttpResponse {
        match self.contacts_of(id) {
            Some(contacts) => HttpResponse::json(200, Value::Array(contacts.clone()).to_string()),
            None => message(404, "Profile not found."),
        }
    }

    fn contact(&mut self, id: &str, contact: &str) -> HttpResponse {
        let Some(contacts) = self.contacts_of(id) else {
            return message(404, "Profile not found.");
        };
        match contacts.iter().find(|c| text_at(c, "contactId") == contact) {
            Some(found) => record(200, found),
            None => message(404, "Contact not found."),
        }
    }

    fn add_contact(
        &mut self,
        id: &str,
        request: &HttpRequest,
        now: i64,
        rng: &mut Rng,
    ) -> HttpResponse {
        let Some(body) = json_body(request) else {
            return message(400, "The body must be a JSON object.");
        };
        let checked = match validate(&CONTACTS, &body, Mode::Create) {
            Ok(checked) => checked,
            Err(errors) => return invalid(&errors),
        };
        let contact = new_contact(&checked, now, rng);
        match self.contacts_of(id) {
            Some(contacts) => {
                contacts.push(contact.clone());
                record(201, &contact)
            }
            None => message(404, "Profile not found."),
        }
    }

    fn update_contact(
        &mut self,
        id: &str,
        contact: &str,
        request: &HttpRequest,
        now: i64,
    ) -> HttpResponse {
        let Some(Value::Object(changes)) = json_body(request) else {
            return message(400, "The body must be a JSON object.");
        };
        let Some(contacts) = self.contacts_of(id) else {
            return message(404, "Profile not found.");
        };
        let Some(found) = contacts
            .iter_mut()
            .find(|c| text_at(c, "contactId") == contact)
        else {
            return message(404, "Contact not found.");
        };
        let mut updated = found.clone();
        merge(&mut updated, &changes, &["key", "value", "uuid"]);
        let checked = match validate(
            &CONTACTS,
            &editable(&CONTACTS, &updated, Mode::Update),
            Mode::Update,
        ) {
            Ok(checked) => checked,
            Err(errors) => return invalid(&errors),
        };
        if let Value::Object(map) = &mut updated {
            for field in ["key", "value"] {
                if let Some(value) = checked.get(field) {
                    map.insert(field.to_string(), value.clone());
                }
            }
            map.insert("updateTime".into(), Value::from(stamp(now)));
        }
        *found = updated.clone();
        record(200, &updated)
    }

    fn delete_contact(&mut self, id: &str, contact: &str) -> HttpResponse {
        let Some(contacts) = self.contacts_of(id) else {
            return message(404, "Profile not found.");
        };
        let before = contacts.len();
        contacts.retain(|c| text_at(c, "contactId") != contact);
        if contacts.len() == before {
            message(404, "Contact not found.")
        } else {
            HttpResponse::empty(204)
        }
    }
}

fn json_body(request: &HttpRequest) -> Option<Value> {
    let body: Value = serde_json::from_str(request.body.as_deref()?).ok()?;
    body.is_object().then_some(body)
}

/// Whether a profile passes one filter.
fn matches(profile: &Value, field: &str, wanted: &str) -> bool {
    let value = pick(profile, field);
    match field {
        "enabled" => {
            let on = matches!(wanted.trim(), "1" | "true");
            value.and_then(Value::as_bool) == Some(on)
        }
        "uuid" => value.and_then(Value::as_str) == Some(wanted.trim()),
        _ => text_at(profile, field)
            .to_lowercase()
            .contains(&wanted.trim().to_lowercase()),
    }
}

#[cfg(test)]
mod tests;
