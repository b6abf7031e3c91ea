//! `/settings`: where each API's requests go, and the Demo data reset.

use leptos::context::Provider;
use leptos::prelude::*;
use userdesk_api::FieldErrors;

use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::field::{FormFieldErrors, TextField, TextKind};
use crate::components::toast::{ToastKind, Toasts};
use crate::demo;
use crate::settings::{AdminConnection, Connections, Source, Target};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let client = Client::use_client();
    let toasts = Toasts::use_toasts();
    let saved = client.connections.get_untracked().admin;
    let use_server = RwSignal::new(matches!(saved.target, Target::Server { .. }));
    let base_url = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let app_key = RwSignal::new(String::new());
    let show = move |connection: &AdminConnection| {
        use_server.set(matches!(connection.target, Target::Server { .. }));
        base_url.set(match &connection.target {
            Target::Server { base_url } => base_url.clone(),
            Target::Demo => String::new(),
        });
        version.set(connection.version.clone());
        app_key.set(connection.app_key.clone());
    };
    show(&saved);
    let errors = RwSignal::new(FieldErrors::new());
    let confirm_reset = RwSignal::new(false);
    let source = move || client.connections.with(|c| c.admin.source);
    let has_deployment = move || client.connections.with(|c| c.deployment.admin.is_some());
    // A new server (or version) means the token belongs to another server.
    let switch_to = move |apply: &dyn Fn(&mut Connections) -> bool| {
        let previous = client.connections.get_untracked().admin;
        let mut stored = true;
        client.connections.update(|c| stored = apply(c));
        let now = client.connections.get_untracked().admin;
        if previous.target != now.target || previous.version != now.version {
            client.sign_out();
        }
        stored
    };
    let use_deployment = move |_| {
        errors.set(FieldErrors::new());
        switch_to(&|c: &mut Connections| {
            c.use_deployment();
            true
        });
        show(&client.connections.get_untracked().admin);
        toasts.show(
            ToastKind::Success,
            if has_deployment() {
                "Using the deployment's settings from config.json."
            } else {
                "Using the defaults: Demo mode."
            },
        );
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let target = if use_server.get_untracked() {
            Target::Server {
                base_url: base_url.get_untracked().trim().to_string(),
            }
        } else {
            Target::Demo
        };
        let candidate = AdminConnection {
            target,
            version: version.get_untracked().trim().to_string(),
            app_key: app_key.get_untracked().trim().to_string(),
            source: Source::Chosen,
        };
        let mut checked = candidate.config();
        if candidate.target == Target::Demo {
            // Demo builds its own paths, so only a server needs a base URL.
            checked.base_url = "/".to_string();
        }
        if let Err(invalid) = checked.validate() {
            errors.set(invalid);
            return;
        }
        errors.set(FieldErrors::new());
        let stored = switch_to(&|c: &mut Connections| c.choose_admin(candidate.clone()));
        if stored {
            toasts.show(ToastKind::Success, "Connection settings saved.");
        } else {
            toasts.show(
                ToastKind::Error,
                "Settings apply to this tab only: the browser refused to store them.",
            );
        }
    };

    let reset_demo = move |_| {
        demo::reset();
        if client
            .connections
            .with_untracked(|c| c.admin.target == Target::Demo)
        {
            client.sign_out();
        }
        toasts.show(
            ToastKind::Success,
            "Demo data reset to the documented examples.",
        );
    };

    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Connections"</h1>
            <p class="notice" data-testid="connection-source">
                {move || match source() {
                    Source::Defaults => "No deployment config (config.json): every API starts in Demo mode.",
                    Source::Deployment => "The Admin API uses the deployment's settings (config.json).",
                    Source::Chosen => "The Admin API uses the settings chosen here, in this browser.",
                }}
            </p>
            <Provider value=FormFieldErrors(errors)>
            <form class="form" on:submit=on_submit novalidate>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"Admin API"</legend>
                    <div class="choice" role="radiogroup" aria-label="Admin API target">
                        <label class="choice__option">
                            <input type="radio" name="admin.mode" value="demo" prop:checked=move || !use_server.get() on:change=move |_| use_server.set(false) />
                            " Demo (in-browser simulator)"
                        </label>
                        <label class="choice__option">
                            <input type="radio" name="admin.mode" value="server" prop:checked=move || use_server.get() on:change=move |_| use_server.set(true) />
                            " Server"
                        </label>
                    </div>
                    <Show when=move || use_server.get()>
                        <TextField
                            label="Base URL"
                            name="base_url"
                            value=base_url
                            kind=TextKind::Url
                            hint="e.g. https://api.admin.domain.com, or /api/admin behind a same-origin proxy; a /v/1.0 suffix is fine."
                        />
                    </Show>
                    <TextField
                        label="API version"
                        name="version"
                        value=version
                        hint="Sent as /v/{version}. Leave empty for a server reached without its proxy."
                    />
                    <TextField
                        label="Application key"
                        name="app_key"
                        value=app_key
                        hint="32 characters. A key typed here lives for this tab (session storage); the deployment's key is the default."
                        required=true
                    />
                </fieldset>
                <div class="form__actions">
                    <button class="button button--primary" type="submit">"Save connections"</button>
                    <Show when=move || source() == Source::Chosen>
                        <button class="button" type="button" on:click=use_deployment>
                            {move || if has_deployment() { "Use the deployment's settings" } else { "Use the defaults" }}
                        </button>
                    </Show>
                </div>
            </form>
            </Provider>
            <section class="danger-zone">
                <h2 class="danger-zone__title">"Demo data"</h2>
                <p>"Demo changes are kept in this browser across reloads. Resetting restores the documentation's examples."</p>
                <button class="button button--danger" type="button" on:click=move |_| confirm_reset.set(true)>"Reset demo data"</button>
            </section>
            <ConfirmDialog
                open=confirm_reset
                title="Reset demo data?"
                message="Every change made in Demo mode is lost, and Demo sessions end."
                confirm_label="Reset"
                tone=Tone::Danger
                on_confirm=reset_demo
            />
        </section>
    }
}
