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

/// Where one API's requests go. Stored as `{"mode": "demo"}` or
/// `{"mode": "server", "base_url": …}`; read through [`StoredTarget`],
/// since a derived internally-tagged reader buffers through serde's
/// generic content type, which weighed 4.6 KB in the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", try_from = "StoredTarget")]
pub enum Target {
    Demo,
    Server { base_url: String },
}

/// [`Target`] as stored, every key at the top.
#[derive(Deserialize)]
struct StoredTarget {
    mode: String,
    #[serde(default)]
    base_url: Option<String>,
}

impl TryFrom<StoredTarget> for Target {
    type Error = String;

    fn try_from(stored: StoredTarget) -> Result<Target, String> {
        match (stored.mode.as_str(), stored.base_url) {
            ("demo", _) => Ok(Target::Demo),
            ("server", Some(base_url)) => Ok(Target::Server { base_url }),
            (mode, _) => Err(format!("unknown connection mode {mode:?}")),
        }
    }
}

impl Target {
    /// The base URL requests are built on: empty in Demo, whose paths go
    /// straight to the simulator.
    pub fn base_url(&self) -> String {
        match self {
            Target::Demo => String::new(),
            Target::Server { base_url } => base_url.clone(),
        }
    }

    /// What the header shows: "Demo" or the server's base URL.
    pub fn label(&self) -> String {
        match self {
            Target::Demo => "Demo".to_string(),
            Target::Server { base_url } => base_url.clone(),
        }
    }

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

    /// The request-building config. Demo paths go straight to the
    /// simulator, with Demo's own application key whatever key the
    /// deployment names for its server.
    pub fn config(&self) -> AdminConfig {
        let app_key = match self.target {
            Target::Demo => DOCUMENTED_APP_KEY,
            Target::Server { .. } => &self.app_key,
        };
        AdminConfig {
            base_url: self.target.base_url(),
            version: self.version.clone(),
            app_key: app_key.to_string(),
        }
    }
}

/// The connection of an API that needs nothing but a target (Profiles,
/// ERP, Websupport): its credentials come at sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    pub target: Target,
    pub source: Source,
}

impl Connection {
    /// The deployment's entry for the API, or Demo.
    pub fn from_entry(entry: Option<&ApiEntry>) -> Self {
        match entry {
            Some(entry) => Connection {
                target: Target::from_entry(entry),
                source: Source::Deployment,
            },
            None => Connection {
                target: Target::Demo,
                source: Source::Defaults,
            },
        }
    }
}

/// What local storage keeps of a choice: never the app key.
#[derive(Serialize, Deserialize)]
struct SavedChoice {
    admin: SavedAdmin,
    /// Absent in choices saved before these APIs had connections.
    #[serde(default)]
    profiles: Option<Target>,
    #[serde(default)]
    erp: Option<Target>,
    #[serde(default)]
    websupport: Option<Target>,
}

#[derive(Serialize, Deserialize)]
struct SavedAdmin {
    target: Target,
    version: String,
}

/// The targets chosen for the APIs that need nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherTargets {
    pub profiles: Target,
    pub erp: Target,
    pub websupport: Target,
}

/// Every API's connection, and the deployment they started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connections {
    pub admin: AdminConnection,
    pub profiles: Connection,
    pub erp: Connection,
    pub websupport: Connection,
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
        let mut profiles = Connection::from_entry(deployment.profiles.as_ref());
        let mut erp = Connection::from_entry(deployment.erp.as_ref());
        let mut websupport = Connection::from_entry(deployment.websupport.as_ref());
        let choice = storage::read(Store::Local, CHOICE_KEY)
            .and_then(|text| serde_json::from_str::<SavedChoice>(&text).ok());
        if let Some(choice) = choice {
            admin.target = choice.admin.target;
            admin.version = choice.admin.version;
            admin.source = Source::Chosen;
            for (connection, target) in [
                (&mut profiles, choice.profiles),
                (&mut erp, choice.erp),
                (&mut websupport, choice.websupport),
            ] {
                if let Some(target) = target {
                    *connection = Connection {
                        target,
                        source: Source::Chosen,
                    };
                }
            }
        }
        if let Some(key) = storage::read(Store::Session, APP_KEY_KEY) {
            admin.app_key = key;
            admin.source = Source::Chosen;
        }
        Connections {
            admin,
            profiles,
            erp,
            websupport,
            deployment,
            deployment_problem,
        }
    }

    /// Keeps the user's choice: per API the mode and base URL (and the
    /// Admin version) for this browser, the Admin app key for this tab.
    /// Returns whether storage took it.
    pub fn choose(&mut self, mut admin: AdminConnection, others: OtherTargets) -> bool {
        admin.source = Source::Chosen;
        let saved = SavedChoice {
            admin: SavedAdmin {
                target: admin.target.clone(),
                version: admin.version.clone(),
            },
            profiles: Some(others.profiles.clone()),
            erp: Some(others.erp.clone()),
            websupport: Some(others.websupport.clone()),
        };
        let stored = serde_json::to_string(&saved)
            .is_ok_and(|text| storage::write(Store::Local, CHOICE_KEY, &text))
            && storage::write(Store::Session, APP_KEY_KEY, &admin.app_key);
        self.admin = admin;
        let chosen = |target| Connection {
            target,
            source: Source::Chosen,
        };
        self.profiles = chosen(others.profiles);
        self.erp = chosen(others.erp);
        self.websupport = chosen(others.websupport);
        stored
    }

    /// Forgets the user's choice: back to the deployment config (or the defaults).
    pub fn use_deployment(&mut self) {
        storage::remove(Store::Local, CHOICE_KEY);
        storage::remove(Store::Session, APP_KEY_KEY);
        self.admin = AdminConnection::from_deployment(&self.deployment);
        self.profiles = Connection::from_entry(self.deployment.profiles.as_ref());
        self.erp = Connection::from_entry(self.deployment.erp.as_ref());
        self.websupport = Connection::from_entry(self.deployment.websupport.as_ref());
    }
}

/// The reactive settings shared by the app.
pub fn use_connections() -> RwSignal<Connections> {
    expect_context::<RwSignal<Connections>>()
}
