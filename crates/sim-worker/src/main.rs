//! The Demo simulator in a Web Worker of its own, so a console whose APIs
//! are all servers never downloads it.
//!
//! trunk builds it (`data-type="worker"` in `index.html`) into
//! `userdesk-sim-worker.js`, `userdesk-sim-worker_bg.wasm` and the loader
//! `userdesk-sim-worker_loader.js`, which the console starts. Each message
//! is a [`ToSimulator`] as JSON text; answers are [`FromSimulator`]s. The
//! first message out says the worker is listening.
//!
//! [`ToSimulator`]: userdesk_api::sim_wire::ToSimulator
//! [`FromSimulator`]: userdesk_api::sim_wire::FromSimulator

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::listen();
}

/// Built natively only so `cargo test --workspace` compiles it.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use userdesk_api::sim_wire::{FromSimulator, ToSimulator};
    use userdesk_sim::host::Host;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        static HOST: RefCell<Host> = RefCell::new(Host::default());
    }

    fn post(scope: &DedicatedWorkerGlobalScope, message: &FromSimulator) {
        let _ = scope.post_message(&JsValue::from_str(&message.to_text()));
    }

    /// Answers every message from the page, then says it is ready.
    pub fn listen() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
            return;
        };
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(message) = event
                .data()
                .as_string()
                .and_then(|text| ToSimulator::from_text(&text))
            else {
                return;
            };
            if let Some(answer) = HOST.with(|host| host.borrow_mut().receive(message)) {
                post(&replies, &answer);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&scope, &FromSimulator::Ready);
    }
}
