//! The Admin API's row: a token from `GET /token`, kept in memory and this
//! tab's session storage; Demo's tokens go too when it ends.

use leptos::prelude::*;

use super::Home;
use crate::session::Session;

pub const HOME: Home = Home {
    name: "Admin API",
    short: "Admin",
    called: "the Admin API",
    area: "/admin",
    start: "/admin/roles",
};

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .admin
        .with(|s| s.as_ref().map(|s| s.username.clone()))
}

pub(super) fn account(session: &Session) -> Option<String> {
    session
        .admin
        .with_untracked(|s| s.as_ref().map(|s| s.user_id.to_string()))
}

pub(super) fn token(session: &Session) -> Option<String> {
    session.admin.with(|s| s.as_ref().map(|s| s.token.clone()))
}

pub(super) fn end(session: &Session) {
    session.end();
    crate::demo::forget_tokens();
}
