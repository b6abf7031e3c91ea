//! The strict Content Security Policy written into `dist/index.html`.
//!
//! trunk's loader is an inline `<script type="module">`, so the policy
//! allows exactly that script by its SHA-256 hash, recomputed every build.
//! `connect-src` is `'self'` plus the origins of absolute base URLs in the
//! deployment's `config.json` (copied into `dist/` when it exists at the
//! workspace root) and of `USERDESK_CONNECT_SRC` (space-separated origins).
//! Headers a `<meta>` cannot carry (`frame-ancestors`, HSTS, …) are in
//! `deploy/nginx.conf`.

use sha2::{Digest, Sha256};
use userdesk_api::base64;
use userdesk_api::deploy::origin_of;

/// The policy for a page whose inline scripts are `inline_scripts`.
pub fn policy(inline_scripts: &[&str], connect_origins: &[String]) -> String {
    let hashes: Vec<String> = inline_scripts
        .iter()
        .map(|script| {
            format!(
                "'sha256-{}'",
                base64::encode(&Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    let mut connect = vec!["'self'".to_string()];
    connect.extend(connect_origins.iter().cloned());
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
        "style-src 'self'".to_string(),
        "img-src 'self' data:".to_string(),
        format!("connect-src {}", connect.join(" ")),
        "worker-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// The text of every inline `<script>` (one without `src`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open_tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !open_tag.contains(" src=") {
            scripts.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

/// `html` with the policy as the first element of `<head>`, replacing an
/// older one from a previous run.
pub fn with_policy(html: &str, connect_origins: &[String]) -> Result<String, String> {
    let policy = policy(&inline_scripts(html), connect_origins);
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let head = html.find("<head>").ok_or("dist/index.html has no <head>")? + "<head>".len();
    Ok(format!("{}\n    {meta}{}", &html[..head], &html[head..]))
}

/// Origins named by `USERDESK_CONNECT_SRC`: absolute http(s) origins only.
pub fn extra_origins(value: &str) -> Result<Vec<String>, String> {
    value
        .split_whitespace()
        .map(|item| {
            origin_of(item).ok_or_else(|| {
                format!("USERDESK_CONNECT_SRC: “{item}” is not an http(s):// origin")
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>x</title>\n<script type=\"module\">import init from '/a.js';\nawait init();</script><script src=\"/b.js\"></script></head><body></body></html>";

    #[test]
    fn finds_inline_scripts_only() {
        assert_eq!(
            inline_scripts(PAGE),
            ["import init from '/a.js';\nawait init();"]
        );
    }

    #[test]
    fn the_policy_is_strict_and_hashes_the_loader() {
        let html = with_policy(PAGE, &["https://api.example.com".into()]).expect("has a head");
        let expected_hash = base64::encode(&Sha256::digest(
            "import init from '/a.js';\nawait init();".as_bytes(),
        ));
        assert!(html.contains(&format!("'sha256-{expected_hash}'")));
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
            "style-src 'self';",
            "connect-src 'self' https://api.example.com;",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(html.contains(directive), "{directive} in {html}");
        }
        assert!(!html.contains("unsafe-inline") && !html.contains("'unsafe-eval'"));
        let head = html.find("<head>").expect("head");
        assert!(html[head..]
            .trim_start_matches("<head>")
            .trim_start()
            .starts_with("<meta http-equiv=\"Content-Security-Policy\""));
    }

    #[test]
    fn extra_origins_must_be_origins() {
        assert_eq!(
            extra_origins("https://a.example  http://b.example:8080/x").expect("valid"),
            ["https://a.example", "http://b.example:8080"]
        );
        assert!(extra_origins("a.example").is_err());
    }
}
