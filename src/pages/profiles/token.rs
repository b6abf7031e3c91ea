//! The dialog that asks for a new Profiles token when the API answers 401,
//! so the call is sent again and the open page keeps its input.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use userdesk_api::profiles::check_token;
use userdesk_api::FieldErrors;

use super::login::token_failure;
use crate::client::Client;
use crate::components::dialog::Modal;
use crate::components::field::{FieldScope, FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;

#[component]
pub fn TokenDialog() -> impl IntoView {
    let client = Client::use_client();
    let open = move || client.session.token_waiters.with(|w| !w.is_empty());
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let cancel = move || {
        token.set(String::new());
        failure.set(None);
        client.session.finish_token(false);
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = token.get_untracked();
        let mut invalid = FieldErrors::new();
        check_token(&mut invalid, &typed);
        errors.set(invalid.clone());
        if !invalid.is_empty() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = client.profiles_sign_in(&typed).await;
            busy.set(false);
            match outcome {
                Ok(()) => {
                    token.set(String::new());
                    failure.set(None);
                    client.session.finish_token(true);
                }
                Err(error) => failure.set(Some(token_failure(&error))),
            }
        });
    };
    view! {
        <Provider value=FieldScope("profiles-token")>
        <Modal open=Signal::derive(open) on_cancel=Callback::new(move |_| cancel()) labelled_by="profiles-token-title">
            <h2 class="dialog__title" id="profiles-token-title">"The Profiles API refused the token"</h2>
            <p class="dialog__message">
                "Enter a valid token to continue. The page and anything you typed stay as they are."
            </p>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField label="Bearer token" name="token" value=token kind=TextKind::Password autocomplete="off" required=true />
                <div class="dialog__actions">
                    <button class="button" type="button" on:click=move |_| cancel()>"Cancel"</button>
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        "Use this token and continue"
                    </button>
                </div>
            </form>
            </Provider>
        </Modal>
        </Provider>
    }
}
