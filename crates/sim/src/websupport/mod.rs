//! The simulated Websupport REST v1 user management (`000_…txt`).
//!
//! - Every call but the public sign-up is signed (the password restore too, as its curl is): `Authorization: Basic
//!   base64(apiKey:signature)`, the signature being the hex HMAC-SHA1 of
//!   `"{METHOD} {path} {unix time}"` (the path without its query) keyed
//!   with the key's secret. The time comes in `X-Date` (what a browser can
//!   send) or `Date`, in ISO 8601's basic form (`20190123T104657Z`) or any
//!   form `parse_instant` reads, and must be within five minutes of the simulator's clock;
//!   anything else answers 401.
//! - Two demo keys (the README gives them): a reseller, the documentation's
//!   `testaccount` (id 123) with 10,000 generated sub-users, and a customer,
//!   the documentation's `subuseraccount` (id 456).
//! - A caller sees itself and the users under it; `self` is the caller.
//! - Lists are whole unless `pagesize` is given (`page` from 1).
//! - Writes answer `{"status": "success", "item", "errors": []}` (201;
//!   a billing delete 200) or **200 with `"status": "error"`** and field
//!   errors, checked by the same descriptions the console uses plus the
//!   server's own (a login already taken). 404 `{message, code}` for what
//!   is not there; 500 for deleting the default billing profile; 400 for
//!   deleting a domain profile with domains or one that does not exist.
//! - Passwords are never stored (the answer echoes them, as documented).
//!
//! The 10,000 sub-users are a rule, not stored records: user `n` is
//! `customer{n:05}`. Writing to one stores it from then on, so the saved
//! Demo state stays a few kilobytes.

mod seed;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use userdesk_api::base64::parse_basic_auth;
use userdesk_api::resource::record::text_at;
use userdesk_api::resource::{validate, Description, Mode};
use userdesk_api::time::parse_instant;
use userdesk_api::websupport::billing::BILLING;
use userdesk_api::websupport::domain_profiles::{has_domains, DOMAIN_PROFILES, IDENTITY};
use userdesk_api::websupport::users::{RESTORE_PASSWORD, SIGN_UP, USERS};
use userdesk_api::websupport::{signature, TIME_HEADER};
use userdesk_api::{FieldErrors, HttpRequest, HttpResponse, Method};

pub use seed::{DemoKey, DEMO_KEYS, GENERATED_SUB_USERS, RESELLER_ID};

/// How far the request time may be from the simulator's clock.
pub const ALLOWED_SKEW_SECONDS: i64 = 300;

/// Everything the simulated Websupport API stores.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WebsupportServer {
    /// Users stored as records: the documented ones, those created, and
    /// generated sub-users once written to. Details, without passwords.
    pub users: Vec<Value>,
    /// How many generated sub-users the reseller has.
    pub generated: u32,
    /// Per user id, its billing profiles (a generated user's default one
    /// is a rule until written to).
    pub billing: BTreeMap<i64, Vec<Value>>,
    /// Per user id, its domain profiles.
    pub domain_profiles: BTreeMap<i64, Vec<Value>>,
    pub next_id: i64,
}

impl Default for WebsupportServer {
    fn default() -> Self {
        WebsupportServer::seeded()
    }
}

/// `{"message", "code"}` with the status.
fn failure(status: u16, text: &str) -> HttpResponse {
    HttpResponse::json(status, json!({"message": text, "code": status}).to_string())
}

fn success(status: u16, item: Value) -> HttpResponse {
    HttpResponse::json(
        status,
        json!({"status": "success", "item": item, "errors": []}).to_string(),
    )
}

/// The documented validation answer: 200, `"status": "error"`.
fn refused(item: Value, errors: &FieldErrors) -> HttpResponse {
    let map: Map<String, Value> = errors
        .iter()
        .map(|(field, messages)| (field.to_string(), Value::from(messages.to_vec())))
        .collect();
    HttpResponse::json(
        200,
        json!({"status": "error", "item": item, "errors": map}).to_string(),
    )
}

fn body_of(request: &HttpRequest) -> Value {
    request
        .body
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok())
        .filter(Value::is_object)
        .unwrap_or_else(|| Value::Object(Map::new()))
}

/// The id in a record (numbers for users and billing, text for domain profiles).
fn id_text(record: &Value) -> String {
    text_at(record, "id")
}

/// Keeps only `fields` of `payload` (what an endpoint takes).
fn only(payload: &Value, fields: &[&str]) -> Map<String, Value> {
    fields
        .iter()
        .filter_map(|field| {
            payload
                .get(*field)
                .map(|value| (field.to_string(), value.clone()))
        })
        .collect()
}

/// The fields an endpoint takes: its description's, in the given mode.
fn taken(description: &Description, mode: Mode) -> Vec<&'static str> {
    description
        .fields
        .iter()
        .filter(|field| field.applies.to(mode))
        .map(|field| field.name)
        .collect()
}

impl WebsupportServer {
    /// Answers one request.
    pub fn handle(&mut self, request: &HttpRequest, now: i64) -> HttpResponse {
        let path = request.path().trim_end_matches('/').to_string();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let caller = self.caller(request, now);
        // Only the sign-up is documented as public ("available without
        // authentication"); the password restore's own curl is signed.
        let public = request.method == Method::Post
            && segments == ["v1", "user"]
            && body_of(request).get("isSubUser") != Some(&Value::Bool(true));
        let caller = match caller {
            Ok(id) => Some(id),
            Err(_) if public && request.header_value("Authorization").is_none() => None,
            Err(reason) => return failure(401, reason),
        };
        match (request.method, segments.as_slice()) {
            (Method::Post, ["v1", "user"]) => self.create_user(request, caller, now),
            (method, rest) => {
                let Some(caller) = caller else {
                    return failure(401, "Authentication required.");
                };
                self.signed(method, rest, request, caller)
            }
        }
    }

    fn signed(
        &mut self,
        method: Method,
        segments: &[&str],
        request: &HttpRequest,
        caller: i64,
    ) -> HttpResponse {
        let user = |id: &str| self.visible(caller, id);
        match (method, segments) {
            (Method::Get, ["v1", "user"]) => self.list_users(request, caller),
            (Method::Post, ["v1", "user", "restorepass"]) => self.restore_password(request),
            (_, ["v1", "user", id, rest @ ..]) => {
                let Some(user_id) = user(id) else {
                    return failure(404, "User not found.");
                };
                match (method, rest) {
                    (Method::Get, []) => match self.user(user_id) {
                        Some(record) => HttpResponse::json(200, self.detail(record).to_string()),
                        None => failure(404, "User not found."),
                    },
                    (Method::Put, []) => self.update_user(user_id, request),
                    (Method::Get, ["billing"]) => list(request, self.billing_of(user_id)),
                    (Method::Post, ["billing"]) => self.create_billing(user_id, request),
                    (method, ["billing", billing_id]) => {
                        self.one_billing(method, user_id, billing_id, request)
                    }
                    (Method::Get, ["domainProfile"]) => {
                        let summaries: Vec<Value> =
                            self.domains_of(user_id).iter().map(summary).collect();
                        list(request, summaries)
                    }
                    (Method::Post, ["domainProfile"]) => {
                        self.create_domain_profile(user_id, request)
                    }
                    (method, ["domainProfile", profile_id]) => {
                        self.one_domain_profile(method, user_id, profile_id, request)
                    }
                    _ => failure(405, "Method not allowed."),
                }
            }
            _ => failure(404, "Not found."),
        }
    }

    /// The signed-in user's id, or why the signature is refused.
    fn caller(&self, request: &HttpRequest, now: i64) -> Result<i64, &'static str> {
        let header = request
            .header_value("Authorization")
            .ok_or("Authentication required.")?;
        let (key, signed) = parse_basic_auth(header).ok_or("Malformed authorization.")?;
        let demo = DEMO_KEYS
            .iter()
            .find(|demo| demo.key == key)
            .ok_or("Unknown API key.")?;
        let time = request
            .header_value(TIME_HEADER)
            .or_else(|| request.header_value("Date"))
            .and_then(parse_instant)
            .ok_or("The request time is missing (send it in X-Date or Date).")?;
        if (time - now).abs() > ALLOWED_SKEW_SECONDS {
            return Err("The request time is too far from the server's clock.");
        }
        // The bare path is signed, as the live API checks it (docs/reading-the-api-docs.md).
        if signature(demo.secret, request.method, request.path(), time)
            != signed.to_ascii_lowercase()
        {
            return Err("Bad signature.");
        }
        Ok(demo.user_id)
    }

    /// The id `segment` names, if the caller may see that user: itself
    /// (`self` included) or one of its sub-users.
    fn visible(&self, caller: i64, segment: &str) -> Option<i64> {
        let id = if segment == "self" {
            caller
        } else {
            segment.parse().ok()?
        };
        let record = self.user(id)?;
        let parent = record.get("parentId").and_then(Value::as_i64);
        (id == caller || parent == Some(caller)).then_some(id)
    }

    /// A user's stored or generated record.
    fn user(&self, id: i64) -> Option<Value> {
        self.users
            .iter()
            .find(|user| user.get("id").and_then(Value::as_i64) == Some(id))
            .cloned()
            .or_else(|| seed::generated_user(id, self.generated))
    }

    /// Stores a generated user (and its default billing profile) so it can change.
    fn materialize(&mut self, id: i64) {
        let stored = self
            .users
            .iter()
            .any(|user| user.get("id").and_then(Value::as_i64) == Some(id));
        if stored {
            return;
        }
        if let Some(user) = seed::generated_user(id, self.generated) {
            self.users.push(user);
            self.billing
                .entry(id)
                .or_insert_with(|| seed::generated_billing(id).into_iter().collect());
        }
    }

    /// A user's detail: exactly the documented keys (no `userLanguage`,
    /// which an update takes but no answer shows), with its billing profiles.
    fn detail(&self, record: Value) -> Value {
        let id = record.get("id").and_then(Value::as_i64).unwrap_or_default();
        let mut map = only(&record, DETAIL_KEYS);
        map.insert("billing".into(), Value::from(self.billing_of(id)));
        Value::Object(map)
    }

    fn billing_of(&self, user_id: i64) -> Vec<Value> {
        match self.billing.get(&user_id) {
            Some(profiles) => profiles.clone(),
            None => seed::generated_billing(user_id).into_iter().collect(),
        }
    }

    fn domains_of(&self, user_id: i64) -> Vec<Value> {
        self.domain_profiles
            .get(&user_id)
            .cloned()
            .unwrap_or_default()
    }

    fn login_taken(&self, login: &str) -> bool {
        self.users
            .iter()
            .any(|user| text_at(user, "login").eq_ignore_ascii_case(login))
            || seed::generated_login(login, self.generated)
    }

    fn list_users(&self, request: &HttpRequest, caller: i64) -> HttpResponse {
        let mut items: Vec<Value> = Vec::new();
        let stored_ids: Vec<i64> = self
            .users
            .iter()
            .filter_map(|user| user.get("id").and_then(Value::as_i64))
            .collect();
        for user in &self.users {
            let id = user.get("id").and_then(Value::as_i64);
            let parent = user.get("parentId").and_then(Value::as_i64);
            if id == Some(caller) || parent == Some(caller) {
                items.push(list_item(user));
            }
        }
        if caller == RESELLER_ID {
            for number in 1..=self.generated {
                let id = seed::generated_id(number);
                if !stored_ids.contains(&id) {
                    if let Some(user) = seed::generated_user(id, self.generated) {
                        items.push(list_item(&user));
                    }
                }
            }
        }
        list(request, items)
    }

    fn create_user(
        &mut self,
        request: &HttpRequest,
        caller: Option<i64>,
        now: i64,
    ) -> HttpResponse {
        let body = body_of(request);
        let sub_user = body.get("isSubUser") == Some(&Value::Bool(true));
        let description: &Description = if sub_user { &USERS } else { &SIGN_UP };
        let mut echo = body.as_object().cloned().unwrap_or_default();
        echo.remove("isSubUser");
        echo.insert("id".into(), Value::Null);
        echo.insert("billingId".into(), Value::Null);
        let checked = validate(description, &Value::Object(echo.clone()), Mode::Create);
        let mut payload = match checked {
            Ok(payload) => payload,
            Err(errors) => return refused(Value::Object(echo), &errors),
        };
        let login = text_at(&payload, "login");
        if self.login_taken(&login) {
            let mut errors = FieldErrors::new();
            errors.add("login", "Login already exists.");
            return refused(Value::Object(echo), &errors);
        }
        let id = self.take_id();
        let billing_id = self.take_id();
        let market = text_at(&payload, "market");
        let market = if market.is_empty() {
            "sk".to_string()
        } else {
            market
        };
        let parent = if sub_user {
            caller.map_or(Value::Null, Value::from)
        } else {
            Value::Null
        };
        let user = json!({
            "id": id,
            "login": login,
            "parentId": parent,
            "active": true,
            "createTime": now,
            "group": "users",
            "email": text_at(&payload, "email"),
            "phone": text_at(&payload, "phone"),
            "sknicHandle": "",
            "contactPerson": text_at(&payload, "contactPerson"),
            "resellerToken": "",
            "credit": 0,
            "verifyUrl": format!("https://rest.websupport.sk/v1/user/verify/key/{id:064x}"),
            "market": seed::market(&market),
        });
        let mut billing = Map::new();
        billing.insert("id".into(), Value::from(billing_id));
        billing.insert("profile".into(), Value::from("default"));
        billing.insert("isDefault".into(), Value::from(true));
        // The sign-up's billing details become its default billing profile.
        for field in taken(&BILLING, Mode::Create)
            .into_iter()
            .filter(|field| !["profile", "isDefault"].contains(field))
        {
            billing.insert(field.into(), Value::from(text_at(&payload, field)));
        }
        self.users.push(user);
        self.billing.insert(id, vec![Value::Object(billing)]);
        if let Value::Object(map) = &mut payload {
            map.remove("confirmTerms");
            map.insert("id".into(), Value::from(id));
            map.insert("billingId".into(), Value::from(billing_id));
            map.insert("market".into(), Value::from(market));
            map.insert("group".into(), Value::from("users"));
            map.insert("parentId".into(), parent);
            for field in [
                "companyRegId",
                "taxId",
                "vatId",
                "contactPerson",
                "phone",
                "isic",
            ] {
                map.entry(field).or_insert_with(|| Value::from(""));
            }
        }
        success(201, payload)
    }

    fn update_user(&mut self, id: i64, request: &HttpRequest) -> HttpResponse {
        let body = body_of(request);
        let wanted = Value::Object(only(&body, &taken(&USERS, Mode::Update)));
        let Some(current) = self.user(id) else {
            return failure(404, "User not found.");
        };
        // The documented answer echoes these keys only (and a password,
        // which the simulator never sends back).
        const ECHOED: [&str; 5] = ["id", "login", "email", "phone", "contactPerson"];
        let echo = || {
            let mut item = only(&current, &ECHOED);
            for (key, value) in wanted.as_object().into_iter().flatten() {
                if ECHOED.contains(&key.as_str()) {
                    item.insert(key.clone(), value.clone());
                }
            }
            Value::Object(item)
        };
        let checked = match validate(&USERS, &wanted, Mode::Update) {
            Ok(checked) => checked,
            Err(errors) => return refused(echo(), &errors),
        };
        self.materialize(id);
        let Some(stored) = self
            .users
            .iter_mut()
            .find(|user| user.get("id").and_then(Value::as_i64) == Some(id))
        else {
            return failure(404, "User not found.");
        };
        for (key, value) in checked.as_object().into_iter().flatten() {
            // Sent, accepted, never kept.
            if key != "password" {
                stored[key.as_str()] = value.clone();
            }
        }
        // A field sent blank is cleared.
        for (key, value) in wanted.as_object().into_iter().flatten() {
            if value.as_str() == Some("") && key != "password" {
                stored[key.as_str()] = Value::from("");
            }
        }
        success(201, echo())
    }

    fn restore_password(&self, request: &HttpRequest) -> HttpResponse {
        let body = body_of(request);
        match validate(&RESTORE_PASSWORD, &body, Mode::Create) {
            // Known or not, the answer is the same: nobody learns which logins exist.
            Ok(_) => HttpResponse::json(201, json!({"status": "success"}).to_string()),
            Err(_) => HttpResponse::json(
                200,
                json!({"status": "error", "errors": {"login": ["Login field is required"]}})
                    .to_string(),
            ),
        }
    }

    fn create_billing(&mut self, user_id: i64, request: &HttpRequest) -> HttpResponse {
        let body = Value::Object(only(&body_of(request), &taken(&BILLING, Mode::Create)));
        let mut item = blank_billing(Value::Null);
        merge(&mut item, &body);
        let checked = match validate(&BILLING, &body, Mode::Create) {
            Ok(checked) => checked,
            Err(errors) => return refused(item, &errors),
        };
        self.materialize(user_id);
        let id = self.take_id();
        let mut stored = blank_billing(Value::from(id));
        merge(&mut stored, &checked);
        let profiles = self.billing.entry(user_id).or_default();
        if stored.get("isDefault") == Some(&Value::Bool(true)) {
            for other in profiles.iter_mut() {
                other["isDefault"] = Value::Bool(false);
            }
        }
        profiles.push(stored.clone());
        success(201, stored)
    }

    fn one_billing(
        &mut self,
        method: Method,
        user_id: i64,
        billing_id: &str,
        request: &HttpRequest,
    ) -> HttpResponse {
        let current = self
            .billing_of(user_id)
            .into_iter()
            .find(|profile| id_text(profile) == billing_id);
        let Some(current) = current else {
            return failure(
                404,
                match method {
                    Method::Delete => "Billing info not found!",
                    _ => "Billing info not found.",
                },
            );
        };
        match method {
            Method::Get => HttpResponse::json(200, current.to_string()),
            Method::Put => {
                let body = Value::Object(only(&body_of(request), &taken(&BILLING, Mode::Create)));
                let mut item = current.clone();
                merge(&mut item, &body);
                let mut whole = item.clone();
                if let Value::Object(map) = &mut whole {
                    map.remove("id");
                }
                let checked = match validate(&BILLING, &whole, Mode::Update) {
                    Ok(checked) => checked,
                    Err(errors) => return refused(item, &errors),
                };
                self.materialize(user_id);
                let profiles = self.billing.entry(user_id).or_default();
                let default = checked.get("isDefault") == Some(&Value::Bool(true));
                let mut saved = Value::Null;
                for profile in profiles.iter_mut() {
                    if id_text(profile) == billing_id {
                        merge(profile, &checked);
                        // Cleared optional fields.
                        for (key, value) in body.as_object().into_iter().flatten() {
                            if value.as_str() == Some("") {
                                profile[key.as_str()] = Value::from("");
                            }
                        }
                        saved = profile.clone();
                    } else if default {
                        profile["isDefault"] = Value::Bool(false);
                    }
                }
                success(201, saved)
            }
            Method::Delete => {
                if current.get("isDefault") == Some(&Value::Bool(true)) {
                    return failure(500, "Cannot delete default profile!");
                }
                self.materialize(user_id);
                if let Some(profiles) = self.billing.get_mut(&user_id) {
                    profiles.retain(|profile| id_text(profile) != billing_id);
                }
                success(200, current)
            }
            _ => failure(405, "Method not allowed."),
        }
    }

    fn create_domain_profile(&mut self, user_id: i64, request: &HttpRequest) -> HttpResponse {
        let body = Value::Object(only(
            &body_of(request),
            &taken(&DOMAIN_PROFILES, Mode::Create),
        ));
        let mut item = blank_domain_profile(Value::Null);
        merge(&mut item, &body);
        let checked = match validate(&DOMAIN_PROFILES, &body, Mode::Create) {
            Ok(checked) => checked,
            Err(errors) => return refused(summary(&item), &errors),
        };
        let id = self.take_id().to_string();
        let mut stored = blank_domain_profile(Value::from(id));
        merge(&mut stored, &checked);
        self.domain_profiles
            .entry(user_id)
            .or_default()
            .push(stored.clone());
        success(201, summary(&stored))
    }

    fn one_domain_profile(
        &mut self,
        method: Method,
        user_id: i64,
        profile_id: &str,
        request: &HttpRequest,
    ) -> HttpResponse {
        let current = self
            .domains_of(user_id)
            .into_iter()
            .find(|profile| id_text(profile) == profile_id);
        let Some(current) = current else {
            return match method {
                Method::Delete => failure(400, "Profile does not exist"),
                _ => failure(404, "Domain profile not found."),
            };
        };
        match method {
            Method::Get => HttpResponse::json(200, current.to_string()),
            Method::Put => {
                let body = Value::Object(only(
                    &body_of(request),
                    &taken(&DOMAIN_PROFILES, Mode::Create),
                ));
                let mut item = current.clone();
                merge(&mut item, &body);
                if has_domains(&current) {
                    let mut errors = FieldErrors::new();
                    for field in IDENTITY {
                        let sent = body.get(*field);
                        if sent.is_some() && !same_text(sent, current.get(*field)) {
                            errors.add(
                                field,
                                "Cannot be changed while the profile is assigned to a domain.",
                            );
                        }
                    }
                    if !errors.is_empty() {
                        return refused(summary(&current), &errors);
                    }
                }
                let whole = summary_without_id(&item);
                let checked = match validate(&DOMAIN_PROFILES, &whole, Mode::Update) {
                    Ok(checked) => checked,
                    Err(errors) => return refused(summary(&item), &errors),
                };
                let profiles = self.domain_profiles.entry(user_id).or_default();
                let mut saved = Value::Null;
                for profile in profiles.iter_mut().filter(|p| id_text(p) == profile_id) {
                    merge(profile, &checked);
                    for (key, value) in body.as_object().into_iter().flatten() {
                        if value.as_str() == Some("") {
                            profile[key.as_str()] = Value::Null;
                        }
                    }
                    saved = summary(profile);
                }
                success(200, saved)
            }
            Method::Delete => {
                if has_domains(&current) {
                    return failure(400, "Cannot delete profile with assigned domains!");
                }
                if let Some(profiles) = self.domain_profiles.get_mut(&user_id) {
                    profiles.retain(|profile| id_text(profile) != profile_id);
                }
                HttpResponse::empty(200)
            }
            _ => failure(405, "Method not allowed."),
        }
    }

    fn take_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }
}

fn same_text(a: Option<&Value>, b: Option<&Value>) -> bool {
    let text = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    text(a) == text(b)
}

/// Sets each field of `changes` on `record`.
fn merge(record: &mut Value, changes: &Value) {
    if let (Value::Object(target), Some(source)) = (record, changes.as_object()) {
        for (key, value) in source {
            target.insert(key.clone(), value.clone());
        }
    }
}

fn blank_billing(id: Value) -> Value {
    json!({
        "id": id, "profile": "", "isDefault": false, "name": "", "city": "", "street": "",
        "zip": "", "country": "", "companyRegId": "", "taxId": "", "vatId": "", "isic": ""
    })
}

fn blank_domain_profile(id: Value) -> Value {
    json!({
        "id": id, "firstName": null, "lastName": null, "orgName": null, "street": null,
        "city": null, "zip": null, "country": null, "email": null, "phone": null,
        "identBirthday": null, "identVat": null, "identPassport": null,
        "identCompanyRegistration": null, "identIdentityCard": null,
        "domains": [], "pendingDomains": [], "changeRequest": []
    })
}

/// A domain profile as lists and writes show it: without its domains.
fn summary(profile: &Value) -> Value {
    let mut map = profile.as_object().cloned().unwrap_or_default();
    for key in ["domains", "pendingDomains", "changeRequest"] {
        map.remove(key);
    }
    Value::Object(map)
}

/// The fields of a domain profile to check: no id, no nulls.
fn summary_without_id(profile: &Value) -> Value {
    let mut map = summary(profile).as_object().cloned().unwrap_or_default();
    map.remove("id");
    map.retain(|_, value| !value.is_null());
    Value::Object(map)
}

/// The documented keys of a user's detail, besides `billing`.
const DETAIL_KEYS: &[&str] = &[
    "id",
    "login",
    "parentId",
    "active",
    "createTime",
    "group",
    "email",
    "phone",
    "sknicHandle",
    "contactPerson",
    "resellerToken",
    "credit",
    "verifyUrl",
    "market",
];

/// A user as the list shows it: exactly the documented fields (no
/// `email`, which only a user's detail carries).
fn list_item(user: &Value) -> Value {
    Value::Object(only(
        user,
        &["id", "login", "parentId", "active", "createTime", "group"],
    ))
}

/// `{"items", "pager"}`, whole or one page of `pagesize`.
fn list(request: &HttpRequest, items: Vec<Value>) -> HttpResponse {
    let total = items.len();
    let number = |key: &str| {
        request
            .query(key)
            .and_then(|value| value.trim().parse::<usize>().ok())
    };
    let (shown, page, pagesize) = match number("pagesize").filter(|size| *size > 0) {
        Some(size) => {
            let page = number("page").unwrap_or(1).max(1);
            let start = (page - 1).saturating_mul(size).min(total);
            let end = start.saturating_add(size).min(total);
            (items[start..end].to_vec(), page, Value::from(size))
        }
        None => (items, 1, Value::Null),
    };
    HttpResponse::json(
        200,
        json!({"items": shown, "pager": {"page": page, "pagesize": pagesize, "items": total}})
            .to_string(),
    )
}
