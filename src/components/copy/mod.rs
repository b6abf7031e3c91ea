//! Copying a key, a token, an id or a command to the clipboard, and
//! secrets shown masked until revealed.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

mod requests;
pub use requests::RequestsMade;

use crate::components::toast::{ToastKind, Toasts};

/// How long a button says "Copied" before it reads "Copy" again.
const SAYS_COPIED_FOR: Duration = Duration::from_secs(2);

/// Characters of a masked secret left visible at its end.
const VISIBLE_TAIL: usize = 4;

/// A button that copies `text` and says so; `what` names it for screen
/// readers ("Copy the key"). A browser that refuses the clipboard gets an
/// error toast naming the way round it.
///
/// ## Usage
/// ```ignore
/// view! { <CopyButton text=Signal::stored(key) what="key" /> }
/// ```
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] what: String,
    /// The button's visible label before copying.
    #[prop(default = "Copy")]
    label: &'static str,
) -> impl IntoView {
    let toasts = Toasts::use_toasts();
    let copied = RwSignal::new(false);
    let named = format!("Copy the {what}");
    let said = format!("Copied the {what}.");
    let what = StoredValue::new(what);
    let copy = move |_| {
        let written = text.get_untracked();
        leptos::task::spawn_local(async move {
            if write_clipboard(&written).await {
                copied.try_set(true);
                set_timeout(
                    move || {
                        let _ = copied.try_set(false);
                    },
                    SAYS_COPIED_FOR,
                );
            } else {
                let what = what.get_value();
                toasts.show(
                    ToastKind::Error,
                    format!("The browser refused the clipboard; select the {what} and copy it with Ctrl+C."),
                );
            }
        });
    };
    view! {
        <button class="button button--small copy" type="button" aria-label=named on:click=copy>
            {move || if copied.get() { "Copied" } else { label }}
        </button>
        <span class="visually-hidden" role="status">{move || copied.get().then(|| said.clone())}</span>
    }
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// `secret` as dots and its last few characters.
pub fn masked(secret: &str) -> String {
    let count = secret.chars().count();
    let tail: String = secret
        .chars()
        .skip(count.saturating_sub(VISIBLE_TAIL))
        .collect();
    let mut shown = "•".repeat(count.saturating_sub(VISIBLE_TAIL).min(8));
    shown.push_str(&tail);
    shown
}

/// A secret in monospace, masked until "Show" is pressed, with a copy
/// button that copies the real value either way.
///
/// ## Usage
/// ```ignore
/// view! { <Secret value=key what="key" /> }
/// ```
#[component]
pub fn Secret(value: String, what: &'static str) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let hidden = masked(&value);
    let real = value.clone();
    view! {
        <span class="secret">
            <code class="secret__value">{move || if revealed.get() { real.clone() } else { hidden.clone() }}</code>
            <button class="button button--small" type="button"
                aria-pressed=move || revealed.get().to_string()
                aria-label=format!("Show the {what}")
                on:click=move |_| revealed.update(|shown| *shown = !*shown)>
                {move || if revealed.get() { "Hide" } else { "Show" }}
            </button>
            <CopyButton text=Signal::stored(value) what=what />
        </span>
    }
}
