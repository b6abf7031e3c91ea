//! userdesk: a browser admin console for the user-management APIs.
//!
//! `App` holds the router; each page is one component under `pages/`. API
//! rules live in the `userdesk-api` crate; this crate wires them to the DOM.

pub mod apis;
pub mod client;
pub mod components;
pub mod demo;
pub mod pages;
pub mod session;
pub mod settings;
pub mod shell;
pub mod storage;
pub mod transport;
pub mod unsaved;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use userdesk_api::deploy::DeployOutcome;
use userdesk_api::resource::Api;

use crate::client::Client;
use crate::components::toast::Toasts;
use crate::pages::admin::routes::AdminRoutes;
use crate::pages::erp::routes::ErpRoutes;
use crate::pages::lazy::{Lazy, Page, SignIn};
use crate::pages::profiles::routes::ProfilesRoutes;
use crate::pages::websupport::routes::WebsupportRoutes;
use crate::pages::{home::Home, not_found::NotFound};
use crate::shell::Shell;
use crate::unsaved::UnsavedChanges;

/// Provides the app-wide context every page relies on.
pub fn provide_app_context(deployment: &DeployOutcome) -> Client {
    Toasts::provide();
    UnsavedChanges::provide();
    Client::provide(deployment)
}

/// Fetches the deployment config, then mounts the console.
pub async fn start() {
    if let Some(path) = web_sys::window().and_then(|window| window.location().pathname().ok()) {
        pages::lazy::preload_for(&path);
    }
    let deployment = transport::fetch_deploy_config().await;
    leptos::mount::mount_to_body(move || view! { <App deployment=deployment.clone() /> });
}

/// The whole console, set up from the deployment config.
#[component]
pub fn App(deployment: DeployOutcome) -> impl IntoView {
    provide_app_context(&deployment);
    UnsavedChanges::use_unsaved().install_guards();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/settings") view=|| view! { <Lazy page=Page::Connections /> } />
                    <Route path=path!("/admin/login") view=|| view! { <SignIn api=Api::Admin /> } />
                    <AdminRoutes />
                    <Route path=path!("/profiles/login") view=|| view! { <SignIn api=Api::Profiles /> } />
                    <ProfilesRoutes />
                    <Route path=path!("/erp/login") view=|| view! { <SignIn api=Api::Erp /> } />
                    <ErpRoutes />
                    <Route path=path!("/websupport/login") view=|| view! { <SignIn api=Api::Websupport /> } />
                    <Route path=path!("/websupport/signup") view=|| view! { <Lazy page=Page::SignUp /> } />
                    <Route path=path!("/websupport/restore-password") view=|| view! { <Lazy page=Page::RestorePassword /> } />
                    <WebsupportRoutes />
                </Routes>
            </Shell>
        </Router>
    }
}
