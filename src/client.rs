//! The app's handle on the APIs: connection settings, session, request
//! activity and per-session caches, captured once so async work never looks
//! up context after an `.await`.

use leptos::prelude::*;
use userdesk_api::admin::token::{decode_token, token_request};
use userdesk_api::admin::AdminConfig;
use userdesk_api::{ApiError, HttpRequest, HttpResponse};
use userdesk_sim::Api;

use crate::session::{AdminSession, Session};
use crate::settings::Connections;
use crate::transport::{self, Activity};

/// Records this session has seen, dropped at sign-out.
#[derive(Clone, Copy)]
pub struct Cache {
    /// Role names seen in lists, for the client-side uniqueness check.
    pub role_names: RwSignal<Vec<String>>,
}

impl Cache {
    pub fn clear(&self) {
        self.role_names.set(Vec::new());
    }
}

/// Everything needed to call an API.
#[derive(Clone, Copy)]
pub struct Client {
    pub connections: RwSignal<Connections>,
    pub session: Session,
    pub activity: Activity,
    pub cache: Cache,
}

impl Client {
    /// Creates the app's client and provides it (and its parts) as context.
    pub fn provide() -> Client {
        let client = Client {
            connections: RwSignal::new(Connections::load()),
            session: Session::restore(),
            activity: Activity::new(),
            cache: Cache {
                role_names: RwSignal::new(Vec::new()),
            },
        };
        provide_context(client);
        provide_context(client.connections);
        provide_context(client.activity);
        client
    }

    pub fn use_client() -> Client {
        expect_context::<Client>()
    }

    /// Signs in to the Admin API and starts the session.
    pub async fn admin_sign_in(
        &self,
        username: &str,
        password: &str,
    ) -> Result<AdminSession, ApiError> {
        let connection = self.connections.get_untracked().admin;
        let request = token_request(&connection.config(), username, password);
        let response =
            transport::send(Api::Admin, &connection.target, request, self.activity).await?;
        let grant = decode_token(&response)?;
        let session = AdminSession::from_grant(grant, js_sys::Date::now());
        self.session.begin(session.clone());
        Ok(session)
    }

    /// Sends an authenticated Admin API call. On 401 it asks the user to
    /// re-authenticate and, if they do, sends the call once more with the new
    /// token, so the page and its input survive.
    pub async fn admin<F>(&self, build: F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&AdminConfig, &str) -> HttpRequest,
    {
        let response = self.admin_once(&build).await?;
        // Without a session (signed out meanwhile) there is nobody to re-authenticate.
        if response.status != 401 || self.session.admin.with_untracked(Option::is_none) {
            return Ok(response);
        }
        if self.session.wait_for_reauth().await {
            self.admin_once(&build).await
        } else {
            Ok(response)
        }
    }

    async fn admin_once<F>(&self, build: &F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&AdminConfig, &str) -> HttpRequest,
    {
        let connection = self.connections.get_untracked().admin;
        let token = self
            .session
            .admin
            .get_untracked()
            .map(|s| s.token)
            .unwrap_or_default();
        let request = build(&connection.config(), &token);
        transport::send(Api::Admin, &connection.target, request, self.activity).await
    }

    /// Signs out: forgets the token and every cached record.
    pub fn sign_out(&self) {
        self.session.end();
        self.cache.clear();
    }
}
