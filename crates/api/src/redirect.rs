//! Where to go after signing in: the `next` parameter, kept same-origin.
//!
//! `next` comes from the address bar, so anyone can craft it. Browsers read
//! `/\evil.example`, `/<tab>/evil.example` and `//evil.example` as other
//! hosts, so a path is accepted only when it is plainly one path on this
//! site. The UI then parses it once more with the browser's URL API against
//! the page origin and compares origins (see `src/redirect.rs`).
//!
//! ## Usage
//! ```
//! use userdesk_api::redirect::after_sign_in;
//! const START: &str = "/admin/roles";
//! assert_eq!(after_sign_in(Some("/admin/users?page=2"), START), "/admin/users?page=2");
//! assert_eq!(after_sign_in(Some("/\\evil.example/x"), START), START);
//! assert_eq!(after_sign_in(Some("/profiles/login"), "/profiles/profiles"), "/profiles/profiles");
//! ```

use crate::http::percent_decode;

/// `raw` when it is a plain same-site path (`/…`), else `None`.
///
/// Refused: anything not starting with exactly one `/`; backslashes; ASCII
/// control characters and spaces (tab, newline); and the same tricks
/// percent-encoded, decoded up to three times.
pub fn safe_path(raw: &str) -> Option<&str> {
    let mut text = raw.to_string();
    for _ in 0..3 {
        if !plain_path(&text) {
            return None;
        }
        let decoded = percent_decode(&text);
        if decoded == text {
            break;
        }
        text = decoded;
    }
    plain_path(&text).then_some(raw)
}

fn plain_path(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/') | Some('\\'))
        && !text.chars().any(|c| c == '\\' || c.is_control())
}

/// Where to go after signing in: `next` when it is a safe path to another
/// page than a sign-in page (`/{area}/login`), else `start`.
pub fn after_sign_in<'a>(next: Option<&'a str>, start: &'a str) -> &'a str {
    match next.and_then(safe_path) {
        Some(path) if !is_sign_in_page(path) => path,
        _ => start,
    }
}

fn is_sign_in_page(path: &str) -> bool {
    let bare = path.split(['?', '#']).next().unwrap_or(path);
    bare.trim_end_matches('/').ends_with("/login")
}

#[cfg(test)]
mod tests {
    /// A start page, as the console's Admin area has.
    const START_PAGE: &str = "/admin/roles";

    use super::*;

    #[test]
    fn plain_paths_on_this_site_are_followed() {
        for path in [
            "/admin/users",
            "/admin/users?status=2&page=3",
            "/admin/roles/5#top",
            "/admin/users?q=a%20b",
        ] {
            assert_eq!(after_sign_in(Some(path), START_PAGE), path);
        }
    }

    #[test]
    fn open_redirect_payloads_go_to_the_start_page() {
        for payload in [
            "/\\evil.example/x",
            "\\\\evil.example",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "//evil.example/x",
            "///evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "/%5Cevil.example",
            "/%2Fevil.example",
            "%2F%2Fevil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%252F%252Fevil.example",
            "/%255Cevil.example",
            "evil.example",
            "",
            " /admin/users",
        ] {
            assert_eq!(
                after_sign_in(Some(payload), START_PAGE),
                START_PAGE,
                "{payload:?}"
            );
        }
    }

    #[test]
    fn the_sign_in_page_itself_is_never_next() {
        for path in [
            "/admin/login",
            "/admin/login/",
            "/admin/login?next=/admin/login",
        ] {
            assert_eq!(after_sign_in(Some(path), START_PAGE), START_PAGE, "{path}");
        }
        assert_eq!(after_sign_in(None, START_PAGE), START_PAGE);
    }
}
