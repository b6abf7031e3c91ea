//! Serves the simulator over real HTTP, beside an optional static SPA build.
//!
//! - `/api/admin/…` → the simulated Admin API;
//! - `POST /__sim/reset` → fresh seeded state (end-to-end tests isolate with it);
//! - anything else → a file from the static folder, or `index.html` for
//!   unknown paths so client-side routes survive a reload.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use tiny_http::{Header, Request, Response, Server};
use userdesk_api::{HttpRequest, HttpResponse, Method};
use userdesk_sim::{Api, Simulator};

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
    let server = Server::http(options.address)
        .map_err(|error| format!("cannot listen on {}: {error}", options.address))?;
    let state = Arc::new(Mutex::new(fresh_simulator(&options)));
    println!("sim-server listening on http://{}", options.address);
    let options = Arc::new(options);
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        let options = Arc::clone(&options);
        std::thread::spawn(move || respond(request, &state, &options));
    }
    Ok(())
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

fn respond(mut request: Request, state: &Mutex<Simulator>, options: &Options) {
    let url = request.url().to_string();
    let path = url.split('?').next().unwrap_or("/").to_string();
    let response = if let Some(rest) = path.strip_prefix(Api::Admin.mount_path()) {
        let api_url = format!("{rest}{}", &url[path.len()..]);
        match to_api_request(&mut request, api_url) {
            Some(api_request) => {
                let mut simulator = state
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                simulator.handle(Api::Admin, &api_request, now())
            }
            None => HttpResponse::json(405, r#"{"error": "Method not allowed"}"#.to_string()),
        }
    } else if path == "/__sim/reset" && request.method() == &tiny_http::Method::Post {
        *state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = fresh_simulator(options);
        HttpResponse::empty(204)
    } else {
        return serve_static(request, &path, options.static_root.as_deref());
    };
    let mut reply = Response::from_string(response.body).with_status_code(response.status);
    if let Some(content_type) = response.content_type {
        reply.add_header(header("Content-Type", &content_type));
    }
    let _ = request.respond(reply);
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
            let _ = request.respond(reply);
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
