//! Connection settings: per API, Demo (the in-browser simulator) or a server.
//!
//! Three layers, the later winning:
//! 1. the defaults: every API in Demo, with the documented Admin app key;
//! 2. the deployment config, `/config.json` (see `userdesk_api::deploy`);
//! 3. the user's choice under Connections: mode, base URL and version in
//!    local storage; an Admin app key typed there in session storage, so it
//!    lives for the tab and a reload keeps it.
//!
//! "Use the deployment's settings" removes layer 3.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use userdesk_api::admin::{AdminConfig, DEFAULT_VERSION, DOCUMENTED_APP_KEY};
use userdesk_api::deploy::{ApiEntry, DeployConfig, DeployOutcome};

use crate::storage::{self, Store};

const CHOICE_KEY: &str = "userdesk.connections";
const APP_KEY_KEY: &str = "userdesk.admin.app_key";

/// Where one API's requests go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Target {
    Demo,
    Server { base_url: String },
}

impl Target {
    fn from_entry(entry: &ApiEntry) -> Target {
        match entry.base_url.clone() {
            Some(base_url) => Target::Server { base_url },
            None => Target::Demo,
        }
    }
}

/// Which layer a connection comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Defaults,
    Deployment,
    /// Chosen under Connections in this browser.
    Chosen,
}

/// The Admin API connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminConnection {
    pub target: Target,
    pub version: String,
    pub app_key: String,
    pub source: Source,
}

impl Default for AdminConnection {
    fn default() -> Self {
        AdminConnection {
            target: Target::Demo,
            version: DEFAULT_VERSION.to_string(),
            app_key: DOCUMENTED_APP_KEY.to_string(),
            source: Source::Defaults,
        }
    }
}

impl AdminConnection {
    /// The deployment's Admin connection, or the defaults.
    pub fn from_deployment(deployment: &DeployConfig) -> Self {
        let Some(entry) = deployment.admin.as_ref() else {
            return AdminConnection::default();
        };
        AdminConnection {
            target: Target::from_entry(entry),
            version: entry
                .version
                .clone()
                .unwrap_or_else(|| DEFAULT_VERSION.to_string()),
            app_key: entry
                .app_key
                .clone()
                .unwrap_or_else(|| DOCUMENTED_APP_KEY.to_string()),
            source: Source::Deployment,
        }
    }

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

/// What local storage keeps of a choice: never the app key.
#[derive(Serialize, Deserialize)]
struct SavedChoice {
    admin: SavedAdmin,
}

#[derive(Serialize, Deserialize)]
struct SavedAdmin {
    target: Target,
    version: String,
}

/// Every API's connection, and the deployment they started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connections {
    pub admin: AdminConnection,
    pub deployment: DeployConfig,
    /// Why `config.json` could not be used, for the banner.
    pub deployment_problem: Option<String>,
}

impl Connections {
    /// The defaults, the deployment config over them, and this browser's
    /// choice over both.
    pub fn load(outcome: &DeployOutcome) -> Self {
        let (deployment, deployment_problem) = match outcome {
            DeployOutcome::Loaded(config) => ((**config).clone(), None),
            DeployOutcome::Absent => (DeployConfig::default(), None),
            DeployOutcome::Malformed(problem) => (DeployConfig::default(), Some(problem.clone())),
        };
        let mut admin = AdminConnection::from_deployment(&deployment);
        let choice = storage::read(Store::Local, CHOICE_KEY)
            .and_then(|text| serde_json::from_str::<SavedChoice>(&text).ok());
        if let Some(choice) = choice {
            admin.target = choice.admin.target;
            admin.version = choice.admin.version;
            admin.source = Source::Chosen;
        }
        if let Some(key) = storage::read(Store::Session, APP_KEY_KEY) {
            admin.app_key = key;
            admin.source = Source::Chosen;
        }
        Connections {
            admin,
            deployment,
            deployment_problem,
        }
    }

    /// Keeps the user's Admin choice: mode, base URL and version for this
    /// browser, the app key for this tab. Returns whether storage took it.
    pub fn choose_admin(&mut self, mut chosen: AdminConnection) -> bool {
        chosen.source = Source::Chosen;
        let saved = SavedChoice {
            admin: SavedAdmin {
                target: chosen.target.clone(),
                version: chosen.version.clone(),
            },
        };
        let stored = serde_json::to_string(&saved)
            .is_ok_and(|text| storage::write(Store::Local, CHOICE_KEY, &text))
            && storage::write(Store::Session, APP_KEY_KEY, &chosen.app_key);
        self.admin = chosen;
        stored
    }

    /// Forgets the user's choice: back to the deployment config (or the defaults).
    pub fn use_deployment(&mut self) {
        storage::remove(Store::Local, CHOICE_KEY);
        storage::remove(Store::Session, APP_KEY_KEY);
        self.admin = AdminConnection::from_deployment(&self.deployment);
    }
}

/// The reactive settings shared by the app.
pub fn use_connections() -> RwSignal<Connections> {
    expect_context::<RwSignal<Connections>>()
}
