//! Modal dialogs: an accessible `role="dialog"` with Escape to cancel and
//! focus moved into it when it opens.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

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

/// Asks before something destructive. `on_confirm` runs on confirmation.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    title: &'static str,
    #[prop(into)] message: Signal<String>,
    confirm_label: &'static str,
    #[prop(optional)] tone: Tone,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="dialog__backdrop">
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="confirm-dialog-title"
                    aria-describedby="confirm-dialog-message"
                    on:keydown=move |event: ev::KeyboardEvent| {
                        if event.key() == "Escape" {
                            open.set(false);
                        }
                    }
                >
                    <h2 class="dialog__title" id="confirm-dialog-title">{title}</h2>
                    <p class="dialog__message" id="confirm-dialog-message">{move || message.get()}</p>
                    <div class="dialog__actions">
                        <button class="button" type="button" node_ref=cancel_ref on:click=move |_| open.set(false)>
                            "Cancel"
                        </button>
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
                </div>
            </div>
        </Show>
    }
}
