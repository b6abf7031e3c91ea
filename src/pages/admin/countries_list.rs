//! `/admin/countries`: read-only; filter by status, sort by id, name and codes.

use leptos::prelude::*;
use userdesk_api::admin::countries::{Country, COUNTRIES};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout};

#[component]
pub fn CountriesList() -> impl IntoView {
    let (nav, data) = use_resource_list::<Country>(COUNTRIES, "/admin/countries");
    let columns = vec![
        Column::new("ID", |c: &Country| c.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Name", |c: &Country| c.name.clone().into_any()).sorted_by("name"),
        Column::new("Code", |c: &Country| c.code_2.clone().into_any()).sorted_by("code_2"),
        Column::new("Code (3)", |c: &Country| c.code_3.clone().into_any()).sorted_by("code_3"),
        Column::new("Status", |c: &Country| c.status.label().into_any()),
        Column::new("Regions", |c: &Country| {
            view! { <a href=format!("/admin/regions?country_id={}", c.id)>"Regions"</a> }.into_any()
        }),
    ];
    view! {
        <ListLayout title="Countries" noun="countries" empty_message="No countries match." nav=nav data=data columns=columns>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
        </ListLayout>
    }
}
