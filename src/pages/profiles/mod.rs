//! Profiles API pages: its routes. Profiles and contacts are described
//! resources (`profiles::REGISTRY`); the sign-in is `crate::apis::profiles`.

pub mod routes;
