//! Accounts that can sign in: administrators (and, later, users).

use serde::{Deserialize, Serialize};

/// A stored account with its sign-in state.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    /// Salted FNV-1a digest: the simulator never keeps a plain password.
    pub password_digest: String,
    pub is_admin: bool,
    pub role_ids: Vec<i64>,
    pub password_changed_at: i64,
    /// Times of failed sign-ins still inside the lockout window.
    pub failed_logins: Vec<i64>,
    pub locked_until: Option<i64>,
}

impl Account {
    pub fn new(
        id: i64,
        username: &str,
        password: &str,
        is_admin: bool,
        role_ids: Vec<i64>,
        now: i64,
    ) -> Self {
        Account {
            id,
            username: username.to_string(),
            password_digest: digest(username, password),
            is_admin,
            role_ids,
            password_changed_at: now,
            failed_logins: Vec::new(),
            locked_until: None,
        }
    }

    pub fn password_matches(&self, password: &str) -> bool {
        self.password_digest == digest(&self.username, password)
    }
}

fn digest(salt: &str, password: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in salt.bytes().chain([0]).chain(password.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a:{hash:016x}")
}
