//! Client profiles: `/profiles` and `/profiles/{profileId}`.
//!
//! Rules: `firstName`, `middleName` and `lastName` at most 255 characters
//! each; `countryNumericCode` an ISO 3166 numeric code; `enabled` a
//! switch; `uuid` optional. A new profile may carry its contacts, each
//! checked as [`CONTACTS`] checks one. `name` is composed by the API from
//! the three names and only shown. An update is a `PATCH` of the fields
//! that changed.

use super::contacts::CONTACTS;
use crate::iso3166::CountryCode;
use crate::list::{ListSpec, PAGED};
use crate::resource::{
    Api, Applies, Cell, Column, Description, Field, Filter, Messages, Meta, Ops, Path, Start,
};

/// Each name's documented maximum.
pub const NAME_MAX: usize = 255;

/// The documented `sort_by` values, each both ways; `createTime` is the default.
const ORDERS: &[&str] = &[
    "createTime.desc",
    "createTime.asc",
    "enabled.asc",
    "enabled.desc",
    "firstName.asc",
    "firstName.desc",
    "lastName.asc",
    "lastName.desc",
    "middleName.asc",
    "middleName.desc",
    "name.asc",
    "name.desc",
    "profileId.asc",
    "profileId.desc",
    "updateTime.asc",
    "updateTime.desc",
];

/// The documented filters, by the names the filter list gives them (the
/// curl example's `firstName` is not used; see docs/reading-the-api-docs.md).
const FILTERS: &[&str] = &[
    "enabled",
    "profileFirstName",
    "profileLastName",
    "profileMiddleName",
    "name",
    "uuid",
];

const ENABLED: &[(&str, &str)] = &[("1", "Enabled"), ("0", "Disabled")];

const fn name(field: &'static str, label: &'static str) -> Field {
    Field::text(field, label)
        .length(0, NAME_MAX)
        .optional()
        .hint("At most 255 characters.")
}

/// Client profiles, described once.
pub const PROFILES: Description = Description {
    api: Api::Profiles,
    slug: "profiles",
    title: "Profiles",
    menu: "Profiles",
    noun: "profile",
    plural: "profiles",
    path: Path::of("profiles", "profile").identified_by("profileId"),
    fields: &[
        name("firstName", "First name").beside_next(),
        name("middleName", "Middle name"),
        name("lastName", "Last name"),
        Field::country("countryNumericCode", "Country", CountryCode::Numeric)
            .optional()
            .hint("Sent as its ISO 3166 numeric code."),
        Field::text("uuid", "UUID")
            .optional()
            .hint("An identifier from an integration, if any."),
        Field::boolean("enabled", "Enabled").starts(Start::Value("true")),
        Field::rows("contacts", "Contacts", &CONTACTS)
            .optional()
            .applies(Applies::OnCreate)
            .hint("An email address or a phone number in international form (+421900123456)."),
    ],
    list: ListSpec {
        orders: ORDERS,
        filters: FILTERS,
        integers: &[],
        paging: PAGED,
    },
    columns: &[
        Column::new("Name", "name").sorted().link(),
        Column::new("First name", "firstName").sorted().minor(),
        Column::new("Middle name", "middleName").sorted().minor(),
        Column::new("Last name", "lastName").sorted().minor(),
        Column::new("Country", "{country.countryName}"),
        Column::new("Enabled", "enabled")
            .sorted()
            .shown(Cell::YesNo),
        Column::new("Created", "createTime").date().sorted(),
        Column::new("Updated", "updateTime").date().sorted().minor(),
        Column::new("ID", "profileId")
            .sorted()
            .shown(Cell::Code)
            .minor(),
    ],
    filters: &[
        Filter::typed("name", "Full name", "Mary Jane Smith"),
        Filter::typed("profileFirstName", "First name", "Mary"),
        Filter::typed("profileMiddleName", "Middle name", "Jane"),
        Filter::typed("profileLastName", "Last name", "Smith"),
        Filter::typed("uuid", "UUID", "any"),
        Filter::choice("enabled", "Enabled", "Any", ENABLED),
    ],
    meta: &[
        Meta::new("ID", "profileId"),
        Meta::new("Full name", "name"),
        Meta::new("Country", "{country.countryName}"),
        Meta::new("Tags", "tags"),
        Meta::date("Created", "createTime"),
        Meta::date("Updated", "updateTime"),
    ],
    ops: Ops::CRUD,
    messages: Messages {
        title: "{name}",
        created: "Profile {name} created.",
        saved: "Profile {name} saved.",
        deleted: "Profile {name} deleted.",
        delete_warning: "The profile {name} and its contacts are removed for good.",
        empty: "No profiles match.",
        new_title: "New profile",
        new_label: "New profile",
        create_label: "Create profile",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{
  "profileId": "6006dda272f002519c3eb505",
  "contacts": [
    {
      "contactId": "6006dda272f002519c3eb505",
      "key": "email",
      "value": "marysmith@email.com",
      "createTime": "2021-01-01T00:00:00+00:00",
      "updateTime": "2021-01-01T00:00:00+00:00",
      "uuid": null
    }
  ],
  "countryNumericCode": "840",
  "country": {
    "countryId": "6006dda272f002519c3eb505",
    "countryName": "United States",
    "alpha2Code": "US",
    "alpha3Code": "USA",
    "numericCode": "840",
    "geographicRegionNumericCode": "021",
    "geographicRegionName": "Northern America",
    "createTime": "2021-01-01T00:00:00+00:00",
    "updateTime": "2021-01-01T00:00:00+00:00"
  },
  "enabled": true,
  "firstName": "Mary",
  "middleName": "Jane",
  "lastName": "Smith",
  "name": "Mary Jane Smith",
  "tags": ["blue", "green"],
  "createTime": "2021-01-01T00:00:00+00:00",
  "updateTime": "2021-01-01T00:00:00+00:00",
  "uuid": null
}"#,
        create: r#"{
  "contacts": [
    {"key": "email", "value": "client@email.com", "uuid": null},
    {"key": "phone", "value": "+9876543210", "uuid": null}
  ],
  "countryNumericCode": "840",
  "enabled": true,
  "firstName": "Mary",
  "middleName": "Jane",
  "lastName": "Smith",
  "uuid": null
}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    #[test]
    fn names_are_at_most_255_and_the_country_is_an_iso_code() {
        let long = "x".repeat(256);
        let errors = validate(
            &PROFILES,
            &json!({"firstName": long, "countryNumericCode": "999", "enabled": true}),
            Mode::Create,
        )
        .expect_err("invalid");
        assert_eq!(
            errors.get("firstName"),
            ["Must be at most 255 characters (now 256)."]
        );
        assert_eq!(
            errors.get("countryNumericCode"),
            ["Choose a country from the list."]
        );
        let valid = validate(
            &PROFILES,
            &json!({"lastName": "x".repeat(255), "countryNumericCode": "40", "enabled": false}),
            Mode::Create,
        )
        .expect("valid");
        assert_eq!(
            valid["countryNumericCode"], "040",
            "Austria, as the standard writes it"
        );
    }

    #[test]
    fn inline_contacts_are_checked_one_by_one() {
        let payload = json!({"enabled": true, "contacts": [
            {"key": "email", "value": "client@email.com"},
            {"key": "phone", "value": "0900 123"},
            {"key": "fax", "value": "1"}
        ]});
        let errors = validate(&PROFILES, &payload, Mode::Create).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|(key, _)| key).collect::<Vec<_>>(),
            ["contacts.1.value", "contacts.2.key"]
        );
        let update =
            validate(&PROFILES, &payload, Mode::Update).expect("contacts are not updated here");
        assert!(update.get("contacts").is_none());
    }
}
