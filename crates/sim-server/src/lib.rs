//! Serves the simulator over real HTTP, beside an optional static SPA build.
//!
//! - `/api/admin/…`, `/api/profiles/…`, `/api/erp/…`, `/api/websupport/…`
//!   → the simulated APIs. Websupport's mount does what the README's proxy
//!   rule does (copies `X-Date` into `Date`); `/upstream/websupport/…` is
//!   Websupport as its live server answers, for a real proxy in front
//!   (`deploy/nginx.conf` in the end-to-end tests). Both read the time from
//!   `Date` only and refuse a request without it, as the live v1 API does;
//! - `GET /__sim/seen` → what the simulator last received (`{"websupport_date"}`);
//! - `PUT /__sim/omit-nulls` with `true` → every JSON answer leaves out its
//!   `null` keys, as a server may (reset turns it off);
//! - `POST /__sim/reset` → fresh seeded state, no faults, no config override
//!   (end-to-end tests isolate with it);
//! - `POST /__sim/fault` → the next matching API calls fail on purpose (see
//!   [`Fault`]); `DELETE /__sim/fault` clears every fault;
//! - `PUT /__sim/config` → the body is served as `/config.json` (the
//!   deployment config); `DELETE /__sim/config` stops serving it;
//! - anything else → a file from the static folder, or `index.html` for
//!   unknown paths so client-side routes survive a reload.
//!
//! Every answer carries the security headers a `<meta>` CSP cannot (see
//! `deploy/nginx.conf`): `frame-ancestors 'none'`, `nosniff`,
//! `no-referrer` and HSTS. The `__sim` controls are for tests only.

mod fault;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use tiny_http::{Header, Request, Response, Server};
use userdesk_api::{HttpRequest, HttpResponse, Method};
use userdesk_sim::{mount_path, Api, Simulator};

pub use fault::{Fault, FaultKind};

/// What the test controls change, beside the simulator.
#[derive(Default)]
struct Controls {
    faults: Vec<Fault>,
    /// Counts `DELETE /__sim/fault` and resets: a hanging call ends when it changes.
    clearings: u64,
    config: Option<String>,
    /// Every answer leaves out its `null` keys.
    omit_nulls: bool,
    /// The `Date` header of the last Websupport request.
    websupport_date: Option<String>,
}

/// Websupport as its live server is reached, behind a real proxy.
const WEBSUPPORT_UPSTREAM: &str = "/upstream/websupport";

/// Headers every answer carries.
const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Strict-Transport-Security",
        "max-age=31536000; includeSubDomains",
    ),
];

/// What to serve and where.
#[derive(Clone, Debug)]
pub struct Options {
    pub address: SocketAddr,
    /// Folder with the built console (`dist/`); `None` serves only the APIs.
    pub static_root: Option<PathBuf>,
    /// Overrides the Admin API token lifetime (seconds), to exercise expiry.
    pub token_lifetime: Option<u64>,
}

/// Serves until the process ends. Prints one line when ready.
pub fn serve(options: Options) -> Result<(), String> {
    let listener = std::net::TcpListener::bind(options.address)
        .map_err(|error| format!("cannot listen on {}: {error}", options.address))?;
    answer_without_delay(&listener);
    let server = Server::from_listener(listener, None)
        .map_err(|error| format!("cannot listen on {}: {error}", options.address))?;
    let state = Arc::new(Mutex::new(fresh_simulator(&options)));
    let controls = Arc::new(Mutex::new(Controls::default()));
    println!("sim-server listening on http://{}", options.address);
    let options = Arc::new(options);
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        let controls = Arc::clone(&controls);
        let options = Arc::clone(&options);
        std::thread::spawn(move || respond(request, &state, &controls, &options));
    }
    Ok(())
}

/// Turns Nagle's algorithm off for every connection the listener accepts
/// (Linux copies TCP_NODELAY from the listener). tiny_http writes an
/// answer's head and body separately, so without it a browser's reused
/// connection waited about 40 ms for each answer, as real servers do not.
#[cfg(target_os = "linux")]
fn answer_without_delay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    let on: libc::c_int = 1;
    // SAFETY: a valid socket descriptor, and a pointer to an int of the size given.
    let _ = unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
}

#[cfg(not(target_os = "linux"))]
fn answer_without_delay(_: &std::net::TcpListener) {}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn fresh_simulator(options: &Options) -> Simulator {
    let mut simulator = Simulator::seeded(now(), entropy());
    if let Some(lifetime) = options.token_lifetime {
        simulator.admin.token_lifetime = lifetime;
    }
    simulator
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn entropy() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        ^ u64::from(std::process::id())
}

fn respond(
    mut request: Request,
    state: &Mutex<Simulator>,
    controls: &Mutex<Controls>,
    options: &Options,
) {
    let url = request.url().to_string();
    let path = url.split('?').next().unwrap_or("/").to_string();
    let method = request.method().clone();
    let upstream = path
        .strip_prefix(WEBSUPPORT_UPSTREAM)
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        .map(|rest| (Api::Websupport, rest.to_string()));
    let mounted = upstream.clone().or_else(|| {
        [Api::Admin, Api::Profiles, Api::Erp, Api::Websupport]
            .into_iter()
            .find_map(|api| {
                let rest = mount_path(api).and_then(|mount| path.strip_prefix(mount))?;
                (rest.is_empty() || rest.starts_with('/')).then(|| (api, rest.to_string()))
            })
    });
    let behind_proxy = upstream.is_some();
    let response = if let Some((api, rest)) = mounted {
        let rest = rest.as_str();
        let api_url = format!("{rest}{}", &url[path.len()..]);
        let fault = fault::take(&mut lock(controls).faults, rest, method.as_str());
        match fault {
            Some(Fault {
                kind: FaultKind::Drop,
                ..
            }) => return drop_connection(request),
            Some(Fault {
                kind: FaultKind::Hang,
                ..
            }) => {
                let clearings = lock(controls).clearings;
                fault::hang(|| lock(controls).clearings != clearings);
                return drop_connection(request);
            }
            Some(fault) => fault.response(),
            None => match to_api_request(&mut request, api_url) {
                Some(mut api_request) if api == Api::Websupport => {
                    match dated(&mut api_request, behind_proxy) {
                        Some(date) => {
                            lock(controls).websupport_date = Some(date);
                            lock(state).handle(api, &api_request, now())
                        }
                        None => HttpResponse::json(
                            401,
                            r#"{"message": "Missing date header.", "code": 401}"#.to_string(),
                        ),
                    }
                }
                Some(api_request) => lock(state).handle(api, &api_request, now()),
                None => HttpResponse::json(405, r#"{"error": "Method not allowed"}"#.to_string()),
            },
        }
    } else if path.starts_with("/__sim/") {
        let mut body = String::new();
        let _ = request.as_reader().read_to_string(&mut body);
        control(&path, &method, &body, state, controls, options)
    } else if path == "/config.json" {
        match lock(controls).config.clone() {
            Some(text) => HttpResponse::json(200, text),
            None => return serve_static(request, &path, options.static_root.as_deref()),
        }
    } else {
        return serve_static(request, &path, options.static_root.as_deref());
    };
    let body = if lock(controls).omit_nulls {
        without_nulls(response.body)
    } else {
        response.body
    };
    let mut reply = Response::from_string(body).with_status_code(response.status);
    if let Some(content_type) = response.content_type {
        reply.add_header(header("Content-Type", &content_type));
    }
    if let Some(seconds) = response.retry_after {
        reply.add_header(header("Retry-After", &seconds.to_string()));
    }
    let _ = request.respond(with_security_headers(reply));
}

/// The test-only controls under `/__sim/`.
fn control(
    path: &str,
    method: &tiny_http::Method,
    body: &str,
    state: &Mutex<Simulator>,
    controls: &Mutex<Controls>,
    options: &Options,
) -> HttpResponse {
    use tiny_http::Method::{Delete, Post, Put};
    match (path, method) {
        ("/__sim/reset", Post) => {
            *lock(state) = fresh_simulator(options);
            let mut controls = lock(controls);
            *controls = Controls {
                clearings: controls.clearings + 1,
                ..Controls::default()
            };
            HttpResponse::empty(204)
        }
        ("/__sim/fault", Post) => match Fault::parse(body) {
            Ok(fault) => {
                lock(controls).faults.push(fault);
                HttpResponse::empty(204)
            }
            Err(problem) => {
                HttpResponse::json(400, serde_json::json!({ "error": problem }).to_string())
            }
        },
        ("/__sim/fault", Delete) => {
            let mut controls = lock(controls);
            controls.faults.clear();
            controls.clearings += 1;
            HttpResponse::empty(204)
        }
        ("/__sim/config", Put) => {
            lock(controls).config = Some(body.to_string());
            HttpResponse::empty(204)
        }
        ("/__sim/config", Delete) => {
            lock(controls).config = None;
            HttpResponse::empty(204)
        }
        ("/__sim/omit-nulls", Put) => {
            lock(controls).omit_nulls = body.trim() == "true";
            HttpResponse::empty(204)
        }
        ("/__sim/seen", tiny_http::Method::Get) => HttpResponse::json(
            200,
            serde_json::json!({ "websupport_date": lock(controls).websupport_date }).to_string(),
        ),
        _ => HttpResponse::json(404, r#"{"error": "Not found"}"#.to_string()),
    }
}

/// The Websupport request's time, read from `Date` only, as the live v1
/// API reads it. In front of the simulator's own mount, the README's proxy
/// rule applies first (`X-Date` copied into `Date`); behind a real proxy
/// (`upstream`) the proxy has done that. `X-Date` itself is not read.
fn dated(request: &mut HttpRequest, upstream: bool) -> Option<String> {
    let sent = request.header_value("X-Date").map(str::to_string);
    request
        .headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("X-Date"));
    if !upstream {
        if let Some(time) = sent {
            request
                .headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("Date"));
            request.headers.push(("Date".into(), time));
        }
    }
    request.header_value("Date").map(str::to_string)
}

/// A JSON body without its `null` keys, at every depth; other bodies as they are.
fn without_nulls(body: String) -> String {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|_, value| !value.is_null());
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    match serde_json::from_str::<serde_json::Value>(&body) {
        Ok(mut value) => {
            strip(&mut value);
            value.to_string()
        }
        Err(_) => body,
    }
}

/// Ends the exchange without an HTTP answer: the browser sees a network error.
fn drop_connection(request: Request) {
    let mut writer = request.into_writer();
    let _ = writer.write_all(b"BROKEN\r\n\r\n");
    let _ = writer.flush();
}

fn with_security_headers<R: std::io::Read>(mut reply: Response<R>) -> Response<R> {
    for (name, value) in SECURITY_HEADERS {
        reply.add_header(header(name, value));
    }
    reply
}

fn to_api_request(request: &mut Request, url: String) -> Option<HttpRequest> {
    let method = Method::parse(request.method().as_str())?;
    let mut api_request = HttpRequest::new(method, url);
    for field in request.headers() {
        api_request = api_request.header(field.field.as_str().as_str(), field.value.as_str());
    }
    let mut body = String::new();
    if request.as_reader().read_to_string(&mut body).is_ok() && !body.is_empty() {
        api_request.body = Some(body);
    }
    Some(api_request)
}

fn serve_static(request: Request, path: &str, root: Option<&Path>) {
    let Some(root) = root else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let file = safe_join(root, path)
        .filter(|candidate| candidate.is_file())
        .unwrap_or_else(|| root.join("index.html"));
    match std::fs::read(&file) {
        Ok(bytes) => {
            let reply =
                Response::from_data(bytes).with_header(header("Content-Type", content_type(&file)));
            let _ = request.respond(with_security_headers(reply));
        }
        Err(_) => {
            let _ = request.respond(Response::from_string("not found").with_status_code(404));
        }
    }
}

/// Joins a URL path under `root`, refusing `..` and other escapes.
fn safe_join(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        Some(root.join(relative))
    } else {
        None
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        Header::from_bytes(&b"X-Invalid-Header"[..], &b"1"[..]).expect("static header is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websupport_reads_its_time_from_date_only() {
        let browser =
            || HttpRequest::new(Method::Get, "/v1/user/self").header("X-Date", "20190123T104657Z");
        // The simulator's own mount applies the proxy rule.
        let mut proxied = browser();
        assert_eq!(
            dated(&mut proxied, false).as_deref(),
            Some("20190123T104657Z")
        );
        assert_eq!(proxied.header_value("X-Date"), None);
        // Behind a real proxy that forgot the rule, the time is missing.
        assert_eq!(dated(&mut browser(), true), None);
        let mut forwarded = browser().header("Date", "20190123T104658Z");
        assert_eq!(
            dated(&mut forwarded, true).as_deref(),
            Some("20190123T104658Z")
        );
    }

    #[test]
    fn null_keys_can_be_left_out_of_every_answer() {
        assert_eq!(
            without_nulls(r#"{"a":null,"b":[{"c":null,"d":1}],"e":{"f":null}}"#.into()),
            r#"{"b":[{"d":1}],"e":{}}"#
        );
        assert_eq!(without_nulls("not json".into()), "not json");
    }

    #[test]
    fn refuses_paths_that_escape_the_root() {
        let root = Path::new("/srv/dist");
        assert_eq!(
            safe_join(root, "/app.js"),
            Some(PathBuf::from("/srv/dist/app.js"))
        );
        assert_eq!(safe_join(root, "/../etc/passwd"), None);
        assert_eq!(safe_join(root, "/a/../../x"), None);
    }
}
