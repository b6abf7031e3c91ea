//! Admin API pages.

pub mod account;
pub mod login;
pub mod reauth;
pub mod routes;
