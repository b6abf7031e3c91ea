//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Router;
use userdesk::client::Client;
use userdesk::components::dialog::{ConfirmDialog, Tone};
use userdesk::components::field::SelectField;
use userdesk::pages::guard::RequireSignIn;
use userdesk::pages::resource::{ResourceForm, ResourceList};
use userdesk::shell::Shell;
use userdesk::unsaved::{LeaveDialog, UnsavedChanges};
use userdesk::{demo, provide_app_context};
use userdesk_api::admin::roles::{NAME_TAKEN, ROLES};
use userdesk_api::admin::users::USERS;
use userdesk_api::resource::{from_form, to_form, Api, Mode, Operation};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Polls until `check` holds, failing the test after three seconds.
async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..150 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

/// A fresh Demo world, a signed-in admin1 and an empty container.
async fn signed_in_demo() -> (Owner, Client, HtmlElement) {
    let window = web_sys::window().expect("window");
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
    let _ = window.history().expect("history").replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some("/"),
    );
    demo::reset();
    let owner = Owner::new();
    owner.set();
    let client = provide_app_context(&userdesk_api::deploy::DeployOutcome::Absent);
    userdesk::apis::admin::sign_in(client, "admin1", "admin1pass")
        .await
        .expect("the documented credentials sign in to Demo");
    let container: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    (owner, client, container)
}

fn query(container: &HtmlElement, selector: &str) -> Option<web_sys::Element> {
    container.query_selector(selector).ok().flatten()
}

fn type_into(container: &HtmlElement, name: &str, text: &str) {
    let input: HtmlInputElement = query(container, &format!("[name='{name}']"))
        .unwrap_or_else(|| panic!("an input named {name}"))
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

fn click(container: &HtmlElement, selector: &str) {
    let element: HtmlElement = query(container, selector)
        .unwrap_or_else(|| panic!("an element matching {selector}"))
        .unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn invalid_role_form_marks_the_field_and_sends_nothing() {
    let (_owner, client, container) = signed_in_demo().await;
    let saved = RwSignal::new(None::<serde_json::Value>);
    let on_saved = Callback::new(move |role| saved.set(Some(role)));
    let _mounted = mount_to(container.clone(), move || {
        view! { <Router><ResourceForm resource=&ROLES existing=None on_saved=on_saved /></Router> }
    });
    let sent_before = client.activity.sent.get_untracked();

    type_into(&container, "name", "A");
    type_into(&container, "priority", "1.5");
    click(&container, "button[type=submit]");
    sleep(30).await;

    let name = query(&container, "[name='name']").expect("name input");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = name.get_attribute("aria-describedby").expect("described");
    let message_id = described_by
        .split(' ')
        .find(|id| id.ends_with("-message"))
        .expect("points at the message");
    let message = document()
        .get_element_by_id(message_id)
        .expect("message element");
    assert!(
        message.text_content().unwrap_or_default().contains("2–32"),
        "message names the rule"
    );
    let priority = query(&container, "[name='priority']").expect("priority input");
    assert_eq!(
        priority.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let valid = query(&container, "[name='login_ban_time']").expect("ban time");
    assert_eq!(valid.get_attribute("aria-invalid"), None);
    assert_eq!(
        client.activity.sent.get_untracked(),
        sent_before,
        "nothing was sent"
    );

    // Fixing the fields sends exactly one create request.
    type_into(&container, "name", "AUDITOR");
    type_into(&container, "priority", "30");
    click(&container, "button[type=submit]");
    until("the role is saved", || {
        saved.with_untracked(Option::is_some)
    })
    .await;
    assert_eq!(client.activity.sent.get_untracked(), sent_before + 1);
    assert_eq!(
        saved.get_untracked().map(|r| r["name"].clone()),
        Some("AUDITOR".into())
    );
}

#[wasm_bindgen_test]
async fn duplicate_name_known_from_the_list_is_caught_before_sending() {
    let (_owner, client, container) = signed_in_demo().await;
    client
        .cache
        .remember(&ROLES, &[serde_json::json!({"id": 1, "name": "USER"})]);
    let _mounted = mount_to(container.clone(), move || {
        view! { <Router><ResourceForm resource=&ROLES existing=None on_saved=Callback::new(|_| ()) /></Router> }
    });
    let sent_before = client.activity.sent.get_untracked();
    type_into(&container, "name", "USER");
    click(&container, "button[type=submit]");
    sleep(30).await;
    let name = query(&container, "[name='name']").expect("name input");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains(NAME_TAKEN));
    assert_eq!(client.activity.sent.get_untracked(), sent_before);
}

#[wasm_bindgen_test]
async fn roles_list_renders_rows_and_pages() {
    let (_owner, client, container) = signed_in_demo().await;
    for index in 0..12 {
        let mut values = to_form(&ROLES, None, "");
        values.insert("name", format!("ROLE_{index:02}"));
        let payload = from_form(&ROLES, &values, Mode::Create);
        client
            .call(&ROLES, &Operation::Create { payload: &payload })
            .await
            .expect("created");
    }
    let _mounted = mount_to(
        container.clone(),
        || view! { <Router><ResourceList resource=&ROLES /></Router> },
    );
    let rows = |c: &HtmlElement| {
        c.query_selector_all("tbody tr")
            .map(|list| list.length())
            .unwrap_or(0)
    };
    until("the first page renders", || rows(&container) == 10).await;
    assert!(query(&container, "table th[scope=col]").is_some());
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("Page 1 of 2 · 15 roles"), "{text}");
    assert!(text.contains("SUPER_ADMIN"));

    let next: HtmlElement = container
        .query_selector_all(".pager button")
        .ok()
        .and_then(|buttons| buttons.get(1))
        .expect("a Next button")
        .unchecked_into();
    next.click();
    until("the second page renders", || rows(&container) == 5).await;
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("Page 2 of 2"), "{text}");
    assert!(text.contains("ROLE_11"));
    let location = web_sys::window().expect("window").location();
    assert_eq!(location.search().ok().as_deref(), Some("?page=2"));

    // Sorting by name descending is a URL change too.
    click(&container, "th[aria-sort='none'] .table__sort");
    until("name ascending", || {
        query(&container, "th[aria-sort='ascending']")
            .and_then(|th| th.text_content())
            .is_some_and(|t| t.contains("Name"))
    })
    .await;
    let location = web_sys::window().expect("window").location();
    assert_eq!(
        location.search().ok().as_deref(),
        Some("?order_by=name.asc")
    );
}

#[wasm_bindgen_test]
async fn expired_token_asks_to_reauthenticate_and_retries() {
    let (_owner, client, container) = signed_in_demo().await;
    let _mounted = mount_to(container.clone(), || {
        view! { <Router><userdesk::pages::sign_in::SignInAgainDialogs /><ResourceList resource=&ROLES /></Router> }
    });
    until("the list renders", || {
        query(&container, "tbody tr").is_some()
    })
    .await;
    // The server forgets the token, as when it expires.
    client.session.admin.update(|s| {
        if let Some(session) = s {
            session.token = "sim.expired".into();
        }
    });
    click(&container, "th .table__sort");
    until("the dialog asks for the password", || {
        query(&container, "[role=dialog]").is_some()
    })
    .await;
    type_into(&container, "password", "admin1pass");
    click(&container, "[role=dialog] button[type=submit]");
    until("the dialog closes", || {
        query(&container, "[role=dialog]").is_none()
    })
    .await;
    until("the list is shown again after the retry", || {
        query(&container, "th[aria-sort='descending']").is_some()
            && query(&container, "tbody tr").is_some()
    })
    .await;
    assert_ne!(
        client.session.admin.get_untracked().map(|s| s.token),
        Some("sim.expired".into())
    );
}

fn press(target: &web_sys::Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn active_text() -> String {
    document()
        .active_element()
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn confirm_dialog_is_keyboard_safe() {
    let (_owner, _client, container) = signed_in_demo().await;
    let open = RwSignal::new(true);
    let confirmed = RwSignal::new(false);
    let _mounted = mount_to(container.clone(), move || {
        view! {
            <ConfirmDialog
                open=open
                title="Delete this role?"
                message="Gone for good."
                confirm_label="Delete"
                tone=Tone::Danger
                on_confirm=Callback::new(move |_| confirmed.set(true))
            />
        }
    });
    until("Cancel has the focus", || active_text() == "Cancel").await;
    let dialog = query(&container, "[role=dialog]").expect("dialog");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));

    // Tab from the last control wraps to the first, and Shift+Tab back.
    let delete: HtmlElement = query(&container, ".button--danger")
        .expect("delete")
        .unchecked_into();
    delete.focus().expect("focus");
    press(&dialog, "Tab", false);
    assert_eq!(active_text(), "Cancel");
    press(&dialog, "Tab", true);
    assert_eq!(active_text(), "Delete");

    press(&dialog, "Escape", false);
    until("Escape closes the dialog", || {
        query(&container, "[role=dialog]").is_none()
    })
    .await;
    assert!(!open.get_untracked());
    assert!(!confirmed.get_untracked(), "Escape never confirms");
}

#[wasm_bindgen_test]
async fn unsaved_changes_follow_the_values_not_the_keystrokes() {
    let (_owner, _client, container) = signed_in_demo().await;
    let unsaved = UnsavedChanges::use_unsaved();
    unsaved.install_guards();
    let _mounted = mount_to(container.clone(), move || {
        view! {
            <Router>
                <a id="elsewhere" href="/elsewhere">"elsewhere"</a>
                <ResourceForm resource=&ROLES existing=None on_saved=Callback::new(|_| ()) />
                <LeaveDialog sign_out=Callback::new(|_| ()) />
            </Router>
        }
    });
    sleep(30).await;
    assert!(!unsaved.any(), "a fresh form has nothing to lose");
    type_into(&container, "name", "DRAFT");
    until("typing makes the form dirty", || unsaved.any()).await;
    type_into(&container, "name", "");
    until("changing it back is not a change", || !unsaved.any()).await;

    // While dirty, a link asks first, in the app's dialog; staying stays.
    type_into(&container, "name", "DRAFT");
    until("dirty again", || unsaved.any()).await;
    click(&container, "#elsewhere");
    until("the app asks", || {
        query(&container, "[role='dialog']").is_some_and(|dialog| {
            dialog
                .text_content()
                .unwrap_or_default()
                .contains("unsaved changes")
        })
    })
    .await;
    let window = web_sys::window().expect("window");
    assert_eq!(
        window.location().pathname().ok().as_deref(),
        Some("/"),
        "nothing left yet"
    );
    let cancel = query(&container, "[role='dialog'] .button:not(.button--danger)").expect("Cancel");
    cancel.unchecked_into::<web_sys::HtmlElement>().click();
    until("the dialog closes", || {
        query(&container, "[role='dialog']").is_none()
    })
    .await;
    assert_eq!(
        window.location().pathname().ok().as_deref(),
        Some("/"),
        "staying stays here"
    );
    let name: HtmlInputElement = query(&container, "[name='name']")
        .expect("name")
        .unchecked_into();
    assert_eq!(name.value(), "DRAFT", "the input survives");
}

#[wasm_bindgen_test]
async fn renewal_is_offered_near_the_end_and_asked_for_after_it() {
    let (_owner, client, container) = signed_in_demo().await;
    let _mounted = mount_to(
        container.clone(),
        || view! { <Router><Shell><p>"page"</p></Shell></Router> },
    );
    let set_left = |seconds: f64| {
        client.session.admin.update(|s| {
            if let Some(session) = s {
                session.expires_at_ms = js_sys::Date::now() + seconds * 1000.0;
            }
        })
    };
    sleep(30).await;
    let renew_button = |c: &HtmlElement| {
        c.query_selector_all(".session button")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.get(i))
                    .any(|b| b.text_content().unwrap_or_default().contains("Renew"))
            })
            .unwrap_or(false)
    };
    assert!(!renew_button(&container), "hours left: no renewal offered");

    set_left(120.0);
    until("Renew is offered", || renew_button(&container)).await;
    let renew: HtmlElement = container
        .query_selector(".session .button--primary")
        .ok()
        .flatten()
        .expect("renew")
        .unchecked_into();
    renew.click();
    until("the renewal dialog opens", || {
        query(&container, "[role=dialog]")
            .and_then(|d| d.text_content())
            .is_some_and(|t| t.contains("Renew your session"))
    })
    .await;
    type_into(&container, "password", "admin1pass");
    click(&container, "[role=dialog] button[type=submit]");
    until("renewed", || query(&container, "[role=dialog]").is_none()).await;
    assert!(client
        .session
        .admin
        .get_untracked()
        .is_some_and(|s| s.remaining_seconds(js_sys::Date::now()) > 3600));

    set_left(-1.0);
    until("an ended session asks for the password", || {
        query(&container, "[role=dialog]")
            .and_then(|d| d.text_content())
            .is_some_and(|t| t.contains("Your session has ended"))
    })
    .await;
}

/// Regression: a renewed token used to re-render every guarded page, which
/// threw away what the user had typed (and then panicked on the dead page).
#[wasm_bindgen_test]
async fn renewing_the_token_keeps_the_guarded_page_and_its_input() {
    let (_owner, client, container) = signed_in_demo().await;
    let _mounted = mount_to(container.clone(), || {
        view! { <Router><RequireSignIn api=Api::Admin><ResourceForm resource=&ROLES existing=None on_saved=Callback::new(|_| ()) /></RequireSignIn></Router> }
    });
    sleep(30).await;
    type_into(&container, "name", "TYPED_BEFORE_RENEWAL");
    let before = query(&container, "[name='name']").expect("name input");
    userdesk::apis::admin::sign_in(client, "admin1", "admin1pass")
        .await
        .expect("renews");
    sleep(30).await;
    let after = query(&container, "[name='name']").expect("name input");
    assert!(before == after, "the same input element");
    let after: HtmlInputElement = after.unchecked_into();
    assert_eq!(after.value(), "TYPED_BEFORE_RENEWAL");
}

#[wasm_bindgen_test]
async fn user_form_checks_the_nested_profile_and_puts_server_errors_on_their_field() {
    let (_owner, client, container) = signed_in_demo().await;
    let saved = RwSignal::new(None::<serde_json::Value>);
    let on_saved = Callback::new(move |user| saved.set(Some(user)));
    let _mounted = mount_to(container.clone(), move || {
        view! { <Router><ResourceForm resource=&USERS existing=None on_saved=on_saved /></Router> }
    });
    until("the user roles to pick from", || {
        query(&container, "input[name='roles']").is_some()
    })
    .await;
    let sent_before = client.activity.sent.get_untracked();
    type_into(&container, "username", "user2");
    type_into(&container, "email", "fresh@test.com");
    type_into(&container, "password", "user10Pass");
    type_into(&container, "profile.first_name", "Vivyan");
    type_into(&container, "profile.last_name", "J");
    click(&container, "button[type=submit]");
    sleep(30).await;
    let last_name = query(&container, "[name='profile.last_name']").expect("nested input");
    assert_eq!(
        last_name.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        client.activity.sent.get_untracked(),
        sent_before,
        "a broken rule sends nothing"
    );

    // The username is taken: only the server knows, and its 400 lands on the input.
    type_into(&container, "profile.last_name", "Joyce");
    click(&container, "button[type=submit]");
    until("the server's answer", || {
        query(&container, "[name='username'][aria-invalid='true']").is_some()
    })
    .await;
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains("This username is already taken."));
    let first_name: HtmlInputElement = query(&container, "[name='profile.first_name']")
        .expect("kept")
        .unchecked_into();
    assert_eq!(first_name.value(), "Vivyan", "nothing typed is lost");
    assert_eq!(saved.get_untracked(), None);
}

/// Regression: a select whose options load after its value (the profile's
/// user picker) showed the placeholder instead of the saved user.
#[wasm_bindgen_test]
async fn select_shows_its_value_when_options_arrive_late() {
    let (_owner, _client, container) = signed_in_demo().await;
    let value = RwSignal::new("9".to_string());
    let options = RwSignal::new(vec![(String::new(), "Choose…".to_string())]);
    let _mounted = mount_to(container.clone(), move || {
        view! {
            <SelectField label="User" name="user_id" value=value errors=Signal::derive(Vec::new) options=options />
        }
    });
    sleep(20).await;
    options.set(vec![
        (String::new(), "Choose…".to_string()),
        ("2".to_string(), "user2".to_string()),
        ("9".to_string(), "user9".to_string()),
    ]);
    let select = || -> web_sys::HtmlSelectElement {
        query(&container, "select[name='user_id']")
            .expect("select")
            .unchecked_into()
    };
    until("the late option is chosen", || select().value() == "9").await;
}

#[wasm_bindgen_test]
async fn list_layout_renders_described_columns_from_the_demo() {
    let (_owner, _client, container) = signed_in_demo().await;
    let _mounted = mount_to(container.clone(), || {
        view! { <Router><ResourceList resource=&USERS /></Router> }
    });
    until("the first page of users", || {
        container
            .query_selector_all("tbody tr")
            .map(|rows| rows.length() == 10)
            .unwrap_or(false)
    })
    .await;
    // Users can be deleted: the first header is the choose-all box.
    let choose_all = container
        .query_selector("thead th.table__select input[type=checkbox]")
        .ok()
        .flatten();
    assert!(choose_all.is_some(), "a choose-all box");
    let headers: Vec<String> = (0..8)
        .filter_map(|i| {
            container
                .query_selector_all("thead th:not(.table__select)")
                .ok()
                .and_then(|list| list.get(i))
                .and_then(|th| th.text_content())
        })
        .collect();
    assert_eq!(
        headers,
        [
            "ID ▲",
            "Username ↕",
            "Name",
            "Email",
            "Roles",
            "Verified",
            "Status"
        ]
    );
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("Lynne Harford"), "{text}");
    assert!(text.contains("Page 1 of 4 · 37 users"), "{text}");
}

/// Every `id` under `root`, with those used more than once.
fn duplicate_ids(root: &HtmlElement) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::<String, u32>::new();
    let nodes = root.query_selector_all("[id]").expect("selector");
    for index in 0..nodes.length() {
        if let Some(element) = nodes
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            *seen.entry(element.id()).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, count)| *count > 1)
        .map(|(id, _)| id)
        .collect()
}

/// A named page, mounted fresh.
type NamedPage = (
    &'static str,
    std::sync::Arc<dyn Fn() -> AnyView + Send + Sync>,
);

/// Each form page's form, for the id check.
fn form_pages() -> Vec<NamedPage> {
    use userdesk::pages::admin::account::{AdminAccountPage, PasswordPage};
    use userdesk_api::admin::REGISTRY;
    let mut pages: Vec<NamedPage> = vec![
        (
            "account",
            std::sync::Arc::new(|| view! { <AdminAccountPage /> }.into_any()),
        ),
        (
            "password",
            std::sync::Arc::new(|| view! { <PasswordPage /> }.into_any()),
        ),
    ];
    for resource in REGISTRY.iter().filter(|resource| resource.ops.create) {
        pages.push((
            resource.slug,
            std::sync::Arc::new(move || {
                view! { <ResourceForm resource=resource existing=None on_saved=|_| ()/> }.into_any()
            }),
        ));
    }
    pages
}

#[wasm_bindgen_test]
async fn no_id_is_shared_between_a_form_and_the_sign_in_dialog_over_it() {
    let (_owner, client, container) = signed_in_demo().await;
    for (page, form) in form_pages() {
        let mounted = mount_to(container.clone(), move || {
            view! {
                <Router>
                    // First, so a scope leaking to its siblings would show.
                    <userdesk::pages::sign_in::SignInAgainDialogs />
                    {form()}
                </Router>
            }
        });
        until(&format!("the {page} form renders"), || {
            query(&container, "form input").is_some()
        })
        .await;
        client.session.renew();
        until("the dialog is open", || {
            query(&container, "[role=dialog] input[name='password']").is_some()
        })
        .await;
        assert_eq!(
            duplicate_ids(&container),
            Vec::<String>::new(),
            "on the {page} page"
        );
        // The dialog's label leads to the dialog's own field, not the form's.
        let label = query(&container, "[role=dialog] label.field__label").expect("a label");
        let target = label.get_attribute("for").expect("for");
        let field = document().get_element_by_id(&target).expect("its field");
        assert!(
            field.closest("[role=dialog]").ok().flatten().is_some(),
            "on the {page} page, the dialog's label points outside the dialog"
        );
        client.session.finish_sign_in(Api::Admin, false);
        drop(mounted);
    }
}

#[wasm_bindgen_test]
async fn inline_contact_rows_renumber_and_follow_their_type() {
    let (_owner, _client, container) = signed_in_demo().await;
    let _mounted = mount_to(container.clone(), move || {
        view! { <Router><ResourceForm resource=&userdesk_api::profiles::profile::PROFILES existing=None on_saved=Callback::new(|_| ()) /></Router> }
    });
    let input_type = |name: &str| {
        query(&container, &format!("[name='{name}']"))
            .and_then(|input| input.get_attribute("type"))
            .unwrap_or_default()
    };
    type_into(&container, "contacts.0.value", "first@example.com");
    assert_eq!(input_type("contacts.0.value"), "email");
    click(&container, ".rows > p > button");
    until("a second row", || {
        query(&container, "[name='contacts.1.key']").is_some()
    })
    .await;
    let key: web_sys::HtmlSelectElement = query(&container, "[name='contacts.1.key']")
        .expect("key")
        .unchecked_into();
    key.set_value("phone");
    key.dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
    until("a phone keypad", || input_type("contacts.1.value") == "tel").await;
    type_into(&container, "contacts.1.value", "+421900123456");

    click(&container, "button[aria-label='Remove contact 1']");
    until("one row left", || {
        query(&container, "[name='contacts.1.key']").is_none()
    })
    .await;
    let left: HtmlInputElement = query(&container, "[name='contacts.0.value']")
        .expect("the phone row is row 0 now")
        .unchecked_into();
    assert_eq!(left.value(), "+421900123456");
    assert_eq!(input_type("contacts.0.value"), "tel");
}

#[wasm_bindgen_test]
async fn at_most_three_toasts_show_newest_on_top() {
    let (_owner, _client, container) = signed_in_demo().await;
    let toasts = userdesk::components::toast::Toasts::use_toasts();
    let _mounted = mount_to(container.clone(), move || {
        view! { <userdesk::components::toast::Toaster /> }
    });
    for n in 1..=5 {
        toasts.show(
            userdesk::components::toast::ToastKind::Success,
            format!("Saved {n}."),
        );
    }
    sleep(30).await;
    let shown: Vec<String> = (0..10)
        .filter_map(|index| {
            container
                .query_selector_all(".toast__text")
                .ok()?
                .item(index)?
                .text_content()
        })
        .collect();
    assert_eq!(shown, ["Saved 5.", "Saved 4.", "Saved 3."]);
}

#[wasm_bindgen_test]
async fn a_superseded_load_never_shows_and_a_refetch_loads_again() {
    use userdesk::components::load::use_loaded;
    use userdesk_api::ApiError;
    // Run alone, no other test has started Leptos's executor yet: a mount does.
    let container: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("an HTML element");
    let _mounted = mount_to(container, || ());
    let owner = Owner::new();
    owner.set();
    let wanted = RwSignal::new(1u32);
    let runs = StoredValue::new(0u32);
    // The first answer is slow; the user has moved on before it comes.
    let loaded = use_loaded(move || {
        let asked = wanted.get();
        runs.update_value(|n| *n += 1);
        let run = runs.get_value();
        async move {
            sleep(if asked == 1 || run >= 3 { 300 } else { 10 }).await;
            Ok::<u32, ApiError>(asked)
        }
    });
    sleep(30).await;
    assert!(loaded.loading(), "the first answer is on its way");
    wanted.set(2);
    until("the second answer", || loaded.ok() == Some(2)).await;
    assert!(!loaded.loading());
    sleep(400).await;
    assert_eq!(
        loaded.ok(),
        Some(2),
        "the first answer came later and was dropped"
    );
    assert_eq!(runs.get_value(), 2);
    loaded.refetch();
    until("a third run", || runs.get_value() == 3).await;
    assert!(loaded.loading(), "a refetch shows it is on its way");
    assert_eq!(loaded.ok(), Some(2), "the last answer stays meanwhile");
    until("its answer", || loaded.ok() == Some(2)).await;
}
