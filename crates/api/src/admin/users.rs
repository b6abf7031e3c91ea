//! Users: `/users…` and `/user/{id}` (also `/user/{username}`).
//!
//! Rules: username, email and password as for administrators (password
//! required on create, optional on update); `is_verified` a required
//! boolean; `roles` a required list of user role ids; `status` one of the
//! five codes; `profile` an optional object whose `first_name` (1–40),
//! `last_name` (2–40) and `joined_at` (datetime) are then required. Errors
//! on profile fields come back nested and are keyed `profile.first_name`.

use serde::{Deserialize, Serialize};

use super::administrators::RoleRef;
use super::roles::USER_ROLES;
use super::rules::{first_name, last_name, EMAIL, PASSWORD, USERNAME};
use super::status::{status_field, ResourceStatus, STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{
    Api, Cell, Column, Description, Field, Filter, FilterControl, Messages, Meta, Ops,
    OptionalObject, Path, Start, Table,
};

/// Users, described once.
pub const USERS: Description = Description {
    api: Api::Admin,
    slug: "users",
    title: "Users",
    menu: "Users",
    noun: "user",
    plural: "users",
    path: Path::of("users", "user"),
    fields: &[
        USERNAME,
        EMAIL,
        PASSWORD,
        Field::boolean("is_verified", "Verified")
            .hint("What “verified” means is up to you; the API only stores it."),
        first_name("profile.first_name").in_group("Profile"),
        last_name("profile.last_name").in_group("Profile"),
        Field::datetime("profile.joined_at", "Joined (UTC)")
            .in_group("Profile")
            .starts(Start::Now),
        Field::ids("roles", "Roles", USER_ROLES).hint("User roles only."),
        status_field(ResourceStatus::Enabled),
    ],
    list: ListSpec {
        orders: &["id.asc", "id.desc", "username.asc", "username.desc"],
        filters: &["status", "role"],
        integers: &["status", "role"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Username", "username").link().sorted(),
        Column::new("Name", "{profile.first_name} {profile.last_name}"),
        Column::new("Email", "email"),
        Column::new("Roles", "roles")
            .shown(Cell::Names { key: "name" })
            .minor(),
        Column::new("Verified", "is_verified")
            .shown(Cell::YesNo)
            .minor(),
        STATUS_COLUMN,
    ],
    filters: &[
        STATUS_FILTER,
        Filter {
            key: "role",
            label: "Role",
            control: FilterControl::Records {
                any: "Any role",
                records: USER_ROLES,
            },
        },
        Filter {
            key: "username",
            label: "Open username",
            control: FilterControl::OpenBy {
                placeholder: "user2",
            },
        },
    ],
    meta: &[
        Meta::new("ID", "id"),
        Meta::date("Created", "created_at"),
        Meta::date("Password changed", "password_changed_at"),
        Meta::date("Status changed", "status_changed_at"),
    ],
    ops: Ops::CRUD,
    messages: Messages {
        title: "{username}",
        created: "User {username} created.",
        saved: "User {username} saved.",
        deleted: "User {username} deleted.",
        delete_warning: "{username} and their profile are removed for good.",
        empty: "No users match.",
        new_title: "New user",
        new_label: "New user",
        create_label: "Create user",
        delete_own: "",
    },
    optional: &[OptionalObject {
        object: "profile",
        label: "Give this user a profile",
        starts_on: true,
        permanent: true,
    }],
    tables: &[Table {
        title: "Accepted terms of service",
        list: "terms_of_services",
        columns: &[
            Column::new("Version", "terms_of_service.version").shown(Cell::Link {
                to: "terms",
                id: "{terms_of_service.id}",
            }),
            Column::new("Accepted", "accept_date").date(),
            Column::new("IP address", "ip_address"),
        ],
        empty: "This user has not accepted any terms of service.",
    }],
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"created_at": "2019-11-05T02:16:56+0000", "email": "user2@test.com", "id": 2,
            "is_verified": true, "password_changed_at": "2019-11-05T02:16:43+0000",
            "profile": {"first_name": "Lynne", "joined_at": "2018-12-10T00:00:00+0000", "last_name": "Harford"},
            "roles": [{"id": 1, "name": "USER"}], "status": 1, "status_changed_at": "2018-12-10T00:00:00+0000",
            "terms_of_services": [{"accept_date": "2019-01-06T00:00:00+0000", "ip_address": "1.1.1.2",
                "terms_of_service": {"id": 2, "version": "1.1"}}],
            "updated_at": "2019-11-05T02:16:56+0000", "uri": "https://api.admin.domain.com/v/1.0/user/2", "username": "user2"}"#,
        create: r#"{"email": "user10@test.com", "is_verified": false, "password": "user10Pass",
            "profile": {"first_name": "Vivyan", "joined_at": "2019-05-21T08:30:00+0000", "last_name": "Joyce"},
            "roles": [1], "status": 5, "username": "user10"}"#,
    },
    ..Description::BLANK
};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{from_form, to_form, validate, Mode};
    use crate::validation::REQUIRED;
    use serde_json::{json, Value};

    fn documented() -> Value {
        serde_json::from_str(USERS.example.create).expect("json")
    }

    #[test]
    fn the_password_is_required_to_create_and_kept_when_left_out_of_an_update() {
        let mut create = documented();
        create.as_object_mut().map(|o| o.remove("password"));
        let errors = validate(&USERS, &create, Mode::Create).expect_err("no password");
        assert_eq!(errors.get("password"), [REQUIRED]);
        let update = validate(&USERS, &create, Mode::Update).expect("kept");
        assert!(update.get("password").is_none());
        let fields: UserFields = serde_json::from_value(update).expect("typed");
        assert_eq!(fields.password, None);
        let weak = json!({"password": "short"});
        let errors = validate(&USERS, &weak, Mode::Update).expect_err("weak");
        assert!(!errors.get("password").is_empty());
    }

    #[test]
    fn the_profile_is_checked_only_when_sent() {
        let mut without = documented();
        without.as_object_mut().map(|o| o.remove("profile"));
        let fields: UserFields = validate(&USERS, &without, Mode::Create)
            .ok()
            .and_then(|valid| serde_json::from_value(valid).ok())
            .expect("valid without a profile");
        assert_eq!(fields.profile, None);
        let mut bad = documented();
        bad["profile"] = json!({"first_name": "", "last_name": "Joyce", "joined_at": "May"});
        bad["is_verified"] = json!("no");
        let errors = validate(&USERS, &bad, Mode::Create).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["is_verified", "profile.first_name", "profile.joined_at"]
        );
        bad["profile"] = json!("x");
        let errors = validate(&USERS, &bad, Mode::Create).expect_err("invalid");
        assert_eq!(errors.get("profile"), ["Must be an object."]);
    }

    #[test]
    fn the_form_leaves_the_profile_out_when_it_is_off() {
        let record: Value = serde_json::from_str(USERS.example.record).expect("json");
        let mut values = to_form(&USERS, Some(&record), "");
        assert_eq!(
            (values["profile"].as_str(), values["roles"].as_str()),
            ("true", "1")
        );
        assert_eq!(values["password"], "", "never shown back");
        values.insert("profile", "false".into());
        let payload = from_form(&USERS, &values, Mode::Update);
        assert!(payload.get("profile").is_none());
        assert_eq!(payload["roles"], json!([1]));
        let update = validate(&USERS, &payload, Mode::Update).expect("valid");
        assert!(update.get("password").is_none());
    }
}
