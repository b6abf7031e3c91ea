use serde_json::{json, Value};
use userdesk_api::{HttpRequest, HttpResponse, Method};

use super::*;

const NOW: i64 = 1_700_000_000;

fn call(
    server: &mut ProfilesServer,
    method: Method,
    url: &str,
    body: Option<Value>,
) -> HttpResponse {
    let mut request =
        HttpRequest::new(method, url).header("Authorization", "Bearer demo-profiles-token");
    if let Some(body) = body {
        request = request.json_body(body.to_string());
    }
    server.handle(&request, NOW, &mut Rng::new(7))
}

fn json_of(response: &HttpResponse) -> Value {
    serde_json::from_str(&response.body).expect("json")
}

fn names(response: &HttpResponse) -> Vec<String> {
    json_of(response)
        .as_array()
        .expect("array")
        .iter()
        .map(|p| text_at(p, "name"))
        .collect()
}

#[test]
fn only_the_demo_bearer_token_gets_in() {
    let mut server = ProfilesServer::seeded();
    let anonymous = server.handle(
        &HttpRequest::new(Method::Get, "/profiles"),
        NOW,
        &mut Rng::new(1),
    );
    assert_eq!(anonymous.status, 401);
    let wrong = HttpRequest::new(Method::Get, "/profiles").header("Authorization", "Bearer nope");
    assert_eq!(server.handle(&wrong, NOW, &mut Rng::new(1)).status, 401);
    assert_eq!(
        call(&mut server, Method::Get, "/profiles?limit=1", None).status,
        200
    );
}

#[test]
fn lists_page_sort_and_filter_as_documented() {
    let mut server = ProfilesServer::seeded();
    let first = call(
        &mut server,
        Method::Get,
        "/profiles?limit=3&offset=0&sort_by=lastName&sort_order=asc",
        None,
    );
    assert_eq!(
        names(&first),
        ["Olivia Rose Brown", "Jana Marie Dvořáková", "Tomás García"]
    );
    let second = call(
        &mut server,
        Method::Get,
        "/profiles?limit=3&offset=3&sort_by=lastName&sort_order=asc",
        None,
    );
    assert_eq!(names(&second).len(), 3);
    assert_ne!(names(&first), names(&second));
    let newest = call(
        &mut server,
        Method::Get,
        "/profiles?limit=1&sort_by=createTime&sort_order=desc",
        None,
    );
    assert_eq!(names(&newest), ["Hiro Tanaka"]);
    for filter in [
        "filter%5BprofileFirstName%5D=mary",
        "filter[firstName]=Mary",
    ] {
        let found = call(
            &mut server,
            Method::Get,
            &format!("/profiles?{filter}"),
            None,
        );
        assert_eq!(names(&found), ["Mary Jane Smith"], "{filter}");
    }
    let disabled = call(
        &mut server,
        Method::Get,
        "/profiles?filter[enabled]=0&sort_by=name",
        None,
    );
    assert_eq!(names(&disabled), ["Eva Horváth", "Noah Wilson"]);
    assert_eq!(
        call(&mut server, Method::Get, "/profiles?sort_by=age", None).status,
        400
    );
    assert_eq!(
        call(&mut server, Method::Get, "/profiles?filter[age]=3", None).status,
        400
    );
    assert_eq!(
        call(&mut server, Method::Get, "/profiles?limit=101", None).status,
        400
    );
}

#[test]
fn create_read_patch_and_delete_a_profile() {
    let mut server = ProfilesServer::seeded();
    let created = call(
        &mut server,
        Method::Post,
        "/profiles",
        Some(json!({
            "contacts": [{"key": "email", "value": "client@email.com", "uuid": null},
                         {"key": "phone", "value": "+9876543210", "uuid": null}],
            "countryNumericCode": "703", "enabled": true,
            "firstName": "Ada", "middleName": null, "lastName": "Lovelace", "uuid": null
        })),
    );
    assert_eq!(created.status, 201);
    let profile = json_of(&created);
    let id = text_at(&profile, "profileId");
    assert_eq!(id.len(), 24);
    assert_eq!(profile["name"], "Ada Lovelace");
    assert_eq!(profile["country"]["countryName"], "Slovakia");
    assert_eq!(profile["contacts"].as_array().map(Vec::len), Some(2));

    let patched = call(
        &mut server,
        Method::Patch,
        &format!("/profiles/{id}"),
        Some(json!({"middleName": "King", "countryNumericCode": "826"})),
    );
    assert_eq!(patched.status, 200);
    let patched = json_of(&patched);
    assert_eq!(
        (patched["name"].as_str(), patched["firstName"].as_str()),
        (Some("Ada King Lovelace"), Some("Ada"))
    );
    assert_eq!(patched["country"]["alpha2Code"], "GB");
    let cleared = call(
        &mut server,
        Method::Put,
        &format!("/profile/{id}"),
        Some(json!({"middleName": null})),
    );
    assert_eq!(
        json_of(&cleared)["name"],
        "Ada Lovelace",
        "the heading's path works too"
    );

    let invalid = call(
        &mut server,
        Method::Patch,
        &format!("/profiles/{id}"),
        Some(json!({"firstName": "x".repeat(256)})),
    );
    assert_eq!(invalid.status, 422);
    assert!(json_of(&invalid)["errors"]["firstName"].is_array());

    assert_eq!(
        call(
            &mut server,
            Method::Delete,
            &format!("/profiles/{id}"),
            None
        ),
        HttpResponse::empty(204)
    );
    assert_eq!(
        call(&mut server, Method::Get, &format!("/profiles/{id}"), None).status,
        404
    );
}

#[test]
fn inline_contacts_errors_name_their_row() {
    let mut server = ProfilesServer::seeded();
    let refused = call(
        &mut server,
        Method::Post,
        "/profiles",
        Some(json!({
            "enabled": true, "contacts": [{"key": "email", "value": "ok@example.com"}, {"key": "phone", "value": "0900"}]
        })),
    );
    assert_eq!(refused.status, 422);
    assert!(json_of(&refused)["errors"]["contacts.1.value"].is_array());
}

#[test]
fn contacts_have_full_crud_under_their_profile() {
    let mut server = ProfilesServer::seeded();
    let base = "/profiles/6006dda272f002519c3eb505/contacts";
    assert_eq!(
        json_of(&call(&mut server, Method::Get, base, None))
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let added = call(
        &mut server,
        Method::Post,
        base,
        Some(json!({"key": "phone", "value": "+421900123456"})),
    );
    assert_eq!(added.status, 201);
    let contact = text_at(&json_of(&added), "contactId");
    let wrong = call(
        &mut server,
        Method::Put,
        &format!("{base}/{contact}"),
        Some(json!({"key": "email"})),
    );
    assert_eq!(wrong.status, 422, "a phone number is not an email");
    let changed = call(
        &mut server,
        Method::Patch,
        &format!("{base}/{contact}"),
        Some(json!({"value": "+421900000000"})),
    );
    assert_eq!(json_of(&changed)["value"], "+421900000000");
    assert_eq!(
        json_of(&call(
            &mut server,
            Method::Get,
            &format!("{base}/{contact}"),
            None
        ))["key"],
        "phone"
    );
    let profile = json_of(&call(
        &mut server,
        Method::Get,
        "/profiles/6006dda272f002519c3eb505",
        None,
    ));
    assert_eq!(
        profile["contacts"].as_array().map(Vec::len),
        Some(2),
        "the profile shows it"
    );
    assert_eq!(
        call(
            &mut server,
            Method::Delete,
            &format!("{base}/{contact}"),
            None
        )
        .status,
        204
    );
    assert_eq!(
        call(
            &mut server,
            Method::Delete,
            &format!("{base}/{contact}"),
            None
        )
        .status,
        404
    );
    assert_eq!(
        call(&mut server, Method::Get, "/profiles/nope/contacts", None).status,
        404
    );
}
