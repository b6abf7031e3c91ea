//! User roles: `/roles…`, `/role/{id}`, with their password and lockout policies.
//!
//! Rules (all fields required): `name` unique, 2–32 characters; the four
//! policy switches are booleans; the six numbers are integers.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::list::decode_list;
use super::{decode_wrapped, AdminConfig};
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::list::{clamp_limit, clamp_page, ListPage, ListQuery, ListSpec, DEFAULT_LIMIT};
use crate::validation::{integer, text_length, FieldErrors, REQUIRED};

pub const NAME_MIN: usize = 2;
pub const NAME_MAX: usize = 32;
pub const NAME_TAKEN: &str = "A role with this name already exists.";

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

/// The boolean fields, in form order.
pub const BOOLEAN_FIELDS: [&str; 4] = [
    "is_admin_role",
    "password_policy",
    "login_lockout_policy",
    "login_ban_by_ip",
];
/// The integer fields, in form order.
pub const INTEGER_FIELDS: [&str; 6] = [
    "priority",
    "password_reset_days",
    "password_reuse_history",
    "login_max_attempts",
    "login_timeframe",
    "login_ban_time",
];

/// Every editable field: the name, then the booleans, then the integers.
pub const FIELDS: [&str; 11] = [
    "name",
    BOOLEAN_FIELDS[0],
    BOOLEAN_FIELDS[1],
    BOOLEAN_FIELDS[2],
    BOOLEAN_FIELDS[3],
    INTEGER_FIELDS[0],
    INTEGER_FIELDS[1],
    INTEGER_FIELDS[2],
    INTEGER_FIELDS[3],
    INTEGER_FIELDS[4],
    INTEGER_FIELDS[5],
];

/// What a role form holds while the user types: numbers stay text until checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleDraft {
    pub name: String,
    /// Values of [`BOOLEAN_FIELDS`], in that order.
    pub flags: [bool; 4],
    /// Raw text of [`INTEGER_FIELDS`], in that order.
    pub numbers: [String; 6],
}

impl Default for RoleDraft {
    /// A new role starts with a conservative policy the admin can relax.
    fn default() -> Self {
        RoleDraft {
            name: String::new(),
            flags: [false, true, true, true],
            numbers: ["100", "90", "10", "5", "300", "1800"].map(String::from),
        }
    }
}

impl RoleDraft {
    /// The draft for editing an existing role.
    pub fn from_role(role: &Role) -> Self {
        let role = &role.fields;
        RoleDraft {
            name: role.name.clone(),
            flags: [
                role.is_admin_role,
                role.password_policy,
                role.login_lockout_policy,
                role.login_ban_by_ip,
            ],
            numbers: [
                role.priority,
                role.password_reset_days,
                role.password_reuse_history,
                role.login_max_attempts,
                role.login_timeframe,
                role.login_ban_time,
            ]
            .map(|n| n.to_string()),
        }
    }

    /// Applies every documented rule. `taken_names` are names known to exist
    /// (compared case-sensitively, as the server stores them); `current_name`
    /// is the edited role's own name, which it may keep.
    pub fn validate(
        &self,
        taken_names: &[String],
        current_name: Option<&str>,
    ) -> Result<RoleFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        check_name(&mut errors, &self.name);
        let name = self.name.trim();
        if current_name != Some(name) && taken_names.iter().any(|taken| taken == name) {
            errors.add("name", NAME_TAKEN);
        }
        let mut numbers = [0i64; 6];
        for (slot, (field, raw)) in numbers
            .iter_mut()
            .zip(INTEGER_FIELDS.iter().zip(&self.numbers))
        {
            if let Some(value) = integer(&mut errors, field, raw) {
                *slot = value;
            }
        }
        let [is_admin_role, password_policy, login_lockout_policy, login_ban_by_ip] = self.flags;
        let [priority, password_reset_days, password_reuse_history, login_max_attempts, login_timeframe, login_ban_time] =
            numbers;
        errors.into_result(RoleFields {
            name: name.to_string(),
            is_admin_role,
            login_ban_by_ip,
            login_ban_time,
            login_lockout_policy,
            login_max_attempts,
            login_timeframe,
            password_policy,
            password_reset_days,
            password_reuse_history,
            priority,
        })
    }
}

fn check_name(errors: &mut FieldErrors, name: &str) {
    text_length(errors, "name", name.trim(), NAME_MIN, NAME_MAX);
}

/// Server-side check of a JSON payload, as the API applies it (used by the
/// simulator). Uniqueness needs the store and is checked by the caller.
pub fn validate_payload(payload: &Value) -> Result<RoleFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let Some(object) = payload.as_object() else {
        errors.add("name", REQUIRED);
        return Err(errors);
    };
    match object.get("name") {
        Some(Value::String(name)) => check_name(&mut errors, name),
        Some(_) => errors.add("name", "Must be a string."),
        None => errors.add("name", REQUIRED),
    }
    for field in BOOLEAN_FIELDS {
        match object.get(field) {
            Some(Value::Bool(_)) => {}
            Some(_) => errors.add(field, "Must be a boolean."),
            None => errors.add(field, REQUIRED),
        }
    }
    for field in INTEGER_FIELDS {
        match object.get(field) {
            Some(Value::Number(number)) if number.is_i64() => {}
            Some(_) => errors.add(field, "Must be an integer."),
            None => errors.add(field, REQUIRED),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    RoleFields::deserialize(payload).map_err(|error| {
        let mut errors = FieldErrors::new();
        errors.add("name", error.to_string());
        errors
    })
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

/// The roles list: documented orders, and the type filter (`/roles/{type}`).
pub const LIST: ListSpec = ListSpec {
    orders: &["id.asc", "id.desc", "name.asc", "name.desc"],
    filters: &["type"],
    integers: &[],
    default_limit: crate::list::DEFAULT_LIMIT,
};

/// The documented path. A type filter only has `/roles/{type}/{page}`, so it
/// pages by the default limit.
pub fn list_path(query: &ListQuery) -> String {
    let page = clamp_page(query.page);
    match query.filter("type").and_then(RoleType::parse) {
        Some(role_type) => format!("/roles/{}/{page}", role_type.as_str()),
        None => format!("/roles/{page}/{}", clamp_limit(query.limit)),
    }
}

/// The page size the server will use for this query.
pub fn effective_limit(query: &ListQuery) -> u32 {
    match query.filter("type").and_then(RoleType::parse) {
        Some(_) => DEFAULT_LIMIT,
        None => clamp_limit(query.limit),
    }
}

pub fn list_request(config: &AdminConfig, token: &str, query: &ListQuery) -> HttpRequest {
    config.request(Method::Get, &list_path(query), &query.api_query(&[]), token)
}

pub fn decode_list_response(
    response: &HttpResponse,
    query: &ListQuery,
) -> Result<ListPage<Role>, ApiError> {
    decode_list(
        response,
        "roles",
        clamp_page(query.page),
        effective_limit(query),
    )
}

pub fn get_request(config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
    config.request(Method::Get, &format!("/role/{id}"), &[], token)
}

pub fn create_request(config: &AdminConfig, token: &str, input: &RoleFields) -> HttpRequest {
    config
        .request(Method::Post, "/roles", &[], token)
        .json_body(to_json(input))
}

pub fn update_request(
    config: &AdminConfig,
    token: &str,
    id: i64,
    input: &RoleFields,
) -> HttpRequest {
    config
        .request(Method::Put, &format!("/role/{id}"), &[], token)
        .json_body(to_json(input))
}

pub fn delete_request(config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
    config.request(Method::Delete, &format!("/role/{id}"), &[], token)
}

fn to_json(input: &RoleFields) -> String {
    // Serialising a struct of strings, bools and integers cannot fail.
    serde_json::to_string(input).unwrap_or_default()
}

/// Decodes `{"role": {…}}` from a read (200), create (201) or update (200).
pub fn decode_role(response: &HttpResponse) -> Result<Role, ApiError> {
    decode_wrapped(response, &[200, 201], "role")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::DOCUMENTED_APP_KEY;
    use serde_json::json;

    fn config() -> AdminConfig {
        AdminConfig {
            base_url: "/api/admin".into(),
            version: "1.0".into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        }
    }

    fn draft(name: &str) -> RoleDraft {
        RoleDraft {
            name: name.into(),
            ..RoleDraft::default()
        }
    }

    #[test]
    fn name_length_boundaries() {
        for (name, ok) in [
            ("", false),
            ("A", false),
            ("AB", true),
            (&"N".repeat(32), true),
            (&"N".repeat(33), false),
        ] {
            assert_eq!(draft(name).validate(&[], None).is_ok(), ok, "{name:?}");
        }
        let errors = draft("").validate(&[], None).expect_err("required");
        assert_eq!(errors.get("name"), [REQUIRED]);
    }

    #[test]
    fn name_is_trimmed_and_counted_in_characters() {
        let input = draft("  ÉÉ  ").validate(&[], None).expect("two characters");
        assert_eq!(input.name, "ÉÉ");
        assert!(draft("   ").validate(&[], None).is_err());
    }

    #[test]
    fn name_must_be_unique_except_for_the_role_itself() {
        let taken = vec!["USER".to_string(), "SERVICE".to_string()];
        let errors = draft("USER").validate(&taken, None).expect_err("taken");
        assert_eq!(errors.get("name"), [NAME_TAKEN]);
        assert!(draft("USER").validate(&taken, Some("USER")).is_ok());
        assert!(draft("SERVICE").validate(&taken, Some("USER")).is_err());
        assert!(draft("user").validate(&taken, None).is_ok());
    }

    #[test]
    fn every_integer_field_is_required_and_whole() {
        for (index, field) in INTEGER_FIELDS.iter().enumerate() {
            for (raw, ok) in [
                ("", false),
                ("12", true),
                ("-1", true),
                ("1.5", false),
                ("abc", false),
            ] {
                let mut candidate = draft("OK");
                candidate.numbers[index] = raw.into();
                let result = candidate.validate(&[], None);
                assert_eq!(result.is_ok(), ok, "{field}={raw:?}");
                if !ok {
                    assert_eq!(result.expect_err("invalid").get(field).len(), 1);
                }
            }
        }
    }

    #[test]
    fn draft_round_trips_through_a_role() {
        let documented = json!({
            "is_admin_role": false, "login_ban_by_ip": true, "login_ban_time": 3600, "login_lockout_policy": true,
            "login_max_attempts": 10, "login_timeframe": 900, "name": "TEST_ROLE", "password_policy": true,
            "password_reset_days": 180, "password_reuse_history": 10, "priority": 200
        });
        let mut answer = documented.clone();
        answer["id"] = json!(4);
        answer["created_at"] = json!("2019-11-05T03:14:39+0000");
        answer["updated_at"] = json!("2019-11-05T03:14:39+0000");
        let role: Role =
            serde_json::from_value(answer.clone()).expect("the documented role decodes");
        assert_eq!((role.id, role.fields.name.as_str()), (4, "TEST_ROLE"));
        assert_eq!(
            serde_json::to_value(&role).ok(),
            Some(answer),
            "flattened back to the wire shape"
        );
        let input = RoleDraft::from_role(&role)
            .validate(&[], None)
            .expect("valid");
        assert_eq!(serde_json::to_value(&input).ok(), Some(documented.clone()));
        assert_eq!(validate_payload(&documented), Ok(input));
    }

    #[test]
    fn payload_check_rejects_wrong_types_and_missing_fields() {
        let errors =
            validate_payload(&json!({"name": "X", "is_admin_role": "yes", "priority": 1.5}))
                .expect_err("invalid");
        assert_eq!(errors.get("name").len(), 1);
        assert_eq!(errors.get("is_admin_role"), ["Must be a boolean."]);
        assert_eq!(errors.get("priority"), ["Must be an integer."]);
        assert_eq!(errors.get("login_ban_time"), [REQUIRED]);
        assert!(validate_payload(&json!([1, 2])).is_err());
    }

    #[test]
    fn list_paths_follow_the_documentation() {
        let query = ListQuery {
            page: 2,
            limit: 25,
            order_by: "name.desc",
            filters: vec![],
        };
        let request = list_request(&config(), "t", &query);
        assert_eq!(request.url, "/api/admin/v/1.0/roles/2/25?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx&order_by=name.desc");
        let typed = ListQuery {
            filters: vec![("type", "admin".into())],
            ..query
        };
        assert_eq!(list_path(&typed), "/roles/admin/2");
        assert_eq!(effective_limit(&typed), DEFAULT_LIMIT);
        assert!(
            !list_request(&config(), "t", &typed).url.contains("type="),
            "the type travels in the path"
        );
        let clamped = ListQuery {
            page: 0,
            limit: 500,
            ..LIST.default_query()
        };
        assert_eq!(list_path(&clamped), "/roles/1/100");
        let unknown_type = ListQuery {
            filters: vec![("type", "robot".into())],
            ..LIST.default_query()
        };
        assert_eq!(list_path(&unknown_type), "/roles/1/10");
    }

    #[test]
    fn crud_requests_use_documented_verbs_and_paths() {
        let input = draft("TEST_ROLE").validate(&[], None).expect("valid");
        let create = create_request(&config(), "t", &input);
        assert_eq!(
            (create.method, create.path()),
            (Method::Post, "/api/admin/v/1.0/roles")
        );
        assert_eq!(
            create.header_value("content-type"),
            Some("application/json")
        );
        let update = update_request(&config(), "t", 4, &input);
        assert_eq!(
            (update.method, update.path()),
            (Method::Put, "/api/admin/v/1.0/role/4")
        );
        assert!(update
            .body
            .as_deref()
            .is_some_and(|b| b.contains("\"name\":\"TEST_ROLE\"")));
        let delete = delete_request(&config(), "t", 4);
        assert_eq!(
            (delete.method, delete.path(), delete.body.clone()),
            (Method::Delete, "/api/admin/v/1.0/role/4", None)
        );
        assert_eq!(
            get_request(&config(), "t", 1).path(),
            "/api/admin/v/1.0/role/1"
        );
    }

    #[test]
    fn decodes_documented_role_answers() {
        let body = r#"{"role": {"created_at": "2019-11-05T02:16:56+0000", "id": 1, "is_admin_role": false,
            "login_ban_by_ip": true, "login_ban_time": 1800, "login_lockout_policy": false, "login_max_attempts": 10,
            "login_timeframe": 600, "name": "USER", "password_policy": false, "password_reset_days": 365,
            "password_reuse_history": 10, "priority": 100, "updated_at": "2019-11-05T02:16:56+0000"}}"#;
        assert_eq!(
            decode_role(&HttpResponse::json(200, body.into())).map(|r| r.fields.name),
            Ok("USER".into())
        );
        assert_eq!(
            decode_role(&HttpResponse::json(201, body.into())).map(|r| r.id),
            Ok(1)
        );
        assert!(matches!(
            decode_role(&HttpResponse::json(404, r#"{"error":"Not found"}"#.into())),
            Err(ApiError::NotFound(_))
        ));
        let unique = r#"{"error": {"name": ["Value must be unique."]}}"#;
        let Err(ApiError::Validation(fields)) =
            decode_role(&HttpResponse::json(400, unique.into()))
        else {
            panic!("400")
        };
        assert_eq!(fields.get("name"), ["Value must be unique."]);
        let empty = decode_list_response(&HttpResponse::empty(204), &LIST.default_query())
            .expect("empty page");
        assert!(empty.items.is_empty());
    }
}
