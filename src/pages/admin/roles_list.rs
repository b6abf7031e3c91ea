//! `/admin/roles`: the roles table. Its page, size, order and type filter
//! live in the URL query, so reload, back and a pasted link restore the view.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::roles::{self, RoleType};

use crate::client::Client;
use crate::components::list::{use_list, ListFeedback, Pager, SortHeader};

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
    let rows = move || {
        data.items()
            .into_iter()
            .map(|role| {
                let href = format!("/admin/roles/{}", role.id);
                let id = role.id;
                let role = role.fields;
                view! {
                    <tr>
                        <td class="table__number">{id}</td>
                        <td><A href=href>{role.name}</A></td>
                        <td>{if role.is_admin_role { "Administrators" } else { "Users" }}</td>
                        <td class="table__number">{role.priority}</td>
                        <td>{on_off(role.password_policy)}</td>
                        <td>{on_off(role.login_lockout_policy)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <section class="page">
            <div class="page__header">
                <h1 class="page__title">"Roles"</h1>
                <A href="/admin/roles/new" attr:class="button button--primary">"New role"</A>
            </div>
            <div class="toolbar">
                <label class="toolbar__item">
                    "Applies to "
                    <select
                        name="type"
                        prop:value=move || role_type().map_or("", RoleType::as_str)
                        on:change=move |event| nav.filter("type", &event_target_value(&event))
                    >
                        <option value="">"All roles"</option>
                        <option value="admin">"Administrators"</option>
                        <option value="user">"Users"</option>
                    </select>
                </label>
            </div>
            <ListFeedback data=data nav=nav empty_message="No roles on this page." noun="roles" />
            <Show when=move || data.page.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty()))>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Roles"</caption>
                        <thead>
                            <tr>
                                <SortHeader nav=nav column="id" label="ID" />
                                <SortHeader nav=nav column="name" label="Name" />
                                <th scope="col">"Applies to"</th>
                                <th scope="col">"Priority"</th>
                                <th scope="col">"Password policy"</th>
                                <th scope="col">"Lockout policy"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <Pager
                nav=nav
                summary=data.summary()
                noun="roles"
                fixed_limit=Signal::derive(move || role_type().map(|_| "The API pages role-type lists by 10."))
            />
        </section>
    }
}

fn on_off(value: bool) -> &'static str {
    if value {
        "On"
    } else {
        "Off"
    }
}
