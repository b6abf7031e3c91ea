//! A described resource's create page and record page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use serde_json::Value;
use userdesk_api::resource::record::{fill, pick};
use userdesk_api::resource::{Answer, Column, Description, Operation, Table};
use userdesk_api::ApiError;

use super::cells::cell;
use super::{back_path, records_path, registry, ResourceForm};
use crate::client::Client;
use crate::components::copy::{CopyButton, RequestsMade};
use crate::components::datetime::DateTime;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::load::use_loaded;
use crate::components::record::{use_delete, use_record, DeleteFailure};
use crate::components::status::{ErrorPanel, GoneRecord, ListLink, Loading};
use crate::components::title::use_title;
use crate::components::toast::{ToastKind, Toasts};

/// The create page of `resource`: after the create, a toast and the new
/// record's page.
///
/// ## Usage
/// ```ignore
/// view! { <ResourceNew resource=&TERMS /> }
/// ```
#[component]
pub fn ResourceNew(
    resource: &'static Description,
    /// The id of the record a nested resource lives under.
    #[prop(default = None, into)]
    parent: Option<String>,
) -> impl IntoView {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    use_title(move || resource.messages.new_title.to_string());
    let base = records_path(resource, parent.as_deref());
    let back = back_path(resource, parent.as_deref());
    let on_saved = Callback::new(move |saved: Value| {
        toasts.show(ToastKind::Success, fill(resource.messages.created, &saved));
        if let Some(id) = resource.id_of(&saved) {
            navigate(&format!("{base}/{id}"), Default::default());
        }
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href=back>{back_label(resource)}</A> " / New"</p>
            <h1 class="page__title">{resource.messages.new_title}</h1>
            <ResourceForm resource=resource parent=parent existing=None on_saved=on_saved />
        </section>
    }
}

/// The record page of `resource` for the route's `:id`: its details, its
/// form, and a confirmed delete.
///
/// ## Usage
/// ```ignore
/// view! { <ResourceEdit resource=&TERMS /> }
/// ```
#[component]
pub fn ResourceEdit(
    resource: &'static Description,
    /// The id of the record a nested resource lives under.
    #[prop(default = None, into)]
    parent: Option<String>,
    /// The record to show, where the route has no `:id` (Websupport's `self`).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let under = StoredValue::new(parent.clone());
    let data = use_record(id, move |id: String| async move {
        let parent = under.get_value();
        client
            .call_under(resource, parent.as_deref(), &Operation::Read { id: &id })
            .await
            .and_then(Answer::into_record)
    });
    let back = back_path(resource, parent.as_deref());
    let messages = resource.messages;
    let noun = resource.noun;
    let loaded_id = Memo::new(move |_| {
        data.record
            .with(|r| r.as_ref().and_then(|r| resource.id_of(r)))
    });
    let title = move || {
        data.record.with(|r| {
            r.as_ref()
                .map(|r| fill(messages.title, r))
                .unwrap_or_default()
        })
    };
    use_title(move || {
        let shown = title();
        if shown.trim().is_empty() {
            capitalized(noun)
        } else {
            format!("{shown} · {}", super::list_title(resource))
        }
    });
    let on_saved = Callback::new(move |saved: Value| {
        toasts.show(ToastKind::Success, fill(messages.saved, &saved));
        data.saved(saved);
    });
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete(back.clone());
    let deleting = remove.deleting;
    let delete = move |_: ()| {
        let Some(id) = loaded_id.get_untracked() else {
            return;
        };
        let done = data
            .record
            .with_untracked(|r| r.as_ref().map(|r| fill(messages.deleted, r)))
            .unwrap_or_default();
        let gone = id.clone();
        remove.run(
            async move {
                let parent = under.get_value();
                client
                    .call_under(resource, parent.as_deref(), &Operation::Delete { id: &id })
                    .await
                    .map(|_| ())
            },
            done,
            move || client.cache.forget(resource, &gone),
        );
    };
    // Records the API refuses to delete say why instead of offering it.
    let kept = Memo::new(move |_| {
        data.record
            .with(|r| r.as_ref().and_then(|r| resource.ops.kept(r)))
    });
    // Deleting the signed-in account has its own warning.
    let me = client.signed_in_account(resource.api);
    let warning = Signal::derive(move || {
        data.record
            .with(|r| {
                r.as_ref().map(|r| {
                    let own =
                        !messages.delete_own.is_empty() && me.is_some() && resource.id_of(r) == me;
                    if own {
                        messages.delete_own.to_string()
                    } else {
                        fill(messages.delete_warning, r)
                    }
                })
            })
            .unwrap_or_default()
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href=back.clone()>{back_label(resource)}</A> " / " {title}</p>
            {move || data.error.get().map(|failure| match failure {
                ApiError::NotFound(_) => view! { <GoneRecord noun=noun list=ListLink::new(back.clone(), back_label(resource)) /> }.into_any(),
                failure => view! {
                    <ErrorPanel error=failure on_retry=Callback::new(move |_| data.retry()) />
                }.into_any(),
            })}
            {move || remove.failure.get().map(|failure| view! {
                <DeleteFailure error=failure on_retry=Callback::new(move |_| delete(())) />
            })}
            <Show when=move || data.record.with(Option::is_none) && data.error.with(Option::is_none)>
                <Loading label=format!("Loading {noun}…") />
            </Show>
            // The form mounts once per record, not again after each save.
            {move || loaded_id.get().map(|shown_id| view! {
                <div class="page__header">
                    <h1 class="page__title">{title}</h1>
                    {resource.ops.delete.then(|| view! {
                        <button class="button button--danger" type="button"
                            prop:disabled=move || deleting.get() || kept.with(Option::is_some)
                            aria-describedby=move || kept.with(Option::is_some).then_some("delete-kept")
                            on:click=move |_| confirm_delete.set(true)>
                            {format!("Delete {noun}")}
                        </button>
                    })}
                </div>
                {move || kept.get().map(|reason| view! { <p class="notice" id="delete-kept">{reason}</p> })}
                <dl class="meta">
                    {resource.meta.iter().map(|meta| view! {
                        <dt>{meta.label}</dt>
                        <dd>{move || data.record.with(|r| r.as_ref().map(|r| {
                            let text = fill(meta.field, r);
                            if meta.date && !text.is_empty() {
                                view! { <DateTime value=text /> }.into_any()
                            } else if meta.field == resource.path.id && !text.is_empty() {
                                let copied = text.clone();
                                view! { <code>{text}</code> " " <CopyButton text=Signal::stored(copied) what=meta.label /> }.into_any()
                            } else {
                                text.into_any()
                            }
                        }))}</dd>
                    }).collect_view()}
                </dl>
                {resource.tables.iter().map(|table| view! { <RecordTable resource=resource table=table record=data.record /> }).collect_view()}
                {resource.edit_note.and_then(|note| {
                    let child = registry(resource.api).find_under(resource, note.link_to)?;
                    Some(view! {
                        <p class="notice">
                            {note.text} " "
                            <A href=records_path(child, Some(&shown_id))>{format!("Open the {}", child.plural)}</A>
                        </p>
                    })
                })}
                {resource.ops.update.then(|| view! {
                    <ResourceForm resource=resource parent=under.get_value() existing=data.record.get_untracked() on_saved=on_saved />
                })}
                {move || loaded_id.get().map(|id| {
                    registry(resource.api)
                        .children_of(resource)
                        .map(|child| view! { <ChildRecords resource=child parent=id.clone() /> })
                        .collect_view()
                })}
            })}
            <RequestsMade />
            <ConfirmDialog
                open=confirm_delete
                title=format!("Delete this {noun}?")
                message=warning
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=delete
            />
        </section>
    }
}

/// A list inside the record, read-only (a user's accepted terms).
#[component]
fn RecordTable(
    resource: &'static Description,
    table: &'static Table,
    record: Memo<Option<Value>>,
) -> impl IntoView {
    let heading = format!("table-{}", table.list.replace('.', "-"));
    let labelled_by = heading.clone();
    let items = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(|r| pick(r, table.list))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 class="panel__title" id=heading>{table.title}</h2>
            {move || {
                let rows = items();
                if rows.is_empty() {
                    view! { <p class="panel__empty">{table.empty}</p> }.into_any()
                } else {
                    compact_table(table.columns, &rows, Some(resource), None)
                }
            }}
        </section>
    }
}

/// A small read-only table of `items` inside a record page; with a
/// `resource` and its records' `href`, record links lead to each item.
fn compact_table(
    columns: &'static [Column],
    items: &[Value],
    resource: Option<&Description>,
    href: Option<&str>,
) -> AnyView {
    view! {
        <div class="table-wrap">
            <table class="table table--compact">
                <thead><tr>
                    {columns.iter().map(|column| view! { <th scope="col">{column.label}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {items.iter().map(|item| view! {
                        <tr>{columns.iter().map(|column| view! { <td>{cell(resource, column, item, href)}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// What a record page's breadcrumb leads back to: its list, or for a
/// nested record its parent (`Profile`).
fn back_label(resource: &Description) -> String {
    match registry(resource.api).parent_of(resource) {
        Some(parent) => capitalized(parent.noun),
        None => resource.title.to_string(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The records of `resource` living under the record `parent`, on the
/// parent's page: a table linking to each, and the way to add one.
#[component]
fn ChildRecords(resource: &'static Description, parent: String) -> impl IntoView {
    let client = Client::use_client();
    let base = records_path(resource, Some(&parent));
    let heading = format!("children-{}", resource.slug);
    let labelled_by = heading.clone();
    let under = StoredValue::new(parent);
    let children = use_loaded(move || {
        let query = resource.list.default_query();
        let parent = under.get_value();
        async move {
            client
                .list(resource, Some(&parent), &query)
                .await
                .map(|found| found.items)
        }
    });
    let record_href = base.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <div class="panel__header">
                <h2 class="panel__title" id=heading>{resource.title}</h2>
                {resource.ops.create.then(|| view! {
                    <A href=format!("{base}/new") attr:class="button button--small">{resource.messages.new_label}</A>
                })}
            </div>
            {move || children.with(|answer| match answer {
                None => view! { <Loading label=format!("Loading {}…", resource.plural) /> }.into_any(),
                Some(Err(failure)) => view! {
                    <ErrorPanel error=failure.clone() on_retry=Callback::new(move |_| children.refetch()) />
                }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p class="panel__empty">{resource.messages.empty}</p> }.into_any(),
                Some(Ok(items)) => compact_table(resource.columns, items, Some(resource), Some(&record_href)),
            })}
        </section>
    }
}
