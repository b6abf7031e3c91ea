//! Users: `/users…` and `/user/{id}`.
//!
//! Rules: username, email and password as for administrators (password
//! required on create, optional on update); `is_verified` a required
//! boolean; `roles` a required list of user role ids; `status` one of the
//! five codes; `profile` an optional object whose `first_name` (1–40),
//! `last_name` (2–40) and `joined_at` (datetime) are then required. Errors
//! on profile fields come back nested and are keyed `profile.first_name`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::administrators::RoleRef;
use super::payload::Payload;
use super::resource::Resource;
use super::rules::{
    check_datetime, check_email, check_first_name, check_last_name, check_password, check_status,
    check_username,
};
use super::status::ResourceStatus;
use super::AdminConfig;
use crate::http::{percent_encode, HttpRequest, Method};
use crate::list::{ListSpec, DEFAULT_LIMIT};
use crate::time::to_datetime_local;
use crate::validation::{FieldErrors, REQUIRED};

/// The collection: ordered by id or username, filtered by status and role.
pub const USERS: Resource = Resource {
    collection: "users",
    item: "user",
    list: ListSpec {
        orders: &["id.asc", "id.desc", "username.asc", "username.desc"],
        filters: &["status", "role"],
        integers: &["status", "role"],
        default_limit: DEFAULT_LIMIT,
    },
};

/// `GET /user/{username}`: the documented second way to read a user.
pub fn get_by_username_request(config: &AdminConfig, token: &str, username: &str) -> HttpRequest {
    let path = format!("/user/{}", percent_encode(username.trim()));
    config.request(Method::Get, &path, &[], token)
}

/// A user as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub is_verified: bool,
    #[serde(default)]
    pub profile: Option<Profile>,
    #[serde(default)]
    pub roles: Vec<RoleRef>,
    pub status: ResourceStatus,
    #[serde(default)]
    pub terms_of_services: Vec<AcceptedTerms>,
    pub password_changed_at: String,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub uri: String,
}

/// The profile embedded in a user (read and written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub first_name: String,
    pub joined_at: String,
    pub last_name: String,
}

/// A terms-of-service version a user accepted, with when and from where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedTerms {
    pub accept_date: String,
    pub ip_address: String,
    pub terms_of_service: TermsRef,
}

/// The short form of a terms of service inside a user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsRef {
    pub id: i64,
    pub version: String,
}

/// The short form of a user inside audit records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: i64,
    pub username: String,
    #[serde(default)]
    pub uri: String,
}

/// The create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFields {
    pub email: String,
    pub is_verified: bool,
    /// Absent on an update that keeps the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Absent when the user has no profile (or keeps it unchanged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    pub roles: Vec<i64>,
    pub status: ResourceStatus,
    pub username: String,
}

/// Every editable field, in form order; nested ones dotted.
pub const FIELDS: [&str; 10] = [
    "username",
    "email",
    "password",
    "is_verified",
    "profile",
    "profile.first_name",
    "profile.last_name",
    "profile.joined_at",
    "roles",
    "status",
];

/// The form's state while typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserDraft {
    pub username: String,
    pub email: String,
    pub password: String,
    pub is_verified: bool,
    /// Whether the profile fields are sent.
    pub with_profile: bool,
    pub first_name: String,
    pub last_name: String,
    /// The `datetime-local` value, read as UTC.
    pub joined_at: String,
    pub roles: Vec<i64>,
    pub status: String,
}

impl UserDraft {
    /// A new user: enabled, unverified, with a profile joining now.
    pub fn new(joined_at: String) -> Self {
        UserDraft {
            username: String::new(),
            email: String::new(),
            password: String::new(),
            is_verified: false,
            with_profile: true,
            first_name: String::new(),
            last_name: String::new(),
            joined_at,
            roles: Vec::new(),
            status: ResourceStatus::Enabled.code().to_string(),
        }
    }

    pub fn from_user(user: &User) -> Self {
        let profile = user.profile.as_ref();
        let text = |pick: fn(&Profile) -> &String| profile.map(pick).cloned().unwrap_or_default();
        UserDraft {
            username: user.username.clone(),
            email: user.email.clone(),
            password: String::new(),
            is_verified: user.is_verified,
            with_profile: profile.is_some(),
            first_name: text(|p| &p.first_name),
            last_name: text(|p| &p.last_name),
            joined_at: profile
                .and_then(|p| to_datetime_local(&p.joined_at))
                .unwrap_or_default(),
            roles: user.roles.iter().map(|r| r.id).collect(),
            status: user.status.code().to_string(),
        }
    }

    /// Applies every documented rule. `creating` makes the password required.
    pub fn validate(&self, creating: bool) -> Result<UserFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let username = self.username.trim().to_string();
        let email = self.email.trim().to_string();
        check_username(&mut errors, "username", &username);
        check_email(&mut errors, "email", &email);
        if creating || !self.password.is_empty() {
            check_password(&mut errors, "password", &self.password);
        }
        let profile = if self.with_profile {
            check_first_name(&mut errors, "profile.first_name", &self.first_name);
            check_last_name(&mut errors, "profile.last_name", &self.last_name);
            check_datetime(&mut errors, "profile.joined_at", &self.joined_at).map(|joined_at| {
                Profile {
                    first_name: self.first_name.trim().to_string(),
                    joined_at,
                    last_name: self.last_name.trim().to_string(),
                }
            })
        } else {
            None
        };
        let status = check_status(&mut errors, "status", &self.status);
        match status {
            Some(status) if errors.is_empty() => Ok(UserFields {
                email,
                is_verified: self.is_verified,
                password: (!self.password.is_empty()).then(|| self.password.clone()),
                profile,
                roles: self.roles.clone(),
                status,
                username,
            }),
            _ => Err(errors),
        }
    }
}

/// Server-side check of a JSON payload (the simulator uses it). Role ids
/// must be integers here; whether they exist is the caller's to check.
pub fn validate_payload(payload: &Value, creating: bool) -> Result<UserFields, FieldErrors> {
    let top = Payload::new(payload);
    let mut errors = FieldErrors::new();
    let username = top.text("username");
    let email = top.text("email");
    check_username(&mut errors, "username", &username);
    check_email(&mut errors, "email", &email);
    let is_verified = top.boolean(&mut errors, "is_verified");
    let password = match top.value("password") {
        None if !creating => None,
        Some(Value::String(password)) => {
            check_password(&mut errors, "password", password);
            Some(password.clone())
        }
        _ => {
            errors.add("password", REQUIRED);
            None
        }
    };
    let profile = match top.value("profile") {
        None => None,
        Some(object @ Value::Object(_)) => {
            let nested = Payload::nested(object, "profile.");
            let (first_name, last_name) = (nested.text("first_name"), nested.text("last_name"));
            check_first_name(&mut errors, "profile.first_name", &first_name);
            check_last_name(&mut errors, "profile.last_name", &last_name);
            nested
                .datetime(&mut errors, "joined_at")
                .map(|joined_at| Profile {
                    first_name,
                    joined_at,
                    last_name,
                })
        }
        Some(_) => {
            errors.add("profile", "Must be an object.");
            None
        }
    };
    let roles = top.ids(&mut errors, "roles");
    let status = top.status(&mut errors, "status");
    match (is_verified, roles, status) {
        (Some(is_verified), Some(roles), Some(status)) if errors.is_empty() => Ok(UserFields {
            email,
            is_verified,
            password,
            profile,
            roles,
            status,
            username,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;
    use crate::http::HttpResponse;
    use crate::validation::FieldErrors;
    use serde_json::json;

    /// The documented create example (its password `user10Pass` has only
    /// three classes, which is enough).
    fn documented() -> Value {
        json!({"email": "user10@test.com", "is_verified": false, "password": "user10Pass",
               "profile": {"first_name": "Vivyan", "joined_at": "2019-05-21T08:30:00+0000", "last_name": "Joyce"},
               "roles": [1], "status": 5, "username": "user10"})
    }

    fn draft() -> UserDraft {
        UserDraft {
            username: "user10".into(),
            email: "user10@test.com".into(),
            password: "user10Pass".into(),
            is_verified: false,
            with_profile: true,
            first_name: "Vivyan".into(),
            last_name: "Joyce".into(),
            joined_at: "2019-05-21T08:30".into(),
            roles: vec![1],
            status: "5".into(),
        }
    }

    #[test]
    fn the_documented_create_round_trips() {
        let fields = draft().validate(true).expect("valid");
        assert_eq!(serde_json::to_value(&fields).ok(), Some(documented()));
        assert_eq!(validate_payload(&documented(), true), Ok(fields));
    }

    #[test]
    fn the_documented_update_without_password_is_valid() {
        let update = json!({"email": "user10a@test.com", "is_verified": true,
            "profile": {"first_name": "Vivian", "joined_at": "2019-06-21T08:30:00+0000", "last_name": "Joycee"},
            "roles": [1], "status": 2, "username": "user10a"});
        let fields = validate_payload(&update, false).expect("valid update");
        assert_eq!(fields.password, None);
        assert!(
            validate_payload(&update, true).is_err(),
            "create needs a password"
        );
    }

    #[test]
    fn profile_is_optional_but_complete_when_given() {
        let without = UserDraft {
            with_profile: false,
            first_name: String::new(),
            ..draft()
        };
        let fields = without.validate(true).expect("no profile is fine");
        assert_eq!(fields.profile, None);
        assert!(!serde_json::to_string(&fields)
            .unwrap_or_default()
            .contains("profile"));

        let errors = UserDraft {
            first_name: String::new(),
            last_name: "J".into(),
            joined_at: String::new(),
            ..draft()
        }
        .validate(true)
        .expect_err("incomplete profile");
        assert_eq!(errors.get("profile.first_name"), [REQUIRED]);
        assert_eq!(
            errors.get("profile.last_name").len(),
            1,
            "last name needs 2"
        );
        assert_eq!(errors.get("profile.joined_at"), [REQUIRED]);
        let boundary = UserDraft {
            first_name: "V".into(),
            last_name: "Jo".into(),
            ..draft()
        };
        assert!(
            boundary.validate(true).is_ok(),
            "1 and 2 characters are the minimums"
        );
    }

    #[test]
    fn payload_reports_nested_profile_errors_under_dotted_keys() {
        let mut bad = documented();
        bad["profile"] = json!({"first_name": "", "last_name": "Joyce", "joined_at": "May"});
        bad["is_verified"] = json!("no");
        let errors = validate_payload(&bad, true).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["is_verified", "profile.first_name", "profile.joined_at"]
        );
        assert_eq!(
            errors.to_nested_json()["profile"]["first_name"],
            json!([REQUIRED])
        );
        bad["profile"] = json!("Vivyan");
        assert!(
            validate_payload(&bad, true)
                .expect_err("not an object")
                .get("profile")
                .len()
                == 1
        );
    }

    #[test]
    fn shared_rules_apply_at_their_boundaries() {
        let check = |draft: UserDraft| draft.validate(false).err().unwrap_or_default();
        let errors = check(UserDraft {
            username: "12345".into(),
            email: "user10@".into(),
            password: "short1A".into(),
            status: "0".into(),
            ..draft()
        });
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["email", "password", "status", "username"]
        );
        assert_eq!(
            check(UserDraft {
                username: "u_".into(),
                ..draft()
            }),
            FieldErrors::new()
        );
        assert_eq!(
            check(UserDraft {
                password: String::new(),
                ..draft()
            }),
            FieldErrors::new(),
            "an empty password keeps the current one"
        );
    }

    #[test]
    fn decodes_the_documented_user_with_accepted_terms() {
        let body = r#"{"user": {"created_at": "2019-11-05T02:16:56+0000", "email": "user2@test.com", "id": 2,
            "is_verified": true, "password_changed_at": "2019-11-05T02:16:43+0000",
            "profile": {"first_name": "Lynne", "joined_at": "2018-12-10T00:00:00+0000", "last_name": "Harford"},
            "roles": [{"id": 1, "name": "USER"}], "status": 1, "status_changed_at": "2018-12-10T00:00:00+0000",
            "terms_of_services": [{"accept_date": "2019-01-06T00:00:00+0000", "ip_address": "1.1.1.2",
                "terms_of_service": {"id": 2, "version": "1.1"}}],
            "updated_at": "2019-11-05T02:16:56+0000", "uri": "https://api.admin.domain.com/v/1.0/user/2", "username": "user2"}}"#;
        let user: User = USERS
            .decode_record(&HttpResponse::json(200, body.into()))
            .expect("decodes");
        assert_eq!(user.terms_of_services[0].terms_of_service.version, "1.1");
        assert_eq!(user.terms_of_services[0].ip_address, "1.1.1.2");
        let draft = UserDraft::from_user(&user);
        assert_eq!(
            (draft.first_name.as_str(), draft.joined_at.as_str()),
            ("Lynne", "2018-12-10T00:00")
        );
        let no_profile = body.replace(
            r#""profile": {"first_name": "Lynne", "joined_at": "2018-12-10T00:00:00+0000", "last_name": "Harford"},"#,
            r#""profile": null,"#,
        );
        let user: User = USERS
            .decode_record(&HttpResponse::json(200, no_profile))
            .expect("null profile");
        assert!(!UserDraft::from_user(&user).with_profile);
    }

    #[test]
    fn nested_server_errors_land_on_dotted_fields() {
        let body = r#"{"error": {"profile": {"first_name": ["Missing data for required field."]}, "username": ["Value must be unique."]}}"#;
        let Err(ApiError::Validation(errors)) =
            USERS.decode_record::<User>(&HttpResponse::json(400, body.into()))
        else {
            panic!("expected field errors");
        };
        assert_eq!(
            errors.get("profile.first_name"),
            ["Missing data for required field."]
        );
        assert_eq!(errors.get("username"), ["Value must be unique."]);
    }

    #[test]
    fn users_are_read_by_username_too() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let request = get_by_username_request(&config, "t", " user_2 ");
        assert_eq!(request.path(), "/a/v/1.0/user/user_2");
        assert!(get_by_username_request(&config, "t", "a/b")
            .path()
            .ends_with("/user/a%2Fb"));
    }

    #[test]
    fn list_requests_carry_role_and_status() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let query = USERS.list.from_url(|key| match key {
            "role" => Some("1".into()),
            "status" => Some("2".into()),
            "order_by" => Some("username.desc".into()),
            _ => None,
        });
        let url = USERS.list_request(&config, "t", &query).url;
        assert!(url.starts_with("/a/v/1.0/users/1/10?app_key="), "{url}");
        assert!(
            url.ends_with("&status=2&role=1&order_by=username.desc"),
            "{url}"
        );
    }
}
