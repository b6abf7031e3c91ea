//! Admin API pages.

pub mod account;
pub mod guard;
pub mod login;
pub mod reauth;
pub mod routes;
