//! Admin API pages.

pub mod account;
pub mod routes;
