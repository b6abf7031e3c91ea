//! A list's filter controls, drawn from its description.

use leptos::prelude::*;
use userdesk_api::resource::{find, Api, Description, Filter, FilterControl};

use super::registry;

use crate::components::list::ListNav;
use crate::components::table::{FilterSelect, FilterText};
use crate::pages::admin::choices::use_described_choices;

/// Every filter control of `resource`.
#[component]
pub fn Filters(resource: &'static Description, nav: ListNav) -> impl IntoView {
    resource
        .filters
        .iter()
        .map(|filter| view! { <FilterControlView filter=*filter nav=nav api=resource.api /> })
        .collect_view()
}

#[component]
fn FilterControlView(filter: Filter, nav: ListNav, api: Api) -> impl IntoView {
    let Filter {
        key,
        label,
        control,
    } = filter;
    match control {
        FilterControl::Typed { placeholder } => {
            view! { <FilterText nav=nav key=key label=label placeholder=placeholder /> }.into_any()
        }
        FilterControl::Choice { any, options } => {
            let options: Vec<(String, String)> = options
                .iter()
                .map(|(value, text)| (value.to_string(), text.to_string()))
                .collect();
            view! { <FilterSelect nav=nav key=key label=label any_label=any options=options /> }
                .into_any()
        }
        FilterControl::Records {
            any,
            slug,
            label: option_label,
        } => match find(registry(api), slug) {
            Some(target) => {
                let options = use_described_choices(target, option_label, &[]).as_select_options();
                view! { <FilterSelect nav=nav key=key label=label any_label=any options=options /> }
                    .into_any()
            }
            None => view! { <FilterText nav=nav key=key label=label /> }.into_any(),
        },
    }
}
