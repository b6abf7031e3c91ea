//! Admin API pages.

pub mod account;
pub mod checklist;
pub mod routes;
