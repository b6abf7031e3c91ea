//! `/users…`, `/user/{id}` and `/user_profiles…`, `/user_profile/{id}`.
//!
//! A user's `profile` and the user profile records are the same rows: a
//! user has at most one profile, found by `user_id`. Deleting a user deletes
//! their profile.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::terms::TERMS;
use userdesk_api::admin::user_profiles::{UserProfile, USER_PROFILES};
use userdesk_api::admin::users::{AcceptedTerms, Profile, TermsRef, User, UserFields, USERS};
use userdesk_api::resource::record::{pick, text_at};
use userdesk_api::time::format_timestamp;
use userdesk_api::{HttpResponse, Method};

use super::accounts::{salt, taken_errors};
use super::store::{serve_list, validated};
use super::{AdminServer, Call};
use crate::json::{error, no_content, ok};
use crate::password::PasswordHash;

/// A stored user (they sign in through the public API, not this one).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredUser {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub is_verified: bool,
    /// Never the password itself: see [`PasswordHash`].
    pub password: PasswordHash,
    pub password_changed_at: String,
    pub role_ids: Vec<i64>,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub accepted_terms: Vec<Acceptance>,
}

/// One acceptance of a terms-of-service version.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Acceptance {
    pub terms_id: i64,
    pub accept_date: String,
    pub ip_address: String,
}

impl AdminServer {
    pub(super) fn handle_users(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        match (segments[0], call.method, segments.len()) {
            ("users", Method::Get, 1..=3) => {
                let views: Vec<Value> = (0..self.users.len())
                    .filter_map(|i| serde_json::to_value(self.user_view(i, &call.prefix)).ok())
                    .collect();
                serve_list(call, &USERS, &views)
            }
            ("users", Method::Post, 1) => self.save_user(call, None, now),
            // Users are also read by username, as documented.
            ("user", Method::Get, 2) => match self.find_user(segments[1], true) {
                Some(index) => ok(200, &json!({ "user": self.user_view(index, &call.prefix) })),
                None => error(404, "User not found"),
            },
            ("user", Method::Put, 2) => match self.find_user(segments[1], false) {
                Some(index) => self.save_user(call, Some(index), now),
                None => error(404, "User not found"),
            },
            ("user", Method::Delete, 2) => match self.find_user(segments[1], false) {
                Some(index) => {
                    let id = self.users.remove(index).id;
                    self.collection_mut(&USER_PROFILES)
                        .records
                        .retain(|p| pick(p, "user_id").and_then(Value::as_i64) != Some(id));
                    no_content()
                }
                None => error(404, "User not found"),
            },
            ("users", _, 1) | ("user", _, 2) => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    fn find_user(&self, key: &str, by_username_too: bool) -> Option<usize> {
        match key.parse::<i64>() {
            Ok(id) => self.users.iter().position(|u| u.id == id),
            Err(_) if by_username_too => self.users.iter().position(|u| u.username == key),
            Err(_) => None,
        }
    }

    fn user_view(&self, index: usize, prefix: &str) -> User {
        let user = &self.users[index];
        let roles = self.role_refs(&user.role_ids);
        let profile = self.profile_of(user.id).map(|p| Profile {
            first_name: p.fields.first_name,
            joined_at: p.fields.joined_at,
            last_name: p.fields.last_name,
        });
        // Newest first, as documented; versions since deleted drop out.
        let mut accepted: Vec<&Acceptance> = user.accepted_terms.iter().collect();
        accepted.sort_by(|a, b| b.accept_date.cmp(&a.accept_date));
        let terms_of_services = accepted
            .into_iter()
            .filter_map(|acceptance| {
                let terms = self.records(TERMS.slug).iter().find(|terms| {
                    pick(terms, "id").and_then(Value::as_i64) == Some(acceptance.terms_id)
                })?;
                Some(AcceptedTerms {
                    accept_date: acceptance.accept_date.clone(),
                    ip_address: acceptance.ip_address.clone(),
                    terms_of_service: TermsRef {
                        id: acceptance.terms_id,
                        version: text_at(terms, "version"),
                    },
                })
            })
            .collect();
        User {
            id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            is_verified: user.is_verified,
            profile,
            roles,
            status: user.status,
            terms_of_services,
            password_changed_at: user.password_changed_at.clone(),
            status_changed_at: user.status_changed_at.clone(),
            created_at: user.created_at.clone(),
            updated_at: user.updated_at.clone(),
            uri: format!("{prefix}/user/{}", user.id),
        }
    }

    fn save_user(&mut self, call: &Call, existing: Option<usize>, now: i64) -> HttpResponse {
        let own_id = existing.map(|index| self.users[index].id);
        let checked = validated(call, &USERS, existing.is_some(), |fields: &UserFields| {
            let others = self
                .users
                .iter()
                .filter(|u| Some(u.id) != own_id)
                .map(|u| (u.username.as_str(), u.email.as_str()));
            let mut errors = taken_errors(others, &fields.username, &fields.email);
            self.role_kind_errors(&mut errors, &fields.roles, false);
            errors
        });
        let fields = match checked {
            Ok(fields) => fields,
            Err(response) => return response,
        };
        let stamp = format_timestamp(now);
        let index = match existing {
            Some(index) => index,
            None => {
                let id = self.next_user_id;
                self.next_user_id += 1;
                self.users.push(StoredUser {
                    id,
                    username: String::new(),
                    email: String::new(),
                    is_verified: false,
                    password: PasswordHash::Unset,
                    password_changed_at: stamp.clone(),
                    role_ids: Vec::new(),
                    status: fields.status,
                    status_changed_at: stamp.clone(),
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                    accepted_terms: Vec::new(),
                });
                self.users.len() - 1
            }
        };
        let user = &mut self.users[index];
        if let Some(password) = &fields.password {
            user.password = PasswordHash::new(password, &salt("user", user.id, now));
            user.password_changed_at = stamp.clone();
        }
        if user.status != fields.status {
            user.status_changed_at = stamp.clone();
        }
        user.username = fields.username;
        user.email = fields.email;
        user.is_verified = fields.is_verified;
        user.role_ids = fields.roles;
        user.status = fields.status;
        user.updated_at = stamp.clone();
        let (user_id, status) = (user.id, user.status);
        if let Some(profile) = fields.profile {
            self.upsert_profile(user_id, profile, status, now);
        }
        let view = self.user_view(index, &call.prefix);
        let code = if existing.is_some() { 200 } else { 201 };
        ok(code, &json!({ "user": view }))
    }

    /// The profile row of a user.
    fn profile_of(&self, user_id: i64) -> Option<UserProfile> {
        self.records(USER_PROFILES.slug)
            .iter()
            .filter_map(|record| serde_json::from_value::<UserProfile>(record.clone()).ok())
            .find(|profile| profile.fields.user_id == user_id)
    }

    /// Writes a user's embedded profile onto their profile row.
    fn upsert_profile(&mut self, user_id: i64, profile: Profile, status: ResourceStatus, now: i64) {
        let stamp = format_timestamp(now);
        let profiles = self.collection_mut(&USER_PROFILES);
        let owned =
            |record: &Value| pick(record, "user_id").and_then(Value::as_i64) == Some(user_id);
        match profiles.records.iter_mut().find(|record| owned(record)) {
            Some(row) => {
                row["first_name"] = profile.first_name.into();
                row["last_name"] = profile.last_name.into();
                row["joined_at"] = profile.joined_at.into();
                row["updated_at"] = stamp.into();
            }
            None => {
                profiles.push(json!({
                    "first_name": profile.first_name,
                    "joined_at": profile.joined_at,
                    "last_name": profile.last_name,
                    "status": status.code(),
                    "user_id": user_id,
                    "status_changed_at": stamp,
                    "created_at": stamp,
                    "updated_at": stamp,
                }));
            }
        }
    }
}
