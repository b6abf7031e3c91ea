//! `/admin/terms/new` and `/admin/terms/:id`.

use leptos::prelude::*;
use userdesk_api::admin::terms::{self, TermsDraft, TermsOfService, TERMS};

use crate::client::Client;
use crate::components::field::{FormErrors, SelectField, TextArea, TextField, TextKind};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::record::{
    save_record, use_on_created, use_on_updated, use_resource_record, NewRecordPage, RecordPage,
    RecordPageSpec,
};
use crate::components::table::status_options;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn TermsNew() -> impl IntoView {
    let on_saved = use_on_created(
        "/admin/terms",
        |r: &TermsOfService| r.id,
        |t: &TermsOfService| format!("Terms version {} created.", t.fields.version),
    );
    view! {
        <NewRecordPage list=("/admin/terms", "Terms of service") title="New terms of service">
            <TermsForm existing=None on_saved=on_saved />
        </NewRecordPage>
    }
}

#[component]
pub fn TermsEdit() -> impl IntoView {
    let data = use_resource_record::<TermsOfService>(TERMS);
    let on_saved = use_on_updated(data, |t: &TermsOfService| {
        format!("Terms version {} saved.", t.fields.version)
    });
    let spec = RecordPageSpec {
        list: ("/admin/terms", "Terms of service"),
        noun: "terms version",
        id_of: |t: &TermsOfService| t.id,
        title_of: |t: &TermsOfService| format!("Version {}", t.fields.version),
        deleted_message: |t: &TermsOfService| {
            format!("Terms version {} deleted.", t.fields.version)
        },
        resource: TERMS,
        delete_warning: Callback::new(|t: TermsOfService| {
            format!(
                "Version {} disappears, also from the accepted terms of every user.",
                t.fields.version
            )
        }),
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{data.field(|t| t.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{data.field(|t| t.created_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{data.field(|t| t.status_changed_at.clone())}</dd>
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
        move |fields| save_record(client, TERMS, record_id, fields),
        move |saved: TermsOfService| {
            saved_draft.set(TermsDraft::from_terms(&saved));
            on_saved.run(saved);
        },
    );
    let errors = form.errors;
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then_some(("/admin/terms", "Terms of service")) />
            <FormErrors errors=errors known=&terms::FIELDS />
            <div class="field-row">
                <TextField label="Version" name="version" value=version hint="1–10 characters, e.g. 2.1." required=true />
                <TextField label="Published (UTC)" name="publish_date" value=publish_date kind=TextKind::DateTime required=true />
            </div>
            <TextArea label="Text" name="text" value=text rows=10 required=true />
            <SelectField label="Status" name="status" value=status options=status_options() required=true />
            <SubmitButton form=form label=if record_id.is_none() { "Create version" } else { "Save changes" } />
        </RecordForm>
    }
}
