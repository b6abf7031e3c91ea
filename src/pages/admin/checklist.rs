//! The live checklist of the Admin API's password rule: which of its four
//! character classes a new password has, as it is typed.
//!
//! ## Usage
//! ```ignore
//! view! { <PasswordChecklist password=password1 /> }
//! ```

use leptos::prelude::*;
use userdesk_api::admin::rules::PasswordClasses;

/// The live checklist of the password rule's four character classes.
#[component]
pub fn PasswordChecklist(password: RwSignal<String>) -> impl IntoView {
    let classes = Memo::new(move |_| PasswordClasses::of(&password.get()));
    view! {
        <ul class="checklist" aria-label="Password strength">
            {move || classes.get().checklist().into_iter().map(|(label, met)| view! {
                <li class="checklist__item" class:checklist__item--met=met>
                    <span aria-hidden="true">{if met { "✓ " } else { "○ " }}</span>
                    {label}
                    <span class="visually-hidden">{if met { " (present)" } else { " (missing)" }}</span>
                </li>
            }).collect_view()}
            <li class="checklist__summary">{move || format!("{} of 4 kinds, 3 needed", classes.get().count())}</li>
        </ul>
    }
}
