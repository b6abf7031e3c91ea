//! A described resource's form: one control per field, in rows as the
//! description groups them, checked by the resource's one validator before
//! anything is sent.

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::admin::app_keys::generate_key;
use userdesk_api::resource::{
    from_form, to_form, unique_clashes, validate, Answer, Description, Field, FormValues, Kind,
    Mode, Operation, Slot,
};

use super::list_link;
use crate::client::Client;
use crate::components::field::{
    CheckboxField, FormErrors, SelectField, TextArea, TextField, TextKind,
};
use crate::components::form::{use_form_submit, RecordForm, SubmitButton, SubmitFailure};
use crate::components::toast::{ToastKind, Toasts};
use crate::pages::admin::now_local;
use crate::unsaved::UnsavedChanges;

/// The typed text of each field, as signals in form order.
type Values = StoredValue<Vec<(&'static Field, RwSignal<String>)>>;

fn snapshot(values: Values) -> FormValues {
    values.with_value(|values| {
        values
            .iter()
            .map(|(field, value)| (field.name, value.get()))
            .collect()
    })
}

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
    existing: Option<Value>,
    #[prop(into)] on_saved: Callback<Value>,
) -> impl IntoView {
    let client = Client::use_client();
    let record_id = existing.as_ref().and_then(|record| resource.id_of(record));
    let mode = if record_id.is_some() {
        Mode::Update
    } else {
        Mode::Create
    };
    let start = to_form(resource, existing.as_ref(), &now_local());
    let values: Values = StoredValue::new(
        resource
            .fields
            .iter()
            .map(|field| {
                let text = start.get(field.name).cloned().unwrap_or_default();
                (field, RwSignal::new(text))
            })
            .collect(),
    );
    let saved_values = RwSignal::new(start);
    UnsavedChanges::use_unsaved()
        .track(move || saved_values.with(|saved| *saved != snapshot(values)));
    let id = StoredValue::new(record_id.clone());
    let form = use_form_submit(
        move || {
            let payload = validate(
                resource,
                &from_form(resource, &snapshot(values), mode),
                mode,
            )?;
            let seen = client.cache.seen(resource);
            let own = id.get_value();
            unique_clashes(resource, &payload, &seen, own.as_deref()).into_result(payload)
        },
        move |payload: Value| async move {
            let id = id.get_value();
            let operation = match id.as_deref() {
                Some(id) => Operation::Update {
                    id,
                    payload: &payload,
                },
                None => Operation::Create { payload: &payload },
            };
            client
                .call(resource, &operation)
                .await
                .and_then(Answer::into_record)
        },
        move |saved: Value| {
            client
                .cache
                .remember(resource, std::slice::from_ref(&saved));
            saved_values.set(to_form(resource, Some(&saved), ""));
            on_saved.run(saved);
        },
    );
    let known: Vec<&'static str> = resource.field_names().collect();
    let groups = values.with_value(|values| groups_of(values));
    view! {
        <RecordForm form=form>
            <SubmitFailure form=form created_in=record_id.is_none().then(|| list_link(resource)) />
            <FormErrors errors=form.errors known=known />
            {groups
                .into_iter()
                .map(|(group, rows)| {
                    let drawn = rows
                        .into_iter()
                        .map(|row| {
                            if row.len() == 1 {
                                row.into_iter().map(|(field, value)| control(field, value)).collect_view().into_any()
                            } else {
                                view! {
                                    <div class="field-row">
                                        {row.into_iter().map(|(field, value)| control(field, value)).collect_view()}
                                    </div>
                                }
                                .into_any()
                            }
                        })
                        .collect_view();
                    match group {
                        None => drawn.into_any(),
                        Some((legend, grid)) => view! {
                            <fieldset class="fieldset" class:fieldset--grid=grid>
                                <legend class="fieldset__legend">{legend}</legend>
                                {drawn}
                            </fieldset>
                        }
                        .into_any(),
                    }
                })
                .collect_view()}
            <SubmitButton form=form label=if record_id.is_none() { resource.messages.create_label } else { "Save changes" } />
        </RecordForm>
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
fn control(field: &'static Field, value: RwSignal<String>) -> AnyView {
    let Field {
        name,
        label,
        hint,
        required,
        ..
    } = *field;
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
    let main = match field.kind {
        Kind::Text => text(TextKind::Text).into_any(),
        Kind::DateTime => text(TextKind::DateTime).into_any(),
        Kind::Integer => text(TextKind::Integer).into_any(),
        Kind::LongText { rows } => {
            view! { <TextArea label=label name=name value=value rows=rows required=required /> }
                .into_any()
        }
        Kind::Code(pairs) | Kind::Choice(pairs) => {
            view! { <SelectField label=label name=name value=value options=options(pairs) required=required /> }
                .into_any()
        }
        Kind::Boolean => {
            let checked = RwSignal::new(value.get_untracked() == "true");
            Effect::new(move |_| value.set(checked.get().to_string()));
            view! { <CheckboxField label=label name=name checked=checked hint=hint /> }
                .into_any()
        }
    };
    match field.slot {
        None => main,
        Some(Slot::GenerateAppKey) => view! {
            <div class="field-row">
                {main}
                <GenerateKey value=value />
            </div>
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
fn GenerateKey(value: RwSignal<String>) -> impl IntoView {
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
        }
    };
    view! { <button class="button field-row__action" type="button" on:click=generate>"Generate"</button> }
}
