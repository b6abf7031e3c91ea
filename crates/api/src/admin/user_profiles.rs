//! User profiles: `/user_profiles…` and `/user_profile/{id}`. The same
//! records a user's `profile` shows, managed on their own.
//!
//! Rules: `first_name` 1–40; `last_name` 2–40; `joined_at` a datetime;
//! `status` one of the five codes; `user_id` an integer (chosen from users).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::payload::Payload;
use super::resource::Resource;
use super::rules::{check_datetime, check_first_name, check_last_name, check_status};
use super::status::ResourceStatus;
use crate::list::{ListSpec, DEFAULT_LIMIT};
use crate::time::to_datetime_local;
use crate::validation::{integer, FieldErrors};

/// The collection: ordered by id, user id or join date; filtered by status.
pub const USER_PROFILES: Resource = Resource {
    collection: "user_profiles",
    item: "user_profile",
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "user_id.asc",
            "user_id.desc",
            "joined_at.asc",
            "joined_at.desc",
        ],
        filters: &["status"],
        integers: &["status"],
        default_limit: DEFAULT_LIMIT,
    },
};

/// A user profile as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfile {
    pub id: i64,
    #[serde(flatten)]
    pub fields: UserProfileFields,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The create/update payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfileFields {
    pub first_name: String,
    pub joined_at: String,
    pub last_name: String,
    pub status: ResourceStatus,
    pub user_id: i64,
}

/// Every editable field, in form order.
pub const FIELDS: [&str; 5] = ["user_id", "first_name", "last_name", "joined_at", "status"];

/// The form's state while typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserProfileDraft {
    /// A select's value: the user's id.
    pub user_id: String,
    pub first_name: String,
    pub last_name: String,
    /// The `datetime-local` value, read as UTC.
    pub joined_at: String,
    pub status: String,
}

impl UserProfileDraft {
    pub fn new(joined_at: String) -> Self {
        UserProfileDraft {
            user_id: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            joined_at,
            status: ResourceStatus::Enabled.code().to_string(),
        }
    }

    pub fn from_profile(profile: &UserProfile) -> Self {
        UserProfileDraft {
            user_id: profile.fields.user_id.to_string(),
            first_name: profile.fields.first_name.clone(),
            last_name: profile.fields.last_name.clone(),
            joined_at: to_datetime_local(&profile.fields.joined_at).unwrap_or_default(),
            status: profile.fields.status.code().to_string(),
        }
    }

    /// Applies every documented rule.
    pub fn validate(&self) -> Result<UserProfileFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let user_id = integer(&mut errors, "user_id", &self.user_id);
        check_first_name(&mut errors, "first_name", &self.first_name);
        check_last_name(&mut errors, "last_name", &self.last_name);
        let joined_at = check_datetime(&mut errors, "joined_at", &self.joined_at);
        let status = check_status(&mut errors, "status", &self.status);
        match (user_id, joined_at, status) {
            (Some(user_id), Some(joined_at), Some(status)) if errors.is_empty() => {
                Ok(UserProfileFields {
                    first_name: self.first_name.trim().to_string(),
                    joined_at,
                    last_name: self.last_name.trim().to_string(),
                    status,
                    user_id,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The message when the chosen user already has a profile.
pub const USER_HAS_PROFILE: &str =
    "This user already has a profile; each user has at most one. Edit that profile instead.";

/// One profile per user. The reference server does not enforce it, so the
/// console does before sending: `with_profile` are the users who have a
/// profile, `own_user` the user of the profile being edited (if any).
pub fn check_one_per_user(
    fields: &UserProfileFields,
    with_profile: &[i64],
    own_user: Option<i64>,
) -> Result<(), FieldErrors> {
    if own_user != Some(fields.user_id) && with_profile.contains(&fields.user_id) {
        let mut errors = FieldErrors::new();
        errors.add("user_id", USER_HAS_PROFILE);
        return Err(errors);
    }
    Ok(())
}

/// Server-side check of a JSON payload (the simulator uses it); whether the
/// user exists is the caller's to check.
pub fn validate_payload(payload: &Value) -> Result<UserProfileFields, FieldErrors> {
    let top = Payload::new(payload);
    let mut errors = FieldErrors::new();
    let (first_name, last_name) = (top.text("first_name"), top.text("last_name"));
    check_first_name(&mut errors, "first_name", &first_name);
    check_last_name(&mut errors, "last_name", &last_name);
    let joined_at = top.datetime(&mut errors, "joined_at");
    let status = top.status(&mut errors, "status");
    let user_id = top.integer(&mut errors, "user_id");
    match (joined_at, status, user_id) {
        (Some(joined_at), Some(status), Some(user_id)) if errors.is_empty() => {
            Ok(UserProfileFields {
                first_name,
                joined_at,
                last_name,
                status,
                user_id,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::HttpResponse;
    use crate::validation::REQUIRED;
    use serde_json::json;

    fn documented() -> Value {
        json!({"first_name": "Vivyan", "joined_at": "2019-05-21T08:30:00+0000", "last_name": "Joyce",
               "status": 5, "user_id": 9})
    }

    fn draft() -> UserProfileDraft {
        UserProfileDraft {
            user_id: "9".into(),
            first_name: "Vivyan".into(),
            last_name: "Joyce".into(),
            joined_at: "2019-05-21T08:30".into(),
            status: "5".into(),
        }
    }

    #[test]
    fn the_documented_create_round_trips() {
        let fields = draft().validate().expect("valid");
        assert_eq!(serde_json::to_value(&fields).ok(), Some(documented()));
        assert_eq!(validate_payload(&documented()), Ok(fields));
    }

    #[test]
    fn every_field_is_checked_at_its_boundaries() {
        let errors = UserProfileDraft {
            user_id: String::new(),
            first_name: "x".repeat(41),
            last_name: "J".into(),
            joined_at: "tomorrow".into(),
            status: "7".into(),
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(errors.get("user_id"), [REQUIRED]);
        assert_eq!(
            errors.iter().map(|(field, _)| field).collect::<Vec<_>>(),
            ["first_name", "joined_at", "last_name", "status", "user_id"]
        );
        let edges = UserProfileDraft {
            first_name: "x".repeat(40),
            last_name: "y".repeat(40),
            ..draft()
        };
        assert!(edges.validate().is_ok());
        let not_a_number = UserProfileDraft {
            user_id: "nine".into(),
            ..draft()
        };
        assert_eq!(
            not_a_number
                .validate()
                .expect_err("nan")
                .get("user_id")
                .len(),
            1
        );
    }

    #[test]
    fn payload_needs_an_integer_user_id() {
        let mut bad = documented();
        bad["user_id"] = json!("9");
        assert_eq!(
            validate_payload(&bad)
                .expect_err("string id")
                .get("user_id"),
            ["Must be an integer."]
        );
    }

    #[test]
    fn decodes_the_documented_profile() {
        let body = r#"{"user_profile": {"created_at": "2019-11-05T02:16:56+0000", "first_name": "Lynne", "id": 2,
            "joined_at": "2018-12-10T00:00:00+0000", "last_name": "Harford", "status": 1,
            "status_changed_at": "2018-12-10T00:00:00+0000", "updated_at": "2019-11-05T02:16:56+0000", "user_id": 2}}"#;
        let profile: UserProfile = USER_PROFILES
            .decode_record(&HttpResponse::json(200, body.into()))
            .expect("decodes");
        assert_eq!(
            (
                profile.id,
                profile.fields.user_id,
                profile.fields.last_name.as_str()
            ),
            (2, 2, "Harford")
        );
        assert_eq!(UserProfileDraft::from_profile(&profile).user_id, "2");
    }

    #[test]
    fn a_user_gets_at_most_one_profile() {
        let draft = UserProfileDraft {
            user_id: "2".into(),
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            joined_at: "2020-01-01T00:00:00".into(),
            status: "1".into(),
        };
        let fields = draft.validate().expect("valid");
        let refused = check_one_per_user(&fields, &[1, 2], None).expect_err("user 2 has one");
        assert_eq!(refused.get("user_id"), [USER_HAS_PROFILE]);
        assert!(
            check_one_per_user(&fields, &[1, 2], Some(2)).is_ok(),
            "its own profile"
        );
        assert!(check_one_per_user(&fields, &[1], None).is_ok());
    }
}
