//! A contract simulator of the userdesk APIs.
//!
//! [`Simulator::handle`] is a pure function from an HTTP request (plus the
//! current time) to an HTTP response over in-memory state seeded from the
//! documentation's examples. The browser uses it as the Demo transport; the
//! `sim-server` crate serves it over real HTTP for end-to-end tests.
//!
//! It models a third party's server, so it keeps that server's rules here on
//! their own terms and only borrows the client crate's shared pieces (request
//! and response values, the payload rules the documentation states).

pub mod admin;
pub mod erp;
pub mod host;
mod json;
mod order;
pub mod password;
pub mod profiles;
mod rng;
pub mod websupport;

use serde::{Deserialize, Serialize};
use userdesk_api::{HttpRequest, HttpResponse};

pub use rng::Rng;

pub use userdesk_api::resource::Api;

/// The path prefix under which `sim-server` mounts an API it simulates.
pub fn mount_path(api: Api) -> Option<&'static str> {
    match api {
        Api::Admin => Some("/api/admin"),
        Api::Profiles => Some("/api/profiles"),
        Api::Erp => Some("/api/erp"),
        Api::Websupport => Some("/api/websupport"),
    }
}

/// The whole simulated world: one server per API.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Simulator {
    pub admin: admin::AdminServer,
    /// Absent from state saved before Profiles was simulated: seeded then.
    #[serde(default)]
    pub profiles: profiles::ProfilesServer,
    #[serde(default)]
    pub erp: erp::ErpServer,
    #[serde(default)]
    pub websupport: websupport::WebsupportServer,
    rng: Rng,
}

impl Simulator {
    /// A fresh world seeded from the documentation. `entropy` seeds token generation.
    pub fn seeded(now: i64, entropy: u64) -> Self {
        Simulator {
            admin: admin::AdminServer::seeded(now),
            profiles: profiles::ProfilesServer::seeded(),
            erp: erp::ErpServer::seeded(),
            websupport: websupport::WebsupportServer::seeded(),
            rng: Rng::new(entropy),
        }
    }

    /// Answers one request as the addressed API would.
    pub fn handle(&mut self, api: Api, request: &HttpRequest, now: i64) -> HttpResponse {
        match api {
            Api::Admin => self.admin.handle(request, now, &mut self.rng),
            Api::Profiles => self.profiles.handle(request, now, &mut self.rng),
            Api::Erp => self.erp.handle(request, now, &mut self.rng),
            Api::Websupport => self.websupport.handle(request, now),
        }
    }

    /// The state as JSON, for Demo persistence.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Restores saved state; `None` when it is missing or from an older shape.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}
