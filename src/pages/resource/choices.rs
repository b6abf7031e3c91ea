//! Every record of another resource as `(id, label)` pairs, for pickers
//! and filters: a profile's user, a region list's country, a user's roles.
//!
//! ## Usage
//! ```ignore
//! let roles = use_choices(Api::Admin, USER_ROLES);
//! view! { <FilterSelect nav=nav key="role" label="Role" any_label="Any role"
//!             options=roles.as_select_options() /> }
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use userdesk_api::list::{ListQuery, MAX_LIMIT};
use userdesk_api::resource::record::{fill, pick};
use userdesk_api::resource::{Api, Records};
use userdesk_api::ApiError;

use super::each_page::{each_page, Walked};
use super::registry;
use crate::client::Client;

/// Pages read at most: 1,000 pages of 100, so 100,000 records (or of the
/// fixed size a path filter imposes); past that, a record is chosen by
/// its exact name where the API reads records by name.
const MAX_PAGES: u32 = 1_000;

/// The loaded choices, or why they could not be loaded.
#[derive(Clone, Copy)]
pub struct Choices {
    pub options: RwSignal<Vec<(i64, String)>>,
    /// The ids of records already taken (see `Records::one_each`).
    pub taken: RwSignal<Vec<i64>>,
    pub error: RwSignal<Option<ApiError>>,
    /// More pages are on their way; the options grow as each arrives.
    pub loading: RwSignal<bool>,
    /// The page cap stopped the reading with more to come.
    pub capped: RwSignal<bool>,
}

impl Choices {
    /// The choices as `<option>` values and labels.
    pub fn as_select_options(self) -> Signal<Vec<(String, String)>> {
        let options = self.options;
        Signal::derive(move || {
            options.with(|all| {
                all.iter()
                    .map(|(id, label)| (id.to_string(), label.clone()))
                    .collect()
            })
        })
    }

    /// Adds a record found another way (by its exact name), as its label
    /// `records` draws it, unless it is there already.
    pub fn add(self, records: Records, record: &Value, id: i64) {
        if taken_by(records, record) {
            self.taken.update(|taken| taken.push(id));
        }
        let label = fill(records.label, record);
        self.options.update(|all| {
            if !all.iter().any(|(known, _)| *known == id) {
                all.push((id, label));
            }
        });
    }

    /// What the field says while more choices load, or when not all could be.
    pub fn status(self) -> Option<String> {
        let count = self.options.with(Vec::len);
        if self.loading.get() {
            Some(format!("Loading more… {count} so far."))
        } else if self.capped.get() {
            Some(format!(
                "The first {count} are offered; type an exact name for any other."
            ))
        } else {
            None
        }
    }
}

/// Whether `record` is taken for a field that allows one each.
pub fn taken_by(records: Records, record: &Value) -> bool {
    records
        .one_each
        .is_some_and(|one| pick(record, one.taken_when).is_some())
}

/// Loads every record `records` names, in `api`'s registry, once per page
/// view: page after page, each one's records offered as it arrives.
pub fn use_choices(api: Api, records: Records) -> Choices {
    let client = Client::use_client();
    let choices = Choices {
        options: RwSignal::new(Vec::new()),
        taken: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
        loading: RwSignal::new(true),
        capped: RwSignal::new(false),
    };
    let Some(resource) = registry(api).find(records.slug) else {
        choices.loading.set(false);
        choices.error.set(Some(ApiError::NotFound(format!(
            "the console knows no “{}”",
            records.slug
        ))));
        return choices;
    };
    let start = ListQuery {
        filters: records
            .filters
            .iter()
            .map(|(key, value)| (*key, value.to_string()))
            .collect(),
        ..resource.list.default_query()
    };
    let start = ListQuery {
        limit: MAX_LIMIT,
        ..start
    };
    spawn_local(async move {
        let read = each_page(client, resource, None, start, MAX_PAGES, &mut |page| {
            let mut found = Vec::new();
            let mut taken = Vec::new();
            for record in &page.items {
                let id = pick(record, resource.path.id)
                    .and_then(Value::as_i64)
                    .unwrap_or_default();
                if taken_by(records, record) {
                    taken.push(id);
                }
                found.push((id, fill(records.label, record)));
            }
            // The page may have gone meanwhile; then the reading stops.
            choices.options.try_update(|all| all.extend(found));
            choices.taken.try_update(|all| all.extend(taken)).is_some()
        })
        .await;
        match read {
            Ok(ended) => {
                choices.capped.try_set(ended == Walked::Capped);
            }
            Err(failure) => {
                choices.error.try_set(Some(failure));
            }
        }
        choices.loading.try_set(false);
    });
    choices
}
