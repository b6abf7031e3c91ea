//! Loading what a page shows: a fetch that runs again when the signals it
//! reads (before its first `.await`) change and on [`Loaded::refetch`],
//! whose superseded runs are aborted by Leptos, never shown.
//!
//! This is what Leptos's `LocalResource` does, in one small type: every
//! page's answer sits behind an `Arc<dyn Any>`, so the loader is compiled
//! once, not once per page. Measured on the release build (brotli, every
//! page): five typed `LocalResource`s cost 4.3 KB more than the effects
//! they replaced; one erased `LocalResource` still 6.1 KB more than this
//! loader, as it brings Leptos's async locks and Suspense bookkeeping
//! (`docs/size-and-speed.md`).
//!
//! ## Usage
//! ```ignore
//! let account = use_loaded(move || async move { read_account(client).await });
//! view! {
//!     {move || account.with(|answer| match answer {
//!         None => view! { <Loading /> }.into_any(),
//!         Some(Err(failure)) => view! {
//!             <ErrorPanel error=failure.clone() on_retry=Callback::new(move |_| account.refetch()) />
//!         }.into_any(),
//!         Some(Ok(found)) => found.username.clone().into_any(),
//!     })}
//! }
//! ```

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use userdesk_api::ApiError;

/// Any page's answer, as the one resource type holds it.
type Answer = Result<Arc<dyn Any + Send + Sync>, ApiError>;

/// A fetch on its way.
type Fetching = Pin<Box<dyn Future<Output = Answer>>>;

/// What a page loads: nothing yet, the answer, or why it did not come.
pub struct Loaded<T> {
    answer: RwSignal<Option<Answer>>,
    again: Trigger,
    /// Whether a run is on its way (from before the first one starts).
    pending: RwSignal<bool>,
    answer_type: PhantomData<fn() -> T>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

impl<T: Send + Sync + 'static> Loaded<T> {
    /// `f` of the answer so far (tracked): `None` until the first comes.
    pub fn with<R>(&self, f: impl FnOnce(Option<Result<&T, &ApiError>>) -> R) -> R {
        self.answer.with(|answer| f(typed(answer)))
    }

    /// [`Loaded::with`], untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(Option<Result<&T, &ApiError>>) -> R) -> R {
        self.answer.with_untracked(|answer| f(typed(answer)))
    }

    /// The answer, if it came and is not a failure (tracked).
    pub fn ok(&self) -> Option<T>
    where
        T: Clone,
    {
        self.with(|answer| answer.and_then(Result::ok).cloned())
    }

    /// Why the answer did not come, if it failed (tracked).
    pub fn error(&self) -> Option<ApiError> {
        self.with(|answer| answer.and_then(Result::err).cloned())
    }

    /// Whether a fetch is on its way; the last answer stays meanwhile
    /// (tracked).
    pub fn loading(&self) -> bool {
        self.pending.get()
    }

    /// Fetches again (after a failure, or after the data changed).
    pub fn refetch(&self) {
        self.again.notify();
    }

    /// Shows `value` as the answer, without fetching (a record as saved).
    pub fn set(&self, value: T) {
        self.answer.set(Some(Ok(Arc::new(value))));
    }
}

fn typed<T: 'static>(answer: &Option<Answer>) -> Option<Result<&T, &ApiError>> {
    match answer.as_ref()? {
        Ok(value) => value.downcast_ref::<T>().map(Ok),
        Err(failure) => Some(Err(failure)),
    }
}

/// Loads with `fetch`, again whenever a signal it reads before its first
/// `.await` changes. Only the answer of the latest run is kept.
pub fn use_loaded<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Loaded<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let erased = move || -> Fetching {
        let fetching = fetch();
        Box::pin(async move { fetching.await.map(|value| Arc::new(value) as _) })
    };
    let answer = RwSignal::new(None);
    let pending = RwSignal::new(true);
    Loaded {
        answer,
        again: resource(Box::new(erased), answer, pending),
        pending,
        answer_type: PhantomData,
    }
}

/// The one loader, built in one place. Each run is a task of the
/// effect's owner, which Leptos cleans up before the next run and when the
/// page goes: a superseded answer is aborted, never shown.
fn resource(
    fetch: Box<dyn Fn() -> Fetching>,
    answer: RwSignal<Option<Answer>>,
    pending: RwSignal<bool>,
) -> Trigger {
    let again = Trigger::new();
    Effect::new(move |_| {
        again.track();
        pending.set(true);
        let fetching = fetch();
        // Only what `fetch` reads before it returns is tracked: the task
        // is spawned untracked, so nothing it reads while the request is on
        // its way (the session, the connections) starts it again.
        untrack(|| {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let got = fetching.await;
                answer.try_set(Some(got));
                pending.try_set(false);
            });
        });
    });
    again
}
