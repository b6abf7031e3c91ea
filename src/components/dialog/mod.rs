//! Modal dialogs: `role="dialog"` with `aria-modal`, focus moved inside on
//! open and kept there by Tab, and Escape to cancel.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href]";

/// How strongly a dialog's main action is styled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Normal,
    Danger,
}

impl Tone {
    fn button_class(self) -> &'static str {
        match self {
            Tone::Normal => "button button--primary",
            Tone::Danger => "button button--danger",
        }
    }
}

fn focusables(panel: &web_sys::HtmlDivElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = panel.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The modal frame. The first focusable element inside gets focus on open,
/// and the control that opened it gets it back on close.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] on_cancel: Callback<()>,
    /// Id of the element that names the dialog.
    labelled_by: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    // The control that opened the dialog gets the focus back when it closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open != Some(true) {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
        } else if !is_open && was_open == Some(true) {
            if let Some(element) = opener.get_value().filter(|e| e.is_connected()) {
                let _ = element.focus();
            }
            opener.set_value(None);
        }
        is_open
    });
    Effect::new(move |_| {
        if let Some(first) = panel
            .get()
            .and_then(|panel| focusables(&panel).into_iter().next())
        {
            let _ = first.focus();
        }
    });
    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => on_cancel.run(()),
        "Tab" => {
            let Some(panel) = panel.get_untracked() else {
                return;
            };
            let items = focusables(&panel);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let at = |element: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == element.as_ref() as &web_sys::Element)
            };
            if event.shift_key() && at(first) {
                event.prevent_default();
                let _ = last.focus();
            } else if !event.shift_key() && at(last) {
                event.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    view! {
        <Show when=move || open.get()>
            <div class="dialog__backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by node_ref=panel on:keydown=on_keydown>
                    {children()}
                </div>
            </div>
        </Show>
    }
}

/// Asks before something destructive. `on_confirm` runs on confirmation;
/// Cancel has the focus, so Enter alone never destroys anything.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] message: Signal<String>,
    confirm_label: &'static str,
    #[prop(optional)] tone: Tone,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <Modal open=open on_cancel=Callback::new(move |_| open.set(false)) labelled_by="confirm-dialog-title">
            <h2 class="dialog__title" id="confirm-dialog-title">{title.clone()}</h2>
            <p class="dialog__message">{move || message.get()}</p>
            <div class="dialog__actions">
                <button class="button" type="button" on:click=move |_| open.set(false)>"Cancel"</button>
                <button
                    class=tone.button_class()
                    type="button"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}
