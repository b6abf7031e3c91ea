//! `/websupport/account`: the signed-in customer's own place. Their user
//! (`self`), with its edits, and their billing and domain profiles, each
//! editable from there.

use leptos::prelude::*;
use userdesk_api::websupport::users::USERS;

use crate::pages::resource::ResourceEdit;

/// The id Websupport reads as the signed-in user.
pub const SELF: &str = "self";

#[component]
pub fn WebsupportAccountPage() -> impl IntoView {
    view! { <ResourceEdit resource=&USERS id=SELF /> }
}
