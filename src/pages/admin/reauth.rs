//! The dialog that asks for the password again when a call answers 401, so
//! the call can be retried without losing the page or its input.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use userdesk_api::admin::token::SignInFailure;
use userdesk_api::FieldErrors;

use crate::client::Client;
use crate::components::dialog::Modal;
use crate::components::field::{FieldScope, FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;

#[component]
pub fn ReauthDialog() -> impl IntoView {
    let client = Client::use_client();
    let open = move || client.session.reauth_waiters.with(|w| !w.is_empty());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let username = move || {
        client
            .session
            .admin
            .with(|s| s.as_ref().map(|s| s.username.clone()).unwrap_or_default())
    };
    let cancel = move || {
        password.set(String::new());
        failure.set(None);
        client.session.finish_reauth(false);
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let secret = password.get_untracked();
        if secret.is_empty() {
            let mut missing = FieldErrors::new();
            missing.add("password", userdesk_api::validation::REQUIRED);
            errors.set(missing);
            return;
        }
        errors.set(FieldErrors::new());
        busy.set(true);
        let name = username();
        spawn_local(async move {
            let outcome = client.admin_sign_in(&name, &secret).await;
            busy.set(false);
            match outcome {
                Ok(_) => {
                    password.set(String::new());
                    failure.set(None);
                    client.session.finish_reauth(true);
                }
                Err(error) => failure.set(Some(
                    SignInFailure::classify(&error)
                        .map_or_else(|| error.message(), |r| r.explanation().to_string()),
                )),
            }
        });
    };
    view! {
        // Its fields must not share ids with the form of the page behind it.
        <Provider value=FieldScope("reauth")>
        <Modal open=Signal::derive(open) on_cancel=Callback::new(move |_| cancel()) labelled_by="reauth-title">
            <h2 class="dialog__title" id="reauth-title">
                {move || if client.session.renewing.get() { "Renew your session" } else { "Your session has ended" }}
            </h2>
            <p class="dialog__message">
                "Enter the password for " <strong>{username}</strong>
                " to continue. The page and anything you typed stay as they are."
            </p>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField
                    label="Password"
                    name="password"
                    value=password
                    kind=TextKind::Password
                    autocomplete="current-password"
                    required=true
                />
                <div class="dialog__actions">
                    <button class="button" type="button" on:click=move |_| cancel()>"Cancel"</button>
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        "Sign in and continue"
                    </button>
                </div>
            </form>
            </Provider>
        </Modal>
        </Provider>
    }
}
