//! `/profiles/login`: a bearer token, checked with `GET /profiles?limit=1`.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::profiles::check_token;
use userdesk_api::resource::Api;
use userdesk_api::{ApiError, FieldErrors};

use crate::apis::start_page;
use crate::client::Client;
use crate::components::field::{FormFieldErrors, TextField, TextKind};
use crate::components::status::FailureAlert;
use crate::pages::guard::safe_next;

/// What a refused or failed token check means for the user.
pub fn token_failure(error: &ApiError) -> String {
    match error {
        ApiError::Unauthorized(_) | ApiError::Forbidden(_) => {
            "The Profiles API refused this token. Check that it is whole and still valid.".into()
        }
        other => other.message(),
    }
}

#[component]
pub fn ProfilesLogin() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Sign in to the Profiles API".to_string());
    let query = use_query_map();
    let navigate = use_navigate();
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
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
        failure.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        let next = safe_next(query.get_untracked().get("next"), start_page(Api::Profiles));
        spawn_local(async move {
            let outcome = client.profiles_sign_in(&typed).await;
            busy.set(false);
            match outcome {
                Ok(()) => {
                    token.set(String::new());
                    navigate(&next, Default::default());
                }
                Err(error) => failure.set(Some(token_failure(&error))),
            }
        });
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Sign in to the Profiles API"</h1>
            <Show when=move || client.signed_in(Api::Profiles)>
                <p class="notice">"You are signed in to the Profiles API. " <A href=start_page(Api::Profiles)>"Go to profiles"</A></p>
            </Show>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <FailureAlert failure=failure />
                <TextField
                    label="Bearer token"
                    name="token"
                    value=token
                    kind=TextKind::Password
                    autocomplete="off"
                    hint="Sent as Authorization: Bearer <token>. It lives in this tab until you sign out."
                    required=true
                />
                <div class="form__actions">
                    <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Sign in" }}
                    </button>
                </div>
                <p class="form__note">
                    "Demo mode accepts " <code>"demo-profiles-token"</code> ". "
                    <A href="/settings">"Connections"</A> " decides where this signs in."
                </p>
            </form>
            </Provider>
        </section>
    }
}
