//! The start page: per API, where it is connected, who is signed in, and
//! shortcuts to its lists; Demo's credentials beside each.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::resource::Api;

use crate::apis::{self, area};
use crate::client::Client;
use crate::components::copy::Secret;
use crate::pages::erp::ERP_MENU;
use crate::pages::resource::{menu, menu_path};

/// What the start page says about one API.
struct ApiCard {
    api: Api,
    about: &'static str,
    /// Demo's credentials, as label and value pairs.
    demo: &'static [(&'static str, &'static str)],
    /// Pages besides the described lists.
    extra: &'static [(&'static str, &'static str)],
}

const CARDS: [ApiCard; 4] = [
    ApiCard {
        api: Api::Admin,
        about: "Users, administrators, roles, app keys, terms of service and the audit lists.",
        demo: &[("username", "admin1"), ("password", "admin1pass")],
        extra: &[],
    },
    ApiCard {
        api: Api::Websupport,
        about: "Users and sub-users, billing profiles and domain contact profiles.",
        demo: &[
            ("API key", "demo-websupport-key"),
            ("secret", "demo-websupport-secret"),
        ],
        extra: &[("/websupport/account", "My account")],
    },
    ApiCard {
        api: Api::Profiles,
        about: "Client profiles with their email and phone contacts.",
        demo: &[("token", "demo-profiles-token")],
        extra: &[],
    },
    ApiCard {
        api: Api::Erp,
        about: "Remove a user by login name, with a fresh 20-second token for each removal.",
        demo: &[("login name", "agent"), ("password", "agentPass!")],
        extra: ERP_MENU.1,
    },
];

#[component]
pub fn Home() -> impl IntoView {
    crate::components::title::use_title(|| "".to_string());
    view! {
        <section class="page">
            <h1 class="page__title">"userdesk"</h1>
            <p class="page__lead">
                "Manage users, accounts and profiles through their APIs. An API in Demo mode talks to "
                "a simulator seeded from its documentation, so everything can be tried without a server."
            </p>
            <div class="cards">
                {CARDS.iter().map(|card| view! { <Card card=card /> }).collect_view()}
                <article class="card">
                    <h2 class="card__title">"Connections"</h2>
                    <p>"Choose Demo or a server for each API, and reset the demo data."</p>
                    <p class="card__actions"><A href="/settings" attr:class="button">"Open connections"</A></p>
                </article>
            </div>
        </section>
    }
}

#[component]
fn Card(card: &'static ApiCard) -> impl IntoView {
    let client = Client::use_client();
    let api = card.api;
    let connection = move || {
        client
            .connections
            .with(|c| crate::apis::target(api, c).label())
    };
    let who = move || client.signed_in_as(api);
    let links: Vec<(String, &'static str)> = menu(api)
        .iter()
        .flat_map(|(_, links)| links.iter())
        .map(|link| (menu_path(api, link), link.label))
        .chain(
            card.extra
                .iter()
                .map(|(href, label)| (href.to_string(), *label)),
        )
        .collect();
    let links = StoredValue::new(links);
    let heading = format!("card-{}", area(api).trim_start_matches('/'));
    let labelled_by = heading.clone();
    view! {
        <article class="card" aria-labelledby=labelled_by>
            <h2 class="card__title" id=heading>{apis::home(card.api).name}</h2>
            <p>{card.about}</p>
            <p class="card__status">"Connected to: " <strong>{connection}</strong></p>
            <p class="card__status">{move || match who() {
                Some(name) if name.is_empty() => "Signed in.".to_string(),
                Some(name) => format!("Signed in as {name}."),
                None => "Not signed in.".to_string(),
            }}</p>
            {move || client.session_token(api).map(|token| view! {
                <p class="card__status">"Session token: " <Secret value=token what="session token" /></p>
            })}
            {move || match who() {
                Some(_) => view! {
                    <ul class="card__links">
                        {links.get_value().into_iter().map(|(href, label)| view! {
                            <li><A href=href attr:class="button button--small">{label}</A></li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                None => view! {
                    <p class="card__actions">
                        <A href=format!("{}/login", area(api)) attr:class="button button--primary">"Sign in"</A>
                    </p>
                }.into_any(),
            }}
            <p class="card__note">
                "Demo: "
                {card.demo.iter().map(|(label, value)| view! { {*label} " " <code>{*value}</code> " " }).collect_view()}
            </p>
        </article>
    }
}
