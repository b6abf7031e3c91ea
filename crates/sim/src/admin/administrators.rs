//! `/administrators…` and `/administrator/{id}`: the accounts with `is_admin`.

use serde_json::{json, Value};
use userdesk_api::admin::administrators::{Administrator, AdministratorFields, ADMINISTRATORS};
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpResponse, Method};

use super::accounts::salt;
use super::store::{serve_list, validated};
use super::{Account, AdminServer, Call};
use crate::json::{error, no_content, ok};
use crate::password::PasswordHash;

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
        let roles = self.role_refs(&account.role_ids);
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
        let views: Vec<Value> = (0..self.accounts.len())
            .filter(|&i| self.accounts[i].is_admin)
            .filter_map(|i| serde_json::to_value(self.administrator_view(i, &call.prefix)).ok())
            .collect();
        serve_list(call, &ADMINISTRATORS, &views)
    }

    fn save_administrator(
        &mut self,
        call: &Call,
        existing: Option<usize>,
        now: i64,
    ) -> HttpResponse {
        let own_id = existing.map(|index| self.accounts[index].id);
        let checked = validated(
            call,
            &ADMINISTRATORS,
            existing.is_some(),
            |fields: &AdministratorFields| {
                let mut errors = self.uniqueness_errors(&fields.account, own_id);
                self.role_kind_errors(&mut errors, &fields.roles, true);
                errors
            },
        );
        let fields = match checked {
            Ok(fields) => fields,
            Err(response) => return response,
        };
        let stamp = format_timestamp(now);
        let index = match existing {
            Some(index) => index,
            None => {
                let id = self.next_account_id;
                self.next_account_id += 1;
                let password = match &fields.password {
                    Some(typed) => PasswordHash::new(typed, &salt("administrator", id, now)),
                    None => PasswordHash::Unset,
                };
                self.accounts.push(Account::new(
                    id,
                    fields.account.clone(),
                    password,
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
