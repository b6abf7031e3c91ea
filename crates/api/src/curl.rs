//! A request as a `curl` command someone can paste into a shell, with its
//! secrets replaced by shell variables: the Admin API's `app_key` by
//! `$APP_KEY`, a session token by `$TOKEN`, Websupport's key and signature
//! by `$API_KEY` and `$SIGNATURE`, and any password or secret in a JSON
//! body by `$PASSWORD` or `$SECRET`. A relative URL (Demo mode) starts
//! with `$BASE_URL`. Everything is double-quoted, so the variables expand
//! and nothing else does.
//!
//! ## Usage
//! ```
//! use userdesk_api::{curl::curl_command, HttpRequest, Method};
//! let request = HttpRequest::new(Method::Get, "https://api.example/users?app_key=k")
//!     .header("Authorization", "Bearer abc");
//! assert_eq!(
//!     curl_command(&request),
//!     "curl -X GET \"https://api.example/users?app_key=$APP_KEY\" \\\n  -H \"Authorization: Bearer $TOKEN\""
//! );
//! ```

use serde_json::Value;

use crate::base64::parse_basic_auth;
use crate::http::HttpRequest;

/// Marks where a variable goes, so quoting leaves its `$` alone: a
/// private-use character, which JSON does not escape.
const MARK: char = '\u{e000}';

/// `request` as a redacted `curl` command.
pub fn curl_command(request: &HttpRequest) -> String {
    let mut command = format!(
        "curl -X {} {}",
        request.method.as_str(),
        quoted(&redacted_url(&request.url))
    );
    for (name, value) in &request.headers {
        let option = if name.eq_ignore_ascii_case("authorization") {
            redacted_authorization(value)
        } else if is_secret_name(name) {
            format!("-H {}", quoted(&format!("{name}: {}", variable(name))))
        } else {
            format!("-H {}", quoted(&format!("{name}: {value}")))
        };
        command.push_str(" \\\n  ");
        command.push_str(&option);
    }
    if let Some(body) = &request.body {
        command.push_str(" \\\n  --data-raw ");
        command.push_str(&quoted(&redacted_body(body)));
    }
    command
}

/// A placeholder for the variable `name` (upper-cased, `-` as `_`).
fn variable(name: &str) -> String {
    let upper: String = name
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    format!("{MARK}{upper}")
}

fn is_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["token", "key", "secret", "signature", "password"]
        .iter()
        .any(|word| lower.contains(word))
}

fn redacted_url(url: &str) -> String {
    let base = if url.starts_with('/') {
        variable("base_url")
    } else {
        String::new()
    };
    let Some((path, query)) = url.split_once('?') else {
        return format!("{base}{url}");
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_secret_name(name) => format!("{name}={}", variable(name)),
            _ => pair.to_string(),
        })
        .collect();
    format!("{base}{path}?{}", pairs.join("&"))
}

/// Basic credentials go to `-u`, so curl encodes them: an empty password
/// means a session token (the Admin API), otherwise a key and signature
/// (Websupport). Any other scheme keeps its name only.
fn redacted_authorization(value: &str) -> String {
    if let Some((_, password)) = parse_basic_auth(value) {
        let user = if password.is_empty() {
            format!("{}:", variable("token"))
        } else {
            format!("{}:{}", variable("api_key"), variable("signature"))
        };
        return format!("-u {}", quoted(&user));
    }
    let scheme = value.split_whitespace().next().unwrap_or_default();
    let secret = if scheme.eq_ignore_ascii_case("bearer") {
        variable("token")
    } else {
        variable("credentials")
    };
    format!(
        "-H {}",
        quoted(&format!("Authorization: {scheme} {secret}"))
    )
}

/// A JSON body with password and secret values replaced; any other body
/// as it is.
fn redacted_body(body: &str) -> String {
    let Ok(mut json) = serde_json::from_str::<Value>(body) else {
        return body.to_string();
    };
    redact_json(&mut json);
    json.to_string()
}

fn redact_json(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (name, inner) in map.iter_mut() {
                let lower = name.to_ascii_lowercase();
                if inner.is_string() && (lower.contains("password") || lower.contains("secret")) {
                    let word = if lower.contains("password") {
                        "password"
                    } else {
                        "secret"
                    };
                    *inner = Value::String(variable(word));
                } else {
                    redact_json(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

/// `text` in double quotes for a POSIX shell: `\`, `"`, `$` and `` ` ``
/// escaped, and each placeholder turned into its `$VARIABLE`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            MARK => out.push('$'),
            '\\' | '"' | '$' | '`' => {
                out.push('\\');
                out.push(character);
            }
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base64::basic_auth;
    use crate::Method;

    #[test]
    fn admin_token_and_app_key_are_variables() {
        let request = HttpRequest::new(
            Method::Get,
            "https://api.admin.domain.com/v/1.0/user/2?app_key=y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx&x=1",
        )
        .header("Authorization", basic_auth("secret-token", ""))
        .header("Accept", "application/json");
        let command = curl_command(&request);
        assert_eq!(
            command,
            "curl -X GET \"https://api.admin.domain.com/v/1.0/user/2?app_key=$APP_KEY&x=1\" \\\n  \
             -u \"$TOKEN:\" \\\n  -H \"Accept: application/json\""
        );
        assert!(!command.contains("y84p") && !command.contains("secret-token"));
    }

    #[test]
    fn websupport_key_and_signature_are_variables() {
        let request = HttpRequest::new(Method::Put, "https://rest.websupport.sk/v1/user/self")
            .header("X-Date", "20241124T071800Z")
            .header("Authorization", basic_auth("my-key", "0123abcdef"))
            .json_body(r#"{"email":"a@b.sk","password":"hunter2"}"#.into());
        let command = curl_command(&request);
        assert!(command.contains("-u \"$API_KEY:$SIGNATURE\""), "{command}");
        assert!(
            command.contains("-H \"X-Date: 20241124T071800Z\""),
            "{command}"
        );
        assert!(
            command.contains(r#"--data-raw "{\"email\":\"a@b.sk\",\"password\":\"$PASSWORD\"}""#),
            "{command}"
        );
        assert!(!command.contains("hunter2") && !command.contains("0123abcdef"));
        assert!(!command.contains("my-key"));
    }

    #[test]
    fn bearer_tokens_and_secret_headers_are_variables() {
        let request = HttpRequest::new(Method::Delete, "https://profiles.example/profiles/a1")
            .header("Authorization", "Bearer abc.def")
            .header("X-Api-Key", "k-123");
        let command = curl_command(&request);
        assert!(
            command.contains("-H \"Authorization: Bearer $TOKEN\""),
            "{command}"
        );
        assert!(
            command.contains("-H \"X-Api-Key: $X_API_KEY\""),
            "{command}"
        );
        assert!(!command.contains("abc.def") && !command.contains("k-123"));
    }

    #[test]
    fn a_relative_url_starts_with_the_base_url() {
        let request = HttpRequest::new(Method::Get, "/v/1.0/user/2?app_key=k");
        assert_eq!(
            curl_command(&request),
            "curl -X GET \"$BASE_URL/v/1.0/user/2?app_key=$APP_KEY\""
        );
    }

    #[test]
    fn the_shell_expands_nothing_else() {
        let request = HttpRequest::new(Method::Post, "https://x.example/a")
            .json_body(r#"{"note":"$HOME `id` \\ \"q\""}"#.into());
        let command = curl_command(&request);
        assert!(
            command.ends_with(r#"--data-raw "{\"note\":\"\$HOME \`id\` \\\\ \\\"q\\\"\"}""#),
            "{command}"
        );
    }
}
