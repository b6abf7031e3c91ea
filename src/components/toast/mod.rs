//! Short-lived result messages in a polite live region.

use std::time::Duration;

use leptos::prelude::*;

/// What kind of result a toast reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Clone, Debug)]
struct Toast {
    id: u64,
    kind: ToastKind,
    text: String,
}

/// The toast queue, provided as context.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

const VISIBLE_FOR: Duration = Duration::from_secs(6);
/// At most this many toasts show at once; a new one pushes out the oldest.
pub const MOST_AT_ONCE: usize = 3;

impl Toasts {
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            items: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    pub fn use_toasts() -> Toasts {
        expect_context::<Toasts>()
    }

    /// [`Toasts::show`] from async work that may outlive the app's owner;
    /// `None` when the toasts are gone.
    pub fn try_show(&self, kind: ToastKind, text: impl Into<String>) -> Option<()> {
        self.items.try_with_untracked(|_| ())?;
        self.show(kind, text);
        Some(())
    }

    /// Shows a message for a few seconds, newest on top; the oldest goes
    /// when more than [`MOST_AT_ONCE`] would show.
    pub fn show(&self, kind: ToastKind, text: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| {
            items.insert(
                0,
                Toast {
                    id,
                    kind,
                    text: text.into(),
                },
            );
            items.truncate(MOST_AT_ONCE);
        });
        let items = self.items;
        set_timeout(
            move || items.update(|items| items.retain(|t| t.id != id)),
            VISIBLE_FOR,
        );
    }

    fn dismiss(&self, id: u64) {
        self.items.update(|items| items.retain(|t| t.id != id));
    }
}

/// Renders the queue.
#[component]
pub fn Toaster() -> impl IntoView {
    let toasts = Toasts::use_toasts();
    view! {
        <div class="toaster" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|toast| toast.id let:toast>
                <div class=match toast.kind {
                    ToastKind::Success => "toast toast--success",
                    ToastKind::Error => "toast toast--error",
                }>
                    <span class="toast__text">{toast.text.clone()}</span>
                    <button class="toast__close" type="button" aria-label="Dismiss" on:click=move |_| toasts.dismiss(toast.id)>
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
