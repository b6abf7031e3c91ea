//! The frame around every page: header, navigation per API, connection
//! indicator, session clock, request progress, toasts and re-authentication.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::apis::{self, area};
use crate::client::Client;
use crate::components::theme::ThemeSwitch;
use crate::components::toast::Toaster;
use crate::pages::admin::routes::ADMIN_MENU_EXTRAS;
use crate::pages::erp::ERP_MENU;
use crate::pages::lazy::{Lazy, Page};
use crate::pages::resource::{self, menu_path};
use crate::pages::websupport::WEBSUPPORT_MENU_EXTRAS;
use crate::session::{format_remaining, RENEW_WINDOW_SECONDS};
use crate::unsaved::{Leave, LeaveDialog, UnsavedChanges};
use userdesk_api::resource::Api;

/// An API's badge in the header while signed in: its name, who is signed
/// in, and Sign out. (Written out per API rather than looped over
/// `Api::ALL`: the loop's dynamic list cost about 1.5 KB brotli of the
/// first load.)
#[component]
fn SessionBadge(api: Api, sign_out: Callback<Api>) -> impl IntoView {
    let client = Client::use_client();
    let home = apis::home(api);
    move || {
        client.signed_in_as(api).map(|who| {
            let badge = if who.is_empty() {
                home.short.to_string()
            } else {
                format!("{}: {who}", home.short)
            };
            view! {
                <span class="session">
                    <span class="session__user">{badge}</span>
                    <button class="button button--small" type="button" aria-label=format!("Sign out of {}", home.called)
                        on:click=move |_| sign_out.run(api)>"Sign out"</button>
                </span>
            }
        })
    }
}

/// Wall-clock milliseconds, ticking once a second.
#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<f64>);

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let client = Client::use_client();
    let clock = Clock(RwSignal::new(js_sys::Date::now()));
    provide_context(clock);
    set_interval(
        move || clock.0.set(js_sys::Date::now()),
        Duration::from_secs(1),
    );
    let navigate = use_navigate();
    // On a phone the menu folds behind a button; following a link folds it again.
    let menu_open = RwSignal::new(false);
    let sign_out_now = Callback::new(move |api: Api| {
        client.sign_out(api);
        navigate(&format!("{}/login", area(api)), Default::default());
    });
    // Signing out with unsaved edits asks first.
    let unsaved = UnsavedChanges::use_unsaved();
    let sign_out = Callback::new(move |api: Api| {
        if !unsaved.ask_before(Leave::SignOut(api)) {
            sign_out_now.run(api);
        }
    });
    let busy = move || client.activity.in_flight.get() > 0;
    let remaining = Memo::new(move |_| {
        client
            .session
            .admin
            .with(|s| s.as_ref().map(|s| s.remaining_seconds(clock.0.get())))
    });
    // When the token ends, ask for the password once (calls that answer 401 ask again).
    let prompted = StoredValue::new(false);
    Effect::new(move |_| match remaining.get() {
        Some(0) if !prompted.get_value() => {
            prompted.set_value(true);
            let asked = client
                .session
                .waiting
                .with_untracked(|waiting| waiting.iter().any(|(api, _)| *api == Api::Admin));
            if !asked {
                client.session.ask_sign_in(Api::Admin);
            }
        }
        Some(0) => {}
        _ => prompted.set_value(false),
    });
    let renewable = move || {
        remaining
            .get()
            .is_some_and(|left| left > 0 && left <= RENEW_WINDOW_SECONDS)
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
        <div class="progress" class:progress--active=busy role="progressbar" aria-label="Requests in progress" aria-hidden=move || (!busy()).to_string()></div>
        <header class="header">
            <A href="/" attr:class="header__brand">"userdesk"</A>
            <button class="button button--small menu-button" type="button" aria-controls="nav"
                aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|open| *open = !*open)>
                "Menu"
            </button>
            <div class="header__status">
                <ThemeSwitch />
                <span class="connection" title="Where Admin API requests go">
                    <span class="connection__label">"Admin: "</span>
                    <span class="connection__target">{move || client.connections.with(|c| c.admin.target.label())}</span>
                </span>
                {move || client.session.admin.get().map(|session| {
                    view! {
                        <span class="session">
                            <span class="session__user">{session.username.clone()}</span>
                            <span class="session__clock" title="Time left in this session">
                                {move || match remaining.get().unwrap_or(0) {
                                    0 => "session ended".to_string(),
                                    left => format!("{} left", format_remaining(left)),
                                }}
                            </span>
                            <Show when=renewable>
                                <button class="button button--small button--primary" type="button" on:click=move |_| client.session.renew()>
                                    "Renew"
                                </button>
                            </Show>
                            <button class="button button--small" type="button" on:click=move |_| sign_out.run(Api::Admin)>"Sign out"</button>
                        </span>
                    }
                })}
                // Every other API's badge: its name, who is signed in, Sign out.
                <SessionBadge api=Api::Profiles sign_out=sign_out />
                <SessionBadge api=Api::Websupport sign_out=sign_out />
                <SessionBadge api=Api::Erp sign_out=sign_out />
            </div>
        </header>
        <div class="layout">
            <nav class="nav" class:nav--open=move || menu_open.get() id="nav" aria-label="Main"
                on:click=move |_| menu_open.set(false)>
                {menu().into_iter().map(|(group, links)| view! {
                    <div class="nav__group">
                        <span class="nav__heading">{group}</span>
                        {links.into_iter().map(|(href, label)| view! {
                            <A href=href attr:class="nav__link">{label}</A>
                        }).collect_view()}
                    </div>
                }).collect_view()}
            </nav>
            <main class="main" id="main" tabindex="-1">
                {move || client.connections.with(|c| c.deployment_problem.clone()).map(|problem| view! {
                    <div class="banner banner--error" role="alert">
                        <p><strong>"The deployment config could not be used, so every API runs in Demo mode. "</strong>{problem}</p>
                        <p>"Fix config.json on the server, or choose a server under " <A href="/settings">"Connections"</A> "."</p>
                    </div>
                })}
                {children()}
            </main>
        </div>
        <Toaster />
        <SessionDialogs />
        <LeaveDialog sign_out=sign_out_now />
    }
}

/// The dialogs a session may need: the Admin password again, a new
/// Profiles token (`pages::sign_in`). They come with the pages part, so they mount once there
/// is such a session (or a request waiting for one), and then stay.
#[component]
fn SessionDialogs() -> impl IntoView {
    let client = Client::use_client();
    let wanted = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false)
            || client.signed_in(Api::Admin)
            || client.signed_in(Api::Profiles)
            || client.session.asking().is_some()
    });
    move || {
        wanted
            .get()
            .then(|| view! { <Lazy page=Page::SessionDialogs quiet=true /> })
    }
}

/// Moves the focus to the page's content, past the header and the menu.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// The menu: each API's described resources in their sections (with the
/// API's own pages in the section of the same name), the ERP's page, then
/// the signed-in administrator's own pages.
fn menu() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let described = [Api::Admin, Api::Profiles, Api::Websupport]
        .into_iter()
        .flat_map(|api| {
            resource::menu(api)
                .iter()
                .map(move |section| (api, section))
        })
        .map(|(api, (heading, links))| {
            let links = links
                .iter()
                .map(|link| (menu_path(api, link), link.label))
                .collect();
            (*heading, links)
        });
    let extras = [WEBSUPPORT_MENU_EXTRAS, ERP_MENU, ADMIN_MENU_EXTRAS]
        .into_iter()
        .map(|(heading, links)| {
            let links = links
                .iter()
                .map(|(href, label)| (href.to_string(), *label))
                .collect();
            (heading, links)
        });
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for (heading, links) in described.chain(extras) {
        match sections.iter_mut().find(|(other, _)| *other == heading) {
            Some((_, known)) => known.extend(links),
            None => sections.push((heading, links)),
        }
    }
    sections
}
