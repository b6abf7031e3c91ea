//! What a record page needs: the record named by the route's `:id`, and
//! deleting it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use userdesk_api::ApiError;

use crate::components::load::{use_loaded, Loaded};
use crate::components::status::ErrorPanel;
use crate::components::toast::{ToastKind, Toasts};

/// The record behind `:id`, or why it is missing.
pub struct RecordData<T: Send + Sync + 'static> {
    /// The record, once it has come for the id the page shows now.
    pub record: Memo<Option<T>>,
    /// Why it did not come, for that id.
    pub error: Memo<Option<ApiError>>,
    /// Each answer, with the id it answers for.
    fetched: Loaded<(Option<String>, Result<T, ApiError>)>,
    id: Memo<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for RecordData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for RecordData<T> {}

impl<T: Clone + Send + Sync + 'static> RecordData<T> {
    /// Reads the record again (after a failure).
    pub fn retry(&self) {
        self.fetched.refetch();
    }

    /// Shows `saved`, the server's copy after a save, without reading it
    /// again.
    pub fn saved(&self, saved: T) {
        self.fetched.set((self.id.get_untracked(), Ok(saved)));
    }
}

/// Loads the record for the route's `:id` (or for `fixed`, on a page
/// that always shows the same record) with `load`, again on retry. An
/// answer for an id the page no longer shows is never shown.
pub fn use_record<T, F, Fut>(fixed: Option<&'static str>, load: F) -> RecordData<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Fn(String) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let params = use_params_map();
    // Ids are text: the Profiles API's are not numbers, and the Admin API
    // also reads some records by a unique name (`/role/{name}`).
    let id = Memo::new(move |_| {
        if let Some(fixed) = fixed {
            return Some(fixed.to_string());
        }
        params.with(|p| {
            p.get("id")
                .map(|text| text.trim().to_string())
                .filter(|text| !text.is_empty())
        })
    });
    let fetched = use_loaded(move || {
        let wanted = id.get();
        let request = wanted.clone().map(&load);
        async move {
            let answer = match request {
                Some(request) => request.await,
                None => Err(ApiError::NotFound("the address has no valid id".into())),
            };
            Ok((wanted, answer))
        }
    });
    let record = Memo::new(move |_| {
        let shown = id.get();
        fetched.with(|fetched| match fetched {
            Some(Ok((for_id, Ok(found)))) if *for_id == shown => Some(found.clone()),
            _ => None,
        })
    });
    let error = Memo::new(move |_| {
        let shown = id.get();
        fetched.with(|fetched| match fetched {
            Some(Ok((for_id, Err(failure)))) if *for_id == shown => Some(failure.clone()),
            _ => None,
        })
    });
    RecordData {
        record,
        error,
        fetched,
        id,
    }
}

/// Deleting a record page's record: one request at a time, a toast either
/// way, and back to its list on success.
#[derive(Clone, Copy)]
pub struct RecordDelete {
    /// True while the delete request is in flight.
    pub deleting: RwSignal<bool>,
    /// Why the last delete failed, until the next attempt.
    pub failure: RwSignal<Option<ApiError>>,
    toasts: Toasts,
    back_to_list: Callback<()>,
}

/// Prepares deletes that return to `list_path` when they succeed.
pub fn use_delete(list_path: String) -> RecordDelete {
    let navigate = use_navigate();
    RecordDelete {
        deleting: RwSignal::new(false),
        failure: RwSignal::new(None),
        toasts: Toasts::use_toasts(),
        back_to_list: Callback::new(move |()| navigate(&list_path, Default::default())),
    }
}

impl RecordDelete {
    /// Awaits `delete` (the request, sent); on success runs `after`, shows
    /// `done` and returns to the list. A second call while one is in flight
    /// does nothing.
    pub fn run<F>(&self, delete: F, done: String, after: impl FnOnce() + 'static)
    where
        F: Future<Output = Result<(), ApiError>> + 'static,
    {
        if self.deleting.get_untracked() {
            return;
        }
        self.deleting.set(true);
        self.failure.set(None);
        let this = *self;
        spawn_local(async move {
            let result = delete.await;
            this.deleting.set(false);
            match result {
                Ok(()) => {
                    after();
                    this.toasts.show(ToastKind::Success, done);
                    // The page may have gone meanwhile; then there is nowhere to leave from.
                    let _ = this.back_to_list.try_run(());
                }
                // Shown on the page (DeleteFailure), with a retry where it helps.
                Err(failure) => {
                    this.failure.try_set(Some(failure));
                }
            }
        });
    }
}

/// Why a delete failed, with a retry when one makes sense.
#[component]
pub fn DeleteFailure(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let error = match error {
        ApiError::NotFound(_) => {
            ApiError::NotFound("it no longer exists; someone may have deleted it already".into())
        }
        other => other,
    };
    view! {
        <div class="delete-failure">
            <p class="delete-failure__title">"Could not delete."</p>
            <ErrorPanel error=error on_retry=on_retry />
        </div>
    }
}
