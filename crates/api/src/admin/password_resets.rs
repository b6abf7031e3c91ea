//! Password reset requests: the read-only audit list `/password_resets…`.

use serde::{Deserialize, Serialize};

use super::status::{STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{Api, Cell, Column, Description, Filter, Messages, Ops, Path};

use super::status::ResourceStatus;
use super::users::UserRef;

/// The collection: ordered by id or request date; filtered by status and user id.
pub const PASSWORD_RESETS: Description = Description {
    api: Api::Admin,
    slug: "password-resets",
    title: "Password resets",
    menu: "Password resets",
    noun: "request",
    plural: "requests",
    path: Path::of("password_resets", "password_reset"),
    fields: &[],
    list: ListSpec {
        orders: &["requested_at.desc", "requested_at.asc", "id.asc", "id.desc"],
        filters: &["status", "user_id"],
        integers: &["status", "user_id"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Requested", "requested_at").date().sorted(),
        Column::new("User", "user.username").shown(Cell::Link {
            to: "users",
            id: "{user.id}",
        }),
        Column::new("Code", "code").shown(Cell::Code),
        Column::new("IP address", "ip_address").minor(),
        Column::new("Used", "is_used").shown(Cell::YesNo),
        STATUS_COLUMN,
    ],
    filters: &[STATUS_FILTER, Filter::typed("user_id", "User ID", "")],
    meta: &[],
    ops: Ops::READ_ONLY,
    messages: Messages::listed("No password reset requests match."),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"code": "HD7SF2", "created_at": "2019-11-05T02:16:56+0000", "id": 1, "ip_address": "1.1.1.1",
            "is_used": true, "requested_at": "2019-01-10T07:13:49+0000", "status": 1,
            "status_changed_at": "2019-01-10T00:00:00+0000", "updated_at": "2019-11-05T02:16:56+0000",
            "user": {"id": 1, "uri": "https://api.admin.domain.com/v/1.0/user/1", "username": "user1"}}"#,
        create: "",
    },
    ..Description::BLANK
};

/// One password reset request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordReset {
    pub id: i64,
    pub code: String,
    pub ip_address: String,
    pub is_used: bool,
    pub requested_at: String,
    pub user: UserRef,
    pub status: ResourceStatus,
    #[serde(default)]
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::ListPage;

    #[test]
    fn decodes_the_documented_page() {
        let body = r#"{"limit": 2, "page": 1, "total": 7, "password_resets": [{"code": "HD7SF2",
            "created_at": "2019-11-05T02:16:56+0000", "id": 1, "ip_address": "1.1.1.1", "is_used": true,
            "requested_at": "2019-01-10T07:13:49+0000", "status": 1, "status_changed_at": "2019-01-10T00:00:00+0000",
            "updated_at": "2019-11-05T02:16:56+0000",
            "user": {"id": 1, "uri": "https://api.admin.domain.com/v/1.0/user/1", "username": "user1"}}]}"#;
        let page: ListPage<PasswordReset> =
            crate::admin::dialect::typed_page(&PASSWORD_RESETS, body.into());
        assert_eq!(
            (
                page.items[0].code.as_str(),
                page.items[0].user.username.as_str()
            ),
            ("HD7SF2", "user1")
        );
    }
}
