//! Profiles API (`002_e938d66f45173766.txt`): `Authorization: Bearer <token>`,
//! with a token the user pastes. The console keeps it as a session token:
//! in memory and in the tab's session storage, removed at sign-out.

pub mod contacts;
pub mod dialect;
pub mod profile;

use crate::http::{query_string, HttpRequest, Method};
use crate::validation::{FieldErrors, REQUIRED};

// Every Profiles API resource: profiles in the menu, their contacts
// reached from a profile's page.
crate::registry! {
    sections: [("Profiles", [profile::PROFILES])],
    nested: [contacts::CONTACTS],
}

/// Where and with which token to call the Profiles API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfilesConfig {
    pub base_url: String,
    pub token: String,
}

impl ProfilesConfig {
    /// A request with the bearer token.
    pub fn request(&self, method: Method, path: &str, query: &[(&str, String)]) -> HttpRequest {
        let url = format!(
            "{}{}{}",
            self.base_url.trim_end_matches('/'),
            path,
            query_string(query)
        );
        HttpRequest::new(method, url)
            .header("Authorization", format!("Bearer {}", self.token.trim()))
            .header("Accept", "application/json")
    }

    /// Checks the settings a user typed or pasted.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.base_url.trim().is_empty() {
            errors.add("base_url", REQUIRED);
        }
        check_token(&mut errors, &self.token);
        errors.into_result(())
    }
}

/// A pasted token is required and bare: no `Bearer ` in front, no spaces.
pub fn check_token(errors: &mut FieldErrors, token: &str) {
    let token = token.trim();
    if token.is_empty() {
        errors.add("token", REQUIRED);
    } else if token.starts_with("Bearer ") || token.chars().any(char::is_whitespace) {
        errors.add(
            "token",
            "Paste only the token itself, without “Bearer” or spaces.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_sends_the_bearer_token() {
        let config = ProfilesConfig {
            base_url: "https://p.example/".into(),
            token: " abc.def ".into(),
        };
        let request = config.request(
            Method::Get,
            "/profiles",
            &[("limit", "10".into()), ("filter[name]", "Jo".into())],
        );
        assert_eq!(
            request.url,
            "https://p.example/profiles?limit=10&filter%5Bname%5D=Jo"
        );
        assert_eq!(
            request.header_value("Authorization"),
            Some("Bearer abc.def")
        );
    }

    #[test]
    fn pasted_token_must_be_bare() {
        let config = |token: &str| ProfilesConfig {
            base_url: "/p".into(),
            token: token.into(),
        };
        assert!(config("abc.def").validate().is_ok());
        assert!(config("").validate().is_err());
        assert!(config("Bearer abc").validate().is_err());
        assert!(config("ab c").validate().is_err());
    }
}
