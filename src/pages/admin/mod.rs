//! Admin API pages.

pub mod account;
pub mod guard;
pub mod login;
pub mod reauth;
pub mod routes;

use userdesk_api::time::{format_timestamp, to_datetime_local};

/// Now, as a `datetime-local` value in UTC: the default for new dates.
pub fn now_local() -> String {
    to_datetime_local(&format_timestamp((js_sys::Date::now() / 1000.0) as i64)).unwrap_or_default()
}
