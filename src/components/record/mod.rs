//! A record page: loading the record named by the route's `:id`, and deleting it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use userdesk_api::admin::{decode_deleted, AdminConfig};
use userdesk_api::{ApiError, HttpRequest};

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::status::{ErrorPanel, Loading};
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
    client: Client,
    toasts: Toasts,
    back_to_list: Callback<()>,
}

/// Prepares deletes that return to `list_path` when they succeed.
pub fn use_delete(list_path: &'static str) -> RecordDelete {
    let navigate = use_navigate();
    RecordDelete {
        deleting: RwSignal::new(false),
        client: Client::use_client(),
        toasts: Toasts::use_toasts(),
        back_to_list: Callback::new(move |()| navigate(list_path, Default::default())),
    }
}

impl RecordDelete {
    /// Sends the delete `build` makes; on success runs `after`, shows `done`
    /// and returns to the list. A second call while one is in flight does nothing.
    pub fn run<F>(&self, build: F, done: String, after: impl FnOnce() + 'static)
    where
        F: Fn(&AdminConfig, &str) -> HttpRequest + 'static,
    {
        if self.deleting.get_untracked() {
            return;
        }
        self.deleting.set(true);
        let this = *self;
        spawn_local(async move {
            let result = this
                .client
                .admin(build)
                .await
                .and_then(|response| decode_deleted(&response));
            this.deleting.set(false);
            match result {
                Ok(()) => {
                    after();
                    this.toasts.show(ToastKind::Success, done);
                    // The page may have gone meanwhile; then there is nowhere to leave from.
                    let _ = this.back_to_list.try_run(());
                }
                Err(failure) => this.toasts.show(
                    ToastKind::Error,
                    format!("Could not delete: {}", failure.message()),
                ),
            }
        });
    }
}

/// What a record page shows around its form.
pub struct RecordPageSpec<T: 'static> {
    /// The list this record belongs to, e.g. `("/admin/users", "Users")`.
    pub list: (&'static str, &'static str),
    /// The record kind in sentences, e.g. `"user"`.
    pub noun: &'static str,
    pub id_of: fn(&T) -> i64,
    pub title_of: fn(&T) -> String,
    pub delete_request: fn(&AdminConfig, &str, i64) -> HttpRequest,
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
        list: (list_href, list_label),
        noun,
        id_of,
        title_of,
        delete_request,
        delete_warning,
    } = spec;
    let loaded_id = Memo::new(move |_| data.record.with(|r| r.as_ref().map(id_of)));
    let title = move || {
        data.record
            .with(|r| r.as_ref().map(title_of).unwrap_or_default())
    };
    let confirm_delete = RwSignal::new(false);
    let remove = use_delete(list_href);
    let deleting = remove.deleting;
    let delete = move |_| {
        let Some(id) = loaded_id.get_untracked() else {
            return;
        };
        let done = format!("{} {} deleted.", capitalized(noun), title());
        remove.run(
            move |config, token| delete_request(config, token, id),
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
            <p class="breadcrumbs"><A href=list_href>{list_label}</A> " / " {title}</p>
            {move || data.error.get().map(|failure| view! {
                <ErrorPanel error=failure on_retry=Callback::new(move |_| data.reload.update(|n| *n += 1)) />
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

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
