//! A list cell drawn from its column's description. Server data is only
//! ever text here, never HTML.

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::http::percent_encode;
use userdesk_api::resource::record::{fill, pick, text};
use userdesk_api::resource::{Cell, Column, Description, Tone};

use super::{records_path, registry};
use crate::components::copy::{CopyButton, Secret};
use crate::components::datetime::DateTime;

/// What a missing value shows.
const MISSING: &str = "—";

/// The content of one cell of `record`; `record_href` is its record page,
/// when it has one.
pub fn cell(
    resource: Option<&Description>,
    column: &Column,
    record: &Value,
    record_href: Option<&str>,
) -> AnyView {
    let shown = || {
        let value = fill(column.value, record).trim().to_string();
        if value.is_empty() {
            MISSING.to_string()
        } else {
            value
        }
    };
    match column.cell {
        Cell::Text | Cell::Number => shown().into_any(),
        Cell::RecordLink => match (record_href, resource.and_then(|r| r.id_of(record))) {
            (Some(base), Some(id)) => {
                view! { <a href=format!("{base}/{id}")>{shown()}</a> }.into_any()
            }
            _ => shown().into_any(),
        },
        Cell::Link { to, id } => match resource.and_then(|r| registry(r.api).find(to)) {
            Some(target) => {
                let href = format!(
                    "{}/{}",
                    records_path(target, None),
                    percent_encode(&fill(id, record))
                );
                view! { <a href=href>{shown()}</a> }.into_any()
            }
            None => shown().into_any(),
        },
        Cell::GoTo { to, filter, value } => match resource.and_then(|r| registry(r.api).find(to)) {
            Some(target) => {
                let href = format!(
                    "{}?{filter}={}",
                    records_path(target, None),
                    percent_encode(&fill(value, record))
                );
                view! { <a href=href>{column.label}</a> }.into_any()
            }
            None => ().into_any(),
        },
        Cell::Preview(length) => {
            let full = fill(column.value, record);
            let mut preview: String = full.chars().take(length).collect();
            if preview.len() < full.len() {
                preview.push('…');
            }
            preview.into_any()
        }
        // Text timestamps, or Unix seconds (Websupport's `createTime`).
        Cell::DateTime => match pick(record, column.value) {
            Some(stamp @ (Value::String(_) | Value::Number(_))) => {
                view! { <DateTime value=text(Some(stamp)) /> }.into_any()
            }
            _ => MISSING.into_any(),
        },
        Cell::YesNo | Cell::Names { .. } | Cell::Choice(_) => {
            let shown = column.text_of(record).unwrap_or_default();
            if shown.is_empty() {
                MISSING.into_any()
            } else {
                shown.into_any()
            }
        }
        Cell::Code => {
            let value = shown();
            let copied = value.clone();
            view! { <code>{value}</code> " " <CopyButton text=Signal::stored(copied) what=column.label /> }
                .into_any()
        }
        Cell::Secret => match column.text_of(record).filter(|text| !text.is_empty()) {
            Some(secret) => view! { <Secret value=secret what=column.label /> }.into_any(),
            None => MISSING.into_any(),
        },
        Cell::Badge(badge) => {
            let (tone, label) = badge(record);
            let class = match tone {
                Tone::Good => "badge badge--ok",
                Tone::Bad => "badge badge--bad",
                Tone::Neutral => "badge",
            };
            view! { <span class=class>{label}</span> }.into_any()
        }
    }
}

/// The handlers that make a whole row open `href`: a click outside the
/// row's own controls, or Enter while the row has the focus.
pub fn row_opener(
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + Clone + 'static,
    href: Option<String>,
) -> (
    impl Fn(leptos::ev::MouseEvent) + 'static,
    impl Fn(leptos::ev::KeyboardEvent) + 'static,
) {
    let (by_click, by_key) = (href.clone(), href);
    let navigate_too = navigate.clone();
    (
        move |event: leptos::ev::MouseEvent| {
            if let Some(href) = by_click.as_deref().filter(|_| !on_control(&event)) {
                navigate(href, Default::default());
            }
        },
        move |event: leptos::ev::KeyboardEvent| {
            if let Some(href) = by_key
                .as_deref()
                .filter(|_| event.key() == "Enter" && !on_control(&event))
            {
                navigate_too(href, Default::default());
            }
        },
    )
}

/// Whether an event on a clickable row came from one of the row's own
/// controls (a link, a button, an input), which then act for themselves.
fn on_control(event: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| {
            element
                .closest("a, button, input, select, textarea")
                .ok()
                .flatten()
        })
        .is_some()
}

/// The page of a row's record, when its list has record pages.
pub fn row_href(resource: &Description, record: &Value, base: Option<&str>) -> Option<String> {
    Some(format!("{}/{}", base?, resource.id_of(record)?))
}
