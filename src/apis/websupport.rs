//! Websupport's row: the API key and secret, in memory only, signing each
//! request; no token to show.

use leptos::prelude::*;

use super::{none, Home};
use crate::session::Session;
use crate::settings::{Connections, Target};

pub const HOME: Home = Home {
    short: "Websupport",
    called: "Websupport",
    area: "/websupport",
    start: "/websupport/users",
    signed_in_as,
    account: none,
    token: none,
    end,
    target,
};

fn signed_in_as(session: &Session) -> Option<String> {
    session
        .websupport
        .with(|s| s.as_ref().map(|s| s.login.clone()))
}

fn end(session: &Session) {
    session.websupport.set(None);
}

fn target(connections: &Connections) -> &Target {
    &connections.websupport.target
}
