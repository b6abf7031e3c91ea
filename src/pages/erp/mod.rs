//! ERP user removal pages: sign-in (the password stays in memory, since
//! every removal signs in again for a 20-second token) and the removal
//! itself, with this session's log.

pub mod login;
pub mod remove;
pub mod routes;

/// The ERP's menu entry.
pub const ERP_MENU: (&str, &[(&str, &str)]) = ("ERP", &[("/erp/remove-user", "Remove user")]);
