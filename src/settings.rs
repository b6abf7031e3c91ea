//! Connection settings: per API, Demo (the in-browser simulator) or a server.
//!
//! The mode, base URL and version persist in local storage. The Admin app
//! key stays in memory: it is a long-lived key, so a reload falls back to
//! the documented key the simulator accepts.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use userdesk_api::admin::{AdminConfig, DEFAULT_VERSION, DOCUMENTED_APP_KEY};

use crate::storage::{self, Store};

const STORAGE_KEY: &str = "userdesk.connections";

/// Where one API's requests go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Target {
    Demo,
    Server { base_url: String },
}

/// The Admin API connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminConnection {
    pub target: Target,
    pub version: String,
    /// Never serialised: see the module docs.
    #[serde(skip, default = "documented_app_key")]
    pub app_key: String,
}

fn documented_app_key() -> String {
    DOCUMENTED_APP_KEY.to_string()
}

impl Default for AdminConnection {
    fn default() -> Self {
        AdminConnection {
            target: Target::Demo,
            version: DEFAULT_VERSION.to_string(),
            app_key: documented_app_key(),
        }
    }
}

impl AdminConnection {
    /// The request-building config. Demo paths go straight to the simulator.
    pub fn config(&self) -> AdminConfig {
        let base_url = match &self.target {
            Target::Demo => String::new(),
            Target::Server { base_url } => base_url.clone(),
        };
        AdminConfig {
            base_url,
            version: self.version.clone(),
            app_key: self.app_key.clone(),
        }
    }

    /// What the header shows: "Demo" or the server's base URL.
    pub fn label(&self) -> String {
        match &self.target {
            Target::Demo => "Demo".to_string(),
            Target::Server { base_url } => base_url.clone(),
        }
    }
}

/// Every API's connection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connections {
    #[serde(default)]
    pub admin: AdminConnection,
}

impl Connections {
    /// The saved settings, or Demo everywhere on first load.
    pub fn load() -> Self {
        storage::read(Store::Local, STORAGE_KEY)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Persists the non-secret part.
    pub fn save(&self) -> bool {
        serde_json::to_string(self)
            .is_ok_and(|text| storage::write(Store::Local, STORAGE_KEY, &text))
    }
}

/// The reactive settings shared by the app.
pub fn use_connections() -> RwSignal<Connections> {
    expect_context::<RwSignal<Connections>>()
}
