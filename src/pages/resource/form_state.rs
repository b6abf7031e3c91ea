//! A record form's state, in one place: the typed text of each field, the
//! choices of the fields that pick records, and the record as last saved
//! (as the server answered, and as the form showed it), which the
//! unsaved-changes guard, the update's "what changed" and the "one each"
//! checks all read.
//!
//! ## Usage
//! ```ignore
//! let state = FormState::new(&TERMS, existing.as_ref());
//! let dirty = move || state.changed();
//! let version = state.value_of("version");
//! ```

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::resource::{from_form, to_form, validate, Description, FormValues, Kind, Mode};
use userdesk_api::time::{format_timestamp, to_datetime_local};

use super::choices::{use_choices, Choices};

/// A form's state; see the module's docs.
#[derive(Clone, Copy)]
pub struct FormState {
    resource: &'static Description,
    /// Each field's typed text (and each optional object's checkbox, under
    /// the object's key), in form order.
    values: StoredValue<Vec<(&'static str, RwSignal<String>)>>,
    choices: StoredValue<Vec<(&'static str, Choices)>>,
    /// The record as last saved: `None` for a create until it is saved.
    record: StoredValue<Option<Value>>,
    /// The form's text for it, as it started or was last saved.
    saved: RwSignal<FormValues>,
}

/// Now, as a `datetime-local` value in UTC: where new date-times start.
fn now_local() -> String {
    to_datetime_local(&format_timestamp((js_sys::Date::now() / 1000.0) as i64)).unwrap_or_default()
}

impl FormState {
    /// The state of `resource`'s form, filled from `existing` (empty for a
    /// create); the choices of its picking fields start loading.
    pub fn new(resource: &'static Description, existing: Option<&Value>) -> FormState {
        let start = to_form(resource, existing, &now_local());
        let names = resource
            .fields
            .iter()
            .map(|field| field.name)
            .chain(resource.optional.iter().map(|optional| optional.object));
        let values = names
            .map(|name| {
                let text = start.get(name).cloned().unwrap_or_default();
                (name, RwSignal::new(text))
            })
            .collect();
        let choices = resource
            .fields
            .iter()
            .filter_map(|field| match field.kind {
                Kind::Reference(records) | Kind::Ids(records) => {
                    Some((field.name, use_choices(resource.api, records)))
                }
                _ => None,
            })
            .collect();
        FormState {
            resource,
            values: StoredValue::new(values),
            choices: StoredValue::new(choices),
            record: StoredValue::new(existing.cloned()),
            saved: RwSignal::new(start),
        }
    }

    /// The typed text of `name`.
    pub fn value_of(&self, name: &str) -> Option<RwSignal<String>> {
        self.values.with_value(|values| {
            values
                .iter()
                .find(|(other, _)| *other == name)
                .map(|(_, value)| *value)
        })
    }

    /// The choices of the picking field `name`.
    pub fn choices_of(&self, name: &str) -> Option<Choices> {
        self.choices.with_value(|all| {
            all.iter()
                .find(|(other, _)| *other == name)
                .map(|(_, choices)| *choices)
        })
    }

    /// All the typed text now (tracked).
    pub fn snapshot(&self) -> FormValues {
        self.values.with_value(|values| {
            values
                .iter()
                .map(|(name, value)| (*name, value.get()))
                .collect()
        })
    }

    /// Whether anything typed differs from the form as last saved (tracked).
    pub fn changed(&self) -> bool {
        let now = self.snapshot();
        self.saved.with(|saved| *saved != now)
    }

    /// The record as last saved, if there is one.
    pub fn record(&self) -> Option<Value> {
        self.record.get_value()
    }

    /// The id `name` held as last saved, for a field that picks a record.
    pub fn saved_id(&self, name: &str) -> Option<i64> {
        self.saved
            .with_untracked(|saved| saved.get(name).and_then(|text| text.parse::<i64>().ok()))
    }

    /// The form as last saved, as the payload it stood for: an update
    /// sends what differs from it.
    pub fn saved_payload(&self) -> Value {
        let values = self.saved.get_untracked();
        let raw = from_form(self.resource, &values, Mode::Update);
        validate(self.resource, &raw, Mode::Update).unwrap_or(raw)
    }

    /// Takes `record` as the record last saved: secrets typed are cleared
    /// (never shown back), the optional objects' boxes follow it, and the
    /// form counts as unchanged.
    pub fn saved(&self, record: Value) {
        let now = to_form(self.resource, Some(&record), "");
        for field in self
            .resource
            .fields
            .iter()
            .filter(|f| f.kind == Kind::Secret)
        {
            if let Some(value) = self.value_of(field.name) {
                value.set(String::new());
            }
        }
        for optional in self.resource.optional {
            if let (Some(value), Some(text)) =
                (self.value_of(optional.object), now.get(optional.object))
            {
                value.set(text.clone());
            }
        }
        self.saved.set(now);
        self.record.set_value(Some(record));
    }
}
