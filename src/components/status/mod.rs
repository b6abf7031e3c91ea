//! Loading, failure and empty states.

use leptos::prelude::*;
use userdesk_api::ApiError;

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

/// A failure with what happened and a way to try again.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__message">{error.message()}</p>
            {on_retry.map(|retry| view! {
                <button class="button" type="button" on:click=move |_| retry.run(())>"Try again"</button>
            })}
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
