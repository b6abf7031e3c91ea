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
//! ```

use serde::Deserialize;
use serde_json::json;

use crate::error::ApiError;
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

/// The token from a login answer; it must be a GUID.
pub fn decode_login(response: &HttpResponse) -> Result<String, ApiError> {
    if response.status != 200 {
        return Err(decode_error(response));
    }
    #[derive(Deserialize)]
    struct Login {
        #[serde(rename = "Token")]
        token: String,
    }
    let login: Login = serde_json::from_str(&response.body)
        .map_err(|_| ApiError::UnexpectedResponse("the login answer has no Token".into()))?;
    if is_guid(&login.token) {
        Ok(login.token)
    } else {
        Err(ApiError::UnexpectedResponse(
            "the login token is not a GUID".into(),
        ))
    }
}

/// `LoginName` is required and at most 100 characters.
pub fn validate_login_name(login_name: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let length = login_name.trim().chars().count();
    if length == 0 {
        errors.add("LoginName", REQUIRED);
    } else if length > LOGIN_NAME_MAX {
        errors.add(
            "LoginName",
            format!("At most {LOGIN_NAME_MAX} characters (now {length})."),
        );
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
pub fn decode_remove(response: &HttpResponse) -> Result<(), ApiError> {
    match (response.status, result_code(&response.body)) {
        (200, Some((0, _))) => Ok(()),
        (200, _) => Err(ApiError::UnexpectedResponse(
            "the removal answer has no result code 0".into(),
        )),
        _ => Err(decode_error(response)),
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
        0 => "Done.",
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

/// Maps an error answer to an [`ApiError`] whose message names the error number.
pub fn decode_error(response: &HttpResponse) -> ApiError {
    let (number, server_text) = result_code(&response.body).unwrap_or((-1, String::new()));
    let text = match error_explanation(number) {
        Some(explanation) => format!("{explanation} (error {number})"),
        None if !server_text.is_empty() => server_text,
        None => format!("HTTP {}", response.status),
    };
    match response.status {
        400 => ApiError::BadRequest(text),
        401 => ApiError::Unauthorized(text),
        403 => ApiError::Forbidden(text),
        404 => ApiError::NotFound(text),
        415 => ApiError::BadRequest("The ERP accepts only JSON or XML bodies.".into()),
        status => ApiError::Server {
            status,
            message: text,
        },
    }
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

    #[test]
    fn login_then_remove_uses_the_fresh_token() {
        let login = login_request(&config(), "agent", "pw");
        assert_eq!(
            (login.method, login.url.as_str()),
            (Method::Post, "/api/erp/login")
        );
        let token = decode_login(&HttpResponse::json(200, format!(r#"{{"Token":"{GUID}"}}"#)))
            .expect("token");
        let remove = remove_request(&config(), &token, " John.Doo ");
        assert_eq!(remove.url, format!("/api/erp/user/remove?Token={GUID}"));
        assert_eq!(remove.body.as_deref(), Some(r#"{"LoginName":"John.Doo"}"#));
    }

    #[test]
    fn login_token_must_be_a_guid() {
        for body in [r#"{"Token":"abc"}"#, r#"{"token":"x"}"#, "nope"] {
            assert!(
                decode_login(&HttpResponse::json(200, body.into())).is_err(),
                "{body}"
            );
        }
    }

    #[test]
    fn login_name_is_required_and_at_most_100() {
        assert!(validate_login_name("John.Doo").is_ok());
        assert!(validate_login_name(&"x".repeat(100)).is_ok());
        assert!(validate_login_name(&"x".repeat(101)).is_err());
        assert!(validate_login_name("  ").is_err());
    }

    #[test]
    fn documented_success_is_code_zero() {
        let ok = r#"{"Result":{"Message":"Processed with result: ExecOK","Code":0,"ModelStateErr":null},"Request":{"LoginName":"John.Doo"}}"#;
        assert_eq!(decode_remove(&HttpResponse::json(200, ok.into())), Ok(()));
        assert!(decode_remove(&HttpResponse::json(200, "{}".into())).is_err());
    }

    #[test]
    fn errors_name_their_number() {
        let expired = r#"{"Result":{"Message":"Token x already expired","Code":1001}}"#;
        let ApiError::Unauthorized(text) =
            decode_remove(&HttpResponse::json(401, expired.into())).expect_err("401")
        else {
            panic!("expected 401")
        };
        assert!(
            text.contains("20 seconds") && text.contains("1001"),
            "{text}"
        );
        let missing = r#"{"Result":{"Message":"not found","Code":1400}}"#;
        assert!(
            matches!(decode_remove(&HttpResponse::json(404, missing.into())), Err(ApiError::NotFound(t)) if t.contains("1400"))
        );
        assert!(
            matches!(decode_remove(&HttpResponse::json(403, r#"{"Result":{"Code":5}}"#.into())), Err(ApiError::Forbidden(t)) if t.contains("already deleted"))
        );
        assert!(matches!(
            decode_remove(&HttpResponse::empty(415)),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            decode_remove(&HttpResponse::json(500, "<html>".into())),
            Err(ApiError::Server { status: 500, .. })
        ));
    }
}
