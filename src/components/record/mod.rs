//! Loading one record named by the route's `:id`.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use userdesk_api::ApiError;

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

/// Loads the record for the route's `:id` with `load`, again on retry.
pub fn use_record<T, F, Fut>(load: F) -> RecordData<T>
where
    T: Send + Sync + 'static,
    F: Fn(i64) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|text| text.parse::<i64>().ok())));
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
