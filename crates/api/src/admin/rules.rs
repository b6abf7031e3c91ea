//! Field rules shared by several Admin API resources (accounts,
//! administrators, users, profiles, terms): usernames, emails, names,
//! and passwords.

use crate::resource::{Field, Slot};
use crate::validation::{is_valid_email, text_length, FieldErrors, REQUIRED};

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

/// What a username another record holds is told.
pub const USERNAME_TAKEN: &str = "This username is already taken.";
/// What an email address another record holds is told.
pub const EMAIL_TAKEN: &str = "This email address is already in use.";

/// The `username` field of administrators and users: documented
/// "Required; Unique; …"; the console checks the records it has seen.
pub const USERNAME: Field = Field::text("username", "Username")
    .check(check_username)
    .hint("2–40 letters, digits or underscores; not a number.")
    .unique(USERNAME_TAKEN);

/// The `email` field of administrators and users ("Required; Unique").
pub const EMAIL: Field = Field::text("email", "Email")
    .check(check_email)
    .unique(EMAIL_TAKEN);

/// The `password` field of administrators and users: required to create,
/// kept as it is when left empty on an update.
pub const PASSWORD: Field = Field::secret("password", "Password")
    .check(check_password)
    .optional_on_update()
    .hint("8–40 characters with at least 3 of the 4 kinds below.")
    .when_editing("New password", "Leave empty to keep the current password.")
    .slot(Slot::PasswordChecklist);

/// A first-name field (1–40 characters) named `name`.
pub const fn first_name(name: &'static str) -> Field {
    Field::text(name, "First name")
        .length(FIRST_NAME_MIN, FIRST_NAME_MAX)
        .hint("1–40 characters.")
        .beside_next()
}

/// A last-name field (2–40 characters) named `name`.
pub const fn last_name(name: &'static str) -> Field {
    Field::text(name, "Last name")
        .length(LAST_NAME_MIN, LAST_NAME_MAX)
        .hint("2–40 characters.")
}

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
    } else if is_number(username) {
        errors.add(field, "A username cannot be a number.");
    }
}

/// Whether a username of letters, digits and underscores reads as a
/// number: digits only, or digits with an exponent (`12e3`), as a
/// server's numeric test would take it. Names such as `Nan` or `inf`,
/// which Rust's float parser accepts, are names (docs/reading-the-api-docs.md, "The Admin API").
fn is_number(username: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match username.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => digits(mantissa) && digits(exponent),
        None => digits(username),
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
            ("1E05", false),
            // Rust's float parser takes these; they are names.
            ("Nan", true),
            ("NaN", true),
            ("inf", true),
            ("Infinity", true),
            ("e5", true),
            ("1e", true),
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
}
