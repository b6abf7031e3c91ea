//! The rules the Websupport documentation states for its fields, shared by
//! users, billing profiles and domain profiles.

use crate::validation::{is_valid_email, FieldErrors};

/// The markets a user may sign up in; `sk` is the default.
pub const MARKETS: &[(&str, &str)] = &[
    ("sk", "Slovakia (sk)"),
    ("cz", "Czech Republic (cz)"),
    ("hu", "Hungary (hu)"),
    ("at", "Austria (at)"),
];

/// The languages notifications are sent in.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("sk", "Slovak"),
    ("cs", "Czech"),
    ("hu", "Hungarian"),
    ("de", "German"),
    ("en", "English"),
    ("sv", "Swedish"),
];

/// The only market where an ISIC card number may be given.
pub const ISIC_MARKET: &str = "sk";

/// `email` holds one or more addresses separated by commas; each must be valid.
pub fn email_list(errors: &mut FieldErrors, field: &str, value: &str) {
    let invalid: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|address| !is_valid_email(address))
        .collect();
    match invalid.as_slice() {
        [] => {}
        [""] => errors.add(field, "Remove the empty address between commas."),
        [one] => errors.add(field, format!("“{one}” is not a valid email address.")),
        _ => errors.add(
            field,
            "Each address, separated by commas, must be a valid email address.",
        ),
    }
}

/// A billing zip code is a number (digits only).
pub fn zip_number(errors: &mut FieldErrors, field: &str, value: &str) {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        errors.add(field, "Zip code must be a number, such as 98464.");
    }
}

/// A domain profile's phone, as the documentation writes it
/// (`+421900123456`). The `+421.900123456` form the API itself answers
/// with is also taken, so an untouched phone can be saved again.
pub fn domain_phone(errors: &mut FieldErrors, field: &str, value: &str) {
    let digits_after_plus = value.strip_prefix('+').map(|rest| {
        let mut parts = rest.splitn(2, '.');
        let first = parts.next().unwrap_or_default();
        match parts.next() {
            Some(second) if !first.is_empty() && first.len() <= 3 => format!("{first}{second}"),
            Some(_) => String::from("."),
            None => first.to_string(),
        }
    });
    let valid = digits_after_plus.is_some_and(|digits| {
        (7..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    });
    if !valid {
        errors.add(
            field,
            "Enter the phone with its country code, such as +421900123456.",
        );
    }
}

/// A birth date as `yyyy-M-d` (`1992-5-30` or `1992-05-30`), a real date.
pub fn birthday(errors: &mut FieldErrors, field: &str, value: &str) {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |text: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()
    };
    let valid = match parts.as_slice() {
        [year, month, day] => match (
            number(year, 4..=4),
            number(month, 1..=2),
            number(day, 1..=2),
        ) {
            (Some(year), Some(month), Some(day)) => {
                (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
            }
            _ => false,
        },
        _ => false,
    };
    if !valid {
        errors.add(
            field,
            "Enter the date as year-month-day, such as 1992-5-30.",
        );
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An ISIC number only on the `sk` market (across fields, after the field rules).
pub fn isic_only_in_slovakia(payload: &serde_json::Value, errors: &mut FieldErrors) {
    let market = payload
        .get("market")
        .and_then(serde_json::Value::as_str)
        .unwrap_or(ISIC_MARKET);
    let isic = payload
        .get("isic")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if !isic.is_empty() && market != ISIC_MARKET {
        errors.add(
            "isic",
            "An ISIC card number is taken only on the Slovak (sk) market.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(check: fn(&mut FieldErrors, &str, &str), value: &str) -> Vec<String> {
        let mut errors = FieldErrors::new();
        check(&mut errors, "f", value);
        errors.get("f").to_vec()
    }

    #[test]
    fn every_comma_separated_address_must_be_valid() {
        assert!(messages(email_list, "test@test.com").is_empty());
        assert!(messages(email_list, "a@b.sk, c@d.cz").is_empty());
        assert_eq!(
            messages(email_list, "a@b.sk, nope"),
            ["“nope” is not a valid email address."]
        );
        assert_eq!(
            messages(email_list, "a@b.sk,,c@d.cz"),
            ["Remove the empty address between commas."]
        );
        assert_eq!(messages(email_list, "x, y").len(), 1);
    }

    #[test]
    fn zip_is_digits_only() {
        assert!(messages(zip_number, "98464").is_empty());
        assert!(messages(zip_number, "0").is_empty());
        assert_eq!(messages(zip_number, "fsafdsa").len(), 1);
        assert_eq!(messages(zip_number, "040 17").len(), 1);
    }

    #[test]
    fn domain_phone_takes_the_documented_and_the_answered_form() {
        assert!(messages(domain_phone, "+421900123456").is_empty());
        assert!(messages(domain_phone, "+421.900123456").is_empty());
        assert!(messages(domain_phone, "+1234567").is_empty(), "7 digits");
        assert_eq!(messages(domain_phone, "+123456").len(), 1, "6 digits");
        assert_eq!(messages(domain_phone, "0900123456").len(), 1);
        assert_eq!(messages(domain_phone, "+421 900 123").len(), 1);
        assert_eq!(messages(domain_phone, "+4219.00123456").len(), 1);
        assert_eq!(
            messages(domain_phone, "+1234567890123456").len(),
            1,
            "16 digits"
        );
    }

    #[test]
    fn birthday_is_year_month_day_and_real() {
        for good in ["1992-5-30", "1992-05-30", "2000-2-29", "2024-12-1"] {
            assert!(messages(birthday, good).is_empty(), "{good}");
        }
        for bad in [
            "1992-13-1",
            "1900-2-29",
            "1992-4-31",
            "92-5-30",
            "30.5.1992",
            "1992-5",
            "1992-005-1",
        ] {
            assert_eq!(messages(birthday, bad).len(), 1, "{bad}");
        }
    }

    #[test]
    fn isic_only_on_the_slovak_market() {
        let mut errors = FieldErrors::new();
        isic_only_in_slovakia(&json!({"market": "sk", "isic": "S421"}), &mut errors);
        isic_only_in_slovakia(&json!({"market": "cz", "isic": ""}), &mut errors);
        isic_only_in_slovakia(&json!({"isic": "S421"}), &mut errors);
        assert!(errors.is_empty(), "sk is the default market");
        isic_only_in_slovakia(&json!({"market": "cz", "isic": "S421"}), &mut errors);
        assert_eq!(errors.get("isic").len(), 1);
    }
}
