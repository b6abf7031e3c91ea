//! `/admin/user-profiles`: filter by status, sort by id, user and join date.

use leptos::prelude::*;
use userdesk_api::admin::user_profiles::{UserProfile, USER_PROFILES};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, ListLayout, NewLink};

#[component]
pub fn UserProfilesList() -> impl IntoView {
    let (nav, data) = use_resource_list::<UserProfile>(USER_PROFILES, "/admin/user-profiles");
    let columns = vec![
        Column::new("ID", |p: &UserProfile| {
            view! { <a href=format!("/admin/user-profiles/{}", p.id)>{p.id}</a> }.into_any()
        })
        .sorted_by("id")
        .numeric(),
        Column::new("User", |p: &UserProfile| {
            let user = p.fields.user_id;
            view! { <a href=format!("/admin/users/{user}")>{format!("#{user}")}</a> }.into_any()
        })
        .sorted_by("user_id"),
        Column::new("Name", |p: &UserProfile| {
            format!("{} {}", p.fields.first_name, p.fields.last_name).into_any()
        }),
        Column::new("Joined", |p: &UserProfile| {
            p.fields.joined_at.clone().into_any()
        })
        .sorted_by("joined_at"),
        Column::new("Status", |p: &UserProfile| {
            p.fields.status.label().into_any()
        }),
    ];
    view! {
        <ListLayout title="User profiles" noun="profiles" empty_message="No user profiles match." nav=nav data=data
            columns=columns new_link=NewLink { href: "/admin/user-profiles/new".into(), label: "New profile" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
        </ListLayout>
    }
}
