//! Timestamps: the Admin API's `%Y-%m-%dT%H:%M:%S%z` in UTC, the other
//! APIs' ISO 8601 forms for reading, and "how long ago" for display.

/// Formats Unix seconds as `2018-11-01T00:00:00+0000`.
pub fn format_timestamp(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds_of_day = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+0000",
        seconds_of_day / 3600,
        seconds_of_day % 3600 / 60,
        seconds_of_day % 60
    )
}

/// Formats Unix seconds in ISO 8601's basic form in UTC, as Websupport's
/// introduction asks for the request time: `20190123T104657Z`.
///
/// ## Usage
/// ```
/// use userdesk_api::time::format_basic;
/// assert_eq!(format_basic(1_548_240_417), "20190123T104657Z");
/// ```
pub fn format_basic(unix_seconds: i64) -> String {
    let extended = format_timestamp(unix_seconds);
    let digits: String = extended[..19]
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}

/// Parses `%Y-%m-%dT%H:%M:%S%z` (offset `+HHMM`/`-HHMM`) into Unix seconds.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 24 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[10] != b'T' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let sign = match bytes[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (number(20..22)? * 3600 + number(22..24)? * 60);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Converts a `datetime-local` input value (`2019-11-02T12:00` or with
/// seconds), read as UTC, to the API format; `None` when it is not one.
pub fn from_datetime_local(value: &str) -> Option<String> {
    let value = value.trim();
    let with_seconds = match value.len() {
        16 => format!("{value}:00"),
        19 => value.to_string(),
        _ => return None,
    };
    let stamp = format!("{with_seconds}+0000");
    parse_timestamp(&stamp).map(format_timestamp)
}

/// The `datetime-local` value (UTC) for an API timestamp, in the browser's
/// own normal form: seconds only when they are not zero.
pub fn to_datetime_local(timestamp: &str) -> Option<String> {
    let utc = format_timestamp(parse_timestamp(timestamp)?);
    let cut = if utc.get(16..19) == Some(":00") {
        16
    } else {
        19
    };
    Some(utc[..cut].to_string())
}

/// Parses the timestamps the APIs send into Unix seconds: the Admin form
/// (`+0000`), ISO 8601 with a colon in the offset (`+00:00`, the Profiles
/// API) or `Z`, with or without fractional seconds; bare digits are Unix
/// seconds already (Websupport); ISO 8601's basic form in UTC
/// (`20190123T104657Z`, Websupport's request time) too.
///
/// ## Usage
/// ```
/// use userdesk_api::time::parse_instant;
/// assert_eq!(parse_instant("2021-01-01T00:00:00+00:00"), Some(1_609_459_200));
/// assert_eq!(parse_instant("2021-01-01T01:00:00.250+0100"), Some(1_609_459_200));
/// // Unix seconds, as Websupport's `createTime`:
/// assert_eq!(parse_instant("1279829310"), Some(1_279_829_310));
/// assert_eq!(parse_instant("20190123T104657Z"), Some(1_548_240_417));
/// ```
pub fn parse_instant(text: &str) -> Option<i64> {
    let text = text.trim();
    if !text.is_empty() && text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    if let Some(basic) = parse_basic(text) {
        return Some(basic);
    }
    let (clock, zone) = text.split_at(text.get(..19)?.len());
    let zone = match zone.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    };
    let offset = match zone {
        "Z" | "z" => "+0000".to_string(),
        _ if zone.len() == 6 && zone.as_bytes()[3] == b':' => {
            format!("{}{}", &zone[..3], &zone[4..])
        }
        _ => zone.to_string(),
    };
    parse_timestamp(&format!("{clock}{offset}"))
}

/// How far `seconds` (negative: in the past) is, in the largest whole unit
/// that fits, as `Intl.RelativeTimeFormat` takes it: `(-3, "day")` for
/// three days ago; `(0, "second")` within ten seconds.
pub fn relative(seconds: i64) -> (i64, &'static str) {
    const UNITS: [(i64, &str); 6] = [
        (365 * 86_400, "year"),
        (30 * 86_400, "month"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    if seconds.abs() < 10 {
        return (0, "second");
    }
    UNITS
        .iter()
        .find(|(size, _)| seconds.abs() >= *size)
        .map_or((0, "second"), |(size, unit)| (seconds / size, *unit))
}

/// `20190123T104657Z` → Unix seconds.
fn parse_basic(text: &str) -> Option<i64> {
    let digits = text.strip_suffix(['Z', 'z'])?;
    let (date, clock) = digits.split_once(['T', 't'])?;
    if date.len() != 8 || clock.len() != 6 {
        return None;
    }
    let extended = format!(
        "{}-{}-{}T{}:{}:{}+0000",
        &date[..4],
        &date[4..6],
        &date[6..],
        &clock[..2],
        &clock[2..4],
        &clock[4..]
    );
    parse_timestamp(&extended)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil algorithm, written out for this crate.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn instants_read_every_form_the_apis_send() {
        let new_year = Some(1_609_459_200);
        for text in [
            "2021-01-01T00:00:00+0000",
            "2021-01-01T00:00:00+00:00",
            "2021-01-01T00:00:00Z",
            "2021-01-01T00:00:00.123Z",
            "2020-12-31T19:00:00-05:00",
            "20210101T000000Z",
        ] {
            assert_eq!(parse_instant(text), new_year, "{text}");
        }
        for text in [
            "2021-01-01",
            "soon",
            "2021-01-01T00:00:00+0",
            "2021-02-30T00:00:00Z",
            "20210230T000000Z",
            "2021011T000000Z",
            "20210101T000000",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }

    #[test]
    fn relative_times_use_the_largest_whole_unit() {
        assert_eq!(relative(-3 * 86_400 - 5), (-3, "day"));
        assert_eq!(relative(7_200), (2, "hour"));
        assert_eq!(relative(-59), (-59, "second"));
        assert_eq!(relative(-61), (-1, "minute"));
        assert_eq!(relative(-400 * 86_400), (-1, "year"));
        assert_eq!(relative(-40 * 86_400), (-1, "month"));
        assert_eq!(relative(4), (0, "second"));
    }

    use super::*;

    #[test]
    fn formats_the_documented_example() {
        assert_eq!(format_timestamp(1_541_030_400), "2018-11-01T00:00:00+0000");
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00+0000");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29T00:00:00+0000");
    }

    #[test]
    fn parses_offsets() {
        assert_eq!(
            parse_timestamp("2018-11-01T00:00:00+0000"),
            Some(1_541_030_400)
        );
        assert_eq!(
            parse_timestamp("2018-11-01T02:00:00+0200"),
            Some(1_541_030_400)
        );
        assert_eq!(
            parse_timestamp("2018-10-31T22:00:00-0200"),
            Some(1_541_030_400)
        );
    }

    #[test]
    fn rejects_impossible_dates_and_other_formats() {
        assert_eq!(parse_timestamp("2019-02-29T00:00:00+0000"), None);
        assert_eq!(parse_timestamp("2018-11-01T24:00:00+0000"), None);
        assert_eq!(parse_timestamp("2018-11-01T00:00:00Z"), None);
        assert_eq!(parse_timestamp("2018-11-01 00:00:00+0000"), None);
    }

    #[test]
    fn converts_datetime_local_values() {
        assert_eq!(
            from_datetime_local("2019-11-02T12:00").as_deref(),
            Some("2019-11-02T12:00:00+0000")
        );
        assert_eq!(
            from_datetime_local("2019-11-02T12:00:30").as_deref(),
            Some("2019-11-02T12:00:30+0000")
        );
        assert_eq!(from_datetime_local(""), None);
        assert_eq!(from_datetime_local("2019-02-30T12:00"), None);
        assert_eq!(from_datetime_local("yesterday"), None);
        assert_eq!(
            to_datetime_local("2019-11-02T14:00:00+0200").as_deref(),
            Some("2019-11-02T12:00")
        );
        assert_eq!(
            to_datetime_local("2019-11-02T14:00:09+0200").as_deref(),
            Some("2019-11-02T12:00:09")
        );
        assert_eq!(to_datetime_local("garbage"), None);
    }

    #[test]
    fn basic_form_is_websupports_request_time() {
        // The introduction's own example: 2019-01-23 10:46:57 GMT.
        assert_eq!(format_basic(1_548_240_417), "20190123T104657Z");
        assert_eq!(format_basic(0), "19700101T000000Z");
        assert_eq!(format_basic(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn round_trips() {
        for seconds in [0, 1_572_474_727, 4_102_444_799, -86_400] {
            assert_eq!(parse_timestamp(&format_timestamp(seconds)), Some(seconds));
            assert_eq!(parse_instant(&format_basic(seconds)), Some(seconds));
        }
    }
}
