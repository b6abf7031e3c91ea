//! The document title names the page: `Users · userdesk`.

use leptos::prelude::*;

/// The app's name, last in every title.
pub const APP_NAME: &str = "userdesk";

/// Keeps `document.title` on `page` (reactive) while the calling page is shown.
///
/// ## Usage
/// ```ignore
/// use_title(move || "Users".to_string());
/// ```
pub fn use_title(page: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let page = page();
        let title = if page.is_empty() {
            APP_NAME.to_string()
        } else {
            format!("{page} · {APP_NAME}")
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
}
