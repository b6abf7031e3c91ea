//! Lists whose state lives in the URL query: sortable headers, filters,
//! page and page size, loading, failure and empty states.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::list::{ListPage, ListQuery, ListSpec, LIMIT_CHOICES};
use userdesk_api::ApiError;

use crate::components::load::{use_loaded, Loaded};
use crate::components::status::{EmptyState, ErrorPanel, Loading};

/// Reading and changing a list's URL state.
#[derive(Clone, Copy)]
pub struct ListNav {
    pub spec: ListSpec,
    pub query: Memo<ListQuery>,
    go: Callback<ListQuery>,
}

impl ListNav {
    pub fn go(&self, next: ListQuery) {
        self.go.run(next);
    }

    pub fn sort(&self, column: &str) {
        self.go(self.spec.sorted_by(&self.query.get_untracked(), column));
    }

    pub fn filter(&self, key: &str, value: &str) {
        self.go(self.spec.filtered(&self.query.get_untracked(), key, value));
    }

    fn page_by(&self, delta: i64) {
        let current = self.query.get_untracked();
        let page = (i64::from(current.page) + delta).max(1) as u32;
        self.go(ListQuery { page, ..current });
    }

    fn page_to(&self, page: u32) {
        self.go(ListQuery {
            page: page.max(1),
            ..self.query.get_untracked()
        });
    }

    fn set_limit(&self, limit: u32) {
        self.go(ListQuery {
            limit,
            page: 1,
            ..self.query.get_untracked()
        });
    }
}

/// What a list has loaded.
pub struct ListData<T: Send + Sync + 'static> {
    /// The last page that came, kept on screen while the next one loads.
    pub page: Memo<Option<ListPage<T>>>,
    /// Why the page the URL asks for did not come.
    pub error: Memo<Option<ApiError>>,
    /// Whether the page the URL asks for is on its way.
    pub loading: Signal<bool>,
    /// The page count of the last page that had rows: past the end, a 204
    /// carries no total, so this is the last page known to exist.
    pub known_pages: Memo<Option<u32>>,
    /// Each answer, with the query it answers.
    fetched: Loaded<(ListQuery, Result<ListPage<T>, ApiError>)>,
}

impl<T: Send + Sync + 'static> Clone for ListData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for ListData<T> {}

/// Page position and size, for the pager.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSummary {
    pub page: u32,
    pub pages: u32,
    pub total: u64,
    /// The total is a lower bound (more may follow).
    pub open_ended: bool,
    pub limit: u32,
    /// Whether this page came back empty although it is not the first.
    pub past_the_end: bool,
    /// Items the answer held that could not be read.
    pub unreadable: usize,
    /// Items the answer held beyond the page size.
    pub surplus: usize,
}

impl<T: Clone + Send + Sync + 'static> ListData<T> {
    /// Reads the page again (after a failure, or after rows were deleted).
    pub fn reload(&self) {
        self.fetched.refetch();
    }

    pub fn summary(&self) -> Signal<Option<PageSummary>> {
        let page = self.page;
        Signal::derive(move || {
            page.with(|p| {
                p.as_ref().map(|p| PageSummary {
                    page: p.page,
                    pages: p.page_count(),
                    total: p.total,
                    open_ended: p.open_ended,
                    limit: p.limit,
                    past_the_end: p.page > 1 && p.items.is_empty() && p.unreadable == 0,
                    unreadable: p.unreadable,
                    surplus: p.surplus,
                })
            })
        })
    }

    /// What the page around the rows needs to know, without the rows' type.
    pub fn state(&self) -> ListState {
        let (page, fetched) = (self.page, self.fetched);
        ListState {
            has_page: Signal::derive(move || page.with(Option::is_some)),
            has_rows: Signal::derive(move || {
                page.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty()))
            }),
            error: self.error,
            loading: self.loading,
            reload: Callback::new(move |()| fetched.refetch()),
            summary: self.summary(),
            known_pages: self.known_pages,
        }
    }
}

/// A list's state apart from its rows.
#[derive(Clone, Copy)]
pub struct ListState {
    pub has_page: Signal<bool>,
    pub has_rows: Signal<bool>,
    pub error: Memo<Option<ApiError>>,
    pub loading: Signal<bool>,
    pub reload: Callback<()>,
    pub summary: Signal<Option<PageSummary>>,
    pub known_pages: Memo<Option<u32>>,
}

/// Wires a list page: URL state under `base_path`, and `load` re-run
/// whenever that state changes (answers to superseded requests are
/// dropped with the resource's superseded run).
pub fn use_list<T, F, Fut>(
    spec: ListSpec,
    base_path: impl Into<String>,
    load: F,
) -> (ListNav, ListData<T>)
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Fn(ListQuery) -> Fut + 'static,
    Fut: Future<Output = Result<ListPage<T>, ApiError>> + 'static,
{
    let nav = use_list_nav(spec, base_path);
    let query = nav.query;
    let fetched = use_loaded(move || {
        let wanted = query.get();
        let request = load(wanted.clone());
        async move { Ok((wanted, request.await)) }
    });
    let page = Memo::new(move |last: Option<&Option<ListPage<T>>>| {
        fetched.with(|fetched| match fetched {
            Some(Ok((_, Ok(page)))) => Some(page.clone()),
            _ => last.cloned().flatten(),
        })
    });
    let error = Memo::new(move |_| {
        let wanted = query.get();
        fetched.with(|fetched| match fetched {
            Some(Ok((asked, Err(failure)))) if *asked == wanted => Some(failure.clone()),
            _ => None,
        })
    });
    let loading = Signal::derive(move || fetched.loading());
    let known_pages = Memo::new(move |last: Option<&Option<u32>>| {
        fetched.with(|fetched| match fetched {
            Some(Ok((_, Ok(page)))) if !page.items.is_empty() => Some(page.page_count()),
            _ => last.copied().flatten(),
        })
    });
    let data = ListData {
        page,
        error,
        loading,
        known_pages,
        fetched,
    };
    (nav, data)
}

/// A list's view state read from the URL under `base_path`, and the way
/// to change it (each change a history entry, so Back undoes it).
pub fn use_list_nav(spec: ListSpec, base_path: impl Into<String>) -> ListNav {
    let query_map = use_query_map();
    let navigate = use_navigate();
    let base_path: String = base_path.into();
    let query = Memo::new(move |_| query_map.with(|map| spec.from_url(|key| map.get(key))));
    let go = Callback::new(move |next: ListQuery| {
        navigate(
            &format!("{base_path}{}", spec.to_url(&next)),
            Default::default(),
        )
    });
    ListNav { spec, query, go }
}

/// A column header that sorts by one of the documented `order_by` columns.
#[component]
pub fn SortHeader(nav: ListNav, column: &'static str, label: &'static str) -> impl IntoView {
    let state = move || ListSpec::sort_state(&nav.query.get(), column);
    let aria_sort = move || match state() {
        Some(true) => "ascending",
        Some(false) => "descending",
        None => "none",
    };
    // Inactive headers show ↕, so they read as sortable before they are used.
    let arrow = move || match state() {
        Some(true) => " ▲",
        Some(false) => " ▼",
        None => " ↕",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button class="table__sort" type="button" title=format!("Sort by {}", label.to_lowercase()) on:click=move |_| nav.sort(column)>
                {label}<span class="table__arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// Previous/next, the position and total, and the page size. Past the
/// last page it says so and offers the last page known to have rows.
#[component]
pub fn Pager(
    nav: ListNav,
    #[prop(into)] summary: Signal<Option<PageSummary>>,
    known_pages: Memo<Option<u32>>,
    noun: &'static str,
    /// Set when the API fixes the page size for the current filters.
    #[prop(optional, into)]
    fixed_limit: Signal<Option<&'static str>>,
) -> impl IntoView {
    move || {
        summary.get().map(|s| {
            view! {
                <nav class="pager" aria-label="Pages">
                    <button class="button" type="button" prop:disabled={s.page <= 1} on:click=move |_| nav.page_by(-1)>
                        "‹ Previous"
                    </button>
                    {if s.past_the_end {
                        let last = known_pages.get_untracked().unwrap_or(1).min(s.page - 1).max(1);
                        view! {
                            <span class="pager__status">{format!("No rows on page {}", s.page)}</span>
                            <button class="button" type="button" on:click=move |_| nav.page_to(last)>
                                {format!("Go to page {last}")}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <span class="pager__status">{if s.open_ended {
                                format!("Page {} · more may follow", s.page)
                            } else {
                                format!("Page {} of {} · {} {noun}", s.page, s.pages, s.total)
                            }}</span>
                        }.into_any()
                    }}
                    <label class="pager__size">
                        "Per page "
                        <select
                            name="limit"
                            prop:value=s.limit.to_string()
                            prop:disabled=move || fixed_limit.get().is_some()
                            title=move || fixed_limit.get()
                            on:change=move |event| {
                                if let Ok(limit) = event_target_value(&event).parse() {
                                    nav.set_limit(limit);
                                }
                            }
                        >
                            {LIMIT_CHOICES.iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button class="button" type="button" prop:disabled={s.page >= s.pages} on:click=move |_| nav.page_by(1)>
                        "Next ›"
                    </button>
                </nav>
            }
        })
    }
}

/// What a list says of the rows it could not read, if any.
pub fn unreadable_note(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 row could not be read and is not shown.".to_string()),
        n => Some(format!("{n} rows could not be read and are not shown.")),
    }
}

/// Failure with retry, first-load spinner, refresh notice and empty state.
#[component]
pub fn ListFeedback(
    state: ListState,
    nav: ListNav,
    empty_message: &'static str,
    noun: &'static str,
) -> impl IntoView {
    let ListState {
        has_page,
        has_rows,
        error,
        loading,
        reload,
        ..
    } = state;
    let is_empty = move || {
        has_page.get()
            && !has_rows.get()
            && !state.summary.with(|s| s.is_some_and(|s| s.past_the_end))
    };
    let filtered = move || nav.query.with(|q| !q.filters.is_empty() || q.page > 1);
    let anomalies = move || {
        state.summary.get().map(|s| {
            let mut notes = Vec::new();
            if s.surplus > 0 {
                notes.push(format!(
                    "The server sent {} rows for a page of {}; only the first {} are shown.",
                    s.surplus + s.limit as usize,
                    s.limit,
                    s.limit
                ));
            }
            notes.extend(unreadable_note(s.unreadable));
            notes
        })
    };
    view! {
        {move || anomalies().filter(|notes| !notes.is_empty()).map(|notes| view! {
            <div class="notice notice--warning" role="status">
                {notes.into_iter().map(|note| view! { <p>{note}</p> }).collect_view()}
            </div>
        })}
        {move || error.get().map(|failure| view! {
            <ErrorPanel error=failure on_retry=reload />
        })}
        <Show when=move || loading.get() && !has_page.get()>
            <Loading label=format!("Loading {noun}…") />
        </Show>
        <Show when=move || loading.get() && has_page.get()>
            <p class="list__refreshing" role="status">"Updating…"</p>
        </Show>
        <Show when=is_empty>
            <EmptyState message=empty_message>
                <Show when=filtered>
                    <button class="button" type="button" on:click=move |_| nav.go(nav.spec.default_query())>"Show all"</button>
                </Show>
            </EmptyState>
        </Show>
    }
}
