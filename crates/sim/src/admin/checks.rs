//! The Admin API's rules across resources, beyond what a description
//! says: uniqueness, the keys every request is checked against, and what
//! a delete takes with it.

use serde_json::Value;
use userdesk_api::admin::app_keys::{APP_KEYS, KEY_TAKEN};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::terms::TERMS;
use userdesk_api::resource::record::pick;
use userdesk_api::resource::Description;
use userdesk_api::FieldErrors;

use super::AdminServer;

/// Refuses a valid payload that clashes with other records; `own_id` is
/// the record being updated.
pub(super) fn before_save(
    server: &AdminServer,
    resource: &Description,
    fields: &Value,
    own_id: Option<&str>,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if resource.slug == APP_KEYS.slug {
        let taken = server.records(APP_KEYS.slug).iter().any(|other| {
            pick(other, "key") == pick(fields, "key") && resource.id_of(other).as_deref() != own_id
        });
        if taken {
            errors.add("key", KEY_TAKEN);
        }
    }
    errors.into_result(())
}

/// What a delete takes with it: deleted terms leave every user's accepted terms.
pub(super) fn after_delete(server: &mut AdminServer, resource: &Description, removed: &Value) {
    if resource.slug == TERMS.slug {
        let Some(id) = pick(removed, "id").and_then(Value::as_i64) else {
            return;
        };
        for user in &mut server.users {
            user.accepted_terms
                .retain(|acceptance| acceptance.terms_id != id);
        }
    }
}

impl AdminServer {
    /// Whether a request's `app_key` may be used: only Enabled keys are.
    pub(super) fn app_key_enabled(&self, key: &str) -> bool {
        let enabled = Value::from(ResourceStatus::Enabled.code());
        self.records(APP_KEYS.slug).iter().any(|record| {
            pick(record, "key").and_then(Value::as_str) == Some(key)
                && pick(record, "status") == Some(&enabled)
        })
    }
}
