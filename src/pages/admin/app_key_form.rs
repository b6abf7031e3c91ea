//! `/admin/app-keys/new` and `/admin/app-keys/:id`: create, edit and delete
//! an application key.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::app_keys::{self, AppKey, AppKeyDraft};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::{ApiError, FieldErrors};

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::field::{errors_for, FormErrors, SelectField, TextField};
use crate::components::record::{use_delete, use_record};
use crate::components::status::{ErrorPanel, Loading};
use crate::components::table::status_options;
use crate::components::toast::{ToastKind, Toasts};
use crate::unsaved::UnsavedChanges;

#[component]
pub fn AppKeyNew() -> impl IntoView {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    let on_saved = Callback::new(move |saved: AppKey| {
        toasts.show(
            ToastKind::Success,
            format!("App key for {} created.", saved.fields.application),
        );
        navigate(&format!("/admin/app-keys/{}", saved.id), Default::default());
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/app-keys">"Application keys"</A> " / New"</p>
            <h1 class="page__title">"New application key"</h1>
            <AppKeyForm existing=None on_saved=on_saved />
        </section>
    }
}

#[component]
pub fn AppKeyEdit() -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let data = use_record(move |id| async move {
        client
            .admin(|config, token| app_keys::get_request(config, token, id))
            .await
            .and_then(|response| app_keys::decode_app_key(&response))
    });
    let loaded_id = Memo::new(move |_| data.record.with(|r| r.as_ref().map(|r| r.id)));
    let application = move || {
        data.record.with(|r| {
            r.as_ref()
                .map(|r| r.fields.application.clone())
                .unwrap_or_default()
        })
    };
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete("/admin/app-keys");
    let deleting = remove.deleting;
    let on_saved = Callback::new(move |saved: AppKey| {
        toasts.show(
            ToastKind::Success,
            format!("App key for {} saved.", saved.fields.application),
        );
        data.record.set(Some(saved));
    });
    let delete = move |_| {
        let Some(id) = loaded_id.get_untracked() else {
            return;
        };
        let name = application();
        remove.run(
            move |config, token| app_keys::delete_request(config, token, id),
            format!("App key for {name} deleted."),
            || (),
        );
    };
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/app-keys">"Application keys"</A> " / " {application}</p>
            {move || data.error.get().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| data.reload.update(|n| *n += 1)) />
            })}
            <Show when=move || data.record.with(Option::is_none) && data.error.with(Option::is_none)>
                <Loading label="Loading app key…" />
            </Show>
            {move || loaded_id.get().map(|id| view! {
                <div class="page__header">
                    <h1 class="page__title">{application}</h1>
                    <button class="button button--danger" type="button" prop:disabled=move || deleting.get() on:click=move |_| confirm_delete.set(true)>
                        "Delete app key"
                    </button>
                </div>
                <dl class="meta">
                    <dt>"ID"</dt><dd>{id}</dd>
                    <dt>"Created"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.created_at.clone()))}</dd>
                    <dt>"Status changed"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.status_changed_at.clone()))}</dd>
                    <dt>"Updated"</dt><dd>{move || data.record.with(|r| r.as_ref().map(|r| r.updated_at.clone()))}</dd>
                </dl>
                <AppKeyForm existing=data.record.get_untracked() on_saved=on_saved />
            })}
            <ConfirmDialog
                open=confirm_delete
                title="Delete this app key?"
                message=Signal::derive(move || format!(
                    "Every client using the key for {} is refused from then on.",
                    application()
                ))
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=delete
            />
        </section>
    }
}

fn random_bytes(buffer: &mut [u8]) -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(buffer).is_ok())
}

/// The app key fields; sends nothing while a rule is broken.
#[component]
pub fn AppKeyForm(
    existing: Option<AppKey>,
    #[prop(into)] on_saved: Callback<AppKey>,
) -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let start = existing.as_ref().map_or_else(
        || AppKeyDraft {
            application: String::new(),
            key: String::new(),
            status: ResourceStatus::Enabled.code().to_string(),
        },
        AppKeyDraft::from_app_key,
    );
    let record_id = existing.as_ref().map(|k| k.id);
    let saved_draft = RwSignal::new(start.clone());
    let application = RwSignal::new(start.application);
    let key = RwSignal::new(start.key);
    let status = RwSignal::new(start.status);
    let draft = move || AppKeyDraft {
        application: application.get(),
        key: key.get(),
        status: status.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let generate = move |_| {
        let mut failed = false;
        let generated = app_keys::generate_key(|buffer| {
            if !random_bytes(buffer) {
                failed = true;
                // Stops the loop with a valid but refused key; reported below.
                buffer.fill(0);
            }
        });
        if failed {
            toasts.show(
                ToastKind::Error,
                "This browser offers no cryptographic random source; type a key instead.",
            );
        } else {
            key.set(generated);
        }
    };

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let draft = AppKeyDraft {
            application: application.get_untracked(),
            key: key.get_untracked(),
            status: status.get_untracked(),
        };
        let fields = match draft.validate() {
            Ok(fields) => fields,
            Err(invalid) => return errors.set(invalid),
        };
        errors.set(FieldErrors::new());
        failure.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = client
                .admin(|config, token| match record_id {
                    Some(id) => app_keys::update_request(config, token, id, &fields),
                    None => app_keys::create_request(config, token, &fields),
                })
                .await
                .and_then(|response| app_keys::decode_app_key(&response));
            busy.set(false);
            match result {
                Ok(saved) => {
                    saved_draft.set(AppKeyDraft::from_app_key(&saved));
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
            <FormErrors errors=errors known=&app_keys::FIELDS />
            <TextField label="Application" name="application" value=application errors=errors_for(errors, "application")
                hint="2–200 characters." required=true />
            <div class="field-row">
                <TextField label="Key" name="key" value=key errors=errors_for(errors, "key")
                    hint="Exactly 32 characters, unique." required=true />
                <button class="button field-row__action" type="button" on:click=generate>"Generate"</button>
            </div>
            <SelectField label="Status" name="status" value=status errors=errors_for(errors, "status") options=status_options() required=true />
            <div class="form__actions">
                <button class="button button--primary" type="submit" prop:disabled=move || busy.get()>
                    {move || match (busy.get(), record_id.is_some()) {
                        (true, _) => "Saving…",
                        (false, true) => "Save changes",
                        (false, false) => "Create app key",
                    }}
                </button>
            </div>
        </form>
    }
}
