use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    crate::components::title::use_title(|| "Page not found".to_string());
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Page not found"</h1>
            <p>"There is no page at this address."</p>
            <p><A href="/" attr:class="button">"Go to the start page"</A></p>
        </section>
    }
}
