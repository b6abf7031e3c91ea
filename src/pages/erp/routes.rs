//! The ERP's area: the removal page behind the one sign-in guard.
//!
//! ## Usage
//! ```ignore
//! view! {
//!     <Router><Routes fallback=NotFound>
//!         <Route path=path!("/erp/login") view=|| view! { <SignIn api=Api::Erp /> } />
//!         <ErpRoutes />
//!     </Routes></Router>
//! }
//! ```

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use userdesk_api::resource::Api;

use crate::pages::guard::RequireSignIn;
use crate::pages::lazy::{Lazy, Page};

/// Every signed-in ERP page, under `/erp`.
#[component(transparent)]
pub fn ErpRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/erp") view=|| view! { <RequireSignIn api=Api::Erp><Outlet /></RequireSignIn> }>
            <Route path=path!("remove-user") view=|| view! { <Lazy page=Page::RemoveErpUser /> } />
        </ParentRoute>
    }
    .into_inner()
}
