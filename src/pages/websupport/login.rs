//! `/websupport/login`: an API key and secret, checked with a signed
//! `GET /v1/user/self`. Both stay in memory only: a reload asks again.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::resource::Api;
use userdesk_api::websupport::WebsupportConfig;
use userdesk_api::FieldErrors;

use crate::apis::start_page;
use crate::client::Client;
use crate::components::field::{FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;
use crate::pages::guard::safe_next;

#[component]
pub fn WebsupportLogin() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Sign in to Websupport".to_string());
    let query = use_query_map();
    let navigate = use_navigate();
    let api_key = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = WebsupportConfig {
            base_url: String::new(),
            api_key: api_key.get_untracked(),
            secret: secret.get_untracked(),
        };
        let invalid = typed.validate().err().unwrap_or_default();
        errors.set(invalid.clone());
        if !invalid.is_empty() {
            return;
        }
        failure.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        let next = safe_next(
            query.get_untracked().get("next"),
            start_page(Api::Websupport),
        );
        spawn_local(async move {
            let outcome = client
                .websupport_sign_in(&typed.api_key, &typed.secret)
                .await;
            busy.set(false);
            match outcome {
                Ok(_) => {
                    secret.set(String::new());
                    navigate(&next, Default::default());
                }
                // The key stays typed; a refused signature says what to check.
                Err(error) => failure.set(Some(error.message())),
            }
        });
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Sign in to Websupport"</h1>
            <Show when=move || client.signed_in(Api::Websupport)>
                <p class="notice">"You are signed in to Websupport. " <A href=start_page(Api::Websupport)>"Go to users"</A></p>
            </Show>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField label="API key" name="api_key" value=api_key autocomplete="username" required=true
                    hint="From the Websupport administration, under API access." />
                <TextField label="Secret" name="secret" value=secret kind=TextKind::Password autocomplete="current-password" required=true
                    hint="Signs each request; it is never sent, and never stored: a reload asks for it again." />
                <div class="form__actions">
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Sign in" }}
                    </button>
                </div>
                <p class="form__note">
                    "No account yet? " <A href="/websupport/signup">"Sign up"</A> ". Forgot your password? "
                    <A href="/websupport/restore-password">"Restore it"</A> "."
                </p>
                <p class="form__note">
                    "Demo mode takes the key " <code>"demo-websupport-key"</code> " with the secret "
                    <code>"demo-websupport-secret"</code> " (a reseller with 10,000 sub-users), or "
                    <code>"demo-customer-key"</code> " with " <code>"demo-customer-secret"</code> ". "
                    <A href="/settings">"Connections"</A> " decides where this signs in."
                </p>
            </form>
            </Provider>
        </section>
    }
}
