//! Every record of a collection as `(id, label)` pairs, for pickers and
//! filters: a profile's user, a region list's country, an administrator's
//! roles. One paging loop serves them all.
//!
//! ## Usage
//! ```ignore
//! let countries = use_choices(COUNTRIES, |c: &Country| (c.id, c.name.clone()));
//! view! { <FilterSelect nav=nav key="country_id" label="Country" any_label="Any country"
//!             options=countries.as_select_options() /> }
//! ```

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde_json::Value;
use userdesk_api::admin::resource::Resource;
use userdesk_api::admin::roles::{RoleType, ROLES};
use userdesk_api::list::{ListPage, ListQuery, MAX_LIMIT};
use userdesk_api::resource::record::{fill, pick};
use userdesk_api::resource::{Answer, Description, Operation};
use userdesk_api::ApiError;

use crate::client::Client;

/// Pages fetched at most: 20 pages of 100.
const MAX_PAGES: u32 = 20;

/// The loaded choices, or why they could not be loaded.
#[derive(Clone, Copy)]
pub struct Choices {
    pub options: RwSignal<Vec<(i64, String)>>,
    /// The ids of records `marked` picked out (e.g. users with a profile).
    pub marked: RwSignal<Vec<i64>>,
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

/// Loads every record of `resource` once per page view, labelled by `label`.
pub fn use_choices<T: DeserializeOwned + 'static>(
    resource: Resource,
    label: fn(&T) -> (i64, String),
) -> Choices {
    use_marked_choices(resource, label, |_| false)
}

/// [`use_choices`], also noting the ids of the records `marked` picks out.
pub fn use_marked_choices<T: DeserializeOwned + 'static>(
    resource: Resource,
    label: fn(&T) -> (i64, String),
    marked: fn(&T) -> bool,
) -> Choices {
    let client = Client::use_client();
    use_every_page(
        move |query| async move {
            client
                .admin(|config, token| resource.list_request(config, token, &query))
                .await
                .and_then(|response| resource.decode_list::<T>(&response, &query))
        },
        resource.list.default_query(),
        label,
        marked,
    )
}

/// Every role of `role_type`, for pickers and filters.
pub fn use_role_choices(role_type: RoleType) -> Choices {
    use_described_choices(&ROLES, "{name}", &[("type", role_type.as_str())])
}

/// Every record of a described resource, labelled by the template `label`
/// (e.g. `{name}`).
pub fn use_described_choices(
    resource: &'static Description,
    label: &'static str,
    filters: &[(&'static str, &str)],
) -> Choices {
    let start = ListQuery {
        filters: filters
            .iter()
            .map(|(key, value)| (*key, value.to_string()))
            .collect(),
        ..resource.list.default_query()
    };
    let client = Client::use_client();
    use_every_page(
        move |query| async move {
            client
                .call(resource, &Operation::List { query: &query })
                .await
                .and_then(Answer::into_page)
        },
        start,
        move |record: &Value| {
            let id = pick(record, "id")
                .and_then(Value::as_i64)
                .unwrap_or_default();
            (id, fill(label, record))
        },
        |_| false,
    )
}

/// Pages through a list from `start` with `load`, 100 records at a time.
fn use_every_page<T, F, Fut>(
    load: F,
    start: ListQuery,
    label: impl Fn(&T) -> (i64, String) + 'static,
    marked: fn(&T) -> bool,
) -> Choices
where
    T: 'static,
    F: Fn(ListQuery) -> Fut + 'static,
    Fut: Future<Output = Result<ListPage<T>, ApiError>> + 'static,
{
    let choices = Choices {
        options: RwSignal::new(Vec::new()),
        marked: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
    };
    spawn_local(async move {
        let mut found = Vec::new();
        let mut picked = Vec::new();
        for page in 1..=MAX_PAGES {
            let query = ListQuery {
                page,
                limit: MAX_LIMIT,
                ..start.clone()
            };
            match load(query).await {
                Ok(list) => {
                    let last = list.next_uri.is_none() || list.items.is_empty();
                    for item in &list.items {
                        if marked(item) {
                            picked.push(label(item).0);
                        }
                        found.push(label(item));
                    }
                    if last {
                        break;
                    }
                }
                Err(failure) => {
                    choices.error.try_set(Some(failure));
                    return;
                }
            }
        }
        choices.marked.try_set(picked);
        choices.options.try_set(found);
    });
    choices
}
