//! Submitting a record form: validate with the resource's rules, send,
//! map a 400 back onto the fields, keep other failures for a retry.

use std::future::Future;
use std::pin::Pin;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use userdesk_api::{ApiError, FieldErrors};
use wasm_bindgen::JsCast;

use crate::components::field::FormFieldErrors;
use crate::components::status::{ErrorPanel, ListLink};

/// A form's submission state and its submit action.
#[derive(Clone, Copy)]
pub struct FormSubmit {
    /// Field errors from the rules or from a 400.
    pub errors: RwSignal<FieldErrors>,
    /// Any other failure, shown with a retry button.
    pub failure: RwSignal<Option<ApiError>>,
    /// True while the request is in flight.
    pub busy: RwSignal<bool>,
    action: StoredValue<Box<dyn Fn()>, LocalStorage>,
    /// The form last submitted, where invalid fields get the focus.
    element: StoredValue<Option<web_sys::HtmlFormElement>, LocalStorage>,
}

impl FormSubmit {
    /// Validates and sends; does nothing while a request is in flight.
    pub fn submit(&self) {
        self.action.try_with_value(|action| action());
    }

    /// The form's `on:submit`: no page load, then [`FormSubmit::submit`].
    pub fn on_submit(&self, event: leptos::ev::SubmitEvent) {
        event.prevent_default();
        let form = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok());
        self.element.set_value(form);
        self.submit();
    }
}

/// Moves the focus (and the view) to the first invalid field of `form`
/// once the page shows the errors.
pub fn focus_first_invalid(form: Option<web_sys::HtmlFormElement>) {
    let Some(form) = form else {
        return;
    };
    request_animation_frame(move || {
        let first = form.query_selector("[aria-invalid=true]").ok().flatten();
        if let Some(element) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Runs `task` under `owner`, cancelled when the owner is cleaned up (the
/// page that started it has gone); without an owner, to its end.
fn within(owner: Option<Owner>, task: impl Future<Output = ()> + 'static) {
    match owner {
        Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(task)),
        None => spawn_local(task),
    }
}

/// A request on its way, resolving to what to do with its answer.
type Sending = Pin<Box<dyn Future<Output = Result<Box<dyn FnOnce()>, ApiError>>>>;

/// Wires a form: `validate` turns the typed state into a payload (or field
/// errors, and nothing is sent), `send` makes the request, `saved` gets the
/// answer. The input is never cleared on failure.
pub fn use_form_submit<P, R, Fut>(
    validate: impl Fn() -> Result<P, FieldErrors> + 'static,
    send: impl Fn(P) -> Fut + 'static,
    saved: impl Fn(R) + Clone + 'static,
) -> FormSubmit
where
    P: 'static,
    R: 'static,
    Fut: Future<Output = Result<R, ApiError>> + 'static,
{
    // Only this adapter is generic; each form's copy of it is small.
    let start = move || -> Result<Sending, FieldErrors> {
        let request = send(untrack(&validate)?);
        let saved = saved.clone();
        Ok(Box::pin(async move {
            let answer = request.await?;
            Ok(Box::new(move || saved(answer)) as Box<dyn FnOnce()>)
        }))
    };
    form_submit(Box::new(start))
}

/// The state and the submit action of any form.
fn form_submit(start: Box<dyn Fn() -> Result<Sending, FieldErrors>>) -> FormSubmit {
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let element = StoredValue::new_local(None::<web_sys::HtmlFormElement>);
    // The form's owner: when the page goes (the user left), its sending
    // goes too, so an automatic retry after a 429 never fires unseen.
    let owner = Owner::current();
    let action = move || {
        if busy.get_untracked() {
            return;
        }
        let request = match start() {
            Ok(request) => request,
            Err(invalid) => {
                errors.set(invalid);
                return focus_first_invalid(element.get_value());
            }
        };
        errors.set(FieldErrors::new());
        failure.set(None);
        busy.set(true);
        within(owner.clone(), async move {
            let result = request.await;
            // The form may be gone by now (the user left); then nobody is told.
            if busy.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(saved) => saved(),
                Err(ApiError::Validation(fields)) => {
                    errors.try_set(fields);
                    focus_first_invalid(element.try_get_value().flatten());
                }
                Err(other) => {
                    failure.try_set(Some(other));
                }
            }
        });
    };
    FormSubmit {
        errors,
        failure,
        busy,
        action: StoredValue::new_local(Box::new(action)),
        element,
    }
}

/// A record form: `<form>` wired to `form`, whose fields find their errors
/// by name.
///
/// ## Usage
/// ```ignore
/// let form = use_form_submit(move || draft().validate(), send, saved);
/// view! {
///     <RecordForm form=form>
///         <TextField label="Version" name="version" value=version required=true />
///         <SubmitButton form=form label="Create version" />
///     </RecordForm>
/// }
/// ```
#[component]
pub fn RecordForm(form: FormSubmit, children: Children) -> impl IntoView {
    view! {
        <Provider value=FormFieldErrors(form.errors)>
            <form class="form" novalidate on:submit=move |event| form.on_submit(event)>
                {children()}
            </form>
        </Provider>
    }
}

/// The failure panel of a form, retrying the same submit.
#[component]
pub fn SubmitFailure(
    form: FormSubmit,
    /// Set when the form creates a record: its list, offered instead of a
    /// blind retry when the answer was lost.
    #[prop(default = None)]
    created_in: Option<ListLink>,
) -> impl IntoView {
    move || {
        form.failure.get().map(|error| {
            view! { <ErrorPanel error=error on_retry=Callback::new(move |_| form.submit()) created_in=created_in.clone() /> }
        })
    }
}

/// The primary button: its label while idle, "Saving…" while busy.
#[component]
pub fn SubmitButton(form: FormSubmit, label: &'static str) -> impl IntoView {
    view! {
        <div class="form__actions">
            <button class="button button--primary" type="submit" prop:disabled=move || form.busy.get()>
                {move || if form.busy.get() { "Saving…" } else { label }}
            </button>
        </div>
    }
}
