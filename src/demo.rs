//! Demo mode: the simulator, in a Web Worker of its own (`crates/sim-worker`),
//! started only when some API is in Demo, so a console whose APIs are all
//! servers never downloads it. The component tests run the same host in
//! the page instead (feature `in-page-demo`).
//!
//! The worker can reach neither storage, so the page keeps what it hands
//! back ([`userdesk_api::sim_wire`]): the simulated world in local storage,
//! so Demo changes survive a reload, and the live tokens apart in this tab's
//! session storage, as the session token itself is; signing out removes
//! them. Passwords are kept only as the simulator's PBKDF2 hashes.
//!
//! **Two tabs.** Each tab runs its own simulator over the one saved world.
//! A tab sends its Demo requests one at a time; before each, it reloads
//! its simulator from local storage if another tab saved since, and it
//! saves an answer's world only if nobody saved meanwhile. Otherwise the
//! other tab's change stands, and the request runs again on top of it. So
//! no tab overwrites another's work, and each sees the other's changes
//! from its next request.

use std::cell::RefCell;
use std::collections::HashMap;

use futures_channel::oneshot;
use userdesk_api::resource::Api;
use userdesk_api::sim_wire::{FromSimulator, ToSimulator};
use userdesk_api::{ApiError, HttpRequest, HttpResponse};

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.demo";
const TOKENS_KEY: &str = "userdesk.demo.tokens";

/// An answer, and the world after it when it changed.
type Answered = (HttpResponse, Option<String>);

/// What a request waits on.
type Reply = oneshot::Sender<Result<Answered, ApiError>>;

/// How often a request runs again because another tab saved meanwhile.
const MOST_REPLAYS: usize = 3;

/// The open channel to the simulator.
struct Link {
    channel: Channel,
    /// Whether the simulator listens yet; until then messages wait here.
    ready: bool,
    waiting: Vec<String>,
    pending: HashMap<u64, Reply>,
    /// The simulator failed; the next request starts a new one.
    broken: bool,
    /// Answers to requests sent before the last sign-out carry tokens the
    /// simulator has forgotten since: theirs are not saved.
    tokens_from: u64,
    /// The saved world this tab's simulator holds: what local storage
    /// holds unless another tab saved since.
    base: Option<String>,
    /// A Demo request is under way in this tab; later ones wait here.
    busy: bool,
    queue: std::collections::VecDeque<oneshot::Sender<()>>,
}

thread_local! {
    static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
    /// Request ids, never reused, also across a reset's new simulator.
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// How long a Demo request may wait for its answer, as a server request may.
const ANSWER_WITHIN_SECONDS: u32 = 20;

/// A fresh request id.
fn take_id() -> u64 {
    NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    })
}

/// Fails request `id` if no answer came within `seconds`, so a lost answer
/// cannot hold this tab's turn (and every Demo request after it) forever.
fn expire_after(id: u64, seconds: u32) {
    use wasm_bindgen::JsCast;
    let expire = wasm_bindgen::closure::Closure::once_into_js(move || {
        let reply = LINK.with(|cell| {
            cell.try_borrow_mut()
                .ok()
                .and_then(|mut slot| slot.as_mut().and_then(|link| link.pending.remove(&id)))
        });
        if let Some(reply) = reply {
            let _ = reply.send(Err(ApiError::Timeout { seconds }));
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            expire.unchecked_ref(),
            i32::try_from(seconds * 1000).unwrap_or(i32::MAX),
        );
    }
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Entropy from the page's cryptographic source (the clock without one).
fn entropy() -> u64 {
    let mut bytes = [0u8; 8];
    let seeded = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if seeded {
        u64::from_le_bytes(bytes)
    } else {
        js_sys::Date::now() as u64
    }
}

impl Link {
    fn open() -> Result<Link, ApiError> {
        let (channel, ready) = Channel::open()?;
        let mut link = Link {
            channel,
            ready,
            waiting: Vec::new(),
            pending: HashMap::new(),
            broken: false,
            tokens_from: 0,
            base: None,
            busy: false,
            queue: std::collections::VecDeque::new(),
        };
        link.load(storage::read(Store::Local, STORAGE_KEY));
        Ok(link)
    }

    /// (Re)starts the simulator from `state`, with this tab's tokens.
    fn load(&mut self, state: Option<String>) {
        let start = ToSimulator::Start {
            state: state.clone(),
            tokens: storage::read(Store::Session, TOKENS_KEY),
            entropy: entropy(),
            now: now_seconds(),
        };
        self.base = state;
        self.send(start.to_text());
    }

    /// Sends now, or once the simulator listens. Returns the in-page answer, if any.
    fn send(&mut self, text: String) -> Vec<String> {
        if self.ready {
            self.channel.post(text)
        } else {
            self.waiting.push(text);
            Vec::new()
        }
    }
}

/// Handles a message from the simulator: saves what it hands back and
/// wakes the request it answers.
fn receive(text: &str) {
    let Some(message) = FromSimulator::from_text(text) else {
        return;
    };
    match message {
        FromSimulator::Ready => {
            let answers = LINK.with(|cell| {
                let mut slot = cell.borrow_mut();
                let Some(link) = slot.as_mut() else {
                    return Vec::new();
                };
                link.ready = true;
                let waiting = std::mem::take(&mut link.waiting);
                waiting
                    .into_iter()
                    .flat_map(|text| link.channel.post(text))
                    .collect()
            });
            for answer in answers {
                receive(&answer);
            }
        }
        FromSimulator::Answer {
            id,
            response,
            state,
            tokens,
        } => {
            let (reply, current) = LINK.with(|cell| {
                cell.borrow_mut()
                    .as_mut()
                    .map(|link| (link.pending.remove(&id), id >= link.tokens_from))
                    .unwrap_or((None, false))
            });
            if current && tokens.is_empty() {
                storage::remove(Store::Session, TOKENS_KEY);
            } else if current {
                storage::write(Store::Session, TOKENS_KEY, &tokens);
            }
            if let Some(reply) = reply {
                let _ = reply.send(Ok((response, state)));
            }
        }
    }
}

/// The simulator could not start or stopped: every waiting request fails,
/// and the next one starts it again. (It runs inside the worker's error
/// handler, so the worker is dropped later, by that next request.)
#[cfg_attr(feature = "in-page-demo", allow(dead_code))]
fn fail(reason: &str) {
    let pending = LINK.with(|cell| {
        let mut slot = cell.borrow_mut();
        match slot.as_mut() {
            Some(link) => {
                link.broken = true;
                std::mem::take(&mut link.pending)
            }
            None => HashMap::new(),
        }
    });
    for (_, reply) in pending {
        let _ = reply.send(Err(ApiError::Network(format!(
            "the Demo simulator {reason}"
        ))));
    }
}

/// Answers a request from the simulator (starting it on first use), one
/// at a time in this tab, saving its world unless another tab saved
/// meanwhile; then the request runs again on the other tab's world.
pub async fn send(api: Api, request: &HttpRequest) -> Result<HttpResponse, ApiError> {
    let _turn = Turn::take().await?;
    let mut replays = 0;
    loop {
        let base = LINK.with(|cell| {
            let mut slot = cell.borrow_mut();
            let link = slot.as_mut()?;
            let stored = storage::read(Store::Local, STORAGE_KEY);
            if stored != link.base {
                // Another tab saved since: start from its world.
                link.load(stored);
            }
            Some(link.base.clone())
        });
        let (response, state) = round_trip(api, request).await?;
        let Some(state) = state else {
            return Ok(response);
        };
        let stored = storage::read(Store::Local, STORAGE_KEY);
        if base.is_none_or(|base| base == stored) || replays == MOST_REPLAYS {
            storage::write(Store::Local, STORAGE_KEY, &state);
            LINK.with(|cell| {
                if let Some(link) = cell.borrow_mut().as_mut() {
                    link.base = Some(state);
                }
            });
            return Ok(response);
        }
        replays += 1;
    }
}

/// This tab's turn to send a Demo request; the next one's when dropped,
/// also when the request's page went away meanwhile.
struct Turn;

impl Turn {
    async fn take() -> Result<Turn, ApiError> {
        let waiting = LINK.with(|cell| {
            let mut slot = cell.borrow_mut();
            if let Some(broken) = slot.take_if(|link| link.broken) {
                broken.channel.close();
            }
            if slot.is_none() {
                *slot = Some(Link::open()?);
            }
            let Some(link) = slot.as_mut() else {
                return Ok(None);
            };
            if !link.busy {
                link.busy = true;
                return Ok(None);
            }
            let (go, wait) = oneshot::channel();
            link.queue.push_back(go);
            Ok(Some(wait))
        })?;
        if let Some(wait) = waiting {
            // A dropped sender (the link was reset) lets this one go too.
            let _ = wait.await;
        }
        Ok(Turn)
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        LINK.with(|cell| {
            let Ok(mut slot) = cell.try_borrow_mut() else {
                return;
            };
            let Some(link) = slot.as_mut() else {
                return;
            };
            // The next waiter still there gets the turn.
            while let Some(next) = link.queue.pop_front() {
                if next.send(()).is_ok() {
                    return;
                }
            }
            link.busy = false;
        });
    }
}

/// One request to the simulator and its answer.
async fn round_trip(api: Api, request: &HttpRequest) -> Result<Answered, ApiError> {
    let (reply, answer) = oneshot::channel();
    let answers = LINK.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Link::open()?);
        }
        let Some(link) = slot.as_mut() else {
            return Ok(Vec::new());
        };
        let id = take_id();
        link.pending.insert(id, reply);
        expire_after(id, ANSWER_WITHIN_SECONDS);
        let call = ToSimulator::Request {
            id,
            api,
            request: request.clone(),
            now: now_seconds(),
        };
        Ok(link.send(call.to_text()))
    })?;
    for text in answers {
        receive(&text);
    }
    answer
        .await
        .unwrap_or_else(|_| Err(ApiError::Network("the Demo simulator stopped".into())))
}

/// Signing out: Demo forgets every token it granted in this tab.
pub fn forget_tokens() {
    storage::remove(Store::Session, TOKENS_KEY);
    LINK.with(|cell| {
        if let Some(link) = cell.borrow_mut().as_mut() {
            link.tokens_from = NEXT_ID.with(std::cell::Cell::get);
            link.send(ToSimulator::ForgetTokens.to_text());
        }
    });
}

/// Throws away every Demo change and starts again from the documented examples.
pub fn reset() {
    storage::remove(Store::Local, STORAGE_KEY);
    storage::remove(Store::Session, TOKENS_KEY);
    let link = LINK.with(|cell| cell.borrow_mut().take());
    if let Some(link) = link {
        link.channel.close();
    }
}

#[cfg(not(feature = "in-page-demo"))]
use worker::Channel;

#[cfg(not(feature = "in-page-demo"))]
mod worker {
    use userdesk_api::ApiError;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{MessageEvent, Worker};

    /// trunk's loader for the worker build (`index.html`).
    const LOADER: &str = "/userdesk-sim-worker_loader.js";

    /// The worker, and its handlers (kept alive as long as it is).
    pub struct Channel {
        worker: Worker,
        _on_message: Closure<dyn Fn(MessageEvent)>,
        _on_error: Closure<dyn Fn(web_sys::Event)>,
    }

    impl Channel {
        /// Starts the worker; it says when it listens.
        pub fn open() -> Result<(Channel, bool), ApiError> {
            let worker = Worker::new(LOADER)
                .map_err(|_| ApiError::Network("the Demo simulator could not start".into()))?;
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
                if let Some(text) = event.data().as_string() {
                    super::receive(&text);
                }
            });
            let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
                super::fail("could not start or stopped; try again");
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Ok((
                Channel {
                    worker,
                    _on_message: on_message,
                    _on_error: on_error,
                },
                false,
            ))
        }

        /// Posts a message; the answer comes as an event.
        pub fn post(&self, text: String) -> Vec<String> {
            let _ = self.worker.post_message(&JsValue::from_str(&text));
            Vec::new()
        }

        pub fn close(self) {
            self.worker.terminate();
        }
    }
}

#[cfg(feature = "in-page-demo")]
use in_page::Channel;

#[cfg(feature = "in-page-demo")]
mod in_page {
    use userdesk_api::sim_wire::ToSimulator;
    use userdesk_api::ApiError;
    use userdesk_sim::host::Host;

    /// The simulator's host in the page, for component tests.
    pub struct Channel {
        host: Host,
    }

    impl Channel {
        pub fn open() -> Result<(Channel, bool), ApiError> {
            Ok((
                Channel {
                    host: Host::default(),
                },
                true,
            ))
        }

        /// Answers at once.
        pub fn post(&mut self, text: String) -> Vec<String> {
            ToSimulator::from_text(&text)
                .and_then(|message| self.host.receive(message))
                .map(|answer| vec![answer.to_text()])
                .unwrap_or_default()
        }

        pub fn close(self) {}
    }
}
