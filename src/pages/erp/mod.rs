//! The ERP's page: the removal, with this session's log. Its sign-in is
//! `crate::apis::erp`.

pub mod remove;
pub mod routes;

/// The ERP's menu entry.
pub const ERP_MENU: (&str, &[(&str, &str)]) = ("ERP", &[("/erp/remove-user", "Remove user")]);
