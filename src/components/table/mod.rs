//! A list page's frame: title, filters, feedback, a sortable `<table>`
//! around the rows, and the pager.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::list::{ListFeedback, ListNav, ListState, Pager, SortHeader};

/// Where a list's "New …" button goes.
#[derive(Clone)]
pub struct NewLink {
    pub href: String,
    pub label: &'static str,
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
    /// Each column's label, its `order_by` column if it sorts, and
    /// whether phones leave it out (a sortable header stays: it sorts).
    headers: Vec<(&'static str, Option<&'static str>, bool)>,
    rows: ViewFn,
    new_link: Option<NewLink>,
    fixed_limit: Signal<Option<&'static str>>,
    /// A header cell before the columns' (the choose-all checkbox).
    #[prop(optional)]
    leading_header: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let header_row = move || {
        headers
            .iter()
            .map(|(label, sort, minor)| match sort {
                Some(sort) => view! { <SortHeader nav=nav column=*sort label=*label /> }.into_any(),
                None => view! { <th scope="col" class:table__cell--minor=*minor>{*label}</th> }
                    .into_any(),
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
                    <table class="table table--cards">
                        <caption class="visually-hidden">{title}</caption>
                        <thead><tr>{leading_header.as_ref().map(ViewFn::run)}{header_row.clone()}</tr></thead>
                        <tbody>{rows.run()}</tbody>
                    </table>
                </div>
            </Show>
            // A list the API documents without paging has no pager to offer.
            {nav.spec.is_paged().then(|| view! {
                <Pager nav=nav summary=state.summary known_pages=state.known_pages noun=noun fixed_limit=fixed_limit />
            })}
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
