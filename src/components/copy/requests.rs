//! The requests a page has made, each with "Copy as curl", for people who
//! must reproduce a problem with their API team. Secrets are already
//! variables in the commands (`userdesk_api::curl`).

use leptos::prelude::*;

use super::CopyButton;
use crate::client::Client;

/// A disclosure listing the requests sent since this component mounted.
///
/// ## Usage
/// ```ignore
/// view! { <RequestsMade /> }
/// ```
#[component]
pub fn RequestsMade() -> impl IntoView {
    let activity = Client::use_client().activity;
    let since = activity.sent.get_untracked();
    let made = Memo::new(move |_| {
        activity.recent.track();
        activity.since(since)
    });
    view! {
        <details class="requests">
            <summary>{move || format!("Requests this page made ({})", made.with(Vec::len))}</summary>
            <p class="requests__note">
                "Secrets are shell variables: set " <code>"$BASE_URL"</code> ", " <code>"$APP_KEY"</code> ", "
                <code>"$TOKEN"</code> " (or " <code>"$API_KEY"</code> " and " <code>"$SIGNATURE"</code> ") first."
            </p>
            <ol class="requests__list">
                <For each=move || made.get() key=|sent| sent.number let:sent>
                    <li class="requests__item">
                        <code>{sent.summary.clone()}</code>
                        " → "
                        {sent.status.map_or_else(|| "no answer".to_string(), |status| status.to_string())}
                        " "
                        <CopyButton text=Signal::stored(sent.curl) what=format!("{} request as curl", sent.summary) label="Copy as curl" />
                    </li>
                </For>
            </ol>
        </details>
    }
}
