//! Profiles API pages: sign-in with a bearer token, and the dialog that
//! asks for a new one when the API refuses it. Profiles and contacts
//! themselves are described resources (`profiles::REGISTRY`).

pub mod login;
pub mod routes;
pub mod token;
