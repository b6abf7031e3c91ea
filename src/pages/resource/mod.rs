//! The generic pages every described resource gets: its list, its create
//! page and its record page, drawn from its [`Description`].
//!
//! ## Usage
//! An API area routes its described resources by slug, after its own
//! pages (static paths win because they come first):
//! ```ignore
//! <Route path=path!(":resource") view=|| view! { <DescribedList api=Api::Admin /> } />
//! <Route path=path!(":resource/new") view=|| view! { <DescribedNew api=Api::Admin /> } />
//! <Route path=path!(":resource/:id") view=|| view! { <DescribedEdit api=Api::Admin /> } />
//! ```
//! so adding a resource to the console is one line in its API's registry
//! (see [`registry`]).

mod cells;
pub mod choices;
mod filters;
mod form;
mod list;
mod record;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use userdesk_api::resource::{Api, Description, Registry};

use crate::components::status::ListLink;
use crate::pages::not_found::NotFound;

pub use form::ResourceForm;
pub use list::ResourceList;
pub use record::{ResourceEdit, ResourceNew};

/// The described resources of an API.
pub fn registry(api: Api) -> Registry {
    match api {
        Api::Admin => userdesk_api::admin::REGISTRY,
        Api::Websupport | Api::Profiles | Api::Erp => Registry::EMPTY,
    }
}

/// The console's path of an API's area, e.g. `/admin`.
pub fn area(api: Api) -> &'static str {
    match api {
        Api::Admin => "/admin",
        Api::Websupport => "/websupport",
        Api::Profiles => "/profiles",
        Api::Erp => "/erp",
    }
}

/// The console's path of a resource's list, e.g. `/admin/terms`.
pub fn list_path(resource: &Description) -> String {
    format!("{}/{}", area(resource.api), resource.slug)
}

/// The link back to a resource's list.
pub fn list_link(resource: &Description) -> ListLink {
    ListLink::new(list_path(resource), resource.title)
}

/// The description the route's `:resource` names, or the not-found page.
fn described(api: Api, page: fn(&'static Description) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.with(|p| p.get("resource")).unwrap_or_default();
        match registry(api).find(&slug) {
            Some(resource) => page(resource),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

/// The list of the resource named by `:resource`.
#[component]
pub fn DescribedList(api: Api) -> impl IntoView {
    described(api, |resource| {
        view! { <ResourceList resource=resource /> }.into_any()
    })
}

/// The create page of the resource named by `:resource`.
#[component]
pub fn DescribedNew(api: Api) -> impl IntoView {
    described(api, |resource| {
        if resource.ops.create {
            view! { <ResourceNew resource=resource /> }.into_any()
        } else {
            view! { <NotFound /> }.into_any()
        }
    })
}

/// The record page of the resource named by `:resource`.
#[component]
pub fn DescribedEdit(api: Api) -> impl IntoView {
    described(api, |resource| {
        if resource.ops.has_record_page() {
            view! { <ResourceEdit resource=resource /> }.into_any()
        } else {
            view! { <NotFound /> }.into_any()
        }
    })
}
