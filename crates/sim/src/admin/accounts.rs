//! Accounts that can sign in (administrators, later users), and the
//! signed-in account's own endpoints: `/user_account` and its password.

use serde::{Deserialize, Serialize};
use serde_json::json;
use userdesk_api::admin::account::{
    AccountFields, PasswordChange, UserAccount, WRONG_PREVIOUS_PASSWORD,
};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::time::format_timestamp;
use userdesk_api::{FieldErrors, HttpResponse, Method};

use super::{json_body, AdminServer, Call};
use crate::json::{error, field_errors, ok};
use crate::password::PasswordHash;

pub use userdesk_api::admin::rules::{EMAIL_TAKEN, USERNAME_TAKEN};

/// A stored account with its sign-in state.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub fields: AccountFields,
    /// Never the password itself: see [`PasswordHash`].
    pub password: PasswordHash,
    pub is_admin: bool,
    pub role_ids: Vec<i64>,
    pub joined_at: String,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub password_changed_at: i64,
    /// Times of failed sign-ins still inside the lockout window.
    pub failed_logins: Vec<i64>,
    pub locked_until: Option<i64>,
}

impl Account {
    pub fn new(
        id: i64,
        fields: AccountFields,
        password: PasswordHash,
        is_admin: bool,
        role_ids: Vec<i64>,
        now: i64,
    ) -> Self {
        Account {
            id,
            fields,
            password,
            is_admin,
            role_ids,
            joined_at: format_timestamp(now),
            status: ResourceStatus::Enabled,
            status_changed_at: format_timestamp(now),
            created_at: format_timestamp(now),
            updated_at: format_timestamp(now),
            password_changed_at: now,
            failed_logins: Vec::new(),
            locked_until: None,
        }
    }

    pub fn password_matches(&self, password: &str) -> bool {
        self.password.matches(password)
    }

    pub fn set_password(&mut self, password: &str, now: i64) {
        self.password = PasswordHash::new(password, &salt("administrator", self.id, now));
        self.password_changed_at = now;
    }

    /// The `/user_account` view of this account.
    pub fn view(&self, prefix: &str) -> UserAccount {
        let kind = if self.is_admin {
            "administrator"
        } else {
            "user"
        };
        UserAccount {
            id: self.id,
            fields: self.fields.clone(),
            joined_at: self.joined_at.clone(),
            password_changed_at: format_timestamp(self.password_changed_at),
            uri: format!("{prefix}/{kind}/{}", self.id),
        }
    }
}

/// A salt unique to one password of one record: its kind, id and the time
/// it was set. Not tied to the username, so a rename keeps the password.
pub(super) fn salt(kind: &str, id: i64, now: i64) -> String {
    format!("{kind}:{id}:{now}")
}

impl AdminServer {
    pub(super) fn handle_user_account(
        &mut self,
        call: &Call,
        account_id: i64,
        now: i64,
    ) -> HttpResponse {
        match (call.segments.as_slice(), call.method) {
            (["user_account"], Method::Get) => self.read_account(account_id, &call.prefix),
            (["user_account"], Method::Put) => self.update_account(call, account_id),
            (["user_account", "password"], Method::Put) => {
                self.change_password(call, account_id, now)
            }
            (["user_account"], _) | (["user_account", "password"], _) => {
                error(405, "Method not allowed")
            }
            _ => error(404, "Not found"),
        }
    }

    /// Usernames and emails are unique across every account.
    pub(super) fn uniqueness_errors(
        &self,
        fields: &AccountFields,
        own_id: Option<i64>,
    ) -> FieldErrors {
        let others = self
            .accounts
            .iter()
            .filter(|a| Some(a.id) != own_id)
            .map(|a| (a.fields.username.as_str(), a.fields.email.as_str()));
        taken_errors(others, &fields.username, &fields.email)
    }

    fn read_account(&self, account_id: i64, prefix: &str) -> HttpResponse {
        match self.accounts.iter().find(|a| a.id == account_id) {
            Some(account) => ok(200, &json!({ "user_account": account.view(prefix) })),
            None => error(404, "Not found"),
        }
    }

    fn update_account(&mut self, call: &Call, account_id: i64) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let fields = match AccountFields::from_payload(&body) {
            Ok(fields) => fields,
            Err(errors) => return field_errors(errors.to_nested_json()),
        };
        let errors = self.uniqueness_errors(&fields, Some(account_id));
        if !errors.is_empty() {
            return field_errors(errors.to_nested_json());
        }
        let Some(account) = self.accounts.iter_mut().find(|a| a.id == account_id) else {
            return error(404, "Not found");
        };
        account.fields = fields;
        ok(200, &json!({ "user_account": account.view(&call.prefix) }))
    }

    fn change_password(&mut self, call: &Call, account_id: i64, now: i64) -> HttpResponse {
        let body = match json_body(call.request) {
            Ok(body) => body,
            Err(response) => return response,
        };
        let change: PasswordChange = serde_json::from_value(body).unwrap_or_default();
        let Some(account) = self.accounts.iter_mut().find(|a| a.id == account_id) else {
            return error(404, "Not found");
        };
        let mut errors = change.validate().err().unwrap_or_default();
        if !change.previous_password.is_empty()
            && !account.password_matches(&change.previous_password)
        {
            errors.add("previous_password", WRONG_PREVIOUS_PASSWORD);
        }
        if errors.get("password1").is_empty() && account.password_matches(&change.password1) {
            errors.add(
                "password1",
                "The new password must differ from the current one.",
            );
        }
        if !errors.is_empty() {
            return field_errors(errors.to_nested_json());
        }
        account.set_password(&change.password1, now);
        ok(200, &json!({ "success": "true" }))
    }
}

/// Errors for a username or email that another record already uses
/// (emails compared without case). `others` are `(username, email)` pairs.
pub(super) fn taken_errors<'a>(
    others: impl Iterator<Item = (&'a str, &'a str)>,
    username: &str,
    email: &str,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let (mut username_taken, mut email_taken) = (false, false);
    for (other_username, other_email) in others {
        username_taken |= other_username == username;
        email_taken |= other_email.eq_ignore_ascii_case(email);
    }
    if username_taken {
        errors.add("username", USERNAME_TAKEN);
    }
    if email_taken {
        errors.add("email", EMAIL_TAKEN);
    }
    errors
}
