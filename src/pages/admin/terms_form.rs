//! `/admin/terms/new` and `/admin/terms/:id`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use userdesk_api::admin::terms::{self, TermsDraft, TermsOfService, TERMS};

use crate::client::Client;
use crate::components::field::{
    errors_for, FormErrors, SelectField, TextArea, TextField, TextKind,
};
use crate::components::form::{use_form_submit, SubmitButton, SubmitFailure};
use crate::components::record::{use_record, RecordPage, RecordPageSpec};
use crate::components::table::status_options;
use crate::components::toast::{ToastKind, Toasts};
use crate::unsaved::UnsavedChanges;

#[component]
pub fn TermsNew() -> impl IntoView {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    let on_saved = Callback::new(move |saved: TermsOfService| {
        toasts.show(
            ToastKind::Success,
            format!("Terms version {} created.", saved.fields.version),
        );
        navigate(&format!("/admin/terms/{}", saved.id), Default::default());
    });
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href="/admin/terms">"Terms of service"</A> " / New"</p>
            <h1 class="page__title">"New terms of service"</h1>
            <TermsForm existing=None on_saved=on_saved />
        </section>
    }
}

#[component]
pub fn TermsEdit() -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let data = use_record(move |id| async move {
        client
            .admin(|config, token| TERMS.get_request(config, token, id))
            .await
            .and_then(|response| TERMS.decode_record::<TermsOfService>(&response))
    });
    let on_saved = Callback::new(move |saved: TermsOfService| {
        toasts.show(
            ToastKind::Success,
            format!("Terms version {} saved.", saved.fields.version),
        );
        data.record.set(Some(saved));
    });
    let spec = RecordPageSpec {
        list: ("/admin/terms", "Terms of service"),
        noun: "terms version",
        id_of: |t: &TermsOfService| t.id,
        title_of: |t: &TermsOfService| format!("Version {}", t.fields.version),
        delete_request: |config, token, id| TERMS.delete_request(config, token, id),
        delete_warning: Callback::new(|t: TermsOfService| {
            format!(
                "Version {} disappears, also from the accepted terms of every user.",
                t.fields.version
            )
        }),
    };
    let field = move |pick: fn(&TermsOfService) -> String| {
        move || data.record.with(|r| r.as_ref().map(pick))
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{field(|t| t.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{field(|t| t.created_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{field(|t| t.status_changed_at.clone())}</dd>
            </dl>
            <TermsForm existing=data.record.get_untracked() on_saved=on_saved />
        </RecordPage>
    }
}

/// The terms fields; sends nothing while a rule is broken.
#[component]
pub fn TermsForm(
    existing: Option<TermsOfService>,
    #[prop(into)] on_saved: Callback<TermsOfService>,
) -> impl IntoView {
    let client = Client::use_client();
    let start = existing.as_ref().map_or_else(
        || TermsDraft::new(crate::pages::admin::now_local()),
        TermsDraft::from_terms,
    );
    let record_id = existing.as_ref().map(|t| t.id);
    let saved_draft = RwSignal::new(start.clone());
    let version = RwSignal::new(start.version.clone());
    let publish_date = RwSignal::new(start.publish_date.clone());
    let text = RwSignal::new(start.text.clone());
    let status = RwSignal::new(start.status.clone());
    let draft = move || TermsDraft {
        version: version.get(),
        publish_date: publish_date.get(),
        text: text.get(),
        status: status.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));
    let form = use_form_submit(
        move || draft().validate(),
        move |fields| async move {
            client
                .admin(|config, token| match record_id {
                    Some(id) => TERMS.update_request(config, token, id, &fields),
                    None => TERMS.create_request(config, token, &fields),
                })
                .await
                .and_then(|response| TERMS.decode_record::<TermsOfService>(&response))
        },
        move |saved: TermsOfService| {
            saved_draft.set(TermsDraft::from_terms(&saved));
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
            <FormErrors errors=errors known=&terms::FIELDS />
            <div class="field-row">
                <TextField label="Version" name="version" value=version errors=errors_for(errors, "version") hint="1–10 characters, e.g. 2.1." required=true />
                <TextField label="Published (UTC)" name="publish_date" value=publish_date errors=errors_for(errors, "publish_date") kind=TextKind::DateTime required=true />
            </div>
            <TextArea label="Text" name="text" value=text errors=errors_for(errors, "text") rows=10 required=true />
            <SelectField label="Status" name="status" value=status errors=errors_for(errors, "status") options=status_options() required=true />
            <SubmitButton form=form label=if record_id.is_none() { "Create version" } else { "Save changes" } />
        </form>
    }
}
