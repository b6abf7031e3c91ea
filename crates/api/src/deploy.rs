//! The deployment config: `/config.json`, served beside `index.html`.
//!
//! It names, per API, whether the console uses Demo (the in-browser
//! simulator) or a server, so a deployment works across reloads and tabs
//! with no typing. Every API key is optional; an API without an entry runs
//! in Demo. Unknown keys are refused by name, so a typo is not silently Demo.
//!
//! ## Usage
//! ```
//! use userdesk_api::deploy::{read_deploy_config, DeployOutcome};
//! let body = r#"{"admin": {"mode": "server", "base_url": "/api/admin", "app_key": "y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx"}}"#;
//! let DeployOutcome::Loaded(config) = read_deploy_config(200, Some("application/json"), body) else { panic!() };
//! assert_eq!(config.admin.clone().and_then(|a| a.base_url).as_deref(), Some("/api/admin"));
//! ```

use serde_json::{Map, Value};

use crate::admin::APP_KEY_LENGTH;

/// The four APIs, by their key in `config.json`.
pub const API_KEYS: [&str; 4] = ["admin", "websupport", "profiles", "erp"];

/// One API's entry. `base_url` is `None` in Demo mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiEntry {
    pub base_url: Option<String>,
    /// Admin only: the `/v/{version}` segment (`""` for none).
    pub version: Option<String>,
    /// Admin only: the application key sent on every query string.
    pub app_key: Option<String>,
}

impl ApiEntry {
    /// Whether this entry sends requests to a server.
    pub fn is_server(&self) -> bool {
        self.base_url.is_some()
    }
}

/// Every API's entry from `config.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeployConfig {
    pub admin: Option<ApiEntry>,
    pub websupport: Option<ApiEntry>,
    pub profiles: Option<ApiEntry>,
    pub erp: Option<ApiEntry>,
}

impl DeployConfig {
    /// The origins of absolute base URLs, for a CSP's `connect-src`.
    pub fn server_origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = [&self.admin, &self.websupport, &self.profiles, &self.erp]
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.base_url.as_deref().and_then(origin_of))
            .collect();
        origins.sort();
        origins.dedup();
        origins
    }
}

/// What fetching `/config.json` gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeployOutcome {
    /// No deployment config: every API starts in Demo.
    Absent,
    Loaded(Box<DeployConfig>),
    /// The file exists but cannot be used; the text names the problem.
    Malformed(String),
}

/// Reads the answer to `GET /config.json`. A 404, or an HTML page (a static
/// host's SPA fallback), means there is no deployment config.
pub fn read_deploy_config(status: u16, content_type: Option<&str>, body: &str) -> DeployOutcome {
    if status == 404 {
        return DeployOutcome::Absent;
    }
    if !(200..300).contains(&status) {
        return DeployOutcome::Malformed(format!(
            "config.json could not be loaded (HTTP {status})."
        ));
    }
    let html = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"))
        || body.trim_start().starts_with('<');
    if html {
        return DeployOutcome::Absent;
    }
    match parse(body) {
        Ok(config) => DeployOutcome::Loaded(Box::new(config)),
        Err(problem) => DeployOutcome::Malformed(format!("config.json: {problem}")),
    }
}

/// Parses and checks the file's text.
pub fn parse(text: &str) -> Result<DeployConfig, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        format!(
            "not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        )
    })?;
    let Value::Object(top) = value else {
        return Err("the top level must be an object such as {\"admin\": {…}}".into());
    };
    if let Some(unknown) = top.keys().find(|key| !API_KEYS.contains(&key.as_str())) {
        return Err(format!(
            "unknown key “{unknown}”; the APIs are {}",
            API_KEYS.join(", ")
        ));
    }
    let entry = |api: &str| {
        top.get(api)
            .map(|value| parse_entry(api, value))
            .transpose()
    };
    Ok(DeployConfig {
        admin: entry("admin")?,
        websupport: entry("websupport")?,
        profiles: entry("profiles")?,
        erp: entry("erp")?,
    })
}

fn parse_entry(api: &str, value: &Value) -> Result<ApiEntry, String> {
    let Value::Object(fields) = value else {
        return Err(format!("“{api}” must be an object"));
    };
    let allowed: &[&str] = if api == "admin" {
        &["mode", "base_url", "version", "app_key"]
    } else {
        &["mode", "base_url"]
    };
    if let Some(unknown) = fields.keys().find(|key| !allowed.contains(&key.as_str())) {
        return Err(format!(
            "unknown key “{api}.{unknown}”; allowed: {}",
            allowed.join(", ")
        ));
    }
    let text = |key: &str| string_field(api, fields, key);
    let mode = text("mode")?
        .ok_or_else(|| format!("“{api}.mode” is missing; use \"server\" or \"demo\""))?;
    let base_url = match mode.as_str() {
        "demo" => None,
        "server" => {
            let base = text("base_url")?
                .map(|b| b.trim().to_string())
                .filter(|b| !b.is_empty())
                .ok_or_else(|| format!("“{api}.base_url” is required in server mode"))?;
            if !is_usable_base(&base) {
                return Err(format!(
                    "“{api}.base_url” must be an http(s):// URL or a path starting with a single /"
                ));
            }
            Some(base)
        }
        other => {
            return Err(format!(
                "“{api}.mode” is “{other}”; use \"server\" or \"demo\""
            ))
        }
    };
    let version = text("version")?.map(|v| v.trim().to_string());
    if version
        .as_deref()
        .is_some_and(|v| v.contains('/') || v.contains(' '))
    {
        return Err(format!(
            "“{api}.version” looks like 1.0, without slashes or spaces"
        ));
    }
    let app_key = text("app_key")?.map(|k| k.trim().to_string());
    if let Some(key) = &app_key {
        let length = key.chars().count();
        if length != APP_KEY_LENGTH {
            return Err(format!(
                "“{api}.app_key” must be exactly {APP_KEY_LENGTH} characters (it has {length})"
            ));
        }
    }
    Ok(ApiEntry {
        base_url,
        version,
        app_key,
    })
}

fn string_field(
    api: &str,
    fields: &Map<String, Value>,
    key: &str,
) -> Result<Option<String>, String> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("“{api}.{key}” must be a string")),
    }
}

/// Whether a base URL is absolute http(s) or a same-origin path.
pub fn is_usable_base(base: &str) -> bool {
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"));
    match rest {
        Some(host) => !host.is_empty() && !host.starts_with('/'),
        None => base.starts_with('/') && !base.starts_with("//") && !base.contains('\\'),
    }
}

/// `https://host:port` of an absolute URL; `None` for a relative path.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx";

    fn loaded(body: &str) -> DeployConfig {
        match read_deploy_config(200, Some("application/json"), body) {
            DeployOutcome::Loaded(config) => *config,
            other => panic!("expected a config for {body}, got {other:?}"),
        }
    }

    fn problem(body: &str) -> String {
        match read_deploy_config(200, Some("application/json"), body) {
            DeployOutcome::Malformed(text) => text,
            other => panic!("expected a problem for {body}, got {other:?}"),
        }
    }

    #[test]
    fn a_full_config_names_every_api() {
        let config = loaded(&format!(
            r#"{{
                "admin": {{"mode": "server", "base_url": "/api/admin", "version": "1.0", "app_key": "{KEY}"}},
                "websupport": {{"mode": "server", "base_url": "https://rest.example.com"}},
                "profiles": {{"mode": "demo"}},
                "erp": {{"mode": "server", "base_url": "/api/erp"}}
            }}"#
        ));
        let admin = config.admin.clone().expect("admin");
        assert_eq!(admin.base_url.as_deref(), Some("/api/admin"));
        assert_eq!(admin.version.as_deref(), Some("1.0"));
        assert_eq!(admin.app_key.as_deref(), Some(KEY));
        assert!(!config.profiles.clone().expect("profiles").is_server());
        assert_eq!(config.server_origins(), ["https://rest.example.com"]);
    }

    #[test]
    fn a_partial_config_leaves_the_rest_in_demo() {
        let config = loaded(r#"{"erp": {"mode": "server", "base_url": "/api/erp"}}"#);
        assert_eq!(config.admin, None);
        assert!(config.erp.expect("erp").is_server());
        assert_eq!(loaded("{}"), DeployConfig::default());
    }

    #[test]
    fn no_file_or_an_html_fallback_means_no_config() {
        assert_eq!(
            read_deploy_config(404, None, "Not found"),
            DeployOutcome::Absent
        );
        assert_eq!(
            read_deploy_config(
                200,
                Some("text/html; charset=utf-8"),
                "<!doctype html><html>"
            ),
            DeployOutcome::Absent
        );
        assert_eq!(
            read_deploy_config(200, None, "  <html></html>"),
            DeployOutcome::Absent
        );
    }

    #[test]
    fn malformed_configs_name_the_problem() {
        assert!(problem(r#"{"admin": {"mode": "server""#).contains("not valid JSON"));
        assert!(problem("[]").contains("top level"));
        assert!(problem(r#"{"admn": {}}"#).contains("“admn”"));
        assert!(problem(r#"{"admin": {"mode": "server"}}"#).contains("admin.base_url"));
        assert!(problem(r#"{"admin": {"mode": "cloud"}}"#).contains("admin.mode"));
        assert!(problem(r#"{"admin": {"base_url": "/x"}}"#).contains("admin.mode"));
        assert!(
            problem(r#"{"admin": {"mode": "demo", "app_key": "short"}}"#).contains("admin.app_key")
        );
        assert!(
            problem(r#"{"admin": {"mode": "server", "base_url": "api.example"}}"#)
                .contains("admin.base_url")
        );
        assert!(
            problem(r#"{"admin": {"mode": "server", "base_url": "//evil.example"}}"#)
                .contains("admin.base_url")
        );
        assert!(
            problem(r#"{"erp": {"mode": "server", "base_url": "/e", "app_key": "x"}}"#)
                .contains("erp.app_key")
        );
        assert!(problem(r#"{"admin": {"mode": 1}}"#).contains("must be a string"));
        assert!(
            problem(r#"{"admin": {"mode": "server", "base_url": "/a", "version": "v/1"}}"#)
                .contains("admin.version")
        );
        assert!(matches!(
            read_deploy_config(500, None, ""),
            DeployOutcome::Malformed(text) if text.contains("HTTP 500")
        ));
    }

    #[test]
    fn origins_come_from_absolute_urls_only() {
        assert_eq!(
            origin_of("https://api.example.com:8443/v/1.0"),
            Some("https://api.example.com:8443".into())
        );
        assert_eq!(origin_of("/api/admin"), None);
        assert_eq!(origin_of("javascript://x"), None);
    }
}
