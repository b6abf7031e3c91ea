//! The Profiles API's area: every described resource behind one guard.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/profiles/login") view=ProfilesLogin />
//!         <ProfilesRoutes />
//!     </Routes></Router>
//! }
//! ```

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::guard::RequireSignIn;
use crate::pages::resource::{DescribedEdit, DescribedList, DescribedNew};

/// Every signed-in Profiles page, under `/profiles`: the described
/// resources, and those nested under one of their records.
#[component(transparent)]
pub fn ProfilesRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/profiles") view=|| view! { <RequireSignIn api=Api::Profiles><Outlet /></RequireSignIn> }>
            <Route path=path!(":resource") view=|| view! { <DescribedList api=Api::Profiles /> } />
            <Route path=path!(":resource/new") view=|| view! { <DescribedNew api=Api::Profiles /> } />
            <Route path=path!(":resource/:id") view=|| view! { <DescribedEdit api=Api::Profiles /> } />
            <Route path=path!(":parent/:parent_id/:resource") view=|| view! { <DescribedList api=Api::Profiles /> } />
            <Route path=path!(":parent/:parent_id/:resource/new") view=|| view! { <DescribedNew api=Api::Profiles /> } />
            <Route path=path!(":parent/:parent_id/:resource/:id") view=|| view! { <DescribedEdit api=Api::Profiles /> } />
        </ParentRoute>
    }
    .into_inner()
}
