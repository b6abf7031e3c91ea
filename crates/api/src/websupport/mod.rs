//! Websupport REST v1 user management (`000_09331165352631c2.txt`).
//!
//! Every request is signed: HTTP Basic `apiKey:signature`, where the signature
//! is the lowercase hex HMAC-SHA1, keyed with the API secret, of
//! `"{METHOD} {path with query} {unix time}"`. The time travels in the `Date`
//! header upstream; browsers may not set `Date`, so the console sends
//! [`TIME_HEADER`] and the deployment's proxy copies it into `Date`.

use crate::base64::basic_auth;
use crate::hmac::{hmac_sha1, to_hex};
use crate::http::{HttpRequest, Method};
use crate::time::format_timestamp;
use crate::validation::{FieldErrors, REQUIRED};

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

/// The signature for one request.
pub fn signature(secret: &str, method: Method, path_with_query: &str, unix_time: i64) -> String {
    let canonical = format!("{} {} {}", method.as_str(), path_with_query, unix_time);
    to_hex(&hmac_sha1(secret.as_bytes(), canonical.as_bytes()))
}

impl WebsupportConfig {
    /// A signed request for an API path such as `/v1/user/self?page=1`.
    /// The path is signed as the upstream server sees it, whatever the base.
    pub fn request(&self, method: Method, path_with_query: &str, unix_time: i64) -> HttpRequest {
        let url = format!("{}{}", self.base_url.trim_end_matches('/'), path_with_query);
        let signed = signature(&self.secret, method, path_with_query, unix_time);
        HttpRequest::new(method, url)
            .header("Authorization", basic_auth(&self.api_key, &signed))
            .header(TIME_HEADER, format_timestamp(unix_time))
            .header("Accept", "application/json")
    }

    /// Checks the settings a user typed.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        for (field, value) in [
            ("base_url", &self.base_url),
            ("api_key", &self.api_key),
            ("secret", &self.secret),
        ] {
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
        assert_eq!(
            signed,
            signature(
                "secret",
                Method::Get,
                "/v1/user/self?page=1&pagesize=20",
                1_548_240_417
            )
        );
        assert_eq!(
            request.header_value(TIME_HEADER),
            Some("2019-01-23T10:46:57+0000")
        );
        assert_eq!(
            request.header_value("Date"),
            None,
            "browsers forbid setting Date"
        );
    }

    #[test]
    fn settings_need_base_key_and_secret() {
        let errors = WebsupportConfig {
            base_url: " ".into(),
            api_key: String::new(),
            secret: String::new(),
        }
        .validate()
        .expect_err("all missing");
        assert_eq!(errors.iter().count(), 3);
        assert!(config().validate().is_ok());
    }
}
