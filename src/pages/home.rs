use leptos::prelude::*;
use leptos_router::components::A;

use crate::client::Client;
use userdesk_api::resource::Api;

#[component]
pub fn Home() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "".to_string());
    let signed_in = move || client.signed_in(Api::Admin);
    let profiles = move || client.signed_in(Api::Profiles);
    view! {
        <section class="page">
            <h1 class="page__title">"userdesk"</h1>
            <p class="page__lead">
                "Manage users, administrators and roles through their APIs. Every API starts in Demo mode: "
                "a simulator inside this page, seeded from the documentation, so you can try everything without a server."
            </p>
            <div class="cards">
                <article class="card">
                    <h2 class="card__title">"Admin API"</h2>
                    <p>"Roles with their password and lockout policies."</p>
                    <p class="card__actions">
                        <Show
                            when=signed_in
                            fallback=|| view! { <A href="/admin/login" attr:class="button button--primary">"Sign in"</A> }
                        >
                            <A href="/admin/roles" attr:class="button button--primary">"Roles"</A>
                        </Show>
                    </p>
                    <p class="card__note">"Demo sign-in: " <code>"admin1"</code> " / " <code>"admin1pass"</code></p>
                </article>
                <article class="card">
                    <h2 class="card__title">"Profiles API"</h2>
                    <p>"Client profiles with their email and phone contacts."</p>
                    <p class="card__actions">
                        <Show
                            when=profiles
                            fallback=|| view! { <A href="/profiles/login" attr:class="button button--primary">"Sign in"</A> }
                        >
                            <A href="/profiles/profiles" attr:class="button button--primary">"Profiles"</A>
                        </Show>
                    </p>
                    <p class="card__note">"Demo token: " <code>"demo-profiles-token"</code></p>
                </article>
                <article class="card">
                    <h2 class="card__title">"ERP"</h2>
                    <p>"Remove a user by login name, with a fresh 20-second token for each removal."</p>
                    <p class="card__actions">
                        <A href="/erp/remove-user" attr:class="button button--primary">"Remove a user"</A>
                    </p>
                    <p class="card__note">"Demo sign-in: " <code>"agent"</code> " / " <code>"agentPass!"</code></p>
                </article>
                <article class="card">
                    <h2 class="card__title">"Connections"</h2>
                    <p>"Choose Demo or a server for each API, and reset the demo data."</p>
                    <p class="card__actions"><A href="/settings" attr:class="button">"Open connections"</A></p>
                </article>
            </div>
        </section>
    }
}
