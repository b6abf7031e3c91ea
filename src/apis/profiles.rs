//! The Profiles API's row: a pasted bearer token, kept in memory and this
//! tab's session storage; it names nobody.

use leptos::prelude::*;

use super::{none, Home};
use crate::session::Session;
use crate::settings::{Connections, Target};

pub const HOME: Home = Home {
    short: "Profiles",
    called: "the Profiles API",
    area: "/profiles",
    start: "/profiles/profiles",
    signed_in_as,
    account: none,
    token,
    end,
    target,
};

fn signed_in_as(session: &Session) -> Option<String> {
    session.profiles.with(|s| s.as_ref().map(|_| String::new()))
}

fn token(session: &Session) -> Option<String> {
    session.profiles.get()
}

fn end(session: &Session) {
    session.end_profiles();
}

fn target(connections: &Connections) -> &Target {
    &connections.profiles.target
}
