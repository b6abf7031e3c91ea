//! Websupport REST v1 user management (`000_09331165352631c2.txt`).
//!
//! Every request is signed: HTTP Basic `apiKey:signature`, where the signature
//! is the lowercase hex HMAC-SHA1, keyed with the API secret, of
//! `"{METHOD} {path} {unix time}"`, the path without its query string. The
//! time travels in the `Date` header upstream, in ISO 8601's basic form
//! (`20190123T104657Z`); browsers may not set `Date`, so the console sends
//! [`TIME_HEADER`] and the deployment's proxy copies it into `Date`.

pub mod billing;
pub mod dialect;
pub mod domain_profiles;
pub mod rules;
pub mod users;

use crate::base64::basic_auth;
use crate::hmac::{hmac_sha1, to_hex};
use crate::http::{HttpRequest, Method};
use crate::time::format_basic;
use crate::validation::{FieldErrors, REQUIRED};

// Every Websupport resource: users in the menu; their billing and domain
// profiles reached from a user's page. The sign-up and the password
// restore have pages of their own.
crate::registry! {
    sections: [("Websupport", [users::USERS])],
    nested: [billing::BILLING, domain_profiles::DOMAIN_PROFILES],
}

/// The header carrying the request time from the browser.
pub const TIME_HEADER: &str = "X-Date";

/// Where and as whom to call the Websupport API. The secret stays in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebsupportConfig {
    /// Absolute, or relative behind a same-origin proxy (e.g. `/api/websupport`).
    pub base_url: String,
    pub api_key: String,
    pub secret: String,
}

/// The signature for one request: lowercase hex HMAC-SHA1, keyed with the
/// secret, of `"{METHOD} {path} {unix time}"`. `path` is the bare path: the
/// introduction's PHP sample signs it without the query string, and the
/// live API refuses a signed query (docs/reading-the-api-docs.md, "Websupport").
///
/// ## Usage
/// ```
/// use userdesk_api::http::Method;
/// use userdesk_api::websupport::signature;
/// assert_eq!(
///     signature("secret", Method::Get, "/v1/user/self", 1_548_240_417),
///     "292e87581c04369f2a636ba2739833f460e42399"
/// );
/// ```
pub fn signature(secret: &str, method: Method, path: &str, unix_time: i64) -> String {
    let canonical = format!("{} {} {}", method.as_str(), path, unix_time);
    to_hex(&hmac_sha1(secret.as_bytes(), canonical.as_bytes()))
}

impl WebsupportConfig {
    /// A request for an API path such as `/v1/user/self?page=1`, signed
    /// when there is an API key (the public sign-up goes without one). The
    /// path is signed as the upstream server sees it, whatever the base,
    /// and without its query; the time travels in ISO 8601's basic form.
    pub fn request(&self, method: Method, path_with_query: &str, unix_time: i64) -> HttpRequest {
        let url = format!("{}{}", self.base_url.trim_end_matches('/'), path_with_query);
        let request = HttpRequest::new(method, url)
            .header(TIME_HEADER, format_basic(unix_time))
            .header("Accept", "application/json");
        if self.api_key.is_empty() {
            return request;
        }
        let path = path_with_query
            .split_once('?')
            .map_or(path_with_query, |(path, _)| path);
        let signed = signature(&self.secret, method, path, unix_time);
        request.header("Authorization", basic_auth(&self.api_key, &signed))
    }

    /// Checks the sign-in form: the API key and the secret are required.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        for (field, value) in [("api_key", &self.api_key), ("secret", &self.secret)] {
            if value.trim().is_empty() {
                errors.add(field, REQUIRED);
            }
        }
        errors.into_result(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base64::parse_basic_auth;

    fn config() -> WebsupportConfig {
        WebsupportConfig {
            base_url: "/api/websupport/".into(),
            api_key: "key".into(),
            secret: "secret".into(),
        }
    }

    #[test]
    fn signs_method_path_and_time_with_hmac_sha1() {
        let expected = to_hex(&hmac_sha1(b"secret", b"GET /v1/user/self 1548240417"));
        assert_eq!(
            signature("secret", Method::Get, "/v1/user/self", 1_548_240_417),
            expected
        );
        assert_eq!(expected.len(), 40);
        assert!(expected
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        // Any change to method, path, query or time changes the signature.
        assert_ne!(
            signature("secret", Method::Post, "/v1/user/self", 1_548_240_417),
            expected
        );
        assert_ne!(
            signature("secret", Method::Get, "/v1/user/self?page=2", 1_548_240_417),
            expected
        );
        assert_ne!(
            signature("secret", Method::Get, "/v1/user/self", 1_548_240_418),
            expected
        );
    }

    #[test]
    fn signatures_match_fixed_vectors() {
        // Computed apart from this code (Python's hmac module).
        for (secret, method, path, time, expected) in [
            (
                "secret",
                Method::Get,
                "/v1/user/self",
                1_548_240_417,
                "292e87581c04369f2a636ba2739833f460e42399",
            ),
            (
                // The documentation's sample secret.
                "ajvkeo3y82ndsu2smvxy3o36496dcascksldncsq",
                Method::Get,
                "/v1/user",
                1_548_240_417,
                "7f06a860880db7339f38adfc0ee88b52df324057",
            ),
            (
                "demo-websupport-secret",
                Method::Post,
                "/v1/user/self/billing",
                1_700_000_000,
                "dd00c61855659f435147922f832aba543f846916",
            ),
            (
                "demo-websupport-secret",
                Method::Delete,
                "/v1/user/123/domainProfile/126",
                1_700_000_000,
                "95ba23b8660e5ef19c6b0f9ae50c13262d3c5013",
            ),
        ] {
            assert_eq!(signature(secret, method, path, time), expected, "{path}");
        }
        let request = config().request(Method::Get, "/v1/user/self", 1_548_240_417);
        assert_eq!(
            request.header_value("Authorization"),
            Some("Basic a2V5OjI5MmU4NzU4MWMwNDM2OWYyYTYzNmJhMjczOTgzM2Y0NjBlNDIzOTk=")
        );
    }

    #[test]
    fn request_carries_key_signature_and_time() {
        let request = config().request(
            Method::Get,
            "/v1/user/self?page=1&pagesize=20",
            1_548_240_417,
        );
        assert_eq!(
            request.url,
            "/api/websupport/v1/user/self?page=1&pagesize=20"
        );
        let (key, signed) =
            parse_basic_auth(request.header_value("authorization").unwrap_or_default())
                .expect("basic");
        assert_eq!(key, "key");
        // The query travels, but only the bare path is signed.
        assert_eq!(signed, "292e87581c04369f2a636ba2739833f460e42399");
        assert_eq!(request.header_value(TIME_HEADER), Some("20190123T104657Z"));
        assert_eq!(
            request.header_value("Date"),
            None,
            "browsers forbid setting Date"
        );
    }

    #[test]
    fn sign_in_needs_key_and_secret() {
        let errors = WebsupportConfig {
            base_url: String::new(),
            api_key: " ".into(),
            secret: String::new(),
        }
        .validate()
        .expect_err("both missing");
        assert_eq!(errors.iter().count(), 2);
        assert!(config().validate().is_ok());
    }

    #[test]
    fn without_a_key_nothing_is_signed() {
        let public = WebsupportConfig {
            api_key: String::new(),
            ..config()
        };
        let request = public.request(Method::Post, "/v1/user", 1_548_240_417);
        assert_eq!(request.header_value("Authorization"), None);
        assert!(request.header_value(TIME_HEADER).is_some());
    }
}
