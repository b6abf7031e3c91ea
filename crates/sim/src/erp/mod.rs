//! The simulated ERP user removal (`004_6fec4ad3a606dbae.txt`).
//!
//! - `POST /login` `{"LoginName", "Password"}` → `{"Token": GUID}` for one
//!   of [`AGENTS`] (the exchange userdesk defines; the documentation only
//!   names it). Tokens live [`TOKEN_LIFETIME_SECONDS`].
//! - `POST /user/remove?Token=…` `{"LoginName"}` answers as documented:
//!   0 on success; 1002 for a missing token or login name; 1000 for an
//!   unknown token, 1001 for an expired one; 1008 past [`RATE_LIMIT`]
//!   removals in [`RATE_WINDOW_SECONDS`]; 1407 for an agent without the
//!   Delete privilege; 1400 for an unknown or system user; 5 for a user
//!   already removed; 415 for a body that is neither JSON nor XML.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use userdesk_api::erp::{LOGIN_NAME_MAX, TOKEN_LIFETIME_SECONDS};
use userdesk_api::{HttpRequest, HttpResponse, Method};

use crate::Rng;

/// `(login name, password, may delete users)` of the simulated agents.
pub const AGENTS: [(&str, &str, bool); 2] = [
    ("agent", "agentPass!", true),
    ("viewer", "viewerPass!", false),
];

/// Removals allowed per agent within [`RATE_WINDOW_SECONDS`].
pub const RATE_LIMIT: usize = 5;
pub const RATE_WINDOW_SECONDS: i64 = 10;

/// Users no one may remove.
const SYSTEM_USERS: [&str; 2] = ["SYSTEM", "Administrator"];

/// The seeded ERP users; `John.Doo` is the documentation's.
const USERS: [&str; 10] = [
    "John.Doo",
    "Jane.Roe",
    "Peter.Novak",
    "Anna.Kovacova",
    "Eva.Horvath",
    "Lukas.Gruber",
    "Marta.Szabo",
    "Tomas.Bartos",
    "Olivia.Brown",
    "Noah.Wilson",
];

/// A token the simulated ERP granted.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ErpToken {
    pub token: String,
    pub agent: String,
    pub issued_at: i64,
}

/// Everything the simulated ERP stores.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ErpServer {
    /// Login names of the users that exist.
    pub users: Vec<String>,
    /// Users removed so far: a second removal answers error 5.
    pub removed: Vec<String>,
    /// Live tokens; never persisted.
    #[serde(skip)]
    pub tokens: Vec<ErpToken>,
    /// When each agent's recent removal calls came, for the rate limit.
    #[serde(skip)]
    calls: Vec<(String, i64)>,
}

impl Default for ErpServer {
    fn default() -> Self {
        ErpServer::seeded()
    }
}

/// The documented answer shape: `{"Result": {"Message", "Code"}}`.
fn result(status: u16, code: i64, message: &str, request: Option<&Value>) -> HttpResponse {
    let mut body = json!({"Result": {"Message": message, "Code": code, "ModelStateErr": null}});
    if let Some(request) = request {
        body["Request"] = request.clone();
    }
    HttpResponse::json(status, body.to_string())
}

fn guid(rng: &mut Rng) -> String {
    let hex = rng.hex(32);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

impl ErpServer {
    pub fn seeded() -> Self {
        ErpServer {
            users: USERS.iter().map(|name| name.to_string()).collect(),
            removed: Vec::new(),
            tokens: Vec::new(),
            calls: Vec::new(),
        }
    }

    pub fn handle(&mut self, request: &HttpRequest, now: i64, rng: &mut Rng) -> HttpResponse {
        let path = request.path().trim_end_matches('/').to_string();
        match (request.method, path.as_str()) {
            (Method::Post, "/login") => self.login(request, now, rng),
            (Method::Post, "/user/remove") => self.remove(request, now),
            (_, "/login" | "/user/remove") => result(405, 1002, "Only POST is supported.", None),
            _ => result(404, 1002, "No such action.", None),
        }
    }

    fn login(&mut self, request: &HttpRequest, now: i64, rng: &mut Rng) -> HttpResponse {
        let body: Value = request
            .body
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or(Value::Null);
        let field = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or_default();
        let (login_name, password) = (field("LoginName"), field("Password"));
        let known = AGENTS
            .iter()
            .any(|(name, secret, _)| *name == login_name && *secret == password);
        if !known {
            return HttpResponse::json(
                401,
                json!({"Result": {"Message": "Login failed: unknown login name or wrong password.", "Code": null}}).to_string(),
            );
        }
        let token = guid(rng);
        self.tokens
            .retain(|t| now - t.issued_at <= TOKEN_LIFETIME_SECONDS as i64);
        self.tokens.push(ErpToken {
            token: token.clone(),
            agent: login_name.to_string(),
            issued_at: now,
        });
        HttpResponse::json(200, json!({ "Token": token }).to_string())
    }

    fn remove(&mut self, request: &HttpRequest, now: i64) -> HttpResponse {
        let content_type = request
            .header_value("Content-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !content_type.contains("json") && !content_type.contains("xml") {
            return HttpResponse::json(
                415,
                json!({"Message": "The request entity has a media type which the server or resource does not support."}).to_string(),
            );
        }
        let Some(token) = request.query("Token").filter(|t| !t.is_empty()) else {
            return result(
                400,
                1002,
                "Entry parameter missing or parameter bindigs failed",
                None,
            );
        };
        let Some(granted) = self.tokens.iter().find(|t| t.token == token).cloned() else {
            return result(401, 1000, &format!("Token {token} not found"), None);
        };
        if now - granted.issued_at > TOKEN_LIFETIME_SECONDS as i64 {
            return result(401, 1001, &format!("Token {token} already expired"), None);
        }
        self.calls.retain(|(_, at)| now - at < RATE_WINDOW_SECONDS);
        let recent = self
            .calls
            .iter()
            .filter(|(agent, _)| *agent == granted.agent)
            .count();
        if recent >= RATE_LIMIT {
            return result(
                401,
                1008,
                &format!("Request rate policy violated for [{}]", granted.agent),
                None,
            );
        }
        self.calls.push((granted.agent.clone(), now));
        let body: Option<Value> = request
            .body
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok());
        let login_name = body
            .as_ref()
            .and_then(|b| b.get("LoginName"))
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_string();
        if login_name.is_empty() || login_name.chars().count() > LOGIN_NAME_MAX {
            return result(
                400,
                1002,
                "Entry parameter missing or parameter bindigs failed",
                None,
            );
        }
        let echo = json!({ "LoginName": login_name });
        let may_delete = AGENTS
            .iter()
            .any(|(name, _, delete)| *name == granted.agent && *delete);
        if !may_delete {
            return result(
                403,
                1407,
                &format!("Privilege Delete of agenda Users violated for [LoginName {login_name}]"),
                Some(&echo),
            );
        }
        if self.removed.contains(&login_name) {
            return result(
                403,
                5,
                "Db operation failed, already deleted by another user",
                Some(&echo),
            );
        }
        if SYSTEM_USERS.contains(&login_name.as_str()) || !self.users.contains(&login_name) {
            return result(404, 1400, &format!("User for [LoginName {login_name}, ID_Firma 1] not found or it could be a system user"), Some(&echo));
        }
        self.users.retain(|user| *user != login_name);
        self.removed.push(login_name);
        result(200, 0, "Processed with result: ExecOK", Some(&echo))
    }
}

#[cfg(test)]
mod tests;
