//! The simulator driven through the client crate's own request builders and
//! decoders, so these double as contract tests of both sides.

use serde::de::DeserializeOwned;
use serde_json::Value;
use userdesk_api::admin::account;
use userdesk_api::admin::dialect::{AdminCall, ADMIN_API};
use userdesk_api::admin::token::{decode_token, token_request, SignInFailure};
use userdesk_api::admin::{AdminConfig, DOCUMENTED_APP_KEY};
use userdesk_api::list::{ListPage, ListQuery};
use userdesk_api::resource::{
    from_form, to_form, validate, Answer, Description, Dialect, Mode, Operation,
};
use userdesk_api::{ApiError, HttpRequest, HttpResponse, Method};

use crate::{Api, Simulator};

mod records;

pub(super) const NOW: i64 = 1_700_000_000;

pub(super) fn config() -> AdminConfig {
    AdminConfig {
        base_url: String::new(),
        version: "1.0".into(),
        app_key: DOCUMENTED_APP_KEY.into(),
    }
}

pub(super) fn send(sim: &mut Simulator, request: &HttpRequest) -> HttpResponse {
    sim.handle(Api::Admin, request, NOW)
}

/// One operation on a described resource, through the Admin dialect.
pub(super) fn call(
    sim: &mut Simulator,
    token: &str,
    resource: &Description,
    operation: &Operation,
) -> Result<Answer, ApiError> {
    let config = config();
    let request = ADMIN_API.request(
        &AdminCall {
            config: &config,
            token,
        },
        resource,
        operation,
    );
    ADMIN_API.decode(resource, operation, &send(sim, &request))
}

/// Requests and answers of a described resource, through the Admin
/// dialect, in the shape these tests were first written in.
pub(crate) trait Calls {
    fn list_request(&self, config: &AdminConfig, token: &str, query: &ListQuery) -> HttpRequest;
    fn decode_list<T: DeserializeOwned>(
        &self,
        response: &HttpResponse,
        query: &ListQuery,
    ) -> Result<ListPage<T>, ApiError>;
    fn get_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest;
    fn create_request(&self, config: &AdminConfig, token: &str, payload: &Value) -> HttpRequest;
    fn update_request(
        &self,
        config: &AdminConfig,
        token: &str,
        id: i64,
        payload: &Value,
    ) -> HttpRequest;
    fn delete_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest;
    fn decode_record<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, ApiError>;
}

impl Calls for Description {
    fn list_request(&self, config: &AdminConfig, token: &str, query: &ListQuery) -> HttpRequest {
        ADMIN_API.request(
            &AdminCall { config, token },
            self,
            &Operation::List { query },
        )
    }

    fn decode_list<T: DeserializeOwned>(
        &self,
        response: &HttpResponse,
        query: &ListQuery,
    ) -> Result<ListPage<T>, ApiError> {
        ADMIN_API
            .decode(self, &Operation::List { query }, response)
            .and_then(Answer::into_page)
            .map(|page| page.map_items(|item| serde_json::from_value(item).ok()))
    }

    fn get_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
        let id = id.to_string();
        ADMIN_API.request(
            &AdminCall { config, token },
            self,
            &Operation::Read { id: &id },
        )
    }

    fn create_request(&self, config: &AdminConfig, token: &str, payload: &Value) -> HttpRequest {
        ADMIN_API.request(
            &AdminCall { config, token },
            self,
            &Operation::Create { payload },
        )
    }

    fn update_request(
        &self,
        config: &AdminConfig,
        token: &str,
        id: i64,
        payload: &Value,
    ) -> HttpRequest {
        let id = id.to_string();
        ADMIN_API.request(
            &AdminCall { config, token },
            self,
            &Operation::Update { id: &id, payload },
        )
    }

    fn delete_request(&self, config: &AdminConfig, token: &str, id: i64) -> HttpRequest {
        let id = id.to_string();
        ADMIN_API.request(
            &AdminCall { config, token },
            self,
            &Operation::Delete { id: &id },
        )
    }

    fn decode_record<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, ApiError> {
        ADMIN_API
            .decode(self, &Operation::Read { id: "" }, response)
            .and_then(Answer::into_record)
            .and_then(|record| {
                serde_json::from_value(record)
                    .map_err(|error| ApiError::UnexpectedResponse(error.to_string()))
            })
    }
}

/// A page of a described resource for URL-style `pairs`, as typed records.
pub(super) fn list<T: DeserializeOwned>(
    sim: &mut Simulator,
    token: &str,
    resource: &Description,
    pairs: &[(&str, &str)],
) -> ListPage<T> {
    let query = resource.list.from_url(|key| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    });
    let response = send(sim, &resource.list_request(&config(), token, &query));
    resource
        .decode_list(&response, &query)
        .expect("a list page")
}

/// A payload as a user fills the form: `record`'s values (or the new
/// record's), with `changes` typed over them, checked by the validator.
pub(super) fn form_payload(
    resource: &Description,
    record: Option<&Value>,
    changes: &[(&'static str, &str)],
    mode: Mode,
) -> Value {
    let mut values = to_form(resource, record, "2019-05-21T08:30");
    for (field, text) in changes {
        values.insert(field, text.to_string());
    }
    validate(resource, &from_form(resource, &values, mode), mode).expect("a valid payload")
}

pub(super) fn sign_in(sim: &mut Simulator) -> String {
    let response = send(sim, &token_request(&config(), "admin1", "admin1pass"));
    decode_token(&response).expect("admin1 signs in").token
}

/// A delete's answer as the Admin dialect reads it.
pub(super) fn decode_deleted(response: &HttpResponse) -> Result<(), ApiError> {
    userdesk_api::resource::dialect::decode_deleted(response, userdesk_api::admin::decode_error)
        .map(|_| ())
}

fn input(name: &str) -> Value {
    let fields = roles::RoleFields {
        name: name.into(),
        is_admin_role: false,
        login_ban_by_ip: true,
        login_ban_time: 1800,
        login_lockout_policy: true,
        login_max_attempts: 5,
        login_timeframe: 300,
        password_policy: true,
        password_reset_days: 90,
        password_reuse_history: 10,
        priority: 100,
    };
    serde_json::to_value(fields).unwrap_or_default()
}

/// The roles these tests call.
mod roles {
    pub use userdesk_api::admin::roles::{Role, RoleFields, NAME_TAKEN, ROLES};
}

#[test]
fn documented_credentials_grant_a_token_with_documented_lifetime() {
    let mut sim = Simulator::seeded(NOW, 7);
    let grant = decode_token(&send(
        &mut sim,
        &token_request(&config(), "admin1", "admin1pass"),
    ))
    .expect("grant");
    assert_eq!(
        (grant.expiration, grant.user_id, grant.username.as_str()),
        (14_400, 1, "admin1")
    );
}

#[test]
fn app_key_is_required_and_checked() {
    let mut sim = Simulator::seeded(NOW, 7);
    let missing = HttpRequest::new(Method::Get, "/v/1.0/token");
    assert_eq!(
        roles::ROLES.decode_record::<roles::Role>(&send(&mut sim, &missing)),
        Err(ApiError::BadAppKey("Missing application key".into()))
    );
    let mut wrong = config();
    wrong.app_key = "x".repeat(32);
    let response = send(&mut sim, &token_request(&wrong, "admin1", "admin1pass"));
    let error = decode_token(&response).expect_err("bad key");
    assert_eq!(
        SignInFailure::classify(&error),
        Some(SignInFailure::BadAppKey)
    );
}

#[test]
fn wrong_password_is_bad_credentials_until_lockout() {
    let mut sim = Simulator::seeded(NOW, 7);
    // SUPER_ADMIN: lockout after 5 failures within 300 s, banned for 1800 s.
    for attempt in 1..=5 {
        let error = decode_token(&send(&mut sim, &token_request(&config(), "admin1", "nope")))
            .expect_err("fails");
        let expected = if attempt < 5 {
            SignInFailure::BadCredentials
        } else {
            SignInFailure::AccountLocked
        };
        assert_eq!(
            SignInFailure::classify(&error),
            Some(expected),
            "attempt {attempt}"
        );
    }
    let locked = decode_token(&send(
        &mut sim,
        &token_request(&config(), "admin1", "admin1pass"),
    ))
    .expect_err("locked");
    assert_eq!(
        SignInFailure::classify(&locked),
        Some(SignInFailure::AccountLocked)
    );
    let later = sim.handle(
        Api::Admin,
        &token_request(&config(), "admin1", "admin1pass"),
        NOW + 1801,
    );
    assert!(decode_token(&later).is_ok());
}

#[test]
fn expired_password_is_403() {
    let mut sim = Simulator::seeded(NOW, 7);
    let after_policy = NOW + 91 * 86_400;
    let response = sim.handle(
        Api::Admin,
        &token_request(&config(), "admin1", "admin1pass"),
        after_policy,
    );
    let error = decode_token(&response).expect_err("expired");
    assert_eq!(
        SignInFailure::classify(&error),
        Some(SignInFailure::PasswordExpired)
    );
}

#[test]
fn non_administrators_are_denied() {
    let mut sim = Simulator::seeded(NOW, 7);
    let fields = account::AccountFields {
        email: "user9@test.com".into(),
        first_name: "U".into(),
        last_name: "Nine".into(),
        username: "user9".into(),
    };
    sim.admin.accounts.push(super::Account::new(
        9,
        fields,
        crate::password::PasswordHash::new("user9pass", "test"),
        false,
        vec![1],
        NOW,
    ));
    let error = decode_token(&send(
        &mut sim,
        &token_request(&config(), "user9", "user9pass"),
    ))
    .expect_err("denied");
    assert_eq!(
        SignInFailure::classify(&error),
        Some(SignInFailure::PermissionDenied)
    );
}

#[test]
fn calls_need_a_live_token() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let query = roles::ROLES.list.default_query();
    assert!(roles::ROLES
        .decode_list::<roles::Role>(
            &send(
                &mut sim,
                &roles::ROLES.list_request(&config(), &token, &query)
            ),
            &query
        )
        .is_ok());
    let forged = roles::ROLES.list_request(&config(), "sim.forged", &query);
    assert!(matches!(
        roles::ROLES.decode_list::<roles::Role>(&send(&mut sim, &forged), &query),
        Err(ApiError::Unauthorized(_))
    ));
    let expired = sim.handle(
        Api::Admin,
        &roles::ROLES.list_request(&config(), &token, &query),
        NOW + 14_400,
    );
    assert!(matches!(
        roles::ROLES.decode_list::<roles::Role>(&expired, &query),
        Err(ApiError::Unauthorized(_))
    ));
}

#[test]
fn lists_the_documented_roles_in_order_with_paging() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let query = ListQuery {
        order_by: "name.desc",
        ..roles::ROLES.list.default_query()
    };
    let page = roles::ROLES
        .decode_list::<roles::Role>(
            &send(
                &mut sim,
                &roles::ROLES.list_request(&config(), &token, &query),
            ),
            &query,
        )
        .expect("page");
    let names: Vec<&str> = page.items.iter().map(|r| r.fields.name.as_str()).collect();
    assert_eq!(names, ["USER", "SUPER_ADMIN", "SERVICE"]);
    assert_eq!((page.total, page.page, page.limit), (3, 1, 10));

    let second = ListQuery {
        page: 2,
        limit: 2,
        ..roles::ROLES.list.default_query()
    };
    let page = roles::ROLES
        .decode_list::<roles::Role>(
            &send(
                &mut sim,
                &roles::ROLES.list_request(&config(), &token, &second),
            ),
            &second,
        )
        .expect("page 2");
    assert_eq!(page.items.iter().map(|r| r.id).collect::<Vec<_>>(), [3]);
    assert_eq!(page.previous_uri.as_deref(), Some("/v/1.0/roles/1/2"));
    assert_eq!(page.next_uri, None);

    let beyond = ListQuery {
        page: 3,
        limit: 2,
        ..roles::ROLES.list.default_query()
    };
    let response = send(
        &mut sim,
        &roles::ROLES.list_request(&config(), &token, &beyond),
    );
    assert_eq!((response.status, response.body.as_str()), (204, ""));
}

#[test]
fn filters_roles_by_type() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    for (role_type, expected) in [
        ("admin", vec!["SUPER_ADMIN"]),
        ("user", vec!["USER", "SERVICE"]),
    ] {
        let query = ListQuery {
            filters: vec![("type", role_type.to_string())],
            ..roles::ROLES.list.default_query()
        };
        let page = roles::ROLES
            .decode_list::<roles::Role>(
                &send(
                    &mut sim,
                    &roles::ROLES.list_request(&config(), &token, &query),
                ),
                &query,
            )
            .expect("page");
        assert_eq!(
            page.items
                .iter()
                .map(|r| r.fields.name.as_str())
                .collect::<Vec<_>>(),
            expected
        );
    }
}

#[test]
fn page_size_and_page_limits_match_the_reference_server() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let too_big = config().request(Method::Get, "/roles/1/101", &[], &token);
    assert_eq!(send(&mut sim, &too_big).status, 404);
    let page_zero = config().request(Method::Get, "/roles/0/10", &[], &token);
    assert_eq!(send(&mut sim, &page_zero).status, 500);
}

#[test]
fn role_crud_round_trip() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let created = roles::ROLES
        .decode_record::<roles::Role>(&send(
            &mut sim,
            &roles::ROLES.create_request(&config(), &token, &input("TEST_ROLE")),
        ))
        .expect("created");
    assert_eq!((created.id, created.fields.name.as_str()), (4, "TEST_ROLE"));
    assert_eq!(created.created_at, "2023-11-14T22:13:20+0000");

    let read = roles::ROLES
        .decode_record::<roles::Role>(&send(
            &mut sim,
            &roles::ROLES.get_request(&config(), &token, 4),
        ))
        .expect("read");
    assert_eq!(read, created);
    let by_name = config().request(Method::Get, "/role/TEST_ROLE", &[], &token);
    assert_eq!(
        roles::ROLES
            .decode_record::<roles::Role>(&send(&mut sim, &by_name))
            .map(|r| r.id),
        Ok(4)
    );

    let mut changed = input("TEST_ROLE_A");
    changed["priority"] = 250.into();
    let updated = roles::ROLES
        .decode_record::<roles::Role>(&send(
            &mut sim,
            &roles::ROLES.update_request(&config(), &token, 4, &changed),
        ))
        .expect("updated");
    assert_eq!(
        (updated.fields.name.as_str(), updated.fields.priority),
        ("TEST_ROLE_A", 250)
    );

    assert_eq!(
        decode_deleted(&send(
            &mut sim,
            &roles::ROLES.delete_request(&config(), &token, 4)
        )),
        Ok(())
    );
    let gone = roles::ROLES.decode_record::<roles::Role>(&send(
        &mut sim,
        &roles::ROLES.get_request(&config(), &token, 4),
    ));
    assert!(matches!(gone, Err(ApiError::NotFound(_))));
    let again = decode_deleted(&send(
        &mut sim,
        &roles::ROLES.delete_request(&config(), &token, 4),
    ));
    assert!(matches!(again, Err(ApiError::NotFound(_))));
}

#[test]
fn duplicate_names_answer_400_on_name() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let response = send(
        &mut sim,
        &roles::ROLES.create_request(&config(), &token, &input("USER")),
    );
    let Err(ApiError::Validation(fields)) = roles::ROLES.decode_record::<roles::Role>(&response)
    else {
        panic!("expected 400")
    };
    assert_eq!(fields.get("name"), [roles::NAME_TAKEN]);
    // A role may keep its own name on update.
    let own = roles::ROLES.update_request(&config(), &token, 1, &input("USER"));
    assert!(roles::ROLES
        .decode_record::<roles::Role>(&send(&mut sim, &own))
        .is_ok());
}

#[test]
fn invalid_payloads_answer_400_and_garbage_answers_500() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let bad = config()
        .request(Method::Post, "/roles", &[], &token)
        .json_body(r#"{"name":"X","priority":"high"}"#.into());
    let Err(ApiError::Validation(fields)) =
        roles::ROLES.decode_record::<roles::Role>(&send(&mut sim, &bad))
    else {
        panic!("expected 400")
    };
    assert!(!fields.get("name").is_empty());
    assert_eq!(fields.get("priority"), ["Must be a whole number."]);
    let garbage = config()
        .request(Method::Post, "/roles", &[], &token)
        .json_body("{not json".into());
    assert_eq!(send(&mut sim, &garbage).status, 500);
}

#[test]
fn unknown_paths_and_verbs() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    assert_eq!(
        send(
            &mut sim,
            &config().request(Method::Get, "/nothing", &[], &token)
        )
        .status,
        404
    );
    assert_eq!(
        send(
            &mut sim,
            &config().request(Method::Patch, "/role/1", &[], &token)
        )
        .status,
        405
    );
    let missing = roles::ROLES.update_request(&config(), &token, 99, &input("NEW_NAME"));
    assert!(matches!(
        roles::ROLES.decode_record::<roles::Role>(&send(&mut sim, &missing)),
        Err(ApiError::NotFound(_))
    ));
}

#[test]
fn accepts_paths_without_version_prefix() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let unversioned = AdminConfig {
        version: String::new(),
        ..config()
    };
    let response = send(&mut sim, &roles::ROLES.get_request(&unversioned, &token, 2));
    assert_eq!(
        roles::ROLES
            .decode_record::<roles::Role>(&response)
            .map(|r| r.fields.name),
        Ok("SUPER_ADMIN".into())
    );
}

#[test]
fn state_survives_a_json_round_trip() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    send(
        &mut sim,
        &roles::ROLES.create_request(&config(), &token, &input("KEPT")),
    );
    let mut restored = Simulator::from_json(&sim.to_json()).expect("restores");
    restored.admin.restore_tokens(&sim.admin.tokens_json());
    let kept = roles::ROLES.decode_record::<roles::Role>(&restored.handle(
        Api::Admin,
        &roles::ROLES.get_request(&config(), &token, 4),
        NOW,
    ));
    assert_eq!(kept.map(|r| r.fields.name), Ok("KEPT".into()));
    assert!(Simulator::from_json("{\"admin\": 3}").is_none());
}

#[test]
fn reads_the_signed_in_account() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let read = account::decode_account(&send(&mut sim, &account::get_request(&config(), &token)))
        .expect("account");
    assert_eq!(
        (read.id, read.fields.email.as_str(), read.joined_at.as_str()),
        (1, "admin1@test.com", "2018-11-01T00:00:00+0000")
    );
    assert_eq!(read.uri, "/v/1.0/administrator/1");
}

#[test]
fn updates_the_account_and_keeps_the_password_working_under_a_new_username() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let documented = account::AccountFields {
        email: "admin1a@test.com".into(),
        first_name: "Thomas".into(),
        last_name: "Luhnd".into(),
        username: "admin1a".into(),
    };
    let updated = account::decode_account(&send(
        &mut sim,
        &account::update_request(&config(), &token, &documented),
    ))
    .expect("updated");
    assert_eq!(updated.fields, documented);
    let grant = decode_token(&send(
        &mut sim,
        &token_request(&config(), "admin1a", "admin1pass"),
    ));
    assert!(
        grant.is_ok(),
        "the renamed account signs in with its password"
    );
}

#[test]
fn account_uniqueness_and_rules_answer_400_on_their_fields() {
    let mut sim = Simulator::seeded(NOW, 7);
    // admin2 is seeded; the update below clashes with it.
    let other = account::AccountFields {
        email: "admin2@test.com".into(),
        first_name: "Ann".into(),
        last_name: "Other".into(),
        username: "admin2".into(),
    };
    let token = sign_in(&mut sim);
    let clash = account::AccountFields {
        first_name: "Tommy".into(),
        last_name: "Lund".into(),
        ..other
    };
    let Err(ApiError::Validation(fields)) = account::decode_account(&send(
        &mut sim,
        &account::update_request(&config(), &token, &clash),
    )) else {
        panic!("expected 400")
    };
    assert_eq!(fields.get("username"), [super::accounts::USERNAME_TAKEN]);
    assert_eq!(fields.get("email"), [super::accounts::EMAIL_TAKEN]);
    let bad = config()
        .request(Method::Put, "/user_account", &[], &token)
        .json_body(r#"{"username": "9", "email": "x", "first_name": "", "last_name": "L"}"#.into());
    let Err(ApiError::Validation(fields)) = account::decode_account(&send(&mut sim, &bad)) else {
        panic!("expected 400")
    };
    assert_eq!(fields.iter().count(), 4);
}

#[test]
fn password_change_checks_the_previous_password_then_takes_effect() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let change = |previous: &str| account::PasswordChange {
        previous_password: previous.into(),
        password1: "admin1Pass2".into(),
        password2: "admin1Pass2".into(),
    };
    let wrong = send(
        &mut sim,
        &account::password_request(&config(), &token, &change("guess")),
    );
    let Err(ApiError::Validation(fields)) = account::decode_password_changed(&wrong) else {
        panic!("expected 400")
    };
    assert_eq!(
        fields.get("previous_password"),
        [account::WRONG_PREVIOUS_PASSWORD]
    );

    let weak = account::PasswordChange {
        previous_password: "admin1pass".into(),
        password1: "weakweak".into(),
        password2: "weakweak".into(),
    };
    let Err(ApiError::Validation(fields)) = account::decode_password_changed(&send(
        &mut sim,
        &account::password_request(&config(), &token, &weak),
    )) else {
        panic!("expected 400")
    };
    assert!(!fields.get("password1").is_empty());

    let done = send(
        &mut sim,
        &account::password_request(&config(), &token, &change("admin1pass")),
    );
    assert_eq!(account::decode_password_changed(&done), Ok(()));
    assert!(decode_token(&send(
        &mut sim,
        &token_request(&config(), "admin1", "admin1pass")
    ))
    .is_err());
    assert!(decode_token(&send(
        &mut sim,
        &token_request(&config(), "admin1", "admin1Pass2")
    ))
    .is_ok());
}

mod app_key_tests {
    use super::*;
    use serde_json::{json, Value};
    use userdesk_api::admin::app_keys::{APP_KEYS, KEY_TAKEN};

    fn key(application: &str, key: &str, status: u8) -> Value {
        json!({"application": application, "key": key, "status": status})
    }

    #[test]
    fn lists_the_documented_keys_with_status_filter_and_order() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let page: ListPage<Value> = list(&mut sim, &token, &APP_KEYS, &[]);
        assert_eq!(page.total, 4);
        let page: ListPage<Value> = list(&mut sim, &token, &APP_KEYS, &[("status", "2")]);
        assert_eq!(
            page.items
                .iter()
                .map(|k| k["application"].as_str().unwrap_or_default())
                .collect::<Vec<_>>(),
            ["Application 3"]
        );
        let page: ListPage<Value> = list(
            &mut sim,
            &token,
            &APP_KEYS,
            &[("order_by", "application.desc"), ("limit", "3")],
        );
        assert_eq!(page.items[0]["application"], "userdesk");
        assert_eq!(page.next_uri.as_deref(), Some("/v/1.0/app_keys/2/3"));
    }

    #[test]
    fn crud_with_unique_keys() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let new_key = "AHvy6Wk5kqrFzAe3HVKzxfVtqwPK3ELZ";
        let payload = key("Some Application Name", new_key, 1);
        let created = call(
            &mut sim,
            &token,
            &APP_KEYS,
            &Operation::Create { payload: &payload },
        )
        .and_then(Answer::into_record)
        .expect("created");
        assert_eq!(created["id"], 5);
        assert_eq!(created["created_at"], created["updated_at"]);
        let other = key("Other", new_key, 1);
        let Err(ApiError::Validation(errors)) = call(
            &mut sim,
            &token,
            &APP_KEYS,
            &Operation::Create { payload: &other },
        ) else {
            panic!("expected 400")
        };
        assert_eq!(errors.get("key"), [KEY_TAKEN]);
        let renamed = key("Renamed", new_key, 2);
        let updated = call(
            &mut sim,
            &token,
            &APP_KEYS,
            &Operation::Update {
                id: "5",
                payload: &renamed,
            },
        )
        .and_then(Answer::into_record)
        .expect("updated, keeping its own key");
        assert_eq!(
            (&updated["application"], &updated["status"]),
            (&json!("Renamed"), &json!(2))
        );
        assert_eq!(
            call(&mut sim, &token, &APP_KEYS, &Operation::Delete { id: "5" }),
            Ok(Answer::Deleted)
        );
        assert!(matches!(
            call(&mut sim, &token, &APP_KEYS, &Operation::Read { id: "5" }),
            Err(ApiError::NotFound(_))
        ));
    }

    #[test]
    fn disabling_the_key_in_use_locks_its_callers_out() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let documented = key("userdesk", DOCUMENTED_APP_KEY, 2);
        assert!(call(
            &mut sim,
            &token,
            &APP_KEYS,
            &Operation::Update {
                id: "4",
                payload: &documented
            }
        )
        .is_ok());
        assert_eq!(
            call(&mut sim, &token, &APP_KEYS, &Operation::Read { id: "4" }),
            Err(ApiError::BadAppKey("Bad application key".into()))
        );
    }
}

mod administrator_tests {
    use super::*;
    use userdesk_api::admin::administrators::{self, ADMINISTRATORS};

    fn draft(username: &str, email: &str, password: &str, roles: &str, mode: Mode) -> Value {
        form_payload(
            &ADMINISTRATORS,
            None,
            &[
                ("username", username),
                ("email", email),
                ("first_name", "Zena"),
                ("last_name", "Clyde"),
                ("joined_at", "2019-11-02T12:00"),
                ("password", password),
                ("roles", roles),
                ("status", "5"),
            ],
            mode,
        )
    }

    #[test]
    fn lists_administrators_with_filters_and_order() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let list = |sim: &mut Simulator, query: &ListQuery| {
            administrators::ADMINISTRATORS
                .decode_list::<administrators::Administrator>(
                    &send(
                        sim,
                        &administrators::ADMINISTRATORS.list_request(&config(), &token, query),
                    ),
                    query,
                )
                .expect("page")
        };
        let all = administrators::ADMINISTRATORS.list.default_query();
        assert_eq!(list(&mut sim, &all).total, 5);
        let super_admins = administrators::ADMINISTRATORS
            .list
            .filtered(&all, "role", "2");
        let names: Vec<String> = list(&mut sim, &super_admins)
            .items
            .into_iter()
            .map(|a| a.account.username)
            .collect();
        assert_eq!(names, ["admin1", "admin2", "admin4"]);
        let disabled = administrators::ADMINISTRATORS
            .list
            .filtered(&all, "status", "2");
        assert_eq!(
            list(&mut sim, &disabled).items[0].account.username,
            "admin4"
        );
        let newest = administrators::ADMINISTRATORS.list.sorted_by(
            &administrators::ADMINISTRATORS
                .list
                .sorted_by(&all, "joined_at"),
            "joined_at",
        );
        assert_eq!(list(&mut sim, &newest).items[0].account.username, "admin5");
        let paged = ListQuery {
            page: 2,
            limit: 2,
            ..all
        };
        let page = list(&mut sim, &paged);
        assert_eq!((page.items.len(), page.total, page.page_count()), (2, 5, 3));
    }

    #[test]
    fn creates_an_administrator_who_can_sign_in() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let fields = draft("admin8", "admin8@test.com", "admin8Pass", "2", Mode::Create);
        let created = administrators::ADMINISTRATORS
            .decode_record::<administrators::Administrator>(&send(
                &mut sim,
                &administrators::ADMINISTRATORS.create_request(&config(), &token, &fields),
            ))
            .expect("created");
        assert_eq!(
            (
                created.id,
                created.roles[0].name.as_str(),
                created.status.code()
            ),
            (6, "SUPER_ADMIN", 5)
        );
        assert_eq!(created.joined_at, "2019-11-02T12:00:00+0000");
        assert!(decode_token(&send(
            &mut sim,
            &token_request(&config(), "admin8", "admin8Pass")
        ))
        .is_ok());
    }

    #[test]
    fn rejects_duplicates_and_non_admin_roles() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let fields = draft(
            "admin3",
            "admin3@test.com",
            "admin8Pass",
            "1,99",
            Mode::Create,
        );
        let response = send(
            &mut sim,
            &administrators::ADMINISTRATORS.create_request(&config(), &token, &fields),
        );
        let Err(ApiError::Validation(errors)) =
            administrators::ADMINISTRATORS
                .decode_record::<administrators::Administrator>(&response)
        else {
            panic!("expected 400")
        };
        assert_eq!(
            errors.get("username"),
            [super::super::accounts::USERNAME_TAKEN]
        );
        assert_eq!(errors.get("email"), [super::super::accounts::EMAIL_TAKEN]);
        assert_eq!(
            errors.get("roles"),
            ["USER is not an administrator role.", "There is no role 99."]
        );
    }

    #[test]
    fn update_keeps_the_password_unless_given_and_delete_removes() {
        let mut sim = Simulator::seeded(NOW, 7);
        let token = sign_in(&mut sim);
        let fields = draft("admin3a", "admin3@test.com", "", "2", Mode::Update);
        let updated = administrators::ADMINISTRATORS
            .decode_record::<administrators::Administrator>(&send(
                &mut sim,
                &administrators::ADMINISTRATORS.update_request(&config(), &token, 3, &fields),
            ))
            .expect("updated");
        assert_eq!(
            (updated.account.username.as_str(), updated.roles.len()),
            ("admin3a", 1)
        );
        assert!(
            decode_token(&send(
                &mut sim,
                &token_request(&config(), "admin3a", "admin3Pass!")
            ))
            .is_ok(),
            "password kept"
        );
        assert_eq!(
            decode_deleted(&send(
                &mut sim,
                &administrators::ADMINISTRATORS.delete_request(&config(), &token, 3)
            )),
            Ok(())
        );
        let gone =
            administrators::ADMINISTRATORS.decode_record::<administrators::Administrator>(&send(
                &mut sim,
                &administrators::ADMINISTRATORS.get_request(&config(), &token, 3),
            ));
        assert!(matches!(gone, Err(ApiError::NotFound(_))));
    }
}

#[test]
fn persisted_state_holds_no_token_and_no_password() {
    let mut sim = Simulator::seeded(NOW, 7);
    let token = sign_in(&mut sim);
    let saved = sim.to_json();
    assert!(
        !saved.contains(&token),
        "a token reached the persisted state"
    );
    for password in ["admin1pass", "admin2Pass!", "user3Pass!"] {
        assert!(
            !saved.contains(password),
            "{password} is in the persisted state"
        );
    }
    let mut restored = Simulator::from_json(&saved).expect("restores");
    assert!(restored.admin.tokens.is_empty());
    restored.admin.restore_tokens(&sim.admin.tokens_json());
    assert_eq!(restored.admin.tokens.len(), 1);
    restored.admin.revoke(&token);
    assert!(restored.admin.tokens.is_empty());
}
