//! `/erp/login`: `POST login` once to check the login name and password,
//! which then stay in memory for the fresh token every removal needs.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::erp::{decode_login, login_request};
use userdesk_api::resource::Api;
use userdesk_api::validation::REQUIRED;
use userdesk_api::FieldErrors;

use crate::apis::start_page;
use crate::client::Client;
use crate::components::field::{FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;
use crate::pages::guard::safe_next;
use crate::session::ErpSession;

/// A token from the ERP for these credentials, or what went wrong, worded
/// for the user.
pub async fn take_token(
    client: Client,
    login_name: &str,
    password: &str,
) -> Result<String, String> {
    let response = client
        .erp_send(|config| login_request(config, login_name, password))
        .await
        .map_err(|error| error.message())?;
    decode_login(&response).map_err(|failure| failure.at_login())
}

#[component]
pub fn ErpLogin() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Sign in to the ERP".to_string());
    let query = use_query_map();
    let navigate = use_navigate();
    let login_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (name, secret) = (
            login_name.get_untracked().trim().to_string(),
            password.get_untracked(),
        );
        let mut invalid = FieldErrors::new();
        if name.is_empty() {
            invalid.add("LoginName", REQUIRED);
        }
        if secret.is_empty() {
            invalid.add("Password", REQUIRED);
        }
        errors.set(invalid.clone());
        if !invalid.is_empty() {
            return;
        }
        failure.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        let next = safe_next(query.get_untracked().get("next"), start_page(Api::Erp));
        spawn_local(async move {
            let outcome = take_token(client, &name, &secret).await;
            busy.set(false);
            match outcome {
                Ok(_) => {
                    client.session.erp.set(Some(ErpSession {
                        login_name: name,
                        password: secret,
                    }));
                    password.set(String::new());
                    navigate(&next, Default::default());
                }
                Err(message) => failure.set(Some(message)),
            }
        });
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Sign in to the ERP"</h1>
            <Show when=move || client.signed_in(Api::Erp)>
                <p class="notice">"You are signed in to the ERP. " <A href=start_page(Api::Erp)>"Remove a user"</A></p>
            </Show>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField label="Login name" name="LoginName" value=login_name autocomplete="username" required=true />
                <TextField label="Password" name="Password" value=password kind=TextKind::Password
                    autocomplete="current-password" required=true
                    hint="Kept in this tab's memory only, because every removal signs in again for a token that lives 20 seconds. A reload asks again." />
                <div class="form__actions">
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </div>
                <p class="form__note">
                    "Demo mode accepts " <code>"agent"</code> " / " <code>"agentPass!"</code>
                    " (and " <code>"viewer"</code> " / " <code>"viewerPass!"</code> ", who may not delete). "
                    <A href="/settings">"Connections"</A> " decides where this signs in."
                </p>
            </form>
            </Provider>
        </section>
    }
}
