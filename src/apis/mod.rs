//! Each API's row of facts in the console, in one table: where its pages
//! live, where a sign-in leads, and its session (who is signed in, its
//! token, how signing out ends it). One module per API holds its row;
//! [`home`] is the one place that picks a row by API.
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
    /// Its name in the header's session badge, e.g. `ERP`.
    pub short: &'static str,
    /// Its name inside a sentence, e.g. "Sign out of the ERP".
    pub called: &'static str,
    /// The path prefix of its pages, e.g. `/admin`.
    pub area: &'static str,
    /// Where a sign-in leads when `next` is absent, unsafe or a sign-in page.
    pub start: &'static str,
    /// Who is signed in, as the header names them (tracked); `Some("")`
    /// for a session that names nobody (a Profiles token).
    pub signed_in_as: fn(&Session) -> Option<String>,
    /// The signed-in account's id, where the API names one (untracked).
    pub account: fn(&Session) -> Option<String>,
    /// The short-lived session token, where there is one (tracked), for
    /// people reproducing a call with curl.
    pub token: fn(&Session) -> Option<String>,
    /// Ends the session: its credentials leave memory, session storage and
    /// Demo.
    pub end: fn(&Session),
    /// Where its requests go.
    pub target: fn(&Connections) -> &Target,
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

/// Nobody, for APIs whose session names no account or has no token.
fn none(_: &Session) -> Option<String> {
    None
}
