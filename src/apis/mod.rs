//! Each API's facts in the console: where its pages live, where a sign-in
//! leads, how the header names it, and its session (who is signed in, its
//! token, how signing out ends it). One module per API holds its own; this
//! file is the one place that picks by API, with a plain `match` (a table
//! of function pointers was measured: 210 B more of the first load, as
//! nothing inlines through it).
//!
//! ## Usage
//! ```no_run
//! use userdesk::apis::{area, start_page};
//! use userdesk_api::resource::Api;
//! assert_eq!(area(Api::Profiles), "/profiles");
//! assert_eq!(start_page(Api::Admin), "/admin/roles");
//! ```

mod admin;
mod erp;
mod profiles;
mod websupport;

use userdesk_api::resource::Api;

use crate::session::Session;
use crate::settings::{Connections, Target};

/// One API's place in the console.
pub struct Home {
    /// Its name on the start page and in titles, e.g. `Profiles API`.
    pub name: &'static str,
    /// Its name in the header's session badge, e.g. `ERP`.
    pub short: &'static str,
    /// Its name inside a sentence, e.g. "Sign out of the ERP".
    pub called: &'static str,
    /// The path prefix of its pages, e.g. `/admin`.
    pub area: &'static str,
    /// Where a sign-in leads when `next` is absent, unsafe or a sign-in page.
    pub start: &'static str,
}

/// The row of `api`.
pub const fn home(api: Api) -> &'static Home {
    match api {
        Api::Admin => &admin::HOME,
        Api::Websupport => &websupport::HOME,
        Api::Profiles => &profiles::HOME,
        Api::Erp => &erp::HOME,
    }
}

/// The console's path of an API's area, e.g. `/admin`.
pub const fn area(api: Api) -> &'static str {
    home(api).area
}

/// The page a sign-in to `api` leads to by default.
pub const fn start_page(api: Api) -> &'static str {
    home(api).start
}

/// Who is signed in to `api`, as the header names them (tracked);
/// `Some("")` for a session that names nobody (a Profiles token).
pub fn signed_in_as(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::signed_in_as(session),
        Api::Websupport => websupport::signed_in_as(session),
        Api::Profiles => profiles::signed_in_as(session),
        Api::Erp => erp::signed_in_as(session),
    }
}

/// The signed-in account's id, where the API names one (untracked).
pub fn account(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::account(session),
        Api::Websupport | Api::Profiles | Api::Erp => None,
    }
}

/// The short-lived session token, where there is one (tracked), for
/// people reproducing a call with curl.
pub fn token(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::token(session),
        Api::Profiles => profiles::token(session),
        Api::Websupport | Api::Erp => None,
    }
}

/// Ends `api`'s session: its credentials leave memory, session storage
/// and Demo.
pub fn end(api: Api, session: &Session) {
    match api {
        Api::Admin => admin::end(session),
        Api::Websupport => websupport::end(session),
        Api::Profiles => profiles::end(session),
        Api::Erp => erp::end(session),
    }
}

/// Where `api`'s requests go.
pub fn target(api: Api, connections: &Connections) -> &Target {
    match api {
        Api::Admin => &connections.admin.target,
        Api::Websupport => &connections.websupport.target,
        Api::Profiles => &connections.profiles.target,
        Api::Erp => &connections.erp.target,
    }
}
