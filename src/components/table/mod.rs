//! A list page laid out from column descriptors: title, filters, feedback,
//! a sortable `<table>` and the pager.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::status::ResourceStatus;

use crate::components::list::{ListData, ListFeedback, ListNav, ListState, Pager, SortHeader};

/// Renders one cell of a record.
pub type Cell<T> = fn(&T) -> AnyView;

/// One column of a list table.
pub struct Column<T> {
    label: &'static str,
    /// The documented `order_by` column, when the header sorts.
    sort: Option<&'static str>,
    numeric: bool,
    cell: Cell<T>,
}

impl<T> Column<T> {
    pub fn new(label: &'static str, cell: Cell<T>) -> Self {
        Column {
            label,
            sort: None,
            numeric: false,
            cell,
        }
    }

    /// Sorts by a documented `order_by` column when its header is clicked.
    pub fn sorted_by(mut self, column: &'static str) -> Self {
        self.sort = Some(column);
        self
    }

    /// Right-aligned figures.
    pub fn numeric(mut self) -> Self {
        self.numeric = true;
        self
    }
}

/// Where a list's "New …" button goes.
#[derive(Clone)]
pub struct NewLink {
    pub href: String,
    pub label: &'static str,
}

/// A whole list page. `children` are its filter controls.
///
/// Only the rows depend on `T`; the rest is one non-generic shell, so each
/// list adds little code to the bundle.
#[component]
pub fn ListLayout<T: Clone + Send + Sync + 'static>(
    title: &'static str,
    noun: &'static str,
    empty_message: &'static str,
    nav: ListNav,
    data: ListData<T>,
    columns: Vec<Column<T>>,
    #[prop(optional)] new_link: Option<NewLink>,
    /// Set when the API fixes the page size for the current filters.
    #[prop(optional, into)]
    fixed_limit: Signal<Option<&'static str>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let headers: Vec<(&'static str, Option<&'static str>)> =
        columns.iter().map(|c| (c.label, c.sort)).collect();
    let cells: Vec<(bool, Cell<T>)> = columns.iter().map(|c| (c.numeric, c.cell)).collect();
    let cells = StoredValue::new(cells);
    let rows = ViewFn::from(move || {
        data.page.with(|page| {
            let items = page
                .as_ref()
                .map(|p| p.items.as_slice())
                .unwrap_or_default();
            cells.with_value(|cells| {
                items
                    .iter()
                    .map(|item| {
                        let row = cells
                            .iter()
                            .map(|(numeric, cell)| {
                                view! { <td class:table__number=*numeric>{cell(item)}</td> }
                            })
                            .collect_view();
                        view! { <tr>{row}</tr> }
                    })
                    .collect_view()
            })
        })
    });
    let toolbar = children.map(|filters| filters());
    view! {
        <ListShell
            title=title
            noun=noun
            empty_message=empty_message
            nav=nav
            state=data.state()
            headers=headers
            rows=rows
            new_link=new_link
            fixed_limit=fixed_limit
        >
            {toolbar}
        </ListShell>
    }
}

/// The non-generic part of a list page: heading, toolbar (`children`),
/// feedback, the table around `rows`, and the pager.
#[component]
pub fn ListShell(
    title: &'static str,
    noun: &'static str,
    empty_message: &'static str,
    nav: ListNav,
    state: ListState,
    headers: Vec<(&'static str, Option<&'static str>)>,
    rows: ViewFn,
    new_link: Option<NewLink>,
    fixed_limit: Signal<Option<&'static str>>,
    children: Children,
) -> impl IntoView {
    let header_row = move || {
        headers
            .iter()
            .map(|(label, sort)| match sort {
                Some(sort) => view! { <SortHeader nav=nav column=*sort label=*label /> }.into_any(),
                None => view! { <th scope="col">{*label}</th> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <div class="page__header">
                <h1 class="page__title">{title}</h1>
                {new_link.map(|link| view! {
                    <A href=link.href attr:class="button button--primary">{link.label}</A>
                })}
            </div>
            <div class="toolbar">{children()}</div>
            <ListFeedback state=state nav=nav empty_message=empty_message noun=noun />
            <Show when=move || state.has_rows.get()>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">{title}</caption>
                        <thead><tr>{header_row.clone()}</tr></thead>
                        <tbody>{rows.run()}</tbody>
                    </table>
                </div>
            </Show>
            <Pager nav=nav summary=state.summary known_pages=state.known_pages noun=noun fixed_limit=fixed_limit />
        </section>
    }
}

/// A filter chosen from a list; the first option clears it.
#[component]
pub fn FilterSelect(
    nav: ListNav,
    key: &'static str,
    label: &'static str,
    any_label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let current = move || {
        nav.query
            .with(|q| q.filter(key).unwrap_or_default().to_string())
    };
    view! {
        <label class="toolbar__item">
            {label} " "
            <select name=key prop:value=current on:change=move |event| nav.filter(key, &event_target_value(&event))>
                <option value="">{any_label}</option>
                {move || {
                    let chosen = current();
                    options.get().into_iter().map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// A typed filter, applied on Enter or when the field loses focus; empty clears it.
#[component]
pub fn FilterText(
    nav: ListNav,
    key: &'static str,
    label: &'static str,
    #[prop(optional)] placeholder: &'static str,
    /// Digits only, with a numeric keyboard on phones.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let current = move || {
        nav.query
            .with(|q| q.filter(key).unwrap_or_default().to_string())
    };
    let numeric = numeric || nav.spec.integers.contains(&key);
    // A value the API cannot take stays in the box with a message, and is not sent.
    let problem = RwSignal::new(None::<&'static str>);
    let message_id = format!("filter-{key}-message");
    view! {
        <label class="toolbar__item" class:toolbar__item--invalid=move || problem.with(Option::is_some)>
            {label} " "
            <input
                class="toolbar__input"
                type="search"
                name=key
                placeholder=placeholder
                inputmode=numeric.then_some("numeric")
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=message_id.clone()
                prop:value=current
                on:change=move |event| {
                    let typed = event_target_value(&event);
                    match nav.spec.check_filter(key, &typed) {
                        Ok(()) => {
                            problem.set(None);
                            nav.filter(key, typed.trim());
                        }
                        Err(message) => problem.set(Some(message)),
                    }
                }
            />
            <span class="toolbar__message" id=message_id role="status">{move || problem.get()}</span>
        </label>
    }
}

/// The five statuses as filter or select options.
pub fn status_options() -> Vec<(String, String)> {
    ResourceStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label().to_string()))
        .collect()
}

/// A cell for a yes/no value.
pub fn yes_no(value: bool) -> AnyView {
    (if value { "Yes" } else { "No" }).into_any()
}
