//! The signed-in user's own account: `GET/PUT /user_account` and
//! `PUT /user_account/password`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::rules::{
    check_email, check_first_name, check_last_name, check_password, check_username,
};
use super::{decode_plain, decode_wrapped, AdminConfig};
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::validation::{FieldErrors, REQUIRED};

pub const PASSWORDS_DIFFER: &str = "The two new passwords differ.";
pub const WRONG_PREVIOUS_PASSWORD: &str = "This is not your current password.";

/// The account as the API returns it. Read through [`FlatAccount`]:
/// `#[serde(flatten)]` on the way in would pull serde's buffering
/// deserializer into the console's bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FlatAccount")]
pub struct UserAccount {
    pub id: i64,
    #[serde(flatten)]
    pub fields: AccountFields,
    pub joined_at: String,
    pub password_changed_at: String,
    pub uri: String,
}

/// [`UserAccount`] as the wire has it, every field at the top.
#[derive(Deserialize)]
struct FlatAccount {
    id: i64,
    email: String,
    first_name: String,
    last_name: String,
    username: String,
    // A server may leave out (or send `null` for) what it has no value for;
    // the editable fields are required, these are not.
    #[serde(default)]
    joined_at: Option<String>,
    #[serde(default)]
    password_changed_at: Option<String>,
    #[serde(default)]
    uri: Option<String>,
}

impl From<FlatAccount> for UserAccount {
    fn from(flat: FlatAccount) -> UserAccount {
        UserAccount {
            id: flat.id,
            fields: AccountFields {
                email: flat.email,
                first_name: flat.first_name,
                last_name: flat.last_name,
                username: flat.username,
            },
            joined_at: flat.joined_at.unwrap_or_default(),
            password_changed_at: flat.password_changed_at.unwrap_or_default(),
            uri: flat.uri.unwrap_or_default(),
        }
    }
}

/// The editable fields: the update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFields {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
}

/// Every editable field, in form order.
pub const FIELDS: [&str; 4] = ["username", "email", "first_name", "last_name"];

impl AccountFields {
    /// Applies every documented rule; uniqueness is the server's to check.
    pub fn validate(&self) -> Result<AccountFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let trimmed = AccountFields {
            email: self.email.trim().to_string(),
            first_name: self.first_name.trim().to_string(),
            last_name: self.last_name.trim().to_string(),
            username: self.username.trim().to_string(),
        };
        check_username(&mut errors, "username", &trimmed.username);
        check_email(&mut errors, "email", &trimmed.email);
        check_first_name(&mut errors, "first_name", &trimmed.first_name);
        check_last_name(&mut errors, "last_name", &trimmed.last_name);
        errors.into_result(trimmed)
    }

    /// Server-side check of a JSON payload (the simulator uses it).
    pub fn from_payload(payload: &Value) -> Result<AccountFields, FieldErrors> {
        let text = |field: &str| {
            payload
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        AccountFields {
            email: text("email"),
            first_name: text("first_name"),
            last_name: text("last_name"),
            username: text("username"),
        }
        .validate()
    }
}

/// The password change form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub previous_password: String,
    pub password1: String,
    pub password2: String,
}

impl PasswordChange {
    /// Previous password required; the new one follows the password rule and
    /// is typed twice the same. Whether the previous one is right is the server's to say.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.previous_password.is_empty() {
            errors.add("previous_password", REQUIRED);
        }
        check_password(&mut errors, "password1", &self.password1);
        if self.password2.is_empty() {
            errors.add("password2", REQUIRED);
        } else if self.password2 != self.password1 {
            errors.add("password2", PASSWORDS_DIFFER);
        }
        errors.into_result(())
    }
}

pub fn get_request(config: &AdminConfig, token: &str) -> HttpRequest {
    config.request(Method::Get, "/user_account", &[], token)
}

pub fn update_request(config: &AdminConfig, token: &str, fields: &AccountFields) -> HttpRequest {
    let body = serde_json::to_string(fields).unwrap_or_default();
    config
        .request(Method::Put, "/user_account", &[], token)
        .json_body(body)
}

pub fn password_request(config: &AdminConfig, token: &str, change: &PasswordChange) -> HttpRequest {
    let body = serde_json::to_string(change).unwrap_or_default();
    config
        .request(Method::Put, "/user_account/password", &[], token)
        .json_body(body)
}

/// Decodes `{"user_account": {…}}`.
pub fn decode_account(response: &HttpResponse) -> Result<UserAccount, ApiError> {
    decode_wrapped(response, &[200], "user_account")
}

/// Decodes `{"success": "true"}` (the documented string, or a boolean).
pub fn decode_password_changed(response: &HttpResponse) -> Result<(), ApiError> {
    let body: Value = decode_plain(response, &[200])?;
    match body.get("success") {
        Some(Value::String(flag)) if flag == "true" => Ok(()),
        Some(Value::Bool(true)) => Ok(()),
        _ => Err(ApiError::UnexpectedResponse(
            "the password change was not confirmed".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::DOCUMENTED_APP_KEY;

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        }
    }

    fn fields() -> AccountFields {
        AccountFields {
            email: "admin1a@test.com".into(),
            first_name: "Thomas".into(),
            last_name: "Luhnd".into(),
            username: "admin1a".into(),
        }
    }

    #[test]
    fn the_documented_update_is_valid_and_sent_as_documented() {
        let valid = fields().validate().expect("valid");
        let request = update_request(&config(), "t", &valid);
        assert_eq!(
            (request.method, request.path()),
            (Method::Put, "/a/v/1.0/user_account")
        );
        let body: Value =
            serde_json::from_str(request.body.as_deref().unwrap_or_default()).expect("json");
        assert_eq!(
            body,
            serde_json::json!({"email": "admin1a@test.com", "first_name": "Thomas", "last_name": "Luhnd", "username": "admin1a"})
        );
    }

    #[test]
    fn each_field_rule_lands_on_its_field() {
        let bad = AccountFields {
            email: "nope".into(),
            first_name: " ".into(),
            last_name: "L".into(),
            username: "123".into(),
        };
        let errors = bad.validate().expect_err("invalid");
        for field in FIELDS {
            assert_eq!(errors.get(field).len(), 1, "{field}");
        }
    }

    #[test]
    fn decodes_the_documented_account() {
        let body = r#"{"user_account": {"email": "admin1@test.com", "first_name": "Tommy", "id": 1,
            "joined_at": "2018-11-01T00:00:00+0000", "last_name": "Lund", "password_changed_at": "2019-10-28T07:55:14+0000",
            "uri": "https://api.admin.domain.com/v/1.0/administrator/1", "username": "admin1"}}"#;
        let account = decode_account(&HttpResponse::json(200, body.into())).expect("account");
        assert_eq!(
            (account.id, account.fields.username.as_str()),
            (1, "admin1")
        );
        // Without the dates and with a null uri, it is still the account.
        let sparse = r#"{"user_account": {"email": "admin1@test.com", "first_name": "Tommy", "id": 1,
            "last_name": "Lund", "uri": null, "username": "admin1"}}"#;
        let account = decode_account(&HttpResponse::json(200, sparse.into())).expect("sparse");
        assert_eq!(
            (
                account.joined_at.as_str(),
                account.password_changed_at.as_str()
            ),
            ("", "")
        );
    }

    #[test]
    fn password_change_rules() {
        let change = |previous: &str, one: &str, two: &str| PasswordChange {
            previous_password: previous.into(),
            password1: one.into(),
            password2: two.into(),
        };
        assert!(change("admin1pass", "admin1Pass2", "admin1Pass2")
            .validate()
            .is_ok());
        let errors = change("", "short", "other")
            .validate()
            .expect_err("invalid");
        assert_eq!(errors.get("previous_password"), [REQUIRED]);
        assert!(!errors.get("password1").is_empty());
        assert_eq!(errors.get("password2"), [PASSWORDS_DIFFER]);
        let errors = change("x", "admin1Pass2", "")
            .validate()
            .expect_err("missing confirmation");
        assert_eq!(errors.get("password2"), [REQUIRED]);
    }

    #[test]
    fn password_success_is_the_documented_string() {
        assert_eq!(
            decode_password_changed(&HttpResponse::json(200, r#"{"success": "true"}"#.into())),
            Ok(())
        );
        assert_eq!(
            decode_password_changed(&HttpResponse::json(200, r#"{"success": true}"#.into())),
            Ok(())
        );
        assert!(decode_password_changed(&HttpResponse::json(
            200,
            r#"{"success": "false"}"#.into()
        ))
        .is_err());
        let wrong = r#"{"error": {"previous_password": ["This is not your current password."]}}"#;
        assert!(matches!(
            decode_password_changed(&HttpResponse::json(400, wrong.into())),
            Err(ApiError::Validation(_))
        ));
    }
}
