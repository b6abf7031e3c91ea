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
use userdesk_api::walk::{Next, PageWalk};
use userdesk_api::ApiError;

use super::registry;
use crate::client::Client;

/// Pages fetched at most: 20 pages (of 100, or of the fixed size a path
/// filter imposes).
const MAX_PAGES: u32 = 20;

/// The loaded choices, or why they could not be loaded.
#[derive(Clone, Copy)]
pub struct Choices {
    pub options: RwSignal<Vec<(i64, String)>>,
    /// The ids of records already taken (see `Records::one_each`).
    pub taken: RwSignal<Vec<i64>>,
    pub error: RwSignal<Option<ApiError>>,
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
}

/// Loads every record `records` names, in `api`'s registry, once per page view.
pub fn use_choices(api: Api, records: Records) -> Choices {
    let client = Client::use_client();
    let choices = Choices {
        options: RwSignal::new(Vec::new()),
        taken: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
    };
    let Some(resource) = registry(api).find(records.slug) else {
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
    let taken_when = records.one_each.map(|one| one.taken_when);
    spawn_local(async move {
        let mut found = Vec::new();
        let mut taken = Vec::new();
        let mut walk = PageWalk::new(MAX_PAGES);
        let mut page = 1;
        loop {
            let query = ListQuery {
                page,
                limit: MAX_LIMIT,
                ..start.clone()
            };
            let mut list = match client.list(resource, None, &query).await {
                Ok(list) => list,
                Err(failure) => {
                    choices.error.try_set(Some(failure));
                    return;
                }
            };
            let next = walk.step(&mut list, |item| resource.id_of(item));
            for record in &list.items {
                let id = pick(record, resource.path.id)
                    .and_then(Value::as_i64)
                    .unwrap_or_default();
                if taken_when.is_some_and(|field| pick(record, field).is_some()) {
                    taken.push(id);
                }
                found.push((id, fill(records.label, record)));
            }
            match next {
                Next::Page(number) => page = number,
                Next::End | Next::Capped => break,
            }
        }
        choices.taken.try_set(taken);
        choices.options.try_set(found);
    });
    choices
}
