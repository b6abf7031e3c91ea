//! The pages that download on first use.
//!
//! The release build (`cargo xtask dist`) compiles with
//! `--cfg userdesk_split` and cuts the wasm at the two functions below, so
//! a first visit downloads only the shell, the router and the start page:
//! - the sign-in part: the sign-in page, drawn for any of the four APIs;
//! - the pages part: every other page (the described resources, the
//!   accounts, Connections, the public Websupport forms, ERP) and the
//!   session dialogs.
//!
//! Code both parts use goes into a third file that either fetches. Other
//! builds (`trunk serve`, the component tests) keep one wasm and run the
//! same functions directly.
//!
//! ## Usage
//! A route names its page; the part downloads when the route first shows:
//! ```ignore
//! <Route path=path!("/admin/login") view=|| view! { <SignIn api=Api::Admin /> } />
//! <Route path=path!("account") view=|| view! { <Lazy page=Page::AdminAccount /> } />
//! ```
//! A new page is one variant of [`Page`], one arm in `pages_part` and its
//! route.

use leptos::prelude::*;
use userdesk_api::resource::Api;

use crate::components::status::Loading;
use crate::pages::sign_in::{SignInAgainDialogs, SignInPage};
use crate::pages::{admin, erp, resource, settings, websupport};

/// A page of the pages part.
#[derive(Clone)]
pub enum Page {
    /// A described resource's list, create or record page, named by the
    /// route's slug (and, for a nested resource, its parent's slug and
    /// record id); the part looks the description up.
    Described {
        api: Api,
        shown: resource::Shown,
        slug: String,
        parent: Option<(String, String)>,
    },
    AdminAccount,
    AdminPassword,
    WebsupportAccount,
    SignUp,
    RestorePassword,
    Connections,
    RemoveErpUser,
    /// The dialogs a session may need (the shell's `SessionDialogs`).
    SessionDialogs,
}

/// A part that did not download (offline, or a failed request).
#[derive(Clone, Copy, Debug)]
pub struct PartMissing;

#[cfg(userdesk_split)]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

#[cfg_attr(
    userdesk_split,
    leptos::wasm_split::wasm_split(
        sign_in,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_sign_in_part)
    )
)]
fn sign_in_part(api: Api) -> Result<AnyView, PartMissing> {
    Ok(view! { <SignInPage api=api /> }.into_any())
}

#[cfg_attr(
    userdesk_split,
    leptos::wasm_split::wasm_split(
        pages,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_pages_part)
    )
)]
fn pages_part(page: Page) -> Result<AnyView, PartMissing> {
    let view = match page {
        Page::Described {
            api,
            shown,
            slug,
            parent,
        } => resource::described_page(api, shown, &slug, parent),
        Page::AdminAccount => view! { <admin::account::AdminAccountPage /> }.into_any(),
        Page::AdminPassword => view! { <admin::account::PasswordPage /> }.into_any(),
        Page::WebsupportAccount => {
            view! { <websupport::account::WebsupportAccountPage /> }.into_any()
        }
        Page::SignUp => view! { <websupport::public::SignUp /> }.into_any(),
        Page::RestorePassword => view! { <websupport::public::RestorePassword /> }.into_any(),
        Page::Connections => view! { <settings::SettingsPage /> }.into_any(),
        Page::RemoveErpUser => view! { <erp::remove::RemoveUser /> }.into_any(),
        Page::SessionDialogs => view! { <SignInAgainDialogs /> }.into_any(),
    };
    Ok(view)
}

async fn load_sign_in(api: Api) -> Result<AnyView, PartMissing> {
    #[cfg(userdesk_split)]
    let view = sign_in_part(api).await;
    #[cfg(not(userdesk_split))]
    let view = sign_in_part(api);
    view
}

async fn load_page(page: Page) -> Result<AnyView, PartMissing> {
    #[cfg(userdesk_split)]
    let view = pages_part(page).await;
    #[cfg(not(userdesk_split))]
    let view = pages_part(page);
    view
}

/// Downloads the pages part in the background. A failure is left for the
/// page that needs the part to show.
fn preload_pages() {
    #[cfg(userdesk_split)]
    wasm_bindgen_futures::spawn_local(async {
        let _ = preload_pages_part().await;
    });
}

/// Starts downloading the part the page at `path` needs, so it arrives
/// while the console is still reading its deployment config: a sign-in
/// page's part, or for any other page but the start page the pages part.
/// It may run before Leptos is mounted, so it spawns on wasm-bindgen's
/// executor.
///
/// ## Usage
/// ```ignore
/// preload_for(&window().location().pathname().unwrap_or_default());
/// let deployment = fetch_deploy_config().await;
/// ```
pub fn preload_for(path: &str) {
    if path.ends_with("/login") {
        #[cfg(userdesk_split)]
        wasm_bindgen_futures::spawn_local(async {
            let _ = preload_sign_in_part().await;
        });
    } else if path != "/" {
        preload_pages();
    }
}

/// A sign-in page, once its part has downloaded. It then fetches the
/// pages part in the background, so the first page after signing in need
/// not wait for it.
#[component]
pub fn SignIn(api: Api) -> impl IntoView {
    downloaded(
        move || async move {
            let view = load_sign_in(api).await;
            if view.is_ok() {
                preload_pages();
            }
            view
        },
        false,
    )
}

/// A page of the pages part, once it has downloaded. A `quiet` one (the
/// session dialogs) shows neither the spinner nor a failed download: the
/// page that needs the part shows those.
#[component]
pub fn Lazy(page: Page, #[prop(optional)] quiet: bool) -> impl IntoView {
    downloaded(move || load_page(page.clone()), quiet)
}

/// What `load` draws: a spinner while its part downloads, and a retry
/// when the download failed, keeping the rest of the console as it is.
fn downloaded<Load, Fut>(load: Load, quiet: bool) -> impl IntoView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, PartMissing>> + Send + 'static,
{
    let attempt = Trigger::new();
    let load = std::sync::Arc::new(load);
    view! {
        <Suspense fallback=move || (!quiet).then(|| view! { <Loading /> })>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(async move {
                    match load().await {
                        Ok(view) => view,
                        Err(PartMissing) if quiet => ().into_any(),
                        Err(PartMissing) => view! { <PartFailed attempt=attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn PartFailed(attempt: Trigger) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__message">
                "This page could not be downloaded. Check the connection, then try again. If userdesk was updated since this tab opened, reload the page."
            </p>
            <button class="button" type="button" on:click=move |_| attempt.notify()>
                "Try again"
            </button>
        </div>
    }
}
