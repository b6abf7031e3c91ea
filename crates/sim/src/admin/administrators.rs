//! `/administrators…` and `/administrator/{id}`: the accounts with `is_admin`.

use serde_json::json;
use userdesk_api::admin::administrators::{
    validate_payload, Administrator, AdministratorFields, RoleRef, LIST,
};
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpResponse, Method};

use super::list::{order, page_of, paging};
use super::{json_body, Account, AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};

impl AdminServer {
    pub(super) fn handle_administrators(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        match (segments[0], call.method, segments.len()) {
            ("administrators", Method::Get, 1..=3) => self.list_administrators(call),
            ("administrators", Method::Post, 1) => self.save_administrator(call, None, now),
            ("administrator", Method::Get, 2) => match self.find_administrator(segments[1]) {
                Some(index) => ok(
                    200,
                    &json!({ "administrator": self.administrator_view(index, &call.prefix) }),
                ),
                None => error(404, "Administrator not found"),
            },
            ("administrator", Method::Put, 2) => match self.find_administrator(segments[1]) {
                Some(index) => self.save_administrator(call, Some(index), now),
                None => error(404, "Administrator not found"),
            },
            ("administrator", Method::Delete, 2) => match self.find_administrator(segments[1]) {
                Some(index) => {
                    let id = self.accounts.remove(index).id;
                    self.tokens.retain(|t| t.account_id != id);
                    no_content()
                }
                None => error(404, "Administrator not found"),
            },
            ("administrators", _, 1) | ("administrator", _, 2) => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    fn find_administrator(&self, id: &str) -> Option<usize> {
        let id = id.parse::<i64>().ok()?;
        self.accounts.iter().position(|a| a.is_admin && a.id == id)
    }

    fn administrator_view(&self, index: usize, prefix: &str) -> Administrator {
        let account = &self.accounts[index];
        let roles = self
            .roles
            .iter()
            .filter(|role| account.role_ids.contains(&role.id))
            .map(|role| RoleRef {
                id: role.id,
                name: role.fields.name.clone(),
            })
            .collect();
        Administrator {
            id: account.id,
            account: account.fields.clone(),
            joined_at: account.joined_at.clone(),
            password_changed_at: format_timestamp(account.password_changed_at),
            roles,
            status: account.status,
            status_changed_at: account.status_changed_at.clone(),
            created_at: account.created_at.clone(),
            updated_at: account.updated_at.clone(),
            uri: format!("{prefix}/administrator/{}", account.id),
        }
    }

    fn list_administrators(&self, call: &Call) -> HttpResponse {
        let paging = match paging(&call.segments[1..]) {
            Ok(paging) => paging,
            Err(response) => return response,
        };
        let status = call
            .request
            .query("status")
            .and_then(|s| s.parse::<u8>().ok());
        let role = call
            .request
            .query("role")
            .and_then(|s| s.parse::<i64>().ok());
        let (column, ascending) = order(call.request.query("order_by"), LIST.orders);
        let mut indexes: Vec<usize> = (0..self.accounts.len())
            .filter(|&i| {
                let account = &self.accounts[i];
                account.is_admin
                    && status.is_none_or(|code| account.status.code() == code)
                    && role.is_none_or(|id| account.role_ids.contains(&id))
            })
            .collect();
        let key = |i: &usize| -> (String, i64) {
            let account = &self.accounts[*i];
            match column {
                "username" => (account.fields.username.clone(), account.id),
                // The fixed format sorts as text in time order.
                "joined_at" => (account.joined_at.clone(), account.id),
                _ => (String::new(), account.id),
            }
        };
        indexes.sort_by_key(key);
        if !ascending {
            indexes.reverse();
        }
        let views: Vec<Administrator> = indexes
            .into_iter()
            .map(|i| self.administrator_view(i, &call.prefix))
            .collect();
        let (prefix, limit) = (call.prefix.clone(), paging.limit);
        page_of("administrators", views, &paging, |p| {
            format!("{prefix}/administrators/{p}/{limit}")
        })
    }

    fn save_administrator(
        &mut self,
        call: &Call,
        existing: Option<usize>,
        now: i64,
    ) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let fields: AdministratorFields = match validate_payload(&body, existing.is_none()) {
            Ok(fields) => fields,
            Err(errors) => return field_errors(errors.to_nested_json()),
        };
        let own_id = existing.map(|index| self.accounts[index].id);
        let mut errors = self.uniqueness_errors(&fields.account, own_id);
        for id in &fields.roles {
            match self.roles.iter().find(|role| role.id == *id) {
                None => errors.add("roles", format!("There is no role {id}.")),
                Some(role) if !role.fields.is_admin_role => errors.add(
                    "roles",
                    format!("{} is not an administrator role.", role.fields.name),
                ),
                Some(_) => {}
            }
        }
        if !errors.is_empty() {
            return field_errors(errors.to_nested_json());
        }
        let stamp = format_timestamp(now);
        let index = match existing {
            Some(index) => index,
            None => {
                let id = self.next_account_id;
                self.next_account_id += 1;
                let password = fields.password.clone().unwrap_or_default();
                self.accounts.push(Account::new(
                    id,
                    fields.account.clone(),
                    &password,
                    true,
                    Vec::new(),
                    now,
                ));
                self.accounts.len() - 1
            }
        };
        let account = &mut self.accounts[index];
        if existing.is_some() {
            if let Some(password) = &fields.password {
                account.set_password(password, now);
            }
            if account.status != fields.status {
                account.status_changed_at = stamp.clone();
            }
        }
        account.fields = fields.account;
        account.joined_at = fields.joined_at;
        account.role_ids = fields.roles;
        account.status = fields.status;
        account.updated_at = stamp;
        let view = self.administrator_view(index, &call.prefix);
        let status = if existing.is_some() { 200 } else { 201 };
        ok(status, &json!({ "administrator": view }))
    }
}
