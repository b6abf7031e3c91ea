//! `/admin/roles`: the roles table. Its page, size, order and type filter
//! live in the URL query, so reload, back and a pasted link restore the view.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::admin::list::{ListPage, LIMIT_CHOICES};
use userdesk_api::admin::roles::{self, Role, RoleListQuery, RoleType};
use userdesk_api::ApiError;

use crate::client::Client;
use crate::components::status::{EmptyState, ErrorPanel, Loading};

#[component]
pub fn RolesList() -> impl IntoView {
    let client = Client::use_client();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query =
        Memo::new(move |_| query_map.with(|map| RoleListQuery::from_url(|key| map.get(key))));
    let page = RwSignal::new(None::<ListPage<Role>>);
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
    let reload = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);

    Effect::new(move |_| {
        let wanted = query.get();
        reload.track();
        let ticket = generation.get_value() + 1;
        generation.set_value(ticket);
        loading.set(true);
        error.set(None);
        spawn_local(async move {
            let result = client
                .admin(|config, token| roles::list_request(config, token, &wanted))
                .await
                .and_then(|response| roles::decode_list_response(&response, &wanted));
            // A newer request (or leaving the page) makes this answer stale.
            if generation.try_get_value() != Some(ticket) {
                return;
            }
            loading.set(false);
            match result {
                Ok(list) => {
                    client.cache.role_names.update(|names| {
                        for role in &list.items {
                            if !names.contains(&role.fields.name) {
                                names.push(role.fields.name.clone());
                            }
                        }
                    });
                    page.set(Some(list));
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    });

    let go = move |next: RoleListQuery| {
        navigate(
            &format!("/admin/roles{}", next.to_url()),
            Default::default(),
        )
    };
    let go_sort = {
        let go = go.clone();
        move |column: &'static str| {
            let current = query.get_untracked();
            go(RoleListQuery {
                order: current.order.toggled_by(column),
                page: 1,
                ..current
            });
        }
    };
    let on_type = {
        let go = go.clone();
        move |event: leptos::ev::Event| {
            let current = query.get_untracked();
            go(RoleListQuery {
                role_type: RoleType::parse(&event_target_value(&event)),
                page: 1,
                ..current
            });
        }
    };
    let on_limit = {
        let go = go.clone();
        move |event: leptos::ev::Event| {
            let current = query.get_untracked();
            let limit = event_target_value(&event).parse().unwrap_or(current.limit);
            go(RoleListQuery {
                limit,
                page: 1,
                ..current
            });
        }
    };
    let go_page = {
        let go = go.clone();
        move |delta: i64| {
            let current = query.get_untracked();
            let target = (i64::from(current.page) + delta).max(1) as u32;
            go(RoleListQuery {
                page: target,
                ..current
            });
        }
    };

    let sort_header = move |column: &'static str, label: &'static str| {
        let go_sort = go_sort.clone();
        let aria_sort = move || match query.get().order.column() {
            (sorted, true) if sorted == column => "ascending",
            (sorted, false) if sorted == column => "descending",
            _ => "none",
        };
        let arrow = move || match aria_sort() {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button class="table__sort" type="button" on:click=move |_| go_sort(column)>{label}{arrow}</button>
            </th>
        }
    };

    let rows = move || {
        page.get().map(|list| {
            list.items
                .into_iter()
                .map(|role| {
                    let href = format!("/admin/roles/{}", role.id);
                    let id = role.id;
                    let role = role.fields;
                    view! {
                        <tr>
                            <td class="table__number">{id}</td>
                            <td><A href=href>{role.name.clone()}</A></td>
                            <td>{if role.is_admin_role { "Administrators" } else { "Users" }}</td>
                            <td class="table__number">{role.priority}</td>
                            <td>{yes_no(role.password_policy)}</td>
                            <td>{yes_no(role.login_lockout_policy)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
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
                    <select name="type" on:change=on_type prop:value=move || query.get().role_type.map_or("", RoleType::as_str)>
                        <option value="">"All roles"</option>
                        <option value="admin">"Administrators"</option>
                        <option value="user">"Users"</option>
                    </select>
                </label>
                <label class="toolbar__item">
                    "Per page "
                    <select
                        name="limit"
                        on:change=on_limit
                        prop:value=move || query.get().effective_limit().to_string()
                        prop:disabled=move || query.get().role_type.is_some()
                        title=move || query.get().role_type.map(|_| "The API pages role-type lists by 10.")
                    >
                        {LIMIT_CHOICES.iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=move || loading.get() && page.with(Option::is_some)>
                    <span class="toolbar__busy" role="status">"Updating…"</span>
                </Show>
            </div>
            {move || error.get().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| reload.update(|n| *n += 1)) />
            })}
            <Show when=move || loading.get() && page.with(Option::is_none)>
                <Loading label="Loading roles…" />
            </Show>
            <Show when=move || page.with(|p| p.as_ref().is_some_and(|p| p.items.is_empty()))>
                <EmptyState message="No roles on this page.">
                    <A href="/admin/roles" attr:class="button">"Show all roles"</A>
                </EmptyState>
            </Show>
            <Show when=move || page.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty()))>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Roles"</caption>
                        <thead>
                            <tr>
                                {sort_header("id", "ID")}
                                {sort_header("name", "Name")}
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
            {move || page.get().map(|list| {
                let pages = list.page_count();
                let (current, total) = (list.page, list.total);
                let go_prev = go_page.clone();
                let go_next = go_page.clone();
                view! {
                    <nav class="pager" aria-label="Pages">
                        <button class="button" type="button" prop:disabled={current <= 1} on:click=move |_| go_prev(-1)>"‹ Previous"</button>
                        <span class="pager__status">{format!("Page {current} of {pages} · {total} roles")}</span>
                        <button class="button" type="button" prop:disabled={current >= pages} on:click=move |_| go_next(1)>"Next ›"</button>
                    </nav>
                }
            })}
        </section>
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "On"
    } else {
        "Off"
    }
}
