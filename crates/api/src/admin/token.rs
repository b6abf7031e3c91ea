//! Access tokens: `GET /token` with Basic `username:password`.

use serde::{Deserialize, Serialize};

use super::{decode_plain, AdminConfig};
use crate::base64::basic_auth;
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::validation::{FieldErrors, REQUIRED};

/// A granted token, as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenGrant {
    /// Lifetime in seconds.
    pub expiration: u64,
    pub token: String,
    pub user_id: i64,
    pub username: String,
}

/// The sign-in request. The password only ever lives in this header.
pub fn token_request(config: &AdminConfig, username: &str, password: &str) -> HttpRequest {
    HttpRequest::new(Method::Get, config.endpoint("/token", &[]))
        .header("Authorization", basic_auth(username, password))
        .header("Accept", "application/json")
}

/// Decodes the answer to `GET /token`.
pub fn decode_token(response: &HttpResponse) -> Result<TokenGrant, ApiError> {
    let grant: TokenGrant = decode_plain(response, &[200])?;
    if grant.token.is_empty() {
        return Err(ApiError::UnexpectedResponse(
            "the granted token is empty".into(),
        ));
    }
    Ok(grant)
}

/// Both fields are required; the documented password rule applies when a
/// password is set, not at sign-in (the documented `admin1pass` breaks it).
pub fn validate_credentials(username: &str, password: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if username.trim().is_empty() {
        errors.add("username", REQUIRED);
    }
    if password.is_empty() {
        errors.add("password", REQUIRED);
    }
    errors.into_result(())
}

/// The documented reasons a sign-in fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInFailure {
    BadCredentials,
    AccountLocked,
    PasswordExpired,
    PermissionDenied,
    BadAppKey,
}

impl SignInFailure {
    /// Recognises a documented failure from the status and the error text.
    pub fn classify(error: &ApiError) -> Option<SignInFailure> {
        let (text, forbidden) = match error {
            ApiError::BadAppKey(_) => return Some(SignInFailure::BadAppKey),
            ApiError::Unauthorized(text) => (text.to_ascii_lowercase(), false),
            ApiError::Forbidden(text) => (text.to_ascii_lowercase(), true),
            _ => return None,
        };
        Some(if forbidden {
            if text.contains("expired") {
                SignInFailure::PasswordExpired
            } else {
                SignInFailure::PermissionDenied
            }
        } else if text.contains("locked") {
            SignInFailure::AccountLocked
        } else if super::names_app_key(&text) {
            SignInFailure::BadAppKey
        } else {
            SignInFailure::BadCredentials
        })
    }

    /// What the user should know and do.
    pub fn explanation(self) -> &'static str {
        match self {
            SignInFailure::BadCredentials => "The username or password is wrong. Check them and try again.",
            SignInFailure::AccountLocked => {
                "This account is locked after too many failed attempts. Wait for the lockout period to end, then try again."
            }
            SignInFailure::PasswordExpired => {
                "Your password has expired. Request a password reset, follow its directions, then sign in with the new password."
            }
            SignInFailure::PermissionDenied => {
                "The server accepted the credentials but denied access (403 Permission denied). The likely causes: the password has expired (request a password reset, then sign in with the new password), or this account has no admin role (sign in with an administrator account)."
            }
            SignInFailure::BadAppKey => {
                "The server rejected the application key. Check it under Connections, or ask the system owner for a new one."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::DOCUMENTED_APP_KEY;

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "https://api.admin.domain.com".into(),
            version: "1.0".into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        }
    }

    #[test]
    fn token_request_matches_documented_curl() {
        let request = token_request(&config(), "admin1", "admin1pass");
        assert_eq!(request.method, Method::Get);
        assert_eq!(
            request.url,
            "https://api.admin.domain.com/v/1.0/token?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx"
        );
        assert_eq!(
            request.header_value("Authorization"),
            Some("Basic YWRtaW4xOmFkbWluMXBhc3M=")
        );
    }

    #[test]
    fn decodes_the_documented_grant() {
        let body =
            r#"{"expiration": 14400, "token": "eyJ.x.y", "user_id": 1, "username": "admin1"}"#;
        let grant = decode_token(&HttpResponse::json(200, body.into())).expect("grant");
        assert_eq!(
            (grant.expiration, grant.user_id, grant.username.as_str()),
            (14400, 1, "admin1")
        );
    }

    #[test]
    fn rejects_grants_with_wrong_shape() {
        for body in [
            r#"{"token": "x"}"#,
            r#"{"expiration": "soon", "token": "x", "user_id": 1, "username": "a"}"#,
            "<html>",
        ] {
            assert!(
                matches!(
                    decode_token(&HttpResponse::json(200, body.into())),
                    Err(ApiError::UnexpectedResponse(_))
                ),
                "{body}"
            );
        }
        let empty = r#"{"expiration": 1, "token": "", "user_id": 1, "username": "a"}"#;
        assert!(decode_token(&HttpResponse::json(200, empty.into())).is_err());
    }

    #[test]
    fn classifies_each_documented_failure() {
        let cases = [
            (
                ApiError::Unauthorized("Bad credentials".into()),
                SignInFailure::BadCredentials,
            ),
            (
                ApiError::Unauthorized("Account locked".into()),
                SignInFailure::AccountLocked,
            ),
            (
                ApiError::Unauthorized("Bad application key".into()),
                SignInFailure::BadAppKey,
            ),
            (
                ApiError::Forbidden("Password expired".into()),
                SignInFailure::PasswordExpired,
            ),
            (
                ApiError::Forbidden("Permission denied".into()),
                SignInFailure::PermissionDenied,
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(SignInFailure::classify(&error), Some(expected));
        }
        assert_eq!(
            SignInFailure::classify(&ApiError::Timeout { seconds: 1 }),
            None
        );
    }

    #[test]
    fn credentials_are_required_but_login_does_not_apply_password_rule() {
        assert!(validate_credentials("admin1", "admin1pass").is_ok());
        let errors = validate_credentials(" ", "").expect_err("both missing");
        assert_eq!(errors.get("username"), [REQUIRED]);
        assert_eq!(errors.get("password"), [REQUIRED]);
    }
}
