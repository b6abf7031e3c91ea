//! One record's row, the same in a paged list and in a list sent whole:
//! its cells (each labelled for the phone's cards), the box that chooses
//! it where the list deletes, and the whole row opening its page.
//!
//! ## Usage
//! ```ignore
//! let navigate = use_navigate();
//! view! { <tbody>{records.iter().map(|r| record_row(&TERMS, r, Some("/admin/terms"), None, navigate.clone(), None)).collect_view()}</tbody> }
//! ```

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::resource::{Cell, Description};

use super::bulk::{select_cell, Selection};
use super::cells::{cell, row_href, row_opener};

/// The row of `record`; `records` is its list's path where records have
/// pages, and `row_index` its `aria-rowindex` in a virtual table.
pub fn record_row(
    resource: &'static Description,
    record: &Value,
    records: Option<&str>,
    selection: Option<Selection>,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + Clone + 'static,
    row_index: Option<usize>,
) -> impl IntoView {
    let cells = resource
        .columns
        .iter()
        .map(|column| {
            let numeric = matches!(column.cell, Cell::Number);
            view! {
                <td class:table__number=numeric class:table__cell--minor=column.minor data-label=column.label>
                    {cell(Some(resource), column, record, records)}
                </td>
            }
        })
        .collect_view();
    let href = row_href(resource, record, records);
    let opens = href.is_some();
    let (on_click, on_keydown) = row_opener(navigate, href);
    view! {
        <tr aria-rowindex=row_index class:table__row--opens=opens tabindex=opens.then_some("0")
            on:click=on_click on:keydown=on_keydown>
            {selection.map(|selection| select_cell(resource, selection, record))}
            {cells}
        </tr>
    }
}
