//! How the simulator keeps passwords: never as typed.
//!
//! A password typed into Demo is kept only as PBKDF2-HMAC-SHA256 with a
//! per-hash salt and [`ITERATIONS`] rounds, about 20–50 ms in the browser,
//! so a copy of the Demo data in local storage does not give the password
//! away cheaply. The seeded accounts' passwords are the documentation's own
//! (`admin1pass`, `{username}Pass!`); they are kept as a marker naming the
//! seed, so the stored state holds no password at all, seeded or typed.
//!
//! ## Usage
//! ```
//! use userdesk_sim::password::PasswordHash;
//! let hash = PasswordHash::new("Secret#123", "admin:7:1700000000");
//! assert!(hash.matches("Secret#123"));
//! assert!(!hash.matches("secret#123"));
//! ```

use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// PBKDF2 rounds for a typed password.
pub const ITERATIONS: u32 = 20_000;
const HASH_BYTES: usize = 32;

/// A stored password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PasswordHash {
    /// No password can sign in (a record created without one).
    Unset,
    /// The documented password of a seeded account, derived from its seed name.
    Seeded { seed: String },
    /// A typed password: PBKDF2-HMAC-SHA256, hex-encoded.
    Pbkdf2 {
        salt: String,
        iterations: u32,
        hash: String,
    },
}

impl PasswordHash {
    /// Hashes a typed password. `salt` must differ per account and change
    /// (an account id and the time of the change do).
    pub fn new(password: &str, salt: &str) -> Self {
        PasswordHash::Pbkdf2 {
            salt: salt.to_string(),
            iterations: ITERATIONS,
            hash: derive(password, salt, ITERATIONS),
        }
    }

    /// Whether `password` is the one stored.
    pub fn matches(&self, password: &str) -> bool {
        match self {
            PasswordHash::Unset => false,
            PasswordHash::Seeded { seed } => password == documented_password(seed),
            PasswordHash::Pbkdf2 {
                salt,
                iterations,
                hash,
            } => constant_time_eq(&derive(password, salt, *iterations), hash),
        }
    }
}

/// The documented password of a seeded account: `admin1pass` for the
/// documentation's `admin1`, `{seed}Pass!` for every other seed.
pub fn documented_password(seed: &str) -> String {
    if seed == "admin1" {
        "admin1pass".to_string()
    } else {
        format!("{seed}Pass!")
    }
}

fn derive(password: &str, salt: &str, iterations: u32) -> String {
    let mut out = [0u8; HASH_BYTES];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt.as_bytes(), iterations, &mut out);
    out.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_rfc_7914_pbkdf2_sha256_vector() {
        // RFC 7914 §11: P = "passwd", S = "salt", c = 1, dkLen = 64 (first 32 bytes).
        assert_eq!(
            derive("passwd", "salt", 1),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
    }

    #[test]
    fn typed_passwords_are_salted_and_never_kept() {
        let one = PasswordHash::new("Secret#123", "admin:7:1");
        let other = PasswordHash::new("Secret#123", "admin:8:1");
        assert_ne!(one, other, "the salt changes the hash");
        let stored = serde_json::to_string(&one).expect("serialises");
        assert!(!stored.contains("Secret"), "{stored}");
        assert!(one.matches("Secret#123") && !one.matches("Secret#124"));
    }

    #[test]
    fn seeded_accounts_keep_a_marker_not_a_password() {
        let admin = PasswordHash::Seeded {
            seed: "admin1".into(),
        };
        assert!(admin.matches("admin1pass"));
        let user = PasswordHash::Seeded {
            seed: "user3".into(),
        };
        assert!(user.matches("user3Pass!") && !user.matches("user3pass"));
        assert!(!serde_json::to_string(&user)
            .expect("serialises")
            .contains("Pass!"));
        assert!(!PasswordHash::Unset.matches(""));
    }
}
