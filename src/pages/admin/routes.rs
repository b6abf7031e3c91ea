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
//! A described resource needs no route of its own: one line in
//! `admin::REGISTRY` gives it its list, create and record pages and its
//! menu entry. A bespoke page adds one `<Route>` below and, if it is in the
//! menu, one line to [`ADMIN_MENU_EXTRAS`].

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::admin::account::{AccountPage, PasswordPage};
use crate::pages::guard::RequireSignIn;
use crate::pages::resource::{DescribedEdit, DescribedList, DescribedNew};

/// The menu entries that are not described resources: the signed-in
/// administrator's own pages. The rest of the menu is `admin::REGISTRY`.
pub const ADMIN_MENU_EXTRAS: (&str, &[(&str, &str)]) = (
    "You",
    &[("/admin/account", "Account"), ("/settings", "Connections")],
);

/// Every signed-in Admin page, under `/admin`, guarded once.
#[component(transparent)]
pub fn AdminRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/admin") view=|| view! { <RequireSignIn api=Api::Admin><Outlet /></RequireSignIn> }>
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
