//! Unsaved changes: while any form differs from what it last loaded or
//! saved, closing the tab or following a link asks first.
//!
//! A form is dirty by comparison with its snapshot, not by keystrokes, so
//! changing a field and changing it back is not an unsaved change.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The question asked before leaving a page with unsaved changes.
pub const LEAVE_QUESTION: &str = "You have unsaved changes. Leave this page and lose them?";

/// The set of forms with unsaved changes.
#[derive(Clone, Copy)]
pub struct UnsavedChanges {
    dirty: RwSignal<Vec<u64>>,
    next_id: StoredValue<u64>,
}

impl UnsavedChanges {
    pub fn provide() -> Self {
        let unsaved = UnsavedChanges {
            dirty: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(unsaved);
        unsaved
    }

    pub fn use_unsaved() -> Self {
        expect_context::<UnsavedChanges>()
    }

    /// Whether any form has unsaved changes.
    pub fn any(&self) -> bool {
        self.dirty.with_untracked(|d| !d.is_empty())
    }

    /// Follows one form for as long as the calling component lives.
    pub fn track(&self, is_dirty: impl Fn() -> bool + Send + Sync + 'static) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let dirty = self.dirty;
        Effect::new(move |_| {
            let now_dirty = is_dirty();
            dirty.update(|ids| {
                ids.retain(|other| *other != id);
                if now_dirty {
                    ids.push(id);
                }
            });
        });
        on_cleanup(move || dirty.update(|ids| ids.retain(|other| *other != id)));
    }

    /// Asks before the tab closes or a link is followed while a form is dirty.
    /// Call once, for the lifetime of the app.
    pub fn install_guards(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let unsaved = *self;
        let before_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                if unsaved
                    .dirty
                    .try_with_untracked(|d| !d.is_empty())
                    .unwrap_or(false)
                {
                    event.prevent_default();
                    event.set_return_value(LEAVE_QUESTION);
                }
            },
        );
        let _ = window.add_event_listener_with_callback(
            "beforeunload",
            before_unload.as_ref().unchecked_ref(),
        );
        before_unload.forget();

        // Capture phase: runs before the router's own link handling.
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let is_link = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten())
                .is_some();
            let dirty = unsaved
                .dirty
                .try_with_untracked(|d| !d.is_empty())
                .unwrap_or(false);
            if is_link && dirty {
                let leave = web_sys::window()
                    .and_then(|w| w.confirm_with_message(LEAVE_QUESTION).ok())
                    .unwrap_or(true);
                if !leave {
                    event.prevent_default();
                    event.stop_immediate_propagation();
                }
            }
        });
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback_and_bool(
                "click",
                on_click.as_ref().unchecked_ref(),
                true,
            );
        }
        on_click.forget();
    }
}
