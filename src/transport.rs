//! One way to send a request, over two transports: fetch (gloo-net) or the
//! in-page simulator. Either way the caller gets an `HttpResponse` or a typed
//! `ApiError`; nothing here panics on what the network sends.

use gloo_net::http::Request;
use leptos::prelude::*;
use userdesk_api::curl::curl_command;
use userdesk_api::deploy::{read_deploy_config, DeployOutcome};
use userdesk_api::http::parse_retry_after;
use userdesk_api::resource::Api;
use userdesk_api::{ApiError, HttpRequest, HttpResponse, Method};
use wasm_bindgen::prelude::*;

use crate::demo;
use crate::settings::Target;

/// Seconds before an HTTP request is aborted.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Counts requests so the shell can show progress (and tests can prove a
/// form sent nothing), and keeps the last few, redacted, for "Copy as curl".
#[derive(Clone, Copy)]
pub struct Activity {
    pub in_flight: RwSignal<u32>,
    pub sent: RwSignal<u64>,
    /// The last [`KEPT_REQUESTS`] requests, oldest first.
    pub recent: RwSignal<Vec<SentRequest>>,
}

/// How many sent requests [`Activity::recent`] keeps.
pub const KEPT_REQUESTS: usize = 20;

/// One request sent, with its secrets already replaced by variables.
#[derive(Clone, Debug, PartialEq)]
pub struct SentRequest {
    /// Its place in [`Activity::sent`]'s count, from 1.
    pub number: u64,
    /// `GET /v/1.0/user/2`.
    pub summary: String,
    /// The answer's status; `None` when none came.
    pub status: Option<u16>,
    /// The request as a redacted `curl` command.
    pub curl: String,
}

impl Activity {
    pub fn new() -> Self {
        Activity {
            in_flight: RwSignal::new(0),
            sent: RwSignal::new(0),
            recent: RwSignal::new(Vec::new()),
        }
    }

    /// Sent requests numbered above `after`: those made since a page
    /// read [`Activity::sent`].
    pub fn since(&self, after: u64) -> Vec<SentRequest> {
        self.recent.with(|recent| {
            recent
                .iter()
                .filter(|sent| sent.number > after)
                .cloned()
                .collect()
        })
    }
}

impl Default for Activity {
    fn default() -> Self {
        Activity::new()
    }
}

/// Sends `request` to `api` at `target`.
pub async fn send(
    api: Api,
    target: &Target,
    request: HttpRequest,
    activity: Activity,
) -> Result<HttpResponse, ApiError> {
    activity.sent.update(|n| *n += 1);
    activity.in_flight.update(|n| *n += 1);
    let number = activity.sent.get_untracked();
    let summary = format!("{} {}", request.method.as_str(), request.path());
    let curl = match target {
        // A server named by a path is on this site: the command names the origin.
        Target::Server { .. } if request.url.starts_with('/') => {
            let origin = web_sys::window()
                .and_then(|window| window.location().origin().ok())
                .unwrap_or_default();
            curl_command(&HttpRequest {
                url: format!("{origin}{}", request.url),
                ..request.clone()
            })
        }
        _ => curl_command(&request),
    };
    let result = match target {
        Target::Demo => demo::send(api, &request).await,
        Target::Server { .. } => fetch(request, TIMEOUT_SECONDS).await,
    };
    activity.in_flight.update(|n| *n = n.saturating_sub(1));
    let status = result.as_ref().ok().map(|response| response.status);
    activity.recent.update(|recent| {
        if recent.len() >= KEPT_REQUESTS {
            recent.remove(0);
        }
        recent.push(SentRequest {
            number,
            summary,
            status,
            curl,
        });
    });
    result
}

/// Seconds the start-up waits for `/config.json` before going on without it.
const CONFIG_TIMEOUT_SECONDS: u32 = 5;

/// Fetches the deployment config, `/config.json` beside `index.html`. No
/// answer (offline, a dev server without the file) means there is none.
pub async fn fetch_deploy_config() -> DeployOutcome {
    let request =
        HttpRequest::new(Method::Get, "/config.json").header("Accept", "application/json");
    match fetch(request, CONFIG_TIMEOUT_SECONDS).await {
        Ok(response) => read_deploy_config(
            response.status,
            response.content_type.as_deref(),
            &response.body,
        ),
        Err(ApiError::Timeout { seconds }) => DeployOutcome::Malformed(format!(
            "config.json did not arrive within {seconds} seconds."
        )),
        Err(_) => DeployOutcome::Absent,
    }
}

async fn fetch(request: HttpRequest, timeout_seconds: u32) -> Result<HttpResponse, ApiError> {
    let controller = web_sys::AbortController::new()
        .map_err(|_| ApiError::Network("cannot create an abort controller".into()))?;
    let signal = controller.signal();
    let timer = Timeout::start(&controller, timeout_seconds);
    // Built by hand rather than with gloo-net's builder, which re-serialises
    // a URL that has a query and appends `&`: a signed Websupport path must
    // go out exactly as it was signed.
    let built = build_request(&request, &signal)
        .map_err(|_| ApiError::Network("the browser refused to build the request".into()))?;
    let outcome = built.send().await;
    drop(timer);
    let response = outcome.map_err(|error| {
        if signal.aborted() {
            ApiError::Timeout {
                seconds: timeout_seconds,
            }
        } else {
            ApiError::Network(error.to_string())
        }
    })?;
    let status = response.status();
    let content_type = response.headers().get("content-type");
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|value| parse_retry_after(&value));
    let body = response.text().await.map_err(|_| {
        if signal.aborted() {
            ApiError::Timeout {
                seconds: timeout_seconds,
            }
        } else {
            ApiError::UnexpectedResponse("the body could not be read".into())
        }
    })?;
    Ok(HttpResponse {
        status,
        content_type,
        retry_after,
        body,
    })
}

/// The fetch request for `request`, its URL untouched.
fn build_request(request: &HttpRequest, signal: &web_sys::AbortSignal) -> Result<Request, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    let headers = web_sys::Headers::new()?;
    for (name, value) in &request.headers {
        headers.append(name, value)?;
    }
    init.set_headers(&headers);
    init.set_signal(Some(signal));
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init).map(Request::from)
}

/// Waits `seconds` on the page's timer (which tests can fast-forward).
pub async fn sleep(seconds: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                (seconds * 1000) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Aborts a request when it takes too long; dropping it cancels the timer.
///
/// The callback owns itself (`once_into_js`), so a timer that fires after
/// the request ended, because clearing it failed, only aborts a finished
/// request. (Fake clocks in tests hand out timer ids above `i32::MAX`,
/// which web-sys cannot pass back to `clearTimeout`.)
struct Timeout {
    id: Option<i32>,
}

impl Timeout {
    fn start(controller: &web_sys::AbortController, seconds: u32) -> Self {
        let controller = controller.clone();
        let callback = Closure::once_into_js(move || controller.abort());
        let id = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    (seconds * 1000) as i32,
                )
                .ok()
        });
        Timeout { id }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.id, web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}
