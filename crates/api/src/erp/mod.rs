//! ERP user removal (`004_6fec4ad3a606dbae.txt`).
//!
//! `POST user/remove?Token={guid}` needs a token from `POST login` that lives
//! only [`TOKEN_LIFETIME_SECONDS`], so every removal fetches a fresh one. The
//! documentation references `POST login` without defining it; this module is
//! the one place that defines it:
//!
//! ```text
//! POST {base}/login   {"LoginName": "...", "Password": "..."}
//! 200                 {"Token": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"}
//! 401                 a refusal, in the same `{"Result": {...}}` shape as the removal's errors
//! ```
//!
//! A removal that meets an expired token (1001) takes a fresh one and is
//! sent once more; one that meets the rate limit (1008) waits 2, 4 and 8
//! seconds between tries ([`retry`]).

use serde::Deserialize;
use serde_json::json;

use crate::http::{percent_encode, HttpRequest, HttpResponse, Method};
use crate::validation::{FieldErrors, REQUIRED};

/// Seconds a token stays valid.
pub const TOKEN_LIFETIME_SECONDS: u64 = 20;
/// `LoginName` is at most this many characters.
pub const LOGIN_NAME_MAX: usize = 100;

/// Where to call the ERP API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErpConfig {
    pub base_url: String,
}

impl ErpConfig {
    fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base_url.trim_end_matches('/'), path)
    }
}

/// The (project-defined) login exchange that yields a per-action token.
pub fn login_request(config: &ErpConfig, login_name: &str, password: &str) -> HttpRequest {
    HttpRequest::new(Method::Post, config.url("login"))
        .json_body(json!({ "LoginName": login_name, "Password": password }).to_string())
        .header("Accept", "application/json")
}

/// Why the ERP refused a call: the HTTP status, the documented error
/// number when the body has one, and the server's own `Message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErpFailure {
    pub status: u16,
    pub number: Option<i64>,
    pub message: String,
}

impl ErpFailure {
    /// Reads an error answer: `{"Result": {"Message", "Code"}}` when present.
    pub fn from_response(response: &HttpResponse) -> ErpFailure {
        let (number, message) = match result_code(&response.body) {
            Some((number, message)) => (Some(number), message),
            None => (None, String::new()),
        };
        ErpFailure {
            status: response.status,
            number,
            message,
        }
    }

    /// What the user reads: the documented explanation for the number,
    /// else the server's `Message`, else the status.
    pub fn explanation(&self) -> String {
        if self.status == 415 {
            return "The ERP accepts only JSON or XML bodies (HTTP 415).".into();
        }
        match (self.number.and_then(error_explanation), self.number) {
            (Some(explanation), Some(number)) => format!("{explanation} (error {number})"),
            _ if !self.message.is_empty() => match self.number {
                Some(number) => format!("{} (error {number})", self.message),
                None => self.message.clone(),
            },
            _ => format!("The ERP answered HTTP {}.", self.status),
        }
    }
}

/// What a refused `POST login` means to the person signing in.
pub const LOGIN_REFUSED: &str = "The ERP refused this login name and password.";

impl ErpFailure {
    /// What the user reads when `POST login` fails: a refusal that carries
    /// a documented number (the IP filter's 1006 and 1007, the rate limit's
    /// 1008) reads as itself, with its number; a 401 or 403 without one
    /// refused the credentials; anything else is [`Self::explanation`].
    ///
    /// ## Usage
    /// ```
    /// use userdesk_api::erp::{ErpFailure, LOGIN_REFUSED};
    /// let filtered = ErpFailure { status: 401, number: Some(1006), message: String::new() };
    /// assert!(filtered.at_login().ends_with("(error 1006)"));
    /// let wrong = ErpFailure { status: 401, number: None, message: "Login failed".into() };
    /// assert_eq!(wrong.at_login(), LOGIN_REFUSED);
    /// ```
    pub fn at_login(&self) -> String {
        let documented = self.number.and_then(error_explanation).is_some();
        match self.status {
            401 | 403 if !documented => LOGIN_REFUSED.into(),
            _ => self.explanation(),
        }
    }
}

/// What to do after a failed removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// The token expired on the way (1001): take a fresh one and send again, once.
    FreshToken,
    /// The rate limit (1008): wait this many seconds, then send again.
    After {
        seconds: u32,
    },
    Stop,
}

/// The waits before each retry after a rate-limit answer (1008).
pub const RATE_LIMIT_WAITS: [u32; 3] = [2, 4, 8];

/// The retry after `failure`, given how many times each kind was retried.
///
/// ## Usage
/// ```
/// use userdesk_api::erp::{retry, ErpFailure, Retry};
/// let expired = ErpFailure { status: 401, number: Some(1001), message: String::new() };
/// assert_eq!(retry(&expired, 0, 0), Retry::FreshToken);
/// assert_eq!(retry(&expired, 1, 0), Retry::Stop, "only once");
/// ```
pub fn retry(failure: &ErpFailure, fresh_tokens: u32, waits: u32) -> Retry {
    match failure.number {
        Some(1001) if fresh_tokens == 0 => Retry::FreshToken,
        Some(1008) => RATE_LIMIT_WAITS
            .get(waits as usize)
            .map_or(Retry::Stop, |&seconds| Retry::After { seconds }),
        _ => Retry::Stop,
    }
}

/// The token from a login answer; it must be a GUID.
pub fn decode_login(response: &HttpResponse) -> Result<String, ErpFailure> {
    if response.status != 200 {
        return Err(ErpFailure::from_response(response));
    }
    #[derive(Deserialize)]
    struct Login {
        #[serde(rename = "Token")]
        token: String,
    }
    let unexpected = |message: &str| ErpFailure {
        status: response.status,
        number: None,
        message: message.into(),
    };
    let login: Login = serde_json::from_str(&response.body)
        .map_err(|_| unexpected("The login answer has no Token."))?;
    if is_guid(&login.token) {
        Ok(login.token)
    } else {
        Err(unexpected("The login token is not a GUID."))
    }
}

/// `LoginName` is required and at most 100 characters; `confirm` must
/// repeat it.
pub fn validate_removal(login_name: &str, confirm: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let length = login_name.trim().chars().count();
    if length == 0 {
        errors.add("LoginName", REQUIRED);
    } else if length > LOGIN_NAME_MAX {
        errors.add(
            "LoginName",
            format!("At most {LOGIN_NAME_MAX} characters (now {length})."),
        );
    } else if confirm.trim() != login_name.trim() {
        errors.add("confirm", "Type the login name again, exactly, to confirm.");
    }
    errors.into_result(())
}

/// The removal itself, with a token fetched just before.
pub fn remove_request(config: &ErpConfig, token: &str, login_name: &str) -> HttpRequest {
    HttpRequest::new(
        Method::Post,
        format!(
            "{}?Token={}",
            config.url("user/remove"),
            percent_encode(token)
        ),
    )
    .json_body(json!({ "LoginName": login_name.trim() }).to_string())
    .header("Accept", "application/json")
}

/// Success is 200 with `Result.Code` 0.
pub fn decode_remove(response: &HttpResponse) -> Result<(), ErpFailure> {
    match (response.status, result_code(&response.body)) {
        (200, Some((0, _))) => Ok(()),
        (200, _) => Err(ErpFailure {
            status: 200,
            number: None,
            message: "The removal answer has no result code 0.".into(),
        }),
        _ => Err(ErpFailure::from_response(response)),
    }
}

fn result_code(body: &str) -> Option<(i64, String)> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let result = value.get("Result")?;
    let code = result.get("Code")?.as_i64()?;
    let message = result
        .get("Message")
        .and_then(|m| m.as_str())
        .unwrap_or_default()
        .to_string();
    Some((code, message))
}

/// A user-facing explanation for each documented error number.
pub fn error_explanation(number: i64) -> Option<&'static str> {
    Some(match number {
        0 => "Removed.",
        1002 => "A required value is missing or malformed.",
        1000 => "The authorisation token was not found; sign in again.",
        1001 => "The authorisation token expired (they last 20 seconds); try again.",
        1006 => "This computer's IP address is not allowed by the ERP's IP filter.",
        1007 => "The ERP's IP filter is misconfigured; ask its administrator.",
        1008 => "Too many requests; wait a moment and try again.",
        1407 => "You lack the Delete privilege on the Users agenda for this user.",
        1 => "The database refused: the agenda is missing privileges.",
        2 => "The database refused: the record is missing privileges.",
        3 => "The database refused: duplicate record.",
        4 => "Someone else changed this user meanwhile; reload and try again.",
        5 => "Someone else already deleted this user.",
        6 => "The database refused: data consistency would be violated.",
        7 => "The database could not carry out the operation.",
        8 => "The database refused: licence violation.",
        1400 => "No such user, or it is a system user that cannot be removed.",
        _ => return None,
    })
}

fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length && group.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUID: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    fn config() -> ErpConfig {
        ErpConfig {
            base_url: "/api/erp/".into(),
        }
    }

    fn failure(status: u16, body: &str) -> ErpFailure {
        decode_remove(&HttpResponse::json(status, body.into())).expect_err("a failure")
    }

    #[test]
    fn login_then_remove_uses_the_fresh_token() {
        let login = login_request(&config(), "agent", "pw");
        assert_eq!(
            (login.method, login.url.as_str()),
            (Method::Post, "/api/erp/login")
        );
        assert_eq!(
            login.body.as_deref(),
            Some(r#"{"LoginName":"agent","Password":"pw"}"#)
        );
        let token = decode_login(&HttpResponse::json(200, format!(r#"{{"Token":"{GUID}"}}"#)))
            .expect("token");
        let remove = remove_request(&config(), &token, " John.Doo ");
        assert_eq!(remove.url, format!("/api/erp/user/remove?Token={GUID}"));
        assert_eq!(remove.body.as_deref(), Some(r#"{"LoginName":"John.Doo"}"#));
        assert_eq!(
            remove.header_value("Content-Type"),
            Some("application/json")
        );
    }

    #[test]
    fn login_token_must_be_a_guid() {
        for body in [r#"{"Token":"abc"}"#, r#"{"token":"x"}"#, "nope"] {
            assert!(
                decode_login(&HttpResponse::json(200, body.into())).is_err(),
                "{body}"
            );
        }
        let refused = decode_login(&HttpResponse::json(
            401,
            r#"{"Result":{"Message":"Bad login"}}"#.into(),
        ))
        .expect_err("refused");
        assert_eq!(refused.status, 401);
    }

    #[test]
    fn login_name_is_required_at_most_100_and_typed_twice() {
        assert!(validate_removal("John.Doo", "John.Doo").is_ok());
        assert!(validate_removal(&"x".repeat(100), &"x".repeat(100)).is_ok());
        let long = validate_removal(&"x".repeat(101), "").expect_err("long");
        assert_eq!(long.get("LoginName"), ["At most 100 characters (now 101)."]);
        assert_eq!(
            validate_removal("  ", "")
                .expect_err("blank")
                .get("LoginName"),
            [REQUIRED]
        );
        assert!(!validate_removal("John.Doo", "John.Do")
            .expect_err("typo")
            .get("confirm")
            .is_empty());
    }

    #[test]
    fn login_refusals_keep_their_numbers() {
        let refusal = |status, number| ErpFailure {
            status,
            number,
            message: "Login failed".into(),
        };
        for number in [1006, 1007, 1008] {
            let text = refusal(401, Some(number)).at_login();
            assert!(text.ends_with(&format!("(error {number})")), "{text}");
            assert_ne!(text, LOGIN_REFUSED);
        }
        assert!(refusal(401, Some(1006)).at_login().contains("IP filter"));
        assert_eq!(refusal(401, None).at_login(), LOGIN_REFUSED);
        assert_eq!(refusal(403, None).at_login(), LOGIN_REFUSED);
        assert_eq!(refusal(401, Some(4242)).at_login(), LOGIN_REFUSED);
        assert_eq!(refusal(500, None).at_login(), "Login failed");
    }

    #[test]
    fn documented_success_is_code_zero() {
        let ok = r#"{"Result":{"Message":"Processed with result: ExecOK","Code":0,"ModelStateErr":null},"Request":{"LoginName":"John.Doo"}}"#;
        assert_eq!(decode_remove(&HttpResponse::json(200, ok.into())), Ok(()));
        assert!(decode_remove(&HttpResponse::json(200, "{}".into())).is_err());
    }

    #[test]
    fn every_documented_number_has_its_message() {
        let documented: [(u16, i64, &str); 17] = [
            (400, 1002, "missing or malformed"),
            (401, 1000, "not found; sign in again"),
            (401, 1001, "expired"),
            (401, 1006, "IP filter"),
            (401, 1007, "misconfigured"),
            (401, 1008, "Too many requests"),
            (403, 1407, "Delete privilege"),
            (403, 1, "agenda is missing privileges"),
            (403, 2, "record is missing privileges"),
            (403, 3, "duplicate record"),
            (403, 4, "changed this user meanwhile"),
            (403, 5, "already deleted"),
            (403, 6, "consistency"),
            (403, 7, "could not carry out"),
            (403, 8, "licence"),
            (404, 1400, "No such user"),
            (200, 0, "Removed."),
        ];
        for (status, number, words) in documented {
            let failure = ErpFailure {
                status,
                number: Some(number),
                message: "server text".into(),
            };
            let text = failure.explanation();
            assert!(text.contains(words), "{number}: {text}");
            assert!(
                text.contains(&format!("error {number}")),
                "{number}: {text}"
            );
        }
    }

    #[test]
    fn unknown_numbers_415_and_bodiless_errors_still_explain() {
        let unknown = failure(403, r#"{"Result":{"Message":"Agenda locked","Code":77}}"#);
        assert_eq!(unknown.explanation(), "Agenda locked (error 77)");
        let media = failure(415, "");
        assert!(media.explanation().contains("only JSON or XML"));
        assert_eq!(
            failure(500, "<html>").explanation(),
            "The ERP answered HTTP 500."
        );
        let missing = failure(
            404,
            r#"{"Result":{"Message":"User for [LoginName x, ID_Firma 1] not found","Code":1400}}"#,
        );
        assert_eq!(missing.number, Some(1400));
    }

    #[test]
    fn an_expired_token_is_renewed_once_and_the_rate_limit_backs_off() {
        let expired = failure(401, r#"{"Result":{"Code":1001}}"#);
        assert_eq!(retry(&expired, 0, 0), Retry::FreshToken);
        assert_eq!(retry(&expired, 1, 0), Retry::Stop);
        let limited = failure(401, r#"{"Result":{"Code":1008}}"#);
        let waits: Vec<Retry> = (0..4).map(|n| retry(&limited, 0, n)).collect();
        assert_eq!(
            waits,
            [
                Retry::After { seconds: 2 },
                Retry::After { seconds: 4 },
                Retry::After { seconds: 8 },
                Retry::Stop
            ]
        );
        assert_eq!(
            retry(&failure(404, r#"{"Result":{"Code":1400}}"#), 0, 0),
            Retry::Stop
        );
    }
}
