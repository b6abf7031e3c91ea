fn main() {
    // A panic aborts the whole app; at least say why in the console.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("userdesk stopped: {info}").into());
    }));
    wasm_bindgen_futures::spawn_local(userdesk::start());
}
