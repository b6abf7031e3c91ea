//! `/admin/users`: filter by status and role, sort by id and username.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::roles::RoleType;
use userdesk_api::admin::users::{self, User, USERS};
use userdesk_api::ApiError;

use crate::client::Client;
use crate::components::list::use_resource_list;
use crate::components::table::{status_options, yes_no, Column, FilterSelect, ListLayout, NewLink};
use crate::pages::admin::administrators_list::role_names;
use crate::pages::admin::choices::use_role_choices;

#[component]
pub fn UsersList() -> impl IntoView {
    let (nav, data) = use_resource_list::<User>(USERS, "/admin/users");
    let role_options = use_role_choices(RoleType::User).as_select_options();
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
            new_link=NewLink { href: "/admin/users/new".into(), label: "New user" }>
            <FilterSelect nav=nav key="status" label="Status" any_label="Any status" options=status_options() />
            <FilterSelect nav=nav key="role" label="Role" any_label="Any role" options=role_options />
            <FindByUsername />
        </ListLayout>
    }
}

/// Opens a user by exact username (`GET /user/{username}`).
#[component]
fn FindByUsername() -> impl IntoView {
    let client = Client::use_client();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wanted = username.get_untracked().trim().to_string();
        if wanted.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = client
                .admin(|config, token| users::get_by_username_request(config, token, &wanted))
                .await
                .and_then(|response| USERS.decode_record::<User>(&response));
            if busy.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(user) => navigate(&format!("/admin/users/{}", user.id), Default::default()),
                Err(ApiError::NotFound(_)) => {
                    problem.set(Some(format!("There is no user named “{wanted}”.")));
                }
                Err(other) => problem.set(Some(other.message())),
            }
        });
    };
    view! {
        <form class="toolbar__item toolbar__find" role="search" on:submit=open>
            <label>
                "Open username "
                <input class="toolbar__input" type="search" name="find_username" autocomplete="off"
                    prop:value=move || username.get() on:input=move |event| username.set(event_target_value(&event)) />
            </label>
            <button class="button button--small" type="submit" prop:disabled=move || busy.get()>"Open"</button>
            {move || problem.get().map(|text| view! { <span class="toolbar__problem" role="alert">{text}</span> })}
        </form>
    }
}
