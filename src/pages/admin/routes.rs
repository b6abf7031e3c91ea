//! The Admin API's area: its routes behind one sign-in guard, and its menu.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/admin/login") view=|| view! { <SignIn api=Api::Admin /> } />
//!         <AdminRoutes />
//!     </Routes></Router>
//! }
//! ```
//! A described resource needs no route of its own: one line in
//! `admin::REGISTRY` gives it its list, create and record pages and its
//! menu entry. A bespoke page adds one variant of
//! [`Page`](crate::pages::lazy::Page), one `<Route>` below and, if it is in
//! the menu, one line to [`ADMIN_MENU_EXTRAS`].

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::guard::RequireSignIn;
use crate::pages::lazy::{Lazy, Page};
use crate::pages::resource::{Described, Shown};

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
            <Route path=path!("account") view=|| view! { <Lazy page=Page::AdminAccount /> } />
            <Route path=path!("account/password") view=|| view! { <Lazy page=Page::AdminPassword /> } />
            // Every described resource (`admin::REGISTRY`), after the pages above.
            <Route path=path!(":resource") view=|| view! { <Described api=Api::Admin shown=Shown::List /> } />
            <Route path=path!(":resource/new") view=|| view! { <Described api=Api::Admin shown=Shown::New /> } />
            <Route path=path!(":resource/:id") view=|| view! { <Described api=Api::Admin shown=Shown::Record /> } />
        </ParentRoute>
    }
    .into_inner()
}
