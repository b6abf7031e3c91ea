//! Logins: the read-only audit list `/logins…` (25 to a page by default).
//!
//! The documentation names the API filter `ip_address` twice; the second,
//! an integer with values 1 (admin) and 2 (public), is the `api` code that
//! each login carries, so it is sent as `api`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::list::{ListSpec, Paging};
use crate::resource::{Api, Cell, Column, Description, Filter, Messages, Ops, Path, Tone};

/// The documented default page size of the logins list (other lists: 10).
pub const LOGINS_DEFAULT_LIMIT: u32 = 25;

/// The collection: ordered by id or attempt date; filtered by user id,
/// username, IP address and API.
pub const LOGINS: Description = Description {
    api: Api::Admin,
    slug: "logins",
    title: "Logins",
    menu: "Logins",
    noun: "login",
    plural: "logins",
    path: Path::of("logins", "login"),
    fields: &[],
    list: ListSpec {
        orders: &["attempt_date.desc", "attempt_date.asc", "id.asc", "id.desc"],
        filters: &["user_id", "username", "ip_address", "api"],
        integers: &["user_id", "api"],
        paging: Paging::Paged {
            default_limit: LOGINS_DEFAULT_LIMIT,
        },
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("When", "attempt_date").date().sorted(),
        Column::new("Username", "username"),
        Column::new("User ID", "user_id").minor(),
        Column::new("IP address", "ip_address"),
        Column::new("API", "api").shown(Cell::Choice(APIS)).minor(),
        Column::new("Result", "success").shown(Cell::Badge(outcome)),
    ],
    filters: &[
        Filter::typed("username", "Username", "admin1"),
        Filter::typed("user_id", "User ID", ""),
        Filter::typed("ip_address", "IP address", "1.1.1.1"),
        Filter::choice("api", "API", "Any API", APIS),
    ],
    meta: &[],
    ops: Ops::READ_ONLY,
    messages: Messages::listed("No sign-in attempts match."),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"api": 1, "attempt_date": "2018-12-01T08:32:55+0000", "created_at": "2019-11-07T02:49:26+0000",
            "id": 1, "ip_address": "1.1.1.1", "success": true, "updated_at": "2019-11-07T02:49:26+0000",
            "user_id": 1, "username": "admin1"}"#,
        create: "",
    },
    ..Description::BLANK
};

/// A sign-in attempt's outcome as a badge.
fn outcome(login: &Value) -> (Tone, &'static str) {
    if login.get("success") == Some(&Value::Bool(true)) {
        (Tone::Good, "Success")
    } else {
        (Tone::Bad, "Failed")
    }
}

/// Which API a login attempt was for.
pub const APIS: &[(&str, &str)] = &[("1", "Admin"), ("2", "Public")];

/// One login attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Login {
    pub id: i64,
    pub api: u8,
    pub attempt_date: String,
    pub ip_address: String,
    pub success: bool,
    /// Absent when the username matched nobody.
    #[serde(default)]
    pub user_id: Option<i64>,
    pub username: String,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::dialect::{AdminCall, ADMIN_API};
    use crate::admin::AdminConfig;
    use crate::list::ListPage;
    use crate::resource::{Dialect, Operation};

    #[test]
    fn decodes_the_documented_page() {
        let body = r#"{"limit": 2, "logins": [{"api": 1, "attempt_date": "2018-12-01T08:32:55+0000",
            "created_at": "2019-11-07T02:49:26+0000", "id": 1, "ip_address": "1.1.1.1", "success": true,
            "updated_at": "2019-11-07T02:49:26+0000", "user_id": 1, "username": "admin1"},
            {"api": 2, "attempt_date": "2018-12-02T12:02:21+0000", "created_at": "2019-11-07T02:49:26+0000", "id": 2,
            "ip_address": "1.1.1.9", "success": false, "updated_at": "2019-11-07T02:49:26+0000", "user_id": null,
            "username": "nobody"}], "page": 1, "total": 13}"#;
        let page: ListPage<Login> = crate::admin::dialect::typed_page(&LOGINS, body.into());
        assert_eq!(page.items[0].user_id, Some(1));
        assert_eq!(page.items[1].user_id, None);
        assert_eq!(APIS[1], ("2", "Public"));
    }

    #[test]
    fn defaults_to_25_a_page_and_sends_every_filter() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let query = LOGINS.list.from_url(|key| match key {
            "username" => Some("admin1".into()),
            "ip_address" => Some("1.1.1.1".into()),
            "api" => Some("1".into()),
            "user_id" => Some("1".into()),
            _ => None,
        });
        assert_eq!(query.limit, 25);
        assert_eq!(
            LOGINS.list.to_url(&query),
            "?user_id=1&username=admin1&ip_address=1.1.1.1&api=1"
        );
        let call = AdminCall {
            config: &config,
            token: "t",
        };
        let url = ADMIN_API
            .request(&call, &LOGINS, &Operation::List { query: &query })
            .url;
        assert!(url.starts_with("/a/v/1.0/logins/1/25?"), "{url}");
        assert!(
            url.ends_with(
                "&user_id=1&username=admin1&ip_address=1.1.1.1&api=1&order_by=attempt_date.desc"
            ),
            "{url}"
        );
    }
}
