//! User roles: `/roles…`, `/role/{id}`, with their password and lockout policies.
//!
//! Rules (all fields required): `name` unique, 2–32 characters; the four
//! policy switches are booleans; the six numbers are integers.

use serde::{Deserialize, Serialize};

use super::status::STATUS_FILTER;
use crate::list::{ListSpec, DEFAULT_LIMIT, PAGED};
use crate::resource::{
    Api, Cell, Column, Description, Field, Filter, FilterControl, ListBy, Messages, Meta, Ops,
    Path, Records, Start,
};

pub const NAME_MIN: usize = 2;
pub const NAME_MAX: usize = 32;
pub const NAME_TAKEN: &str = "A role with this name already exists.";

const APPLIES_TO: &[(&str, &str)] = &[("true", "Administrators"), ("false", "Users")];
const ON_OFF: &[(&str, &str)] = &[("true", "On"), ("false", "Off")];
const TYPES: &[(&str, &str)] = &[("admin", "Administrators"), ("user", "Users")];
const ON: Start = Start::Value("true");

/// The roles of one type (`admin` or `user`), for pickers and filters.
const fn roles_of(filters: &'static [(&'static str, &'static str)]) -> Records {
    Records {
        slug: "roles",
        label: "{name}",
        filters,
        one_each: None,
    }
}

/// The administrator roles.
pub const ADMIN_ROLES: Records = roles_of(&[("type", "admin")]);

/// The user roles.
pub const USER_ROLES: Records = roles_of(&[("type", "user")]);

/// Roles, described once. The type filter travels in the path
/// (`/roles/{type}/{page}`), where the API fixes the page size at 10.
pub const ROLES: Description = Description {
    api: Api::Admin,
    slug: "roles",
    title: "Roles",
    menu: "Roles",
    noun: "role",
    plural: "roles",
    path: Path::of("roles", "role").listed_by(ListBy {
        filter: "type",
        fixed_limit: DEFAULT_LIMIT,
        note: "The API pages role-type lists by 10.",
    }),
    fields: &[
        Field::text("name", "Name")
            .length(NAME_MIN, NAME_MAX)
            .hint("2–32 characters, unique.")
            .unique(NAME_TAKEN),
        Field::boolean("is_admin_role", "Administrator role")
            .hint("Applies to administrators; otherwise to users.")
            .in_group("Policies"),
        Field::boolean("password_policy", "Password policy")
            .hint("Enforce password expiry and reuse history.")
            .in_group("Policies")
            .starts(ON),
        Field::boolean("login_lockout_policy", "Lockout policy")
            .hint("Lock accounts after repeated failed sign-ins.")
            .in_group("Policies")
            .starts(ON),
        Field::boolean("login_ban_by_ip", "Ban by client IP")
            .hint("The lockout also bans the client's IP address.")
            .in_group("Policies")
            .starts(ON),
        Field::integer("priority", "Priority")
            .hint("Lower numbers win when several roles apply.")
            .in_group("Limits")
            .starts(Start::Value("100")),
        Field::integer("password_reset_days", "Password valid for (days)")
            .hint("Days until a password must be changed.")
            .in_group("Limits")
            .starts(Start::Value("90")),
        Field::integer("password_reuse_history", "Password history")
            .hint("Previous passwords that may not be reused.")
            .in_group("Limits")
            .starts(Start::Value("10")),
        Field::integer("login_max_attempts", "Failed attempts before lockout")
            .hint("Allowed within the attempt window.")
            .in_group("Limits")
            .starts(Start::Value("5")),
        Field::integer("login_timeframe", "Attempt window (seconds)")
            .hint("Window in which failed attempts are counted.")
            .in_group("Limits")
            .starts(Start::Value("300")),
        Field::integer("login_ban_time", "Lockout duration (seconds)")
            .hint("How long further sign-ins are refused.")
            .in_group("Limits")
            .starts(Start::Value("1800")),
    ],
    list: ListSpec {
        orders: &["id.asc", "id.desc", "name.asc", "name.desc"],
        filters: &["type", "status"],
        integers: &["status"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Name", "name").link().sorted(),
        Column::new("Applies to", "is_admin_role").shown(Cell::Choice(APPLIES_TO)),
        Column::new("Priority", "priority").numeric(),
        Column::new("Password policy", "password_policy")
            .shown(Cell::Choice(ON_OFF))
            .minor(),
        Column::new("Lockout policy", "login_lockout_policy")
            .shown(Cell::Choice(ON_OFF))
            .minor(),
    ],
    // `?status=` is documented for `GET /roles` although a role's payload
    // carries no status (docs/reading-the-api-docs.md, "The Admin API").
    filters: &[
        Filter::choice("type", "Applies to", "All roles", TYPES),
        STATUS_FILTER,
        Filter {
            key: "name",
            label: "Open role by name",
            control: FilterControl::OpenBy {
                placeholder: "SUPER_ADMIN",
            },
        },
    ],
    meta: &[
        Meta::new("ID", "id"),
        Meta::date("Created", "created_at"),
        Meta::date("Updated", "updated_at"),
    ],
    ops: Ops::CRUD,
    messages: Messages {
        title: "{name}",
        created: "Role {name} created.",
        saved: "Role {name} saved.",
        deleted: "Role {name} deleted.",
        delete_warning: "Role {name} is removed for good, and from every account that has it.",
        empty: "No roles on this page.",
        new_title: "New role",
        new_label: "New role",
        create_label: "Create role",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"created_at": "2019-11-05T02:16:56+0000", "id": 1, "is_admin_role": false,
            "login_ban_by_ip": true, "login_ban_time": 1800, "login_lockout_policy": false, "login_max_attempts": 10,
            "login_timeframe": 600, "name": "USER", "password_policy": false, "password_reset_days": 365,
            "password_reuse_history": 10, "priority": 100, "updated_at": "2019-11-05T02:16:56+0000"}"#,
        create: r#"{"is_admin_role": false, "login_ban_by_ip": true, "login_ban_time": 3600,
            "login_lockout_policy": true, "login_max_attempts": 10, "login_timeframe": 900, "name": "TEST_ROLE",
            "password_policy": true, "password_reset_days": 180, "password_reuse_history": 10, "priority": 200}"#,
    },
    ..Description::BLANK
};

/// A role as the API returns it: its editable fields plus identity and times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: i64,
    #[serde(flatten)]
    pub fields: RoleFields,
    pub created_at: String,
    pub updated_at: String,
}

/// The editable fields: the create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleFields {
    pub name: String,
    pub is_admin_role: bool,
    pub login_ban_by_ip: bool,
    pub login_ban_time: i64,
    pub login_lockout_policy: bool,
    pub login_max_attempts: i64,
    pub login_timeframe: i64,
    pub password_policy: bool,
    pub password_reset_days: i64,
    pub password_reuse_history: i64,
    pub priority: i64,
}

/// Role type filter of the list: `/roles/{type}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleType {
    Admin,
    User,
}

impl RoleType {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleType::Admin => "admin",
            RoleType::User => "user",
        }
    }

    pub fn parse(text: &str) -> Option<RoleType> {
        match text {
            "admin" => Some(RoleType::Admin),
            "user" => Some(RoleType::User),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::dialect::{AdminCall, ADMIN_API};
    use crate::admin::AdminConfig;
    use crate::list::ListQuery;
    use crate::resource::{from_form, to_form, validate, Dialect, Mode, Operation};
    use crate::validation::REQUIRED;
    use serde_json::json;

    fn named(name: &str) -> serde_json::Value {
        let mut values = to_form(&ROLES, None, "");
        values.insert("name", name.into());
        from_form(&ROLES, &values, Mode::Create)
    }

    #[test]
    fn name_length_boundaries_counted_in_characters_after_trimming() {
        for (name, ok) in [
            ("", false),
            ("A", false),
            ("AB", true),
            (&"R".repeat(32), true),
            (&"R".repeat(33), false),
            ("  ÉÉ  ", true),
        ] {
            assert_eq!(
                validate(&ROLES, &named(name), Mode::Create).is_ok(),
                ok,
                "{name:?}"
            );
        }
        assert_eq!(
            validate(&ROLES, &named(" ÉÉ "), Mode::Create).map(|p| p["name"].clone()),
            Ok(json!("ÉÉ"))
        );
    }

    #[test]
    fn new_roles_start_from_the_console_defaults() {
        let payload = validate(&ROLES, &named("AUDITOR"), Mode::Create).expect("valid");
        assert_eq!(
            payload,
            json!({"name": "AUDITOR", "is_admin_role": false, "password_policy": true, "login_lockout_policy": true,
                   "login_ban_by_ip": true, "priority": 100, "password_reset_days": 90, "password_reuse_history": 10,
                   "login_max_attempts": 5, "login_timeframe": 300, "login_ban_time": 1800})
        );
        assert!(serde_json::from_value::<RoleFields>(payload).is_ok());
    }

    #[test]
    fn every_integer_field_is_required_and_whole() {
        let mut values = to_form(&ROLES, None, "");
        values.insert("name", "AUDITOR".into());
        values.insert("priority", "".into());
        values.insert("login_ban_time", "1.5".into());
        let errors = validate(
            &ROLES,
            &from_form(&ROLES, &values, Mode::Create),
            Mode::Create,
        )
        .expect_err("invalid");
        assert_eq!(errors.get("priority"), [REQUIRED]);
        assert_eq!(errors.get("login_ban_time"), ["Must be a whole number."]);
        let wrong = json!({"name": "X1", "is_admin_role": "yes"});
        let errors = validate(&ROLES, &wrong, Mode::Create).expect_err("invalid");
        assert_eq!(errors.get("is_admin_role"), ["Must be true or false."]);
        assert_eq!(errors.get("priority"), [REQUIRED]);
    }

    #[test]
    fn the_type_filter_travels_in_the_path_and_fixes_the_page_size() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let call = AdminCall {
            config: &config,
            token: "t",
        };
        let key = format!("?app_key={}", "k".repeat(32));
        let typed = ListQuery {
            page: 2,
            limit: 50,
            order_by: "name.desc",
            filters: vec![("type", "admin".into())],
        };
        let request = ADMIN_API.request(&call, &ROLES, &Operation::List { query: &typed });
        assert_eq!(
            request.url,
            format!("/a/v/1.0/roles/admin/2{key}&order_by=name.desc")
        );
        assert_eq!(ROLES.effective_limit(&typed), 10);
        let all = ListQuery {
            filters: Vec::new(),
            ..typed
        };
        let request = ADMIN_API.request(&call, &ROLES, &Operation::List { query: &all });
        assert_eq!(
            request.url,
            format!("/a/v/1.0/roles/2/50{key}&order_by=name.desc")
        );
        assert_eq!(ROLES.effective_limit(&all), 50);
        assert_eq!(RoleType::parse("admin"), Some(RoleType::Admin));
        assert_eq!(RoleType::parse("x"), None);
    }
}
