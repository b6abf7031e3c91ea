//! The ERP's row: the login name and password, in memory only, for a
//! fresh 20-second token before every removal; no token to show.

use leptos::prelude::*;

use super::Home;
use crate::session::Session;

pub const HOME: Home = Home {
    name: "ERP",
    short: "ERP",
    called: "the ERP",
    area: "/erp",
    start: "/erp/remove-user",
};

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .erp
        .with(|s| s.as_ref().map(|s| s.login_name.clone()))
}

pub(super) fn end(session: &Session) {
    session.erp.set(None);
    session.erp_log.set(Vec::new());
}
