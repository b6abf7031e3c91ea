//! User profiles: `/user_profiles…` and `/user_profile/{id}`. The same
//! records a user's `profile` shows, managed on their own.
//!
//! Rules: `first_name` 1–40; `last_name` 2–40; `joined_at` a datetime;
//! `status` one of the five codes; `user_id` an integer (chosen from users).
//! One profile per user: the reference server does not enforce it, so the
//! console does before sending ([`OneEach`]).

use serde::{Deserialize, Serialize};

use super::rules::{first_name, last_name};
use super::status::{status_field, ResourceStatus, STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{
    Api, Cell, Column, Description, Field, Messages, Meta, OneEach, Ops, Path, Records, Start,
};

/// The message when the chosen user already has a profile.
pub const USER_HAS_PROFILE: &str =
    "This user already has a profile; each user has at most one. Edit that profile instead.";

/// User profiles, described once.
pub const USER_PROFILES: Description = Description {
    api: Api::Admin,
    slug: "user-profiles",
    title: "User profiles",
    menu: "User profiles",
    noun: "profile",
    plural: "profiles",
    path: Path::of("user_profiles", "user_profile"),
    fields: &[
        Field::reference(
            "user_id",
            "User",
            Records {
                slug: "users",
                label: "{username} (#{id})",
                filters: &[],
                one_each: Some(OneEach {
                    taken_when: "profile",
                    message: USER_HAS_PROFILE,
                }),
            },
        ),
        first_name("first_name"),
        last_name("last_name"),
        Field::datetime("joined_at", "Joined (UTC)").starts(Start::Now),
        status_field(ResourceStatus::Enabled),
    ],
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
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").link().sorted(),
        Column::new("User", "#{user_id}")
            .sorted_by("user_id")
            .shown(Cell::Link {
                to: "users",
                id: "{user_id}",
            }),
        Column::new("Name", "{first_name} {last_name}"),
        Column::new("Joined", "joined_at").date().sorted(),
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
        title: "{first_name} {last_name}",
        created: "Profile {id} created.",
        saved: "Profile {id} saved.",
        deleted: "Profile {first_name} {last_name} deleted.",
        delete_warning: "User #{user_id} keeps their account but loses this profile.",
        empty: "No user profiles match.",
        new_title: "New user profile",
        new_label: "New profile",
        create_label: "Create profile",
        delete_own: "",
    },
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"created_at": "2019-11-05T02:16:56+0000", "first_name": "Lynne", "id": 2,
            "joined_at": "2018-12-10T00:00:00+0000", "last_name": "Harford", "status": 1,
            "status_changed_at": "2018-12-10T00:00:00+0000", "updated_at": "2019-11-05T02:16:56+0000", "user_id": 2}"#,
        create: r#"{"first_name": "Vivyan", "joined_at": "2019-05-21T08:30:00+0000", "last_name": "Joyce",
            "status": 5, "user_id": 9}"#,
    },
    ..Description::BLANK
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::{validate, Mode};
    use crate::validation::REQUIRED;
    use serde_json::json;

    #[test]
    fn names_dates_and_the_user_are_checked() {
        let errors = validate(
            &USER_PROFILES,
            &json!({"first_name": " ", "last_name": "J", "joined_at": "May", "status": 1, "user_id": "9"}),
            Mode::Create,
        )
        .expect_err("invalid");
        assert_eq!(errors.get("first_name"), [REQUIRED]);
        assert_eq!(
            errors.get("last_name"),
            ["Must be 2–40 characters (now 1)."]
        );
        assert_eq!(errors.get("user_id"), ["Choose one."]);
        let payload: serde_json::Value =
            serde_json::from_str(USER_PROFILES.example.create).expect("json");
        let fields: UserProfileFields = validate(&USER_PROFILES, &payload, Mode::Create)
            .ok()
            .and_then(|valid| serde_json::from_value(valid).ok())
            .expect("typed");
        assert_eq!((fields.user_id, fields.first_name.as_str()), (9, "Vivyan"));
    }
}
