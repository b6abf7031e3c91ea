//! The Profiles API in the console: its sign-in (a pasted bearer token,
//! checked with `GET /profiles?limit=1`), its session (the token, kept in
//! memory and this tab's session storage; it names nobody), and what a 401
//! means: the token is no longer taken, so a new one is asked for in place
//! and the call is sent once more.

use leptos::prelude::*;
use userdesk_api::list::ListQuery;
use userdesk_api::profiles::dialect::{ProfilesCall, PROFILES_API};
use userdesk_api::profiles::profile::PROFILES;
use userdesk_api::profiles::{check_token, ProfilesConfig};
use userdesk_api::resource::{Answer, Api, Description, Dialect, Operation};
use userdesk_api::{ApiError, FieldErrors, HttpRequest, HttpResponse};

use super::{typed_at, Credential, DemoLogin, Home, SignIn, SignInAgain};
use crate::client::Client;
use crate::session::Session;
use crate::transport;

pub const HOME: Home = Home {
    name: "Profiles API",
    short: "Profiles",
    called: "the Profiles API",
    area: "/profiles",
    start: "/profiles/profiles",
};

pub const SIGN_IN: SignIn = SignIn {
    title: "Sign in to the Profiles API",
    fields: &[Credential {
        label: "Bearer token",
        name: "token",
        secret: true,
        autocomplete: "off",
        hint: Some(
            "Sent as Authorization: Bearer <token>. It lives in this tab until you sign out.",
        ),
        known: false,
    }],
    busy: "Checking…",
    go_on: "Go to profiles",
    demo: &[DemoLogin {
        values: &["demo-profiles-token"],
        who: None,
    }],
    more: &[],
    check: |typed| {
        let mut errors = FieldErrors::new();
        check_token(&mut errors, typed_at(typed, 0));
        errors.into_result(())
    },
    again: Some(SignInAgain {
        scope: "profiles-token",
        title_id: "profiles-token-title",
        title: "The Profiles API refused the token",
        renewing_title: "The Profiles API refused the token",
        ask: "Enter a valid token",
        submit: "Use this token and continue",
    }),
};

/// Checks a pasted token with `GET /profiles?limit=1` and, if the API
/// takes it, starts the session. A refused token reads as what to check.
pub async fn sign_in(client: Client, token: &str) -> Result<(), ApiError> {
    let connection = client.connections.get_untracked().profiles;
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
        transport::send(Api::Profiles, &connection.target, request, client.activity).await?;
    // The dialect reads any refusal (401 included) into its error.
    PROFILES_API
        .decode(&PROFILES, &operation, &response)
        .map_err(|error| match error {
            ApiError::Unauthorized(_) | ApiError::Forbidden(_) => ApiError::Refused(
                "The Profiles API refused this token. Check that it is whole and still valid."
                    .into(),
            ),
            other => other,
        })?;
    client.session.begin_profiles(config.token);
    Ok(())
}

/// Sends a Profiles API call with the session's token.
///
/// - On 429 it waits for `Retry-After` and sends the call once more.
/// - On 401 it asks for a new token and, if one is given, sends the call
///   once more, so the page and its input survive.
pub async fn send<F>(client: Client, build: F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&ProfilesConfig) -> HttpRequest,
{
    let mut response = once(client, &build).await?;
    if client.waited_out(&response).await {
        response = once(client, &build).await?;
    }
    if response.status != 401 || client.session.profiles.with_untracked(Option::is_none) {
        return Ok(response);
    }
    if client.session.wait_for_sign_in(Api::Profiles).await {
        once(client, &build).await
    } else {
        Ok(response)
    }
}

async fn once<F>(client: Client, build: &F) -> Result<HttpResponse, ApiError>
where
    F: Fn(&ProfilesConfig) -> HttpRequest,
{
    let connection = client.connections.get_untracked().profiles;
    let config = ProfilesConfig {
        base_url: connection.target.base_url(),
        token: client.session.profiles.get_untracked().unwrap_or_default(),
    };
    transport::send(
        Api::Profiles,
        &connection.target,
        build(&config),
        client.activity,
    )
    .await
}

/// One operation on a described Profiles resource; `parent` is the
/// profile a contact belongs to.
pub(super) async fn call(
    client: Client,
    resource: &Description,
    parent: Option<&str>,
    operation: &Operation<'_>,
) -> Result<Answer, ApiError> {
    let response = send(client, |config| {
        let call = ProfilesCall {
            config,
            parent_id: parent,
        };
        PROFILES_API.request(&call, resource, operation)
    })
    .await?;
    PROFILES_API.decode(resource, operation, &response)
}

/// The sign-in form's values, sent.
pub(super) async fn sign_in_with(client: Client, typed: &[String]) -> Result<(), ApiError> {
    sign_in(client, typed_at(typed, 0)).await
}

pub(super) fn signed_in_as(session: &Session) -> Option<String> {
    session.profiles.with(|s| s.as_ref().map(|_| String::new()))
}

pub(super) fn token(session: &Session) -> Option<String> {
    session.profiles.get()
}

pub(super) fn end(session: &Session) {
    session.end_profiles();
}
