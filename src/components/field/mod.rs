//! Form fields wired to the form contract: `name` is the API field name,
//! a visible label is tied to the control, and an invalid field carries
//! `aria-invalid="true"` plus `aria-describedby` pointing at its message.
//!
//! Ids are `{scope}-{name}`: a form that can share the page with another
//! (the re-authentication dialog over any page) provides its own
//! [`FieldScope`], so a label never points at another form's control.

use leptos::prelude::*;
use userdesk_api::validation::labelled;
use userdesk_api::FieldErrors;

/// The id prefix of one form's fields; `field` when none is provided.
/// Provide it with `<Provider>`, which scopes it to its children (context
/// provided in a component body would also reach the component's siblings).
///
/// ## Usage
/// ```ignore
/// view! {
///     <Provider value=FieldScope("reauth")>
///         // id="reauth-password"
///         <TextField label="Password" name="password" /* … */ />
///     </Provider>
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldScope(pub &'static str);

/// The DOM id of a field's control in the current [`FieldScope`].
pub fn control_id(name: &str) -> String {
    let scope = use_context::<FieldScope>().map_or("field", |scope| scope.0);
    format!("{scope}-{}", name.replace('.', "-"))
}

/// The DOM id of the error message of the control with id `control`.
pub fn message_id(control: &str) -> String {
    format!("{control}-message")
}

/// A field's label, with the required marker.
#[component]
fn FieldLabel(for_id: String, label: &'static str, required: bool) -> impl IntoView {
    view! {
        <label class="field__label" for=for_id>
            {label}
            {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
        </label>
    }
}

/// A field's error messages, shown while it has any, each with the
/// field's label in front (a server's "Value must be unique." says which
/// value when read out alone).
#[component]
fn FieldMessage(id: String, label: &'static str, errors: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <p class="field__message" id=id.clone()>{move || errors.with(|e| labelled(label, e))}</p>
        </Show>
    }
}

/// The messages of one field, derived from the form's errors.
pub fn errors_for(errors: RwSignal<FieldErrors>, name: &str) -> Signal<Vec<String>> {
    let name = name.to_string();
    Signal::derive(move || errors.with(|e| e.get(&name).to_vec()))
}

/// The errors of the form around a field: each field finds its own
/// messages by its `name`, so a form names a field once.
///
/// ## Usage
/// ```ignore
/// let errors = RwSignal::new(FieldErrors::new());
/// view! {
///     <Provider value=FormFieldErrors(errors)>
///         // shows errors.get("email"), with aria-invalid and aria-describedby
///         <TextField label="Email" name="email" value=email />
///     </Provider>
/// }
/// ```
#[derive(Clone, Copy)]
pub struct FormFieldErrors(pub RwSignal<FieldErrors>);

/// `aria-describedby`: the message while there is one, then the hint.
fn described_by(
    errors: Signal<Vec<String>>,
    message: &str,
    hint: Option<&str>,
) -> Signal<Option<String>> {
    let message = message.to_string();
    let hint = hint.map(str::to_string);
    Signal::derive(move || {
        let shown = errors.with(|e| !e.is_empty()).then(|| message.clone());
        let ids: Vec<String> = shown.into_iter().chain(hint.clone()).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

/// The id of the hint of the control with id `control`.
fn hint_id(control: &str) -> String {
    format!("{control}-hint")
}

/// A field's hint, if it has one, under the id its control points at.
#[component]
fn FieldHint(id: String, hint: Option<&'static str>) -> impl IntoView {
    hint.map(|text| view! { <p class="field__hint" id=id>{text}</p> })
}

/// A field's messages: the ones passed in, else its form's by `name`.
fn own_errors(passed: Option<Signal<Vec<String>>>, name: &str) -> Signal<Vec<String>> {
    passed.unwrap_or_else(|| match use_context::<FormFieldErrors>() {
        Some(FormFieldErrors(errors)) => errors_for(errors, name),
        None => Signal::stored(Vec::new()),
    })
}

/// One field's frame: its control's id, its hint and message ids, and
/// its messages. Every input sits in one ([`FieldFrame`]).
#[derive(Clone)]
struct Frame {
    id: String,
    hint_id: String,
    message: String,
    hint: Option<&'static str>,
    errors: Signal<Vec<String>>,
}

impl Frame {
    fn new(name: &str, errors: Option<Signal<Vec<String>>>, hint: Option<&'static str>) -> Frame {
        let id = control_id(name);
        Frame {
            hint_id: hint_id(&id),
            message: message_id(&id),
            errors: own_errors(errors, name),
            hint,
            id,
        }
    }

    /// `aria-invalid` of the control.
    fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy + 'static {
        let errors = self.errors;
        move || errors.with(|e| !e.is_empty()).then_some("true")
    }

    /// `aria-describedby` of the control: its message, then its hint.
    fn described_by(&self) -> Signal<Option<String>> {
        described_by(
            self.errors,
            &self.message,
            self.hint.map(|_| self.hint_id.as_str()),
        )
    }
}

/// The one frame every input sits in: its label (with the required mark),
/// the control, its hint and its messages. A checkbox comes before its
/// label.
#[component]
fn FieldFrame(
    frame: Frame,
    label: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] checkbox: bool,
    children: Children,
) -> impl IntoView {
    let errors = frame.errors;
    let invalid = move || errors.with(|e| !e.is_empty());
    let control = children();
    let label_view = if checkbox {
        view! { <label class="field__label" for=frame.id>{label}</label> }.into_any()
    } else {
        view! { <FieldLabel for_id=frame.id label=label required=required /> }.into_any()
    };
    let (first, second) = if checkbox {
        (control, label_view)
    } else {
        (label_view, control)
    };
    view! {
        <div class="field" class:field--checkbox=checkbox class:field--invalid=invalid>
            {first}
            {second}
            <FieldHint id=frame.hint_id hint=frame.hint />
            <FieldMessage id=frame.message label=label errors=errors />
        </div>
    }
}

/// What a text control accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextKind {
    #[default]
    Text,
    Password,
    /// Digits, with a numeric keyboard on phones; checked by the form's rules.
    Integer,
    Url,
    /// A date and time with seconds, read as UTC.
    DateTime,
    /// An email address, with the email keyboard on phones.
    Email,
    /// A phone number, with the phone keypad.
    Phone,
}

impl TextKind {
    fn input_type(self) -> &'static str {
        match self {
            TextKind::Password => "password",
            TextKind::DateTime => "datetime-local",
            TextKind::Email => "email",
            TextKind::Phone => "tel",
            TextKind::Url | TextKind::Text | TextKind::Integer => "text",
        }
    }

    fn input_mode(self) -> Option<&'static str> {
        match self {
            TextKind::Integer => Some("numeric"),
            TextKind::Url => Some("url"),
            _ => None,
        }
    }
}

/// A labelled text input. Its `kind` may change while it is shown (a
/// contact's value follows its type).
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] name: Oco<'static, str>,
    value: RwSignal<String>,
    #[prop(optional, into)] errors: Option<Signal<Vec<String>>>,
    #[prop(optional, into)] kind: Signal<TextKind>,
    #[prop(default = None, into)] hint: Option<&'static str>,
    #[prop(default = None, into)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let frame = Frame::new(&name, errors, hint);
    let (id, invalid, described_by) = (frame.id.clone(), frame.invalid(), frame.described_by());
    view! {
        <FieldFrame frame=frame label=label required=required>
            <input
                class="field__input"
                id=id
                name=name
                type=move || kind.get().input_type()
                inputmode=move || kind.get().input_mode()
                step=move || (kind.get() == TextKind::DateTime).then_some("1")
                autocomplete=autocomplete
                required=required
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                aria-invalid=invalid
                aria-describedby=described_by
            />
        </FieldFrame>
    }
}

/// A labelled select; `options` are `(value, label)` pairs.
#[component]
pub fn SelectField(
    label: &'static str,
    #[prop(into)] name: Oco<'static, str>,
    value: RwSignal<String>,
    #[prop(optional, into)] errors: Option<Signal<Vec<String>>>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(default = None, into)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let frame = Frame::new(&name, errors, hint);
    let (id, invalid, described_by) = (frame.id.clone(), frame.invalid(), frame.described_by());
    // Options may arrive after the value (loaded choices): once they are in
    // the DOM, the value is applied again.
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        options.track();
        let wanted = value.get();
        if let Some(element) = select.get() {
            element.set_value(&wanted);
        }
    });
    view! {
        <FieldFrame frame=frame label=label required=required>
            <select
                node_ref=select
                class="field__input"
                id=id
                name=name
                required=required
                prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))
                aria-invalid=invalid
                aria-describedby=described_by
            >
                {move || options
                    .get()
                    .into_iter()
                    .map(|(option, text)| {
                        let selected = value.get_untracked() == option;
                        view! { <option value=option selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// A labelled multi-line text input.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(optional, into)] errors: Option<Signal<Vec<String>>>,
    #[prop(default = 6)] rows: u32,
    #[prop(default = None, into)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let frame = Frame::new(name, errors, hint);
    let (id, invalid, described_by) = (frame.id.clone(), frame.invalid(), frame.described_by());
    view! {
        <FieldFrame frame=frame label=label required=required>
            <textarea
                class="field__textarea"
                id=id
                name=name
                rows=rows
                required=required
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                aria-invalid=invalid
                aria-describedby=described_by
            ></textarea>
        </FieldFrame>
    }
}

/// A labelled checkbox for a boolean field; `switch` draws and announces
/// it as an on/off switch (a setting of the record, such as `enabled`).
#[component]
pub fn CheckboxField(
    label: &'static str,
    name: &'static str,
    checked: RwSignal<bool>,
    #[prop(optional, into)] errors: Option<Signal<Vec<String>>>,
    #[prop(default = None, into)] hint: Option<&'static str>,
    #[prop(optional)] switch: bool,
) -> impl IntoView {
    let frame = Frame::new(name, errors, hint);
    let (id, invalid, described_by) = (frame.id.clone(), frame.invalid(), frame.described_by());
    view! {
        <FieldFrame frame=frame label=label checkbox=true>
            <input
                class="field__checkbox"
                class:field__switch=switch
                role=switch.then_some("switch")
                id=id
                name=name
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |event| checked.set(event_target_checked(&event))
                aria-invalid=invalid
                aria-describedby=described_by
            />
        </FieldFrame>
    }
}

/// Errors for fields the form has no input for, shown at the top of the form.
#[component]
pub fn FormErrors(
    errors: RwSignal<FieldErrors>,
    /// The fields the form shows itself.
    #[prop(into)]
    known: Vec<&'static str>,
) -> impl IntoView {
    let known = StoredValue::new(known);
    let others = move || errors.with(|e| known.with_value(|known| e.outside(known)));
    view! {
        <Show when=move || !others().is_empty()>
            <div class="form-errors" role="alert">
                <p class="form-errors__title">"The server reported:"</p>
                <ul class="form-errors__list">
                    {move || {
                        others()
                            .into_iter()
                            .map(|(field, message)| view! { <li><code>{field}</code>": "{message}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// A group of checkboxes for a list of ids, e.g. role ids.
#[component]
pub fn CheckboxGroup(
    legend: &'static str,
    name: &'static str,
    chosen: RwSignal<Vec<i64>>,
    #[prop(into)] options: Signal<Vec<(i64, String)>>,
    #[prop(optional, into)] errors: Option<Signal<Vec<String>>>,
    #[prop(default = None, into)] hint: Option<&'static str>,
) -> impl IntoView {
    let errors = own_errors(errors, name);
    let invalid = move || errors.with(|e| !e.is_empty());
    let group = control_id(name);
    let hint_id = hint_id(&group);
    let message = message_id(&group);
    let described_by = described_by(errors, &message, hint.map(|_| hint_id.as_str()));
    view! {
        <fieldset class="fieldset" class:field--invalid=invalid>
            <legend class="fieldset__legend">{legend}</legend>
            <FieldHint id=hint_id hint=hint />
            {move || {
                options
                    .get()
                    .into_iter()
                    .map(|(id, label)| {
                        let control = format!("{group}-{id}");
                        view! {
                            <div class="field field--checkbox">
                                <input
                                    class="field__checkbox"
                                    type="checkbox"
                                    id=control.clone()
                                    name=name
                                    value=id.to_string()
                                    prop:checked=move || chosen.with(|ids| ids.contains(&id))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        chosen.update(|ids| {
                                            ids.retain(|other| *other != id);
                                            if on {
                                                ids.push(id);
                                                ids.sort_unstable();
                                            }
                                        });
                                    }
                                    aria-invalid=move || invalid().then_some("true")
                                    aria-describedby=described_by
                                />
                                <label class="field__label" for=control>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <FieldMessage id=message.clone() label=legend errors=errors />
        </fieldset>
    }
}
