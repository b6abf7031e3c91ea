//! A described resource's form: one control per field, in rows and
//! fieldsets as the description groups them, checked by the resource's
//! one validator before anything is sent.

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::admin::app_keys::generate_key;
use userdesk_api::resource::{
    changes, from_form, refused_clears, unique_clashes, validate, Answer, Api, Description, Field,
    Kind, Mode, Operation, OptionalObject, Records, Rows, Slot,
};
use userdesk_api::{ApiError, FieldErrors};

use super::choices::taken_by;
use super::choose_by_name::ChooseByName;
use super::country::CountryField;
use super::form_state::FormState;
use super::rows::RowsField;
use super::typed_by::kind_following;
use super::{list_link, registry};
use crate::client::Client;
use crate::components::copy::CopyButton;
use crate::components::field::{
    CheckboxField, CheckboxGroup, FormErrors, SelectField, TextArea, TextField, TextKind,
};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::toast::{ToastKind, Toasts};
use crate::pages::admin::checklist::PasswordChecklist;
use crate::unsaved::UnsavedChanges;

/// The form of `resource`: empty for a create (`existing` is `None`), else
/// filled from the record. `on_saved` gets the server's answer.
///
/// ## Usage
/// ```ignore
/// view! { <ResourceForm resource=&TERMS existing=None on_saved=move |saved: Value| … /> }
/// ```
#[component]
pub fn ResourceForm(
    resource: &'static Description,
    /// The id of the record a nested resource lives under.
    #[prop(default = None, into)]
    parent: Option<String>,
    existing: Option<Value>,
    #[prop(into)] on_saved: Callback<Value>,
) -> impl IntoView {
    let client = Client::use_client();
    let parent = StoredValue::new(parent);
    let record_id = existing.as_ref().and_then(|record| resource.id_of(record));
    let mode = Mode::editing(record_id.is_some());
    let state = FormState::new(resource, existing.as_ref());
    UnsavedChanges::use_unsaved().track(move || state.changed());
    let id = StoredValue::new(record_id.clone());
    // What the last save sent: an answer need not echo every field it took.
    let sent = StoredValue::new(None::<Value>);
    let form = use_form_submit(
        move || {
            let payload = validate(
                resource,
                &from_form(resource, &state.snapshot(), mode),
                mode,
            )?;
            let seen = client.cache.seen(resource);
            let own = id.get_value();
            let mut errors = unique_clashes(resource, &payload, &seen, own.as_deref());
            one_each_clashes(resource, &payload, state, &mut errors);
            if mode == Mode::Update {
                let changed = changes(&state.saved_payload(), &payload);
                refused_clears(resource, &changed, &mut errors);
            }
            errors.into_result(payload)
        },
        move |payload: Value| async move {
            let id = id.get_value();
            let payload = match (&id, resource.api.updates_changes_only()) {
                (Some(_), true) => {
                    let changed = changes(&state.saved_payload(), &payload);
                    let unchanged = changed.as_object().is_some_and(|c| c.is_empty());
                    if let (true, Some(record)) = (unchanged, state.record()) {
                        // Nothing to send: the record stays as it is.
                        return Ok(record);
                    }
                    changed
                }
                _ => payload,
            };
            // "One each" is checked against the chosen record itself, which
            // the picker may not have loaded (or which changed since).
            own_record_clashes(client, resource, &payload, state).await?;
            sent.set_value(Some(payload.clone()));
            let operation = match id.as_deref() {
                Some(id) => Operation::Update {
                    id,
                    payload: &payload,
                },
                None => Operation::Create { payload: &payload },
            };
            let parent = parent.get_value();
            client
                .call_under(resource, parent.as_deref(), &operation)
                .await
                .and_then(Answer::into_record)
        },
        move |answer: Value| {
            // An answer may hold only part of the record (Websupport echoes
            // some fields, and never the notification language it took):
            // what was sent, then the answer, are laid over the record as it
            // was, so a saved form compares equal to what it sent.
            let sent = sent.get_value().and_then(|sent| match sent {
                Value::Object(mut fields) => {
                    for secret in resource.fields.iter().filter(|f| f.kind == Kind::Secret) {
                        fields.remove(secret.name);
                    }
                    Some(fields)
                }
                _ => None,
            });
            let saved = match (state.record(), answer) {
                (Some(Value::Object(mut before)), Value::Object(after)) => {
                    before.extend(sent.unwrap_or_default());
                    before.extend(after);
                    Value::Object(before)
                }
                (_, answer) => answer,
            };
            client
                .cache
                .remember(resource, std::slice::from_ref(&saved));
            state.saved(saved.clone());
            on_saved.run(saved);
        },
    );
    let known: Vec<&'static str> = resource
        .field_names()
        .chain(resource.optional.iter().map(|optional| optional.object))
        .collect();
    let controls: Vec<Control> = resource
        .fields
        .iter()
        .filter(|field| field.applies.to(mode))
        .filter_map(|field| state.value_of(field.name).map(|value| (field, value)))
        .collect();
    let groups = groups_of(&controls);
    let had = existing.clone();
    // Fields the record's state locks are shown disabled, so never changed or sent.
    let locked = existing
        .as_ref()
        .and_then(|record| resource.ops.locked(record));
    let draw = move |field: &'static Field, value: RwSignal<String>| {
        let drawn = control(resource.api, field, value, mode, state);
        if locked.is_some_and(|(fields, _)| fields.contains(&field.name)) {
            view! { <fieldset class="locked" disabled aria-describedby="form-locked">{drawn}</fieldset> }.into_any()
        } else {
            drawn
        }
    };
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then(|| list_link(resource, parent.get_value().as_deref())) />
            <FormErrors errors=form.errors known=known />
            {locked.map(|(_, reason)| view! { <p class="notice" id="form-locked">{reason}</p> })}
            {groups
                .into_iter()
                .map(|(group, rows)| {
                    let optional = rows
                        .first()
                        .and_then(|row| row.first())
                        .and_then(|(field, _)| resource.optional.iter().find(|o| o.holds(field.name)));
                    let drawn = rows
                        .into_iter()
                        .map(|row| {
                            if row.len() == 1 {
                                row.into_iter().map(|(field, value)| draw(field, value)).collect_view().into_any()
                            } else {
                                view! {
                                    <div class="field-row">
                                        {row.into_iter().map(|(field, value)| draw(field, value)).collect_view()}
                                    </div>
                                }
                                .into_any()
                            }
                        })
                        .collect_view();
                    match (group, optional.and_then(|o| state.value_of(o.object).map(|on| (o, on)))) {
                        (Some((legend, _)), Some((optional, on))) => {
                            let kept = had.as_ref().is_some_and(|record| {
                                optional.permanent
                                    && userdesk_api::resource::record::pick(record, optional.object).is_some()
                            });
                            view! {
                                <fieldset class="fieldset">
                                    <legend class="fieldset__legend">{legend}</legend>
                                    <OptionalToggle optional=optional on=on hidden=kept />
                                    <div hidden=move || on.get() != "true">{drawn}</div>
                                </fieldset>
                            }
                            .into_any()
                        }
                        (Some((legend, grid)), None) => view! {
                            <fieldset class="fieldset" class:fieldset--grid=grid>
                                <legend class="fieldset__legend">{legend}</legend>
                                {drawn}
                            </fieldset>
                        }
                        .into_any(),
                        (None, _) => drawn.into_any(),
                    }
                })
                .collect_view()}
            <SubmitButton form=form label=if record_id.is_none() { resource.messages.create_label } else { "Save changes" } />
        </RecordForm>
    }
}

/// The input type a field's `typed_by` field picks.
fn kind_by(state: FormState, field: &'static Field) -> Signal<TextKind> {
    kind_following(field.typed_by.and_then(|other| state.value_of(other)))
}

/// The checkbox that adds an optional object; hidden once a record has it
/// for good.
#[component]
fn OptionalToggle(
    optional: &'static OptionalObject,
    on: RwSignal<String>,
    hidden: bool,
) -> impl IntoView {
    let checked = RwSignal::new(on.get_untracked() == "true");
    Effect::new(move |_| on.set(checked.get().to_string()));
    Effect::new(move |_| {
        let now = on.get() == "true";
        if checked.get_untracked() != now {
            checked.set(now);
        }
    });
    (!hidden).then(
        || view! { <CheckboxField label=optional.label name=optional.object checked=checked /> },
    )
}

/// A record of another resource that may be chosen once only, chosen
/// again (a second profile for a user): an error on the field.
fn one_each_clashes(
    resource: &Description,
    payload: &Value,
    state: FormState,
    errors: &mut FieldErrors,
) {
    for field in resource.fields {
        let Kind::Reference(Records {
            one_each: Some(one),
            ..
        }) = field.kind
        else {
            continue;
        };
        let Some(chosen) =
            userdesk_api::resource::record::pick(payload, field.name).and_then(Value::as_i64)
        else {
            continue;
        };
        let taken = state.choices_of(field.name).is_some_and(|choices| {
            choices
                .taken
                .with_untracked(|taken| taken.contains(&chosen))
        });
        if taken && state.saved_id(field.name) != Some(chosen) {
            errors.add(field.name, one.message);
        }
    }
}

/// A record of another resource that may be chosen once only, read as it
/// is now: a field error when it is already taken (a user who has a
/// profile) or gone.
async fn own_record_clashes(
    client: Client,
    resource: &'static Description,
    payload: &Value,
    state: FormState,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::new();
    for field in resource.fields {
        let Kind::Reference(records) = field.kind else {
            continue;
        };
        let (Some(one), Some(other)) =
            (records.one_each, registry(resource.api).find(records.slug))
        else {
            continue;
        };
        let chosen =
            userdesk_api::resource::record::pick(payload, field.name).and_then(Value::as_i64);
        let own = state.saved_id(field.name);
        let Some(chosen) = chosen.filter(|chosen| Some(*chosen) != own) else {
            continue;
        };
        let id = chosen.to_string();
        match client
            .call(other, &Operation::Read { id: &id })
            .await
            .and_then(Answer::into_record)
        {
            Ok(record) if taken_by(records, &record) => errors.add(field.name, one.message),
            Ok(_) => {}
            Err(ApiError::NotFound(_)) => {
                errors.add(field.name, format!("There is no {} {chosen}.", other.noun))
            }
            Err(failure) => return Err(failure),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// One field and its typed text.
type Control = (&'static Field, RwSignal<String>);

/// A run of fields: its fieldset's legend and whether it lays out as a grid
/// (no checkboxes), and its rows.
type Group = (Option<(&'static str, bool)>, Vec<Vec<Control>>);

/// The fields in drawing order: consecutive fields of one group share a
/// fieldset, and a field marked `beside_next` shares a row with the next.
fn groups_of(values: &[Control]) -> Vec<Group> {
    let mut groups: Vec<(Option<&'static str>, Vec<Vec<Control>>)> = Vec::new();
    let mut joins_previous = false;
    for (field, value) in values {
        if groups.last().is_none_or(|(group, _)| *group != field.group) {
            groups.push((field.group, Vec::new()));
            joins_previous = false;
        }
        let Some((_, rows)) = groups.last_mut() else {
            continue;
        };
        match rows.last_mut() {
            Some(row) if joins_previous => row.push((*field, *value)),
            _ => rows.push(vec![(*field, *value)]),
        }
        joins_previous = field.beside_next;
    }
    groups
        .into_iter()
        .map(|(legend, rows)| {
            let grid = rows
                .iter()
                .flatten()
                .all(|(field, _)| field.kind != Kind::Boolean);
            (legend.map(|legend| (legend, grid)), rows)
        })
        .collect()
}

/// One field's control, by its kind, with its slot beside it.
fn control(
    api: Api,
    field: &'static Field,
    value: RwSignal<String>,
    mode: Mode,
    state: FormState,
) -> AnyView {
    let Field { name, kind, .. } = *field;
    let choices = state.choices_of(name);
    let (label, hint) = match (mode, field.when_editing) {
        (Mode::Update, Some((label, hint))) => (label, Some(hint)),
        _ => (field.label, field.hint),
    };
    let required = field.required_in(mode);
    let options = |pairs: &'static [(&'static str, &'static str)]| -> Vec<(String, String)> {
        let choose = (!required).then(|| (String::new(), "—".to_string()));
        choose
            .into_iter()
            .chain(
                pairs
                    .iter()
                    .map(|(code, text)| (code.to_string(), text.to_string())),
            )
            .collect()
    };
    let text = |kind: TextKind| {
        view! { <TextField label=label name=name value=value kind=kind hint=hint required=required /> }
    };
    let load_failure = move || {
        choices.and_then(|c| c.error.get()).map(|error| {
            view! { <p class="field__message">{format!("{label}: the choices could not be loaded ({})", error.message())}</p> }
        })
    };
    // An application key is a secret: masked until shown (or generated).
    let masked = matches!(field.slot, Some(Slot::GenerateAppKey));
    let revealed = RwSignal::new(!masked);
    let main = match kind {
        Kind::Text => {
            let typed = kind_by(state, field);
            let kind = if masked {
                Signal::derive(move || if revealed.get() { typed.get() } else { TextKind::Password })
            } else {
                typed
            };
            // A masked key is no password: no browser should offer to save it.
            let autocomplete = masked.then_some("off");
            view! { <TextField label=label name=name value=value kind=kind hint=hint autocomplete=autocomplete required=required /> }
                .into_any()
        }
        Kind::Country(code) => {
            view! { <CountryField label=label name=name value=value code=code hint=hint required=required /> }
                .into_any()
        }
        Kind::Rows(Rows(of)) => {
            view! { <RowsField label=label name=name value=value of=of hint=hint /> }.into_any()
        }
        Kind::DateTime => text(TextKind::DateTime).into_any(),
        Kind::Integer => text(TextKind::Integer).into_any(),
        Kind::Secret => view! {
            <TextField label=label name=name value=value kind=TextKind::Password hint=hint
                autocomplete="new-password" required=required />
        }
        .into_any(),
        Kind::LongText { rows } => {
            view! { <TextArea label=label name=name value=value rows=rows hint=hint required=required /> }
                .into_any()
        }
        Kind::Code(pairs) | Kind::Choice(pairs) => {
            view! { <SelectField label=label name=name value=value options=options(pairs) hint=hint required=required /> }
                .into_any()
        }
        Kind::Boolean => {
            let checked = RwSignal::new(value.get_untracked() == "true");
            Effect::new(move |_| value.set(checked.get().to_string()));
            view! { <CheckboxField label=label name=name checked=checked hint=hint switch=true /> }
                .into_any()
        }
        Kind::Reference(records) => {
            let own = state.saved_id(name);
            let options = Signal::derive(move || {
                let mut shown = vec![(String::new(), "Choose…".to_string())];
                if let Some(choices) = choices {
                    let taken = choices.taken.get();
                    shown.extend(choices.options.with(|all| {
                        all.iter()
                            .filter(|(id, _)| records.one_each.is_none() || Some(*id) == own || !taken.contains(id))
                            .map(|(id, label)| (id.to_string(), label.clone()))
                            .collect::<Vec<_>>()
                    }));
                }
                shown
            });
            view! {
                {load_failure}
                <SelectField label=label name=name value=value options=options hint=hint required=required />
                {choices.map(|choices| view! {
                    <p class="field__hint" role="status">{move || choices.status()}</p>
                    <ChooseByName api=api records=records value=value choices=choices />
                })}
            }
            .into_any()
        }
        Kind::Ids(_) => {
            let parse = |text: &str| -> Vec<i64> {
                text.split(',').filter_map(|id| id.trim().parse().ok()).collect()
            };
            let chosen = RwSignal::new(parse(&value.get_untracked()));
            Effect::new(move |_| {
                let text = chosen
                    .get()
                    .iter()
                    .map(|id| id.to_string())
                    .collect::<Vec<_>>()
                    .join(",");
                value.set(text);
            });
            let options = Signal::derive(move || choices.map(|c| c.options.get()).unwrap_or_default());
            view! {
                {load_failure}
                <CheckboxGroup legend=label name=name chosen=chosen options=options hint=hint />
                {choices.map(|choices| view! { <p class="field__hint" role="status">{move || choices.status()}</p> })}
            }
            .into_any()
        }
    };
    match field.slot {
        None => main,
        Some(Slot::GenerateAppKey) => view! {
            <div class="field-row">
                {main}
                <button class="button field-row__action" type="button"
                    aria-pressed=move || revealed.get().to_string()
                    aria-label=format!("Show the {}", label.to_lowercase())
                    on:click=move |_| revealed.update(|shown| *shown = !*shown)>
                    {move || if revealed.get() { "Hide" } else { "Show" }}
                </button>
                <CopyButton text=value what=label />
                <GenerateKey value=value revealed=revealed />
            </div>
        }
        .into_any(),
        Some(Slot::PasswordChecklist) => view! {
            {main}
            <PasswordChecklist password=value />
        }
        .into_any(),
    }
}

fn random_bytes(buffer: &mut [u8]) -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(buffer).is_ok())
}

/// Fills the field with a new random application key.
#[component]
fn GenerateKey(value: RwSignal<String>, revealed: RwSignal<bool>) -> impl IntoView {
    let toasts = Toasts::use_toasts();
    let generate = move |_| {
        let mut failed = false;
        let generated = generate_key(|buffer| {
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
            value.set(generated);
            revealed.set(true);
        }
    };
    view! { <button class="button field-row__action" type="button" on:click=generate>"Generate"</button> }
}
