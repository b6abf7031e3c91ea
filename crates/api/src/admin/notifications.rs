//! Notifications: the read-only audit list `/notifications…`.
//!
//! The documentation describes `accepted` and `rejected` as true/false but
//! its example sends 1 and 0, so both forms decode.

use serde::{Deserialize, Deserializer, Serialize};

use super::list::{ListSpec, DEFAULT_LIMIT};
use super::resource::Resource;
use super::status::ResourceStatus;
use super::users::UserRef;

/// The collection: ordered by id or send date; filtered by status, user id and channel.
pub const NOTIFICATIONS: Resource = Resource {
    collection: "notifications",
    item: "notification",
    list: ListSpec {
        orders: &["id.asc", "id.desc", "sent_at.asc", "sent_at.desc"],
        filters: &["status", "user_id", "channel"],
        integers: &["status", "user_id", "channel"],
        default_limit: DEFAULT_LIMIT,
    },
};

/// The documented channels.
pub const CHANNELS: [(u8, &str); 1] = [(1, "Email")];

/// The label of a channel code.
pub fn channel_label(code: u8) -> String {
    CHANNELS.iter().find(|(c, _)| *c == code).map_or_else(
        || format!("Channel {code}"),
        |(_, label)| (*label).to_string(),
    )
}

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
    use crate::admin::list::ListPage;
    use crate::http::HttpResponse;

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
        let page: ListPage<Notification> = NOTIFICATIONS
            .decode_list(
                &HttpResponse::json(200, body),
                &NOTIFICATIONS.list.default_query(),
            )
            .expect("decodes");
        assert!(page.items[0].accepted && !page.items[0].rejected);
        assert!(!page.items[1].accepted);
        assert_eq!(channel_label(page.items[0].channel), "Email");
    }

    #[test]
    fn other_flag_shapes_make_the_item_unreadable() {
        let body = format!(
            r#"{{"limit": 2, "page": 1, "total": 1, "notifications": [{}]}}"#,
            item(r#""yes""#)
        );
        let page: ListPage<Notification> = NOTIFICATIONS
            .decode_list(
                &HttpResponse::json(200, body),
                &NOTIFICATIONS.list.default_query(),
            )
            .expect("the envelope decodes");
        assert_eq!((page.items.len(), page.unreadable), (0, 1));
    }
}
