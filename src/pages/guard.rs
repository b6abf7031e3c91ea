//! The one sign-in guard every API's area sits behind.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use userdesk_api::http::percent_encode;
use userdesk_api::redirect::after_sign_in;
use userdesk_api::resource::Api;

use crate::apis::area;
use crate::client::Client;

/// Shows its children only with a session for `api`; otherwise sends the
/// user to that API's sign-in page and back here afterwards.
///
/// ## Usage
/// ```ignore
/// <ParentRoute path=path!("/profiles") view=|| view! { <RequireSignIn api=Api::Profiles><Outlet /></RequireSignIn> }>
/// ```
#[component]
pub fn RequireSignIn(api: Api, children: ChildrenFn) -> impl IntoView {
    let client = Client::use_client();
    let location = use_location();
    // Only signing in or out re-renders the page: a renewed token must keep
    // the page, and whatever is typed into it, as it is.
    let signed_in = Memo::new(move |_| client.signed_in(api));
    move || {
        if signed_in.get() {
            children().into_any()
        } else {
            // The router's `search` comes without its `?`.
            let search = location.search.get_untracked();
            let query = search.trim_start_matches('?');
            let here = if query.is_empty() {
                location.pathname.get_untracked()
            } else {
                format!("{}?{query}", location.pathname.get_untracked())
            };
            view! { <Redirect path=format!("{}/login?next={}", area(api), percent_encode(&here)) /> }
                .into_any()
        }
    }
}

/// Where to go after signing in: `next` passes the pure same-site rules,
/// then the browser's URL parser against the page origin: only a path on
/// this origin, and not a sign-in page, is followed; else `start`.
pub fn safe_next(next: Option<String>, start: &str) -> String {
    let candidate = after_sign_in(next.as_deref(), start);
    same_origin_path(candidate)
        .map(|path| after_sign_in(Some(&path), start).to_string())
        .unwrap_or_else(|| start.to_string())
}

fn same_origin_path(path: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new_with_base(path, &origin).ok()?;
    (url.origin() == origin).then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}
