//! The sessions, per API.
//!
//! - Admin: the token and when it ends. The token lives in memory and in
//!   session storage, so a reload keeps the session and closing the tab
//!   ends it. The password is never kept: a re-authentication asks for it.
//! - Profiles: the pasted bearer token, kept the same way.
//! - ERP: the login name and password, in memory only, because every
//!   removal signs in again for a 20-second token; a reload asks again.
//! - Websupport: the API key and secret, in memory only, because every
//!   request is signed with the secret; a reload asks again.

use futures_channel::oneshot;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use userdesk_api::admin::token::TokenGrant;
use userdesk_api::resource::Api;

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.admin.session";
const PROFILES_KEY: &str = "userdesk.profiles.token";

/// The ERP credentials, for a fresh token per removal, and this
/// session's removals, newest first. Never stored: signing out (or a
/// reload) forgets them all.
#[derive(Clone, PartialEq, Eq)]
pub struct ErpSession {
    pub login_name: String,
    pub password: String,
    pub log: Vec<RemovalLogEntry>,
}

/// The Websupport API key and secret, for signing each request, and the
/// login they belong to. Never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct WebsupportSession {
    pub api_key: String,
    pub secret: String,
    pub login: String,
}

impl std::fmt::Debug for WebsupportSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebsupportSession")
            .field("login", &self.login)
            .finish_non_exhaustive()
    }
}

/// One removal this session made, for the page's log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovalLogEntry {
    /// When it finished, `2026-11-24 10:31:05 UTC`.
    pub at: String,
    pub login_name: String,
    pub removed: bool,
    /// What the ERP answered, as explained to the user.
    pub result: String,
}

impl std::fmt::Debug for ErpSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ErpSession")
            .field("login_name", &self.login_name)
            .finish_non_exhaustive()
    }
}

/// A signed-in administrator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSession {
    pub token: String,
    pub username: String,
    pub user_id: i64,
    /// Milliseconds since the epoch, as `Date.now()` counts.
    pub expires_at_ms: f64,
}

impl AdminSession {
    pub fn from_grant(grant: TokenGrant, now_ms: f64) -> Self {
        AdminSession {
            expires_at_ms: now_ms + grant.expiration as f64 * 1000.0,
            token: grant.token,
            username: grant.username,
            user_id: grant.user_id,
        }
    }

    /// Whole seconds left, never negative.
    pub fn remaining_seconds(&self, now_ms: f64) -> u64 {
        ((self.expires_at_ms - now_ms) / 1000.0).max(0.0) as u64
    }
}

/// Session state shared by the app.
#[derive(Clone, Copy)]
pub struct Session {
    pub admin: RwSignal<Option<AdminSession>>,
    /// The Profiles API's bearer token.
    pub profiles: RwSignal<Option<String>>,
    pub erp: RwSignal<Option<ErpSession>>,
    pub websupport: RwSignal<Option<WebsupportSession>>,
    /// Calls waiting for the user to sign in to their API again after a
    /// 401; the answer `true` means "send it once more".
    pub waiting: RwSignal<Vec<(Api, oneshot::Sender<bool>)>>,
    /// Whether the Admin sign-in asked for is a voluntary renewal (the
    /// token still lives).
    pub renewing: RwSignal<bool>,
}

/// Seconds before the end of a session when renewal is offered.
pub const RENEW_WINDOW_SECONDS: u64 = 300;

impl Session {
    /// Restores a session from this tab's storage, if any.
    pub fn restore() -> Self {
        let saved = storage::read(Store::Session, STORAGE_KEY)
            .and_then(|text| serde_json::from_str::<AdminSession>(&text).ok());
        let token = storage::read(Store::Session, PROFILES_KEY).filter(|t| !t.is_empty());
        Session {
            admin: RwSignal::new(saved),
            profiles: RwSignal::new(token),
            erp: RwSignal::new(None),
            websupport: RwSignal::new(None),
            waiting: RwSignal::new(Vec::new()),
            renewing: RwSignal::new(false),
        }
    }

    /// Starts (or renews) the Admin session from a grant.
    pub fn begin_admin(&self, session: AdminSession) {
        if let Ok(text) = serde_json::to_string(&session) {
            storage::write(Store::Session, STORAGE_KEY, &text);
        }
        self.admin.set(Some(session));
    }

    /// Follows a change of the signed-in account's username.
    pub fn rename(&self, username: &str) {
        if let Some(mut session) = self.admin.get_untracked() {
            session.username = username.to_string();
            self.begin_admin(session);
        }
    }

    /// Ends the Admin session: memory and storage.
    pub fn end_admin(&self) {
        storage::remove(Store::Session, STORAGE_KEY);
        self.admin.set(None);
        self.finish_sign_in(Api::Admin, false);
    }

    /// Starts a Profiles session with a token that worked.
    pub fn begin_profiles(&self, token: String) {
        storage::write(Store::Session, PROFILES_KEY, &token);
        self.profiles.set(Some(token));
    }

    /// Ends the Profiles session: memory and storage.
    pub fn end_profiles(&self) {
        storage::remove(Store::Session, PROFILES_KEY);
        self.profiles.set(None);
        self.finish_sign_in(Api::Profiles, false);
    }

    /// Asks the user to sign in to `api` again, and waits until they do
    /// (`true`) or give up (`false`).
    pub async fn wait_for_sign_in(&self, api: Api) -> bool {
        let (sender, receiver) = oneshot::channel();
        self.waiting.update(|waiting| waiting.push((api, sender)));
        receiver.await.unwrap_or(false)
    }

    /// Asks the user to sign in to `api` again, with nothing waiting for it.
    pub fn ask_sign_in(&self, api: Api) {
        let (sender, _) = oneshot::channel();
        self.waiting.update(|waiting| waiting.push((api, sender)));
    }

    /// The API whose sign-in is asked for, if any (tracked).
    pub fn asking(&self) -> Option<Api> {
        self.waiting
            .with(|waiting| waiting.first().map(|(api, _)| *api))
    }

    /// Asks for the Admin password now, before the token ends.
    pub fn renew(&self) {
        self.renewing.set(true);
        self.ask_sign_in(Api::Admin);
    }

    /// Releases every call waiting for a sign-in to `api`.
    pub fn finish_sign_in(&self, api: Api, retry: bool) {
        if api == Api::Admin {
            self.renewing.try_set(false);
        }
        let released: Vec<_> = self
            .waiting
            .try_update(|waiting| {
                waiting
                    .extract_if(.., |(waiting_for, _)| *waiting_for == api)
                    .collect()
            })
            .unwrap_or_default();
        for (_, waiter) in released {
            let _ = waiter.send(retry);
        }
    }
}

/// Formats seconds as `3:59:12` or `4:05`.
pub fn format_remaining(seconds: u64) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{secs:02}")
    } else {
        format!("{minutes}:{secs:02}")
    }
}
