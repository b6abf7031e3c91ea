//! One component per page.

pub mod admin;
pub mod home;
pub mod not_found;
pub mod resource;
pub mod settings;
