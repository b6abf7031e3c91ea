//! `/admin/account`: the signed-in administrator's own account, and
//! `/admin/account/password`: changing its password.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::admin::account::{self, AccountFields, PasswordChange, UserAccount};

use crate::apis::admin;
use crate::client::Client;
use crate::components::datetime::DateTime;
use crate::components::field::{FormErrors, TextField, TextKind};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::load::use_loaded;
use crate::components::status::{ErrorPanel, Loading};
use crate::components::toast::{ToastKind, Toasts};
use crate::pages::admin::checklist::PasswordChecklist;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn AdminAccountPage() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Your account".to_string());
    let account = use_loaded(move || async move {
        admin::send(client, account::get_request)
            .await
            .and_then(|response| account::decode_account(&response))
    });
    let loaded = move || account.ok();
    // The form mounts once per account, not again after each save.
    let loaded_id = Memo::new(move |_| loaded().map(|a| a.id));
    view! {
        <section class="page page--narrow">
            <div class="page__header">
                <h1 class="page__title">"Your account"</h1>
                <A href="/admin/account/password" attr:class="button">"Change password"</A>
            </div>
            {move || account.error().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| account.refetch()) />
            })}
            <Show when=move || account.with(|answer| answer.is_none())>
                <Loading label="Loading your account…" />
            </Show>
            {move || loaded_id.get().map(|_| {
                let Some(current) = untrack(loaded) else { return ().into_any() };
                view! {
                    <dl class="meta">
                        <dt>"ID"</dt><dd>{current.id}</dd>
                        <dt>"Joined"</dt><dd><DateTime value=current.joined_at.clone() /></dd>
                        <dt>"Password changed"</dt><dd>{move || loaded().map(|a| view! { <DateTime value=a.password_changed_at /> })}</dd>
                    </dl>
                    <AccountForm start=current.fields on_saved=Callback::new(move |saved| account.set(saved)) />
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn AccountForm(
    start: AccountFields,
    #[prop(into)] on_saved: Callback<UserAccount>,
) -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let saved_fields = RwSignal::new(start.clone());
    let username = RwSignal::new(start.username);
    let email = RwSignal::new(start.email);
    let first_name = RwSignal::new(start.first_name);
    let last_name = RwSignal::new(start.last_name);
    let draft = move || AccountFields {
        email: email.get(),
        first_name: first_name.get(),
        last_name: last_name.get(),
        username: username.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_fields.with(|saved| *saved != draft()));
    let form = use_form_submit(
        move || draft().validate(),
        move |fields: AccountFields| async move {
            admin::send(client, |config, token| {
                account::update_request(config, token, &fields)
            })
            .await
            .and_then(|response| account::decode_account(&response))
        },
        move |saved: UserAccount| {
            saved_fields.set(saved.fields.clone());
            // Signing in again asks for the password of this name.
            client.session.rename(&saved.fields.username);
            toasts.show(ToastKind::Success, "Your account is saved.");
            // The page may have gone meanwhile; then there is nobody to tell.
            let _ = on_saved.try_run(saved);
        },
    );
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form />
            <FormErrors errors=form.errors known=&account::FIELDS />
            <TextField label="Username" name="username" value=username
                hint="2–40 letters, digits or underscores; not a number." autocomplete="username" required=true />
            <TextField label="Email" name="email" value=email autocomplete="email" required=true />
            <TextField label="First name" name="first_name" value=first_name
                hint="1–40 characters." autocomplete="given-name" required=true />
            <TextField label="Last name" name="last_name" value=last_name
                hint="2–40 characters." autocomplete="family-name" required=true />
            <SubmitButton form=form label="Save account" />
        </RecordForm>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Change password".to_string());
    let toasts = Toasts::use_toasts();
    let previous = RwSignal::new(String::new());
    let password1 = RwSignal::new(String::new());
    let password2 = RwSignal::new(String::new());
    UnsavedChanges::use_unsaved().track(move || {
        [previous, password1, password2]
            .iter()
            .any(|f| f.with(|t| !t.is_empty()))
    });
    let form = use_form_submit(
        move || {
            let change = PasswordChange {
                previous_password: previous.get(),
                password1: password1.get(),
                password2: password2.get(),
            };
            change.validate().map(|()| change)
        },
        move |change: PasswordChange| async move {
            admin::send(client, |config, token| {
                account::password_request(config, token, &change)
            })
            .await
            .and_then(|response| account::decode_password_changed(&response))
        },
        move |()| {
            for field in [previous, password1, password2] {
                field.set(String::new());
            }
            toasts.show(
                ToastKind::Success,
                "Your password is changed. Use it the next time you sign in.",
            );
        },
    );
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/account">"Your account"</A> " / Password"</p>
            <h1 class="page__title">"Change password"</h1>
            <RecordForm form=form>
                <SubmitFailure form=form />
                <FormErrors errors=form.errors known=&["previous_password", "password1", "password2"] />
                <TextField label="Current password" name="previous_password" value=previous
                    kind=TextKind::Password autocomplete="current-password" required=true />
                <TextField label="New password" name="password1" value=password1
                    kind=TextKind::Password autocomplete="new-password" hint="8–40 characters with at least 3 of the 4 kinds below." required=true />
                <PasswordChecklist password=password1 />
                <TextField label="New password again" name="password2" value=password2
                    kind=TextKind::Password autocomplete="new-password" required=true />
                <SubmitButton form=form label="Change password" />
            </RecordForm>
        </section>
    }
}
