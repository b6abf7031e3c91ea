//! `/admin/regions`: read-only; filter by status and country.

use leptos::prelude::*;
use userdesk_api::admin::countries::{Country, COUNTRIES};
use userdesk_api::admin::regions::{Region, REGIONS};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout};
use crate::pages::admin::choices::use_choices;

#[component]
pub fn RegionsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<Region>(REGIONS, "/admin/regions");
    let countries =
        use_choices(COUNTRIES, |c: &Country| (c.id, c.name.clone())).as_select_options();
    let columns = vec![
        Column::new("ID", |r: &Region| r.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Name", |r: &Region| r.name.clone().into_any()).sorted_by("name"),
        Column::new("Code", |r: &Region| r.code_2.clone().into_any()).sorted_by("code_2"),
        Column::new("Country", |r: &Region| {
            format!("{} ({})", r.country.name, r.country.code_2).into_any()
        }),
        Column::new("Status", |r: &Region| r.status.label().into_any()),
    ];
    view! {
        <ListLayout title="Regions" noun="regions" empty_message="No regions match." nav=nav data=data columns=columns>
            <FilterSelect nav=nav key="country_id" label="Country" any_label="Any country" options=countries />
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
        </ListLayout>
    }
}
