//! A record page: loading the record named by the route's `:id`, and deleting it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use serde::de::DeserializeOwned;
use serde::Serialize;
use userdesk_api::admin::decode_deleted;
use userdesk_api::admin::resource::Resource;
use userdesk_api::ApiError;

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::status::{ErrorPanel, GoneRecord, ListLink, Loading};
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

impl<T: Send + Sync + 'static> RecordData<T> {
    /// One detail of the loaded record, for its meta list.
    pub fn field(self, pick: fn(&T) -> String) -> impl Fn() -> Option<String> + Copy {
        move || self.record.with(|r| r.as_ref().map(pick))
    }
}

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

/// What a record page shows around its form.
pub struct RecordPageSpec<T: 'static> {
    /// The list this record belongs to.
    pub list: ListLink,
    /// The record kind in sentences, e.g. `"user"`.
    pub noun: &'static str,
    pub id_of: fn(&T) -> i64,
    pub title_of: fn(&T) -> String,
    /// The toast after a delete, e.g. "User user10 deleted."
    pub deleted_message: fn(&T) -> String,
    /// The collection it is deleted from.
    pub resource: Resource,
    /// What deleting it means, for the confirmation.
    pub delete_warning: Callback<T, String>,
}

/// The page around a loaded record: breadcrumbs, loading and failure
/// states, the title with a confirmed delete, and `children` (meta and
/// form) once the record has loaded.
#[component]
pub fn RecordPage<T: Clone + Send + Sync + 'static>(
    spec: RecordPageSpec<T>,
    data: RecordData<T>,
    children: ChildrenFn,
) -> impl IntoView {
    let RecordPageSpec {
        list,
        noun,
        id_of,
        title_of,
        deleted_message,
        resource,
        delete_warning,
    } = spec;
    let loaded_id = Memo::new(move |_| data.record.with(|r| r.as_ref().map(id_of)));
    let title = move || {
        data.record
            .with(|r| r.as_ref().map(title_of).unwrap_or_default())
    };
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete(list.href.clone());
    let client = Client::use_client();
    let deleting = remove.deleting;
    let delete = move |_: ()| {
        let Some(id) = loaded_id.get_untracked() else {
            return;
        };
        let Some(done) = data
            .record
            .with_untracked(|r| r.as_ref().map(deleted_message))
        else {
            return;
        };
        remove.run(
            async move {
                client
                    .admin(|config, token| resource.delete_request(config, token, id))
                    .await
                    .and_then(|response| decode_deleted(&response))
            },
            done,
            || (),
        );
    };
    let warning = Signal::derive(move || {
        data.record
            .with(|r| r.clone())
            .and_then(|record| delete_warning.try_run(record))
            .unwrap_or_default()
    });
    let children = StoredValue::new(children);
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href=list.href.clone()>{list.label}</A> " / " {title}</p>
            {move || data.error.get().map(|failure| match failure {
                ApiError::NotFound(_) => view! { <GoneRecord noun=noun list=list.clone() /> }.into_any(),
                failure => view! {
                    <ErrorPanel error=failure on_retry=Callback::new(move |_| data.reload.update(|n| *n += 1)) />
                }.into_any(),
            })}
            {move || remove.failure.get().map(|failure| view! {
                <DeleteFailure error=failure on_retry=Callback::new(move |_| delete(())) />
            })}
            <Show when=move || data.record.with(Option::is_none) && data.error.with(Option::is_none)>
                <Loading label=format!("Loading {noun}…") />
            </Show>
            {move || loaded_id.get().map(|_| view! {
                <div class="page__header">
                    <h1 class="page__title">{title}</h1>
                    <button class="button button--danger" type="button" prop:disabled=move || deleting.get()
                        on:click=move |_| confirm_delete.set(true)>
                        {format!("Delete {noun}")}
                    </button>
                </div>
                {children.with_value(|children| children())}
            })}
            <ConfirmDialog
                open=confirm_delete
                title=format!("Delete this {noun}?")
                message=warning
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=delete
            />
        </section>
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

/// Loads the route's record from an Admin API collection.
pub fn use_resource_record<T>(resource: Resource) -> RecordData<T>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let client = Client::use_client();
    use_record(move |id| async move {
        client
            .admin(|config, token| resource.get_request(config, token, id))
            .await
            .and_then(|response| resource.decode_record::<T>(&response))
    })
}

/// Creates a record of `resource` (no id) or updates one (an id).
pub async fn save_record<T, F>(
    client: Client,
    resource: Resource,
    id: Option<i64>,
    fields: F,
) -> Result<T, ApiError>
where
    T: DeserializeOwned,
    F: Serialize,
{
    client
        .admin(|config, token| match id {
            Some(id) => resource.update_request(config, token, id, &fields),
            None => resource.create_request(config, token, &fields),
        })
        .await
        .and_then(|response| resource.decode_record::<T>(&response))
}

/// After a create: a toast saying `message(record)`, then the record's page
/// under `base_path`.
pub fn use_on_created<T: Send + Sync + 'static>(
    base_path: &'static str,
    id_of: fn(&T) -> i64,
    message: fn(&T) -> String,
) -> Callback<T> {
    let navigate = use_navigate();
    let toasts = Toasts::use_toasts();
    Callback::new(move |saved: T| {
        toasts.show(ToastKind::Success, message(&saved));
        navigate(
            &format!("{base_path}/{}", id_of(&saved)),
            Default::default(),
        );
    })
}

/// After an update: a toast saying `message(record)`, and the page shows it.
pub fn use_on_updated<T: Send + Sync + 'static>(
    data: RecordData<T>,
    message: fn(&T) -> String,
) -> Callback<T> {
    let toasts = Toasts::use_toasts();
    Callback::new(move |saved: T| {
        toasts.show(ToastKind::Success, message(&saved));
        data.record.set(Some(saved));
    })
}

/// The page around a create form.
#[component]
pub fn NewRecordPage(
    /// The list it belongs to.
    list: ListLink,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="page page--narrow">
            <p class="breadcrumbs"><A href=list.href>{list.label}</A> " / New"</p>
            <h1 class="page__title">{title}</h1>
            {children()}
        </section>
    }
}
