//! `/admin/administrators/new` and `/admin/administrators/:id`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::administrators::{self, Administrator, AdministratorDraft};
use userdesk_api::admin::roles::RoleType;
use userdesk_api::time::{format_timestamp, to_datetime_local};
use userdesk_api::{ApiError, FieldErrors};

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::field::{
    errors_for, CheckboxGroup, FormErrors, PasswordChecklist, SelectField, TextField, TextKind,
};
use crate::components::record::{use_delete, use_record};
use crate::components::status::{ErrorPanel, Loading};
use crate::components::table::status_options;
use crate::components::toast::{ToastKind, Toasts};
use crate::pages::admin::role_choices::use_role_choices;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn AdministratorNew() -> impl IntoView {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    let on_saved = Callback::new(move |saved: Administrator| {
        toasts.show(
            ToastKind::Success,
            format!("Administrator {} created.", saved.account.username),
        );
        navigate(
            &format!("/admin/administrators/{}", saved.id),
            Default::default(),
        );
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/administrators">"Administrators"</A> " / New"</p>
            <h1 class="page__title">"New administrator"</h1>
            <AdministratorForm existing=None on_saved=on_saved />
        </section>
    }
}

#[component]
pub fn AdministratorEdit() -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let data = use_record(move |id| async move {
        client
            .admin(|config, token| administrators::get_request(config, token, id))
            .await
            .and_then(|response| administrators::decode_administrator(&response))
    });
    let loaded_id = Memo::new(move |_| data.record.with(|r| r.as_ref().map(|r| r.id)));
    let username = move || {
        data.record.with(|r| {
            r.as_ref()
                .map(|r| r.account.username.clone())
                .unwrap_or_default()
        })
    };
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete("/admin/administrators");
    let deleting = remove.deleting;
    let on_saved = Callback::new(move |saved: Administrator| {
        toasts.show(
            ToastKind::Success,
            format!("Administrator {} saved.", saved.account.username),
        );
        data.record.set(Some(saved));
    });
    let delete = move |_| {
        let Some(id) = loaded_id.get_untracked() else {
            return;
        };
        let name = username();
        remove.run(
            move |config, token| administrators::delete_request(config, token, id),
            format!("Administrator {name} deleted."),
            || (),
        );
    };
    let is_self = move || {
        let me = client.session.admin.with(|s| s.as_ref().map(|s| s.user_id));
        loaded_id.get().is_some() && me == loaded_id.get()
    };
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/administrators">"Administrators"</A> " / " {username}</p>
            {move || data.error.get().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| data.reload.update(|n| *n += 1)) />
            })}
            <Show when=move || data.record.with(Option::is_none) && data.error.with(Option::is_none)>
                <Loading label="Loading administrator…" />
            </Show>
            {move || loaded_id.get().map(|id| view! {
                <div class="page__header">
                    <h1 class="page__title">{username}</h1>
                    <button class="button button--danger" type="button" prop:disabled=move || deleting.get() on:click=move |_| confirm_delete.set(true)>
                        "Delete administrator"
                    </button>
                </div>
                <dl class="meta">
                    <dt>"ID"</dt><dd>{id}</dd>
                    <dt>"Created"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.created_at.clone()))}</dd>
                    <dt>"Password changed"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.password_changed_at.clone()))}</dd>
                    <dt>"Status changed"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.status_changed_at.clone()))}</dd>
                </dl>
                <AdministratorForm existing=data.record.get_untracked() on_saved=on_saved />
            })}
            <ConfirmDialog
                open=confirm_delete
                title="Delete this administrator?"
                message=Signal::derive(move || if is_self() {
                    "This is your own account: you will be signed out for good.".to_string()
                } else {
                    format!("{} can no longer sign in.", username())
                })
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=delete
            />
        </section>
    }
}

/// The administrator fields; sends nothing while a rule is broken.
#[component]
pub fn AdministratorForm(
    existing: Option<Administrator>,
    #[prop(into)] on_saved: Callback<Administrator>,
) -> impl IntoView {
    let client = Client::use_client();
    let creating = existing.is_none();
    let now = to_datetime_local(&format_timestamp((js_sys::Date::now() / 1000.0) as i64))
        .unwrap_or_default();
    let start = existing.as_ref().map_or_else(
        || AdministratorDraft::new(now),
        AdministratorDraft::from_administrator,
    );
    let record_id = existing.as_ref().map(|a| a.id);
    let saved_draft = RwSignal::new(start.clone());
    let username = RwSignal::new(start.account.username.clone());
    let email = RwSignal::new(start.account.email.clone());
    let first_name = RwSignal::new(start.account.first_name.clone());
    let last_name = RwSignal::new(start.account.last_name.clone());
    let joined_at = RwSignal::new(start.joined_at.clone());
    let password = RwSignal::new(String::new());
    let roles = RwSignal::new(start.roles.clone());
    let status = RwSignal::new(start.status.clone());
    let draft = move || AdministratorDraft {
        account: userdesk_api::admin::account::AccountFields {
            email: email.get(),
            first_name: first_name.get(),
            last_name: last_name.get(),
            username: username.get(),
        },
        joined_at: joined_at.get(),
        password: password.get(),
        roles: roles.get(),
        status: status.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));
    let choices = use_role_choices(RoleType::Admin);
    let (role_options, role_error) = (choices.options, choices.error);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let fields = match untrack(draft).validate(creating) {
            Ok(fields) => fields,
            Err(invalid) => return errors.set(invalid),
        };
        errors.set(FieldErrors::new());
        failure.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = client
                .admin(|config, token| match record_id {
                    Some(id) => administrators::update_request(config, token, id, &fields),
                    None => administrators::create_request(config, token, &fields),
                })
                .await
                .and_then(|response| administrators::decode_administrator(&response));
            busy.set(false);
            match result {
                Ok(saved) => {
                    password.set(String::new());
                    saved_draft.set(AdministratorDraft::from_administrator(&saved));
                    // The page may have gone meanwhile; then there is nobody to tell.
                    let _ = on_saved.try_run(saved);
                }
                Err(ApiError::Validation(fields)) => errors.set(fields),
                Err(other) => failure.set(Some(other)),
            }
        });
    };

    view! {
        <form
            class="form"
            novalidate
            on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                submit();
            }
        >
            {move || failure.get().map(|error| view! { <ErrorPanel error=error on_retry=Callback::new(move |_| submit()) /> })}
            <FormErrors errors=errors known=&administrators::FIELDS />
            <TextField label="Username" name="username" value=username errors=errors_for(errors, "username")
                hint="2–40 letters, digits or underscores; not a number." autocomplete="off" required=true />
            <TextField label="Email" name="email" value=email errors=errors_for(errors, "email") autocomplete="off" required=true />
            <div class="field-row">
                <TextField label="First name" name="first_name" value=first_name errors=errors_for(errors, "first_name") hint="1–40 characters." required=true />
                <TextField label="Last name" name="last_name" value=last_name errors=errors_for(errors, "last_name") hint="2–40 characters." required=true />
            </div>
            <TextField label="Joined (UTC)" name="joined_at" value=joined_at errors=errors_for(errors, "joined_at") kind=TextKind::DateTime required=true />
            <TextField
                label=if creating { "Password" } else { "New password" }
                name="password"
                value=password
                errors=errors_for(errors, "password")
                kind=TextKind::Password
                autocomplete="new-password"
                hint=if creating { "8–40 characters with at least 3 of the 4 kinds below." } else { "Leave empty to keep the current password." }
                required=creating
            />
            <PasswordChecklist password=password />
            {move || role_error.get().map(|error| view! { <p class="field__message">{format!("Roles could not be loaded: {}", error.message())}</p> })}
            <CheckboxGroup legend="Roles" name="roles" chosen=roles options=role_options errors=errors_for(errors, "roles")
                hint="Administrator roles only." />
            <SelectField label="Status" name="status" value=status errors=errors_for(errors, "status") options=status_options() required=true />
            <div class="form__actions">
                <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                    {move || match (busy.get(), creating) {
                        (true, _) => "Saving…",
                        (false, false) => "Save changes",
                        (false, true) => "Create administrator",
                    }}
                </button>
            </div>
        </form>
    }
}
