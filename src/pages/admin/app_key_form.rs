//! `/admin/app-keys/new` and `/admin/app-keys/:id`: create, edit and delete
//! an application key.

use leptos::prelude::*;
use userdesk_api::admin::app_keys::{self, AppKey, AppKeyDraft, APP_KEYS};
use userdesk_api::admin::status::ResourceStatus;

use crate::client::Client;
use crate::components::field::{FormErrors, SelectField, TextField};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::record::{
    save_record, use_on_created, use_on_updated, use_resource_record, NewRecordPage, RecordPage,
    RecordPageSpec,
};
use crate::components::table::status_options;
use crate::components::toast::{ToastKind, Toasts};
use crate::unsaved::UnsavedChanges;

#[component]
pub fn AppKeyNew() -> impl IntoView {
    let on_saved = use_on_created(
        "/admin/app-keys",
        |r: &AppKey| r.id,
        |k: &AppKey| format!("App key for {} created.", k.fields.application),
    );
    view! {
        <NewRecordPage list=("/admin/app-keys", "Application keys") title="New application key">
            <AppKeyForm existing=None on_saved=on_saved />
        </NewRecordPage>
    }
}

#[component]
pub fn AppKeyEdit() -> impl IntoView {
    let data = use_resource_record::<AppKey>(APP_KEYS);
    let on_saved = use_on_updated(data, |k: &AppKey| {
        format!("App key for {} saved.", k.fields.application)
    });
    let spec = RecordPageSpec {
        list: ("/admin/app-keys", "Application keys"),
        noun: "app key",
        id_of: |k: &AppKey| k.id,
        title_of: |k: &AppKey| k.fields.application.clone(),
        deleted_message: |k: &AppKey| format!("App key {} deleted.", k.fields.application),
        resource: APP_KEYS,
        delete_warning: Callback::new(|k: AppKey| {
            format!(
                "Every client using the key for {} is refused from then on.",
                k.fields.application
            )
        }),
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{data.field(|k| k.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{data.field(|k| k.created_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{data.field(|k| k.status_changed_at.clone())}</dd>
                <dt>"Updated"</dt><dd>{data.field(|k| k.updated_at.clone())}</dd>
            </dl>
            <AppKeyForm existing=data.record.get_untracked() on_saved=on_saved />
        </RecordPage>
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

    let form = use_form_submit(
        move || draft().validate(),
        move |fields| save_record(client, APP_KEYS, record_id, fields),
        move |saved: AppKey| {
            saved_draft.set(AppKeyDraft::from_app_key(&saved));
            on_saved.run(saved);
        },
    );
    let errors = form.errors;

    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then_some(("/admin/app-keys", "App keys")) />
            <FormErrors errors=errors known=&app_keys::FIELDS />
            <TextField label="Application" name="application" value=application
                hint="2–200 characters." required=true />
            <div class="field-row">
                <TextField label="Key" name="key" value=key
                    hint="Exactly 32 characters, unique." required=true />
                <button class="button field-row__action" type="button" on:click=generate>"Generate"</button>
            </div>
            <SelectField label="Status" name="status" value=status options=status_options() required=true />
            <SubmitButton form=form label=if record_id.is_some() { "Save changes" } else { "Create app key" } />
        </RecordForm>
    }
}
