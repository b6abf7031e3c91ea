//! `GET /token`: Basic `username:password` in, a timed token out.
//!
//! Failures, as documented: 401 "Bad credentials", 401 "Account locked"
//! (lockout policy of the account's highest-priority role), 403 "Password
//! expired" (password policy), 403 "Permission denied" (not an administrator).

use serde_json::json;
use userdesk_api::admin::logins::{Login, LOGINS};
use userdesk_api::admin::roles::Role;
use userdesk_api::base64::parse_basic_auth;
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpRequest, HttpResponse};

use super::{AdminServer, IssuedToken};
use crate::json::{error, ok};
use crate::Rng;

impl AdminServer {
    pub(super) fn grant_token(
        &mut self,
        request: &HttpRequest,
        now: i64,
        rng: &mut Rng,
    ) -> HttpResponse {
        let Some((username, password)) = request
            .header_value("Authorization")
            .and_then(parse_basic_auth)
        else {
            return error(401, "Bad credentials");
        };
        let policy = self.policy_role_for(&username);
        let Some(account) = self
            .accounts
            .iter_mut()
            .find(|a| a.fields.username == username)
        else {
            // Users exist, with their own passwords, but may not use this API.
            let user_with_password = self
                .users
                .iter()
                .any(|u| u.username == username && u.password.matches(&password));
            return if user_with_password {
                error(403, "Permission denied")
            } else {
                error(401, "Bad credentials")
            };
        };
        if account.locked_until.is_some_and(|until| until > now) {
            return error(401, "Account locked");
        }
        account.locked_until = None;
        if !account.password_matches(&password) {
            if let Some(role) = policy
                .as_ref()
                .map(|r| &r.fields)
                .filter(|r| r.login_lockout_policy)
            {
                account
                    .failed_logins
                    .retain(|&at| at > now - role.login_timeframe);
                account.failed_logins.push(now);
                if account.failed_logins.len() as i64 >= role.login_max_attempts {
                    account.failed_logins.clear();
                    account.locked_until = Some(now + role.login_ban_time);
                    return error(401, "Account locked");
                }
            }
            return error(401, "Bad credentials");
        }
        account.failed_logins.clear();
        if let Some(role) = policy
            .as_ref()
            .map(|r| &r.fields)
            .filter(|r| r.password_policy)
        {
            if now - account.password_changed_at > role.password_reset_days * 86_400 {
                return error(403, "Password expired");
            }
        }
        if !account.is_admin {
            return error(403, "Permission denied");
        }
        let (account_id, username) = (account.id, account.fields.username.clone());
        self.tokens.retain(|issued| issued.expires_at > now);
        let token = format!("sim.{}", rng.hex(48));
        self.tokens.push(IssuedToken {
            token: token.clone(),
            account_id,
            expires_at: now + self.token_lifetime as i64,
        });
        ok(
            200,
            &json!({
                "expiration": self.token_lifetime,
                "token": token,
                "user_id": account_id,
                "username": username,
            }),
        )
    }

    /// The role whose policies apply: the account's role with the lowest priority number.
    fn policy_role_for(&self, username: &str) -> Option<Role> {
        let account = self
            .accounts
            .iter()
            .find(|a| a.fields.username == username)?;
        self.roles()
            .into_iter()
            .filter(|role| account.role_ids.contains(&role.id))
            .min_by_key(|role| role.fields.priority)
    }
}

impl AdminServer {
    /// Adds a `GET /token` attempt to the login audit trail (API 1, admin).
    pub(super) fn record_login(&mut self, request: &HttpRequest, success: bool, now: i64) {
        let username = request
            .header_value("Authorization")
            .and_then(parse_basic_auth)
            .map(|(username, _)| username)
            .unwrap_or_default();
        let user_id = self
            .accounts
            .iter()
            .find(|a| a.fields.username == username)
            .map(|a| a.id);
        let stamp = format_timestamp(now);
        let login = Login {
            id: 0,
            api: 1,
            attempt_date: stamp.clone(),
            // The simulator does not see the caller's address.
            ip_address: "127.0.0.1".to_string(),
            success,
            user_id,
            username,
            created_at: stamp.clone(),
            updated_at: stamp,
        };
        if let Ok(record) = serde_json::to_value(login) {
            self.collections
                .entry(LOGINS.slug.to_string())
                .or_default()
                .push(record);
        }
    }
}
