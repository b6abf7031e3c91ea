//! The simulated Admin API v1.0 server.
//!
//! Paths are accepted with or without the `/v/{version}` prefix (the
//! reference server leaves it to its proxy). Every request needs `app_key`;
//! everything but `GET /token` needs a live token as Basic `token:`.

mod accounts;
mod administrators;
mod checks;
mod list;
mod seed;
mod store;
mod token;
mod users;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use userdesk_api::admin::REGISTRY;
use userdesk_api::base64::parse_basic_auth;
use userdesk_api::resource::Description;
use userdesk_api::{HttpRequest, HttpResponse, Method};

use crate::json::error;
use crate::Rng;
pub use accounts::Account;
pub use store::{Collection, Collections};
pub use users::{Acceptance, StoredUser};

/// Seconds a token lives, as in the documented example.
pub const TOKEN_LIFETIME: u64 = 14_400;

/// Everything the simulated Admin API stores.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AdminServer {
    pub accounts: Vec<Account>,
    /// Live tokens. Never part of the persisted state: Demo keeps them in
    /// the tab's session storage, apart (see [`AdminServer::tokens_json`]).
    #[serde(skip)]
    pub tokens: Vec<IssuedToken>,
    pub users: Vec<StoredUser>,
    /// The described resources (app keys, terms, places, audit trails), by slug.
    pub collections: Collections,
    /// Lifetime given to new tokens; tests shorten it to exercise expiry.
    pub token_lifetime: u64,
    next_account_id: i64,
    next_user_id: i64,
}

/// A token the server granted.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IssuedToken {
    pub token: String,
    pub account_id: i64,
    pub expires_at: i64,
}

/// The parsed pieces of a request that handlers route on.
pub(crate) struct Call<'a> {
    pub method: Method,
    pub segments: Vec<&'a str>,
    pub request: &'a HttpRequest,
    /// The path before the API path, used to build `next_uri`/`previous_uri`.
    pub prefix: String,
}

impl AdminServer {
    pub fn seeded(now: i64) -> Self {
        seed::seeded(now)
    }

    /// The live tokens as JSON, for the tab's session storage.
    pub fn tokens_json(&self) -> String {
        serde_json::to_string(&self.tokens).unwrap_or_default()
    }

    /// Takes back tokens saved by [`AdminServer::tokens_json`]; garbage is ignored.
    pub fn restore_tokens(&mut self, text: &str) {
        if let Ok(tokens) = serde_json::from_str(text) {
            self.tokens = tokens;
        }
    }

    /// Forgets one token (signing out).
    pub fn revoke(&mut self, token: &str) {
        self.tokens.retain(|issued| issued.token != token);
    }

    pub fn handle(&mut self, request: &HttpRequest, now: i64, rng: &mut Rng) -> HttpResponse {
        let call = match parse_call(request) {
            Some(call) => call,
            None => return error(404, "Not found"),
        };
        match request.query("app_key") {
            None => return error(401, "Missing application key"),
            Some(key) if !self.app_key_enabled(&key) => return error(401, "Bad application key"),
            Some(_) => {}
        }
        if call.segments.first() == Some(&"token") && call.segments.len() == 1 {
            return match call.method {
                Method::Get => {
                    let response = self.grant_token(request, now, rng);
                    self.record_login(request, response.status == 200, now);
                    response
                }
                _ => error(405, "Method not allowed"),
            };
        }
        let account_id = match self.authenticate(request, now) {
            Ok(account) => account.id,
            Err(response) => return response,
        };
        match call.segments.first().copied() {
            Some("administrators") | Some("administrator") => {
                self.handle_administrators(&call, now)
            }
            Some("user_account") => self.handle_user_account(&call, account_id, now),
            Some("users") | Some("user") => self.handle_users(&call, now),
            Some(segment) => match described(segment) {
                Some(resource) => self.serve_described(&call, resource, now),
                None => error(404, "Not found"),
            },
            None => error(404, "Not found"),
        }
    }

    /// The account behind a live token, or the 401 to send.
    fn authenticate(&self, request: &HttpRequest, now: i64) -> Result<&Account, HttpResponse> {
        let header = request.header_value("Authorization").unwrap_or_default();
        let Some((token, _)) = parse_basic_auth(header) else {
            return Err(error(401, "Missing access token"));
        };
        self.tokens
            .iter()
            .find(|issued| issued.token == token && issued.expires_at > now)
            .and_then(|issued| self.accounts.iter().find(|a| a.id == issued.account_id))
            .ok_or_else(|| error(401, "Invalid or expired token"))
    }
}

/// The described resource a path's first segment names.
fn described(segment: &str) -> Option<&'static Description> {
    REGISTRY
        .iter()
        .find(|resource| resource.path.collection == segment || resource.path.item == segment)
}

fn parse_call(request: &HttpRequest) -> Option<Call<'_>> {
    let path = request.path();
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut prefix = String::new();
    if let Some(position) = segments.windows(2).position(|pair| pair[0] == "v") {
        for segment in segments.drain(..position + 2) {
            prefix.push('/');
            prefix.push_str(segment);
        }
    }
    if segments.is_empty() {
        return None;
    }
    Some(Call {
        method: request.method,
        segments,
        request,
        prefix,
    })
}

/// Parses a JSON request body; the reference server answers 500 otherwise.
pub(crate) fn json_body(request: &HttpRequest) -> Result<Value, HttpResponse> {
    request
        .body
        .as_deref()
        .and_then(|body| serde_json::from_str(body).ok())
        .ok_or_else(|| error(500, "Request body is not valid JSON"))
}

#[cfg(test)]
mod tests;
