//! Reusable UI pieces, one folder per component.

pub mod dialog;
pub mod field;
pub mod list;
pub mod record;
pub mod status;
pub mod toast;
