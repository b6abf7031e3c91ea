//! `/admin/app-keys`: application keys, filterable by status, sortable by id
//! and application; the view lives in the URL query.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::app_keys;
use userdesk_api::admin::status::ResourceStatus;

use crate::client::Client;
use crate::components::list::{use_list, ListFeedback, Pager, SortHeader};

#[component]
pub fn AppKeysList() -> impl IntoView {
    let client = Client::use_client();
    let (nav, data) = use_list(app_keys::LIST, "/admin/app-keys", move |query| async move {
        client
            .admin(|config, token| app_keys::list_request(config, token, &query))
            .await
            .and_then(|response| app_keys::decode_list_response(&response, &query))
    });
    let status = move || {
        nav.query
            .with(|q| q.filter("status").unwrap_or_default().to_string())
    };
    let rows = move || {
        data.items()
            .into_iter()
            .map(|app_key| {
                let href = format!("/admin/app-keys/{}", app_key.id);
                view! {
                    <tr>
                        <td class="table__number">{app_key.id}</td>
                        <td><A href=href>{app_key.fields.application}</A></td>
                        <td><code>{app_key.fields.key}</code></td>
                        <td>{app_key.fields.status.label()}</td>
                        <td>{app_key.updated_at}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <div class="page__header">
                <h1 class="page__title">"Application keys"</h1>
                <A href="/admin/app-keys/new" attr:class="button button--primary">"New app key"</A>
            </div>
            <div class="toolbar">
                <label class="toolbar__item">
                    "Status "
                    <select name="status" prop:value=status on:change=move |event| nav.filter("status", &event_target_value(&event))>
                        <option value="">"Any status"</option>
                        {ResourceStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.code().to_string()>{s.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <ListFeedback data=data nav=nav empty_message="No application keys match." noun="app keys" />
            <Show when=move || data.page.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty()))>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Application keys"</caption>
                        <thead>
                            <tr>
                                <SortHeader nav=nav column="id" label="ID" />
                                <SortHeader nav=nav column="application" label="Application" />
                                <th scope="col">"Key"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Updated"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <Pager nav=nav summary=data.summary() noun="app keys" />
        </section>
    }
}
