//! Websupport in the console: its sign-in (an API key and secret, checked
//! with a signed `GET /v1/user/self`), its session (the key and secret in
//! memory only, signing each request; a reload asks again), and what a
//! 401 means: the signature was refused, which is answered as it is (there
//! is no token to renew). Without a session, calls go unsigned: the
//! public sign-up and password restore.

use leptos::prelude::*;
use userdesk_api::resource::record::text_at;
use userdesk_api::resource::{Answer, Api, Description, Dialect, Operation};
use userdesk_api::websupport::dialect::{unsigned_failure, WebsupportCall, WEBSUPPORT_API};
use userdesk_api::websupport::users::USERS;
use userdesk_api::websupport::WebsupportConfig;
use userdesk_api::{ApiError, HttpRequest, HttpResponse};

use super::{typed_at, Credential, DemoLogin, Home, SignIn};
use crate::client::Client;
use crate::session::{Session, WebsupportSession};
use crate::transport;

pub const HOME: Home = Home {
    name: "Websupport",
    short: "Websupport",
    called: "Websupport",
    area: "/websupport",
    start: "/websupport/users",
};

pub const SIGN_IN: SignIn = SignIn {
    title: "Sign in to Websupport",
    fields: &[
        Credential {
            label: "API key",
            name: "api_key",
            secret: false,
            autocomplete: "username",
            hint: Some("From the Websupport administration, under API access."),
            known: false,
        },
        Credential {
            label: "Secret",
            name: "secret",
            secret: true,
            autocomplete: "current-password",
            hint: Some(
                "Signs each request; it is never sent, and never stored: a reload asks for it again.",
            ),
            known: false,
        },
    ],
    busy: "Checking…",
    go_on: "Go to users",
    demo: &[
        DemoLogin {
            values: &["demo-websupport-key", "demo-websupport-secret"],
            who: Some("a reseller with 10,000 sub-users"),
        },
        DemoLogin {
            values: &["demo-customer-key", "demo-customer-secret"],
            who: Some("a customer"),
        },
    ],
    more: &[
        ("No account yet?", "Sign up", "/websupport/signup"),
        ("Forgot your password?", "Restore it", "/websupport/restore-password"),
    ],
    check: |typed| {
        WebsupportConfig {
            base_url: String::new(),
            api_key: typed_at(typed, 0).into(),
            secret: typed_at(typed, 1).into(),
        }
        .validate()
    },
    again: None,
};

/// Checks an API key and secret with a signed `GET /v1/user/self` and, if
/// the API takes them, starts the session (in memory only). Returns the
/// signed-in login.
pub async fn sign_in(client: Client, api_key: &str, secret: &str) -> Result<String, ApiError> {
    let connection = client.connections.get_untracked().websupport;
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
    let response = transport::send(
        Api::Websupport,
        &connection.target,
        request,
        client.activity,
    )
    .await?;
    // A refused key or signature is worded by the dialect; sending the
    // same again cannot help, so it is a refusal, not a retry.
    let me = WEBSUPPORT_API
        .decode(&USERS, &operation, &response)
        .map_err(|error| match error {
            ApiError::Unauthorized(sentence) | ApiError::Forbidden(sentence) => {
                ApiError::Refused(sentence)
            }
            other => other,
        })?
        .into_record()?;
    let login = text_at(&me, "login");
    client.session.websupport.set(Some(WebsupportSession {
        api_key: config.api_key,
        secret: config.secret,
        login: login.clone(),
    }));
    Ok(login)
}

/// Sends a Websupport call, signed with the session's key and secret at
/// the browser's current time (unsigned without a session). On 429 it
/// waits for `Retry-After` and sends the call once more, signed afresh.
pub async fn send<F>(client: Client, build: F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&WebsupportConfig, i64) -> HttpRequest,
{
    let response = once(client, &build).await?;
    if client.waited_out(&response).await {
        return once(client, &build).await;
    }
    Ok(response)
}

async fn once<F>(client: Client, build: &F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&WebsupportConfig, i64) -> HttpRequest,
{
    let connection = client.connections.get_untracked().websupport;
    let (api_key, secret) = client
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
    transport::send(
        Api::Websupport,
        &connection.target,
        request,
        client.activity,
    )
    .await
}

/// One operation on a described Websupport resource; `parent` is the
/// user a billing or domain profile belongs to. Unsigned, a 401 reads as
/// "sign in first".
pub(super) async fn call(
    client: Client,
    resource: &Description,
    parent: Option<&str>,
    operation: &Operation<'_>,
) -> Result<Answer, ApiError> {
    let response = send(client, |config, unix_time| {
        let call = WebsupportCall {
            config,
            unix_time,
            parent_id: parent,
        };
        WEBSUPPORT_API.request(&call, resource, operation)
    })
    .await?;
    let answer = WEBSUPPORT_API.decode(resource, operation, &response);
    if client.session.websupport.with_untracked(Option::is_some) {
        answer
    } else {
        answer.map_err(unsigned_failure)
    }
}

/// The sign-in form's values, sent.
pub(super) async fn sign_in_with(client: Client, typed: &[String]) -> Result<(), ApiError> {
    sign_in(client, typed_at(typed, 0), typed_at(typed, 1))
        .await
        .map(|_| ())
}

/// The browser's clock in Unix seconds, which signatures carry.
fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .websupport
        .with(|s| s.as_ref().map(|s| s.login.clone()))
}

pub(super) fn end(session: &Session) {
    session.websupport.set(None);
}
