//! A described resource's list: its columns, filters and orders, with the
//! view state in the URL.

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::resource::Description;

use super::bulk::{select_all, BulkDeleteBar, Selection};
use super::export::ExportPages;
use super::filters::Filters;
use super::record_row::record_row;
use super::records_path;
use crate::client::Client;
use crate::components::list::use_list;
use crate::components::table::{ListShell, NewLink};
use crate::components::title::use_title;

/// The list page of `resource`.
///
/// ## Usage
/// ```ignore
/// view! { <ResourceList resource=&TERMS /> }
/// ```
#[component]
pub fn ResourceList(
    resource: &'static Description,
    /// The id of the record a nested resource lives under.
    #[prop(default = None, into)]
    parent: Option<String>,
) -> impl IntoView {
    let client = Client::use_client();
    use_title(move || super::list_title(resource));
    let base = records_path(resource, parent.as_deref());
    let under = parent.clone();
    let (nav, data) = use_list(resource.list, base.clone(), move |query| {
        let parent = under.clone();
        async move {
            let page = client.list(resource, parent.as_deref(), &query).await?;
            // Values seen here feed the forms' uniqueness checks.
            client.cache.remember(resource, &page.items);
            Ok(page)
        }
    });
    let fixed_limit = Signal::derive(move || {
        let by = resource.path.list_by?;
        nav.query
            .with(|q| q.filter(by.filter).is_some())
            .then_some(by.note)
    });
    let headers: Vec<(&'static str, Option<&'static str>, bool)> = resource
        .columns
        .iter()
        .map(|column| (column.label, column.sort, column.minor))
        .collect();
    let record_href = resource.ops.has_record_page().then(|| base.clone());
    let selection = resource.ops.delete.then(Selection::new);
    let shown_ids = Signal::derive(move || {
        data.page.with(|page| {
            page.iter()
                .flat_map(|page| page.items.iter())
                .filter(|record| resource.ops.kept(record).is_none())
                .filter_map(|record| resource.id_of(record))
                .collect::<Vec<_>>()
        })
    });
    let navigate = leptos_router::hooks::use_navigate();
    let rows = ViewFn::from(move || {
        data.page.with(|page| {
            let items: &[Value] = page
                .as_ref()
                .map(|p| p.items.as_slice())
                .unwrap_or_default();
            items
                .iter()
                .map(|record| {
                    record_row(
                        resource,
                        record,
                        record_href.as_deref(),
                        selection,
                        navigate.clone(),
                        None,
                    )
                })
                .collect_view()
        })
    });
    let new_link = resource.ops.create.then(|| NewLink {
        href: format!("{base}/new"),
        label: resource.messages.new_label,
    });
    view! {
        <ListShell
            title=resource.title
            noun=resource.plural
            empty_message=resource.messages.empty
            nav=nav
            state=data.state()
            headers=headers
            rows=rows
            new_link=new_link
            fixed_limit=fixed_limit
            leading_header=ViewFn::from(move || selection.map(|selection| select_all(selection, shown_ids)))
        >
            <Filters resource=resource nav=nav />
            {resource.search_note().map(|note| view! { <p class="toolbar__note">{note}</p> })}
            <div class="toolbar__actions">
                <ExportPages resource=resource parent=parent.clone() nav=nav />
            </div>
            {selection.map(|selection| view! {
                <BulkDeleteBar resource=resource parent=parent.clone() selection=selection
                    on_done=Callback::new(move |()| data.reload()) />
            })}
        </ListShell>
    }
}
