//! Choosing rows of a list and deleting them, one request at a time (the
//! APIs delete one record per call), with progress, a way to stop, and a
//! summary naming each failure.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use userdesk_api::resource::bulk::BulkDelete;
use userdesk_api::resource::{Description, Operation};
use userdesk_api::ApiError;

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};

/// The ids of the rows chosen in one list, in the order chosen.
#[derive(Clone, Copy)]
pub struct Selection {
    pub ids: RwSignal<Vec<String>>,
}

impl Selection {
    pub fn new() -> Selection {
        Selection {
            ids: RwSignal::new(Vec::new()),
        }
    }

    fn set(&self, id: &str, chosen: bool) {
        self.ids.update(|ids| {
            ids.retain(|known| known != id);
            if chosen {
                ids.push(id.to_string());
            }
        });
    }
}

/// The checkbox cell that chooses `record` (disabled, with the reason as
/// its title, for a record the API keeps).
pub fn select_cell(
    resource: &'static Description,
    selection: Selection,
    record: &Value,
) -> AnyView {
    let Some(id) = resource.id_of(record) else {
        return view! { <td class="table__select"></td> }.into_any();
    };
    let kept = resource.ops.kept(record);
    let label = format!("Choose {} {id}", resource.noun);
    let own = id.clone();
    let checked = move || selection.ids.with(|ids| ids.contains(&own));
    view! {
        <td class="table__select" data-label="Choose">
            <input type="checkbox" aria-label=label title=kept disabled=kept.is_some()
                prop:checked=checked
                on:change=move |event| selection.set(&id, event_target_checked(&event)) />
        </td>
    }
    .into_any()
}

/// The header checkbox that chooses every row of `ids` (the rows shown).
pub fn select_all(selection: Selection, ids: Signal<Vec<String>>) -> AnyView {
    let all_chosen = move || {
        ids.with(|shown| {
            !shown.is_empty()
                && selection
                    .ids
                    .with(|chosen| shown.iter().all(|id| chosen.contains(id)))
        })
    };
    view! {
        <th scope="col" class="table__select">
            <input type="checkbox" aria-label="Choose every row shown" prop:checked=all_chosen
                on:change=move |event| {
                    let chosen = event_target_checked(&event);
                    for id in ids.get_untracked() {
                        selection.set(&id, chosen);
                    }
                } />
        </th>
    }
    .into_any()
}

/// What to do with the chosen rows: delete them after a confirmation,
/// showing progress and a Stop button, then a summary; `on_done` runs
/// after the last request so the list can reload.
#[component]
pub fn BulkDeleteBar(
    resource: &'static Description,
    parent: Option<String>,
    selection: Selection,
    on_done: Callback<()>,
) -> impl IntoView {
    let client = Client::use_client();
    let confirm = RwSignal::new(false);
    let run = RwSignal::new(None::<BulkDelete>);
    let running = RwSignal::new(false);
    let stop = RwSignal::new(false);
    let under = StoredValue::new(parent);
    let count = move || selection.ids.with(Vec::len);
    let start = move |()| {
        let ids = selection.ids.get_untracked();
        if ids.is_empty() || running.get_untracked() {
            return;
        }
        running.set(true);
        stop.set(false);
        run.set(Some(BulkDelete::new(ids.len())));
        spawn_local(async move {
            for id in ids {
                if stop.try_get_untracked() != Some(false) {
                    break;
                }
                let parent = under.get_value();
                let outcome = client
                    .call_under(resource, parent.as_deref(), &Operation::Delete { id: &id })
                    .await;
                let failure = match outcome {
                    // Already gone: what the user wanted.
                    Ok(_) | Err(ApiError::NotFound(_)) => None,
                    Err(failure) => Some(failure.message()),
                };
                if failure.is_none() {
                    client.cache.forget(resource, &id);
                    selection.set(&id, false);
                }
                let updated = run.try_update(|run| {
                    if let Some(run) = run {
                        match failure {
                            None => run.deleted += 1,
                            Some(why) => run.failed.push((id, why)),
                        }
                    }
                });
                if updated.is_none() {
                    return;
                }
            }
            run.update(|run| {
                if let Some(run) = run {
                    run.stopped = !run.finished();
                }
            });
            running.set(false);
            on_done.run(());
        });
    };
    let noun = resource.noun;
    let plural = resource.plural;
    view! {
        <Show when=move || count() != 0 && !running.get()>
            <div class="bulk" role="group" aria-label="Chosen rows">
                <span class="bulk__count">{move || format!("{} chosen", count())}</span>
                <button class="button button--danger" type="button" on:click=move |_| confirm.set(true)>
                    "Delete chosen"
                </button>
                <button class="button" type="button" on:click=move |_| selection.ids.set(Vec::new())>
                    "Clear choice"
                </button>
            </div>
        </Show>
        {move || run.get().map(|progress| {
            let busy = running.get();
            let (tried, total) = (progress.tried(), progress.total);
            view! {
                <div class="bulk bulk--progress" role="status">
                    {busy.then(|| view! {
                        <progress class="bulk__bar" max=total value=tried aria-label="Deleted so far"></progress>
                        <span>{format!("Deleting {} of {total} {plural}…", (tried + 1).min(total))}</span>
                        <button class="button" type="button" prop:disabled=move || stop.get()
                            on:click=move |_| stop.set(true)>"Stop"</button>
                    })}
                    {(!busy).then(|| view! {
                        <p class="bulk__summary">{progress.summary(plural)}</p>
                        {(!progress.failed.is_empty()).then(|| view! {
                            <ul class="bulk__failures">
                                {progress.failed.iter().map(|(id, why)| view! {
                                    <li>{format!("{noun} {id}: {why}")}</li>
                                }).collect_view()}
                            </ul>
                        })}
                        <button class="button button--small" type="button" on:click=move |_| run.set(None)>"Dismiss"</button>
                    })}
                </div>
            }
        })}
        <ConfirmDialog
            open=confirm
            title=format!("Delete the chosen {plural}?")
            message=Signal::derive(move || format!("{} {plural} will be deleted, one at a time. This cannot be undone.", count()))
            confirm_label="Delete"
            tone=Tone::Danger
            on_confirm=start
        />
    }
}
