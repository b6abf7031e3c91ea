//! Timestamps as people read them: in the browser's locale and time zone,
//! with how long ago they were, and the API's exact value on hover.

use std::cell::RefCell;

use leptos::prelude::*;
use userdesk_api::time::{parse_instant, relative};
use wasm_bindgen::JsValue;

/// What every timestamp and count on the page is formatted with, made
/// once (lists render many): the date and time format, the relative-time
/// format and the number format, in the browser's language.
struct Formats {
    /// `Intl.DateTimeFormat.prototype.format`, bound to its formatter.
    date: js_sys::Function,
    relative: js_sys::Intl::RelativeTimeFormat,
    number: js_sys::Function,
}

impl Formats {
    fn new() -> Formats {
        let locales = js_sys::Array::of1(&language().as_str().into());
        let options = js_sys::Object::new();
        for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let numeric = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&numeric, &"numeric".into(), &"auto".into());
        Formats {
            date: js_sys::Intl::DateTimeFormat::new(&locales, &options).format(),
            relative: js_sys::Intl::RelativeTimeFormat::new(&locales, &numeric),
            number: js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format(),
        }
    }
}

thread_local! {
    static FORMATS: RefCell<Option<Formats>> = const { RefCell::new(None) };
}

fn with_formats<T>(use_them: impl FnOnce(&Formats) -> T) -> T {
    FORMATS.with(|cell| use_them(cell.borrow_mut().get_or_insert_with(Formats::new)))
}

/// The browser's language (`navigator.language`), `en` without one.
fn language() -> String {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"language".into()))
        .ok()
        .and_then(|language| language.as_string())
        .filter(|language| !language.is_empty())
        .unwrap_or_else(|| "en".to_string())
}

/// `unix_seconds` in the reader's locale and time zone, e.g. `24 Nov 2026, 10:31`.
pub fn local_text(unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    with_formats(|formats| formats.date.call1(&JsValue::NULL, &date))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A count in the reader's language, e.g. `10,001` or `10 001`.
pub fn count_text(count: usize) -> String {
    with_formats(|formats| {
        formats
            .number
            .call1(&JsValue::NULL, &JsValue::from_f64(count as f64))
    })
    .ok()
    .and_then(|text| text.as_string())
    .unwrap_or_else(|| count.to_string())
}

/// How long ago (or ahead) `unix_seconds` is from now, in the reader's
/// language: "3 days ago", "in 2 hours", "now".
pub fn relative_text(unix_seconds: i64) -> String {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let (value, unit) = relative(unix_seconds - now);
    with_formats(|formats| formats.relative.format(value as f64, unit).into())
}

/// A timestamp from an API: local date and time, how long ago, and the
/// exact value as the tooltip. Text that is not a timestamp shows as it is.
///
/// ## Usage
/// ```ignore
/// view! { <DateTime value="2019-11-05T02:16:56+0000".to_string() /> }
/// ```
#[component]
pub fn DateTime(value: String) -> impl IntoView {
    match parse_instant(&value) {
        Some(seconds) => {
            let iso = js_sys::Date::new(&JsValue::from_f64(seconds as f64 * 1000.0))
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            view! {
                <time class="datetime" datetime=iso title=value>
                    {local_text(seconds)}
                    <span class="datetime__relative">{relative_text(seconds)}</span>
                </time>
            }
            .into_any()
        }
        // A server that sent no time: the dash every empty value shows.
        None if value.trim().is_empty() => "—".into_any(),
        None => value.into_any(),
    }
}
