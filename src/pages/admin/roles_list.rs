//! `/admin/roles`: the roles table. Its page, size, order and type filter
//! live in the URL query, so reload, back and a pasted link restore the view.

use leptos::prelude::*;
use userdesk_api::admin::roles::{self, Role, RoleType};

use crate::client::Client;
use crate::components::list::use_list;
use crate::components::table::{Column, FilterSelect, ListLayout, NewLink};

#[component]
pub fn RolesList() -> impl IntoView {
    let client = Client::use_client();
    let (nav, data) = use_list(roles::LIST, "/admin/roles", move |query| async move {
        let list = client
            .admin(|config, token| roles::list_request(config, token, &query))
            .await
            .and_then(|response| roles::decode_list_response(&response, &query))?;
        // Names seen here feed the form's uniqueness check.
        client.cache.role_names.update(|names| {
            for role in &list.items {
                if !names.contains(&role.fields.name) {
                    names.push(role.fields.name.clone());
                }
            }
        });
        Ok(list)
    });
    let role_type = move || {
        nav.query
            .with(|q| q.filter("type").and_then(RoleType::parse))
    };
    let columns = vec![
        Column::new("ID", |r: &Role| r.id.into_any())
            .sorted_by("id")
            .numeric(),
        Column::new("Name", |r: &Role| {
            view! { <a href=format!("/admin/roles/{}", r.id)>{r.fields.name.clone()}</a> }
                .into_any()
        })
        .sorted_by("name"),
        Column::new("Applies to", |r: &Role| {
            (if r.fields.is_admin_role {
                "Administrators"
            } else {
                "Users"
            })
            .into_any()
        }),
        Column::new("Priority", |r: &Role| r.fields.priority.into_any()).numeric(),
        Column::new("Password policy", |r: &Role| {
            on_off(r.fields.password_policy).into_any()
        }),
        Column::new("Lockout policy", |r: &Role| {
            on_off(r.fields.login_lockout_policy).into_any()
        }),
    ];
    let types = vec![
        ("admin".to_string(), "Administrators".to_string()),
        ("user".to_string(), "Users".to_string()),
    ];
    view! {
        <ListLayout title="Roles" noun="roles" empty_message="No roles on this page." nav=nav data=data columns=columns
            new_link=NewLink { href: "/admin/roles/new".into(), label: "New role" }
            fixed_limit=Signal::derive(move || role_type().map(|_| "The API pages role-type lists by 10."))>
            <FilterSelect nav=nav key="type" label="Applies to" any_label="All roles" options=types />
        </ListLayout>
    }
}

fn on_off(value: bool) -> &'static str {
    if value {
        "On"
    } else {
        "Off"
    }
}
