//! `/admin/logins`: the read-only sign-in audit; filter by user id,
//! username, IP address and API; 25 to a page by default.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::logins::{api_label, Login, APIS, LOGINS};

use crate::components::list::use_resource_list;
use crate::components::table::{Column, FilterSelect, FilterText, ListLayout};

#[component]
pub fn LoginsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<Login>(LOGINS, "/admin/logins");
    let apis: Vec<(String, String)> = APIS
        .iter()
        .map(|(code, label)| (code.to_string(), label.to_string()))
        .collect();
    let columns = vec![
        Column::new("ID", |l: &Login| l.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("When", |l: &Login| l.attempt_date.clone().into_any())
            .sorted_by("attempt_date"),
        Column::new("Username", |l: &Login| l.username.clone().into_any()),
        Column::new("User ID", |l: &Login| {
            l.user_id
                .map_or_else(|| "—".to_string(), |id| id.to_string())
                .into_any()
        }),
        Column::new("IP address", |l: &Login| l.ip_address.clone().into_any()),
        Column::new("API", |l: &Login| api_label(l.api).into_any()),
        Column::new("Result", |l: &Login| {
            let (class, text) = if l.success {
                ("badge badge--ok", "Success")
            } else {
                ("badge badge--bad", "Failed")
            };
            view! { <span class=class>{text}</span> }.into_any()
        }),
    ];
    view! {
        <ListLayout title="Logins" noun="logins" empty_message="No sign-in attempts match." nav=nav data=data columns=columns>
            <FilterText nav=nav key="username" label="Username" placeholder="admin1" />
            <FilterText nav=nav key="user_id" label="User ID" numeric=true />
            <FilterText nav=nav key="ip_address" label="IP address" placeholder="1.1.1.1" />
            <FilterSelect nav=nav key="api" label="API" any_label="Any API" options=apis />
            <A href="/admin/logins" attr:class="toolbar__item">"Clear filters"</A>
        </ListLayout>
    }
}
