//! The Admin API's rules across resources, beyond what a description
//! says: what a list filter means where it is not a field, which roles an
//! account may hold, the keys every request is checked against, and what
//! a delete takes with it.

use serde_json::Value;
use userdesk_api::admin::administrators::RoleRef;
use userdesk_api::admin::app_keys::APP_KEYS;
use userdesk_api::admin::roles::{Role, RoleType, ROLES};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::terms::TERMS;
use userdesk_api::admin::user_profiles::USER_PROFILES;
use userdesk_api::resource::record::pick;
use userdesk_api::resource::Description;
use userdesk_api::FieldErrors;

use super::AdminServer;

/// Whether `record` passes a filter that names no field of it, or `None`
/// when the filter is a plain field comparison. Roles' `type` is `admin`
/// or `user`, for `is_admin_role`.
pub(super) fn special_filter(
    resource: &Description,
    key: &str,
    value: &str,
    record: &Value,
) -> Option<bool> {
    // A role's payload documents no status, but `GET /roles` takes
    // `?status=`: every simulated role is in use, so Enabled (1).
    if resource.slug == ROLES.slug && key == "status" {
        return Some(value.trim() == "1");
    }
    if resource.slug == ROLES.slug && key == "type" {
        let admin = RoleType::parse(value).map(|kind| kind == RoleType::Admin);
        return Some(
            admin.is_some() && pick(record, "is_admin_role").and_then(Value::as_bool) == admin,
        );
    }
    None
}

/// Rules a payload must meet beyond its description: a user profile needs
/// an existing user without one.
pub(super) fn before_save(
    server: &AdminServer,
    resource: &Description,
    fields: &Value,
    own_id: Option<&str>,
    errors: &mut FieldErrors,
) {
    if resource.slug != USER_PROFILES.slug {
        return;
    }
    let Some(user_id) = pick(fields, "user_id").and_then(Value::as_i64) else {
        return;
    };
    if !server.users.iter().any(|user| user.id == user_id) {
        errors.add("user_id", format!("There is no user {user_id}."));
    } else if server.records(USER_PROFILES.slug).iter().any(|other| {
        pick(other, "user_id").and_then(Value::as_i64) == Some(user_id)
            && resource.id_of(other).as_deref() != own_id
    }) {
        errors.add("user_id", "This user already has a profile.");
    }
}

/// Whether a list's path filter (`/roles/{type}`) takes `value`; any
/// other answers 404.
pub(super) fn path_value_known(resource: &Description, key: &str, value: &str) -> bool {
    !(resource.slug == ROLES.slug && key == "type") || RoleType::parse(value).is_some()
}

/// What a delete takes with it: deleted terms leave every user's accepted
/// terms, deleted roles every account and user that had them.
pub(super) fn after_delete(server: &mut AdminServer, resource: &Description, removed: &Value) {
    let Some(id) = pick(removed, "id").and_then(Value::as_i64) else {
        return;
    };
    if resource.slug == TERMS.slug {
        for user in &mut server.users {
            user.accepted_terms
                .retain(|acceptance| acceptance.terms_id != id);
        }
    } else if resource.slug == ROLES.slug {
        for account in &mut server.accounts {
            account.role_ids.retain(|role_id| *role_id != id);
        }
        for user in &mut server.users {
            user.role_ids.retain(|role_id| *role_id != id);
        }
    }
}

impl AdminServer {
    /// Whether a request's `app_key` may be used: only Enabled keys are.
    pub(super) fn app_key_enabled(&self, key: &str) -> bool {
        let enabled = Value::from(ResourceStatus::Enabled.code());
        self.records(APP_KEYS.slug).iter().any(|record| {
            pick(record, "key").and_then(Value::as_str) == Some(key)
                && pick(record, "status") == Some(&enabled)
        })
    }

    /// Every role, typed, for policies and account views.
    pub(super) fn roles(&self) -> Vec<Role> {
        self.records(ROLES.slug)
            .iter()
            .filter_map(|record| serde_json::from_value(record.clone()).ok())
            .collect()
    }

    /// The roles with these ids, as an account or user shows them.
    pub(super) fn role_refs(&self, ids: &[i64]) -> Vec<RoleRef> {
        self.roles()
            .into_iter()
            .filter(|role| ids.contains(&role.id))
            .map(|role| RoleRef {
                id: role.id,
                name: role.fields.name,
            })
            .collect()
    }

    /// Each id must name an existing role of the wanted kind (admin roles
    /// for administrators, user roles for users).
    pub(super) fn role_kind_errors(&self, errors: &mut FieldErrors, ids: &[i64], admin: bool) {
        let roles = self.roles();
        for id in ids {
            match roles.iter().find(|role| role.id == *id) {
                None => errors.add("roles", format!("There is no role {id}.")),
                Some(role) if role.fields.is_admin_role != admin => {
                    let kind = if admin { "is not" } else { "is" };
                    errors.add(
                        "roles",
                        format!("{} {kind} an administrator role.", role.fields.name),
                    )
                }
                Some(_) => {}
            }
        }
    }
}
