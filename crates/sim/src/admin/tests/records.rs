//! Users, user profiles, terms and the read-only lists, driven through the
//! client crate's own request builders and decoders.

use serde_json::Value;
use userdesk_api::admin::countries::{Country, COUNTRIES};
use userdesk_api::admin::logins::{Login, LOGINS};
use userdesk_api::admin::notifications::{Notification, NOTIFICATIONS};
use userdesk_api::admin::password_resets::{PasswordReset, PASSWORD_RESETS};
use userdesk_api::admin::regions::{Region, REGIONS};
use userdesk_api::admin::terms::TERMS;
use userdesk_api::admin::token::{decode_token, token_request, SignInFailure};
use userdesk_api::admin::user_profiles::{UserProfile, USER_PROFILES};
use userdesk_api::admin::users::{User, USERS};
use userdesk_api::list::{ListPage, ListQuery};
use userdesk_api::resource::{Answer, Mode, Operation};
use userdesk_api::time::format_timestamp;
use userdesk_api::{ApiError, HttpRequest, Method};

use super::{call, config, decode_deleted, form_payload, list, send, sign_in, Calls, NOW};
use crate::Simulator;

fn user_values(username: &str) -> Value {
    let email = format!("{username}@test.com");
    form_payload(
        &USERS,
        None,
        &[
            ("username", username),
            ("email", &email),
            ("password", "user10Pass"),
            ("profile.first_name", "Vivyan"),
            ("profile.last_name", "Joyce"),
            ("profile.joined_at", "2019-05-21T08:30"),
            ("roles", "1"),
            ("status", "5"),
        ],
        Mode::Create,
    )
}

#[test]
fn users_span_several_pages_and_show_the_documented_records() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let first: ListPage<User> = list(&mut sim, &token, &USERS, &[]);
    assert!(first.page_count() >= 3, "{} users", first.total);
    let page: ListPage<User> = list(&mut sim, &token, &USERS, &[("page", "2"), ("limit", "2")]);
    let names: Vec<_> = page.items.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(names, ["user3", "user5"], "the documented page 2 of 2");
    assert_eq!(
        page.items[1].profile.as_ref().map(|p| p.last_name.as_str()),
        Some("Hunnicutt")
    );
    let response = send(&mut sim, &USERS.get_request(&config(), &token, 2));
    let user2: User = USERS.decode_record(&response).expect("user 2");
    let accepted: Vec<_> = user2
        .terms_of_services
        .iter()
        .map(|t| (t.terms_of_service.version.as_str(), t.ip_address.as_str()))
        .collect();
    assert_eq!(
        accepted,
        [("1.1", "1.1.1.2"), ("1.0", "1.1.1.2")],
        "newest first"
    );
}

#[test]
fn users_filter_by_status_and_role_and_sort_by_username() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let disabled: ListPage<User> = list(
        &mut sim,
        &token,
        &USERS,
        &[("status", "2"), ("limit", "100")],
    );
    assert!(disabled.items.iter().all(|u| u.status.code() == 2));
    assert!(disabled.items.iter().any(|u| u.username == "user5"));
    let service: ListPage<User> = list(&mut sim, &token, &USERS, &[("role", "3")]);
    assert_eq!(service.items.iter().map(|u| u.id).collect::<Vec<_>>(), [3]);
    let by_name: ListPage<User> = list(
        &mut sim,
        &token,
        &USERS,
        &[("order_by", "username.desc"), ("limit", "100")],
    );
    let names: Vec<_> = by_name.items.iter().map(|u| u.username.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(names, sorted);
}

#[test]
fn user_crud_with_nested_profile_and_errors() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let fields = user_values("user10");
    let created: User = USERS
        .decode_record(&send(
            &mut sim,
            &USERS.create_request(&config(), &token, &fields),
        ))
        .expect("created");
    assert_eq!(
        created.profile.as_ref().map(|p| p.first_name.as_str()),
        Some("Vivyan")
    );
    assert_eq!(created.roles[0].name, "USER");

    // The profile shows up among user profiles too.
    let profiles: ListPage<UserProfile> =
        list(&mut sim, &token, &USER_PROFILES, &[("order_by", "id.desc")]);
    assert_eq!(profiles.items[0].fields.user_id, created.id);

    let again = send(&mut sim, &USERS.create_request(&config(), &token, &fields));
    let Err(ApiError::Validation(errors)) = USERS.decode_record::<User>(&again) else {
        panic!("duplicate must be a 400");
    };
    assert_eq!(
        errors.iter().map(|(f, _)| f).collect::<Vec<_>>(),
        ["email", "username"]
    );

    // A raw payload with a broken profile gets nested errors back.
    let raw = HttpRequest {
        body: Some(r#"{"email": "x@test.com", "is_verified": true, "password": "Passw0rd!", "roles": [2],
            "status": 1, "username": "xuser", "profile": {"first_name": "", "last_name": "Ok", "joined_at": "2019-01-01T00:00:00+0000"}}"#.into()),
        ..USERS.create_request(&config(), &token, &fields)
    };
    let Err(ApiError::Validation(errors)) = USERS.decode_record::<User>(&send(&mut sim, &raw))
    else {
        panic!("must be a 400");
    };
    assert_eq!(errors.get("profile.first_name").len(), 1);
    let admin_role = HttpRequest {
        body: raw
            .body
            .as_ref()
            .map(|body| body.replace("\"first_name\": \"\"", "\"first_name\": \"X\"")),
        ..raw.clone()
    };
    let Err(ApiError::Validation(errors)) =
        USERS.decode_record::<User>(&send(&mut sim, &admin_role))
    else {
        panic!("must be a 400");
    };
    assert!(
        errors.get("roles")[0].contains("administrator role"),
        "{errors:?}"
    );

    let record = serde_json::to_value(&created).expect("json");
    let fields = form_payload(
        &USERS,
        Some(&record),
        &[("profile.first_name", "Vivian"), ("status", "2")],
        Mode::Update,
    );
    assert!(fields.get("password").is_none(), "the password is kept");
    let updated: User = USERS
        .decode_record(&send(
            &mut sim,
            &USERS.update_request(&config(), &token, created.id, &fields),
        ))
        .expect("updated");
    assert_eq!(updated.profile.map(|p| p.first_name), Some("Vivian".into()));
    assert_eq!(updated.status.code(), 2);

    let deleted = send(
        &mut sim,
        &USERS.delete_request(&config(), &token, created.id),
    );
    assert_eq!(decode_deleted(&deleted), Ok(()));
    let gone = send(&mut sim, &USERS.get_request(&config(), &token, created.id));
    assert!(matches!(
        USERS.decode_record::<User>(&gone),
        Err(ApiError::NotFound(_))
    ));
    let orphan = send(
        &mut sim,
        &USER_PROFILES.get_request(&config(), &token, profiles.items[0].id),
    );
    assert!(
        matches!(
            USER_PROFILES.decode_record::<UserProfile>(&orphan),
            Err(ApiError::NotFound(_))
        ),
        "profile deleted with its user"
    );
}

#[test]
fn seeded_users_are_denied_the_admin_api() {
    let mut sim = Simulator::seeded(NOW, 1);
    let denied = send(&mut sim, &token_request(&config(), "user2", "user2Pass!"));
    assert_eq!(
        SignInFailure::classify(&decode_token(&denied).expect_err("a user")),
        Some(SignInFailure::PermissionDenied)
    );
    let wrong = send(&mut sim, &token_request(&config(), "user2", "nope"));
    assert_eq!(
        SignInFailure::classify(&decode_token(&wrong).expect_err("wrong password")),
        Some(SignInFailure::BadCredentials)
    );
}

#[test]
fn users_are_read_by_username_too() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let request = config().request(Method::Get, "/user/user3", &[], &token);
    let user: User = USERS
        .decode_record(&send(&mut sim, &request))
        .expect("by name");
    assert_eq!(user.id, 3);
}

#[test]
fn user_profile_crud_checks_the_user() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let profile = |user_id: &str, last_name: &str, mode| {
        form_payload(
            &USER_PROFILES,
            None,
            &[
                ("user_id", user_id),
                ("first_name", "Vivyan"),
                ("last_name", last_name),
                ("joined_at", "2019-05-21T08:30"),
                ("status", "5"),
            ],
            mode,
        )
    };
    let fields = profile("9", "Joyce", Mode::Create);
    let created: UserProfile = USER_PROFILES
        .decode_record(&send(
            &mut sim,
            &USER_PROFILES.create_request(&config(), &token, &fields),
        ))
        .expect("the documented create for user 9");
    let user9: User = USERS
        .decode_record(&send(&mut sim, &USERS.get_request(&config(), &token, 9)))
        .expect("user 9");
    assert_eq!(user9.profile.map(|p| p.last_name), Some("Joyce".into()));

    let twice = send(
        &mut sim,
        &USER_PROFILES.create_request(&config(), &token, &fields),
    );
    let Err(ApiError::Validation(errors)) = USER_PROFILES.decode_record::<UserProfile>(&twice)
    else {
        panic!("one profile per user");
    };
    assert_eq!(errors.get("user_id"), ["This user already has a profile."]);
    let nobody = profile("999", "Joyce", Mode::Create);
    let response = send(
        &mut sim,
        &USER_PROFILES.create_request(&config(), &token, &nobody),
    );
    assert!(matches!(
        USER_PROFILES.decode_record::<UserProfile>(&response),
        Err(ApiError::Validation(_))
    ));

    let edited = profile("9", "Joycee", Mode::Update);
    let updated: UserProfile = USER_PROFILES
        .decode_record(&send(
            &mut sim,
            &USER_PROFILES.update_request(&config(), &token, created.id, &edited),
        ))
        .expect("updated");
    assert_eq!(updated.fields.last_name, "Joycee");
    let deleted = send(
        &mut sim,
        &USER_PROFILES.delete_request(&config(), &token, created.id),
    );
    assert_eq!(decode_deleted(&deleted), Ok(()));
    let by_joined: ListPage<UserProfile> = list(
        &mut sim,
        &token,
        &USER_PROFILES,
        &[("order_by", "joined_at.asc"), ("limit", "3")],
    );
    assert_eq!(
        by_joined.items[0].fields.joined_at,
        "2018-12-01T00:00:00+0000"
    );
}

#[test]
fn terms_crud_and_order_by_version() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let documented: ListPage<serde_json::Value> = list(&mut sim, &token, &TERMS, &[("limit", "2")]);
    assert_eq!(
        (
            documented.total,
            documented.items[1]["version"].as_str().unwrap_or_default()
        ),
        (4, "1.1")
    );
    let payload: serde_json::Value =
        serde_json::from_str(TERMS.example.create).expect("documented create");
    let created = call(
        &mut sim,
        &token,
        &TERMS,
        &Operation::Create { payload: &payload },
    )
    .and_then(Answer::into_record)
    .expect("created");
    let id = created["id"].to_string();
    let newest: ListPage<serde_json::Value> =
        list(&mut sim, &token, &TERMS, &[("order_by", "version.desc")]);
    assert_eq!(newest.items[0]["id"].to_string(), id);
    let bad =
        serde_json::json!({"version": "12345678901", "text": "", "publish_date": "x", "status": 1});
    let Err(ApiError::Validation(errors)) = call(
        &mut sim,
        &token,
        &TERMS,
        &Operation::Update {
            id: &id,
            payload: &bad,
        },
    ) else {
        panic!("must be a 400");
    };
    assert_eq!(
        errors.iter().map(|(f, _)| f).collect::<Vec<_>>(),
        ["publish_date", "text", "version"]
    );
    assert_eq!(
        call(&mut sim, &token, &TERMS, &Operation::Delete { id: &id }),
        Ok(Answer::Deleted)
    );
    assert!(matches!(
        call(&mut sim, &token, &TERMS, &Operation::Delete { id: &id }),
        Err(ApiError::NotFound(_))
    ));
}

#[test]
fn countries_span_pages_and_regions_filter_by_country() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let countries: ListPage<Country> = list(&mut sim, &token, &COUNTRIES, &[("limit", "2")]);
    assert_eq!(
        countries
            .items
            .iter()
            .map(|c| c.code_2.as_str())
            .collect::<Vec<_>>(),
        ["US", "MX"]
    );
    let default: ListPage<Country> = list(&mut sim, &token, &COUNTRIES, &[]);
    assert!(default.page_count() >= 3);
    let by_code: ListPage<Country> =
        list(&mut sim, &token, &COUNTRIES, &[("order_by", "code_3.asc")]);
    assert_eq!(by_code.items[0].code_3, "ARG");
    let us: ListPage<Region> = list(&mut sim, &token, &REGIONS, &[("country_id", "1")]);
    assert_eq!(
        us.items.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["California", "Oregon", "Washington"]
    );
    assert!(us.items.iter().all(|r| r.country.code_3 == "USA"));
    let none: ListPage<Region> = list(&mut sim, &token, &REGIONS, &[("country_id", "30")]);
    assert_eq!(none.total, 0, "204 is an empty page");
}

#[test]
fn logins_default_to_25_filter_and_record_sign_ins() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let first: ListPage<Login> = list(&mut sim, &token, &LOGINS, &[]);
    assert_eq!((first.limit, first.items.len()), (25, 25));
    assert!(first.page_count() >= 3);
    assert_eq!(
        first.items[0].attempt_date,
        format_timestamp(NOW),
        "newest first: this test's own sign-in"
    );
    let oldest: ListPage<Login> = list(&mut sim, &token, &LOGINS, &[("order_by", "id.asc")]);
    assert_eq!(oldest.items[0].attempt_date, "2018-12-01T08:32:55+0000");
    let from_ip: ListPage<Login> = list(
        &mut sim,
        &token,
        &LOGINS,
        &[("ip_address", "10.0.0.8"), ("limit", "100")],
    );
    assert!(!from_ip.items.is_empty() && from_ip.items.iter().all(|l| l.ip_address == "10.0.0.8"));
    let public: ListPage<Login> =
        list(&mut sim, &token, &LOGINS, &[("api", "2"), ("limit", "100")]);
    assert!(!public.items.is_empty() && public.items.iter().all(|l| l.api == 2));
    let _ = send(&mut sim, &token_request(&config(), "admin1", "wrong"));
    let admin1: ListPage<Login> = list(
        &mut sim,
        &token,
        &LOGINS,
        &[("username", "admin1"), ("order_by", "id.desc")],
    );
    let latest: Vec<_> = admin1.items.iter().take(2).map(|l| l.success).collect();
    assert_eq!(
        latest,
        [false, true],
        "the failed attempt, then this test's sign-in"
    );
    assert_eq!(admin1.items[0].user_id, Some(1));
}

#[test]
fn password_resets_and_notifications_filter_by_user() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let resets: ListPage<PasswordReset> =
        list(&mut sim, &token, &PASSWORD_RESETS, &[("user_id", "2")]);
    assert_eq!(
        resets
            .items
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>(),
        ["ZX7P4M", "M5AF8G"],
        "newest first"
    );
    let latest: ListPage<PasswordReset> = list(
        &mut sim,
        &token,
        &PASSWORD_RESETS,
        &[("order_by", "requested_at.desc")],
    );
    assert_eq!(latest.items[0].user.username, "user11");
    let sent: ListPage<Notification> = list(
        &mut sim,
        &token,
        &NOTIFICATIONS,
        &[("channel", "1"), ("user_id", "2")],
    );
    assert_eq!(
        sent.items
            .iter()
            .map(|n| n.notification_id.as_str())
            .collect::<Vec<_>>(),
        ["123460", "123457"],
        "newest first"
    );
    let write = config().request(Method::Post, "/notifications", &[], &token);
    assert_eq!(send(&mut sim, &write).status, 405, "read-only");
}

#[test]
fn list_edge_cases_hold_for_new_lists() {
    let mut sim = Simulator::seeded(NOW, 1);
    let token = sign_in(&mut sim);
    let page_zero = config().request(Method::Get, "/users/0", &[], &token);
    assert_eq!(send(&mut sim, &page_zero).status, 500);
    let too_big = config().request(Method::Get, "/logins/1/101", &[], &token);
    assert_eq!(send(&mut sim, &too_big).status, 404);
    let past_end = ListQuery {
        page: 50,
        ..USERS.list.default_query()
    };
    let response = send(&mut sim, &USERS.list_request(&config(), &token, &past_end));
    assert_eq!(response.status, 204);
}
