//! A country chosen by name from the ISO 3166-1 list and sent as its code.

use leptos::prelude::*;
use userdesk_api::iso3166::{countries, CountryCode};

use crate::components::field::{control_id, SelectField};

/// A select of every country, with a search box that narrows it: typing
/// a name (or a code) leaves the matches; one match is chosen at once, and
/// Enter chooses the first.
///
/// ## Usage
/// ```ignore
/// view! { <CountryField label="Country" name="countryNumericCode" value=code code=CountryCode::Numeric hint=None required=false /> }
/// ```
#[component]
pub fn CountryField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    code: CountryCode,
    #[prop(default = None, into)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let matching = move || -> Vec<(String, String)> {
        let wanted = search.get().trim().to_lowercase();
        countries()
            .filter(|country| {
                wanted.is_empty()
                    || country.name.to_lowercase().contains(&wanted)
                    || code.of(country).eq_ignore_ascii_case(&wanted)
                    || country.alpha2.eq_ignore_ascii_case(&wanted)
            })
            .map(|country| {
                let shown = code.of(&country);
                (shown.to_string(), format!("{} ({shown})", country.name))
            })
            .collect()
    };
    let options = Signal::derive(move || {
        let mut shown = vec![(
            String::new(),
            if required { "Choose…" } else { "—" }.to_string(),
        )];
        let found = matching();
        // The chosen country stays listed whatever the search leaves.
        let current = value.get();
        if !current.is_empty() && !found.iter().any(|(option, _)| *option == current) {
            let label = code
                .find(&current)
                .map_or_else(|| current.clone(), |c| format!("{} ({current})", c.name));
            shown.push((current, label));
        }
        shown.extend(found);
        shown
    });
    let choose_only_match = move || {
        let found = matching();
        if !search.get_untracked().trim().is_empty() && found.len() == 1 {
            value.set(found[0].0.clone());
        }
    };
    let search_id = format!("{}-search", control_id(name));
    view! {
        <div class="country">
            <SelectField label=label name=name value=value options=options required=required />
            <input
                class="field__input country__search"
                id=search_id
                type="search"
                placeholder="Type to narrow the list"
                aria-label=format!("Search {}", label.to_lowercase())
                autocomplete="off"
                prop:value=move || search.get()
                on:input=move |event| {
                    search.set(event_target_value(&event));
                    choose_only_match();
                }
                on:keydown=move |event| {
                    if event.key() == "Enter" {
                        event.prevent_default();
                        if let Some((first, _)) = matching().into_iter().next() {
                            value.set(first);
                        }
                    }
                }
            />
            {hint.map(|text| view! { <p class="field__hint">{text}</p> })}
        </div>
    }
}
