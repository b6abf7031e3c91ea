//! Terms of service: `/terms_of_services…` and `/terms_of_service/{id}`.
//!
//! Rules: `version` 1–10 characters; `text` required; `publish_date` a
//! datetime; `status` one of the five codes.

use super::status::{status_field, ResourceStatus, STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{Api, Cell, Column, Description, Field, Messages, Meta, Ops, Path, Start};

/// Terms of service, described once.
pub const TERMS: Description = Description {
    api: Api::Admin,
    slug: "terms",
    title: "Terms of service",
    menu: "Terms of service",
    noun: "terms version",
    plural: "versions",
    path: Path::of("terms_of_services", "terms_of_service"),
    fields: &[
        Field::text("version", "Version")
            .length(1, 10)
            .hint("1–10 characters, e.g. 2.1.")
            .beside_next(),
        Field::datetime("publish_date", "Published (UTC)").starts(Start::Now),
        Field::long_text("text", "Text", 10),
        status_field(ResourceStatus::Pending),
    ],
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "publish_date.asc",
            "publish_date.desc",
            "version.asc",
            "version.desc",
        ],
        filters: &["status"],
        integers: &["status"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Version", "version").link().sorted(),
        Column::new("Published", "publish_date").date().sorted(),
        Column::new("Text", "text").shown(Cell::Preview(60)),
        STATUS_COLUMN,
    ],
    filters: &[STATUS_FILTER],
    meta: &[
        Meta::new("ID", "id"),
        Meta::date("Created", "created_at"),
        Meta::date("Status changed", "status_changed_at"),
    ],
    ops: Ops::CRUD,
    messages: Messages {
        title: "Version {version}",
        created: "Terms version {version} created.",
        saved: "Terms version {version} saved.",
        deleted: "Terms version {version} deleted.",
        delete_warning: "Version {version} disappears, also from the accepted terms of every user.",
        empty: "No terms of service match.",
        new_title: "New terms of service",
        new_label: "New version",
        create_label: "Create version",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"created_at": "2019-11-05T02:16:56+0000", "id": 2, "publish_date": "2019-01-01T00:00:00+0000",
            "status": 1, "status_changed_at": "2019-01-01T00:00:00+0000", "text": "This is TOS 2",
            "updated_at": "2019-11-05T02:16:56+0000", "version": "1.1"}"#,
        create: r#"{"publish_date": "2019-10-31T20:30:00+0000", "status": 5, "text": "This is TOS 7", "version": "2.1"}"#,
    },
    ..Description::BLANK
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{from_form, validate, FormValues, Mode};
    use crate::validation::REQUIRED;
    use serde_json::{json, Value};

    fn form(changes: &[(&'static str, &str)]) -> Result<Value, crate::FieldErrors> {
        let mut values: FormValues = [
            ("version", "2.1"),
            ("publish_date", "2019-10-31T20:30"),
            ("text", "This is TOS 7"),
            ("status", "5"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect();
        for (key, value) in changes {
            values.insert(key, value.to_string());
        }
        validate(
            &TERMS,
            &from_form(&TERMS, &values, Mode::Create),
            Mode::Create,
        )
    }

    #[test]
    fn the_documented_create_round_trips() {
        let documented: Value = serde_json::from_str(TERMS.example.create).expect("json");
        assert_eq!(form(&[]), Ok(documented.clone()));
        assert_eq!(validate(&TERMS, &documented, Mode::Create), Ok(documented));
    }

    #[test]
    fn version_is_1_to_10_characters_and_text_is_required() {
        for (version, accepted) in [
            ("", false),
            ("1", true),
            ("1.0.0-beta", true),
            ("1.0.0-beta2", false),
        ] {
            assert_eq!(
                form(&[("version", version)]).is_ok(),
                accepted,
                "{version:?}"
            );
        }
        let errors = form(&[("text", "  \n "), ("publish_date", "")]).expect_err("invalid");
        assert_eq!(errors.get("text"), [REQUIRED]);
        assert_eq!(errors.get("publish_date"), [REQUIRED]);
    }

    #[test]
    fn text_keeps_its_line_breaks() {
        let payload = form(&[("text", "1. Be nice.\n2. Pay.\n")]).expect("valid");
        assert_eq!(payload["text"], "1. Be nice.\n2. Pay.\n");
    }

    #[test]
    fn payload_rejects_missing_fields() {
        let errors = validate(&TERMS, &json!({}), Mode::Create).expect_err("empty");
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["publish_date", "status", "text", "version"]
        );
    }
}
