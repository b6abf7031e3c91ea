//! Pure Rust client logic for the four userdesk APIs: DTOs, the documented
//! validation rules, request building and response/error decoding.
//!
//! Nothing here touches the network or the DOM, so every rule is tested
//! natively with `cargo test`. Each API has one module and each resource one
//! file inside it, so a rule is found by its resource name.

pub mod admin;
pub mod base64;
pub mod csv;
pub mod curl;
pub mod deploy;
pub mod erp;
pub mod error;
pub mod hmac;
pub mod http;
pub mod iso3166;
pub mod list;
pub mod profiles;
pub mod redirect;
pub mod resource;
pub mod sim_wire;
pub mod time;
pub mod validation;
pub mod walk;
pub mod websupport;

pub use error::ApiError;
pub use http::{HttpRequest, HttpResponse, Method};
pub use validation::FieldErrors;
