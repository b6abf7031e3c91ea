//! The Websupport area: every signed-in page behind one guard. The public
//! pages (sign-in, sign-up, password restore) are routed beside it.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/websupport/login") view=|| view! { <SignIn api=Api::Websupport /> } />
//!         <Route path=path!("/websupport/signup") view=|| view! { <Lazy page=Page::SignUp /> } />
//!         <WebsupportRoutes />
//!     </Routes></Router>
//! }
//! ```

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::guard::RequireSignIn;
use crate::pages::lazy::{Lazy, Page};
use crate::pages::resource::{Described, Shown};

/// The signed-in Websupport pages: the account, the described users, and
/// the billing and domain profiles under a user.
#[component(transparent)]
pub fn WebsupportRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/websupport") view=|| view! { <RequireSignIn api=Api::Websupport><Outlet /></RequireSignIn> }>
            <Route path=path!("account") view=|| view! { <Lazy page=Page::WebsupportAccount /> } />
            <Route path=path!(":resource") view=|| view! { <Described api=Api::Websupport shown=Shown::List /> } />
            <Route path=path!(":resource/new") view=|| view! { <Described api=Api::Websupport shown=Shown::New /> } />
            <Route path=path!(":resource/:id") view=|| view! { <Described api=Api::Websupport shown=Shown::Record /> } />
            <Route path=path!(":parent/:parent_id/:resource") view=|| view! { <Described api=Api::Websupport shown=Shown::List /> } />
            <Route path=path!(":parent/:parent_id/:resource/new") view=|| view! { <Described api=Api::Websupport shown=Shown::New /> } />
            <Route path=path!(":parent/:parent_id/:resource/:id") view=|| view! { <Described api=Api::Websupport shown=Shown::Record /> } />
        </ParentRoute>
    }
    .into_inner()
}
