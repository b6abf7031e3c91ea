//! The Admin API's area: its routes behind one sign-in guard, and its menu.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/admin/login") view=AdminLogin />
//!         <AdminRoutes />
//!     </Routes></Router>
//! }
//! ```
//! A new Admin page adds one `<Route>` below and, if it is in the menu,
//! one line to [`ADMIN_MENU`].

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::{path, MatchNestedRoutes};
use userdesk_api::resource::Api;

use crate::pages::admin::account::{AccountPage, PasswordPage};
use crate::pages::admin::guard::RequireAdmin;
use crate::pages::resource::{DescribedEdit, DescribedList, DescribedNew};

/// The menu: Admin API areas by what administrators come for.
pub const ADMIN_MENU: [(&str, &[(&str, &str)]); 5] = [
    (
        "People",
        &[
            ("/admin/users", "Users"),
            ("/admin/user-profiles", "User profiles"),
            ("/admin/administrators", "Administrators"),
        ],
    ),
    (
        "Access",
        &[
            ("/admin/roles", "Roles"),
            ("/admin/app-keys", "App keys"),
            ("/admin/terms", "Terms of service"),
        ],
    ),
    (
        "Places",
        &[
            ("/admin/countries", "Countries"),
            ("/admin/regions", "Regions"),
        ],
    ),
    (
        "Audit",
        &[
            ("/admin/logins", "Logins"),
            ("/admin/password-resets", "Password resets"),
            ("/admin/notifications", "Notifications"),
        ],
    ),
    (
        "You",
        &[("/admin/account", "Account"), ("/settings", "Connections")],
    ),
];

/// Every signed-in Admin page, under `/admin`, guarded once.
#[component(transparent)]
pub fn AdminRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/admin") view=|| view! { <RequireAdmin><Outlet /></RequireAdmin> }>
            <Route path=path!("account") view=AccountPage />
            <Route path=path!("account/password") view=PasswordPage />
            // Every described resource (`admin::REGISTRY`), after the pages above.
            <Route path=path!(":resource") view=|| view! { <DescribedList api=Api::Admin /> } />
            <Route path=path!(":resource/new") view=|| view! { <DescribedNew api=Api::Admin /> } />
            <Route path=path!(":resource/:id") view=|| view! { <DescribedEdit api=Api::Admin /> } />
        </ParentRoute>
    }
    .into_inner()
}
