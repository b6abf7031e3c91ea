//! Domain (contact) profiles: `/v1/user/{id}/domainProfile[/{profileId}]`.
//!
//! Rules: first and last name, street, city, zip, country, email and phone
//! required; email a valid address; phone with its country code
//! (`+421900123456`); `identBirthday` as `yyyy-M-d`; a company name makes
//! a company profile. Once a profile is assigned to a domain, it cannot
//! be deleted, switched between company and personal, or have its
//! identifiers changed.

use super::rules::{birthday, domain_phone};
use crate::iso3166::CountryCode;
use crate::list::{ListSpec, Paging};
use crate::resource::{Api, Column, Description, Field, Messages, Meta, Ops, Path};
use crate::validation::{is_valid_email, FieldErrors};

/// Why a profile with domains stays.
pub const ASSIGNED_KEPT: &str =
    "This profile is assigned to domains, so it cannot be deleted. Assign the domains another profile first.";

/// Why its identity is locked.
pub const ASSIGNED_LOCKED: &str =
    "Assigned to domains: the company name and identifiers can no longer change.";

/// The company/personal switch and the identifiers.
pub const IDENTITY: &[&str] = &[
    "orgName",
    "identCompanyRegistration",
    "identVat",
    "identIdentityCard",
    "identBirthday",
    "identPassport",
];

/// Whether a profile is assigned to any domain (its detail lists them).
pub fn has_domains(record: &serde_json::Value) -> bool {
    ["domains", "pendingDomains"].iter().any(|key| {
        record
            .get(key)
            .and_then(serde_json::Value::as_array)
            .is_some_and(|domains| !domains.is_empty())
    })
}

fn kept(record: &serde_json::Value) -> Option<&'static str> {
    has_domains(record).then_some(ASSIGNED_KEPT)
}

fn locked(record: &serde_json::Value) -> Option<(&'static [&'static str], &'static str)> {
    has_domains(record).then_some((IDENTITY, ASSIGNED_LOCKED))
}

fn one_email(errors: &mut FieldErrors, field: &str, value: &str) {
    if !is_valid_email(value) {
        errors.add(
            field,
            "Enter a valid email address, such as name@example.com.",
        );
    }
}

const IDENTIFIERS: &str = "Identifiers";

/// Domain profiles of a user, described once.
pub const DOMAIN_PROFILES: Description = Description {
    api: Api::Websupport,
    slug: "domain-profiles",
    title: "Domain profiles",
    menu: "Domain profiles",
    noun: "domain profile",
    plural: "domain profiles",
    path: Path::of("domainProfile", "domainProfile").under("user"),
    fields: &[
        Field::text("firstName", "First name").beside_next(),
        Field::text("lastName", "Last name"),
        Field::text("orgName", "Company name")
            .optional()
            .hint("Filled in, the profile is a company's; left empty, a person's."),
        Field::text("street", "Street")
            .hint("Street and house number.")
            .beside_next(),
        Field::text("city", "City"),
        Field::text("zip", "Postcode").beside_next(),
        Field::country("country", "Country", CountryCode::Alpha2),
        Field::text("email", "Email")
            .check(one_email)
            .hint("Authorises later changes to domains using this profile.")
            .beside_next(),
        Field::text("phone", "Phone")
            .check(domain_phone)
            .hint("With the country code, such as +421900123456."),
        Field::text("identCompanyRegistration", "Company registration ID")
            .optional()
            .in_group(IDENTIFIERS)
            .hint("IČO; required for company-registered .sk domains."),
        Field::text("identVat", "VAT ID")
            .optional()
            .in_group(IDENTIFIERS)
            .hint("IČ-DPH in Slovakia or the Czech Republic."),
        Field::text("identIdentityCard", "Identity card number")
            .optional()
            .in_group(IDENTIFIERS)
            .hint("Required by some top-level domains."),
        Field::text("identPassport", "Passport number")
            .optional()
            .in_group(IDENTIFIERS)
            .hint("Required by some top-level domains."),
        Field::text("identBirthday", "Birth date")
            .check(birthday)
            .optional()
            .in_group(IDENTIFIERS)
            .hint("Year-month-day, such as 1992-5-30."),
    ],
    list: ListSpec {
        orders: &[],
        filters: &[],
        integers: &[],
        paging: Paging::Whole,
    },
    columns: &[
        Column::new("Name", "{firstName} {lastName}").link(),
        Column::new("Company", "orgName"),
        Column::new("Email", "email"),
        Column::new("City", "city"),
        Column::new("Country", "country"),
    ],
    filters: &[],
    meta: &[
        Meta::new("ID", "id"),
        Meta::new("Domains", "domains"),
        Meta::new("Pending domains", "pendingDomains"),
    ],
    ops: Ops::CRUD.keeping(kept).locking(locked),
    messages: Messages {
        title: "{firstName} {lastName}",
        created: "Domain profile {firstName} {lastName} created.",
        saved: "Domain profile {firstName} {lastName} saved.",
        deleted: "Domain profile {firstName} {lastName} deleted.",
        delete_warning: "The domain profile {firstName} {lastName} is removed for good.",
        empty: "No domain profiles yet.",
        new_title: "New domain profile",
        new_label: "New domain profile",
        create_label: "Create domain profile",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"id": "153", "firstName": "Tesster", "lastName": "Priezvisko", "orgName": "company, s.r.o.",
  "street": "Stare Grunty 12", "city": "Kosice", "zip": "040 17", "country": "SK", "email": "test@example.com",
  "phone": "+421.900123456", "identBirthday": null, "identVat": null, "identPassport": null,
  "identCompanyRegistration": "123123123", "identIdentityCard": null, "domains": [], "pendingDomains": [],
  "changeRequest": []}"#,
        create: r#"{"firstName":"Tesster 2","lastName":"Priezvisko","orgName":"company, s.r.o.","street":"Stare Grunty 12","city":"Kosice","zip":"040 17","country":"SK","phone":"+421900123456","email":"test@example.com","identCompanyRegistration":"123123123"}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    #[test]
    fn the_documented_validation_errors_are_caught_before_sending() {
        let errors = validate(
            &DOMAIN_PROFILES,
            &json!({"firstName": "Tesster 2 Priezvisko", "street": "Stare Grunty 12", "city": "Kosice",
                    "zip": "040 17", "country": "SK", "phone": "0900123456", "email": "test@example.com",
                    "identBirthday": "30.5.1992"}),
            Mode::Create,
        )
        .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ["identBirthday", "lastName", "phone"]);
    }

    #[test]
    fn assigned_profiles_keep_their_identity_and_are_kept() {
        let assigned = json!({"domains": ["example.sk"], "pendingDomains": []});
        let free = json!({"domains": [], "pendingDomains": []});
        assert_eq!(DOMAIN_PROFILES.ops.kept(&assigned), Some(ASSIGNED_KEPT));
        assert_eq!(
            DOMAIN_PROFILES.ops.locked(&assigned),
            Some((IDENTITY, ASSIGNED_LOCKED))
        );
        assert_eq!(DOMAIN_PROFILES.ops.kept(&free), None);
        assert_eq!(DOMAIN_PROFILES.ops.locked(&free), None);
        assert!(has_domains(&json!({"pendingDomains": ["new.sk"]})));
    }
}
