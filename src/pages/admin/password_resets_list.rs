//! `/admin/password-resets`: the read-only reset request audit; filter by
//! status and user id.

use leptos::prelude::*;
use userdesk_api::admin::password_resets::{PasswordReset, PASSWORD_RESETS};

use crate::components::list::use_resource_list;
use crate::components::table::{
    status_options, yes_no, Column, FilterSelect, FilterText, ListLayout,
};

#[component]
pub fn PasswordResetsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<PasswordReset>(PASSWORD_RESETS, "/admin/password-resets");
    let columns = vec![
        Column::new("ID", |r: &PasswordReset| r.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Requested", |r: &PasswordReset| {
            r.requested_at.clone().into_any()
        })
        .sorted_by("requested_at"),
        Column::new("User", |r: &PasswordReset| {
            view! { <a href=format!("/admin/users/{}", r.user.id)>{r.user.username.clone()}</a> }
                .into_any()
        }),
        Column::new("Code", |r: &PasswordReset| {
            view! { <code>{r.code.clone()}</code> }.into_any()
        }),
        Column::new("IP address", |r: &PasswordReset| {
            r.ip_address.clone().into_any()
        }),
        Column::new("Used", |r: &PasswordReset| yes_no(r.is_used)),
        Column::new("Status", |r: &PasswordReset| r.status.label().into_any()),
    ];
    view! {
        <ListLayout title="Password resets" noun="requests" empty_message="No password reset requests match." nav=nav data=data columns=columns>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
            <FilterText nav=nav key="user_id" label="User ID" numeric=true />
        </ListLayout>
    }
}
