//! Transport-neutral HTTP request and response values.
//!
//! Request builders produce an [`HttpRequest`]; a transport (browser fetch,
//! the in-browser simulator, or the native simulator server) turns it into an
//! [`HttpResponse`], which the decoders then interpret.

use serde::{Deserialize, Serialize};

/// The HTTP verbs the APIs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// The verb as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Parses a wire verb; unknown verbs yield `None`.
    pub fn parse(verb: &str) -> Option<Method> {
        Some(match verb.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            _ => return None,
        })
    }
}

/// A request ready to send: `url` is absolute or relative to the page origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

impl HttpRequest {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// Sets a JSON body and its content type.
    pub fn json_body(mut self, body: String) -> Self {
        self.body = Some(body);
        self.header("Content-Type", "application/json")
    }

    /// The value of the first header with this name, compared case-insensitively.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path part of the URL, without scheme, host or query.
    pub fn path(&self) -> &str {
        let without_origin = match self.url.find("://") {
            Some(scheme_end) => {
                let rest = &self.url[scheme_end + 3..];
                rest.find('/').map_or("/", |slash| &rest[slash..])
            }
            None => self.url.as_str(),
        };
        without_origin
            .split(['?', '#'])
            .next()
            .unwrap_or(without_origin)
    }

    /// The decoded query parameters, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let Some((_, query)) = self.url.split_once('?') else {
            return Vec::new();
        };
        let query = query.split('#').next().unwrap_or(query);
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(key), percent_decode(value))
            })
            .collect()
    }

    /// The first query parameter with this name.
    pub fn query(&self, name: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// A response as received: status code and raw body text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// `Retry-After` in seconds, when the server sent it as a number.
    pub retry_after: Option<u32>,
    pub body: String,
}

impl HttpResponse {
    /// A response with a JSON body.
    pub fn json(status: u16, body: String) -> Self {
        HttpResponse {
            status,
            content_type: Some("application/json".to_string()),
            retry_after: None,
            body,
        }
    }

    /// A response with no body, such as 204.
    pub fn empty(status: u16) -> Self {
        HttpResponse {
            status,
            content_type: None,
            retry_after: None,
            body: String::new(),
        }
    }
}

/// Reads a `Retry-After` value given in seconds. The HTTP-date form is not
/// read (`None`): the UI then asks the user to wait a moment instead.
pub fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse::<u32>().ok()
}

/// Percent-encodes a query or path component (RFC 3986 unreserved set kept).
pub fn percent_encode(raw: &str) -> String {
    let mut encoded = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(byte as char)
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                encoded.push('%');
                encoded.push(HEX[usize::from(byte >> 4)] as char);
                encoded.push(HEX[usize::from(byte & 0x0f)] as char);
            }
        }
    }
    encoded
}

/// Decodes `%XX` escapes and `+` as space; malformed escapes are kept as is.
pub fn percent_decode(encoded: &str) -> String {
    let bytes = encoded.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(value) => {
                        decoded.push(value);
                        index += 2;
                    }
                    None => decoded.push(b'%'),
                }
            }
            other => decoded.push(other),
        }
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Builds `?a=1&b=2` from pairs, skipping none; empty input gives "".
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value)))
        .collect();
    format!("?{}", joined.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_strips_origin_and_query() {
        let absolute = HttpRequest::new(Method::Get, "https://h.example/v/1.0/roles?app_key=k");
        assert_eq!(absolute.path(), "/v/1.0/roles");
        let relative = HttpRequest::new(Method::Get, "/api/admin/roles/2/10?order_by=id.asc#x");
        assert_eq!(relative.path(), "/api/admin/roles/2/10");
    }

    #[test]
    fn query_round_trips_reserved_characters() {
        let url = format!("/x{}", query_string(&[("q", "a b&c=d/é".to_string())]));
        assert_eq!(url, "/x?q=a%20b%26c%3Dd%2F%C3%A9");
        let request = HttpRequest::new(Method::Get, url);
        assert_eq!(request.query("q").as_deref(), Some("a b&c=d/é"));
    }

    #[test]
    fn malformed_percent_escape_is_kept() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn retry_after_reads_seconds_only() {
        assert_eq!(parse_retry_after(" 12 "), Some(12));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn method_parses_case_insensitively() {
        assert_eq!(Method::parse("delete"), Some(Method::Delete));
        assert_eq!(Method::parse("TRACE"), None);
    }
}
