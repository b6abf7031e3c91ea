//! `/admin/app-keys/new` and `/admin/app-keys/:id`: create, edit and delete
//! an application key.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::app_keys::{self, AppKey, AppKeyDraft, APP_KEYS};
use userdesk_api::admin::status::ResourceStatus;

use crate::client::Client;
use crate::components::field::{errors_for, FormErrors, SelectField, TextField};
use crate::components::form::{use_form_submit, SubmitButton, SubmitFailure};
use crate::components::record::{use_record, RecordPage, RecordPageSpec};
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
            .admin(|config, token| APP_KEYS.get_request(config, token, id))
            .await
            .and_then(|response| APP_KEYS.decode_record::<AppKey>(&response))
    });
    let on_saved = Callback::new(move |saved: AppKey| {
        toasts.show(
            ToastKind::Success,
            format!("App key for {} saved.", saved.fields.application),
        );
        data.record.set(Some(saved));
    });
    let spec = RecordPageSpec {
        list: ("/admin/app-keys", "Application keys"),
        noun: "app key",
        id_of: |k: &AppKey| k.id,
        title_of: |k: &AppKey| k.fields.application.clone(),
        delete_request: |config, token, id| APP_KEYS.delete_request(config, token, id),
        delete_warning: Callback::new(|k: AppKey| {
            format!(
                "Every client using the key for {} is refused from then on.",
                k.fields.application
            )
        }),
    };
    let field =
        move |pick: fn(&AppKey) -> String| move || data.record.with(|r| r.as_ref().map(pick));
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{field(|k| k.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{field(|k| k.created_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{field(|k| k.status_changed_at.clone())}</dd>
                <dt>"Updated"</dt><dd>{field(|k| k.updated_at.clone())}</dd>
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
        move |fields| async move {
            client
                .admin(|config, token| match record_id {
                    Some(id) => APP_KEYS.update_request(config, token, id, &fields),
                    None => APP_KEYS.create_request(config, token, &fields),
                })
                .await
                .and_then(|response| APP_KEYS.decode_record::<AppKey>(&response))
        },
        move |saved: AppKey| {
            saved_draft.set(AppKeyDraft::from_app_key(&saved));
            on_saved.run(saved);
        },
    );
    let errors = form.errors;

    view! {
        <form class="form" novalidate on:submit=move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            form.submit();
        }>
            <SubmitFailure form=form />
            <FormErrors errors=errors known=&app_keys::FIELDS />
            <TextField label="Application" name="application" value=application errors=errors_for(errors, "application")
                hint="2–200 characters." required=true />
            <div class="field-row">
                <TextField label="Key" name="key" value=key errors=errors_for(errors, "key")
                    hint="Exactly 32 characters, unique." required=true />
                <button class="button field-row__action" type="button" on:click=generate>"Generate"</button>
            </div>
            <SelectField label="Status" name="status" value=status errors=errors_for(errors, "status") options=status_options() required=true />
            <SubmitButton form=form label=if record_id.is_some() { "Save changes" } else { "Create app key" } />
        </form>
    }
}
