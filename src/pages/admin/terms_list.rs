//! `/admin/terms`: filter by status, sort by id, publish date and version.

use leptos::prelude::*;
use userdesk_api::admin::terms::{TermsOfService, TERMS};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout, NewLink};

#[component]
pub fn TermsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<TermsOfService>(TERMS, "/admin/terms");
    let columns = vec![
        Column::new("ID", |t: &TermsOfService| t.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Version", |t: &TermsOfService| {
            view! { <a href=format!("/admin/terms/{}", t.id)>{t.fields.version.clone()}</a> }
                .into_any()
        })
        .sorted_by("version"),
        Column::new("Published", |t: &TermsOfService| {
            t.fields.publish_date.clone().into_any()
        })
        .sorted_by("publish_date"),
        Column::new("Text", |t: &TermsOfService| {
            let preview: String = t.fields.text.chars().take(60).collect();
            let cut = preview.len() < t.fields.text.len();
            format!("{preview}{}", if cut { "…" } else { "" }).into_any()
        }),
        Column::new("Status", |t: &TermsOfService| {
            t.fields.status.label().into_any()
        }),
    ];
    view! {
        <ListLayout title="Terms of service" noun="versions" empty_message="No terms of service match." nav=nav data=data
            columns=columns new_link=NewLink { href: "/admin/terms/new", label: "New version" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
        </ListLayout>
    }
}
