//! The Admin API's seed: the documentation's example records, from which
//! Demo and every simulator test start.

use serde_json::{json, Value};
use userdesk_api::admin::account::AccountFields;
use userdesk_api::admin::app_keys::APP_KEYS;
use userdesk_api::admin::countries::COUNTRIES;
use userdesk_api::admin::logins::LOGINS;
use userdesk_api::admin::notifications::NOTIFICATIONS;
use userdesk_api::admin::password_resets::PASSWORD_RESETS;
use userdesk_api::admin::regions::REGIONS;
use userdesk_api::admin::roles::{Role, RoleFields, ROLES};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::terms::TERMS;
use userdesk_api::admin::user_profiles::USER_PROFILES;
use userdesk_api::admin::DOCUMENTED_APP_KEY;

mod records;

use super::{Account, AdminServer, Collection, TOKEN_LIFETIME};
use crate::password::PasswordHash;

const SEEDED_AT: &str = "2019-11-05T02:16:56+0000";

pub fn seeded(now: i64) -> AdminServer {
    let role = |id,
                name: &str,
                is_admin_role,
                lockout,
                max_attempts,
                timeframe,
                policy,
                reset_days,
                reuse,
                priority| Role {
        id,
        fields: RoleFields {
            name: name.to_string(),
            is_admin_role,
            login_ban_by_ip: true,
            login_ban_time: 1800,
            login_lockout_policy: lockout,
            login_max_attempts: max_attempts,
            login_timeframe: timeframe,
            password_policy: policy,
            password_reset_days: reset_days,
            password_reuse_history: reuse,
            priority,
        },
        created_at: SEEDED_AT.to_string(),
        updated_at: SEEDED_AT.to_string(),
    };
    let (users, user_profiles) = records::users();
    let countries = records::countries();
    let regions = records::regions(&countries);
    let next_user_id = records::next_user_id();
    let roles = [
        role(1, "USER", false, false, 10, 600, false, 365, 10, 100),
        role(2, "SUPER_ADMIN", true, true, 5, 300, true, 90, 24, 10),
        role(3, "SERVICE", false, true, 5, 300, true, 365, 24, 50),
    ];
    let collections = [
        (ROLES.slug, Collection::of(&roles)),
        (USER_PROFILES.slug, Collection::of(&user_profiles)),
        (APP_KEYS.slug, Collection::seeded(app_keys())),
        (TERMS.slug, Collection::seeded(records::terms())),
        (COUNTRIES.slug, Collection::of(&countries)),
        (REGIONS.slug, Collection::of(&regions)),
        (LOGINS.slug, Collection::of(&records::logins())),
        (
            PASSWORD_RESETS.slug,
            Collection::of(&records::password_resets()),
        ),
        (
            NOTIFICATIONS.slug,
            Collection::of(&records::notifications()),
        ),
    ]
    .into_iter()
    .map(|(slug, collection)| (slug.to_string(), collection))
    .collect();
    AdminServer {
        accounts: administrators(now),
        tokens: Vec::new(),
        users,
        collections,
        token_lifetime: TOKEN_LIFETIME,
        next_account_id: 6,
        next_user_id,
    }
}

/// The documented administrators (1, 3 and 4; 2 and 5 fill the documented
/// total of five). Passwords follow `{username}Pass!` except admin1's.
/// admin1's documented 2019 `password_changed_at` would be long expired
/// under SUPER_ADMIN's 90-day policy, so the demo counts from seeding.
fn administrators(now: i64) -> Vec<Account> {
    let admin = |id,
                 username: &str,
                 email: &str,
                 first: &str,
                 last: &str,
                 joined: &str,
                 roles: Vec<i64>,
                 status| {
        let fields = AccountFields {
            email: email.to_string(),
            first_name: first.to_string(),
            last_name: last.to_string(),
            username: username.to_string(),
        };
        let password = PasswordHash::Seeded {
            seed: username.to_string(),
        };
        let mut account = Account::new(id, fields, password, true, roles, now);
        account.joined_at = joined.to_string();
        account.status = status;
        account.status_changed_at = joined.to_string();
        account.created_at = SEEDED_AT.to_string();
        account.updated_at = SEEDED_AT.to_string();
        account
    };
    vec![
        admin(
            1,
            "admin1",
            "admin1@test.com",
            "Tommy",
            "Lund",
            "2018-11-01T00:00:00+0000",
            vec![2],
            ResourceStatus::Enabled,
        ),
        admin(
            2,
            "admin2",
            "admin2@test.com",
            "Ada",
            "Marsh",
            "2018-11-05T00:00:00+0000",
            vec![2],
            ResourceStatus::Enabled,
        ),
        admin(
            3,
            "admin3",
            "admin3@test.com",
            "Victor",
            "Landon",
            "2018-11-15T00:00:00+0000",
            vec![],
            ResourceStatus::Enabled,
        ),
        admin(
            4,
            "admin4",
            "admin4@test.com",
            "Tamela",
            "Coburn",
            "2018-11-20T00:00:00+0000",
            vec![2],
            ResourceStatus::Disabled,
        ),
        admin(
            5,
            "admin5",
            "admin5@test.com",
            "Rowan",
            "Pike",
            "2018-12-01T00:00:00+0000",
            vec![],
            ResourceStatus::Pending,
        ),
    ]
}

/// The three documented keys, and the documentation's request key, which the
/// console's Demo connection uses.
fn app_keys() -> Vec<Value> {
    let key = |id: i64,
               application: &str,
               key: &str,
               status: ResourceStatus,
               status_changed_at: &str,
               updated_at: &str| {
        json!({
            "id": id,
            "application": application,
            "key": key,
            "status": status.code(),
            "created_at": "2019-10-23T15:03:37+0000",
            "status_changed_at": status_changed_at,
            "updated_at": updated_at,
        })
    };
    vec![
        key(
            1,
            "Application 1",
            "7sv3aPS45Ck8URGRKUtBdMWgKFN4ahfW",
            ResourceStatus::Enabled,
            "2019-10-30T13:38:47+0000",
            "2019-10-30T13:38:47+0000",
        ),
        key(
            2,
            "Application 2",
            "cvBtQGgL9gNnSZk4DmKnva4QMcpTV7Mx",
            ResourceStatus::Enabled,
            "2018-01-05T00:00:00+0000",
            "2019-10-23T15:03:37+0000",
        ),
        key(
            3,
            "Application 3",
            "9CR45hFpTahbqDvmZFJdENAKz5VPqLG3",
            ResourceStatus::Disabled,
            "2018-01-10T00:00:00+0000",
            "2019-10-30T13:18:10+0000",
        ),
        key(
            4,
            "userdesk",
            DOCUMENTED_APP_KEY,
            ResourceStatus::Enabled,
            "2019-10-23T15:03:37+0000",
            "2019-10-23T15:03:37+0000",
        ),
    ]
}
