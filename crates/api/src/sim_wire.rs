//! The messages between the console and the Demo simulator, which runs in
//! a Web Worker of its own: one request in, one response out, plus what
//! the console keeps for it (the simulated world in local storage, this
//! tab's tokens in session storage; a worker can reach neither).
//!
//! ## Usage
//! ```
//! use userdesk_api::sim_wire::ToSimulator;
//! use userdesk_api::resource::Api;
//! use userdesk_api::{HttpRequest, Method};
//!
//! let call = ToSimulator::Request { id: 1, api: Api::Admin, request: HttpRequest::new(Method::Get, "/token"), now: 0 };
//! let text = call.to_text();
//! assert_eq!(ToSimulator::from_text(&text), Some(call));
//! ```

use serde::{Deserialize, Serialize};

use crate::http::{HttpRequest, HttpResponse};
use crate::resource::Api;

/// The console to the simulator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToSimulator {
    /// The first message: the saved world and this tab's tokens, if any,
    /// and entropy for a fresh world (the worker asks the page for it, so
    /// both draw from the page's random source).
    Start {
        state: Option<String>,
        tokens: Option<String>,
        entropy: u64,
        now: i64,
    },
    /// One request to one simulated API, at the page's time (tests move
    /// the page's clock, and the simulator follows it).
    Request {
        id: u64,
        api: Api,
        request: HttpRequest,
        now: i64,
    },
    /// Signing out: forget every token granted in this tab.
    ForgetTokens,
}

/// The simulator to the console. Read in the page through
/// [`FlatFromSimulator`]: a derived internally-tagged reader buffers
/// through serde's generic content type, which the console's bundle
/// would otherwise carry for this one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "FlatFromSimulator"
)]
pub enum FromSimulator {
    /// Loaded and listening; messages sent before this wait in the page.
    Ready,
    /// The answer to request `id`, with the world to save when it changed
    /// and this tab's tokens (empty when there are none).
    Answer {
        id: u64,
        response: HttpResponse,
        state: Option<String>,
        tokens: String,
    },
}

/// [`FromSimulator`] as sent, every key at the top.
#[derive(Deserialize)]
struct FlatFromSimulator {
    kind: String,
    id: Option<u64>,
    response: Option<HttpResponse>,
    state: Option<String>,
    tokens: Option<String>,
}

impl TryFrom<FlatFromSimulator> for FromSimulator {
    type Error = &'static str;

    fn try_from(flat: FlatFromSimulator) -> Result<FromSimulator, &'static str> {
        match (flat.kind.as_str(), flat.id, flat.response) {
            ("ready", ..) => Ok(FromSimulator::Ready),
            ("answer", Some(id), Some(response)) => Ok(FromSimulator::Answer {
                id,
                response,
                state: flat.state,
                tokens: flat.tokens.unwrap_or_default(),
            }),
            _ => Err("not a message from the simulator"),
        }
    }
}

impl ToSimulator {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_text(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

impl FromSimulator {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_text(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;

    #[test]
    fn messages_round_trip_and_garbage_is_refused() {
        let answer = FromSimulator::Answer {
            id: 7,
            response: HttpResponse::json(200, "{}".into()),
            state: None,
            tokens: String::new(),
        };
        assert_eq!(FromSimulator::from_text(&answer.to_text()), Some(answer));
        let start = ToSimulator::Start {
            state: Some("{}".into()),
            tokens: None,
            entropy: 42,
            now: 1,
        };
        assert_eq!(ToSimulator::from_text(&start.to_text()), Some(start));
        let request = ToSimulator::Request {
            id: 1,
            api: Api::Websupport,
            request: HttpRequest::new(Method::Put, "/v1/user/self").json_body("{}".into()),
            now: 5,
        };
        assert!(request.to_text().contains(r#""api":"websupport""#));
        assert_eq!(ToSimulator::from_text("{\"kind\": \"nope\"}"), None);
        assert_eq!(FromSimulator::from_text("not json"), None);
        let ready = FromSimulator::Ready;
        assert_eq!(FromSimulator::from_text(&ready.to_text()), Some(ready));
        assert_eq!(
            FromSimulator::from_text("{\"kind\": \"answer\", \"id\": 1}"),
            None,
            "no response"
        );
        assert_eq!(FromSimulator::from_text("{\"kind\": \"nope\"}"), None);
    }
}
