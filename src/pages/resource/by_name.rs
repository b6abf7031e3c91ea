//! Reading one record by a unique value the API also reads records by
//! (`GET /user/{username}`, `GET /role/{name}`), for "Open username" on a
//! list and "Or type an exact username" beside a picker.

use serde_json::Value;
use userdesk_api::resource::{Answer, Description, Operation};
use userdesk_api::ApiError;

use crate::client::Client;

/// The record `wanted` names and its id, or the sentence to show.
///
/// ## Usage
/// ```ignore
/// match read_by_name(client, &USERS, "user9").await {
///     Ok((record, id)) => navigate(&format!("/admin/users/{id}"), Default::default()),
///     Err(sentence) => problem.set(Some(sentence)),
/// }
/// ```
pub async fn read_by_name(
    client: Client,
    resource: &'static Description,
    wanted: &str,
) -> Result<(Value, String), String> {
    let found = client
        .call(resource, &Operation::Read { id: wanted })
        .await
        .and_then(Answer::into_record);
    match found {
        Ok(record) => match resource.id_of(&record) {
            Some(id) => Ok((record, id)),
            None => Err("The answer had no id.".into()),
        },
        Err(ApiError::NotFound(_)) => {
            Err(format!("There is no {} named “{wanted}”.", resource.noun))
        }
        Err(other) => Err(other.message()),
    }
}
