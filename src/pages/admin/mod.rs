//! Admin API pages.

pub mod account;
pub mod administrator_form;
pub mod administrators_list;
pub mod app_key_form;
pub mod app_keys_list;
pub mod guard;
pub mod login;
pub mod reauth;
pub mod role_choices;
pub mod role_form;
pub mod roles_list;
