//! `/admin/app-keys`: application keys, filterable by status, sortable by id
//! and application; the view lives in the URL query.

use leptos::prelude::*;
use userdesk_api::admin::app_keys::{AppKey, APP_KEYS};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout, NewLink};

#[component]
pub fn AppKeysList() -> impl IntoView {
    let (nav, data) = use_resource_list::<AppKey>(APP_KEYS, "/admin/app-keys");
    let columns = vec![
        Column::new("ID", |k: &AppKey| k.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Application", |k: &AppKey| {
            view! { <a href=format!("/admin/app-keys/{}", k.id)>{k.fields.application.clone()}</a> }
                .into_any()
        })
        .sorted_by("application"),
        Column::new("Key", |k: &AppKey| {
            view! { <code>{k.fields.key.clone()}</code> }.into_any()
        }),
        Column::new("Status", |k: &AppKey| k.fields.status.label().into_any()),
        Column::new("Updated", |k: &AppKey| k.updated_at.clone().into_any()),
    ];
    view! {
        <ListLayout title="Application keys" noun="app keys" empty_message="No application keys match." nav=nav data=data
            columns=columns new_link=NewLink { href: "/admin/app-keys/new", label: "New app key" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
        </ListLayout>
    }
}
