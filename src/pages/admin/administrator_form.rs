//! `/admin/administrators/new` and `/admin/administrators/:id`.

use leptos::prelude::*;
use userdesk_api::admin::administrators::{
    self, Administrator, AdministratorDraft, ADMINISTRATORS,
};
use userdesk_api::admin::roles::RoleType;

use crate::client::Client;
use crate::components::field::{
    CheckboxGroup, FormErrors, PasswordChecklist, SelectField, TextField, TextKind,
};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::record::{
    save_record, use_on_created, use_on_updated, use_resource_record, NewRecordPage, RecordPage,
    RecordPageSpec,
};
use crate::components::status::ListLink;
use crate::components::table::status_options;
use crate::pages::admin::choices::use_role_choices;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn AdministratorNew() -> impl IntoView {
    let on_saved = use_on_created(
        "/admin/administrators",
        |r: &Administrator| r.id,
        |a: &Administrator| format!("Administrator {} created.", a.account.username),
    );
    view! {
        <NewRecordPage list=ListLink::new("/admin/administrators", "Administrators") title="New administrator">
            <AdministratorForm existing=None on_saved=on_saved />
        </NewRecordPage>
    }
}

#[component]
pub fn AdministratorEdit() -> impl IntoView {
    let client = Client::use_client();
    let data = use_resource_record::<Administrator>(ADMINISTRATORS);
    let on_saved = use_on_updated(data, |a: &Administrator| {
        format!("Administrator {} saved.", a.account.username)
    });
    let spec = RecordPageSpec {
        list: ListLink::new("/admin/administrators", "Administrators"),
        noun: "administrator",
        id_of: |a: &Administrator| a.id,
        title_of: |a: &Administrator| a.account.username.clone(),
        deleted_message: |a: &Administrator| {
            format!("Administrator {} deleted.", a.account.username)
        },
        resource: ADMINISTRATORS,
        delete_warning: Callback::new(move |a: Administrator| {
            let me = client
                .session
                .admin
                .with_untracked(|s| s.as_ref().map(|s| s.user_id));
            if me == Some(a.id) {
                "This is your own account: you will be signed out for good.".to_string()
            } else {
                format!("{} can no longer sign in.", a.account.username)
            }
        }),
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{data.field(|a| a.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{data.field(|a| a.created_at.clone())}</dd>
                <dt>"Password changed"</dt><dd>{data.field(|a| a.password_changed_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{data.field(|a| a.status_changed_at.clone())}</dd>
            </dl>
            <AdministratorForm existing=data.record.get_untracked() on_saved=on_saved />
        </RecordPage>
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
    let start = existing.as_ref().map_or_else(
        || AdministratorDraft::new(crate::pages::admin::now_local()),
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

    let form = use_form_submit(
        move || draft().validate(creating),
        move |fields| save_record(client, ADMINISTRATORS, record_id, fields),
        move |saved: Administrator| {
            password.set(String::new());
            saved_draft.set(AdministratorDraft::from_administrator(&saved));
            on_saved.run(saved);
        },
    );
    let errors = form.errors;

    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then(|| ListLink::new("/admin/administrators", "Administrators")) />
            <FormErrors errors=errors known=&administrators::FIELDS />
            <TextField label="Username" name="username" value=username
                hint="2–40 letters, digits or underscores; not a number." autocomplete="off" required=true />
            <TextField label="Email" name="email" value=email autocomplete="off" required=true />
            <div class="field-row">
                <TextField label="First name" name="first_name" value=first_name hint="1–40 characters." required=true />
                <TextField label="Last name" name="last_name" value=last_name hint="2–40 characters." required=true />
            </div>
            <TextField label="Joined (UTC)" name="joined_at" value=joined_at kind=TextKind::DateTime required=true />
            <TextField
                label=if creating { "Password" } else { "New password" }
                name="password"
                value=password
                kind=TextKind::Password
                autocomplete="new-password"
                hint=if creating { "8–40 characters with at least 3 of the 4 kinds below." } else { "Leave empty to keep the current password." }
                required=creating
            />
            <PasswordChecklist password=password />
            {move || role_error.get().map(|error| view! { <p class="field__message">{format!("Roles could not be loaded: {}", error.message())}</p> })}
            <CheckboxGroup legend="Roles" name="roles" chosen=roles options=role_options
                hint="Administrator roles only." />
            <SelectField label="Status" name="status" value=status options=status_options() required=true />
            <SubmitButton form=form label=if creating { "Create administrator" } else { "Save changes" } />
        </RecordForm>
    }
}
