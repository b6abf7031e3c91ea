//! The pages Websupport serves without a signature: the sign-up
//! (`POST /v1/user`) and the password restore (`POST /v1/user/restorepass`).
//! Both are described resources drawn by the generic form.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use serde_json::Value;
use userdesk_api::resource::record::fill;
use userdesk_api::resource::Description;
use userdesk_api::websupport::users::{RESTORE_PASSWORD, SIGN_UP};

use crate::components::title::use_title;
use crate::components::toast::{ToastKind, Toasts};
use crate::pages::resource::ResourceForm;

/// A public form page: after a success, its message, then `next` if any.
fn public_page(
    resource: &'static Description,
    intro: &'static str,
    next: Option<&'static str>,
) -> impl IntoView {
    use_title(move || resource.messages.new_title.to_string());
    let toasts = Toasts::use_toasts();
    let navigate = use_navigate();
    let on_saved = Callback::new(move |saved: Value| {
        toasts.show(ToastKind::Success, fill(resource.messages.created, &saved));
        if let Some(next) = next {
            navigate(next, Default::default());
        }
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/websupport/login">"Websupport sign-in"</A> " / " {resource.messages.new_title}</p>
            <h1 class="page__title">{resource.messages.new_title}</h1>
            <p class="page__intro">{intro}</p>
            <ResourceForm resource=resource existing=None on_saved=on_saved />
        </section>
    }
}

/// `/websupport/signup`: a new Websupport account, no sign-in needed.
#[component]
pub fn SignUp() -> impl IntoView {
    public_page(
        &SIGN_UP,
        "Create a Websupport account. The name, address and IDs become its default billing profile.",
        Some("/websupport/login"),
    )
}

/// `/websupport/restore-password`: sends a login's password-restore message.
#[component]
pub fn RestorePassword() -> impl IntoView {
    public_page(
        &RESTORE_PASSWORD,
        "Websupport sends the account's owner a message to set a new password.",
        None,
    )
}
