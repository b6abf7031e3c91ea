//! The documentation's profile, and a few more so lists have pages to
//! sort, filter and turn. The records are data (`seed.json`), not code:
//! the server fills each one's full name and country object.

use serde_json::Value;

use super::complete;

const SEED: &str = include_str!("seed.json");

pub fn profiles() -> Vec<Value> {
    let mut all: Vec<Value> = serde_json::from_str(SEED).unwrap_or_default();
    // The documented profile keeps its country object exactly as printed.
    for profile in all.iter_mut().skip(1) {
        complete(profile);
    }
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_reads_and_starts_with_the_documented_profile() {
        let all = super::profiles();
        assert_eq!(all.len(), 14);
        assert_eq!(all[0]["name"], "Mary Jane Smith");
        assert_eq!(
            all[0]["country"]["geographicRegionName"],
            "Northern America"
        );
        assert_eq!(all[1]["name"], "Westley Daniel Ivanov");
        assert_eq!(all[1]["country"]["countryName"], "Russian Federation");
    }
}
