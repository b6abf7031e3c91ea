//! Choosing a record by its exact name, where the API reads records by
//! name (`GET /user/{username}`): for pickers whose list is long, and for
//! records beyond what the picker has loaded.

use leptos::prelude::*;
use leptos::task::spawn_local;
use userdesk_api::resource::{Api, FilterControl, Records};

use super::by_name::read_by_name;
use super::choices::{taken_by, Choices};
use super::registry;
use crate::client::Client;

/// A text box and **Find** beside a record picker: the typed name is read
/// with the API's own "open by name" read, then chosen (and offered).
/// Nothing when the API reads these records by id only.
///
/// ## Usage
/// ```ignore
/// view! { <ChooseByName api=Api::Admin records=records value=value choices=choices /> }
/// ```
#[component]
pub fn ChooseByName(
    api: Api,
    records: Records,
    /// The picker's value: the chosen record's id.
    value: RwSignal<String>,
    choices: Choices,
) -> impl IntoView {
    let client = Client::use_client();
    let resource = registry(api).find(records.slug)?;
    let (key, placeholder) = resource
        .filters
        .iter()
        .find_map(|filter| match filter.control {
            FilterControl::OpenBy { placeholder } => Some((filter.key, placeholder)),
            _ => None,
        })?;
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let find = move || {
        let wanted = typed.get_untracked().trim().to_string();
        if wanted.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let found = read_by_name(client, resource, &wanted).await;
            // The page may have gone meanwhile; then nobody is told.
            if busy.try_set(false).is_some() {
                return;
            }
            let message = match found {
                Ok((record, id)) => match id.parse::<i64>() {
                    Ok(id) => {
                        choices.add(records, &record, id);
                        // A taken record is not chosen; the field says why.
                        match records.one_each.filter(|_| taken_by(records, &record)) {
                            Some(one) => Some(one.message.to_string()),
                            None => {
                                value.set(id.to_string());
                                None
                            }
                        }
                    }
                    Err(_) => Some("The answer had no id.".to_string()),
                },
                Err(sentence) => Some(sentence),
            };
            problem.try_set(message);
        });
    };
    let input_id = format!("choose-{}-by-{key}", records.slug);
    let label = format!("Or type an exact {key}");
    Some(view! {
        <div class="choose-by-name">
            <label class="choose-by-name__label" for=input_id.clone()>{label}</label>
            <div class="field-row">
                <input class="field__input" id=input_id type="text" autocomplete="off" placeholder=placeholder
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event))
                    on:keydown=move |event: leptos::ev::KeyboardEvent| {
                        // Enter finds the name; it must not submit the form.
                        if event.key() == "Enter" {
                            event.prevent_default();
                            find();
                        }
                    } />
                <button class="button field-row__action" type="button" prop:disabled=move || busy.get()
                    on:click=move |_| find()>
                    {move || if busy.get() { "Finding…" } else { "Find" }}
                </button>
            </div>
            <p class="field__message" role="status">{move || problem.get()}</p>
        </div>
    })
}
