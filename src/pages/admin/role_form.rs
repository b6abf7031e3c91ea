//! `/admin/roles/new` and `/admin/roles/:id`: create, show, edit and delete a role.

use leptos::context::Provider;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::decode_deleted;
use userdesk_api::admin::roles::{self, Role, RoleDraft, BOOLEAN_FIELDS, INTEGER_FIELDS};
use userdesk_api::{ApiError, FieldErrors};

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::field::{CheckboxField, FormErrors, FormFieldErrors, TextField, TextKind};
use crate::components::form::focus_first_invalid;
use crate::components::record::DeleteFailure;
use crate::components::record::{use_delete, use_record};
use crate::components::status::{ErrorPanel, GoneRecord, ListLink, Loading};
use crate::components::toast::{ToastKind, Toasts};
use crate::unsaved::UnsavedChanges;

/// Labels and hints, aligned with `BOOLEAN_FIELDS`.
const FLAG_LABELS: [(&str, &str); 4] = [
    (
        "Administrator role",
        "Applies to administrators; otherwise to users.",
    ),
    (
        "Password policy",
        "Enforce password expiry and reuse history.",
    ),
    (
        "Lockout policy",
        "Lock accounts after repeated failed sign-ins.",
    ),
    (
        "Ban by client IP",
        "The lockout also bans the client's IP address.",
    ),
];

/// Labels and hints, aligned with `INTEGER_FIELDS`.
const NUMBER_LABELS: [(&str, &str); 6] = [
    ("Priority", "Lower numbers win when several roles apply."),
    (
        "Password valid for (days)",
        "Days until a password must be changed.",
    ),
    (
        "Password history",
        "Previous passwords that may not be reused.",
    ),
    (
        "Failed attempts before lockout",
        "Allowed within the attempt window.",
    ),
    (
        "Attempt window (seconds)",
        "Window in which failed attempts are counted.",
    ),
    (
        "Lockout duration (seconds)",
        "How long further sign-ins are refused.",
    ),
];

#[component]
pub fn RoleNew() -> impl IntoView {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    let on_saved = Callback::new(move |role: Role| {
        toasts.show(
            ToastKind::Success,
            format!("Role {} created.", role.fields.name),
        );
        navigate(&format!("/admin/roles/{}", role.id), Default::default());
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/roles">"Roles"</A> " / New"</p>
            <h1 class="page__title">"New role"</h1>
            <RoleForm existing=None on_saved=on_saved />
        </section>
    }
}

#[component]
pub fn RoleEdit() -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let data = use_record(move |id| async move {
        client
            .admin(|config, token| roles::get_request(config, token, id))
            .await
            .and_then(|response| roles::decode_role(&response))
    });
    let role = data.record;
    let error = data.error;
    let reload = data.reload;
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete("/admin/roles".to_string());
    let deleting = remove.deleting;
    // The form mounts once per role, not again after each save.
    let loaded_id = Memo::new(move |_| role.with(|r| r.as_ref().map(|r| r.id)));

    let on_saved = Callback::new(move |saved: Role| {
        toasts.show(
            ToastKind::Success,
            format!("Role {} saved.", saved.fields.name),
        );
        role.set(Some(saved));
    });
    let delete = move |_: ()| {
        let Some(target) = role.get_untracked() else {
            return;
        };
        let name = target.fields.name;
        remove.run(
            async move {
                client
                    .admin(|config, token| roles::delete_request(config, token, target.id))
                    .await
                    .and_then(|response| decode_deleted(&response))
            },
            format!("Role {name} deleted."),
            move || {
                client
                    .cache
                    .role_names
                    .update(|names| names.retain(|n| *n != name))
            },
        );
    };

    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/roles">"Roles"</A> " / " {move || role.with(|r| r.as_ref().map(|r| r.fields.name.clone()))}</p>
            {move || error.get().map(|failure| match failure {
                ApiError::NotFound(_) => view! { <GoneRecord noun="role" list=ListLink::new("/admin/roles", "Roles") /> }.into_any(),
                failure => view! {
                    <ErrorPanel error=failure on_retry=Callback::new(move |_| reload.update(|n| *n += 1)) />
                }.into_any(),
            })}
            {move || remove.failure.get().map(|failure| view! {
                <DeleteFailure error=failure on_retry=Callback::new(move |_| delete(())) />
            })}
            <Show when=move || role.with(Option::is_none) && error.with(Option::is_none)>
                <Loading label="Loading role…" />
            </Show>
            {move || loaded_id.get().map(|loaded_id| {
                let existing = role.get_untracked();
                view! {
                    <div class="page__header">
                        <h1 class="page__title">{move || role.with(|r| r.as_ref().map(|r| r.fields.name.clone()))}</h1>
                        <button class="button button--danger" type="button" prop:disabled=move || deleting.get() on:click=move |_| confirm_delete.set(true)>
                            "Delete role"
                        </button>
                    </div>
                    <dl class="meta">
                        <dt>"ID"</dt><dd>{loaded_id}</dd>
                        <dt>"Created"</dt><dd>{move || role.with(|r| r.as_ref().map(|r| r.created_at.clone()))}</dd>
                        <dt>"Updated"</dt><dd>{move || role.with(|r| r.as_ref().map(|r| r.updated_at.clone()))}</dd>
                    </dl>
                    <RoleForm existing=existing on_saved=on_saved />
                }
            })}
            <ConfirmDialog
                open=confirm_delete
                title="Delete this role?"
                message=Signal::derive(move || format!(
                    "Role {} is removed for good, and from every account that has it.",
                    role.with(|r| r.as_ref().map(|r| r.fields.name.clone()).unwrap_or_default())
                ))
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=delete
            />
        </section>
    }
}

/// The role fields with client-side validation; sends nothing while invalid.
#[component]
pub fn RoleForm(existing: Option<Role>, #[prop(into)] on_saved: Callback<Role>) -> impl IntoView {
    let client = Client::use_client();
    let start = existing
        .as_ref()
        .map_or_else(RoleDraft::default, RoleDraft::from_role);
    let role_id = existing.as_ref().map(|r| r.id);
    let current_name = StoredValue::new(existing.as_ref().map(|r| r.fields.name.clone()));
    let name = RwSignal::new(start.name.clone());
    let flags = start.flags.map(RwSignal::new);
    let numbers = start.numbers.clone().map(RwSignal::new);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<html::Form>::new();
    let draft = move || RoleDraft {
        name: name.get(),
        flags: flags.map(|f| f.get()),
        numbers: numbers.map(|n| n.get()),
    };
    let saved_draft = RwSignal::new(start.clone());
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));

    let focus_invalid = move || {
        focus_first_invalid(form_ref.get_untracked().map(|form| {
            let element: &web_sys::HtmlFormElement = &form;
            element.clone()
        }))
    };

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let sent = untrack(draft);
        let taken = client.cache.role_names.get_untracked();
        let input = match sent.validate(&taken, current_name.get_value().as_deref()) {
            Ok(input) => input,
            Err(invalid) => {
                errors.set(invalid);
                focus_invalid();
                return;
            }
        };
        errors.set(FieldErrors::new());
        failure.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = client
                .admin(|config, token| match role_id {
                    Some(id) => roles::update_request(config, token, id, &input),
                    None => roles::create_request(config, token, &input),
                })
                .await
                .and_then(|response| roles::decode_role(&response));
            busy.set(false);
            match result {
                Ok(saved) => {
                    saved_draft.set(RoleDraft::from_role(&saved));
                    client.cache.role_names.update(|names| {
                        if let Some(old) = current_name.try_get_value().flatten() {
                            names.retain(|n| n != &old);
                        }
                        names.push(saved.fields.name.clone());
                    });
                    current_name.try_set_value(Some(saved.fields.name.clone()));
                    // The page may have gone meanwhile; then there is nobody to tell.
                    let _ = on_saved.try_run(saved);
                }
                Err(ApiError::Validation(fields)) => {
                    errors.set(fields);
                    focus_invalid();
                }
                Err(other) => failure.set(Some(other)),
            }
        });
    };

    // Built inside the form, where the fields find its errors.
    let flag_fields = move || {
        BOOLEAN_FIELDS
            .iter()
            .zip(FLAG_LABELS)
            .zip(flags)
            .map(|((field, (label, hint)), checked)| {
                view! { <CheckboxField label=label name=field checked=checked hint=hint /> }
            })
            .collect_view()
    };
    let number_fields = move || {
        INTEGER_FIELDS
        .iter()
        .zip(NUMBER_LABELS)
        .zip(numbers)
        .map(|((field, (label, hint)), value)| {
            view! {
                <TextField label=label name=field value=value kind=TextKind::Integer hint=hint required=true />
            }
        })
        .collect_view()
    };

    view! {
        <Provider value=FormFieldErrors(errors)>
        <form
            class="form"
            node_ref=form_ref
            novalidate
            on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                submit();
            }
        >
            {move || failure.get().map(|error| view! {
                <ErrorPanel error=error on_retry=Callback::new(move |_| submit()) created_in=role_id.is_none().then(|| ListLink::new("/admin/roles", "Roles")) />
            })}
            <FormErrors errors=errors known=&roles::FIELDS />
            <TextField
                label="Name"
                name="name"
                value=name
                hint="2–32 characters, unique."
                required=true
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Policies"</legend>
                {flag_fields()}
            </fieldset>
            <fieldset class="fieldset fieldset--grid">
                <legend class="fieldset__legend">"Limits"</legend>
                {number_fields()}
            </fieldset>
            <div class="form__actions">
                <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                    {move || match (busy.get(), role_id.is_some()) {
                        (true, _) => "Saving…",
                        (false, true) => "Save changes",
                        (false, false) => "Create role",
                    }}
                </button>
            </div>
        </form>
        </Provider>
    }
}
