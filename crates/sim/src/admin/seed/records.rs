//! Seed records beyond accounts and keys: the documentation's example
//! users, profiles, terms, places and audit entries, plus generated ones so
//! that the users, logins and countries lists span several pages.
//! Every generated record is derived from its index, so seeding is
//! deterministic.

use serde_json::{json, Value};
use userdesk_api::admin::countries::Country;
use userdesk_api::admin::logins::Login;
use userdesk_api::admin::notifications::Notification;
use userdesk_api::admin::password_resets::PasswordReset;
use userdesk_api::admin::regions::{CountryRef, Region};
use userdesk_api::admin::status::ResourceStatus;
use userdesk_api::admin::user_profiles::{UserProfile, UserProfileFields};
use userdesk_api::admin::users::UserRef;
use userdesk_api::time::{format_timestamp, parse_timestamp};

use crate::admin::{Acceptance, StoredUser};
use crate::password::PasswordHash;

const SEEDED_AT: &str = "2019-11-05T02:16:56+0000";
/// Ids of generated users start here, after the documented ones (1–9) and
/// the documented create example (10).
pub const FIRST_GENERATED_USER: i64 = 11;
/// How many users are generated: with the seven documented ones, four pages.
const GENERATED_USERS: i64 = 30;
/// Where the login audit trail starts; generated entries follow.
const GENERATED_LOGINS: i64 = 60;

const FIRST_NAMES: [&str; 12] = [
    "Marta", "Oskar", "Priya", "Jonas", "Lena", "Tobias", "Ines", "Rafael", "Noor", "Emil",
    "Clara", "Yusuf",
];
const LAST_NAMES: [&str; 10] = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Brandt",
    "Castillo",
    "Novak",
    "Haddad",
    "Ferreira",
    "Kowalski",
    "Tanaka",
];

/// A seeded user; its password is `{username}Pass!`.
struct SeedUser {
    id: i64,
    first: &'static str,
    last: &'static str,
    joined: String,
    verified: bool,
    status: ResourceStatus,
    status_changed: String,
    accepted: Vec<(i64, &'static str, &'static str)>,
    with_profile: bool,
}

/// The documented users (ids 1, 2, 3, 5, 6, 7 and 9: seven, as the
/// documented list total says; 4 and 8 were deleted) and generated ones.
/// User 9 has no profile, so the documented profile create for user 9 works.
pub fn users() -> (Vec<StoredUser>, Vec<UserProfile>) {
    let documented =
        |id, first, last, joined: &str, verified, status, changed: &str, accepted| SeedUser {
            id,
            first,
            last,
            joined: joined.to_string(),
            verified,
            status,
            status_changed: changed.to_string(),
            accepted,
            with_profile: id != 9,
        };
    let mut seeds = vec![
        documented(
            1,
            "Fiona",
            "Garrow",
            "2018-12-01T00:00:00+0000",
            true,
            ResourceStatus::Enabled,
            "2018-12-01T00:00:00+0000",
            vec![
                (1, "2018-12-01T00:00:00+0000", "1.1.1.1"),
                (2, "2019-01-03T00:00:00+0000", "1.1.1.1"),
            ],
        ),
        documented(
            2,
            "Lynne",
            "Harford",
            "2018-12-10T00:00:00+0000",
            true,
            ResourceStatus::Enabled,
            "2018-12-10T00:00:00+0000",
            vec![
                (1, "2018-12-10T00:00:00+0000", "1.1.1.2"),
                (2, "2019-01-06T00:00:00+0000", "1.1.1.2"),
            ],
        ),
        documented(
            3,
            "Duane",
            "Hargrave",
            "2018-12-15T00:00:00+0000",
            true,
            ResourceStatus::Enabled,
            "2018-12-15T00:00:00+0000",
            vec![(2, "2019-01-02T00:00:00+0000", "1.1.1.3")],
        ),
        documented(
            5,
            "Elroy",
            "Hunnicutt",
            "2018-12-20T00:00:00+0000",
            false,
            ResourceStatus::Disabled,
            "2018-12-25T00:00:00+0000",
            vec![],
        ),
        documented(
            6,
            "Sonja",
            "Pruitt",
            "2019-01-04T00:00:00+0000",
            true,
            ResourceStatus::Archived,
            "2019-03-01T00:00:00+0000",
            vec![(2, "2019-01-04T00:00:00+0000", "1.1.1.6")],
        ),
        documented(
            7,
            "Gideon",
            "Ashby",
            "2019-01-20T00:00:00+0000",
            false,
            ResourceStatus::Pending,
            "2019-01-20T00:00:00+0000",
            vec![],
        ),
        documented(
            9,
            "",
            "",
            "2019-02-11T00:00:00+0000",
            false,
            ResourceStatus::Enabled,
            "2019-02-11T00:00:00+0000",
            vec![(2, "2019-02-11T00:00:00+0000", "1.1.1.9")],
        ),
    ];
    let base = parse_timestamp("2019-03-01T09:00:00+0000").unwrap_or_default();
    for n in 0..GENERATED_USERS {
        let id = FIRST_GENERATED_USER + n;
        let joined = format_timestamp(base + n * 86_400 * 3 + (n % 7) * 3_600);
        let status = match n % 10 {
            7 => ResourceStatus::Disabled,
            9 => ResourceStatus::Pending,
            _ => ResourceStatus::Enabled,
        };
        seeds.push(SeedUser {
            id,
            first: FIRST_NAMES[(n % 12) as usize],
            last: LAST_NAMES[(n * 7 % 10) as usize],
            joined: joined.clone(),
            verified: n % 3 != 0,
            status,
            status_changed: joined,
            accepted: vec![(2, "2019-03-01T09:00:00+0000", "198.51.100.20")],
            with_profile: true,
        });
    }
    let mut users = Vec::new();
    let mut profiles = Vec::new();
    for seed in seeds {
        let username = format!("user{}", seed.id);
        users.push(StoredUser {
            id: seed.id,
            email: format!("{username}@test.com"),
            is_verified: seed.verified,
            password: PasswordHash::Seeded {
                seed: username.clone(),
            },
            password_changed_at: SEEDED_AT.to_string(),
            // User 3 also holds SERVICE, so the role filter has something to tell apart.
            role_ids: if seed.id == 3 { vec![1, 3] } else { vec![1] },
            status: seed.status,
            status_changed_at: seed.status_changed.clone(),
            created_at: SEEDED_AT.to_string(),
            updated_at: SEEDED_AT.to_string(),
            accepted_terms: seed
                .accepted
                .iter()
                .map(|(terms_id, date, ip)| Acceptance {
                    terms_id: *terms_id,
                    accept_date: date.to_string(),
                    ip_address: ip.to_string(),
                })
                .collect(),
            username,
        });
        if seed.with_profile {
            profiles.push(UserProfile {
                id: seed.id,
                fields: UserProfileFields {
                    first_name: seed.first.to_string(),
                    joined_at: seed.joined.clone(),
                    last_name: seed.last.to_string(),
                    status: seed.status,
                    user_id: seed.id,
                },
                status_changed_at: seed.status_changed,
                created_at: SEEDED_AT.to_string(),
                updated_at: SEEDED_AT.to_string(),
            });
        }
    }
    (users, profiles)
}

/// The documented terms 1 and 2, and two later versions (four in all).
pub fn terms() -> Vec<Value> {
    let terms = |id: i64, version: &str, published: &str, status: ResourceStatus| {
        json!({
            "id": id,
            "publish_date": published,
            "status": status.code(),
            "text": format!("This is TOS {id}"),
            "version": version,
            "status_changed_at": published,
            "created_at": SEEDED_AT,
            "updated_at": SEEDED_AT,
        })
    };
    vec![
        terms(
            1,
            "1.0",
            "2018-06-15T00:00:00+0000",
            ResourceStatus::Enabled,
        ),
        terms(
            2,
            "1.1",
            "2019-01-01T00:00:00+0000",
            ResourceStatus::Enabled,
        ),
        terms(
            3,
            "1.2",
            "2019-09-01T00:00:00+0000",
            ResourceStatus::Archived,
        ),
        terms(
            4,
            "2.0",
            "2020-01-01T00:00:00+0000",
            ResourceStatus::Pending,
        ),
    ]
}

/// Country names with their ISO 3166 codes; the first two are documented.
const COUNTRY_TABLE: [(&str, &str, &str); 36] = [
    ("United States", "US", "USA"),
    ("Mexico", "MX", "MEX"),
    ("Canada", "CA", "CAN"),
    ("United Kingdom", "GB", "GBR"),
    ("France", "FR", "FRA"),
    ("Germany", "DE", "DEU"),
    ("Spain", "ES", "ESP"),
    ("Portugal", "PT", "PRT"),
    ("Italy", "IT", "ITA"),
    ("Netherlands", "NL", "NLD"),
    ("Belgium", "BE", "BEL"),
    ("Switzerland", "CH", "CHE"),
    ("Austria", "AT", "AUT"),
    ("Poland", "PL", "POL"),
    ("Czechia", "CZ", "CZE"),
    ("Sweden", "SE", "SWE"),
    ("Norway", "NO", "NOR"),
    ("Denmark", "DK", "DNK"),
    ("Finland", "FI", "FIN"),
    ("Ireland", "IE", "IRL"),
    ("Greece", "GR", "GRC"),
    ("Turkey", "TR", "TUR"),
    ("Brazil", "BR", "BRA"),
    ("Argentina", "AR", "ARG"),
    ("Chile", "CL", "CHL"),
    ("Colombia", "CO", "COL"),
    ("Peru", "PE", "PER"),
    ("Japan", "JP", "JPN"),
    ("South Korea", "KR", "KOR"),
    ("India", "IN", "IND"),
    ("Australia", "AU", "AUS"),
    ("New Zealand", "NZ", "NZL"),
    ("South Africa", "ZA", "ZAF"),
    ("Nigeria", "NG", "NGA"),
    ("Egypt", "EG", "EGY"),
    ("Kenya", "KE", "KEN"),
];

pub fn countries() -> Vec<Country> {
    COUNTRY_TABLE
        .iter()
        .zip(1..)
        .map(|((name, code_2, code_3), id)| Country {
            id,
            name: name.to_string(),
            code_2: code_2.to_string(),
            code_3: code_3.to_string(),
            // A couple are disabled so the status filter shows something.
            status: if id % 17 == 0 {
                ResourceStatus::Disabled
            } else {
                ResourceStatus::Enabled
            },
            status_changed_at: "2018-01-01T00:00:00+0000".to_string(),
            created_at: SEEDED_AT.to_string(),
            updated_at: SEEDED_AT.to_string(),
        })
        .collect()
}

/// Six regions, the documented two first.
pub fn regions(countries: &[Country]) -> Vec<Region> {
    let table: [(&str, &str, i64); 6] = [
        ("California", "CA", 1),
        ("Oregon", "OR", 1),
        ("Washington", "WA", 1),
        ("Jalisco", "JA", 2),
        ("Ontario", "ON", 3),
        ("Quebec", "QC", 3),
    ];
    table
        .iter()
        .zip(1..)
        .filter_map(|((name, code_2, country_id), id)| {
            let country = countries.iter().find(|c| c.id == *country_id)?;
            Some(Region {
                id,
                name: name.to_string(),
                code_2: code_2.to_string(),
                country: CountryRef {
                    id: country.id,
                    name: country.name.clone(),
                    code_2: country.code_2.clone(),
                    code_3: country.code_3.clone(),
                },
                status: ResourceStatus::Enabled,
                status_changed_at: "2018-01-01T00:00:00+0000".to_string(),
                created_at: SEEDED_AT.to_string(),
                updated_at: SEEDED_AT.to_string(),
            })
        })
        .collect()
}

/// The documented two attempts by admin1, then a generated trail of
/// admin and user sign-ins (a few failed, a few for unknown usernames).
pub fn logins() -> Vec<Login> {
    let login = |id, api, date: String, ip: &str, success, user_id, username: &str| Login {
        id,
        api,
        attempt_date: date,
        ip_address: ip.to_string(),
        success,
        user_id,
        username: username.to_string(),
        created_at: "2019-11-07T02:49:26+0000".to_string(),
        updated_at: "2019-11-07T02:49:26+0000".to_string(),
    };
    let mut logins = vec![
        login(
            1,
            1,
            "2018-12-01T08:32:55+0000".into(),
            "1.1.1.1",
            true,
            Some(1),
            "admin1",
        ),
        login(
            2,
            1,
            "2018-12-02T12:02:21+0000".into(),
            "1.1.1.1",
            false,
            Some(1),
            "admin1",
        ),
    ];
    let who: [(u8, Option<i64>, &str); 8] = [
        (1, Some(1), "admin1"),
        (2, Some(2), "user2"),
        (2, Some(3), "user3"),
        (1, Some(2), "admin2"),
        (2, Some(11), "user11"),
        (2, None, "guest"),
        (2, Some(5), "user5"),
        (1, Some(3), "admin3"),
    ];
    let addresses = ["1.1.1.1", "1.1.1.2", "1.1.1.3", "10.0.0.8", "203.0.113.7"];
    let start = parse_timestamp("2018-12-03T07:00:00+0000").unwrap_or_default();
    for n in 0..GENERATED_LOGINS {
        let (api, user_id, username) = who[(n % 8) as usize];
        let success = user_id.is_some() && n % 4 != 3;
        logins.push(login(
            3 + n,
            api,
            format_timestamp(start + n * 31_417),
            addresses[(n * 3 % 5) as usize],
            success,
            user_id,
            username,
        ));
    }
    logins
}

fn user_ref(id: i64) -> UserRef {
    UserRef {
        id,
        username: format!("user{id}"),
        uri: format!("/user/{id}"),
    }
}

/// Seven requests, the documented two first.
pub fn password_resets() -> Vec<PasswordReset> {
    let table: [(&str, &str, bool, &str, i64); 7] = [
        ("HD7SF2", "1.1.1.1", true, "2019-01-10T07:13:49+0000", 1),
        ("M5AF8G", "1.1.1.2", true, "2019-01-12T14:02:51+0000", 2),
        ("Q2W8KD", "1.1.1.3", false, "2019-02-02T09:30:00+0000", 3),
        ("ZX7P4M", "1.1.1.2", true, "2019-02-14T18:45:12+0000", 2),
        ("B9T3RQ", "10.0.0.8", false, "2019-03-05T11:11:11+0000", 5),
        ("K4V6NJ", "1.1.1.6", true, "2019-04-21T06:02:40+0000", 6),
        (
            "W1E5LS",
            "203.0.113.7",
            false,
            "2019-05-30T22:17:03+0000",
            11,
        ),
    ];
    table
        .iter()
        .zip(1..)
        .map(|((code, ip, used, requested, user), id)| PasswordReset {
            id,
            code: code.to_string(),
            ip_address: ip.to_string(),
            is_used: *used,
            requested_at: requested.to_string(),
            user: user_ref(*user),
            status: ResourceStatus::Enabled,
            status_changed_at: format!("{}T00:00:00+0000", &requested[..10]),
            created_at: SEEDED_AT.to_string(),
            updated_at: SEEDED_AT.to_string(),
        })
        .collect()
}

/// Five email notifications, the documented two first.
pub fn notifications() -> Vec<Notification> {
    let table: [(&str, &str, i64, bool, &str); 5] = [
        ("123456", "2019-02-01T10:45:00+0000", 1, true, "template-1"),
        ("123457", "2019-02-03T12:10:07+0000", 2, true, "template-1"),
        ("123458", "2019-02-09T08:00:00+0000", 3, true, "template-2"),
        ("123459", "2019-03-11T16:20:45+0000", 5, false, "template-2"),
        ("123460", "2019-04-02T13:05:30+0000", 2, true, "template-3"),
    ];
    table
        .iter()
        .zip(1..)
        .map(
            |((notification_id, sent, user, accepted, template), id)| Notification {
                id,
                accepted: *accepted,
                rejected: !accepted,
                channel: 1,
                notification_id: notification_id.to_string(),
                service: Some("Service 1".to_string()),
                template: template.to_string(),
                sent_at: sent.to_string(),
                user: user_ref(*user),
                status: ResourceStatus::Enabled,
                status_changed_at: format!("{}T00:00:00+0000", &sent[..10]),
                created_at: SEEDED_AT.to_string(),
                updated_at: SEEDED_AT.to_string(),
            },
        )
        .collect()
}

/// The id after the last seeded user.
pub fn next_user_id() -> i64 {
    FIRST_GENERATED_USER + GENERATED_USERS
}
