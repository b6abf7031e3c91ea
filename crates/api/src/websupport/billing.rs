//! Billing profiles: `/v1/user/{id}/billing[/{billingId}]`.
//!
//! Rules: `profile` not blank; `name` at least 3 characters; `zip` a
//! number; `country` an ISO 3166-1 alpha-2 code; an ISIC number only in
//! Slovakia (a billing profile carries no market, so the console leaves
//! that one to the server). The default profile cannot be deleted.

use super::rules::zip_number;
use super::users::at_least_three;
use crate::iso3166::CountryCode;
use crate::list::{ListSpec, Paging};
use crate::resource::{Api, Cell, Column, Description, Field, Messages, Meta, Ops, Path};

/// Why the default billing profile stays.
pub const DEFAULT_KEPT: &str =
    "This is the default billing profile, which cannot be deleted. Make another profile the default first.";

fn kept(record: &serde_json::Value) -> Option<&'static str> {
    (record.get("isDefault") == Some(&serde_json::Value::Bool(true))).then_some(DEFAULT_KEPT)
}

/// Billing profiles of a user, described once.
pub const BILLING: Description = Description {
    api: Api::Websupport,
    slug: "billing",
    title: "Billing profiles",
    menu: "Billing profiles",
    noun: "billing profile",
    plural: "billing profiles",
    path: Path::of("billing", "billing").under("user"),
    fields: &[
        Field::text("profile", "Profile name")
            .hint("For your own information; not printed on invoices.")
            .beside_next(),
        Field::boolean("isDefault", "Default profile")
            .optional()
            .hint("The primary billing profile."),
        Field::text("name", "Name")
            .check(at_least_three)
            .hint("Company name or your full name."),
        Field::text("street", "Street")
            .hint("Street and number.")
            .beside_next(),
        Field::text("city", "City"),
        Field::text("zip", "Zip code")
            .check(zip_number)
            .beside_next(),
        Field::country("country", "Country", CountryCode::Alpha2),
        Field::text("companyRegId", "Company registration ID")
            .optional()
            .hint("IČO in Slovakia or the Czech Republic.")
            .beside_next(),
        Field::text("taxId", "Tax ID")
            .optional()
            .hint("DIČ in Slovakia or the Czech Republic."),
        Field::text("vatId", "VAT ID")
            .optional()
            .hint("IČ-DPH in Slovakia or the Czech Republic.")
            .beside_next(),
        Field::text("isic", "ISIC card number")
            .optional()
            .hint("Students in Slovakia only."),
    ],
    list: ListSpec {
        orders: &[],
        filters: &[],
        integers: &[],
        paging: Paging::Whole,
    },
    columns: &[
        Column::new("Profile", "profile").link(),
        Column::new("Default", "isDefault").shown(Cell::YesNo),
        Column::new("Name", "name"),
        Column::new("City", "city"),
        Column::new("Country", "country"),
    ],
    filters: &[],
    meta: &[Meta::new("ID", "id")],
    ops: Ops::CRUD.keeping(kept),
    messages: Messages {
        title: "{profile}",
        created: "Billing profile {profile} created.",
        saved: "Billing profile {profile} saved.",
        deleted: "Billing profile {profile} deleted.",
        delete_warning: "The billing profile {profile} is removed for good.",
        empty: "No billing profiles yet.",
        new_title: "New billing profile",
        new_label: "New billing profile",
        create_label: "Create billing profile",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"id": 357, "profile": "default", "isDefault": true, "name": "Company s.r.o.",
  "city": "Lorem Ipsum", "street": "Dolor sit 128", "companyRegId": "", "taxId": "", "vatId": "",
  "zip": "98464", "country": "sk", "isic": ""}"#,
        create: r#"{"profile":"my new profile", "name":"Company s.r.o.", "city": "Lorem", "street": "Ipsum 12", "zip": "123456", "country": "SK", "isDefault": false}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    #[test]
    fn the_documented_errors_are_caught_before_sending() {
        let errors = validate(
            &BILLING,
            &json!({"profile": "", "name": "a", "city": "Lorem", "street": "Ipsum 12", "zip": "fsafdsa", "country": "aa"}),
            Mode::Create,
        )
        .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ["country", "name", "profile", "zip"]);
        let valid = validate(
            &BILLING,
            &json!({"profile": "p", "name": "abc", "city": "c", "street": "s", "zip": "0", "country": "cz"}),
            Mode::Create,
        )
        .expect("valid");
        assert!(valid.get("isDefault").is_none(), "false unless sent");
    }

    #[test]
    fn a_stored_lower_case_country_starts_the_form_as_the_list_writes_it() {
        let form = crate::resource::to_form(&BILLING, Some(&json!({"country": "cz"})), "");
        assert_eq!(form["country"], "CZ");
        let unknown = crate::resource::to_form(&BILLING, Some(&json!({"country": "xx"})), "");
        assert_eq!(unknown["country"], "xx", "kept for the validator to name");
    }

    #[test]
    fn the_default_profile_is_kept() {
        assert_eq!(
            BILLING.ops.kept(&json!({"isDefault": true})),
            Some(DEFAULT_KEPT)
        );
        assert_eq!(BILLING.ops.kept(&json!({"isDefault": false})), None);
        assert_eq!(BILLING.ops.kept(&json!({})), None);
    }
}
