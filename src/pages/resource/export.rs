//! "Export CSV": the list's current view (its filters and order), every
//! page of it, as a spreadsheet file, with progress and a way to stop.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use userdesk_api::csv::Csv;
use userdesk_api::list::{ListQuery, MAX_LIMIT};
use userdesk_api::resource::{Cell, Column, Description};
use userdesk_api::ApiError;
use wasm_bindgen::JsCast;

use super::each_page::{each_page, Walked};
use crate::client::Client;
use crate::components::list::ListNav;
use crate::components::status::ErrorPanel;
use crate::components::toast::{ToastKind, Toasts};

/// Pages an export reads at most (100,000 rows at 100 a page).
const MOST_PAGES: u32 = 1_000;

/// The columns an export writes: every column that holds data.
fn exported(resource: &Description) -> impl Iterator<Item = &'static Column> {
    resource
        .columns
        .iter()
        .filter(|column| !matches!(column.cell, Cell::GoTo { .. }))
}

/// A CSV document of `records`, one row each, under the columns' labels.
pub fn csv_of<'a>(resource: &Description, records: impl Iterator<Item = &'a Value>) -> Csv {
    let mut csv = Csv::new(exported(resource).map(|column| column.label));
    for record in records {
        csv.row(exported(resource).map(|column| column.text_of(record).unwrap_or_default()));
    }
    csv
}

/// Offers `text` to the user as the download `name`; `false` when the
/// browser refused.
pub fn save_file(name: &str, text: &str) -> bool {
    let save = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    save().is_some()
}

/// The file name of an export of `resource`.
pub fn file_name(resource: &Description) -> String {
    format!("{}.csv", resource.slug)
}

/// Saves `csv` as `resource`'s export and says how many rows it holds.
pub fn deliver(resource: &Description, toasts: Toasts, csv: Csv) {
    let rows = csv.rows();
    if save_file(&file_name(resource), &csv.finish()) {
        toasts.show(
            ToastKind::Success,
            format!("Exported {rows} {}.", resource.plural),
        );
    } else {
        toasts.show(ToastKind::Error, "The browser refused to save the file.");
    }
}

/// The "Export CSV" button of a paged list: reads every page of the view
/// in `nav`, 100 rows at a time, then saves the file.
///
/// ## Usage
/// ```ignore
/// view! { <ExportPages resource=resource parent=None nav=nav /> }
/// ```
#[component]
pub fn ExportPages(
    resource: &'static Description,
    parent: Option<String>,
    nav: ListNav,
) -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    // Pages read and rows so far, while an export runs.
    let progress = RwSignal::new(None::<(u32, usize, u32)>);
    let stop = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let under = StoredValue::new(parent);
    let start = move || {
        if progress.get_untracked().is_some() {
            return;
        }
        stop.set(false);
        failure.set(None);
        progress.set(Some((0, 0, 1)));
        let query = ListQuery {
            page: 1,
            limit: MAX_LIMIT,
            ..nav.query.get_untracked()
        };
        spawn_local(async move {
            let mut records: Vec<Value> = Vec::new();
            let parent = under.get_value();
            let read = each_page(
                client,
                resource,
                parent.as_deref(),
                query,
                MOST_PAGES,
                &mut |page| {
                    let expected = if page.open_ended {
                        page.page + 1
                    } else {
                        page.page_count()
                    };
                    records.append(&mut page.items);
                    progress.try_set(Some((page.page, records.len(), expected)));
                    stop.try_get_untracked() == Some(false)
                },
            )
            .await;
            let finished = match read {
                Ok(Walked::End) => true,
                Ok(Walked::Capped) => {
                    toasts.show(
                        ToastKind::Error,
                        format!("The export holds the first {MOST_PAGES} pages only."),
                    );
                    true
                }
                Ok(Walked::Stopped) => false,
                Err(error) => {
                    failure.try_set(Some(error));
                    false
                }
            };
            progress.try_set(None);
            if finished {
                deliver(resource, toasts, csv_of(resource, records.iter()));
            } else if failure.try_with_untracked(Option::is_none) == Some(true) {
                toasts.show(ToastKind::Success, "Export stopped; nothing was saved.");
            }
        });
    };
    view! {
        <button class="button" type="button" prop:disabled=move || progress.with(Option::is_some)
            on:click=move |_| start()>"Export CSV"</button>
        {move || progress.get().map(|(read, rows, expected)| view! {
            <div class="bulk bulk--progress" role="status">
                <progress class="bulk__bar" max=expected.max(1) value=read aria-label="Pages read"></progress>
                <span>{format!("Exporting… page {read} of {}, {rows} rows", expected.max(read))}</span>
                <button class="button" type="button" prop:disabled=move || stop.get() on:click=move |_| stop.set(true)>"Stop"</button>
            </div>
        })}
        {move || failure.get().map(|error| view! {
            <div class="delete-failure">
                <p class="delete-failure__title">"The export stopped; nothing was saved."</p>
                <ErrorPanel error=error on_retry=Callback::new(move |_| start()) />
            </div>
        })}
    }
}
