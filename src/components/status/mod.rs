//! Loading, failure and empty states.

use leptos::prelude::*;
use leptos_router::components::A;
use userdesk_api::ApiError;

/// A link to a list: its address and its name, e.g. `/admin/users`, "Users".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListLink {
    pub href: String,
    pub label: String,
}

impl ListLink {
    pub fn new(href: impl Into<String>, label: impl Into<String>) -> Self {
        ListLink {
            href: href.into(),
            label: label.into(),
        }
    }
}

/// A spinner with a label for screen readers.
#[component]
pub fn Loading(#[prop(into, default = "Loading…".into())] label: String) -> impl IntoView {
    view! {
        <div class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            <span class="loading__label">{label}</span>
        </div>
    }
}

/// A failure with what happened and what can be done about it:
/// - "Try again" only when sending the same request again may succeed;
/// - a bad application key points to Connections;
/// - a create whose answer was lost (`created_in` names its list) offers
///   the list instead of a blind retry that could create a duplicate.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
    /// Set for a create: the list it adds to.
    #[prop(default = None)]
    created_in: Option<ListLink>,
) -> impl IntoView {
    let ambiguous = created_in.filter(|_| error.may_have_applied());
    let retry = on_retry.filter(|_| error.is_retryable() && ambiguous.is_none());
    let bad_key = matches!(error, ApiError::BadAppKey(_));
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__message">{error.message()}</p>
            {bad_key.then(|| view! {
                <A href="/settings" attr:class="button">"Open Connections"</A>
            })}
            {ambiguous.map(|ListLink { href, label }| view! {
                <p class="error-panel__message">
                    "The record may have been created anyway. Check the list before trying again, so it is not created twice."
                </p>
                <A href=href attr:class="button">{format!("Open {label}")}</A>
            })}
            {retry.map(|retry| view! {
                <button class="button" type="button" on:click=move |_| retry.run(())>"Try again"</button>
            })}
        </div>
    }
}

/// A record page whose record does not exist (any more): no useless retry.
#[component]
pub fn GoneRecord(noun: &'static str, list: ListLink) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__message">
                {format!("This {noun} no longer exists. It may have been deleted, or the address is wrong.")}
            </p>
            <A href=list.href attr:class="button">{format!("Back to {}", list.label)}</A>
        </div>
    }
}

/// Shown when a list has nothing to show.
#[component]
pub fn EmptyState(message: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state__message">{message}</p>
            {children()}
        </div>
    }
}
