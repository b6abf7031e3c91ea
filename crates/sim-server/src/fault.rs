//! Faults injected on purpose, for the end-to-end fault matrix.
//!
//! `POST /__sim/fault` with `{"path": "/role", "method": "GET", "kind":
//! "500", "times": 1}` makes the next matching API call fail that way.
//! `path` is a substring of the API path (after `/api/admin`), `method` is
//! optional (any verb when absent), `times` defaults to 1. The kind
//! `canned` answers `{"status": …, "body": "…"}` as given, for answers no
//! other kind covers (an oversized list, one malformed record).

use std::time::{Duration, Instant};

use serde_json::Value;
use userdesk_api::HttpResponse;

/// How a call fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// The connection ends with no HTTP answer.
    Drop,
    /// No answer until the client gives up (or the faults are cleared).
    Hang,
    /// 500 with a JSON error body.
    ServerError,
    /// 502 with an HTML body, as a proxy sends it.
    BadGateway,
    /// 200 whose body is not JSON.
    MalformedJson,
    /// 200 with JSON of the wrong shape.
    WrongShape,
    Unauthorized,
    Forbidden,
    NotFound,
    UnsupportedMediaType,
    /// 429 with `Retry-After: 1`.
    TooManyRequests,
    /// The fault's own status and JSON body.
    Canned,
}

impl FaultKind {
    /// The names accepted in `kind`.
    pub const NAMES: [(&'static str, FaultKind); 12] = [
        ("drop", FaultKind::Drop),
        ("hang", FaultKind::Hang),
        ("500", FaultKind::ServerError),
        ("502", FaultKind::BadGateway),
        ("malformed", FaultKind::MalformedJson),
        ("shape", FaultKind::WrongShape),
        ("401", FaultKind::Unauthorized),
        ("403", FaultKind::Forbidden),
        ("404", FaultKind::NotFound),
        ("415", FaultKind::UnsupportedMediaType),
        ("429", FaultKind::TooManyRequests),
        ("canned", FaultKind::Canned),
    ];

    /// The answer for the kinds that answer at all.
    pub fn response(self) -> HttpResponse {
        let error = |status, text: &str| {
            HttpResponse::json(status, serde_json::json!({ "error": text }).to_string())
        };
        match self {
            FaultKind::Drop | FaultKind::Hang | FaultKind::Canned => HttpResponse::empty(599),
            FaultKind::ServerError => error(500, "Simulated failure"),
            FaultKind::BadGateway => HttpResponse {
                status: 502,
                content_type: Some("text/html".into()),
                retry_after: None,
                body: "<html><body><h1>502 Bad Gateway</h1></body></html>".into(),
            },
            FaultKind::MalformedJson => HttpResponse::json(200, r#"{"oops": [1, 2"#.into()),
            FaultKind::WrongShape => HttpResponse::json(200, r#"{"unexpected": true}"#.into()),
            FaultKind::Unauthorized => error(401, "Invalid or expired token"),
            FaultKind::Forbidden => error(403, "Permission denied"),
            FaultKind::NotFound => error(404, "Not found"),
            FaultKind::UnsupportedMediaType => error(415, "Unsupported media type"),
            FaultKind::TooManyRequests => {
                let mut busy = error(429, "Too many requests");
                busy.retry_after = Some(1);
                busy
            }
        }
    }
}

/// One armed fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub path: String,
    pub method: Option<String>,
    pub kind: FaultKind,
    pub times: u32,
    /// For `canned`: the status and body to answer with.
    pub canned: Option<(u16, String)>,
}

impl Fault {
    /// Reads the control's JSON body.
    pub fn parse(body: &str) -> Result<Fault, String> {
        let value: Value = serde_json::from_str(body).map_err(|_| "the body is not JSON")?;
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        let kind_name = text("kind").ok_or("“kind” is required")?;
        let kind = FaultKind::NAMES
            .iter()
            .find(|(name, _)| *name == kind_name)
            .map(|(_, kind)| *kind)
            .ok_or_else(|| format!("unknown kind “{kind_name}”"))?;
        let canned = match kind {
            FaultKind::Canned => {
                let status = value
                    .get("status")
                    .and_then(Value::as_u64)
                    .and_then(|s| u16::try_from(s).ok())
                    .ok_or("“canned” needs a numeric “status”")?;
                Some((status, text("body").unwrap_or_default()))
            }
            _ => None,
        };
        Ok(Fault {
            canned,
            path: text("path").unwrap_or_default(),
            method: text("method").map(|m| m.to_ascii_uppercase()),
            kind,
            times: value
                .get("times")
                .and_then(Value::as_u64)
                .map_or(1, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        })
    }

    fn matches(&self, path: &str, method: &str) -> bool {
        path.contains(&self.path)
            && self
                .method
                .as_deref()
                .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
    }
}

/// The first fault matching this call, using up one of its times.
pub fn take(faults: &mut Vec<Fault>, path: &str, method: &str) -> Option<Fault> {
    let index = faults
        .iter()
        .position(|f| f.times > 0 && f.matches(path, method))?;
    let fault = &mut faults[index];
    fault.times -= 1;
    let taken = fault.clone();
    if fault.times == 0 {
        faults.remove(index);
    }
    Some(taken)
}

impl Fault {
    /// The answer this fault gives, for the kinds that answer.
    pub fn response(&self) -> HttpResponse {
        match &self.canned {
            Some((status, body)) => HttpResponse::json(*status, body.clone()),
            None => self.kind.response(),
        }
    }
}

/// Waits until `cleared` says so, or 30 seconds (past any client timeout).
pub fn hang(cleared: impl Fn() -> bool) {
    let until = Instant::now() + Duration::from_secs(30);
    while Instant::now() < until && !cleared() {
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_match_path_and_method_and_wear_out() {
        let mut faults =
            vec![
                Fault::parse(r#"{"path": "/role/", "method": "put", "kind": "500", "times": 2}"#)
                    .expect("parses"),
            ];
        let kind = |faults: &mut Vec<Fault>, path, method| {
            take(faults, path, method).map(|fault| fault.kind)
        };
        assert_eq!(kind(&mut faults, "/v/1.0/role/4", "GET"), None);
        assert_eq!(kind(&mut faults, "/v/1.0/roles/1/10", "PUT"), None);
        assert_eq!(
            kind(&mut faults, "/v/1.0/role/4", "PUT"),
            Some(FaultKind::ServerError)
        );
        assert_eq!(
            kind(&mut faults, "/v/1.0/role/4", "PUT"),
            Some(FaultKind::ServerError)
        );
        assert_eq!(kind(&mut faults, "/v/1.0/role/4", "PUT"), None);
        assert!(faults.is_empty());
    }

    #[test]
    fn every_kind_parses_and_bad_bodies_are_refused() {
        for (name, kind) in FaultKind::NAMES {
            let fault =
                Fault::parse(&format!(r#"{{"kind": "{name}", "status": 200}}"#)).expect("parses");
            assert_eq!((fault.kind, fault.times), (kind, 1));
        }
        let canned =
            Fault::parse(r#"{"kind": "canned", "status": 200, "body": "{}"}"#).expect("parses");
        assert_eq!(canned.response(), HttpResponse::json(200, "{}".into()));
        assert!(Fault::parse(r#"{"kind": "canned"}"#).is_err());
        assert!(Fault::parse(r#"{"kind": "fire"}"#).is_err());
        assert!(Fault::parse("nope").is_err());
        assert_eq!(FaultKind::TooManyRequests.response().retry_after, Some(1));
    }
}
