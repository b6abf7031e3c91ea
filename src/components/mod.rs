//! Reusable UI pieces, one folder per component.

pub mod copy;
pub mod datetime;
pub mod debounce;
pub mod dialog;
pub mod field;
pub mod form;
pub mod list;
pub mod load;
pub mod record;
pub mod status;
pub mod table;
pub mod theme;
pub mod title;
pub mod toast;
pub mod window;
