//! One component per page.

pub mod admin;
pub mod erp;
pub mod guard;
pub mod home;
pub mod lazy;
pub mod not_found;
pub mod profiles;
pub mod resource;
pub mod settings;
pub mod sign_in;
pub mod websupport;
