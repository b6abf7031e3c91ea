//! Field rules shared by several Admin API resources (accounts,
//! administrators, users, profiles, terms): usernames, emails, names,
//! passwords, date-times and statuses.

use super::status::ResourceStatus;
use crate::time::from_datetime_local;
use crate::validation::{text_length, FieldErrors, REQUIRED};

pub const USERNAME_MIN: usize = 2;
pub const USERNAME_MAX: usize = 40;
pub const FIRST_NAME_MIN: usize = 1;
pub const FIRST_NAME_MAX: usize = 40;
pub const LAST_NAME_MIN: usize = 2;
pub const LAST_NAME_MAX: usize = 40;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 40;
/// How many of the four character classes a password needs.
pub const PASSWORD_CLASSES_NEEDED: usize = 3;

/// Required; 2–40 characters; not a number; letters, digits and underscore only.
pub fn check_username(errors: &mut FieldErrors, field: &str, username: &str) {
    text_length(errors, field, username, USERNAME_MIN, USERNAME_MAX);
    if username.is_empty() {
        return;
    }
    if !username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        errors.add(field, "Use only letters, digits and the underscore.");
    } else if username.parse::<f64>().is_ok() {
        errors.add(field, "A username cannot be a number.");
    }
}

/// Required; a valid address: one `@`, a local part, and a dotted domain.
pub fn check_email(errors: &mut FieldErrors, field: &str, email: &str) {
    if email.trim().is_empty() {
        errors.add(field, REQUIRED);
    } else if !is_valid_email(email) {
        errors.add(field, "Enter a valid email address, like name@example.com.");
    }
}

/// Whether `email` has the shape `local@label.label…` with no spaces.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let allowed_local = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local.len() <= 64
        && local.chars().all(allowed_local)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Required; 1–40 characters.
pub fn check_first_name(errors: &mut FieldErrors, field: &str, name: &str) {
    text_length(errors, field, name.trim(), FIRST_NAME_MIN, FIRST_NAME_MAX);
}

/// Required; 2–40 characters.
pub fn check_last_name(errors: &mut FieldErrors, field: &str, name: &str) {
    text_length(errors, field, name.trim(), LAST_NAME_MIN, LAST_NAME_MAX);
}

/// Which character classes a password contains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PasswordClasses {
    pub lowercase: bool,
    pub uppercase: bool,
    pub digit: bool,
    pub special: bool,
}

impl PasswordClasses {
    pub fn of(password: &str) -> Self {
        let mut classes = PasswordClasses::default();
        for c in password.chars() {
            if c.is_lowercase() {
                classes.lowercase = true;
            } else if c.is_uppercase() {
                classes.uppercase = true;
            } else if c.is_ascii_digit() {
                classes.digit = true;
            } else {
                classes.special = true;
            }
        }
        classes
    }

    /// How many of the four classes are present.
    pub fn count(self) -> usize {
        [self.lowercase, self.uppercase, self.digit, self.special]
            .into_iter()
            .filter(|&present| present)
            .count()
    }

    /// Each class with its label, for a live checklist.
    pub fn checklist(self) -> [(&'static str, bool); 4] {
        [
            ("a lowercase letter", self.lowercase),
            ("an uppercase letter", self.uppercase),
            ("a digit", self.digit),
            ("a special character", self.special),
        ]
    }
}

/// Required; 8–40 characters; at least 3 of lowercase, uppercase, digit, special.
pub fn check_password(errors: &mut FieldErrors, field: &str, password: &str) {
    let length = password.chars().count();
    if password.is_empty() {
        errors.add(field, REQUIRED);
        return;
    }
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&length) {
        errors.add(
            field,
            format!("Must be {PASSWORD_MIN}–{PASSWORD_MAX} characters (now {length})."),
        );
    }
    if PasswordClasses::of(password).count() < PASSWORD_CLASSES_NEEDED {
        errors.add(
            field,
            "Use at least 3 of: lowercase letters, uppercase letters, digits, special characters.",
        );
    }
}

/// Required; a `datetime-local` value (read as UTC), returned in the API's
/// `%Y-%m-%dT%H:%M:%S%z` form.
pub fn check_datetime(errors: &mut FieldErrors, field: &str, local: &str) -> Option<String> {
    let converted = from_datetime_local(local);
    if converted.is_none() {
        let message = if local.trim().is_empty() {
            REQUIRED
        } else {
            "Enter a date and time."
        };
        errors.add(field, message);
    }
    converted
}

/// Required; one of the five status codes, as a select's value.
pub fn check_status(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<ResourceStatus> {
    let status = raw
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(|code| ResourceStatus::try_from(code).ok());
    if status.is_none() {
        errors.add(field, "Choose one of the five statuses.");
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(check: fn(&mut FieldErrors, &str, &str), value: &str) -> bool {
        let mut errors = FieldErrors::new();
        check(&mut errors, "f", value);
        errors.is_empty()
    }

    #[test]
    fn username_rules_and_boundaries() {
        for (value, expected) in [
            ("", false),
            ("a", false),
            ("ab", true),
            (&"a".repeat(40), true),
            (&"a".repeat(41), false),
            ("admin_1", true),
            ("admin-1", false),
            ("admin 1", false),
            ("adm!n", false),
            ("12345", false),
            ("1e5", false),
            ("_1", true),
            ("a1", true),
            ("ädmin", false),
        ] {
            assert_eq!(ok(check_username, value), expected, "{value:?}");
        }
    }

    #[test]
    fn email_format() {
        for valid in ["admin1@test.com", "a.b+tag@sub.example.org", "x@y.io"] {
            assert!(is_valid_email(valid), "{valid}");
        }
        for invalid in [
            "",
            "plain",
            "@test.com",
            "a@",
            "a@test",
            "a@@test.com",
            "a b@test.com",
            "a@test..com",
            "a@-test.com",
            "a@test.c",
            ".a@test.com",
            "a@test.c0m",
        ] {
            assert!(!is_valid_email(invalid), "{invalid}");
        }
        assert!(!ok(check_email, " "));
    }

    #[test]
    fn name_lengths() {
        assert!(!ok(check_first_name, ""));
        assert!(ok(check_first_name, "T"));
        assert!(ok(check_first_name, &"T".repeat(40)));
        assert!(!ok(check_first_name, &"T".repeat(41)));
        assert!(!ok(check_last_name, "L"));
        assert!(ok(check_last_name, "Lu"));
        assert!(ok(check_last_name, &"L".repeat(40)));
        assert!(!ok(check_last_name, &"L".repeat(41)));
    }

    #[test]
    fn password_length_and_classes() {
        for (value, expected) in [
            ("", false),
            ("aB3$", false),
            ("abcdefgh", false),
            ("abcdefG1", true),
            ("abcdefG!", true),
            ("ABCDEF1!", true),
            ("abcd1234", false),
            ("Abc1234", false),
            (&format!("Ab1{}", "x".repeat(37)), true),
            (&format!("Ab1{}", "x".repeat(38)), false),
            ("admin1Pass2", true),
            ("admin1pass", false),
        ] {
            assert_eq!(ok(check_password, value), expected, "{value:?}");
        }
    }

    #[test]
    fn classes_are_reported_for_the_checklist() {
        let classes = PasswordClasses::of("ab C9");
        assert_eq!(
            classes,
            PasswordClasses {
                lowercase: true,
                uppercase: true,
                digit: true,
                special: true
            }
        );
        assert_eq!(PasswordClasses::of("abc").count(), 1);
        assert_eq!(
            PasswordClasses::of("")
                .checklist()
                .iter()
                .filter(|(_, met)| *met)
                .count(),
            0
        );
    }

    #[test]
    fn datetimes_are_required_and_converted_to_the_api_format() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            check_datetime(&mut errors, "d", "2019-05-21T08:30").as_deref(),
            Some("2019-05-21T08:30:00+0000")
        );
        assert!(errors.is_empty());
        assert_eq!(check_datetime(&mut errors, "d", ""), None);
        assert_eq!(check_datetime(&mut errors, "e", "2019-02-30T08:30"), None);
        assert_eq!(errors.get("d"), [REQUIRED]);
        assert_eq!(errors.get("e"), ["Enter a date and time."]);
    }

    #[test]
    fn statuses_are_the_five_documented_codes() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            check_status(&mut errors, "s", "1"),
            Some(ResourceStatus::Enabled)
        );
        assert_eq!(
            check_status(&mut errors, "s", "5"),
            Some(ResourceStatus::Pending)
        );
        assert!(errors.is_empty());
        for rejected in ["0", "6", "", "x"] {
            let mut errors = FieldErrors::new();
            assert_eq!(
                check_status(&mut errors, "s", rejected),
                None,
                "{rejected:?}"
            );
            assert_eq!(errors.get("s").len(), 1);
        }
    }
}
