use serde_json::{json, Value};
use userdesk_api::websupport::{WebsupportConfig, TIME_HEADER};
use userdesk_api::{HttpRequest, HttpResponse, Method};

use super::*;

const NOW: i64 = 1_700_000_000;

fn reseller() -> WebsupportConfig {
    WebsupportConfig {
        base_url: String::new(),
        api_key: DEMO_KEYS[0].key.into(),
        secret: DEMO_KEYS[0].secret.into(),
    }
}

fn customer() -> WebsupportConfig {
    WebsupportConfig {
        api_key: DEMO_KEYS[1].key.into(),
        secret: DEMO_KEYS[1].secret.into(),
        ..reseller()
    }
}

fn send(
    server: &mut WebsupportServer,
    config: &WebsupportConfig,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = config.request(method, path, NOW);
    if let Some(body) = body {
        request = request.json_body(body.to_string());
    }
    answer(server.handle(&request, NOW))
}

fn answer(response: HttpResponse) -> (u16, Value) {
    (
        response.status,
        serde_json::from_str(&response.body).unwrap_or(Value::Null),
    )
}

#[test]
fn signatures_are_verified_with_a_five_minute_skew() {
    let mut server = WebsupportServer::seeded();
    let (status, me) = send(&mut server, &reseller(), Method::Get, "/v1/user/self", None);
    assert_eq!((status, me["login"].as_str()), (200, Some("testaccount")));
    let config = reseller();
    let at = |time: i64| {
        let request = config.request(Method::Get, "/v1/user/self", time);
        server.clone().handle(&request, NOW).status
    };
    assert_eq!(at(NOW - ALLOWED_SKEW_SECONDS), 200);
    assert_eq!(at(NOW + ALLOWED_SKEW_SECONDS), 200);
    assert_eq!(at(NOW - ALLOWED_SKEW_SECONDS - 1), 401);
    assert_eq!(at(NOW + ALLOWED_SKEW_SECONDS + 1), 401);
    let wrong_secret = WebsupportConfig {
        secret: "nope".into(),
        ..reseller()
    };
    let (status, body) = send(
        &mut server,
        &wrong_secret,
        Method::Get,
        "/v1/user/self",
        None,
    );
    assert_eq!((status, body["code"].as_i64()), (401, Some(401)));
    // The signed path must be the sent one (its query is not signed).
    let signed_other = config.request(Method::Get, "/v1/user/self", NOW);
    let tampered = HttpRequest {
        url: "/v1/user/456".into(),
        ..signed_other
    };
    assert_eq!(server.handle(&tampered, NOW).status, 401);
    // `Date` works as well as the browser's header.
    let mut request = config.request(Method::Get, "/v1/user/self", NOW);
    request.headers.retain(|(name, _)| name != TIME_HEADER);
    let dated = request.header("Date", userdesk_api::time::format_basic(NOW));
    assert_eq!(server.handle(&dated, NOW).status, 200);
    let unsigned = HttpRequest::new(Method::Get, "/v1/user/self");
    assert_eq!(server.handle(&unsigned, NOW).status, 401);
}

#[test]
fn the_reseller_lists_ten_thousand_sub_users_whole_or_by_page() {
    let mut server = WebsupportServer::seeded();
    let (status, whole) = send(&mut server, &reseller(), Method::Get, "/v1/user", None);
    assert_eq!(status, 200);
    let items = whole["items"].as_array().expect("items");
    assert_eq!(items.len(), 1 + GENERATED_SUB_USERS as usize);
    assert_eq!(
        whole["pager"],
        json!({"page": 1, "pagesize": null, "items": 10_001})
    );
    assert_eq!(items[1]["login"], "customer00001");
    // Exactly the documented list item: no email.
    let mut keys: Vec<&String> = items[1].as_object().expect("item").keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["active", "createTime", "group", "id", "login", "parentId"]
    );
    let (_, page) = send(
        &mut server,
        &reseller(),
        Method::Get,
        "/v1/user?page=3&pagesize=20",
        None,
    );
    assert_eq!(page["items"].as_array().map(Vec::len), Some(20));
    assert_eq!(
        page["pager"],
        json!({"page": 3, "pagesize": 20, "items": 10_001})
    );
    assert_eq!(page["items"][0]["login"], "customer00040");
    let (_, mine) = send(&mut server, &customer(), Method::Get, "/v1/user", None);
    assert_eq!(
        mine["items"].as_array().map(Vec::len),
        Some(1),
        "a customer sees itself"
    );
    let saved = serde_json::to_string(&server).unwrap_or_default();
    assert!(
        saved.len() < 8_000,
        "the generated users are a rule, not data: {}",
        saved.len()
    );
}

#[test]
fn users_are_read_by_id_or_self_and_hidden_from_others() {
    let mut server = WebsupportServer::seeded();
    let (status, sub) = send(
        &mut server,
        &reseller(),
        Method::Get,
        "/v1/user/1000042",
        None,
    );
    assert_eq!(
        (status, sub["login"].as_str()),
        (200, Some("customer00042"))
    );
    assert_eq!(sub["billing"][0]["isDefault"], true);
    let (status, missing) = send(&mut server, &reseller(), Method::Get, "/v1/user/999", None);
    assert_eq!(
        (status, missing),
        (404, json!({"message": "User not found.", "code": 404}))
    );
    let (status, _) = send(&mut server, &customer(), Method::Get, "/v1/user/123", None);
    assert_eq!(status, 404, "not the customer's");
}

#[test]
fn sign_up_is_public_and_a_sub_user_needs_a_signature() {
    let mut server = WebsupportServer::seeded();
    let new_user = json!({"market": "sk", "login": "newtestingaccount", "password": "plainpass123!",
        "email": "test@test.com", "name": "Company s.r.o.", "city": "Lorem", "street": "Ipsum 12",
        "zip": "123456", "country": "sk", "phone": "+421900123456", "confirmTerms": true});
    let public = HttpRequest::new(Method::Post, "/v1/user").json_body(new_user.to_string());
    let (status, created) = answer(server.handle(&public, NOW));
    assert_eq!((status, created["status"].as_str()), (201, Some("success")));
    assert_eq!(created["item"]["parentId"], Value::Null);
    assert!(created["item"]["billingId"].is_i64());
    let (_, again) = answer(server.handle(&public, NOW));
    assert_eq!(
        (again["status"].as_str(), &again["errors"]["login"]),
        (Some("error"), &json!(["Login already exists."]))
    );
    let sub = json!({"login": "sub", "isSubUser": true});
    let unsigned = HttpRequest::new(Method::Post, "/v1/user").json_body(sub.to_string());
    assert_eq!(server.handle(&unsigned, NOW).status, 401);
    let mut sub_user = new_user.clone();
    sub_user["login"] = json!("mysubuser");
    sub_user["isSubUser"] = json!(true);
    let (status, created) = send(
        &mut server,
        &reseller(),
        Method::Post,
        "/v1/user",
        Some(sub_user),
    );
    assert_eq!((status, &created["item"]["parentId"]), (201, &json!(123)));
    let stored = serde_json::to_string(&server).unwrap_or_default();
    assert!(
        !stored.contains("plainpass123!"),
        "passwords are never stored"
    );
}

#[test]
fn invalid_writes_answer_200_with_errors_by_field() {
    let mut server = WebsupportServer::seeded();
    let bad = json!({"market": "pl", "login": "a", "password": "plainpass123", "email": "test@test.com",
        "name": "Company s.r.o.", "city": "Lorem", "street": "Ipsum 12", "zip": "123456", "country": "sk",
        "phone": "1", "confirmTerms": true});
    let request = HttpRequest::new(Method::Post, "/v1/user").json_body(bad.to_string());
    let (status, body) = answer(server.handle(&request, NOW));
    assert_eq!((status, body["status"].as_str()), (200, Some("error")));
    assert!(body["errors"]["login"].is_array());
    assert!(body["errors"]["market"].is_array());
    assert_eq!(body["item"]["id"], Value::Null);
    let (status, body) = send(
        &mut server,
        &reseller(),
        Method::Put,
        "/v1/user/self",
        Some(json!({"email": "a", "password": "a"})),
    );
    assert_eq!((status, body["status"].as_str()), (200, Some("error")));
    assert!(body["errors"]["email"].is_array() && body["errors"]["password"].is_array());
}

#[test]
fn user_updates_change_only_the_documented_fields() {
    let mut server = WebsupportServer::seeded();
    let (status, body) = send(
        &mut server,
        &reseller(),
        Method::Put,
        "/v1/user/1000007",
        Some(json!({"email": "mynew@email.com", "userLanguage": "en", "name": "Ignored"})),
    );
    assert_eq!(
        (status, body["item"]["email"].as_str()),
        (201, Some("mynew@email.com"))
    );
    let (_, user) = send(
        &mut server,
        &reseller(),
        Method::Get,
        "/v1/user/1000007",
        None,
    );
    assert_eq!(user["email"], "mynew@email.com");
    // Taken, but neither the update's echo nor the detail shows it.
    assert!(body["item"].get("userLanguage").is_none());
    assert!(user.get("userLanguage").is_none());
    let mut echoed: Vec<&String> = body["item"].as_object().expect("item").keys().collect();
    echoed.sort();
    assert_eq!(echoed, ["contactPerson", "email", "id", "login", "phone"]);
    assert_eq!(
        user["billing"][0]["name"], "Customer 00007 s.r.o.",
        "name stays with billing"
    );
    let (_, list) = send(&mut server, &reseller(), Method::Get, "/v1/user", None);
    assert_eq!(
        list["items"].as_array().map(Vec::len),
        Some(10_001),
        "stored once, listed once"
    );
}

#[test]
fn password_restore_needs_a_login() {
    let mut server = WebsupportServer::seeded();
    let (status, ok) = send(
        &mut server,
        &reseller(),
        Method::Post,
        "/v1/user/restorepass",
        Some(json!({"login": "mylogin"})),
    );
    assert_eq!((status, ok), (201, json!({"status": "success"})));
    let (status, error) = send(
        &mut server,
        &reseller(),
        Method::Post,
        "/v1/user/restorepass",
        Some(json!({})),
    );
    assert_eq!(
        (status, error),
        (
            200,
            json!({"status": "error", "errors": {"login": ["Login field is required"]}})
        )
    );
    // Only the sign-up is documented as public; the restore's curl is signed.
    let unsigned = HttpRequest::new(Method::Post, "/v1/user/restorepass")
        .json_body(json!({"login": "mylogin"}).to_string());
    assert_eq!(server.handle(&unsigned, NOW).status, 401);
}

#[test]
fn the_bare_path_is_signed_and_the_query_is_not() {
    let mut server = WebsupportServer::seeded();
    // The console's own request signs `/v1/user`, not `/v1/user?page=1&pagesize=5`.
    let (status, page) = send(
        &mut server,
        &reseller(),
        Method::Get,
        "/v1/user?page=1&pagesize=5",
        None,
    );
    assert_eq!(status, 200);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(5));
    // A signature over the path with its query is refused, as the live API does.
    let config = reseller();
    let signed_query = userdesk_api::websupport::signature(
        &config.secret,
        Method::Get,
        "/v1/user?page=1&pagesize=5",
        NOW,
    );
    let request = HttpRequest::new(Method::Get, "/v1/user?page=1&pagesize=5")
        .header(TIME_HEADER, userdesk_api::time::format_basic(NOW))
        .header(
            "Authorization",
            userdesk_api::base64::basic_auth(&config.api_key, &signed_query),
        );
    assert_eq!(server.handle(&request, NOW).status, 401);
}

#[test]
fn billing_profiles_are_created_changed_and_deleted_but_the_default_stays() {
    let mut server = WebsupportServer::seeded();
    let config = reseller();
    let (status, list) = send(
        &mut server,
        &config,
        Method::Get,
        "/v1/user/self/billing",
        None,
    );
    assert_eq!((status, list["pager"]["items"].as_i64()), (200, Some(2)));
    let (status, created) = send(
        &mut server,
        &config,
        Method::Post,
        "/v1/user/self/billing",
        Some(
            json!({"profile": "my new profile", "name": "Company s.r.o.", "city": "Lorem", "street": "Ipsum 12", "zip": "123456", "country": "sk"}),
        ),
    );
    assert_eq!(
        (status, created["item"]["isDefault"].as_bool()),
        (201, Some(false))
    );
    let id = created["item"]["id"].as_i64().unwrap_or_default();
    let (_, invalid) = send(
        &mut server,
        &config,
        Method::Post,
        "/v1/user/self/billing",
        Some(
            json!({"profile": "", "name": "Company s.r.o.", "city": "Lorem", "street": "Ipsum 12", "zip": "fsafdsa", "country": "aa"}),
        ),
    );
    assert_eq!(invalid["status"], "error");
    assert!(invalid["errors"]["zip"].is_array() && invalid["errors"]["profile"].is_array());
    let (status, changed) = send(
        &mut server,
        &config,
        Method::Put,
        &format!("/v1/user/self/billing/{id}"),
        Some(json!({"name": "New Company s.r.o.", "isDefault": true})),
    );
    assert_eq!(
        (status, changed["item"]["isDefault"].as_bool()),
        (201, Some(true))
    );
    let (_, old_default) = send(
        &mut server,
        &config,
        Method::Get,
        "/v1/user/self/billing/357",
        None,
    );
    assert_eq!(old_default["isDefault"], false, "one default at a time");
    let (status, refused) = send(
        &mut server,
        &config,
        Method::Delete,
        &format!("/v1/user/self/billing/{id}"),
        None,
    );
    assert_eq!(
        (status, refused),
        (
            500,
            json!({"message": "Cannot delete default profile!", "code": 500})
        )
    );
    let (status, deleted) = send(
        &mut server,
        &config,
        Method::Delete,
        "/v1/user/self/billing/357",
        None,
    );
    assert_eq!((status, deleted["status"].as_str()), (200, Some("success")));
    let (status, gone) = send(
        &mut server,
        &config,
        Method::Delete,
        "/v1/user/self/billing/357",
        None,
    );
    assert_eq!(
        (status, gone["message"].as_str()),
        (404, Some("Billing info not found!"))
    );
    let (status, _) = send(
        &mut server,
        &config,
        Method::Get,
        "/v1/user/999/billing",
        None,
    );
    assert_eq!(status, 404);
}

#[test]
fn domain_profiles_with_domains_keep_their_identity_and_stay() {
    let mut server = WebsupportServer::seeded();
    let config = reseller();
    let (_, list) = send(
        &mut server,
        &config,
        Method::Get,
        "/v1/user/self/domainProfile",
        None,
    );
    assert_eq!(list["items"].as_array().map(Vec::len), Some(3));
    assert!(
        list["items"][0].get("domains").is_none(),
        "lists leave domains out"
    );
    let (_, assigned) = send(
        &mut server,
        &config,
        Method::Get,
        "/v1/user/self/domainProfile/126",
        None,
    );
    assert_eq!(assigned["domains"], json!(["firma.sk"]));
    let (status, refused) = send(
        &mut server,
        &config,
        Method::Delete,
        "/v1/user/self/domainProfile/126",
        None,
    );
    assert_eq!(
        (status, refused["message"].as_str()),
        (400, Some("Cannot delete profile with assigned domains!"))
    );
    let (_, locked) = send(
        &mut server,
        &config,
        Method::Put,
        "/v1/user/self/domainProfile/126",
        Some(json!({"orgName": "", "city": "Prešov"})),
    );
    assert_eq!(locked["status"], "error");
    assert!(locked["errors"]["orgName"].is_array());
    let (status, renamed) = send(
        &mut server,
        &config,
        Method::Put,
        "/v1/user/self/domainProfile/126",
        Some(json!({"firstName": "Jozef Premenovany"})),
    );
    assert_eq!(
        (status, renamed["item"]["firstName"].as_str()),
        (200, Some("Jozef Premenovany"))
    );
    let (status, created) = send(
        &mut server,
        &config,
        Method::Post,
        "/v1/user/self/domainProfile",
        Some(
            json!({"firstName": "Tesster 2", "lastName": "Priezvisko", "street": "Stare Grunty 12",
                    "city": "Kosice", "zip": "040 17", "country": "SK", "phone": "+421900123456",
                    "email": "test@example.com"}),
        ),
    );
    assert_eq!(status, 201);
    let id = created["item"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let (_, invalid) = send(
        &mut server,
        &config,
        Method::Post,
        "/v1/user/self/domainProfile",
        Some(json!({"firstName": "Tesster 2 Priezvisko", "phone": "0900123456"})),
    );
    assert!(invalid["errors"]["lastName"].is_array() && invalid["errors"]["phone"].is_array());
    let path = format!("/v1/user/self/domainProfile/{id}");
    let (status, body) = send(&mut server, &config, Method::Delete, &path, None);
    assert_eq!((status, body), (200, Value::Null), "no body");
    let (status, body) = send(&mut server, &config, Method::Delete, &path, None);
    assert_eq!(
        (status, body["message"].as_str()),
        (400, Some("Profile does not exist"))
    );
    let (status, _) = send(&mut server, &config, Method::Get, &path, None);
    assert_eq!(status, 404);
}

#[test]
fn an_update_may_not_clear_the_email() {
    let mut server = WebsupportServer::seeded();
    let (status, body) = send(
        &mut server,
        &reseller(),
        Method::Put,
        "/v1/user/self",
        Some(json!({"email": ""})),
    );
    assert_eq!((status, body["status"].as_str()), (200, Some("error")));
    assert_eq!(
        body["errors"]["email"][0],
        userdesk_api::websupport::users::EMAIL_NOT_CLEARED
    );
    let (_, me) = send(&mut server, &reseller(), Method::Get, "/v1/user/self", None);
    assert_eq!(me["email"], "myemail@mydomain.com", "kept");
}
