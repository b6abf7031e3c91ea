//! The ERP's row: the login name and password, in memory only, for a
//! fresh 20-second token before every removal; no token to show.

use leptos::prelude::*;

use super::{none, Home};
use crate::session::Session;
use crate::settings::{Connections, Target};

pub const HOME: Home = Home {
    short: "ERP",
    called: "the ERP",
    area: "/erp",
    start: "/erp/remove-user",
    signed_in_as,
    account: none,
    token: none,
    end,
    target,
};

fn signed_in_as(session: &Session) -> Option<String> {
    session
        .erp
        .with(|s| s.as_ref().map(|s| s.login_name.clone()))
}

fn end(session: &Session) {
    session.erp.set(None);
    session.erp_log.set(Vec::new());
}

fn target(connections: &Connections) -> &Target {
    &connections.erp.target
}
