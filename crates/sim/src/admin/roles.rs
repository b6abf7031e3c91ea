//! `/roles…` and `/role/{id}`.

use serde_json::json;
use userdesk_api::admin::roles::{validate_payload, Role, RoleFields, RoleType, LIST, NAME_TAKEN};
use userdesk_api::time::format_timestamp;
use userdesk_api::{FieldErrors, HttpResponse, Method};

use super::list::{order, page_of, paging};
use super::{json_body, AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};

impl AdminServer {
    /// Each id must name an existing role of the wanted kind (admin roles
    /// for administrators, user roles for users).
    pub(super) fn role_kind_errors(&self, errors: &mut FieldErrors, ids: &[i64], admin: bool) {
        for id in ids {
            match self.roles.iter().find(|role| role.id == *id) {
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

    pub(super) fn handle_roles(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        match (segments[0], call.method, segments.len()) {
            ("roles", Method::Get, 1..=3) => self.list_roles(call),
            ("roles", Method::Post, 1) => self.create_role(call, now),
            ("role", Method::Get, 2) => match self.find_role(segments[1]) {
                Some(role) => ok(200, &json!({ "role": role })),
                None => error(404, "Role not found"),
            },
            ("role", Method::Put, 2) => self.update_role(call, now),
            ("role", Method::Delete, 2) => self.delete_role(segments[1]),
            ("roles", _, 1) | ("role", _, 2) => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    fn find_role(&self, key: &str) -> Option<&Role> {
        match key.parse::<i64>() {
            Ok(id) => self.roles.iter().find(|role| role.id == id),
            Err(_) => self.roles.iter().find(|role| role.fields.name == key),
        }
    }

    fn list_roles(&self, call: &Call) -> HttpResponse {
        // /roles, /roles/{page}, /roles/{page}/{limit}, /roles/{type}, /roles/{type}/{page}
        let rest = &call.segments[1..];
        let (role_type, numbers) = match rest.first().and_then(|s| RoleType::parse(s)) {
            Some(_) if rest.len() > 2 => return error(404, "Not found"),
            Some(role_type) => (Some(role_type), &rest[1..]),
            None => (None, rest),
        };
        let paging = match paging(numbers) {
            Ok(paging) => paging,
            Err(response) => return response,
        };
        let (column, ascending) = order(call.request.query("order_by"), LIST.orders);
        let mut roles: Vec<&Role> = self
            .roles
            .iter()
            .filter(|role| {
                role_type.is_none_or(|t| role.fields.is_admin_role == (t == RoleType::Admin))
            })
            .collect();
        match column {
            "name" => roles.sort_by(|a, b| a.fields.name.cmp(&b.fields.name)),
            _ => roles.sort_by_key(|r| r.id),
        }
        if !ascending {
            roles.reverse();
        }
        let base = match role_type {
            Some(t) => format!("{}/roles/{}", call.prefix, t.as_str()),
            None => format!("{}/roles", call.prefix),
        };
        let limit = paging.limit;
        page_of("roles", roles, &paging, |p| match role_type {
            Some(_) => format!("{base}/{p}"),
            None => format!("{base}/{p}/{limit}"),
        })
    }

    fn checked_input(&self, call: &Call, own_id: Option<i64>) -> Result<RoleFields, HttpResponse> {
        let body = json_body(call.request)?;
        let input =
            validate_payload(&body).map_err(|errors| field_errors(errors.to_nested_json()))?;
        if self
            .roles
            .iter()
            .any(|r| r.fields.name == input.name && Some(r.id) != own_id)
        {
            let mut errors = FieldErrors::new();
            errors.add("name", NAME_TAKEN);
            return Err(field_errors(errors.to_nested_json()));
        }
        Ok(input)
    }

    fn create_role(&mut self, call: &Call, now: i64) -> HttpResponse {
        let input = match self.checked_input(call, None) {
            Ok(input) => input,
            Err(response) => return response,
        };
        let stamp = format_timestamp(now);
        let role = apply(input, self.next_role_id, stamp.clone(), stamp);
        self.next_role_id += 1;
        self.roles.push(role.clone());
        ok(201, &json!({ "role": role }))
    }

    fn update_role(&mut self, call: &Call, now: i64) -> HttpResponse {
        let Some(existing) = call.segments[1]
            .parse::<i64>()
            .ok()
            .and_then(|id| self.roles.iter().position(|r| r.id == id))
        else {
            return error(404, "Role not found");
        };
        let id = self.roles[existing].id;
        let input = match self.checked_input(call, Some(id)) {
            Ok(input) => input,
            Err(response) => return response,
        };
        let created_at = self.roles[existing].created_at.clone();
        let role = apply(input, id, created_at, format_timestamp(now));
        self.roles[existing] = role.clone();
        ok(200, &json!({ "role": role }))
    }

    fn delete_role(&mut self, key: &str) -> HttpResponse {
        let Some(index) = key
            .parse::<i64>()
            .ok()
            .and_then(|id| self.roles.iter().position(|r| r.id == id))
        else {
            return error(404, "Role not found");
        };
        let id = self.roles.remove(index).id;
        for account in &mut self.accounts {
            account.role_ids.retain(|&role_id| role_id != id);
        }
        no_content()
    }
}

fn apply(fields: RoleFields, id: i64, created_at: String, updated_at: String) -> Role {
    Role {
        id,
        fields,
        created_at,
        updated_at,
    }
}
