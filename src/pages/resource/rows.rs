//! Nested records typed inline (a new profile's contacts): one row of
//! inputs per record, named `{field}.{n}.{name}` as the form contract and
//! the errors name them.

use leptos::prelude::*;
use serde_json::{Map, Value};
use userdesk_api::resource::{Description, Field, Kind, Start};

use super::typed_by::kind_following;
use crate::components::field::{SelectField, TextField};

/// One row: a stable id for the view, and the typed text per nested field.
#[derive(Clone)]
struct Row {
    id: usize,
    values: Vec<(&'static str, RwSignal<String>)>,
}

impl Row {
    fn blank(of: &Description, id: usize) -> Row {
        let values = of
            .fields
            .iter()
            .map(|field| {
                let start = match field.start {
                    Start::Value(text) => text.to_string(),
                    _ => String::new(),
                };
                (field.name, RwSignal::new(start))
            })
            .collect();
        Row { id, values }
    }

    fn value(&self, name: &str) -> Option<RwSignal<String>> {
        self.values
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| *value)
    }

    /// Whether nothing but start values is in it.
    fn untouched(&self, of: &Description) -> bool {
        of.fields.iter().all(|field| {
            let typed = self.value(field.name).map(|v| v.get()).unwrap_or_default();
            match field.start {
                Start::Value(text) => typed == text,
                _ => typed.trim().is_empty(),
            }
        })
    }
}

/// The rows' text for the form, `[{"key": "…", "value": "…"}, …]`; empty
/// while no row has been typed in, so an untouched form has no changes.
fn rows_text(of: &Description, rows: &[Row]) -> String {
    if rows.iter().all(|row| row.untouched(of)) {
        return String::new();
    }
    let items: Vec<Value> = rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = row
                .values
                .iter()
                .map(|(name, value)| (name.to_string(), Value::from(value.get())))
                .collect();
            Value::Object(object)
        })
        .collect();
    Value::Array(items).to_string()
}

/// Rows of `of`'s fields inside the form, with buttons to add and remove
/// rows. Wholly blank rows are not sent.
///
/// ## Usage
/// ```ignore
/// view! { <RowsField label="Contacts" name="contacts" value=text of=&CONTACTS hint=None /> }
/// ```
#[component]
pub fn RowsField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    of: &'static Description,
    #[prop(default = None, into)] hint: Option<&'static str>,
) -> impl IntoView {
    let next_id = StoredValue::new(1usize);
    let rows = RwSignal::new(vec![Row::blank(of, 0)]);
    Effect::new(move |_| {
        let text = rows.with(|rows| rows_text(of, rows));
        if value.get_untracked() != text {
            value.set(text);
        }
    });
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|rows| rows.push(Row::blank(of, id)));
    };
    let noun = of.noun;
    view! {
        <fieldset class="fieldset rows">
            <legend class="fieldset__legend">{label}</legend>
            {hint.map(|text| view! { <p class="field__hint">{text}</p> })}
            {move || {
                rows.get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, row)| {
                        let id = row.id;
                        let remove = move |_| rows.update(|rows| rows.retain(|r| r.id != id));
                        view! {
                            <div class="field-row rows__row">
                                {of.fields.iter().map(|field| row_control(name, index, field, &row)).collect_view()}
                                <button class="button field-row__action" type="button" on:click=remove
                                    aria-label=format!("Remove {noun} {}", index + 1)>
                                    "Remove"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <p><button class="button button--small" type="button" on:click=add>{format!("Add {noun}")}</button></p>
        </fieldset>
    }
}

/// One nested field's control in row `index`.
fn row_control(name: &'static str, index: usize, field: &'static Field, row: &Row) -> AnyView {
    let Some(value) = row.value(field.name) else {
        return ().into_any();
    };
    let input = format!("{name}.{index}.{}", field.name);
    match field.kind {
        Kind::Choice(pairs) => {
            let options: Vec<(String, String)> = pairs
                .iter()
                .map(|(code, text)| (code.to_string(), text.to_string()))
                .collect();
            view! { <SelectField label=field.label name=input value=value options=options required=field.required /> }
                .into_any()
        }
        _ => {
            let kind = kind_following(field.typed_by.and_then(|other| row.value(other)));
            view! { <TextField label=field.label name=input value=value kind=kind required=field.required /> }
                .into_any()
        }
    }
}
