use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use userdesk_api::http::percent_encode;

use crate::client::Client;

/// Shows its children only with an Admin API session; otherwise sends the
/// user to sign in and back here afterwards.
#[component]
pub fn RequireAdmin(children: ChildrenFn) -> impl IntoView {
    let client = Client::use_client();
    let location = use_location();
    // Only signing in or out re-renders the page: a renewed token must keep
    // the page, and whatever is typed into it, as it is.
    let signed_in = Memo::new(move |_| client.session.admin.with(Option::is_some));
    move || {
        if signed_in.get() {
            children().into_any()
        } else {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            view! { <Redirect path=format!("/admin/login?next={}", percent_encode(&here)) /> }
                .into_any()
        }
    }
}
