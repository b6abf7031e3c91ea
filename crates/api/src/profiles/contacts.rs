//! A profile's contacts: `/profiles/{profileId}/contacts` and
//! `/profiles/{profileId}/contacts/{contactId}`.
//!
//! Rules: `key` is `email` or `phone`; `value` must be what the key says,
//! a valid email address or a phone number in international form;
//! `uuid` optional. The list documents no paging or sorting, so it is
//! fetched whole.

use serde_json::Value;

use crate::list::ListSpec;
use crate::resource::record::text_at;
use crate::resource::{Api, Cell, Column, Description, Field, Messages, Meta, Ops, Path};
use crate::validation::{is_international_phone, is_valid_email, FieldErrors};

/// The documented contact types.
pub const KEYS: &[(&str, &str)] = &[("email", "Email"), ("phone", "Phone")];

/// A value must match its key.
fn value_matches_key(payload: &Value, errors: &mut FieldErrors) {
    let value = text_at(payload, "value");
    match text_at(payload, "key").as_str() {
        "email" if !is_valid_email(&value) => {
            errors.add(
                "value",
                "Enter a valid email address, like name@example.com.",
            );
        }
        "phone" if !is_international_phone(&value) => errors.add(
            "value",
            "Enter the number in international form: + and 7–15 digits, like +421900123456.",
        ),
        _ => {}
    }
}

/// A profile's contacts, described once.
pub const CONTACTS: Description = Description {
    api: Api::Profiles,
    slug: "contacts",
    title: "Contacts",
    menu: "Contacts",
    noun: "contact",
    plural: "contacts",
    path: Path::of("contacts", "contact")
        .under("profiles")
        .identified_by("contactId"),
    fields: &[
        Field::choice("key", "Type", KEYS)
            .starts(crate::resource::Start::Value("email"))
            .beside_next(),
        Field::text("value", "Value").typed_by("key"),
        Field::text("uuid", "UUID").optional(),
    ],
    list: ListSpec {
        orders: &[],
        filters: &[],
        integers: &[],
        paging: crate::list::Paging::Unpaged,
    },
    columns: &[
        Column::new("Type", "key").shown(Cell::Choice(KEYS)),
        Column::new("Value", "value").link(),
        Column::new("Updated", "updateTime").date(),
    ],
    filters: &[],
    meta: &[
        Meta::new("ID", "contactId"),
        Meta::date("Created", "createTime"),
        Meta::date("Updated", "updateTime"),
    ],
    ops: Ops::CRUD,
    messages: Messages {
        title: "{value}",
        created: "Contact {value} added.",
        saved: "Contact {value} saved.",
        deleted: "Contact {value} deleted.",
        delete_warning: "The contact {value} is removed from this profile.",
        empty: "This profile has no contacts yet.",
        new_title: "New contact",
        new_label: "Add contact",
        create_label: "Add contact",
        delete_own: "",
    },
    check: Some(value_matches_key),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{
  "contactId": "6006dda272f002519c3eb505",
  "key": "email",
  "value": "a31b1402@privaterelay.appleid.com",
  "createTime": "2021-01-01T00:00:00+00:00",
  "updateTime": "2021-01-01T00:00:00+00:00",
  "uuid": null
}"#,
        create: r#"{"key": "email", "value": "client@email.com", "uuid": null}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    #[test]
    fn the_value_is_checked_by_its_key() {
        let check = |key: &str, value: &str| {
            validate(
                &CONTACTS,
                &json!({"key": key, "value": value}),
                Mode::Create,
            )
        };
        assert!(check("email", "client@email.com").is_ok());
        assert!(check("phone", "+9876543210").is_ok());
        assert!(check("phone", "+421900123456").is_ok());
        for (key, value) in [
            ("email", "+421900123456"),
            ("phone", "client@email.com"),
            ("phone", "0900123456"),
            ("phone", "+421 900 123 456"),
            ("phone", "+0123456789"),
        ] {
            assert!(
                !check(key, value).expect_err(value).get("value").is_empty(),
                "{key} {value}"
            );
        }
        assert_eq!(
            check("fax", "1").expect_err("fax").get("key"),
            ["Choose one of: Email, Phone."]
        );
    }
}
