//! The simulated Websupport world: the documentation's users, billing
//! and domain profiles, two demo keys, and a rule for 10,000 sub-users.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::WebsupportServer;

/// A demo API key, its secret and whose it is.
#[derive(Clone, Copy, Debug)]
pub struct DemoKey {
    pub key: &'static str,
    pub secret: &'static str,
    pub user_id: i64,
}

/// The documentation's `testaccount`, a reseller with many sub-users.
pub const RESELLER_ID: i64 = 123;
/// The documentation's `subuseraccount`, a customer of another reseller.
pub const CUSTOMER_ID: i64 = 456;

/// The keys Demo accepts (the README gives them).
pub const DEMO_KEYS: [DemoKey; 2] = [
    DemoKey {
        key: "demo-websupport-key",
        secret: "demo-websupport-secret",
        user_id: RESELLER_ID,
    },
    DemoKey {
        key: "demo-customer-key",
        secret: "demo-customer-secret",
        user_id: CUSTOMER_ID,
    },
];

/// How many sub-users the reseller starts with.
pub const GENERATED_SUB_USERS: u32 = 10_000;

const FIRST_GENERATED_ID: i64 = 1_000_000;
const FIRST_GENERATED_BILLING_ID: i64 = 2_000_000;
/// The reseller's first sub-user was created at 2012-01-01T00:00:00Z, one every 3 hours after.
const GENERATED_SINCE: i64 = 1_325_376_000;

/// The id of generated sub-user `number` (from 1).
pub fn generated_id(number: u32) -> i64 {
    FIRST_GENERATED_ID + i64::from(number)
}

fn generated_number(id: i64, count: u32) -> Option<u32> {
    let number = u32::try_from(id - FIRST_GENERATED_ID).ok()?;
    (1..=count).contains(&number).then_some(number)
}

fn generated_login_of(number: u32) -> String {
    format!("customer{number:05}")
}

/// Whether `login` is one of the generated sub-users'.
pub fn generated_login(login: &str, count: u32) -> bool {
    login
        .to_ascii_lowercase()
        .strip_prefix("customer")
        .filter(|digits| digits.len() == 5)
        .and_then(|digits| digits.parse::<u32>().ok())
        .is_some_and(|number| (1..=count).contains(&number))
}

/// The market object of a market identifier.
pub fn market(identifier: &str) -> Value {
    let (name, currency) = match identifier {
        "cz" => ("Česko", "CZK"),
        "hu" => ("Magyarország", "HUF"),
        "at" => ("Österreich", "EUR"),
        _ => ("Slovensko", "EUR"),
    };
    json!({"name": name, "identifier": identifier, "currency": currency})
}

/// Generated sub-user `id`'s detail (without billing), if there is one.
pub fn generated_user(id: i64, count: u32) -> Option<Value> {
    let number = generated_number(id, count)?;
    let login = generated_login_of(number);
    Some(json!({
        "id": id,
        "login": login,
        "parentId": RESELLER_ID,
        "active": number % 17 != 0,
        "createTime": GENERATED_SINCE + i64::from(number) * 3 * 3600,
        "group": if number % 10 == 0 { "subadmins" } else { "users" },
        "email": format!("{login}@example.sk"),
        "phone": format!("+4219{:08}", number),
        "sknicHandle": "",
        "contactPerson": "",
        "resellerToken": "",
        "credit": 0,
        "verifyUrl": "",
        "market": market("sk"),
    }))
}

/// Generated sub-user `id`'s default billing profile.
pub fn generated_billing(id: i64) -> Option<Value> {
    let number = u32::try_from(id - FIRST_GENERATED_ID).ok()?;
    (number >= 1).then(|| {
        json!({
            "id": FIRST_GENERATED_BILLING_ID + i64::from(number),
            "profile": "default",
            "isDefault": true,
            "name": format!("Customer {number:05} s.r.o."),
            "city": "Bratislava",
            "street": format!("Hlavná {}", number % 200 + 1),
            "companyRegId": "",
            "taxId": "",
            "vatId": "",
            "zip": "81101",
            "country": "sk",
            "isic": ""
        })
    })
}

impl WebsupportServer {
    /// The documentation's records (`seed.json`: its users, billing and
    /// domain profiles; profile 126 is assigned to a domain, so it shows the
    /// locked identity and the blocked delete), and the reseller's
    /// generated sub-users.
    pub fn seeded() -> Self {
        serde_json::from_str(SEED).unwrap_or_else(|_| WebsupportServer {
            users: Vec::new(),
            generated: GENERATED_SUB_USERS,
            billing: BTreeMap::new(),
            domain_profiles: BTreeMap::new(),
            next_id: 80_000,
        })
    }
}

const SEED: &str = include_str!("seed.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_reads_whole() {
        let seeded: WebsupportServer = serde_json::from_str(SEED).expect("seed.json");
        assert_eq!(seeded.generated, GENERATED_SUB_USERS);
        assert_eq!(seeded.users.len(), 2);
        assert_eq!(seeded.billing[&RESELLER_ID].len(), 2);
        assert_eq!(seeded.domain_profiles[&RESELLER_ID].len(), 3);
        assert!(seeded.users.iter().any(|user| user["id"] == CUSTOMER_ID));
    }
}
