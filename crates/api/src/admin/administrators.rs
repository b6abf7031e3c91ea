//! Administrators: `/administrators…` and `/administrator/{id}`.
//!
//! Rules: username, email, first and last name as for accounts (see
//! [`super::rules`]); `joined_at` a required datetime; `password` required on
//! create and optional on update, with the password rule when given; `roles`
//! a required list of admin role ids (it may be empty); `status` one of the
//! five status codes. Uniqueness is the server's to check.

use serde::{Deserialize, Serialize};

use super::account::AccountFields;
use super::roles::ADMIN_ROLES;
use super::rules::{first_name, last_name, EMAIL, PASSWORD, USERNAME};
use super::status::{status_field, ResourceStatus, STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{
    Api, Cell, Column, Description, Field, Filter, FilterControl, Messages, Meta, Ops, Path, Start,
};

/// Administrators, described once. Their records are the console's own
/// accounts, so deleting the signed-in one warns differently.
pub const ADMINISTRATORS: Description = Description {
    api: Api::Admin,
    slug: "administrators",
    title: "Administrators",
    menu: "Administrators",
    noun: "administrator",
    plural: "administrators",
    path: Path::of("administrators", "administrator"),
    fields: &[
        USERNAME,
        EMAIL,
        first_name("first_name"),
        last_name("last_name"),
        Field::datetime("joined_at", "Joined (UTC)").starts(Start::Now),
        PASSWORD,
        Field::ids("roles", "Roles", ADMIN_ROLES).hint("Administrator roles only."),
        status_field(ResourceStatus::Enabled),
    ],
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
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Username", "username").link().sorted(),
        Column::new("Name", "{first_name} {last_name}"),
        Column::new("Email", "email"),
        Column::new("Roles", "roles")
            .shown(Cell::Names { key: "name" })
            .minor(),
        STATUS_COLUMN,
        Column::new("Joined", "joined_at").date().sorted(),
    ],
    filters: &[
        STATUS_FILTER,
        Filter {
            key: "role",
            label: "Role",
            control: FilterControl::Records {
                any: "Any role",
                records: ADMIN_ROLES,
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
        created: "Administrator {username} created.",
        saved: "Administrator {username} saved.",
        deleted: "Administrator {username} deleted.",
        delete_warning: "{username} can no longer sign in.",
        empty: "No administrators match.",
        new_title: "New administrator",
        new_label: "New administrator",
        create_label: "Create administrator",
        delete_own: DELETING_YOURSELF,
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"created_at": "2019-11-05T02:16:56+0000", "email": "admin1@test.com", "first_name": "Tommy",
            "id": 1, "joined_at": "2018-11-01T00:00:00+0000", "last_name": "Lund", "password_changed_at": "2019-11-05T02:16:25+0000",
            "roles": [{"id": 2, "name": "SUPER_ADMIN"}], "status": 1, "status_changed_at": "2018-11-01T00:00:00+0000",
            "updated_at": "2019-11-05T02:16:56+0000", "uri": "https://api.admin.domain.com/v/1.0/administrator/1", "username": "admin1"}"#,
        create: r#"{"email": "admin8@test.com", "first_name": "Zena", "joined_at": "2019-11-02T12:00:00+0000",
            "last_name": "Clyde", "password": "admin8Pass", "roles": [2], "status": 5, "username": "admin8"}"#,
    },
    ..Description::BLANK
};

/// The warning before deleting the signed-in administrator's own account.
pub const DELETING_YOURSELF: &str = "This is your own account: you will be signed out for good.";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::{json, Value};

    #[test]
    fn the_documented_create_is_typed_and_rules_hold() {
        let payload: Value = serde_json::from_str(ADMINISTRATORS.example.create).expect("json");
        let fields: AdministratorFields = validate(&ADMINISTRATORS, &payload, Mode::Create)
            .ok()
            .and_then(|valid| serde_json::from_value(valid).ok())
            .expect("typed");
        assert_eq!(
            (fields.account.username.as_str(), fields.roles.as_slice()),
            ("admin8", &[2][..])
        );
        let bad = json!({"username": "12", "email": "x@", "first_name": "", "last_name": "L",
                         "joined_at": "2019-11-02T12:00:00+0000", "roles": ["2"], "status": 1});
        let errors = validate(&ADMINISTRATORS, &bad, Mode::Update).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["email", "first_name", "last_name", "roles", "username"]
        );
    }
}
