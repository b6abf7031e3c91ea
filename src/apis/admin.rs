//! The Admin API in the console: its sign-in (`GET /token` with the
//! username and password), its session (the token, kept in memory and this
//! tab's session storage, Demo's tokens forgotten when it ends), and what
//! a 401 means: the token ended, so the password is asked for again in
//! place and the call is sent once more. A 401 that refuses the app key
//! is answered as it is: no password can fix it.

use leptos::prelude::*;
use userdesk_api::admin::dialect::{AdminCall, ADMIN_API};
use userdesk_api::admin::token::{
    decode_token, token_request, validate_credentials, SignInFailure,
};
use userdesk_api::admin::{is_app_key_refusal, AdminConfig};
use userdesk_api::resource::{Answer, Api, Description, Dialect, Operation};
use userdesk_api::{ApiError, HttpRequest, HttpResponse};

use super::{typed_at, Credential, DemoLogin, Home, SignIn, SignInAgain};
use crate::client::Client;
use crate::session::{AdminSession, Session};
use crate::transport;

pub const HOME: Home = Home {
    name: "Admin API",
    short: "Admin",
    called: "the Admin API",
    area: "/admin",
    start: "/admin/roles",
};

pub const SIGN_IN: SignIn = SignIn {
    title: "Sign in to the Admin API",
    fields: &[
        Credential {
            label: "Username",
            name: "username",
            secret: false,
            autocomplete: "username",
            hint: None,
            known: true,
        },
        Credential {
            label: "Password",
            name: "password",
            secret: true,
            autocomplete: "current-password",
            hint: None,
            known: false,
        },
    ],
    busy: "Signing in…",
    go_on: "Go to roles",
    demo: &[DemoLogin {
        values: &["admin1", "admin1pass"],
        who: None,
    }],
    more: &[],
    check: |typed| validate_credentials(typed_at(typed, 0), typed_at(typed, 1)),
    again: Some(SignInAgain {
        scope: "reauth",
        title_id: "reauth-title",
        title: "Your session has ended",
        renewing_title: "Renew your session",
        ask: "Enter the password for",
        submit: "Sign in and continue",
    }),
};

/// Signs in with `GET /token` and starts the session. A documented
/// refusal reads as what the user should do; a refused app key stays
/// [`ApiError::BadAppKey`], which points to Connections.
pub async fn sign_in(
    client: Client,
    username: &str,
    password: &str,
) -> Result<AdminSession, ApiError> {
    let connection = client.connections.get_untracked().admin;
    let request = token_request(&connection.config(), username.trim(), password);
    let response =
        transport::send(Api::Admin, &connection.target, request, client.activity).await?;
    let grant = decode_token(&response).map_err(|error| match SignInFailure::classify(&error) {
        Some(SignInFailure::BadAppKey) | None => error,
        Some(reason) => ApiError::Refused(reason.explanation().into()),
    })?;
    let session = AdminSession::from_grant(grant, js_sys::Date::now());
    client.session.begin_admin(session.clone());
    Ok(session)
}

/// Sends an authenticated Admin API call.
///
/// - On 429 it says when a retry is possible, waits for `Retry-After`
///   and sends the call once more.
/// - On 401 it asks for the password again and, if the user gives it,
///   sends the call once more with the new token, so the page and its
///   input survive.
pub async fn send<F>(client: Client, build: F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&AdminConfig, &str) -> HttpRequest,
{
    let mut response = once(client, &build).await?;
    if client.waited_out(&response).await {
        response = once(client, &build).await?;
    }
    // Without a session (signed out meanwhile) there is nobody to ask.
    if response.status != 401
        || is_app_key_refusal(&response)
        || client.session.admin.with_untracked(Option::is_none)
    {
        return Ok(response);
    }
    if client.session.wait_for_sign_in(Api::Admin).await {
        once(client, &build).await
    } else {
        Ok(response)
    }
}

async fn once<F>(client: Client, build: &F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&AdminConfig, &str) -> HttpRequest,
{
    let connection = client.connections.get_untracked().admin;
    let token = client
        .session
        .admin
        .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
        .unwrap_or_default();
    let request = build(&connection.config(), &token);
    transport::send(Api::Admin, &connection.target, request, client.activity).await
}

/// One operation on a described Admin resource.
pub(super) async fn call(
    client: Client,
    resource: &Description,
    operation: &Operation<'_>,
) -> Result<Answer, ApiError> {
    let response = send(client, |config, token| {
        ADMIN_API.request(&AdminCall { config, token }, resource, operation)
    })
    .await?;
    ADMIN_API.decode(resource, operation, &response)
}

/// The sign-in form's values, sent.
pub(super) async fn sign_in_with(client: Client, typed: &[String]) -> Result<(), ApiError> {
    sign_in(client, typed_at(typed, 0), typed_at(typed, 1))
        .await
        .map(|_| ())
}

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .admin
        .with(|s| s.as_ref().map(|s| s.username.clone()))
}

pub(super) fn account(session: &Session) -> Option<String> {
    session
        .admin
        .with_untracked(|s| s.as_ref().map(|s| s.user_id.to_string()))
}

pub(super) fn token(session: &Session) -> Option<String> {
    session.admin.with(|s| s.as_ref().map(|s| s.token.clone()))
}

pub(super) fn end(session: &Session) {
    session.end_admin();
    crate::demo::forget_tokens();
}
