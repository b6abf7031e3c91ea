//! Every role of one type, for pickers and filters (administrators take
//! admin roles, users take user roles).

use leptos::prelude::*;
use leptos::task::spawn_local;
use userdesk_api::admin::list::ListQuery;
use userdesk_api::admin::roles::{self, RoleType};
use userdesk_api::ApiError;

use crate::client::Client;

/// Pages fetched at most: 50 pages of 10 roles.
const MAX_PAGES: u32 = 50;

/// The roles of one type, as `(id, name)`, or why they could not be loaded.
#[derive(Clone, Copy)]
pub struct RoleChoices {
    pub options: RwSignal<Vec<(i64, String)>>,
    pub error: RwSignal<Option<ApiError>>,
}

/// Every role of `role_type`, loaded once per page view.
pub fn use_role_choices(role_type: RoleType) -> RoleChoices {
    let client = Client::use_client();
    let choices = RwSignal::new(Vec::new());
    let error = RwSignal::new(None);
    spawn_local(async move {
        let mut found = Vec::new();
        for page in 1..=MAX_PAGES {
            let query = ListQuery {
                page,
                filters: vec![("type", role_type.as_str().to_string())],
                ..roles::LIST.default_query()
            };
            let result = client
                .admin(|config, token| roles::list_request(config, token, &query))
                .await
                .and_then(|response| roles::decode_list_response(&response, &query));
            match result {
                Ok(list) => {
                    let last = list.next_uri.is_none() || list.items.is_empty();
                    found.extend(
                        list.items
                            .into_iter()
                            .map(|role| (role.id, role.fields.name)),
                    );
                    if last {
                        break;
                    }
                }
                Err(failure) => {
                    error.set(Some(failure));
                    return;
                }
            }
        }
        choices.set(found);
    });
    RoleChoices {
        options: choices,
        error,
    }
}

impl RoleChoices {
    /// The roles as filter options: `(id, name)` as text.
    pub fn as_filter_options(self) -> Signal<Vec<(String, String)>> {
        let options = self.options;
        Signal::derive(move || {
            options
                .get()
                .into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect()
        })
    }
}
