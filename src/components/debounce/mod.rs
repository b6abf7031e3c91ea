//! Running something once a burst of calls pauses: the search reaches the
//! URL when typing stops, not on every keystroke.
//!
//! ## Usage
//! ```ignore
//! let write_url = use_debounced(Duration::from_millis(300), move || write(1));
//! view! { <input on:input=move |_| write_url() /> }
//! ```

use std::time::Duration;

use leptos::prelude::*;

/// A function that runs `run` once its calls pause for `delay`: each call
/// cancels the one before it. Nothing runs after the owner has gone.
pub fn use_debounced(
    delay: Duration,
    run: impl Fn() + Clone + 'static,
) -> impl Fn() + Clone + 'static {
    let latest = StoredValue::new(0u64);
    move || {
        let call = latest.get_value().wrapping_add(1);
        latest.set_value(call);
        let run = run.clone();
        set_timeout(
            move || {
                if latest.try_get_value() == Some(call) {
                    run();
                }
            },
            delay,
        );
    }
}
