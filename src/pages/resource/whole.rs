//! A list the API sends whole (Websupport's users, ten thousand at once):
//! loaded once, searched and ordered in the browser, and drawn as a
//! virtual table that keeps only the rows in view in the page.
//!
//! The view stays in the URL like every other list: `q` (the search, kept
//! as it is typed), `order_by`, and `page`, the block of
//! [`ROWS_PER_PAGE`] rows scrolled to.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use serde_json::Value;
use userdesk_api::list::{ListQuery, WHOLE_LIST};
use userdesk_api::resource::whole::{carried, ordered, prompt, SearchIndex};
use userdesk_api::resource::{Description, FilterControl};
use userdesk_api::ApiError;

use super::bulk::{select_all, BulkDeleteBar, Selection};
use super::each_page::{each_page, Walked};
use super::export::{csv_of, deliver};
use super::record_row::record_row;
use super::records_path;
use crate::client::Client;
use crate::components::datetime::count_text;
use crate::components::debounce::use_debounced;
use crate::components::list::{unreadable_note, use_list_nav, SortHeader};
use crate::components::load::{use_loaded, Loaded};
use crate::components::status::{EmptyState, ErrorPanel, Loading};
use crate::components::title::use_title;
use crate::components::toast::Toasts;
use crate::components::window::use_virtual_window;

/// Each row's height in pixels; `.vtable` rows are held to it in the CSS.
pub const ROW_HEIGHT: usize = 40;
/// Rows drawn beyond each edge of the view, so fast scrolling shows no gap.
const OVERSCAN: usize = 6;
/// Rows per URL `page`: the scroll position is kept as the block scrolled to.
pub const ROWS_PER_PAGE: usize = 100;
/// How long typing pauses before the search goes into the URL.
const SEARCH_TO_URL: std::time::Duration = std::time::Duration::from_millis(300);
/// The most pages fetched when a server pages such a list anyway.
const MAX_PAGES: u32 = 1_000;

/// What reading a whole list found.
struct AllRows {
    items: Vec<Value>,
    /// Items left out because they could not be read.
    unreadable: usize,
    /// The walk stopped at [`MAX_PAGES`] with more to come.
    capped: bool,
}

/// Every item of the list, following the server's pages if it pages
/// anyway (its pager names a page size and more items than it sent).
async fn load_all(
    client: Client,
    resource: &'static Description,
    parent: Option<String>,
    progress: RwSignal<usize>,
) -> Result<AllRows, ApiError> {
    let whole = ListQuery {
        limit: WHOLE_LIST,
        ..resource.list.default_query()
    };
    let mut items = Vec::new();
    let mut unreadable = 0;
    let ended = each_page(
        client,
        resource,
        parent.as_deref(),
        whole,
        MAX_PAGES,
        &mut |page| {
            unreadable += page.unreadable;
            items.append(&mut page.items);
            progress.try_set(items.len()).is_none()
        },
    )
    .await?;
    Ok(AllRows {
        items,
        unreadable,
        capped: ended == Walked::Capped,
    })
}

/// The rows a whole list has read, borrowed from its resource.
#[derive(Clone, Copy)]
struct Rows(Loaded<AllRows>);

impl Rows {
    /// `f` of the rows, once read (tracked).
    fn with<R>(&self, f: impl FnOnce(Option<&[Value]>) -> R) -> R {
        self.0.with(|loaded| f(rows_of(loaded)))
    }

    /// `f` of the rows, once read.
    fn with_untracked<R>(&self, f: impl FnOnce(Option<&[Value]>) -> R) -> R {
        self.0.with_untracked(|loaded| f(rows_of(loaded)))
    }
}

fn rows_of<'a>(answer: Option<Result<&'a AllRows, &ApiError>>) -> Option<&'a [Value]> {
    answer.and_then(Result::ok).map(|all| all.items.as_slice())
}

/// A performance mark, which `cargo xtask bench` reads.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Quiet URL updates: no history entry and no jump to the top.
fn quietly() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..Default::default()
    }
}

/// The list page of a resource the API sends whole.
///
/// ## Usage
/// ```ignore
/// view! { <WholeList resource=&USERS /> }
/// ```
#[component]
pub fn WholeList(
    resource: &'static Description,
    /// The id of the record a nested resource lives under.
    #[prop(default = None, into)]
    parent: Option<String>,
) -> impl IntoView {
    let client = Client::use_client();
    use_title(move || super::list_title(resource));
    let base = records_path(resource, parent.as_deref());
    let spec = resource.list;
    let nav = use_list_nav(spec, base.clone());
    let navigate = use_navigate();
    let progress = RwSignal::new(0usize);
    let under = StoredValue::new(parent);
    let selection = resource.ops.delete.then(Selection::new);
    let loaded = use_loaded(move || {
        let parent = under.get_value();
        async move {
            progress.set(0);
            let found = load_all(client, resource, parent, progress).await;
            if let Ok(found) = &found {
                client.cache.remember(resource, &found.items);
                mark("userdesk:list-data");
            }
            found
        }
    });
    let items = Rows(loaded);
    let error = move || loaded.error();
    // Rows left out unread, and whether the page cap stopped the reading.
    let left_out = move || {
        loaded.with(|answer| {
            answer
                .and_then(Result::ok)
                .map_or((0, false), |all| (all.unreadable, all.capped))
        })
    };

    let search = resource
        .filters
        .iter()
        .find_map(|filter| match filter.control {
            FilterControl::Search { fields } => Some((filter.key, filter.label, fields)),
            _ => None,
        });
    let fields = search.map(|(_, _, fields)| fields).unwrap_or_default();
    // Only the fields the answer carries are searched and promised.
    let searched = Memo::new(move |_| items.with(|all| carried(all.unwrap_or_default(), fields)));
    let typed = RwSignal::new(
        search
            .and_then(|(key, ..)| nav.query.get_untracked().filter(key).map(str::to_string))
            .unwrap_or_default(),
    );
    let index = Memo::new(move |_| {
        items.with(|all| {
            all.map(|all| {
                let names: Vec<&str> = searched.with(|f| f.iter().map(|(name, _)| *name).collect());
                SearchIndex::new(all, &names)
            })
            .unwrap_or_default()
        })
    });
    let order_by = Memo::new(move |_| nav.query.with(|q| q.order_by));
    let order = Memo::new(move |_| {
        let by = order_by.get();
        items.with(|all| match all {
            Some(all) if !spec.orders.is_empty() => ordered(all, by),
            Some(all) => (0..all.len()).collect(),
            None => Vec::new(),
        })
    });
    // The positions shown, in order: the one thing a keystroke recomputes.
    let shown = Memo::new(move |_| {
        let needle = typed.get();
        index.with(|index| order.with(|order| index.matching(order, &needle)))
    });

    let view_of = use_virtual_window(
        Signal::derive(move || shown.with(Vec::len)),
        ROW_HEIGHT,
        OVERSCAN,
    );
    let (container, window) = (view_of.container, view_of.rows);
    let scroll_to_row = move |row: usize| view_of.scroll_to_row(row);
    // Once the rows are in, scroll to the block the URL names.
    let restored = StoredValue::new(false);
    Effect::new(move |_| {
        if items.with(|all| all.is_some()) && container.get().is_some() && !restored.get_value() {
            restored.set_value(true);
            let page = nav.query.get_untracked().page as usize;
            scroll_to_row((page - 1) * ROWS_PER_PAGE);
        }
    });
    // The search as typed and the block scrolled to go into the URL,
    // quietly; both from here, so neither undoes the other.
    let url_base = base.clone();
    let write_url = move |page: u32| {
        let mut next = ListQuery {
            page,
            ..nav.query.get_untracked()
        };
        if let Some((key, ..)) = search {
            next = ListQuery {
                page,
                ..spec.filtered(&next, key, typed.get_untracked().trim())
            };
        }
        navigate(&format!("{url_base}{}", spec.to_url(&next)), quietly());
    };
    let block = Memo::new(move |_| window.get().2 / ROWS_PER_PAGE + 1);
    {
        let write_url = write_url.clone();
        Effect::new(move |_| {
            let page = block.get() as u32;
            if restored.get_value() && nav.query.get_untracked().page != page {
                write_url(page);
            }
        });
    }
    // The search reaches the URL once typing pauses: a navigation per
    // keystroke cost more than the filtering itself (measured with
    // `cargo xtask bench`: 3.9 ms against 1.4 ms at the median).
    let search_to_url = use_debounced(SEARCH_TO_URL, move || write_url(1));
    let on_search = move |event: leptos::ev::Event| {
        typed.set(event_target_value(&event));
        scroll_to_row(0);
        search_to_url();
    };
    // A new order starts at the top.
    Effect::new(move |previous: Option<&'static str>| {
        let now = order_by.get();
        if previous.is_some_and(|before| before != now) {
            scroll_to_row(0);
        }
        now
    });

    let href = resource.ops.has_record_page().then(|| base.clone());
    let href = StoredValue::new(href);
    let navigate_to_row = use_navigate();
    let row = move |position: usize, item: usize| {
        items.with_untracked(|all| {
            all.and_then(|all| all.get(item)).map(|record| {
                let records = href.get_value();
                record_row(
                    resource,
                    record,
                    records.as_deref(),
                    selection,
                    navigate_to_row.clone(),
                    Some(position + 2),
                )
            })
        })
    };
    let shown_ids = Signal::derive(move || {
        items.with(|all| {
            let all = all.unwrap_or_default();
            shown.with(|shown| {
                shown
                    .iter()
                    .filter_map(|&item| all.get(item))
                    .filter(|record| resource.ops.kept(record).is_none())
                    .filter_map(|record| resource.id_of(record))
                    .collect::<Vec<_>>()
            })
        })
    });
    let toasts = Toasts::use_toasts();
    let export = move |_| {
        items.with_untracked(|all| {
            let all = all.unwrap_or_default();
            shown.with_untracked(|shown| {
                deliver(
                    resource,
                    toasts,
                    csv_of(resource, shown.iter().filter_map(|&item| all.get(item))),
                );
            });
        });
    };
    let headers = selection
        .map(|selection| select_all(selection, shown_ids))
        .into_iter()
        .chain(resource.columns.iter().map(|column| match column.sort {
            Some(sort) => {
                view! { <SortHeader nav=nav column=sort label=column.label /> }.into_any()
            }
            None => view! { <th scope="col">{column.label}</th> }.into_any(),
        }))
        .collect_view();
    let total = move || items.with(|all| all.map_or(0, <[Value]>::len));
    let has_items = move || total() != 0;
    let status = move || {
        let (count, all) = (count_text(shown.with(Vec::len)), count_text(total()));
        let needle = typed.get();
        if needle.trim().is_empty() {
            format!("{all} {}", resource.plural)
        } else {
            format!(
                "{count} of {all} {} match “{}”",
                resource.plural,
                needle.trim()
            )
        }
    };
    let new_link = resource.ops.create.then(|| format!("{base}/new"));
    view! {
        <section class="page">
            <div class="page__header">
                <h1 class="page__title">{resource.title}</h1>
                {new_link.map(|href| view! {
                    <A href=href attr:class="button button--primary">{resource.messages.new_label}</A>
                })}
            </div>
            <div class="toolbar">
                {search.map(|(key, label, _)| view! {
                    <label class="toolbar__item" role="search">
                        {label} " "
                        <input class="toolbar__input" type="search" name=key placeholder=move || searched.with(|f| prompt(f)) autocomplete="off"
                            prop:value=move || typed.get() on:input=on_search />
                    </label>
                })}
                {resource.search_note().map(|note| view! { <p class="toolbar__note">{note}</p> })}
                <div class="toolbar__actions">
                    <button class="button" type="button" prop:disabled=move || shown.with(Vec::is_empty)
                        on:click=export>"Export CSV"</button>
                </div>
                {selection.map(|selection| view! {
                    <BulkDeleteBar resource=resource parent=under.get_value() selection=selection
                        on_done=Callback::new(move |()| loaded.refetch()) />
                })}
            </div>
            {move || {
                let (unreadable, capped) = left_out();
                let mut notes: Vec<String> = unreadable_note(unreadable).into_iter().collect();
                if capped {
                    notes.push(format!("The server pages this list; only its first {MAX_PAGES} pages were read."));
                }
                (!notes.is_empty()).then(|| view! {
                    <div class="notice notice--warning" role="status">
                        {notes.into_iter().map(|note| view! { <p>{note}</p> }).collect_view()}
                    </div>
                })
            }}
            {move || error().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| loaded.refetch()) />
            })}
            {move || (items.with(|all| all.is_none()) && error().is_none()).then(|| {
                let label = match progress.get() {
                    0 => format!("Loading {}…", resource.plural),
                    done => format!("Loading {}… {done} so far", resource.plural),
                };
                view! { <Loading label=label /> }
            })}
            <Show when=move || items.with(|all| all.is_some_and(<[Value]>::is_empty))>
                <EmptyState message=resource.messages.empty>""</EmptyState>
            </Show>
            <Show when=has_items>
                <p class="list__status" role="status">{status}</p>
                <Show when=move || shown.with(Vec::is_empty)>
                    <EmptyState message=resource.messages.empty>
                        <button class="button" type="button" on:click=move |_| {
                            typed.set(String::new());
                            if let Some((key, ..)) = search {
                                nav.filter(key, "");
                            }
                        }>"Clear the search"</button>
                    </EmptyState>
                </Show>
            </Show>
            <div class="vtable" node_ref=container tabindex="0" role="region"
                aria-label=format!("{}, scrollable", resource.title)
                hidden=move || shown.with(Vec::is_empty)
                on:scroll=move |_| view_of.measure()>
                <table class="table" aria-rowcount=move || shown.with(Vec::len) + 1>
                    <caption class="visually-hidden">{resource.title}</caption>
                    <thead><tr aria-rowindex="1">{headers}</tr></thead>
                    <tbody>
                        <tr class="vtable__spacer" aria-hidden="true"
                            style:height=move || view_of.height_of(window.get().0)></tr>
                        <For
                            each=move || {
                                let (first, last, _) = window.get();
                                shown.with(|shown| (first..last).map(|position| (position, shown[position])).collect::<Vec<_>>())
                            }
                            key=|(position, item)| (*position, *item)
                            children=move |(position, item)| row(position, item)
                        />
                        <tr class="vtable__spacer" aria-hidden="true"
                            style:height=move || {
                                let (_, last, _) = window.get();
                                view_of.height_of(shown.with(Vec::len).saturating_sub(last))
                            }></tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
