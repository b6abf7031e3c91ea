//! The one sign-in form, drawn from an API's [`SignIn`] description: as a
//! page (`/admin/login`, `/profiles/login`, `/websupport/login`,
//! `/erp/login`) and as the dialog that asks again after a 401, over the
//! page and its input. Each API's own facts (its fields, checks, Demo
//! credentials, how it signs in) live in `crate::apis`.
//!
//! ## Usage
//! ```ignore
//! <Route path=path!("/profiles/login") view=|| view! { <SignInPage api=Api::Profiles /> } />
//! view! { <SignInAgainDialogs /> }
//! ```

use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use userdesk_api::resource::Api;

use crate::apis::{self, home, sign_in_form, start_page, Credential, SignIn, SignInAgain};
use crate::client::Client;
use crate::components::dialog::Modal;
use crate::components::field::{FieldScope, TextField, TextKind};
use crate::components::form::{use_form_submit, FormSubmit, RecordForm, SubmitFailure};
use crate::pages::guard::safe_next;

/// The typed values of a sign-in form and how it is sent. Asking `again`,
/// the fields the dialog does not show come from the session (the
/// signed-in name). One function for the page and the dialog, so the
/// form's sending is compiled once.
fn use_sign_in_form(
    api: Api,
    again: bool,
    signed_in: Callback<()>,
) -> (FormSubmit, Vec<RwSignal<String>>) {
    let client = Client::use_client();
    let form = sign_in_form(api);
    let values: Vec<RwSignal<String>> = form
        .fields
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let typed = values.clone();
    let cleared = values.clone();
    let submit = use_form_submit(
        move || {
            let typed: Vec<String> = form
                .fields
                .iter()
                .zip(&typed)
                .map(|(field, value)| {
                    if again && field.known {
                        client.signed_in_as(api).unwrap_or_default()
                    } else {
                        value.get()
                    }
                })
                .collect();
            (form.check)(&typed).map(|()| typed)
        },
        move |typed| apis::sign_in(api, client, typed),
        move |()| {
            // The secrets leave the form; the names stay for the next time.
            for (field, value) in form.fields.iter().zip(&cleared) {
                if field.secret {
                    value.set(String::new());
                }
            }
            signed_in.run(());
        },
    );
    (submit, values)
}

/// One field of a sign-in form.
fn credential_field(field: &'static Credential, value: RwSignal<String>) -> impl IntoView {
    let kind = if field.secret {
        TextKind::Password
    } else {
        TextKind::Text
    };
    view! {
        <TextField label=field.label name=field.name value=value kind=kind
            autocomplete=field.autocomplete hint=field.hint required=true />
    }
}

/// The credentials Demo mode accepts, as one sentence.
fn demo_note(form: &'static SignIn) -> impl IntoView {
    let logins = form
        .demo
        .iter()
        .enumerate()
        .map(|(index, login)| {
            view! {
                {(index > 0).then_some(", or ")}
                <code>{login.values.join(" / ")}</code>
                {login.who.map(|who| format!(" ({who})"))}
            }
        })
        .collect_view();
    view! {
        <p class="form__note">
            "Demo mode accepts " {logins} ". "
            <A href="/settings">"Connections"</A> " decides where this signs in."
        </p>
    }
}

/// A sign-in page. After the sign-in it goes to `?next=` when that is a
/// safe same-origin path, else to the API's start page.
#[component]
pub fn SignInPage(api: Api) -> impl IntoView {
    let client = Client::use_client();
    let form = sign_in_form(api);
    crate::components::title::use_title(move || form.title.to_string());
    let query = use_query_map();
    let navigate = use_navigate();
    let signed_in = Callback::new(move |()| {
        let next = safe_next(query.get_untracked().get("next"), start_page(api));
        navigate(&next, Default::default());
    });
    let (submit, values) = use_sign_in_form(api, false, signed_in);
    let who = move || client.signed_in_as(api);
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">{form.title}</h1>
            {move || who().map(|name| view! {
                <p class="notice">
                    "You are signed in to " {home(api).called}
                    {(!name.is_empty()).then(|| format!(" as {name}"))} ". "
                    <A href=start_page(api)>{form.go_on}</A>
                </p>
            })}
            <RecordForm form=submit>
                <SubmitFailure form=submit />
                {form.fields.iter().zip(values).map(|(field, value)| credential_field(field, value)).collect_view()}
                <div class="form__actions">
                    <button class="button button--primary" type="submit" prop:disabled=move || submit.busy.get()>
                        {move || if submit.busy.get() { form.busy } else { "Sign in" }}
                    </button>
                </div>
                {(!form.more.is_empty()).then(|| view! {
                    <p class="form__note">
                        {form.more.iter().map(|(question, label, href)| view! {
                            {*question} " " <A href=*href>{*label}</A> ". "
                        }).collect_view()}
                    </p>
                })}
                {demo_note(form)}
            </RecordForm>
        </section>
    }
}

/// The dialogs that ask the user to sign in again to the API a call is
/// waiting for (after a 401), one per API that asks in place, so the call
/// is sent once more and the page keeps its input. Cancel gives the call
/// its 401.
#[component]
pub fn SignInAgainDialogs() -> impl IntoView {
    Api::ALL
        .iter()
        .filter_map(|api| {
            sign_in_form(*api)
                .again
                .as_ref()
                .map(|again| view! { <SignInAgainDialog api=*api again=again /> })
        })
        .collect_view()
}

#[component]
fn SignInAgainDialog(api: Api, again: &'static SignInAgain) -> impl IntoView {
    let client = Client::use_client();
    let form = sign_in_form(api);
    let name = move || client.signed_in_as(api).unwrap_or_default();
    let finish = move |retry: bool| client.session.finish_sign_in(api, retry);
    let (submit, values) = use_sign_in_form(api, true, Callback::new(move |()| finish(true)));
    let open = move || client.session.asking() == Some(api);
    let fields = StoredValue::new(values);
    view! {
        // Its fields must not share ids with the form of the page behind it.
        <Provider value=FieldScope(again.scope)>
        <Modal open=Signal::derive(open) on_cancel=Callback::new(move |_| finish(false)) labelled_by=again.title_id>
            <h2 class="dialog__title" id=again.title_id>
                {move || if client.session.renewing.get() { again.renewing_title } else { again.title }}
            </h2>
            <p class="dialog__message">
                {again.ask}
                {move || {
                    let name = name();
                    (!name.is_empty()).then(|| view! { " for " <strong>{name}</strong> })
                }}
                " to continue. The page and anything you typed stay as they are."
            </p>
            <RecordForm form=submit>
                <SubmitFailure form=submit />
                {form.fields.iter().zip(fields.get_value()).filter(|(field, _)| !field.known)
                    .map(|(field, value)| credential_field(field, value)).collect_view()}
                <div class="dialog__actions">
                    <button class="button" type="button" on:click=move |_| finish(false)>"Cancel"</button>
                    <button class="button button--primary" type="submit" prop:disabled=move || submit.busy.get()>
                        {again.submit}
                    </button>
                </div>
            </RecordForm>
        </Modal>
        </Provider>
    }
}
