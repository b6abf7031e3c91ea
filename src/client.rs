//! The app's handle on the APIs: connection settings, session, request
//! activity and per-session caches, captured once so async work never looks
//! up context after an `.await`.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::deploy::DeployOutcome;
use userdesk_api::resource::{unique_part, Description};
use userdesk_api::HttpResponse;

use crate::components::toast::{ToastKind, Toasts};
use crate::session::Session;
use crate::settings::Connections;
use crate::transport::{self, Activity};

/// The longest `Retry-After` waited for before the one automatic retry.
const MAX_AUTOMATIC_WAIT_SECONDS: u32 = 30;
/// The wait when a 429 gives no usable `Retry-After`.
const DEFAULT_WAIT_SECONDS: u32 = 2;

/// Records this session has seen, dropped at sign-out.
#[derive(Clone, Copy)]
pub struct Cache {
    /// Per resource slug, the id and unique fields of every record seen in
    /// a list or saved, for the client-side uniqueness check.
    pub seen: RwSignal<BTreeMap<&'static str, Vec<Value>>>,
}

impl Cache {
    pub fn clear(&self) {
        self.seen.set(BTreeMap::new());
    }

    /// Keeps what uniqueness needs of `records` (newer copies replace older).
    pub fn remember(&self, resource: &'static Description, records: &[Value]) {
        let parts: Vec<Value> = records
            .iter()
            .filter_map(|record| unique_part(resource, record))
            .collect();
        if parts.is_empty() {
            return;
        }
        self.seen.update(|seen| {
            let known = seen.entry(resource.slug).or_default();
            for part in parts {
                let id = resource.id_of(&part);
                known.retain(|other| resource.id_of(other) != id);
                known.push(part);
            }
        });
    }

    /// Forgets a deleted record.
    pub fn forget(&self, resource: &'static Description, id: &str) {
        self.seen.update(|seen| {
            if let Some(known) = seen.get_mut(resource.slug) {
                known.retain(|other| resource.id_of(other).as_deref() != Some(id));
            }
        });
    }

    /// The records of `resource` seen so far.
    pub fn seen(&self, resource: &Description) -> Vec<Value> {
        self.seen
            .with_untracked(|seen| seen.get(resource.slug).cloned().unwrap_or_default())
    }
}

/// Everything needed to call an API.
#[derive(Clone, Copy)]
pub struct Client {
    pub connections: RwSignal<Connections>,
    pub session: Session,
    pub activity: Activity,
    pub cache: Cache,
    toasts: Toasts,
}

impl Client {
    /// Creates the app's client from the deployment config and provides it
    /// (and its parts) as context. Needs [`Toasts`] provided first.
    pub fn provide(deployment: &DeployOutcome) -> Client {
        let client = Client {
            connections: RwSignal::new(Connections::load(deployment)),
            session: Session::restore(),
            activity: Activity::new(),
            cache: Cache {
                seen: RwSignal::new(BTreeMap::new()),
            },
            toasts: Toasts::use_toasts(),
        };
        provide_context(client);
        provide_context(client.connections);
        provide_context(client.activity);
        client
    }

    pub fn use_client() -> Client {
        expect_context::<Client>()
    }

    /// After a 429: says when a retry is possible, waits for
    /// `Retry-After` and answers `true` (send once more).
    pub(crate) async fn waited_out(&self, response: &HttpResponse) -> bool {
        if response.status != 429 {
            return false;
        }
        let wait = response
            .retry_after
            .unwrap_or(DEFAULT_WAIT_SECONDS)
            .clamp(1, MAX_AUTOMATIC_WAIT_SECONDS);
        let _ = self.toasts.try_show(
            ToastKind::Error,
            format!("The server is busy (too many requests). Retrying in {wait} s…"),
        );
        transport::sleep(wait).await;
        true
    }
}
