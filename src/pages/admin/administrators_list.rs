//! `/admin/administrators`: filter by status and role, sort by id, username
//! and join date; the view lives in the URL query.

use leptos::prelude::*;
use userdesk_api::admin::administrators::{Administrator, ADMINISTRATORS};
use userdesk_api::admin::roles::RoleType;

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout, NewLink};
use crate::pages::admin::choices::use_role_choices;

#[component]
pub fn AdministratorsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<Administrator>(ADMINISTRATORS, "/admin/administrators");
    let role_options = use_role_choices(RoleType::Admin).as_select_options();
    let columns = vec![
        Column::new("ID", |a: &Administrator| a.id.into_any()).sorted_by("id").numeric(),
        Column::new("Username", |a: &Administrator| {
            view! { <a href=format!("/admin/administrators/{}", a.id)>{a.account.username.clone()}</a> }.into_any()
        })
        .sorted_by("username"),
        Column::new("Name", |a: &Administrator| {
            format!("{} {}", a.account.first_name, a.account.last_name).into_any()
        }),
        Column::new("Email", |a: &Administrator| a.account.email.clone().into_any()),
        Column::new("Roles", |a: &Administrator| role_names(&a.roles).into_any()),
        Column::new("Status", |a: &Administrator| a.status.label().into_any()),
        Column::new("Joined", |a: &Administrator| a.joined_at.clone().into_any()).sorted_by("joined_at"),
    ];
    view! {
        <ListLayout title="Administrators" noun="administrators" empty_message="No administrators match." nav=nav data=data
            columns=columns new_link=NewLink { href: "/admin/administrators/new".into(), label: "New administrator" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
            <FilterSelect nav=nav key="role" label="Role" any_label="Any role" options=role_options />
        </ListLayout>
    }
}

/// Role names joined by commas, or a dash for none.
pub fn role_names(roles: &[userdesk_api::admin::administrators::RoleRef]) -> String {
    if roles.is_empty() {
        "—".to_string()
    } else {
        roles
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
