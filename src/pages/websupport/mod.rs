//! Websupport pages: the public sign-up and password restore, and the
//! customer's own account (its sign-in is `crate::apis::websupport`). Users,
//! billing profiles and domain profiles are described resources
//! (`websupport::REGISTRY`).

pub mod account;
pub mod public;
pub mod routes;

/// Websupport's pages besides the described users list.
pub const WEBSUPPORT_MENU_EXTRAS: (&str, &[(&str, &str)]) = (
    "Websupport",
    &[
        ("/websupport/account", "My account"),
        ("/websupport/signup", "Sign up"),
    ],
);
