//! `/admin/users/new` and `/admin/users/:id`: the user, their optional
//! profile (errors come back as `profile.first_name` and land on that
//! input), user roles, and the terms of service they accepted (read-only).

use leptos::prelude::*;
use userdesk_api::admin::roles::RoleType;
use userdesk_api::admin::users::{self, User, UserDraft, USERS};

use crate::client::Client;
use crate::components::field::{
    errors_for, CheckboxField, CheckboxGroup, FormErrors, PasswordChecklist, SelectField,
    TextField, TextKind,
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
pub fn UserNew() -> impl IntoView {
    let on_saved = use_on_created(
        "/admin/users",
        |r: &User| r.id,
        |u: &User| format!("User {} created.", u.username),
    );
    view! {
        <NewRecordPage list=ListLink::new("/admin/users", "Users") title="New user">
            <UserForm existing=None on_saved=on_saved />
        </NewRecordPage>
    }
}

#[component]
pub fn UserEdit() -> impl IntoView {
    let data = use_resource_record::<User>(USERS);
    let on_saved = use_on_updated(data, |u: &User| format!("User {} saved.", u.username));
    let spec = RecordPageSpec {
        list: ListLink::new("/admin/users", "Users"),
        noun: "user",
        id_of: |u: &User| u.id,
        title_of: |u: &User| u.username.clone(),
        deleted_message: |u: &User| format!("User {} deleted.", u.username),
        resource: USERS,
        delete_warning: Callback::new(|u: User| {
            format!("{} and their profile are removed for good.", u.username)
        }),
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{data.field(|u| u.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{data.field(|u| u.created_at.clone())}</dd>
                <dt>"Password changed"</dt><dd>{data.field(|u| u.password_changed_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{data.field(|u| u.status_changed_at.clone())}</dd>
            </dl>
            <AcceptedTerms user=data.record />
            <UserForm existing=data.record.get_untracked() on_saved=on_saved />
        </RecordPage>
    }
}

/// The terms of service versions a user accepted, newest first.
#[component]
fn AcceptedTerms(user: RwSignal<Option<User>>) -> impl IntoView {
    let accepted = move || {
        user.with(|u| {
            u.as_ref()
                .map(|u| u.terms_of_services.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel" aria-labelledby="accepted-terms-title">
            <h2 class="panel__title" id="accepted-terms-title">"Accepted terms of service"</h2>
            {move || {
                let rows = accepted();
                if rows.is_empty() {
                    view! { <p class="panel__empty">"This user has not accepted any terms of service."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="table table--compact">
                                <thead><tr><th scope="col">"Version"</th><th scope="col">"Accepted"</th><th scope="col">"IP address"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|t| view! {
                                        <tr>
                                            <td><a href=format!("/admin/terms/{}", t.terms_of_service.id)>{t.terms_of_service.version}</a></td>
                                            <td>{t.accept_date}</td>
                                            <td>{t.ip_address}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The user fields; sends nothing while a rule is broken.
#[component]
pub fn UserForm(existing: Option<User>, #[prop(into)] on_saved: Callback<User>) -> impl IntoView {
    let client = Client::use_client();
    let creating = existing.is_none();
    let start = existing.as_ref().map_or_else(
        || UserDraft::new(crate::pages::admin::now_local()),
        UserDraft::from_user,
    );
    // A profile the user already has can be edited but not dropped: the
    // API has no way to remove it through the user.
    let has_saved_profile = RwSignal::new(existing.as_ref().is_some_and(|u| u.profile.is_some()));
    let record_id = existing.as_ref().map(|u| u.id);
    let saved_draft = RwSignal::new(start.clone());
    let username = RwSignal::new(start.username.clone());
    let email = RwSignal::new(start.email.clone());
    let password = RwSignal::new(String::new());
    let is_verified = RwSignal::new(start.is_verified);
    let with_profile = RwSignal::new(start.with_profile);
    let first_name = RwSignal::new(start.first_name.clone());
    let last_name = RwSignal::new(start.last_name.clone());
    let joined_at = RwSignal::new(start.joined_at.clone());
    let roles = RwSignal::new(start.roles.clone());
    let status = RwSignal::new(start.status.clone());
    let draft = move || UserDraft {
        username: username.get(),
        email: email.get(),
        password: password.get(),
        is_verified: is_verified.get(),
        with_profile: with_profile.get(),
        first_name: first_name.get(),
        last_name: last_name.get(),
        joined_at: joined_at.get(),
        roles: roles.get(),
        status: status.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));
    let choices = use_role_choices(RoleType::User);
    let form = use_form_submit(
        move || draft().validate(creating),
        move |fields| save_record(client, USERS, record_id, fields),
        move |saved: User| {
            password.set(String::new());
            saved_draft.set(UserDraft::from_user(&saved));
            with_profile.set(saved.profile.is_some());
            has_saved_profile.set(saved.profile.is_some());
            on_saved.run(saved);
        },
    );
    let errors = form.errors;
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then(|| ListLink::new("/admin/users", "Users")) />
            <FormErrors errors=errors known=&users::FIELDS />
            <TextField label="Username" name="username" value=username
                hint="2–40 letters, digits or underscores; not a number." autocomplete="off" required=true />
            <TextField label="Email" name="email" value=email autocomplete="off" required=true />
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
            <CheckboxField label="Verified" name="is_verified" checked=is_verified
                hint="What “verified” means is up to you; the API only stores it." />
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Profile"</legend>
                <Show when=move || !has_saved_profile.get()>
                    <CheckboxField label="Give this user a profile" name="with_profile" checked=with_profile errors=errors_for(errors, "profile") />
                </Show>
                <Show when=move || with_profile.get()>
                    <div class="field-row">
                        <TextField label="First name" name="profile.first_name" value=first_name hint="1–40 characters." required=true />
                        <TextField label="Last name" name="profile.last_name" value=last_name hint="2–40 characters." required=true />
                    </div>
                    <TextField label="Joined (UTC)" name="profile.joined_at" value=joined_at kind=TextKind::DateTime required=true />
                </Show>
            </fieldset>
            {move || choices.error.get().map(|error| view! { <p class="field__message">{format!("Roles could not be loaded: {}", error.message())}</p> })}
            <CheckboxGroup legend="Roles" name="roles" chosen=roles options=choices.options
                hint="User roles only." />
            <SelectField label="Status" name="status" value=status options=status_options() required=true />
            <SubmitButton form=form label=if creating { "Create user" } else { "Save changes" } />
        </RecordForm>
    }
}
