//! `/admin/login`: `GET /token` with the administrator's credentials.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::admin::token::{validate_credentials, SignInFailure};
use userdesk_api::resource::Api;
use userdesk_api::FieldErrors;

use crate::apis::start_page;
use crate::client::Client;
use crate::components::field::{FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;
use crate::pages::guard::safe_next;

#[component]
pub fn AdminLogin() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Sign in to the Admin API".to_string());
    let query = use_query_map();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (name, secret) = (username.get_untracked(), password.get_untracked());
        if let Err(invalid) = validate_credentials(&name, &secret) {
            errors.set(invalid);
            return;
        }
        errors.set(FieldErrors::new());
        failure.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        let next = safe_next(query.get_untracked().get("next"), start_page(Api::Admin));
        spawn_local(async move {
            let outcome = client.admin_sign_in(name.trim(), &secret).await;
            busy.set(false);
            match outcome {
                Ok(_) => {
                    password.set(String::new());
                    navigate(&next, Default::default());
                }
                Err(error) => failure.set(Some(SignInFailure::describe(&error))),
            }
        });
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Sign in to the Admin API"</h1>
            <Show when=move || client.session.admin.with(Option::is_some)>
                <p class="notice">
                    "You are signed in as " {move || client.session.admin.with(|s| s.as_ref().map(|s| s.username.clone()))} ". "
                    <A href=start_page(Api::Admin)>"Go to roles"</A>
                </p>
            </Show>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField label="Username" name="username" value=username autocomplete="username" required=true />
                <TextField
                    label="Password"
                    name="password"
                    value=password
                    kind=TextKind::Password
                    autocomplete="current-password"
                    required=true
                />
                <div class="form__actions">
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </div>
                <p class="form__note">
                    "Demo mode accepts " <code>"admin1"</code> " / " <code>"admin1pass"</code> ". "
                    <A href="/settings">"Connections"</A> " decides where this signs in."
                </p>
            </form>
            </Provider>
        </section>
    }
}
