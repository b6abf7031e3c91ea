//! `/users…`, `/user/{id}` and `/user_profiles…`, `/user_profile/{id}`.
//!
//! A user's `profile` and the user profile records are the same rows: a
//! user has at most one profile, found by `user_id`. Deleting a user deletes
//! their profile.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use userdesk_api::admin::administrators::RoleRef;
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::terms::TERMS;
use userdesk_api::admin::user_profiles::{UserProfile, UserProfileFields, USER_PROFILES};
use userdesk_api::admin::users::{AcceptedTerms, Profile, TermsRef, User, UserFields, USERS};
use userdesk_api::resource::record::{pick, text_at};
use userdesk_api::resource::Mode;
use userdesk_api::time::format_timestamp;
use userdesk_api::{FieldErrors, HttpResponse, Method};

use super::accounts::{salt, taken_errors};
use super::store::{serve_list, validated};
use super::{AdminServer, Call};
use crate::json::{error, field_errors, no_content, ok};
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
                    self.user_profiles.retain(|p| p.fields.user_id != id);
                    no_content()
                }
                None => error(404, "User not found"),
            },
            ("users", _, 1) | ("user", _, 2) => error(405, "Method not allowed"),
            _ => error(404, "Not found"),
        }
    }

    pub(super) fn handle_user_profiles(&mut self, call: &Call, now: i64) -> HttpResponse {
        let segments = &call.segments;
        let find = |server: &Self, id: &str| {
            let id = id.parse::<i64>().ok()?;
            server.user_profiles.iter().position(|p| p.id == id)
        };
        match (segments[0], call.method, segments.len()) {
            ("user_profiles", Method::Get, 1..=3) => {
                let records: Vec<Value> = self
                    .user_profiles
                    .iter()
                    .filter_map(|profile| serde_json::to_value(profile).ok())
                    .collect();
                serve_list(call, &USER_PROFILES, &records)
            }
            ("user_profiles", Method::Post, 1) => self.save_user_profile(call, None, now),
            ("user_profile", Method::Get, 2) => match find(self, segments[1]) {
                Some(index) => ok(200, &json!({ "user_profile": self.user_profiles[index] })),
                None => error(404, "User profile not found"),
            },
            ("user_profile", Method::Put, 2) => match find(self, segments[1]) {
                Some(index) => self.save_user_profile(call, Some(index), now),
                None => error(404, "User profile not found"),
            },
            ("user_profile", Method::Delete, 2) => match find(self, segments[1]) {
                Some(index) => {
                    self.user_profiles.remove(index);
                    no_content()
                }
                None => error(404, "User profile not found"),
            },
            ("user_profiles", _, 1) | ("user_profile", _, 2) => error(405, "Method not allowed"),
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
        let roles = self
            .roles()
            .into_iter()
            .filter(|role| user.role_ids.contains(&role.id))
            .map(|role| RoleRef {
                id: role.id,
                name: role.fields.name,
            })
            .collect();
        let profile = self
            .user_profiles
            .iter()
            .find(|p| p.fields.user_id == user.id)
            .map(|p| Profile {
                first_name: p.fields.first_name.clone(),
                joined_at: p.fields.joined_at.clone(),
                last_name: p.fields.last_name.clone(),
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
        let mode = Mode::editing(existing.is_some());
        let fields: UserFields = match validated(call, &USERS, mode) {
            Ok(fields) => fields,
            Err(response) => return response,
        };
        let own_id = existing.map(|index| self.users[index].id);
        let others = self
            .users
            .iter()
            .filter(|u| Some(u.id) != own_id)
            .map(|u| (u.username.as_str(), u.email.as_str()));
        let mut errors = taken_errors(others, &fields.username, &fields.email);
        self.role_kind_errors(&mut errors, &fields.roles, false);
        if !errors.is_empty() {
            return field_errors(errors.to_nested_json());
        }
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

    /// Writes a user's embedded profile onto their profile row.
    fn upsert_profile(&mut self, user_id: i64, profile: Profile, status: ResourceStatus, now: i64) {
        let stamp = format_timestamp(now);
        match self
            .user_profiles
            .iter_mut()
            .find(|p| p.fields.user_id == user_id)
        {
            Some(row) => {
                row.fields.first_name = profile.first_name;
                row.fields.last_name = profile.last_name;
                row.fields.joined_at = profile.joined_at;
                row.updated_at = stamp;
            }
            None => {
                let id = self.next_user_profile_id;
                self.next_user_profile_id += 1;
                self.user_profiles.push(UserProfile {
                    id,
                    fields: UserProfileFields {
                        first_name: profile.first_name,
                        joined_at: profile.joined_at,
                        last_name: profile.last_name,
                        status,
                        user_id,
                    },
                    status_changed_at: stamp.clone(),
                    created_at: stamp.clone(),
                    updated_at: stamp,
                });
            }
        }
    }

    fn save_user_profile(
        &mut self,
        call: &Call,
        existing: Option<usize>,
        now: i64,
    ) -> HttpResponse {
        let mode = Mode::editing(existing.is_some());
        let fields: UserProfileFields = match validated(call, &USER_PROFILES, mode) {
            Ok(fields) => fields,
            Err(response) => return response,
        };
        let own_id = existing.map(|index| self.user_profiles[index].id);
        let mut errors = FieldErrors::new();
        if !self.users.iter().any(|u| u.id == fields.user_id) {
            errors.add("user_id", format!("There is no user {}.", fields.user_id));
        } else if self
            .user_profiles
            .iter()
            .any(|p| p.fields.user_id == fields.user_id && Some(p.id) != own_id)
        {
            errors.add("user_id", "This user already has a profile.");
        }
        if !errors.is_empty() {
            return field_errors(errors.to_nested_json());
        }
        let stamp = format_timestamp(now);
        let index = match existing {
            Some(index) => index,
            None => {
                let id = self.next_user_profile_id;
                self.next_user_profile_id += 1;
                self.user_profiles.push(UserProfile {
                    id,
                    fields: fields.clone(),
                    status_changed_at: stamp.clone(),
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                });
                self.user_profiles.len() - 1
            }
        };
        let row = &mut self.user_profiles[index];
        if row.fields.status != fields.status {
            row.status_changed_at = stamp.clone();
        }
        row.fields = fields;
        row.updated_at = stamp;
        let code = if existing.is_some() { 200 } else { 201 };
        ok(code, &json!({ "user_profile": row }))
    }
}
