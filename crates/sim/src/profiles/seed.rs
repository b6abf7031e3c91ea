//! The documentation's profile, and a few more so lists have pages to
//! sort, filter and turn.

use serde_json::{json, Value};

use super::complete;

/// `(first, middle, last, country, enabled, tags)` of an invented profile.
type Invented = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
);

const MORE: [Invented; 13] = [
    ("Westley", "Daniel", "Ivanov", "643", true, &["blue"]),
    ("Anna", "", "Kováčová", "703", true, &[]),
    ("Peter", "Ján", "Novák", "703", true, &["green"]),
    ("Eva", "", "Horváth", "348", false, &[]),
    ("Lukas", "", "Gruber", "040", true, &["vip"]),
    ("Jana", "Marie", "Dvořáková", "203", true, &[]),
    ("Tomás", "", "García", "724", true, &[]),
    ("Olivia", "Rose", "Brown", "826", true, &["blue", "vip"]),
    ("Noah", "", "Wilson", "036", false, &[]),
    ("Sofia", "", "Rossi", "380", true, &[]),
    ("Liam", "James", "Murphy", "372", true, &[]),
    ("Emma", "", "Schmidt", "276", true, &["green"]),
    ("Hiro", "", "Tanaka", "392", true, &[]),
];

pub fn profiles() -> Vec<Value> {
    let mut all = vec![documented()];
    for (index, (first, middle, last, country, enabled, tags)) in MORE.iter().enumerate() {
        let day = index + 2;
        let stamp = format!("2021-01-{day:02}T09:30:00+00:00");
        let email = format!(
            "{}.{}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        );
        let mut profile = json!({
            "profileId": format!("6006dda272f002519c3eb5{:02x}", 16 + index),
            "contacts": [{
                "contactId": format!("6106dda272f002519c3eb5{:02x}", 16 + index),
                "key": "email",
                "value": email,
                "createTime": stamp,
                "updateTime": stamp,
                "uuid": null
            }],
            "countryNumericCode": country,
            "enabled": enabled,
            "firstName": first,
            "middleName": if middle.is_empty() { Value::Null } else { Value::from(*middle) },
            "lastName": last,
            "tags": tags,
            "createTime": stamp,
            "updateTime": stamp,
            "uuid": null
        });
        complete(&mut profile);
        all.push(profile);
    }
    all
}

/// The profile object of the documentation, as it prints it.
fn documented() -> Value {
    json!({
        "profileId": "6006dda272f002519c3eb505",
        "contacts": [
            {
                "contactId": "6006dda272f002519c3eb505",
                "key": "email",
                "value": "marysmith@email.com",
                "createTime": "2021-01-01T00:00:00+00:00",
                "updateTime": "2021-01-01T00:00:00+00:00",
                "uuid": null
            }
        ],
        "countryNumericCode": "840",
        "country": {
            "countryId": "6006dda272f002519c3eb505",
            "countryName": "United States",
            "alpha2Code": "US",
            "alpha3Code": "USA",
            "numericCode": "840",
            "geographicRegionNumericCode": "021",
            "geographicRegionName": "Northern America",
            "createTime": "2021-01-01T00:00:00+00:00",
            "updateTime": "2021-01-01T00:00:00+00:00"
        },
        "enabled": true,
        "firstName": "Mary",
        "middleName": "Jane",
        "lastName": "Smith",
        "name": "Mary Jane Smith",
        "tags": ["blue", "green"],
        "createTime": "2021-01-01T00:00:00+00:00",
        "updateTime": "2021-01-01T00:00:00+00:00",
        "uuid": null
    })
}
