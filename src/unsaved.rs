//! Unsaved changes: while any form differs from what it last loaded or
//! saved, following a link or signing out asks first, in the app's own
//! dialog ([`LeaveDialog`] in the shell); closing the tab asks through the
//! browser, the only one allowed to then.
//!
//! A form is dirty by comparison with its snapshot, not by keystrokes, so
//! changing a field and changing it back is not an unsaved change.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use userdesk_api::resource::Api;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::dialog::{ConfirmDialog, Tone};

/// The question asked before leaving a page with unsaved changes.
pub const LEAVE_QUESTION: &str = "You have unsaved changes. Leave this page and lose them?";

/// Where the user wanted to go when the question was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// A path in the console (a link).
    To(String),
    /// Signing out of an API.
    SignOut(Api),
}

/// The set of forms with unsaved changes.
#[derive(Clone, Copy)]
pub struct UnsavedChanges {
    dirty: RwSignal<Vec<u64>>,
    next_id: StoredValue<u64>,
    /// Whether the question is open, and what answering "Leave" does.
    asking: RwSignal<bool>,
    leave: StoredValue<Option<Leave>>,
}

impl UnsavedChanges {
    pub fn provide() -> Self {
        let unsaved = UnsavedChanges {
            dirty: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            asking: RwSignal::new(false),
            leave: StoredValue::new(None),
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

    /// Asks before `leave` when a form has unsaved changes; `true` when it
    /// asked (the caller then does nothing more).
    pub fn ask_before(&self, leave: Leave) -> bool {
        if !self.any() {
            return false;
        }
        self.leave.set_value(Some(leave));
        self.asking.set(true);
        true
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

        // Capture phase: runs before the router's own link handling. A
        // link opened elsewhere (a modifier key) leaves nothing behind.
        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
                if event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
                    return;
                }
                let href = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|element| element.closest("a[href]").ok().flatten())
                    .and_then(|link| link.get_attribute("href"))
                    .filter(|href| href.starts_with('/') && !href.starts_with("//"));
                if let Some(href) = href {
                    if unsaved.ask_before(Leave::To(href)) {
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

/// The question before leaving unsaved changes, in the app's own dialog.
/// `sign_out` signs out of an API when that was the way out.
#[component]
pub fn LeaveDialog(#[prop(into)] sign_out: Callback<Api>) -> impl IntoView {
    let unsaved = UnsavedChanges::use_unsaved();
    let navigate = use_navigate();
    let on_leave = Callback::new(move |_: ()| match unsaved.leave.get_value() {
        Some(Leave::To(href)) => navigate(&href, Default::default()),
        Some(Leave::SignOut(api)) => sign_out.run(api),
        None => {}
    });
    view! {
        <ConfirmDialog
            open=unsaved.asking
            title="Leave without saving?"
            message=LEAVE_QUESTION.to_string()
            confirm_label="Leave"
            tone=Tone::Danger
            on_confirm=on_leave
        />
    }
}
