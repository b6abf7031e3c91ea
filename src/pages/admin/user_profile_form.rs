//! `/admin/user-profiles/new` and `/admin/user-profiles/:id`; the user is
//! chosen from the users list.

use leptos::prelude::*;
use userdesk_api::admin::user_profiles::{
    self, check_one_per_user, UserProfile, UserProfileDraft, USER_PROFILES,
};
use userdesk_api::admin::users::{User, USERS};

use crate::client::Client;
use crate::components::field::{FormErrors, SelectField, TextField, TextKind};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::record::{
    save_record, use_on_created, use_on_updated, use_resource_record, NewRecordPage, RecordPage,
    RecordPageSpec,
};
use crate::components::status::ListLink;
use crate::components::table::status_options;
use crate::pages::admin::choices::use_marked_choices;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn UserProfileNew() -> impl IntoView {
    let on_saved = use_on_created(
        "/admin/user-profiles",
        |r: &UserProfile| r.id,
        |p: &UserProfile| format!("Profile {} created.", p.id),
    );
    view! {
        <NewRecordPage list=ListLink::new("/admin/user-profiles", "User profiles") title="New user profile">
            <UserProfileForm existing=None on_saved=on_saved />
        </NewRecordPage>
    }
}

#[component]
pub fn UserProfileEdit() -> impl IntoView {
    let data = use_resource_record::<UserProfile>(USER_PROFILES);
    let on_saved = use_on_updated(data, |p: &UserProfile| format!("Profile {} saved.", p.id));
    let spec = RecordPageSpec {
        list: ListLink::new("/admin/user-profiles", "User profiles"),
        noun: "profile",
        id_of: |p: &UserProfile| p.id,
        title_of: |p: &UserProfile| format!("{} {}", p.fields.first_name, p.fields.last_name),
        deleted_message: |p: &UserProfile| {
            format!(
                "Profile {} {} deleted.",
                p.fields.first_name, p.fields.last_name
            )
        },
        resource: USER_PROFILES,
        delete_warning: Callback::new(|p: UserProfile| {
            format!(
                "User #{} keeps their account but loses this profile.",
                p.fields.user_id
            )
        }),
    };
    view! {
        <RecordPage spec=spec data=data>
            <dl class="meta">
                <dt>"ID"</dt><dd>{data.field(|p| p.id.to_string())}</dd>
                <dt>"Created"</dt><dd>{data.field(|p| p.created_at.clone())}</dd>
                <dt>"Status changed"</dt><dd>{data.field(|p| p.status_changed_at.clone())}</dd>
            </dl>
            <UserProfileForm existing=data.record.get_untracked() on_saved=on_saved />
        </RecordPage>
    }
}

/// The profile fields; sends nothing while a rule is broken.
#[component]
pub fn UserProfileForm(
    existing: Option<UserProfile>,
    #[prop(into)] on_saved: Callback<UserProfile>,
) -> impl IntoView {
    let client = Client::use_client();
    let start = existing.as_ref().map_or_else(
        || UserProfileDraft::new(crate::pages::admin::now_local()),
        UserProfileDraft::from_profile,
    );
    let record_id = existing.as_ref().map(|p| p.id);
    let saved_draft = RwSignal::new(start.clone());
    let user_id = RwSignal::new(start.user_id.clone());
    let first_name = RwSignal::new(start.first_name.clone());
    let last_name = RwSignal::new(start.last_name.clone());
    let joined_at = RwSignal::new(start.joined_at.clone());
    let status = RwSignal::new(start.status.clone());
    let draft = move || UserProfileDraft {
        user_id: user_id.get(),
        first_name: first_name.get(),
        last_name: last_name.get(),
        joined_at: joined_at.get(),
        status: status.get(),
    };
    UnsavedChanges::use_unsaved().track(move || saved_draft.with(|saved| *saved != draft()));
    // One profile per user: the picker offers only users without one.
    let own_user = existing.as_ref().map(|p| p.fields.user_id);
    let users = use_marked_choices(
        USERS,
        |u: &User| (u.id, format!("{} (#{})", u.username, u.id)),
        |u: &User| u.profile.is_some(),
    );
    let user_options = Signal::derive(move || {
        let taken = users.marked.get();
        let mut options = vec![(String::new(), "Choose a user…".to_string())];
        options.extend(users.options.with(|all| {
            all.iter()
                .filter(|(id, _)| Some(*id) == own_user || !taken.contains(id))
                .map(|(id, label)| (id.to_string(), label.clone()))
                .collect::<Vec<_>>()
        }));
        options
    });
    let form = use_form_submit(
        move || {
            let fields = draft().validate()?;
            users
                .marked
                .with_untracked(|taken| check_one_per_user(&fields, taken, own_user))?;
            Ok(fields)
        },
        move |fields| save_record(client, USER_PROFILES, record_id, fields),
        move |saved: UserProfile| {
            saved_draft.set(UserProfileDraft::from_profile(&saved));
            on_saved.run(saved);
        },
    );
    let errors = form.errors;
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then(|| ListLink::new("/admin/user-profiles", "User profiles")) />
            <FormErrors errors=errors known=&user_profiles::FIELDS />
            {move || users.error.get().map(|error| view! { <p class="field__message">{format!("Users could not be loaded: {}", error.message())}</p> })}
            <SelectField label="User" name="user_id" value=user_id options=user_options required=true />
            <div class="field-row">
                <TextField label="First name" name="first_name" value=first_name hint="1–40 characters." required=true />
                <TextField label="Last name" name="last_name" value=last_name hint="2–40 characters." required=true />
            </div>
            <TextField label="Joined (UTC)" name="joined_at" value=joined_at kind=TextKind::DateTime required=true />
            <SelectField label="Status" name="status" value=status options=status_options() required=true />
            <SubmitButton form=form label=if record_id.is_none() { "Create profile" } else { "Save changes" } />
        </RecordForm>
    }
}
