//! A list's filter controls, drawn from its description.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use userdesk_api::resource::{Description, Filter, FilterControl};

use super::by_name::read_by_name;
use super::list_path;

use super::choices::use_choices;
use crate::client::Client;
use crate::components::list::ListNav;
use crate::components::table::{FilterSelect, FilterText};

/// Every filter control of `resource`.
#[component]
pub fn Filters(resource: &'static Description, nav: ListNav) -> impl IntoView {
    resource
        .filters
        .iter()
        .map(|filter| view! { <FilterControlView filter=*filter nav=nav resource=resource /> })
        .collect_view()
}

#[component]
fn FilterControlView(
    filter: Filter,
    nav: ListNav,
    resource: &'static Description,
) -> impl IntoView {
    let api = resource.api;
    let Filter {
        key,
        label,
        control,
    } = filter;
    // A search is matched in the browser; its text is kept in the URL alike.
    // Only whole lists search; a paged one would offer its first field.
    let typed = match control {
        FilterControl::Typed { placeholder } => Some(placeholder),
        FilterControl::Search { fields } => Some(fields.first().map_or("", |(_, label)| *label)),
        _ => None,
    };
    if let Some(placeholder) = typed {
        return view! { <FilterText nav=nav key=key label=label placeholder=placeholder /> }
            .into_any();
    }
    match control {
        FilterControl::Typed { .. } | FilterControl::Search { .. } => ().into_any(),
        FilterControl::Choice { any, options } => {
            let options: Vec<(String, String)> = options
                .iter()
                .map(|(value, text)| (value.to_string(), text.to_string()))
                .collect();
            view! { <FilterSelect nav=nav key=key label=label any_label=any options=options /> }
                .into_any()
        }
        FilterControl::Records { any, records } => {
            let options = use_choices(api, records).as_select_options();
            view! { <FilterSelect nav=nav key=key label=label any_label=any options=options /> }
                .into_any()
        }
        FilterControl::OpenBy { placeholder } => {
            view! { <OpenBy resource=resource key=key label=label placeholder=placeholder /> }
                .into_any()
        }
    }
}

/// Opens one record by a unique value the API also reads records by
/// (`GET /user/{username}`): its page on a match, a message otherwise.
#[component]
fn OpenBy(
    resource: &'static Description,
    key: &'static str,
    label: &'static str,
    placeholder: &'static str,
) -> impl IntoView {
    let client = Client::use_client();
    let navigate = use_navigate();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wanted = typed.get_untracked().trim().to_string();
        if wanted.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let found = read_by_name(client, resource, &wanted).await;
            // The page may have gone meanwhile; then nobody is told.
            if busy.try_set(false).is_some() {
                return;
            }
            match found {
                Ok((_, id)) => {
                    navigate(&format!("{}/{id}", list_path(resource)), Default::default())
                }
                Err(sentence) => {
                    problem.try_set(Some(sentence));
                }
            }
        });
    };
    view! {
        <form class="toolbar__item toolbar__find" role="search" on:submit=open>
            <label>
                {label} " "
                <input class="toolbar__input" type="search" name=format!("find_{key}") autocomplete="off"
                    placeholder=placeholder
                    prop:value=move || typed.get() on:input=move |event| typed.set(event_target_value(&event)) />
            </label>
            <button class="button button--small" type="submit" prop:disabled=move || busy.get()>"Open"</button>
            {move || problem.get().map(|text| view! { <span class="toolbar__problem" role="alert">{text}</span> })}
        </form>
    }
}
