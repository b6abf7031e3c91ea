//! The ISO 3166-1 country list, shipped as data: one line per country,
//! `alpha-2 alpha-3 numeric name`, read on demand (no dependency, about
//! 7 KB of text).
//!
//! ## Usage
//! ```
//! use userdesk_api::iso3166::{by_numeric, countries};
//! assert_eq!(by_numeric("840").map(|c| c.name), Some("United States"));
//! assert_eq!(countries().count(), 249);
//! ```

const DATA: &str = include_str!("iso3166.txt");

/// One country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub alpha2: &'static str,
    pub alpha3: &'static str,
    /// Three digits, zero-padded, as the standard writes it (`004`).
    pub numeric: &'static str,
    pub name: &'static str,
}

/// Which of a country's codes a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryCode {
    /// `840`, as the Profiles API's `countryNumericCode`.
    Numeric,
    /// `US`, as Websupport's `country`.
    Alpha2,
}

impl CountryCode {
    /// The code of `country` this kind names.
    pub fn of(self, country: &Country) -> &'static str {
        match self {
            CountryCode::Numeric => country.numeric,
            CountryCode::Alpha2 => country.alpha2,
        }
    }

    /// The country with this code; numeric codes match with or without
    /// their leading zeros, alpha-2 codes in either case.
    pub fn find(self, code: &str) -> Option<Country> {
        let code = code.trim();
        match self {
            CountryCode::Numeric => by_numeric(code),
            CountryCode::Alpha2 => countries().find(|c| c.alpha2.eq_ignore_ascii_case(code)),
        }
    }
}

/// Every country, in the order of their English short names.
pub fn countries() -> impl Iterator<Item = Country> {
    DATA.lines().filter_map(|line| {
        let mut parts = line.splitn(4, ' ');
        Some(Country {
            alpha2: parts.next()?,
            alpha3: parts.next()?,
            numeric: parts.next()?,
            name: parts.next()?,
        })
    })
}

/// The country with a numeric code (`840`, or `4` for `004`).
pub fn by_numeric(code: &str) -> Option<Country> {
    let wanted: u16 = code.trim().parse().ok()?;
    countries().find(|c| c.numeric.parse::<u16>().ok() == Some(wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_reads_and_every_code_is_unique() {
        let all: Vec<Country> = countries().collect();
        assert_eq!(all.len(), DATA.lines().count());
        for country in &all {
            assert_eq!(country.alpha2.len(), 2, "{country:?}");
            assert_eq!(country.alpha3.len(), 3, "{country:?}");
            assert!(
                country.numeric.len() == 3 && country.numeric.bytes().all(|b| b.is_ascii_digit()),
                "{country:?}"
            );
            assert!(!country.name.is_empty());
        }
        for code in [CountryCode::Numeric, CountryCode::Alpha2] {
            let mut codes: Vec<&str> = all.iter().map(|c| code.of(c)).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), all.len(), "{code:?} codes repeat");
        }
    }

    #[test]
    fn codes_find_their_country() {
        assert_eq!(by_numeric("004").map(|c| c.alpha2), Some("AF"));
        assert_eq!(by_numeric("4").map(|c| c.alpha2), Some("AF"));
        assert_eq!(
            CountryCode::Alpha2.find("sk").map(|c| c.numeric),
            Some("703")
        );
        assert_eq!(
            CountryCode::Numeric.find("826").map(|c| c.name),
            Some("United Kingdom")
        );
        assert_eq!(by_numeric("999"), None);
        assert_eq!(by_numeric("x"), None);
    }
}
