//! Users and sub-users: `/v1/user` and `/v1/user/{id}` (`self` for the
//! signed-in user), the public sign-up, and the password restore.
//!
//! Rules: login, password and email at least 3 characters; every
//! comma-separated email valid; market one of sk, cz, hu, at (default sk)
//! and an ISIC number only on sk; country an ISO 3166-1 alpha-2 code;
//! `confirmTerms` checked. Name, address and IDs are set at sign-up and
//! then change only through billing profiles, so the update form has none
//! of them; an update may also choose the notification language.

use super::rules::{email_list, isic_only_in_slovakia, zip_number, LANGUAGES, MARKETS};
use crate::iso3166::CountryCode;
use crate::list::{ListSpec, Paging};
use crate::resource::{
    Api, Applies, Cell, Column, Description, EditNote, Field, Filter, Messages, Meta, Ops, Path,
    Start,
};
use crate::validation::FieldErrors;

/// Why an update may not clear the email: Websupport refuses `""` for it.
pub const EMAIL_NOT_CLEARED: &str = "Websupport refuses an empty email: keep at least one address.";

/// The documented minimum of login, password, email and name.
pub const MIN_LENGTH: usize = 3;

/// At least [`MIN_LENGTH`] characters.
pub fn at_least_three(errors: &mut FieldErrors, field: &str, value: &str) {
    let length = value.chars().count();
    if length < MIN_LENGTH {
        errors.add(
            field,
            format!("Must be at least {MIN_LENGTH} characters (now {length})."),
        );
    }
}

fn email(errors: &mut FieldErrors, field: &str, value: &str) {
    at_least_three(errors, field, value);
    email_list(errors, field, value);
}

fn billing_zip(errors: &mut FieldErrors, field: &str, value: &str) {
    zip_number(errors, field, value);
}

/// The sign-up's rules across fields: terms confirmed, ISIC only on sk.
fn sign_up_rules(payload: &serde_json::Value, errors: &mut FieldErrors) {
    if payload.get("confirmTerms") == Some(&serde_json::Value::Bool(false)) {
        errors.add(
            "confirmTerms",
            "Confirm the terms and conditions to sign up.",
        );
    }
    isic_only_in_slovakia(payload, errors);
}

const BILLING_GROUP: &str = "Billing details";

/// Every field a new user is created with; the update uses the few that
/// apply to it.
const FIELDS: &[Field] = &[
    Field::choice("market", "Market", MARKETS)
        .optional()
        .starts(Start::Value("sk"))
        .applies(Applies::OnCreate),
    Field::text("login", "Login")
        .check(at_least_three)
        .applies(Applies::OnCreate)
        .beside_next(),
    Field::secret("password", "Password")
        .check(at_least_three)
        .optional_on_update()
        .when_editing("New password", "Leave blank to keep the current password."),
    Field::text("email", "Email")
        .check(email)
        .optional_on_update()
        .not_cleared(EMAIL_NOT_CLEARED)
        .hint("One or more addresses, separated by commas."),
    Field::text("phone", "Phone")
        .optional_on_update()
        .hint("Used for SMS notifications.")
        .beside_next(),
    Field::text("contactPerson", "Contact person").optional(),
    Field::choice("userLanguage", "Notification language", LANGUAGES)
        .optional()
        .applies(Applies::OnUpdate),
    Field::text("name", "Name")
        .check(at_least_three)
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("Company name or your full name."),
    Field::text("street", "Street")
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("Street and number."),
    Field::text("city", "City")
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP),
    Field::text("zip", "Zip code")
        .check(billing_zip)
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP),
    Field::country("country", "Country", CountryCode::Alpha2)
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP),
    Field::text("companyRegId", "Company registration ID")
        .optional()
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("IČO in Slovakia or the Czech Republic."),
    Field::text("taxId", "Tax ID")
        .optional()
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("DIČ in Slovakia or the Czech Republic."),
    Field::text("vatId", "VAT ID")
        .optional()
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("IČ-DPH in Slovakia or the Czech Republic."),
    Field::text("isic", "ISIC card number")
        .optional()
        .applies(Applies::OnCreate)
        .in_group(BILLING_GROUP)
        .hint("Students on the Slovak market only."),
    Field::boolean("confirmTerms", "I confirm the terms and conditions").applies(Applies::OnCreate),
];

const ORDERS: &[&str] = &[
    "login.asc",
    "login.desc",
    "id.asc",
    "id.desc",
    "createTime.desc",
    "createTime.asc",
];

const LIST: ListSpec = ListSpec {
    orders: ORDERS,
    filters: &["q"],
    integers: &[],
    paging: Paging::Whole,
};

/// Users and sub-users, described once. A user created here is a
/// sub-user of the signed-in user: every create carries `isSubUser: true`.
pub const USERS: Description = Description {
    api: Api::Websupport,
    slug: "users",
    title: "Users",
    menu: "Users and sub-users",
    noun: "user",
    plural: "users",
    path: Path::of("user", "user"),
    fields: FIELDS,
    list: LIST,
    columns: &[
        Column::new("Login", "login").sorted().link(),
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Group", "group"),
        Column::new("Active", "active").shown(Cell::YesNo),
        Column::new("Parent", "parentId").numeric(),
        Column::new("Created", "createTime").date().sorted(),
    ],
    // The documented list items carry no email; a server that sends one
    // gets it searched too (docs/reading-the-api-docs.md, "Websupport").
    filters: &[Filter::search(
        "q",
        "Search",
        &[("login", "Login"), ("email", "email")],
    )],
    meta: &[
        Meta::new("ID", "id"),
        Meta::new("Login", "login"),
        Meta::new("Group", "group"),
        Meta::new("Parent ID", "parentId"),
        Meta::new(
            "Market",
            "{market.name} ({market.identifier}, {market.currency})",
        ),
        Meta::new("Credit", "credit"),
        Meta::new("SK-NIC handle", "sknicHandle"),
        Meta::date("Created", "createTime"),
    ],
    ops: Ops {
        delete: false,
        ..Ops::CRUD
    },
    messages: Messages {
        title: "{login}",
        created: "Sub-user {login} created.",
        saved: "User {login} saved.",
        deleted: "",
        delete_warning: "",
        empty: "No users match.",
        new_title: "New sub-user",
        new_label: "New sub-user",
        create_label: "Create sub-user",
        delete_own: "",
    },
    check: Some(sign_up_rules),
    edit_note: Some(EditNote {
        text: "Name, address and company IDs change only through billing profiles.",
        link_to: "billing",
    }),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        // The documented detail, with the fields the documented create
        // answer echoes (name, address and IDs).
        record: r#"{
  "name": "Company s.r.o.", "city": "Lorem", "street": "Ipsum 12", "zip": "123456", "country": "sk",
  "companyRegId": "", "taxId": "", "vatId": "", "isic": "",
  "id": 123, "login": "testaccount", "parentId": null, "active": true,
  "createTime": 1279829310, "group": "users", "email": "myemail@mydomain.com",
  "phone": "123456789", "sknicHandle": "", "contactPerson": "", "resellerToken": "",
  "credit": 0,
  "verifyUrl": "https://rest.websupport.sk/v1/user/verify/key/3ccefe196de91b0ccf1be7e02bfdb450fd4016890d5ea2f4678b68f93498ff08",
  "billing": [],
  "market": {"name": "Slovensko", "identifier": "sk", "currency": "EUR"}
}"#,
        create: r#"{"market":"sk","login":"newtestingaccount","password":"plainpass123!","email":"test@test.com","name":"Company s.r.o.","city":"Lorem","street":"Ipsum 12","zip":"123456","country":"SK","phone":"+421900123456","confirmTerms":true}"#,
    },
    create_flag: Some("isSubUser"),
    ..Description::BLANK
};

/// The public sign-up: the same fields, sent without a signature and
/// without `isSubUser`, so it creates a user of its own.
pub const SIGN_UP: Description = Description {
    slug: "signup",
    title: "Sign up",
    menu: "Sign up",
    messages: Messages {
        created: "Account {login} created. Sign in with its API key.",
        new_title: "Sign up",
        new_label: "Sign up",
        create_label: "Create account",
        ..USERS.messages
    },
    ops: Ops {
        update: false,
        delete: false,
        ..Ops::CRUD
    },
    create_flag: None,
    ..USERS
};

/// `POST /v1/user/restorepass`: sends a password-restore message for a login.
pub const RESTORE_PASSWORD: Description = Description {
    api: Api::Websupport,
    slug: "restore-password",
    title: "Restore password",
    menu: "Restore password",
    noun: "password restore",
    plural: "password restores",
    path: Path::of("user/restorepass", "user/restorepass"),
    fields: &[Field::text("login", "Login").hint("The login whose password to restore.")],
    list: ListSpec {
        orders: &[],
        filters: &[],
        integers: &[],
        paging: Paging::Whole,
    },
    columns: &[],
    filters: &[],
    meta: &[],
    ops: Ops {
        update: false,
        delete: false,
        ..Ops::CRUD
    },
    messages: Messages {
        created: "If {login} exists, its password-restore message is on its way.",
        new_title: "Restore password",
        create_label: "Send restore message",
        ..Messages::listed("")
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"login": "mylogin"}"#,
        create: r#"{"login":"mylogin"}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    fn sign_up() -> serde_json::Value {
        json!({
            "market": "sk", "login": "newtestingaccount", "password": "plainpass123!",
            "email": "test@test.com", "name": "Company s.r.o.", "city": "Lorem",
            "street": "Ipsum 12", "zip": "123456", "country": "sk",
            "phone": "+421900123456", "confirmTerms": true
        })
    }

    fn errors_for(changes: serde_json::Value, mode: Mode) -> Vec<(String, Vec<String>)> {
        let mut payload = sign_up();
        for (key, value) in changes.as_object().into_iter().flatten() {
            payload[key] = value.clone();
        }
        match validate(&USERS, &payload, mode) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|(field, messages)| (field.to_string(), messages.to_vec()))
                .collect(),
        }
    }

    #[test]
    fn the_documented_sign_up_is_valid_and_sends_an_upper_case_country() {
        let valid = validate(&USERS, &sign_up(), Mode::Create).expect("valid");
        assert_eq!(valid["country"], "SK");
        assert_eq!(valid["confirmTerms"], true);
        assert!(valid.get("userLanguage").is_none(), "not on create");
    }

    #[test]
    fn login_password_email_and_name_need_three_characters() {
        for field in ["login", "password", "name"] {
            assert!(
                errors_for(json!({field: "abc"}), Mode::Create).is_empty(),
                "{field}"
            );
            assert_eq!(
                errors_for(json!({field: "ab"}), Mode::Create),
                [(
                    field.to_string(),
                    vec!["Must be at least 3 characters (now 2).".to_string()]
                )]
            );
        }
        let short = errors_for(json!({"email": "a"}), Mode::Create);
        assert_eq!(short[0].0, "email");
        assert_eq!(short[0].1[0], "Must be at least 3 characters (now 1).");
    }

    #[test]
    fn market_isic_zip_country_and_terms_follow_the_documentation() {
        assert!(errors_for(json!({"market": "at"}), Mode::Create).is_empty());
        assert_eq!(
            errors_for(json!({"market": "pl"}), Mode::Create)[0].0,
            "market"
        );
        assert!(errors_for(json!({"isic": "S421"}), Mode::Create).is_empty());
        assert_eq!(
            errors_for(json!({"market": "cz", "isic": "S421"}), Mode::Create)[0].0,
            "isic"
        );
        assert_eq!(errors_for(json!({"zip": "12a"}), Mode::Create)[0].0, "zip");
        assert_eq!(
            errors_for(json!({"country": "XX"}), Mode::Create)[0].0,
            "country"
        );
        assert_eq!(
            errors_for(json!({"confirmTerms": false}), Mode::Create),
            [(
                "confirmTerms".to_string(),
                vec!["Confirm the terms and conditions to sign up.".to_string()]
            )]
        );
        let missing =
            validate(&USERS, &json!({"confirmTerms": true}), Mode::Create).expect_err("required");
        let names: Vec<&str> = missing.iter().map(|(field, _)| field).collect();
        for required in [
            "login", "password", "email", "phone", "name", "street", "city", "zip", "country",
        ] {
            assert!(names.contains(&required), "{required}");
        }
        assert!(!names.contains(&"market"), "market defaults to sk");
    }

    #[test]
    fn an_update_takes_only_its_own_fields_all_optional() {
        let update = validate(
            &USERS,
            &json!({"email": "mynew@email.com", "password": "", "userLanguage": "sv", "name": "ignored"}),
            Mode::Update,
        )
        .expect("valid");
        assert_eq!(
            update,
            json!({"email": "mynew@email.com", "userLanguage": "sv"})
        );
        assert!(validate(&USERS, &json!({}), Mode::Update).is_ok());
        let wrong = validate(
            &USERS,
            &json!({"userLanguage": "pl", "password": "a"}),
            Mode::Update,
        )
        .expect_err("invalid");
        assert_eq!(wrong.iter().count(), 2);
    }
}
