//! Administrators: `/administrators…` and `/administrator/{id}`.
//!
//! Rules: username, email, first and last name as for accounts (see
//! [`super::rules`]); `joined_at` a required datetime; `password` required on
//! create and optional on update, with the password rule when given; `roles`
//! a required list of admin role ids (it may be empty); `status` one of the
//! five status codes. Uniqueness is the server's to check.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::account::AccountFields;
use super::resource::Resource;
use super::rules::check_password;
use super::status::ResourceStatus;
use crate::list::ListSpec;
use crate::time::{from_datetime_local, parse_timestamp};
use crate::validation::{FieldErrors, REQUIRED};

/// A role as listed inside an administrator or user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRef {
    pub id: i64,
    pub name: String,
}

/// An administrator as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administrator {
    pub id: i64,
    #[serde(flatten)]
    pub account: AccountFields,
    pub joined_at: String,
    pub password_changed_at: String,
    pub roles: Vec<RoleRef>,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub uri: String,
}

/// The create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdministratorFields {
    #[serde(flatten)]
    pub account: AccountFields,
    pub joined_at: String,
    /// Absent on an update that keeps the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    pub roles: Vec<i64>,
    pub status: ResourceStatus,
}

/// Every editable field, in form order.
pub const FIELDS: [&str; 8] = [
    "username",
    "email",
    "first_name",
    "last_name",
    "joined_at",
    "password",
    "roles",
    "status",
];

/// The form's state while typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdministratorDraft {
    pub account: AccountFields,
    /// The `datetime-local` value, read as UTC.
    pub joined_at: String,
    pub password: String,
    pub roles: Vec<i64>,
    pub status: String,
}

impl AdministratorDraft {
    /// A new administrator: enabled, joining now, no roles yet.
    pub fn new(joined_at: String) -> Self {
        AdministratorDraft {
            account: AccountFields {
                email: String::new(),
                first_name: String::new(),
                last_name: String::new(),
                username: String::new(),
            },
            joined_at,
            password: String::new(),
            roles: Vec::new(),
            status: ResourceStatus::Enabled.code().to_string(),
        }
    }

    pub fn from_administrator(administrator: &Administrator) -> Self {
        AdministratorDraft {
            account: administrator.account.clone(),
            joined_at: crate::time::to_datetime_local(&administrator.joined_at).unwrap_or_default(),
            password: String::new(),
            roles: administrator.roles.iter().map(|r| r.id).collect(),
            status: administrator.status.code().to_string(),
        }
    }

    /// Applies every documented rule. `creating` makes the password required.
    pub fn validate(&self, creating: bool) -> Result<AdministratorFields, FieldErrors> {
        let (account, mut errors) = match self.account.validate() {
            Ok(account) => (Some(account), FieldErrors::new()),
            Err(errors) => (None, errors),
        };
        let joined_at = from_datetime_local(&self.joined_at);
        if joined_at.is_none() {
            errors.add(
                "joined_at",
                if self.joined_at.trim().is_empty() {
                    REQUIRED
                } else {
                    "Enter a date and time."
                },
            );
        }
        if creating || !self.password.is_empty() {
            check_password(&mut errors, "password", &self.password);
        }
        let status = self
            .status
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(|c| ResourceStatus::try_from(c).ok());
        if status.is_none() {
            errors.add("status", "Choose one of the five statuses.");
        }
        match (account, joined_at, status) {
            (Some(account), Some(joined_at), Some(status)) if errors.is_empty() => {
                Ok(AdministratorFields {
                    account,
                    joined_at,
                    password: (!self.password.is_empty()).then(|| self.password.clone()),
                    roles: self.roles.clone(),
                    status,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Server-side check of a JSON payload (the simulator uses it). Role ids
/// must be integers here; whether they exist is the caller's to check.
pub fn validate_payload(
    payload: &Value,
    creating: bool,
) -> Result<AdministratorFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let account = AccountFields::from_payload(payload).map_err(|e| {
        for (field, messages) in e.iter() {
            messages.iter().for_each(|m| errors.add(field, m.clone()));
        }
    });
    let joined_at = payload
        .get("joined_at")
        .and_then(Value::as_str)
        .and_then(parse_timestamp);
    if joined_at.is_none() {
        errors.add(
            "joined_at",
            "Must be a datetime like 2018-11-01T00:00:00+0000.",
        );
    }
    let password = match payload.get("password") {
        None | Some(Value::Null) if !creating => None,
        Some(Value::String(password)) => {
            check_password(&mut errors, "password", password);
            Some(password.clone())
        }
        _ => {
            errors.add("password", REQUIRED);
            None
        }
    };
    let roles: Option<Vec<i64>> = match payload.get("roles") {
        Some(Value::Array(items)) => items.iter().map(Value::as_i64).collect(),
        _ => None,
    };
    if roles.is_none() {
        errors.add("roles", "Must be a list of role ids.");
    }
    let status = payload
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|c| u8::try_from(c).ok())
        .and_then(|c| ResourceStatus::try_from(c).ok());
    if status.is_none() {
        errors.add("status", "Must be one of the status codes 1–5.");
    }
    match (account, joined_at, roles, status) {
        (Ok(account), Some(joined_at), Some(roles), Some(status)) if errors.is_empty() => {
            Ok(AdministratorFields {
                account,
                joined_at: crate::time::format_timestamp(joined_at),
                password,
                roles,
                status,
            })
        }
        _ => Err(errors),
    }
}

/// The collection: ordered by id, username or join date; filtered by
/// status and role.
pub const ADMINISTRATORS: Resource = Resource {
    collection: "administrators",
    item: "administrator",
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "username.asc",
            "username.desc",
            "joined_at.asc",
            "joined_at.desc",
        ],
        filters: &["status", "role"],
        integers: &["status", "role"],
        default_limit: crate::list::DEFAULT_LIMIT,
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::AdminConfig;
    use crate::http::HttpResponse;
    use serde_json::json;

    fn documented() -> Value {
        json!({"email": "admin8@test.com", "first_name": "Zena", "joined_at": "2019-11-02T12:00:00+0000",
               "last_name": "Clyde", "password": "admin8Pass", "roles": [2], "status": 5, "username": "admin8"})
    }

    fn draft() -> AdministratorDraft {
        AdministratorDraft {
            account: AccountFields {
                email: "admin8@test.com".into(),
                first_name: "Zena".into(),
                last_name: "Clyde".into(),
                username: "admin8".into(),
            },
            joined_at: "2019-11-02T12:00".into(),
            password: "admin8Pass".into(),
            roles: vec![2],
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
    fn password_is_required_on_create_and_optional_on_update() {
        let without = AdministratorDraft {
            password: String::new(),
            ..draft()
        };
        assert_eq!(
            without
                .validate(true)
                .expect_err("required")
                .get("password"),
            [REQUIRED]
        );
        let kept = without.validate(false).expect("optional on update");
        assert_eq!(kept.password, None);
        assert!(
            !serde_json::to_string(&kept)
                .unwrap_or_default()
                .contains("password"),
            "left out of the payload"
        );
        let weak = AdministratorDraft {
            password: "weakweak".into(),
            ..draft()
        };
        assert!(
            weak.validate(false).is_err(),
            "a given password follows the rule"
        );
    }

    #[test]
    fn joined_at_and_status_are_required() {
        let errors = AdministratorDraft {
            joined_at: String::new(),
            status: "9".into(),
            ..draft()
        }
        .validate(true)
        .expect_err("invalid");
        assert_eq!(errors.get("joined_at"), [REQUIRED]);
        assert_eq!(errors.get("status").len(), 1);
        assert!(
            AdministratorDraft {
                roles: vec![],
                ..draft()
            }
            .validate(true)
            .is_ok(),
            "no roles is a valid list"
        );
    }

    #[test]
    fn payload_checks_types() {
        let mut bad = documented();
        bad["roles"] = json!(["2"]);
        bad["joined_at"] = json!("yesterday");
        bad["status"] = json!(0);
        let errors = validate_payload(&bad, true).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|(f, _)| f).collect::<Vec<_>>(),
            ["joined_at", "roles", "status"]
        );
        let mut update = documented();
        update.as_object_mut().map(|o| o.remove("password"));
        assert!(validate_payload(&update, false).is_ok());
        assert!(validate_payload(&update, true).is_err());
    }

    #[test]
    fn list_request_carries_filters_and_order() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let query = ADMINISTRATORS.list.from_url(|key| match key {
            "role" => Some("2".into()),
            "order_by" => Some("joined_at.desc".into()),
            _ => None,
        });
        let url = ADMINISTRATORS.list_request(&config, "t", &query).url;
        assert!(
            url.starts_with("/a/v/1.0/administrators/1/10?app_key="),
            "{url}"
        );
        assert!(url.ends_with("&role=2&order_by=joined_at.desc"), "{url}");
    }

    #[test]
    fn decodes_the_documented_administrator() {
        let body = r#"{"administrator": {"created_at": "2019-11-05T02:16:56+0000", "email": "admin1@test.com", "first_name": "Tommy",
            "id": 1, "joined_at": "2018-11-01T00:00:00+0000", "last_name": "Lund", "password_changed_at": "2019-11-05T02:16:25+0000",
            "roles": [{"id": 2, "name": "SUPER_ADMIN"}], "status": 1, "status_changed_at": "2018-11-01T00:00:00+0000",
            "updated_at": "2019-11-05T02:16:56+0000", "uri": "https://api.admin.domain.com/v/1.0/administrator/1", "username": "admin1"}}"#;
        let admin = ADMINISTRATORS
            .decode_record::<Administrator>(&HttpResponse::json(200, body.into()))
            .expect("decodes");
        assert_eq!(
            (
                admin.account.username.as_str(),
                admin.roles[0].name.as_str()
            ),
            ("admin1", "SUPER_ADMIN")
        );
        assert_eq!(
            AdministratorDraft::from_administrator(&admin).joined_at,
            "2018-11-01T00:00"
        );
    }
}
