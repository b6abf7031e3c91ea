//! Notifications: the read-only audit list `/notifications…`.
//!
//! The documentation describes `accepted` and `rejected` as true/false but
//! its example sends 1 and 0, so both forms decode.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::status::{STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{Api, Cell, Column, Description, Filter, Messages, Ops, Path, Tone};

use super::status::ResourceStatus;
use super::users::UserRef;

/// The collection: ordered by id or send date; filtered by status, user id and channel.
pub const NOTIFICATIONS: Description = Description {
    api: Api::Admin,
    slug: "notifications",
    title: "Notifications",
    menu: "Notifications",
    noun: "notification",
    plural: "notifications",
    path: Path::of("notifications", "notification"),
    fields: &[],
    list: ListSpec {
        orders: &["sent_at.desc", "sent_at.asc", "id.asc", "id.desc"],
        filters: &["status", "user_id", "channel"],
        integers: &["status", "user_id", "channel"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Sent", "sent_at").date().sorted(),
        Column::new("User", "user.username").shown(Cell::Link {
            to: "users",
            id: "{user.id}",
        }),
        Column::new("Channel", "channel").shown(Cell::Choice(CHANNELS)),
        Column::new("Template", "template").minor(),
        Column::new("Service ID", "notification_id")
            .shown(Cell::Code)
            .minor(),
        Column::new("Delivery", "accepted").shown(Cell::Badge(delivery)),
        STATUS_COLUMN,
    ],
    filters: &[
        STATUS_FILTER,
        Filter::typed("user_id", "User ID", ""),
        Filter::choice("channel", "Channel", "Any channel", CHANNELS),
    ],
    meta: &[],
    ops: Ops::READ_ONLY,
    messages: Messages::listed("No notifications match."),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"accepted": 1, "channel": 1, "created_at": "2019-11-05T02:16:56+0000", "id": 1,
            "notification_id": "123456", "rejected": 0, "sent_at": "2019-02-01T10:45:00+0000", "service": "Service 1",
            "status": 1, "status_changed_at": "2019-02-01T00:00:00+0000", "template": "template-1",
            "updated_at": "2019-11-05T02:16:56+0000",
            "user": {"id": 1, "uri": "http://base.api.admin.python.vm/v/dev/user/1", "username": "user1"}}"#,
        create: "",
    },
    ..Description::BLANK
};

/// Whether the mail service took the notification, as a badge. The flags
/// arrive as booleans or as 0 and 1.
pub fn delivery(notification: &Value) -> (Tone, &'static str) {
    let flag = |key: &str| match notification.get(key) {
        Some(Value::Bool(value)) => *value,
        Some(Value::Number(number)) => number.as_i64() != Some(0),
        _ => false,
    };
    match (flag("accepted"), flag("rejected")) {
        (_, true) => (Tone::Bad, "Rejected"),
        (true, false) => (Tone::Good, "Accepted"),
        (false, false) => (Tone::Neutral, "Unconfirmed"),
    }
}

/// The documented channels.
pub const CHANNELS: &[(&str, &str)] = &[("1", "Email")];

/// One notification sent to a user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    #[serde(deserialize_with = "flag")]
    pub accepted: bool,
    #[serde(deserialize_with = "flag")]
    pub rejected: bool,
    pub channel: u8,
    pub notification_id: String,
    #[serde(default)]
    pub service: Option<String>,
    pub template: String,
    pub sent_at: String,
    pub user: UserRef,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

/// `true`/`false` or `1`/`0`.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Number(i64),
    }
    Ok(match Flag::deserialize(deserializer)? {
        Flag::Bool(value) => value,
        Flag::Number(value) => value != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::ListPage;

    fn item(accepted: &str) -> String {
        format!(
            r#"{{"accepted": {accepted}, "channel": 1, "created_at": "2019-11-05T02:16:56+0000", "id": 1,
            "notification_id": "123456", "rejected": 0, "sent_at": "2019-02-01T10:45:00+0000", "service": "Service 1",
            "status": 1, "status_changed_at": "2019-02-01T00:00:00+0000", "template": "template-1",
            "updated_at": "2019-11-05T02:16:56+0000",
            "user": {{"id": 1, "uri": "http://base.api.admin.python.vm/v/dev/user/1", "username": "user1"}}}}"#
        )
    }

    #[test]
    fn decodes_the_documented_page_with_numeric_flags() {
        let body = format!(
            r#"{{"limit": 2, "page": 1, "total": 5, "notifications": [{}, {}]}}"#,
            item("1"),
            item("false")
        );
        let page: ListPage<Notification> = crate::admin::dialect::typed_page(&NOTIFICATIONS, body);
        assert!(page.items[0].accepted && !page.items[0].rejected);
        assert!(!page.items[1].accepted);
        assert_eq!(
            delivery(&serde_json::json!({"accepted": 1, "rejected": 0})),
            (Tone::Good, "Accepted")
        );
        assert_eq!(
            delivery(&serde_json::json!({"accepted": true, "rejected": true})).1,
            "Rejected"
        );
        assert_eq!(
            delivery(&serde_json::json!({"accepted": "yes"})).1,
            "Unconfirmed"
        );
    }
}
