//! Reading the API's instants and days from JSON without chrono's parser.
//!
//! chrono's own `Deserialize` goes through its format-string parser, the
//! largest piece of chrono in the app's bundle; these read exactly the two
//! forms the API writes (RFC 3339 instants, ISO 8601 days) with a few lines
//! of code. Writing stays chrono's.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer};

/// An RFC 3339 instant (`2026-12-06T14:50:54Z`, `2026-12-06T15:50:54.250+01:00`;
/// `t`, `z` or a space accepted as chrono accepts them, a leap second too),
/// in UTC; `None` for anything else.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let day = parse_day(&text[..10])?;
    let (time, offset_minutes) = time_and_offset(&text[11..])?;
    let local = NaiveDateTime::new(day, time);
    let utc = local.checked_sub_signed(Duration::minutes(offset_minutes))?;
    Some(utc.and_utc())
}

/// An ISO 8601 day as the API writes it, `2026-12-06` (two-digit month and
/// day); `None` for anything else.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    crate::locale::parse_iso_day(text)
}

/// `hh:mm:ss[.fraction]` then `Z` or `±hh:mm`: the time of day and the
/// offset in minutes east of UTC.
fn time_and_offset(text: &str) -> Option<(NaiveTime, i64)> {
    let bytes = text.as_bytes();
    if bytes.len() < 9 || bytes[2] != b':' || bytes[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        number(&text[..2])?,
        number(&text[3..5])?,
        number(&text[6..8])?,
    );
    let mut rest = &text[8..];
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        // Nanoseconds: the first nine digits, the others dropped as chrono does.
        let kept = &fraction[..digits.min(9)];
        nanos = number(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let offset = rest.get(1..)?;
            if offset.len() != 5 || offset.as_bytes()[2] != b':' {
                return None;
            }
            let (hours, minutes) = (number(&offset[..2])?, number(&offset[3..])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (i64::from(hours) * 60 + i64::from(minutes))
        }
    };
    // A leap second (:60) is chrono's second 59 with a nanosecond count past
    // one second.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    Some((time, offset))
}

/// ASCII digits only, as a number.
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

type Text<'de> = std::borrow::Cow<'de, str>;

const INSTANT: &str = "an RFC 3339 date and time";
const DAY: &str = "a day written YYYY-MM-DD";

/// `text` read by `parse`, or serde's error saying what was `expected`.
fn read<T, E: serde::de::Error>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    expected: &str,
) -> Result<T, E> {
    parse(text).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &expected))
}

/// `#[serde(deserialize_with = "crate::wire_time::instant")]`
pub fn instant<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    read(&Text::deserialize(deserializer)?, parse_instant, INSTANT)
}

/// `#[serde(default, deserialize_with = "crate::wire_time::optional_instant")]`
pub fn optional_instant<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<Text>::deserialize(deserializer)?
        .map(|text| read(&text, parse_instant, INSTANT))
        .transpose()
}

/// `#[serde(deserialize_with = "crate::wire_time::day")]`
pub fn day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    read(&Text::deserialize(deserializer)?, parse_day, DAY)
}

/// `#[serde(default, deserialize_with = "crate::wire_time::optional_day")]`
pub fn optional_day<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Text>::deserialize(deserializer)?
        .map(|text| read(&text, parse_day, DAY))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    /// What chrono's own `Deserialize` makes of `text`.
    fn chrono_instant(text: &str) -> Option<DateTime<Utc>> {
        serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(text.into())).ok()
    }

    #[test]
    fn reads_instants_as_chrono_does() {
        for text in [
            "2026-12-06T14:50:54Z",
            "2026-12-06t14:50:54z",
            "2026-12-06 14:50:54Z",
            "2026-12-06T15:50:54+01:00",
            "2026-12-06T09:20:54-05:30",
            "2026-12-06T14:50:54.1Z",
            "2026-12-06T14:50:54.250+01:00",
            "2026-12-06T14:50:54.123456789Z",
            "2026-12-06T14:50:54.1234567891234Z",
            "2016-12-31T23:59:60Z",
            "2024-02-29T00:00:00+14:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            let ours = parse_instant(text);
            assert!(ours.is_some(), "{text} was not read");
            assert_eq!(ours, chrono_instant(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_rfc_3339_instant() {
        for text in [
            "",
            "2026-12-06",
            "2026-12-06T14:50:54",
            "2026-12-06T14:50Z",
            "2026-13-06T14:50:54Z",
            "2026-02-30T14:50:54Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T14:50:54.Z",
            "2026-12-06T14:50:54+0100",
            "2026-12-06T14:50:54+24:00",
            "2026-12-06T14:50:54 Z",
            "2026-12-06T14:50:54Zjunk",
            "+2026-12-06T14:50:54Z",
            "2026-12-06X14:50:54Z",
            "2026-1a-06T14:50:54Z",
        ] {
            assert_eq!(parse_instant(text), None, "{text:?} was read");
        }
    }

    #[test]
    fn an_instant_written_by_chrono_reads_back_the_same() {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00.5+00:00").unwrap();
        for step in 0..500 {
            let instant = start.with_timezone(&Utc)
                + Duration::seconds(step * 7_919_273)
                + Duration::nanoseconds(step * 1_234_567);
            let written = serde_json::to_value(instant).unwrap();
            let text = written.as_str().unwrap();
            assert_eq!(parse_instant(text), Some(instant), "{text}");
            let paris = instant.with_timezone(&FixedOffset::east_opt(3600).unwrap());
            assert_eq!(parse_instant(&paris.to_rfc3339()), Some(instant));
        }
    }

    #[test]
    fn reads_days_and_refuses_the_rest() {
        assert_eq!(
            parse_day("2026-12-06"),
            NaiveDate::from_ymd_opt(2026, 12, 6)
        );
        assert_eq!(
            parse_day("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for text in [
            "2026-02-29",
            "2026-12-6",
            "2026/12/06",
            "26-12-06",
            "2026-12-06T00:00:00Z",
            "",
        ] {
            assert_eq!(parse_day(text), None, "{text:?} was read");
        }
        let read = |json: &str| serde_json::from_str::<Day>(json).map(|d| d.0);
        assert_eq!(
            read("\"2026-12-06\"").unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
        );
        let error = read("\"06/12/2026\"").unwrap_err().to_string();
        assert!(error.contains("YYYY-MM-DD"), "{error}");
    }

    #[test]
    fn optional_fields_take_null_and_absence() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Event {
            #[serde(default, deserialize_with = "optional_instant")]
            at: Option<DateTime<Utc>>,
            #[serde(default, deserialize_with = "optional_day")]
            on: Option<NaiveDate>,
        }
        let read = |json: &str| serde_json::from_str::<Event>(json).unwrap();
        assert_eq!(read("{}"), Event { at: None, on: None });
        assert_eq!(
            read(r#"{"at":null,"on":null}"#),
            Event { at: None, on: None }
        );
        let both = read(r#"{"at":"2026-12-06T14:50:54Z","on":"2026-12-06"}"#);
        assert_eq!(both.at, parse_instant("2026-12-06T14:50:54Z"));
        assert_eq!(both.on, NaiveDate::from_ymd_opt(2026, 12, 6));
        assert!(serde_json::from_str::<Event>(r#"{"at":"yesterday"}"#).is_err());
    }

    #[derive(Deserialize)]
    struct Day(#[serde(deserialize_with = "day")] NaiveDate);
}
