//! A value's input type that another field picks: a contact's value is an
//! email or a phone number as its key says (`Field::typed_by`).

use leptos::prelude::*;

use crate::components::field::TextKind;

/// The input type the typed text of `source` names: `email` or `phone`;
/// plain text without a source.
///
/// ## Usage
/// ```ignore
/// let kind = kind_following(Some(key));
/// view! { <TextField label="Value" name="value" value=value kind=kind /> }
/// ```
pub fn kind_following(source: Option<RwSignal<String>>) -> Signal<TextKind> {
    Signal::derive(move || match source.map(|value| value.get()).as_deref() {
        Some("email") => TextKind::Email,
        Some("phone") => TextKind::Phone,
        _ => TextKind::Text,
    })
}
