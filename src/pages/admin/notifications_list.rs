//! `/admin/notifications`: the read-only notification audit; filter by
//! status, user id and channel.

use leptos::prelude::*;
use userdesk_api::admin::notifications::{channel_label, Notification, CHANNELS, NOTIFICATIONS};

use crate::components::list::use_resource_list;
use crate::components::table::{status_options, Column, FilterSelect, FilterText, ListLayout};

#[component]
pub fn NotificationsList() -> impl IntoView {
    let (nav, data) = use_resource_list::<Notification>(NOTIFICATIONS, "/admin/notifications");
    let channels: Vec<(String, String)> = CHANNELS
        .iter()
        .map(|(code, label)| (code.to_string(), label.to_string()))
        .collect();
    let columns = vec![
        Column::new("ID", |n: &Notification| n.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Sent", |n: &Notification| n.sent_at.clone().into_any()).sorted_by("sent_at"),
        Column::new("User", |n: &Notification| {
            view! { <a href=format!("/admin/users/{}", n.user.id)>{n.user.username.clone()}</a> }
                .into_any()
        }),
        Column::new("Channel", |n: &Notification| {
            channel_label(n.channel).into_any()
        }),
        Column::new("Template", |n: &Notification| n.template.clone().into_any()),
        Column::new("Service ID", |n: &Notification| {
            view! { <code>{n.notification_id.clone()}</code> }.into_any()
        }),
        Column::new("Delivery", |n: &Notification| {
            let (class, text) = match (n.accepted, n.rejected) {
                (_, true) => ("badge badge--bad", "Rejected"),
                (true, false) => ("badge badge--ok", "Accepted"),
                (false, false) => ("badge", "Unconfirmed"),
            };
            view! { <span class=class>{text}</span> }.into_any()
        }),
        Column::new("Status", |n: &Notification| n.status.label().into_any()),
    ];
    view! {
        <ListLayout title="Notifications" noun="notifications" empty_message="No notifications match." nav=nav data=data columns=columns>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
            <FilterText nav=nav key="user_id" label="User ID" numeric=true />
            <FilterSelect nav=nav key="channel" label="Channel" any_label="Any channel" options=channels />
        </ListLayout>
    }
}
