//! Every record of a collection as `(id, label)` pairs, for pickers and
//! filters (a profile's user, a region list's country).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use userdesk_api::admin::list::{ListQuery, MAX_LIMIT};
use userdesk_api::admin::resource::Resource;
use userdesk_api::ApiError;

use crate::client::Client;

/// Pages fetched at most: 20 pages of 100.
const MAX_PAGES: u32 = 20;

/// The loaded choices, or why they could not be loaded.
#[derive(Clone, Copy)]
pub struct Choices {
    pub options: RwSignal<Vec<(String, String)>>,
    /// The ids of records `marked` picked out (e.g. users with a profile).
    pub marked: RwSignal<Vec<i64>>,
    pub error: RwSignal<Option<ApiError>>,
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
                ..resource.list.default_query()
            };
            let result = client
                .admin(|config, token| resource.list_request(config, token, &query))
                .await
                .and_then(|response| resource.decode_list::<T>(&response, &query));
            match result {
                Ok(list) => {
                    let last = list.next_uri.is_none() || list.items.is_empty();
                    for item in &list.items {
                        let (id, text) = label(item);
                        if marked(item) {
                            picked.push(id);
                        }
                        found.push((id.to_string(), text));
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
