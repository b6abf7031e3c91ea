//! Where each API lives in the console: its area of pages and the page a
//! sign-in leads to, in one table for the four APIs.
//!
//! ## Usage
//! ```no_run
//! use userdesk::apis::{area, start_page};
//! use userdesk_api::resource::Api;
//! assert_eq!(area(Api::Profiles), "/profiles");
//! assert_eq!(start_page(Api::Admin), "/admin/roles");
//! ```

use userdesk_api::resource::Api;

/// An API's place in the console.
struct Home {
    /// The path prefix of its pages, e.g. `/admin`.
    area: &'static str,
    /// Where a sign-in leads when `next` is absent, unsafe or a sign-in page.
    start: &'static str,
}

const fn home(api: Api) -> Home {
    match api {
        Api::Admin => Home {
            area: "/admin",
            start: "/admin/roles",
        },
        Api::Websupport => Home {
            area: "/websupport",
            start: "/websupport/users",
        },
        Api::Profiles => Home {
            area: "/profiles",
            start: "/profiles/profiles",
        },
        Api::Erp => Home {
            area: "/erp",
            start: "/erp/remove-user",
        },
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
