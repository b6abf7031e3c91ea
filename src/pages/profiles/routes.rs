//! The Profiles API's area: every described resource behind one guard.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/profiles/login") view=|| view! { <SignIn api=Api::Profiles /> } />
//!         <ProfilesRoutes />
//!     </Routes></Router>
//! }
//! ```

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::guard::RequireSignIn;
use crate::pages::resource::{Described, Shown};

/// Every signed-in Profiles page, under `/profiles`: the described
/// resources, and those nested under one of their records.
#[component(transparent)]
pub fn ProfilesRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/profiles") view=|| view! { <RequireSignIn api=Api::Profiles><Outlet /></RequireSignIn> }>
            <Route path=path!(":resource") view=|| view! { <Described api=Api::Profiles shown=Shown::List /> } />
            <Route path=path!(":resource/new") view=|| view! { <Described api=Api::Profiles shown=Shown::New /> } />
            <Route path=path!(":resource/:id") view=|| view! { <Described api=Api::Profiles shown=Shown::Record /> } />
            <Route path=path!(":parent/:parent_id/:resource") view=|| view! { <Described api=Api::Profiles shown=Shown::List /> } />
            <Route path=path!(":parent/:parent_id/:resource/new") view=|| view! { <Described api=Api::Profiles shown=Shown::New /> } />
            <Route path=path!(":parent/:parent_id/:resource/:id") view=|| view! { <Described api=Api::Profiles shown=Shown::Record /> } />
        </ParentRoute>
    }
    .into_inner()
}
