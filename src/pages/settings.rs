//! `/settings`: where each API's requests go, and the Demo data reset.

use leptos::prelude::*;
use userdesk_api::FieldErrors;

use crate::apis;
use crate::client::Client;
use crate::components::dialog::{ConfirmDialog, Tone};
use crate::components::field::{TextField, TextKind};
use crate::components::form::{use_form_submit, RecordForm};
use crate::components::toast::{ToastKind, Toasts};
use crate::demo;
use crate::settings::{AdminConnection, Connection, Connections, OtherTargets, Source, Target};
use userdesk_api::admin::DOCUMENTED_APP_KEY;
use userdesk_api::deploy::is_usable_base;
use userdesk_api::resource::Api;

/// One API's mode and base URL as the form holds them.
#[derive(Clone, Copy)]
struct TargetInputs {
    use_server: RwSignal<bool>,
    base_url: RwSignal<String>,
}

impl TargetInputs {
    fn new() -> Self {
        TargetInputs {
            use_server: RwSignal::new(false),
            base_url: RwSignal::new(String::new()),
        }
    }

    fn show(&self, connection: &Connection) {
        self.use_server
            .set(matches!(connection.target, Target::Server { .. }));
        self.base_url.set(connection.target.base_url());
    }

    /// The target typed, or the error on `{api}.base_url`.
    fn target(&self, key: &str, errors: &mut FieldErrors) -> Target {
        if !self.use_server.get_untracked() {
            return Target::Demo;
        }
        let base_url = self.base_url.get_untracked().trim().to_string();
        if base_url.is_empty() {
            errors.add(key, userdesk_api::validation::REQUIRED);
        } else if !is_usable_base(&base_url) {
            errors.add(
                key,
                "Use an http(s):// URL or a path starting with a single /.",
            );
        }
        Target::Server { base_url }
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Connections".to_string());
    let toasts = Toasts::use_toasts();
    let saved = client.connections.get_untracked().admin;
    let use_server = RwSignal::new(matches!(saved.target, Target::Server { .. }));
    let base_url = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let app_key = RwSignal::new(String::new());
    let show = move |connection: &AdminConnection| {
        use_server.set(matches!(connection.target, Target::Server { .. }));
        base_url.set(connection.target.base_url());
        version.set(connection.version.clone());
        app_key.set(connection.app_key.clone());
    };
    show(&saved);
    let profiles = TargetInputs::new();
    let erp = TargetInputs::new();
    let websupport = TargetInputs::new();
    let show_all = move |connections: &Connections| {
        show(&connections.admin);
        profiles.show(&connections.profiles);
        erp.show(&connections.erp);
        websupport.show(&connections.websupport);
    };
    show_all(&client.connections.get_untracked());
    let confirm_reset = RwSignal::new(false);
    let source = move || client.connections.with(|c| c.admin.source);
    let has_deployment = move || client.connections.with(|c| c.deployment.admin.is_some());
    // A new server (or version) means the session belongs to another server.
    let switch_to = move |apply: &dyn Fn(&mut Connections) -> bool| {
        let previous = client.connections.get_untracked();
        let mut stored = true;
        client.connections.update(|c| stored = apply(c));
        let now = client.connections.get_untracked();
        for api in Api::ALL {
            let moved = apis::target(api, &previous) != apis::target(api, &now)
                || (api == Api::Admin && previous.admin.version != now.admin.version);
            if moved {
                client.sign_out(api);
            }
        }
        stored
    };
    // Saving sends nothing: it checks every address, then switches.
    let form = use_form_submit(
        move || {
            let target = if use_server.get() {
                Target::Server {
                    base_url: base_url.get().trim().to_string(),
                }
            } else {
                Target::Demo
            };
            let candidate = AdminConnection {
                target,
                version: version.get().trim().to_string(),
                app_key: app_key.get().trim().to_string(),
                source: Source::Chosen,
            };
            let mut checked = candidate.config();
            if candidate.target == Target::Demo {
                // Demo builds its own paths, so only a server needs a base URL.
                checked.base_url = "/".to_string();
            }
            let mut invalid = checked.validate().err().unwrap_or_default();
            let others = OtherTargets {
                profiles: profiles.target("profiles.base_url", &mut invalid),
                erp: erp.target("erp.base_url", &mut invalid),
                websupport: websupport.target("websupport.base_url", &mut invalid),
            };
            invalid.into_result((candidate, others))
        },
        |chosen| std::future::ready(Ok(chosen)),
        move |(candidate, others): (AdminConnection, OtherTargets)| {
            let stored =
                switch_to(&|c: &mut Connections| c.choose(candidate.clone(), others.clone()));
            if stored {
                toasts.show(ToastKind::Success, "Connection settings saved.");
            } else {
                toasts.show(
                    ToastKind::Error,
                    "Settings apply to this tab only: the browser refused to store them.",
                );
            }
        },
    );
    let errors = form.errors;
    let use_deployment = move |_| {
        errors.set(FieldErrors::new());
        switch_to(&|c: &mut Connections| {
            c.use_deployment();
            true
        });
        show_all(&client.connections.get_untracked());
        toasts.show(
            ToastKind::Success,
            if has_deployment() {
                "Using the deployment's settings from config.json."
            } else {
                "Using the defaults: Demo mode."
            },
        );
    };

    let reset_demo = move |_| {
        demo::reset();
        let connections = client.connections.get_untracked();
        for api in Api::ALL {
            if *apis::target(api, &connections) == Target::Demo {
                client.sign_out(api);
            }
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
                    Source::Deployment => "The APIs use the deployment's settings (config.json).",
                    Source::Chosen => "The APIs use the settings chosen here, in this browser.",
                }}
            </p>
            <RecordForm form=form>
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
                    <Show when=move || use_server.get() fallback=|| view! {
                        <p class="fieldset__note">"Demo uses its own application key, "<code>{DOCUMENTED_APP_KEY}</code>" (the documented example)."</p>
                    }>
                        <TextField
                            label="Application key"
                            name="app_key"
                            value=app_key
                            hint="32 characters. A key typed here lives for this tab (session storage); the deployment's key is the default."
                            required=true
                        />
                    </Show>
                </fieldset>
                <TargetFieldset mode="profiles.mode" base="profiles.base_url" legend="Profiles API" inputs=profiles
                    hint="e.g. https://your.base-url.here, or /api/profiles behind a same-origin proxy." />
                <TargetFieldset mode="erp.mode" base="erp.base_url" legend="ERP user removal" inputs=erp
                    hint="e.g. https://erp.example.com/api, or /api/erp behind a same-origin proxy." />
                <TargetFieldset mode="websupport.mode" base="websupport.base_url" legend="Websupport" inputs=websupport
                    hint="e.g. https://rest.websupport.sk, or /api/websupport behind a same-origin proxy that copies X-Date into Date." />
                <div class="form__actions">
                    <button class="button button--primary" type="submit">"Save connections"</button>
                    <Show when=move || source() == Source::Chosen>
                        <button class="button" type="button" on:click=use_deployment>
                            {move || if has_deployment() { "Use the deployment's settings" } else { "Use the defaults" }}
                        </button>
                    </Show>
                </div>
            </RecordForm>
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

/// Demo or a server for one API, with the server's base URL.
#[component]
fn TargetFieldset(
    /// The radio group's name, `{api}.mode`.
    mode: &'static str,
    /// The base URL's name, `{api}.base_url`.
    base: &'static str,
    legend: &'static str,
    inputs: TargetInputs,
    hint: &'static str,
) -> impl IntoView {
    let TargetInputs {
        use_server,
        base_url,
    } = inputs;
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{legend}</legend>
            <div class="choice" role="radiogroup" aria-label=format!("{legend} target")>
                <label class="choice__option">
                    <input type="radio" name=mode value="demo" prop:checked=move || !use_server.get() on:change=move |_| use_server.set(false) />
                    " Demo (in-browser simulator)"
                </label>
                <label class="choice__option">
                    <input type="radio" name=mode value="server" prop:checked=move || use_server.get() on:change=move |_| use_server.set(true) />
                    " Server"
                </label>
            </div>
            <Show when=move || use_server.get()>
                <TextField label="Base URL" name=base value=base_url kind=TextKind::Url hint=hint />
            </Show>
        </fieldset>
    }
}
