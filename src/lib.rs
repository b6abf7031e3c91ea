//! userdesk: a browser admin console for the user-management APIs.
//!
//! `App` holds the router; each page is one component under `pages/`. API
//! rules live in the `userdesk-api` crate; this crate wires them to the DOM.

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

use crate::client::Client;
use crate::components::toast::Toasts;
use crate::pages::admin::account::{AccountPage, PasswordPage};
use crate::pages::admin::administrator_form::{AdministratorEdit, AdministratorNew};
use crate::pages::admin::administrators_list::AdministratorsList;
use crate::pages::admin::app_key_form::{AppKeyEdit, AppKeyNew};
use crate::pages::admin::app_keys_list::AppKeysList;
use crate::pages::admin::countries_list::CountriesList;
use crate::pages::admin::guard::RequireAdmin;
use crate::pages::admin::login::AdminLogin;
use crate::pages::admin::logins_list::LoginsList;
use crate::pages::admin::notifications_list::NotificationsList;
use crate::pages::admin::password_resets_list::PasswordResetsList;
use crate::pages::admin::regions_list::RegionsList;
use crate::pages::admin::role_form::{RoleEdit, RoleNew};
use crate::pages::admin::roles_list::RolesList;
use crate::pages::admin::terms_form::{TermsEdit, TermsNew};
use crate::pages::admin::terms_list::TermsList;
use crate::pages::admin::user_form::{UserEdit, UserNew};
use crate::pages::admin::user_profile_form::{UserProfileEdit, UserProfileNew};
use crate::pages::admin::user_profiles_list::UserProfilesList;
use crate::pages::admin::users_list::UsersList;
use crate::pages::{home::Home, not_found::NotFound, settings::SettingsPage};
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
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/admin/login") view=AdminLogin />
                    <Route path=path!("/admin/account") view=|| view! { <RequireAdmin><AccountPage /></RequireAdmin> } />
                    <Route path=path!("/admin/account/password") view=|| view! { <RequireAdmin><PasswordPage /></RequireAdmin> } />
                    <Route path=path!("/admin/administrators") view=|| view! { <RequireAdmin><AdministratorsList /></RequireAdmin> } />
                    <Route path=path!("/admin/administrators/new") view=|| view! { <RequireAdmin><AdministratorNew /></RequireAdmin> } />
                    <Route path=path!("/admin/administrators/:id") view=|| view! { <RequireAdmin><AdministratorEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/app-keys") view=|| view! { <RequireAdmin><AppKeysList /></RequireAdmin> } />
                    <Route path=path!("/admin/app-keys/new") view=|| view! { <RequireAdmin><AppKeyNew /></RequireAdmin> } />
                    <Route path=path!("/admin/app-keys/:id") view=|| view! { <RequireAdmin><AppKeyEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/roles") view=|| view! { <RequireAdmin><RolesList /></RequireAdmin> } />
                    <Route path=path!("/admin/roles/new") view=|| view! { <RequireAdmin><RoleNew /></RequireAdmin> } />
                    <Route path=path!("/admin/roles/:id") view=|| view! { <RequireAdmin><RoleEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/users") view=|| view! { <RequireAdmin><UsersList /></RequireAdmin> } />
                    <Route path=path!("/admin/users/new") view=|| view! { <RequireAdmin><UserNew /></RequireAdmin> } />
                    <Route path=path!("/admin/users/:id") view=|| view! { <RequireAdmin><UserEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/user-profiles") view=|| view! { <RequireAdmin><UserProfilesList /></RequireAdmin> } />
                    <Route path=path!("/admin/user-profiles/new") view=|| view! { <RequireAdmin><UserProfileNew /></RequireAdmin> } />
                    <Route path=path!("/admin/user-profiles/:id") view=|| view! { <RequireAdmin><UserProfileEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/terms") view=|| view! { <RequireAdmin><TermsList /></RequireAdmin> } />
                    <Route path=path!("/admin/terms/new") view=|| view! { <RequireAdmin><TermsNew /></RequireAdmin> } />
                    <Route path=path!("/admin/terms/:id") view=|| view! { <RequireAdmin><TermsEdit /></RequireAdmin> } />
                    <Route path=path!("/admin/countries") view=|| view! { <RequireAdmin><CountriesList /></RequireAdmin> } />
                    <Route path=path!("/admin/regions") view=|| view! { <RequireAdmin><RegionsList /></RequireAdmin> } />
                    <Route path=path!("/admin/logins") view=|| view! { <RequireAdmin><LoginsList /></RequireAdmin> } />
                    <Route path=path!("/admin/password-resets") view=|| view! { <RequireAdmin><PasswordResetsList /></RequireAdmin> } />
                    <Route path=path!("/admin/notifications") view=|| view! { <RequireAdmin><NotificationsList /></RequireAdmin> } />
                </Routes>
            </Shell>
        </Router>
    }
}
