//! `/admin/administrators`: filter by status and role, sort by id, username
//! and join date; the view lives in the URL query.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::administrators;
use userdesk_api::admin::roles::RoleType;
use userdesk_api::admin::status::ResourceStatus;

use crate::client::Client;
use crate::components::list::{use_list, ListFeedback, Pager, SortHeader};
use crate::pages::admin::role_choices::use_role_choices;

#[component]
pub fn AdministratorsList() -> impl IntoView {
    let client = Client::use_client();
    let (nav, data) = use_list(
        administrators::LIST,
        "/admin/administrators",
        move |query| async move {
            client
                .admin(|config, token| administrators::list_request(config, token, &query))
                .await
                .and_then(|response| administrators::decode_list_response(&response, &query))
        },
    );
    let role_options = use_role_choices(RoleType::Admin).options;
    let filter_value = move |key: &'static str| {
        move || {
            nav.query
                .with(|q| q.filter(key).unwrap_or_default().to_string())
        }
    };
    let rows = move || {
        data.items()
            .into_iter()
            .map(|admin| {
                let href = format!("/admin/administrators/{}", admin.id);
                let roles = admin.roles.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ");
                view! {
                    <tr>
                        <td class="table__number">{admin.id}</td>
                        <td><A href=href>{admin.account.username}</A></td>
                        <td>{format!("{} {}", admin.account.first_name, admin.account.last_name)}</td>
                        <td>{admin.account.email}</td>
                        <td>{if roles.is_empty() { "—".to_string() } else { roles }}</td>
                        <td>{admin.status.label()}</td>
                        <td>{admin.joined_at}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <div class="page__header">
                <h1 class="page__title">"Administrators"</h1>
                <A href="/admin/administrators/new" attr:class="button button--primary">"New administrator"</A>
            </div>
            <div class="toolbar">
                <label class="toolbar__item">
                    "Status "
                    <select name="status" prop:value=filter_value("status") on:change=move |event| nav.filter("status", &event_target_value(&event))>
                        <option value="">"Any status"</option>
                        {ResourceStatus::ALL.into_iter().map(|s| view! { <option value=s.code().to_string()>{s.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="toolbar__item">
                    "Role "
                    <select name="role" prop:value=filter_value("role") on:change=move |event| nav.filter("role", &event_target_value(&event))>
                        <option value="">"Any role"</option>
                        {move || role_options.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <ListFeedback data=data nav=nav empty_message="No administrators match." noun="administrators" />
            <Show when=move || data.page.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty()))>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Administrators"</caption>
                        <thead>
                            <tr>
                                <SortHeader nav=nav column="id" label="ID" />
                                <SortHeader nav=nav column="username" label="Username" />
                                <th scope="col">"Name"</th>
                                <th scope="col">"Email"</th>
                                <th scope="col">"Roles"</th>
                                <th scope="col">"Status"</th>
                                <SortHeader nav=nav column="joined_at" label="Joined" />
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <Pager nav=nav summary=data.summary() noun="administrators" />
        </section>
    }
}
