//! Demo mode: the simulator running inside the page.
//!
//! Its records persist in local storage so Demo changes survive a reload.
//! Its live tokens are not part of that state: they stay in this tab's
//! session storage, as the session token itself does, and signing out
//! removes them. Passwords are kept only as the simulator's PBKDF2 hashes.

use std::cell::RefCell;

use userdesk_api::{HttpRequest, HttpResponse};
use userdesk_sim::{Api, Simulator};

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.demo";
const TOKENS_KEY: &str = "userdesk.demo.tokens";

thread_local! {
    static SIMULATOR: RefCell<Option<Simulator>> = const { RefCell::new(None) };
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn fresh() -> Simulator {
    let mut entropy = [0u8; 8];
    let seeded = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut entropy).is_ok());
    let seed = if seeded {
        u64::from_le_bytes(entropy)
    } else {
        js_sys::Date::now() as u64
    };
    Simulator::seeded(now_seconds(), seed)
}

fn restore() -> Simulator {
    let mut simulator = storage::read(Store::Local, STORAGE_KEY)
        .and_then(|text| Simulator::from_json(&text))
        .unwrap_or_else(fresh);
    if let Some(tokens) = storage::read(Store::Session, TOKENS_KEY) {
        simulator.admin.restore_tokens(&tokens);
    }
    simulator
}

/// Answers a request from the in-page simulator and saves its state.
pub fn send(api: Api, request: &HttpRequest) -> HttpResponse {
    SIMULATOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let simulator = slot.get_or_insert_with(restore);
        let response = simulator.handle(api, request, now_seconds());
        storage::write(Store::Local, STORAGE_KEY, &simulator.to_json());
        if simulator.admin.tokens.is_empty() {
            storage::remove(Store::Session, TOKENS_KEY);
        } else {
            storage::write(Store::Session, TOKENS_KEY, &simulator.admin.tokens_json());
        }
        response
    })
}

/// Signing out: Demo forgets every token it granted in this tab.
pub fn forget_tokens() {
    storage::remove(Store::Session, TOKENS_KEY);
    SIMULATOR.with(|cell| {
        if let Some(simulator) = cell.borrow_mut().as_mut() {
            simulator.admin.tokens.clear();
        }
    });
}

/// Throws away every Demo change and starts again from the documented examples.
pub fn reset() {
    storage::remove(Store::Local, STORAGE_KEY);
    forget_tokens();
    SIMULATOR.with(|cell| *cell.borrow_mut() = None);
}
