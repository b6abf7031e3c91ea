//! `/admin/users`: filter by status and role, sort by id and username.

use leptos::prelude::*;
use userdesk_api::admin::roles::RoleType;
use userdesk_api::admin::users::{User, USERS};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, yes_no, Column, FilterSelect, ListLayout, NewLink};
use crate::pages::admin::administrators_list::role_names;
use crate::pages::admin::role_choices::use_role_choices;

#[component]
pub fn UsersList() -> impl IntoView {
    let (nav, data) = use_resource_list::<User>(USERS, "/admin/users");
    let role_options = use_role_choices(RoleType::User).as_filter_options();
    let columns = vec![
        Column::new("ID", |u: &User| u.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Username", |u: &User| {
            view! { <a href=format!("/admin/users/{}", u.id)>{u.username.clone()}</a> }.into_any()
        })
        .sorted_by("username"),
        Column::new("Name", |u: &User| {
            u.profile
                .as_ref()
                .map_or_else(
                    || "—".to_string(),
                    |p| format!("{} {}", p.first_name, p.last_name),
                )
                .into_any()
        }),
        Column::new("Email", |u: &User| u.email.clone().into_any()),
        Column::new("Roles", |u: &User| role_names(&u.roles).into_any()),
        Column::new("Verified", |u: &User| yes_no(u.is_verified)),
        Column::new("Status", |u: &User| u.status.label().into_any()),
    ];
    view! {
        <ListLayout title="Users" noun="users" empty_message="No users match." nav=nav data=data columns=columns
            new_link=NewLink { href: "/admin/users/new", label: "New user" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
            <FilterSelect nav=nav key="role" label="Role" any_label="Any role" options=role_options />
        </ListLayout>
    }
}
