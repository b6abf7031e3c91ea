//! Websupport's row: the API key and secret, in memory only, signing each
//! request; no token to show.

use leptos::prelude::*;

use super::Home;
use crate::session::Session;

pub const HOME: Home = Home {
    name: "Websupport",
    short: "Websupport",
    called: "Websupport",
    area: "/websupport",
    start: "/websupport/users",
};

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .websupport
        .with(|s| s.as_ref().map(|s| s.login.clone()))
}

pub(super) fn end(session: &Session) {
    session.websupport.set(None);
}
