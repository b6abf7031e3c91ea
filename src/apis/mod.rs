//! Each API's home in the console: one module per API holds its auth
//! provider (its sign-in form as data, how it signs in, what a 401 means,
//! who is signed in, how signing out ends it) and its data provider (how an
//! operation on a described resource is sent and read). Where a page lives
//! and how the header names it sit there too. This file is the one place
//! that picks by API, with a plain `match` (a table of function pointers
//! was measured: 210 B more of the first load, as nothing inlines
//! through it).
//!
//! ## Usage
//! ```no_run
//! use userdesk::apis::{area, start_page};
//! use userdesk_api::resource::Api;
//! assert_eq!(area(Api::Profiles), "/profiles");
//! assert_eq!(start_page(Api::Admin), "/admin/roles");
//! ```

pub mod admin;
pub mod erp;
pub mod profiles;
pub mod websupport;

use serde_json::Value;
use userdesk_api::list::{ListPage, ListQuery};
use userdesk_api::resource::{Answer, Api, Description, Operation};
use userdesk_api::{ApiError, FieldErrors};

use crate::client::Client;
use crate::session::Session;
use crate::settings::{Connections, Target};

/// One API's place in the console.
pub struct Home {
    /// Its name on the start page and in titles, e.g. `Profiles API`.
    pub name: &'static str,
    /// Its name in the header's session badge, e.g. `ERP`.
    pub short: &'static str,
    /// Its name inside a sentence, e.g. "Sign out of the ERP".
    pub called: &'static str,
    /// The path prefix of its pages, e.g. `/admin`.
    pub area: &'static str,
    /// Where a sign-in leads when `next` is absent, unsafe or a sign-in page.
    pub start: &'static str,
}

/// The row of `api`.
pub const fn home(api: Api) -> &'static Home {
    match api {
        Api::Admin => &admin::HOME,
        Api::Websupport => &websupport::HOME,
        Api::Profiles => &profiles::HOME,
        Api::Erp => &erp::HOME,
    }
}

/// The console's path of an API's area, e.g. `/admin`.
pub const fn area(api: Api) -> &'static str {
    home(api).area
}

/// The page a sign-in to `api` leads to by default.
pub const fn start_page(api: Api) -> &'static str {
    home(api).start
}

/// Who is signed in to `api`, as the header names them (tracked);
/// `Some("")` for a session that names nobody (a Profiles token).
pub fn signed_in_as(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::signed_in_as(session),
        Api::Websupport => websupport::signed_in_as(session),
        Api::Profiles => profiles::signed_in_as(session),
        Api::Erp => erp::signed_in_as(session),
    }
}

/// The signed-in account's id, where the API names one (untracked).
pub fn account(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::account(session),
        Api::Websupport | Api::Profiles | Api::Erp => None,
    }
}

/// The short-lived session token, where there is one (tracked), for
/// people reproducing a call with curl.
pub fn token(api: Api, session: &Session) -> Option<String> {
    match api {
        Api::Admin => admin::token(session),
        Api::Profiles => profiles::token(session),
        Api::Websupport | Api::Erp => None,
    }
}

/// Ends `api`'s session: its credentials leave memory, session storage
/// and Demo.
pub fn end(api: Api, session: &Session) {
    match api {
        Api::Admin => admin::end(session),
        Api::Websupport => websupport::end(session),
        Api::Profiles => profiles::end(session),
        Api::Erp => erp::end(session),
    }
}

/// Where `api`'s requests go.
pub fn target(api: Api, connections: &Connections) -> &Target {
    match api {
        Api::Admin => &connections.admin.target,
        Api::Websupport => &connections.websupport.target,
        Api::Profiles => &connections.profiles.target,
        Api::Erp => &connections.erp.target,
    }
}

/// One API's sign-in form, as data: `pages::sign_in` draws it as a page
/// and, where the API asks again in place, as a dialog.
pub struct SignIn {
    /// The page's heading, e.g. "Sign in to the Admin API".
    pub title: &'static str,
    /// What it asks for, in order; the typed values reach [`sign_in`] so.
    pub fields: &'static [Credential],
    /// The button's label while the check is on its way.
    pub busy: &'static str,
    /// The link to the start page offered to someone already signed in.
    pub go_on: &'static str,
    /// What Demo mode accepts.
    pub demo: &'static [DemoLogin],
    /// Links under the form: a question, the link's text and its address.
    pub more: &'static [(&'static str, &'static str, &'static str)],
    /// Checks the typed values before anything is sent.
    pub check: fn(&[String]) -> Result<(), FieldErrors>,
    /// How the API asks again in place after a 401, if it does.
    pub again: Option<SignInAgain>,
}

/// One value a sign-in asks for.
pub struct Credential {
    pub label: &'static str,
    /// The field's name, and the key of its errors.
    pub name: &'static str,
    /// Typed hidden, and cleared after the sign-in.
    pub secret: bool,
    pub autocomplete: &'static str,
    pub hint: Option<&'static str>,
    /// Known when asking again: the signed-in name, not asked for.
    pub known: bool,
}

/// Credentials Demo mode accepts, and who they are if it matters.
pub struct DemoLogin {
    pub values: &'static [&'static str],
    pub who: Option<&'static str>,
}

/// The dialog that asks again after a 401, over the page and its input.
pub struct SignInAgain {
    /// The prefix of its fields' ids, apart from the page's form.
    pub scope: &'static str,
    /// The id of its heading.
    pub title_id: &'static str,
    /// Its heading when the session ended.
    pub title: &'static str,
    /// Its heading when the user renews before the end.
    pub renewing_title: &'static str,
    /// What it asks for, before "for <name>" where there is a name.
    pub ask: &'static str,
    pub submit: &'static str,
}

/// The `index`th typed value of a sign-in form, empty when missing.
fn typed_at(typed: &[String], index: usize) -> &str {
    typed.get(index).map_or("", String::as_str)
}

/// The sign-in form of `api`.
pub const fn sign_in_form(api: Api) -> &'static SignIn {
    match api {
        Api::Admin => &admin::SIGN_IN,
        Api::Websupport => &websupport::SIGN_IN,
        Api::Profiles => &profiles::SIGN_IN,
        Api::Erp => &erp::SIGN_IN,
    }
}

/// Signs in to `api` with the values typed into its [`SignIn`] form and
/// starts its session; a documented refusal is [`ApiError::Refused`],
/// worded for the user.
pub async fn sign_in(api: Api, client: Client, typed: Vec<String>) -> Result<(), ApiError> {
    match api {
        Api::Admin => admin::sign_in_with(client, &typed).await,
        Api::Websupport => websupport::sign_in_with(client, &typed).await,
        Api::Profiles => profiles::sign_in_with(client, &typed).await,
        Api::Erp => erp::sign_in_with(client, &typed).await,
    }
}

/// One operation on a described resource, in its API's dialect, with its
/// API's authentication and retries; `parent` is the record it lives
/// under, if any (a profile's contacts).
pub async fn call(
    client: Client,
    resource: &Description,
    parent: Option<&str>,
    operation: &Operation<'_>,
) -> Result<Answer, ApiError> {
    match resource.api {
        Api::Admin => admin::call(client, resource, operation).await,
        Api::Websupport => websupport::call(client, resource, parent, operation).await,
        Api::Profiles => profiles::call(client, resource, parent, operation).await,
        // No description names the ERP: its one operation, a removal, has
        // its own page. Reaching this is a programming error, answered as
        // the "not supported here" refusal it is.
        Api::Erp => Err(ApiError::MethodNotAllowed(
            "the ERP has no described resources".into(),
        )),
    }
}

/// What every page asks of the client about the APIs, answered here so
/// that `client.rs` knows no API.
impl Client {
    /// One operation on a described resource, in its API's dialect and
    /// with its API's authentication and retries (see this module).
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
        call(*self, resource, None, operation).await
    }

    /// [`Client::call`] on a resource that lives under a record of another
    /// (a profile's contacts): `parent` is that record's id.
    pub async fn call_under(
        &self,
        resource: &Description,
        parent: Option<&str>,
        operation: &Operation<'_>,
    ) -> Result<Answer, ApiError> {
        call(*self, resource, parent, operation).await
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
        account(api, &self.session)
    }

    /// Signs out of `api`: forgets its credentials everywhere (memory,
    /// session storage, Demo's tokens) and every cached record.
    pub fn sign_out(&self, api: Api) {
        end(api, &self.session);
        self.cache.clear();
    }

    /// Who is signed in to `api`, as the header names them; `Some("")`
    /// for the Profiles API, whose token names nobody.
    pub fn signed_in_as(&self, api: Api) -> Option<String> {
        signed_in_as(api, &self.session)
    }

    /// The short-lived session token of `api`, where it has one (Admin,
    /// Profiles), for people reproducing a call with curl.
    pub fn session_token(&self, api: Api) -> Option<String> {
        token(api, &self.session)
    }

    /// Whether some session is open with `api`.
    pub fn signed_in(&self, api: Api) -> bool {
        self.signed_in_as(api).is_some()
    }
}
