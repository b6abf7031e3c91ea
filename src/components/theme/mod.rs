//! The theme switch: the system's choice, light or dark, remembered in
//! this browser (local storage). The stylesheet reads `data-theme` on the
//! root element; without it, the system decides.
//!
//! ## Usage
//! ```ignore
//! view! { <header><ThemeSwitch /></header> }
//! ```

use leptos::prelude::*;

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.theme";

/// The choices, as stored and as shown.
const THEMES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

/// Sets the root element's `data-theme` (none for the system's choice).
fn apply(theme: &str) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let _ = match theme {
        "light" | "dark" => root.set_attribute("data-theme", theme),
        _ => root.remove_attribute("data-theme"),
    };
}

/// The saved theme, applied; `system` when none or unknown.
fn saved() -> String {
    let theme = storage::read(Store::Local, STORAGE_KEY)
        .filter(|theme| THEMES.iter().any(|(value, _)| value == theme))
        .unwrap_or_else(|| "system".to_string());
    apply(&theme);
    theme
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(saved());
    let choose = move |event: leptos::ev::Event| {
        let chosen = event_target_value(&event);
        apply(&chosen);
        if chosen == "system" {
            storage::remove(Store::Local, STORAGE_KEY);
        } else {
            storage::write(Store::Local, STORAGE_KEY, &chosen);
        }
        theme.set(chosen);
    };
    view! {
        <label class="theme">
            "Theme"
            <select name="theme" on:change=choose>
                {THEMES.iter().map(|(value, label)| view! {
                    <option value=*value selected=move || theme.get() == *value>{*label}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
