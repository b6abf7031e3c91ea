//! The ERP in the console: its sign-in (`POST login`, once, to check the
//! login name and password), its session (both in memory only, because
//! every removal signs in again for a token that lives 20 seconds; a
//! reload asks again), and what a refusal means: the ERP answers with an
//! error number, read by `userdesk_api::erp` (an expired token, 1001, is
//! renewed once by the removal itself). It has no described resources.

use leptos::prelude::*;
use userdesk_api::erp::{decode_login, login_request, ErpConfig};
use userdesk_api::resource::Api;
use userdesk_api::validation::REQUIRED;
use userdesk_api::{ApiError, FieldErrors, HttpRequest, HttpResponse};

use super::{typed_at, Credential, DemoLogin, Home, SignIn};
use crate::client::Client;
use crate::session::{ErpSession, Session};
use crate::transport;

pub const HOME: Home = Home {
    name: "ERP",
    short: "ERP",
    called: "the ERP",
    area: "/erp",
    start: "/erp/remove-user",
};

pub const SIGN_IN: SignIn = SignIn {
    title: "Sign in to the ERP",
    fields: &[
        Credential {
            label: "Login name",
            name: "LoginName",
            secret: false,
            autocomplete: "username",
            hint: None,
            known: false,
        },
        Credential {
            label: "Password",
            name: "Password",
            secret: true,
            autocomplete: "current-password",
            hint: Some(
                "Kept in this tab's memory only, because every removal signs in again for a token that lives 20 seconds. A reload asks again.",
            ),
            known: false,
        },
    ],
    busy: "Signing in…",
    go_on: "Remove a user",
    demo: &[
        DemoLogin {
            values: &["agent", "agentPass!"],
            who: None,
        },
        DemoLogin {
            values: &["viewer", "viewerPass!"],
            who: Some("who may not delete"),
        },
    ],
    more: &[],
    check: |typed| {
        let mut errors = FieldErrors::new();
        if typed_at(typed, 0).trim().is_empty() {
            errors.add("LoginName", REQUIRED);
        }
        if typed_at(typed, 1).is_empty() {
            errors.add("Password", REQUIRED);
        }
        errors.into_result(())
    },
    again: None,
};

/// Sends one ERP request where the ERP connection points.
pub async fn send(
    client: Client,
    build: impl FnOnce(&ErpConfig) -> HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let connection = client.connections.get_untracked().erp;
    let config = ErpConfig {
        base_url: connection.target.base_url(),
    };
    transport::send(
        Api::Erp,
        &connection.target,
        build(&config),
        client.activity,
    )
    .await
}

/// A token from the ERP for these credentials; a refusal reads as the
/// ERP's documented reason.
pub async fn take_token(
    client: Client,
    login_name: &str,
    password: &str,
) -> Result<String, ApiError> {
    let response = send(client, |config| login_request(config, login_name, password)).await?;
    decode_login(&response).map_err(|failure| ApiError::Refused(failure.at_login()))
}

/// Checks the login name and password with `POST login` and, if the ERP
/// takes them, keeps them in memory for the removals.
pub async fn sign_in(client: Client, login_name: &str, password: &str) -> Result<(), ApiError> {
    let login_name = login_name.trim();
    take_token(client, login_name, password).await?;
    client.session.erp.set(Some(ErpSession {
        login_name: login_name.to_string(),
        password: password.to_string(),
        log: Vec::new(),
    }));
    Ok(())
}

/// The sign-in form's values, sent.
pub(super) async fn sign_in_with(client: Client, typed: &[String]) -> Result<(), ApiError> {
    sign_in(client, typed_at(typed, 0), typed_at(typed, 1)).await
}

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session
        .erp
        .with(|s| s.as_ref().map(|s| s.login_name.clone()))
}

pub(super) fn end(session: &Session) {
    session.erp.set(None);
}
