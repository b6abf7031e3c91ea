//! The app's handle on the APIs: connection settings, session, request
//! activity and per-session caches, captured once so async work never looks
//! up context after an `.await`.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::Value;
use userdesk_api::admin::dialect::{AdminCall, ADMIN_API};
use userdesk_api::admin::token::{decode_token, token_request};
use userdesk_api::admin::{is_app_key_refusal, AdminConfig};
use userdesk_api::deploy::DeployOutcome;
use userdesk_api::erp::ErpConfig;
use userdesk_api::list::{ListPage, ListQuery};
use userdesk_api::profiles::dialect::{ProfilesCall, PROFILES_API};
use userdesk_api::profiles::profile::PROFILES;
use userdesk_api::profiles::ProfilesConfig;
use userdesk_api::resource::record::text_at;
use userdesk_api::resource::{unique_part, Answer, Api, Description, Dialect, Operation};
use userdesk_api::websupport::dialect::{unsigned_failure, WebsupportCall, WEBSUPPORT_API};
use userdesk_api::websupport::users::USERS;
use userdesk_api::websupport::WebsupportConfig;
use userdesk_api::{ApiError, HttpRequest, HttpResponse};

use crate::apis;
use crate::components::toast::{ToastKind, Toasts};
use crate::session::{AdminSession, Session, WebsupportSession};
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

    /// Sends an authenticated Admin API call.
    ///
    /// - On 429 it says when a retry is possible, waits for `Retry-After`
    ///   and sends the call once more.
    /// - On 401 it asks the user to re-authenticate and, if they do, sends
    ///   the call once more with the new token, so the page and its input
    ///   survive. A 401 refusing the app key is returned as it is: no
    ///   password can fix it.
    pub async fn admin<F>(&self, build: F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&AdminConfig, &str) -> HttpRequest,
    {
        let mut response = self.admin_once(&build).await?;
        if self.waited_out(&response).await {
            response = self.admin_once(&build).await?;
        }
        // Without a session (signed out meanwhile) there is nobody to re-authenticate.
        if response.status != 401
            || is_app_key_refusal(&response)
            || self.session.admin.with_untracked(Option::is_none)
        {
            return Ok(response);
        }
        if self.session.wait_for_reauth().await {
            self.admin_once(&build).await
        } else {
            Ok(response)
        }
    }

    /// After a 429: says when a retry is possible, waits for
    /// `Retry-After` and answers `true` (send once more).
    async fn waited_out(&self, response: &HttpResponse) -> bool {
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

    /// Sends one ERP request where the ERP connection points.
    pub async fn erp_send(
        &self,
        build: impl FnOnce(&ErpConfig) -> HttpRequest,
    ) -> Result<HttpResponse, ApiError> {
        let connection = self.connections.get_untracked().erp;
        let config = ErpConfig {
            base_url: connection.target.base_url(),
        };
        transport::send(Api::Erp, &connection.target, build(&config), self.activity).await
    }

    /// Checks a pasted Profiles token with `GET /profiles?limit=1` and, if
    /// the API takes it, starts the Profiles session.
    pub async fn profiles_sign_in(&self, token: &str) -> Result<(), ApiError> {
        let connection = self.connections.get_untracked().profiles;
        let config = ProfilesConfig {
            base_url: connection.target.base_url(),
            token: token.trim().to_string(),
        };
        let query = ListQuery {
            limit: 1,
            ..PROFILES.list.default_query()
        };
        let call = ProfilesCall {
            config: &config,
            parent_id: None,
        };
        let operation = Operation::List { query: &query };
        let request = PROFILES_API.request(&call, &PROFILES, &operation);
        let response =
            transport::send(Api::Profiles, &connection.target, request, self.activity).await?;
        // The dialect reads any refusal (401 included) into its error.
        PROFILES_API.decode(&PROFILES, &operation, &response)?;
        self.session.begin_profiles(config.token);
        Ok(())
    }

    /// Sends a Profiles API call with the session's token.
    ///
    /// - On 429 it waits for `Retry-After` and sends the call once more.
    /// - On 401 it asks for a new token and, if one is given, sends the
    ///   call once more, so the page and its input survive.
    pub async fn profiles<F>(&self, build: F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&ProfilesConfig) -> HttpRequest,
    {
        let mut response = self.profiles_once(&build).await?;
        if self.waited_out(&response).await {
            response = self.profiles_once(&build).await?;
        }
        if response.status != 401 || self.session.profiles.with_untracked(Option::is_none) {
            return Ok(response);
        }
        if self.session.wait_for_token().await {
            self.profiles_once(&build).await
        } else {
            Ok(response)
        }
    }

    async fn profiles_once<F>(&self, build: &F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&ProfilesConfig) -> HttpRequest,
    {
        let connection = self.connections.get_untracked().profiles;
        let config = ProfilesConfig {
            base_url: connection.target.base_url(),
            token: self.session.profiles.get_untracked().unwrap_or_default(),
        };
        transport::send(
            Api::Profiles,
            &connection.target,
            build(&config),
            self.activity,
        )
        .await
    }

    /// Checks a Websupport API key and secret with a signed
    /// `GET /v1/user/self` and, if the API takes them, starts the
    /// Websupport session (in memory only). Returns the signed-in login.
    pub async fn websupport_sign_in(
        &self,
        api_key: &str,
        secret: &str,
    ) -> Result<String, ApiError> {
        let connection = self.connections.get_untracked().websupport;
        let config = WebsupportConfig {
            base_url: connection.target.base_url(),
            api_key: api_key.trim().to_string(),
            secret: secret.trim().to_string(),
        };
        let call = WebsupportCall {
            config: &config,
            unix_time: unix_now(),
            parent_id: None,
        };
        let operation = Operation::Read { id: "self" };
        let request = WEBSUPPORT_API.request(&call, &USERS, &operation);
        let response =
            transport::send(Api::Websupport, &connection.target, request, self.activity).await?;
        let me = WEBSUPPORT_API
            .decode(&USERS, &operation, &response)?
            .into_record()?;
        let login = text_at(&me, "login");
        self.session.websupport.set(Some(WebsupportSession {
            api_key: config.api_key,
            secret: config.secret,
            login: login.clone(),
        }));
        Ok(login)
    }

    /// Sends a Websupport call, signed with the session's key and secret
    /// at the browser's current time (unsigned without a session: the
    /// public sign-up and password restore). On 429 it waits for
    /// `Retry-After` and sends the call once more, signed afresh.
    pub async fn websupport<F>(&self, build: F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&WebsupportConfig, i64) -> HttpRequest,
    {
        let response = self.websupport_once(&build).await?;
        if self.waited_out(&response).await {
            return self.websupport_once(&build).await;
        }
        Ok(response)
    }

    async fn websupport_once<F>(&self, build: &F) -> Result<HttpResponse, ApiError>
    where
        F: Fn(&WebsupportConfig, i64) -> HttpRequest,
    {
        let connection = self.connections.get_untracked().websupport;
        let (api_key, secret) = self
            .session
            .websupport
            .with_untracked(|s| s.as_ref().map(|s| (s.api_key.clone(), s.secret.clone())))
            .unwrap_or_default();
        let config = WebsupportConfig {
            base_url: connection.target.base_url(),
            api_key,
            secret,
        };
        let request = build(&config, unix_now());
        transport::send(Api::Websupport, &connection.target, request, self.activity).await
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

    /// One operation on a described resource, in its API's dialect and
    /// with its API's authentication (and the retries [`Client::admin`] makes).
    ///
    /// ## Usage
    /// ```ignore
    /// let terms = client.call(&TERMS, &Operation::Read { id: "2" }).await?.into_record()?;
    /// ```
    pub async fn call(
        &self,
        resource: &Description,
        operation: &Operation<'_>,
    ) -> Result<Answer, ApiError> {
        self.call_under(resource, None, operation).await
    }

    /// [`Client::call`] on a resource that lives under a record of another
    /// (a profile's contacts): `parent` is that record's id.
    pub async fn call_under(
        &self,
        resource: &Description,
        parent: Option<&str>,
        operation: &Operation<'_>,
    ) -> Result<Answer, ApiError> {
        match resource.api {
            Api::Admin => {
                let response = self
                    .admin(|config, token| {
                        ADMIN_API.request(&AdminCall { config, token }, resource, operation)
                    })
                    .await?;
                ADMIN_API.decode(resource, operation, &response)
            }
            Api::Profiles => {
                let response = self
                    .profiles(|config| {
                        let call = ProfilesCall {
                            config,
                            parent_id: parent,
                        };
                        PROFILES_API.request(&call, resource, operation)
                    })
                    .await?;
                PROFILES_API.decode(resource, operation, &response)
            }
            Api::Websupport => {
                let response = self
                    .websupport(|config, unix_time| {
                        let call = WebsupportCall {
                            config,
                            unix_time,
                            parent_id: parent,
                        };
                        WEBSUPPORT_API.request(&call, resource, operation)
                    })
                    .await?;
                let answer = WEBSUPPORT_API.decode(resource, operation, &response);
                if self.session.websupport.with_untracked(Option::is_some) {
                    answer
                } else {
                    answer.map_err(unsigned_failure)
                }
            }
            Api::Erp => Err(ApiError::Network(
                "ERP removals go through their own page".into(),
            )),
        }
    }

    /// One page of `resource`'s list for `query`: [`Client::call_under`]
    /// with `Operation::List`, read as a page.
    pub async fn list(
        &self,
        resource: &Description,
        parent: Option<&str>,
        query: &ListQuery,
    ) -> Result<ListPage<Value>, ApiError> {
        self.call_under(resource, parent, &Operation::List { query })
            .await
            .and_then(Answer::into_page)
    }

    /// The id of the account signed in to `api`, if any.
    pub fn signed_in_account(&self, api: Api) -> Option<String> {
        apis::account(api, &self.session)
    }

    /// Signs out of `api`: forgets its credentials everywhere (memory,
    /// session storage, Demo's tokens) and every cached record.
    pub fn sign_out(&self, api: Api) {
        apis::end(api, &self.session);
        self.cache.clear();
    }

    /// Who is signed in to `api`, as the header names them; `Some("")`
    /// for the Profiles API, whose token names nobody.
    pub fn signed_in_as(&self, api: Api) -> Option<String> {
        apis::signed_in_as(api, &self.session)
    }

    /// The short-lived session token of `api`, where it has one (Admin,
    /// Profiles), for people reproducing a call with curl.
    pub fn session_token(&self, api: Api) -> Option<String> {
        apis::token(api, &self.session)
    }

    /// Whether some session is open with `api`.
    pub fn signed_in(&self, api: Api) -> bool {
        self.signed_in_as(api).is_some()
    }
}

/// The browser's clock in Unix seconds, which Websupport signatures carry.
fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
