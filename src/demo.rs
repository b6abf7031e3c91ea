//! Demo mode: the simulator running inside the page, persisted in local storage.

use std::cell::RefCell;

use userdesk_api::{HttpRequest, HttpResponse};
use userdesk_sim::{Api, Simulator};

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.demo";

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

/// Answers a request from the in-page simulator and saves its state.
pub fn send(api: Api, request: &HttpRequest) -> HttpResponse {
    SIMULATOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let simulator = slot.get_or_insert_with(|| {
            storage::read(Store::Local, STORAGE_KEY)
                .and_then(|text| Simulator::from_json(&text))
                .unwrap_or_else(fresh)
        });
        let response = simulator.handle(api, request, now_seconds());
        storage::write(Store::Local, STORAGE_KEY, &simulator.to_json());
        response
    })
}

/// Throws away every Demo change and starts again from the documented examples.
pub fn reset() {
    storage::remove(Store::Local, STORAGE_KEY);
    SIMULATOR.with(|cell| *cell.borrow_mut() = None);
}
