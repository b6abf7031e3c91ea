//! The generic pages every described resource gets: its list, its create
//! page and its record page, drawn from its [`Description`].
//!
//! ## Usage
//! An API area routes its described resources by slug, after its own
//! pages (static paths win because they come first):
//! ```ignore
//! <Route path=path!(":resource") view=|| view! { <Described api=Api::Admin shown=Shown::List /> } />
//! <Route path=path!(":resource/new") view=|| view! { <Described api=Api::Admin shown=Shown::New /> } />
//! <Route path=path!(":resource/:id") view=|| view! { <Described api=Api::Admin shown=Shown::Record /> } />
//! ```
//! so adding a resource to the console is one line in its API's registry
//! (see [`registry`]). Resources nested under a record of another (a
//! profile's contacts) take the same three routes after
//! `:parent/:parent_id/`.

mod bulk;
mod by_name;
mod cells;
pub mod choices;
mod choose_by_name;
mod country;
mod each_page;
mod export;
mod filters;
mod form;
mod form_state;
mod list;
mod record;
mod record_row;
mod rows;
mod typed_by;
mod whole;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use userdesk_api::http::percent_encode;
use userdesk_api::resource::{Api, Description, Menu, MenuLink, Registry};

use crate::apis::area;
use crate::components::status::ListLink;
use crate::pages::lazy::{Lazy, Page};
use crate::pages::not_found::NotFound;

pub use form::ResourceForm;
pub use list::ResourceList;
pub use record::{ResourceEdit, ResourceNew};
pub use whole::WholeList;

/// The menu of an API's described resources: slugs and labels only.
pub fn menu(api: Api) -> Menu {
    match api {
        Api::Admin => userdesk_api::admin::MENU,
        Api::Profiles => userdesk_api::profiles::MENU,
        Api::Websupport => userdesk_api::websupport::MENU,
        Api::Erp => &[],
    }
}

/// The console's path of a top-level resource's list by its slug, e.g.
/// `/admin/terms`: what a menu link and [`records_path`] lead to.
pub fn menu_path(api: Api, link: &MenuLink) -> String {
    top_level_path(api, link.slug)
}

fn top_level_path(api: Api, slug: &str) -> String {
    format!("{}/{slug}", area(api))
}

/// The described resources of an API.
pub fn registry(api: Api) -> Registry {
    match api {
        Api::Admin => userdesk_api::admin::REGISTRY,
        Api::Profiles => userdesk_api::profiles::REGISTRY,
        Api::Websupport => userdesk_api::websupport::REGISTRY,
        Api::Erp => Registry::EMPTY,
    }
}

/// The document title of a resource's list: its title, and its API's
/// name where another API has a list of the same title ("Users ·
/// Websupport" beside the Admin API's "Users").
pub fn list_title(resource: &Description) -> String {
    let shared = Api::ALL
        .into_iter()
        .filter(|api| *api != resource.api)
        .any(|api| registry(api).find_titled(resource.title).is_some());
    if shared {
        format!(
            "{} · {}",
            resource.title,
            crate::apis::home(resource.api).name
        )
    } else {
        resource.title.to_string()
    }
}

/// The console's path of a resource's list, e.g. `/admin/terms`.
pub fn list_path(resource: &Description) -> String {
    records_path(resource, None)
}

/// The console's path of a resource's records: its list for a top-level
/// resource, `/profiles/profiles/{parent}/contacts` for a nested one
/// (the parent's slug, then its id).
pub fn records_path(resource: &Description, parent: Option<&str>) -> String {
    match (parent_slug(resource), parent) {
        (Some(slug), Some(id)) => format!(
            "{}/{slug}/{}/{}",
            area(resource.api),
            percent_encode(id),
            resource.slug
        ),
        _ => top_level_path(resource.api, resource.slug),
    }
}

/// The console's slug of the resource a nested one lives under.
fn parent_slug(resource: &Description) -> Option<&'static str> {
    registry(resource.api)
        .parent_of(resource)
        .map(|parent| parent.slug)
}

/// Where a record page leads back to: a nested record's parent page, else
/// its resource's list.
pub fn back_path(resource: &Description, parent: Option<&str>) -> String {
    match (parent_slug(resource), parent) {
        (Some(slug), Some(id)) => format!("{}/{slug}/{}", area(resource.api), percent_encode(id)),
        _ => list_path(resource),
    }
}

/// The link to the records of a resource (under `parent` when nested).
pub fn list_link(resource: &Description, parent: Option<&str>) -> ListLink {
    ListLink::new(records_path(resource, parent), resource.title)
}

/// Which of a described resource's pages a route shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    List,
    New,
    Record,
}

/// The page a described route shows: the resource `slug` names (under
/// the parent's slug and record id when the route has them), or the
/// not-found page where there is no such resource or page.
pub fn described_page(
    api: Api,
    shown: Shown,
    slug: &str,
    parent: Option<(String, String)>,
) -> AnyView {
    let registry = registry(api);
    let found = match parent {
        Some((parent, id)) => registry
            .find(&parent)
            .and_then(|parent| registry.find_under(parent, slug))
            .map(|child| (child, Some(id))),
        None => registry.find(slug).map(|resource| (resource, None)),
    };
    let Some((resource, parent)) = found else {
        return view! { <NotFound /> }.into_any();
    };
    match shown {
        Shown::List if resource.list.is_whole() => {
            view! { <WholeList resource=resource parent=parent /> }.into_any()
        }
        Shown::List => view! { <ResourceList resource=resource parent=parent /> }.into_any(),
        Shown::New if resource.ops.create => {
            view! { <ResourceNew resource=resource parent=parent /> }.into_any()
        }
        Shown::Record if resource.ops.has_record_page() => {
            view! { <ResourceEdit resource=resource parent=parent /> }.into_any()
        }
        Shown::New | Shown::Record => view! { <NotFound /> }.into_any(),
    }
}

/// The page of the resource the route's `:resource` names (under
/// `:parent` when the route has one). The lookup happens in the pages
/// part, so the first load holds no description.
#[component]
pub fn Described(api: Api, shown: Shown) -> impl IntoView {
    let params = use_params_map();
    move || {
        let (slug, parent) = params.with(|p| {
            (
                p.get("resource").unwrap_or_default(),
                p.get("parent").zip(p.get("parent_id")),
            )
        });
        view! { <Lazy page=Page::Described { api, shown, slug, parent } /> }
    }
}
