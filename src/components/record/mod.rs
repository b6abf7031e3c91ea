//! What a record page needs: the record named by the route's `:id`, and
//! deleting it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use userdesk_api::ApiError;

use crate::components::status::ErrorPanel;
use crate::components::toast::{ToastKind, Toasts};

/// The record behind `:id`, or why it is missing.
pub struct RecordData<T: Send + Sync + 'static> {
    pub record: RwSignal<Option<T>>,
    pub error: RwSignal<Option<ApiError>>,
    pub reload: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for RecordData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for RecordData<T> {}

/// Loads the record for the route's `:id` (or for `fixed`, on a page
/// that always shows the same record) with `load`, again on retry.
pub fn use_record<T, F, Fut>(fixed: Option<&'static str>, load: F) -> RecordData<T>
where
    T: Send + Sync + 'static,
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
    let data = RecordData {
        record: RwSignal::new(None),
        error: RwSignal::new(None),
        reload: RwSignal::new(0),
    };
    Effect::new(move |_| {
        data.reload.track();
        data.error.set(None);
        data.record.set(None);
        let Some(wanted) = id.get() else {
            data.error.set(Some(ApiError::NotFound(
                "the address has no valid id".into(),
            )));
            return;
        };
        let request = load(wanted);
        spawn_local(async move {
            match request.await {
                Ok(found) => data.record.set(Some(found)),
                Err(failure) => data.error.set(Some(failure)),
            }
        });
    });
    data
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
