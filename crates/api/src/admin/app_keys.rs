//! Application keys: `/app_keys…` and `/app_key/{id}`.
//!
//! Rules: `application` required, 2–200 characters; `key` required, unique,
//! exactly 32 characters; `status` required, one of the five status codes.

use super::status::{status_field, ResourceStatus, STATUS_COLUMN, STATUS_FILTER};
use super::APP_KEY_LENGTH;
use crate::list::{ListSpec, PAGED};
use crate::resource::{Api, Cell, Column, Description, Field, Messages, Ops, Path, Slot, STAMPS};

/// The simulator's answer when another key has the same text.
pub const KEY_TAKEN: &str = "This key is already in use.";

/// Application keys, described once; uniqueness is the server's to check.
pub const APP_KEYS: Description = Description {
    api: Api::Admin,
    slug: "app-keys",
    title: "Application keys",
    menu: "App keys",
    noun: "app key",
    plural: "app keys",
    path: Path::of("app_keys", "app_key"),
    fields: &[
        Field::text("application", "Application")
            .length(2, 200)
            .hint("2–200 characters."),
        Field::text("key", "Key")
            .length(APP_KEY_LENGTH, APP_KEY_LENGTH)
            .hint("Exactly 32 characters, unique.")
            .unique(KEY_TAKEN)
            .slot(Slot::GenerateAppKey),
        status_field(ResourceStatus::Enabled),
    ],
    list: ListSpec {
        orders: &["id.asc", "id.desc", "application.asc", "application.desc"],
        filters: &["status"],
        integers: &["status"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Application", "application").link().sorted(),
        Column::new("Key", "key").shown(Cell::Secret),
        STATUS_COLUMN,
        Column::new("Updated", "updated_at").date().minor(),
    ],
    filters: &[STATUS_FILTER],
    meta: STAMPS,
    ops: Ops::CRUD,
    messages: Messages {
        title: "{application}",
        created: "App key for {application} created.",
        saved: "App key for {application} saved.",
        deleted: "App key {application} deleted.",
        delete_warning: "Every client using the key for {application} is refused from then on.",
        empty: "No application keys match.",
        new_title: "New application key",
        new_label: "New app key",
        create_label: "Create app key",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"application": "Application 1", "created_at": "2019-10-23T15:03:37+0000", "id": 1,
            "key": "7sv3aPS45Ck8URGRKUtBdMWgKFN4ahfW", "status": 1, "status_changed_at": "2019-10-30T13:38:47+0000",
            "updated_at": "2019-10-30T13:38:47+0000"}"#,
        create: r#"{"application": "Some Application Name", "key": "AHvy6Wk5kqrFzAe3HVKzxfVtqwPK3ELZ", "status": 1}"#,
    },
    ..Description::BLANK
};

const KEY_ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A new 32-character alphanumeric key. `fill_random` must fill its buffer
/// from a cryptographic source; bytes that would bias the choice are skipped.
pub fn generate_key(mut fill_random: impl FnMut(&mut [u8])) -> String {
    // 248 = 4 × 62: bytes at or above it would favour the first letters.
    const UNBIASED_BELOW: u8 = 248;
    let mut key = String::with_capacity(APP_KEY_LENGTH);
    let mut buffer = [0u8; 64];
    while key.len() < APP_KEY_LENGTH {
        fill_random(&mut buffer);
        for byte in buffer.iter().filter(|&&b| b < UNBIASED_BELOW) {
            if key.len() == APP_KEY_LENGTH {
                break;
            }
            key.push(KEY_ALPHABET[usize::from(*byte) % KEY_ALPHABET.len()] as char);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use serde_json::json;

    fn check(
        application: &str,
        key: &str,
        status: serde_json::Value,
    ) -> Result<(), crate::FieldErrors> {
        validate(
            &APP_KEYS,
            &json!({"application": application, "key": key, "status": status}),
            Mode::Create,
        )
        .map(|_| ())
    }

    #[test]
    fn application_length_boundaries() {
        let key = "k".repeat(32);
        for (application, ok) in [
            ("", false),
            ("A", false),
            ("Ap", true),
            (&"a".repeat(200), true),
            (&"a".repeat(201), false),
        ] {
            assert_eq!(
                check(application, &key, json!(1)).is_ok(),
                ok,
                "{}",
                application.len()
            );
        }
    }

    #[test]
    fn key_must_be_exactly_32_characters() {
        for (key, ok) in [
            ("", false),
            (&"k".repeat(31), false),
            (&"k".repeat(32), true),
            (&"k".repeat(33), false),
        ] {
            let result = check("App", key, json!(1));
            assert_eq!(result.is_ok(), ok, "{}", key.len());
            if !ok {
                assert_eq!(result.expect_err("invalid").get("key").len(), 1);
            }
        }
        let errors = check("App", "short", json!(1)).expect_err("short");
        assert_eq!(
            errors.get("key"),
            ["Must be exactly 32 characters (now 5)."]
        );
    }

    #[test]
    fn status_must_be_a_documented_code() {
        let key = "k".repeat(32);
        for (status, ok) in [
            (json!(null), false),
            (json!(0), false),
            (json!(1), true),
            (json!(5), true),
            (json!(6), false),
            (json!("1"), false),
        ] {
            assert_eq!(check("App", &key, status.clone()).is_ok(), ok, "{status:?}");
        }
    }

    #[test]
    fn generated_keys_are_32_alphanumerics_without_bias_bytes() {
        let mut counter = 0u8;
        let key = generate_key(|buffer| {
            for byte in buffer.iter_mut() {
                *byte = counter;
                counter = counter.wrapping_add(1);
            }
        });
        assert_eq!(key.len(), 32);
        assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert!(key.starts_with("ABCDEFGH"));
        // A source that only yields rejected bytes at first still finishes.
        let mut calls = 0;
        let key = generate_key(|buffer| {
            calls += 1;
            buffer.fill(if calls < 3 { 255 } else { 61 });
        });
        assert_eq!(key, "9".repeat(32));
    }
}
