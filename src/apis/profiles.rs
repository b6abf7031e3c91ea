//! The Profiles API's row: a pasted bearer token, kept in memory and this
//! tab's session storage; it names nobody.

use leptos::prelude::*;

use super::Home;
use crate::session::Session;

pub const HOME: Home = Home {
    name: "Profiles API",
    short: "Profiles",
    called: "the Profiles API",
    area: "/profiles",
    start: "/profiles/profiles",
};

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session.profiles.with(|s| s.as_ref().map(|_| String::new()))
}

pub(super) fn token(session: &Session) -> Option<String> {
    session.profiles.get()
}

pub(super) fn end(session: &Session) {
    session.end_profiles();
}
