//! Whether and when to send a request again: the one rule for every request
//! of the app. An answer is worth waiting for again when none came or the API
//! said it is briefly unavailable or busy ([`Answer::is_transient`]). The app's
//! requests and the uploads each have their schedule of waits; both wait longer
//! when the API says when to come back (`Retry-After` on a 503 or a 429), up to
//! [`MAX_RETRY_AFTER_MS`] so that a hostile value cannot freeze the page.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The waits before the second and third attempts of a request: short enough
/// that a brief outage goes unnoticed, few enough that a real one is reported
/// within two seconds (unless the API asks for longer with `Retry-After`).
pub const REQUEST_RETRY_DELAYS_MS: [u64; 2] = [400, 1_200];

/// The waits before each new attempt of an upload: longer than a request's, as
/// a file of megabytes is what a struggling API should not get again at once.
pub const UPLOAD_RETRY_DELAYS_MS: [u64; 3] = [1_000, 2_000, 4_000];

/// Whether an HTTP status says "the same request may succeed later": 429 (Too
/// Many Requests) and the statuses of a gateway or server that is briefly
/// unavailable (502, 503, 504). A 500 is a failure of the API that a repeat
/// would meet again.
pub fn is_transient_status(status: u16) -> bool {
    matches!(status, 429 | 502..=504)
}

/// The longest wait a `Retry-After` can impose, in milliseconds.
pub const MAX_RETRY_AFTER_MS: u64 = 10_000;

/// What one attempt got back, as far as the next one is concerned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status; none when no response came at all.
    pub status: Option<u16>,
    /// The response's `Retry-After` header, as sent.
    pub retry_after: Option<String>,
}

impl Answer {
    /// No answer at all, or a transient status ([`is_transient_status`]).
    pub fn is_transient(&self) -> bool {
        self.status.is_none_or(is_transient_status)
    }
}

/// Whether a response's `Retry-After` says when to try again: on 503 (Service
/// Unavailable, RFC 9110) and 429 (Too Many Requests, RFC 6585).
pub fn honours_retry_after(status: u16) -> bool {
    matches!(status, 429 | 503)
}

/// The wait before retry number `retries_so_far + 1` after `answer`, in
/// milliseconds: the schedule's own wait, or the one `Retry-After` asks for when
/// it is longer (capped at [`MAX_RETRY_AFTER_MS`]). `None` once the schedule has
/// no more retries. `now` reads a `Retry-After` that is a date.
pub fn retry_delay_ms(
    schedule_ms: &[u64],
    retries_so_far: usize,
    answer: &Answer,
    now: DateTime<Utc>,
) -> Option<u64> {
    let scheduled = *schedule_ms.get(retries_so_far)?;
    let asked = answer
        .status
        .filter(|status| honours_retry_after(*status))
        .and(answer.retry_after.as_deref())
        .and_then(|value| retry_after_ms(value, now))
        .unwrap_or(0);
    Some(scheduled.max(asked.min(MAX_RETRY_AFTER_MS)))
}

/// The wait a `Retry-After` value asks for, in milliseconds from `now`:
/// seconds (`120`), or an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, and the two
/// obsolete forms RFC 9110 asks recipients to read), no wait for a date past.
/// `None` for anything else. Not capped: see [`retry_delay_ms`].
pub fn retry_after_ms(value: &str, now: DateTime<Utc>) -> Option<u64> {
    let value = value.trim();
    if let Some(seconds) = digits(value) {
        // Too many digits for a u64 is still "later than any cap".
        let seconds: u64 = seconds.parse().unwrap_or(u64::MAX);
        return Some(seconds.saturating_mul(1000));
    }
    let date = http_date(value, now)?;
    let wait = date.signed_duration_since(now).num_milliseconds();
    Some(u64::try_from(wait).unwrap_or(0))
}

/// `text` when it is one or more ASCII digits and nothing else.
fn digits(text: &str) -> Option<&str> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// A number written with as many digits as `lengths` allows.
fn number(text: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let text = digits(text)?;
    if !lengths.contains(&text.len()) {
        return None;
    }
    text.parse().ok()
}

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let index = MONTHS.iter().position(|m| *m == name)?;
    u32::try_from(index + 1).ok()
}

/// `hh:mm:ss`.
fn time_of_day(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split(':');
    let mut next = || number(parts.next()?, 2..=2);
    let hms = (next()?, next()?, next()?);
    parts.next().is_none().then_some(hms)
}

/// An HTTP date, in any of its three forms (RFC 9110, 5.6.7); without chrono's
/// format strings, whose parser weighs on the app's bundle.
fn http_date(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let words: Vec<&str> = value.split_ascii_whitespace().collect();
    let (year, month, day, time) = match words.as_slice() {
        // IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`
        [weekday, day, name, year, time, "GMT"] if weekday.ends_with(',') => (
            i32::try_from(number(year, 4..=4)?).ok()?,
            month(name)?,
            number(day, 2..=2)?,
            time,
        ),
        // RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`
        [weekday, date, time, "GMT"] if weekday.ends_with(',') => {
            let mut parts = date.split('-');
            let day = number(parts.next()?, 2..=2)?;
            let name = month(parts.next()?)?;
            let two_digits = i32::try_from(number(parts.next()?, 2..=2)?).ok()?;
            if parts.next().is_some() {
                return None;
            }
            // A year that would be more than 50 years ahead is the one a
            // century before.
            let this_year = now.year();
            let mut year = this_year - this_year.rem_euclid(100) + two_digits;
            if year > this_year + 50 {
                year -= 100;
            }
            (year, name, day, time)
        }
        // asctime: `Sun Nov  6 08:49:37 1994`
        [_weekday, name, day, time, year] => (
            i32::try_from(number(year, 4..=4)?).ok()?,
            month(name)?,
            number(day, 1..=2)?,
            time,
        ),
        _ => return None,
    };
    let (h, m, s) = time_of_day(time)?;
    NaiveDate::from_ymd_opt(year, month, day)?
        .and_hms_opt(h, m, s)
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {

    #[test]
    fn no_answer_and_a_busy_or_unavailable_api_are_transient() {
        let answer = |status| Answer {
            status,
            retry_after: None,
        };
        assert!(answer(None).is_transient());
        for status in [429, 502, 503, 504] {
            assert!(answer(Some(status)).is_transient(), "{status}");
        }
        for status in [200, 400, 401, 404, 409, 413, 500, 501] {
            assert!(!answer(Some(status)).is_transient(), "{status}");
        }
    }

    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn answer(status: Option<u16>, retry_after: Option<&str>) -> Answer {
        Answer {
            status,
            retry_after: retry_after.map(str::to_string),
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        for (value, expected) in [
            ("1", Some(1_000)),
            ("0", Some(0)),
            (" 3 ", Some(3_000)),
            ("120", Some(120_000)),
            ("007", Some(7_000)),
            ("18446744073709551615", Some(u64::MAX)),
            ("99999999999999999999999999", Some(u64::MAX)),
            // IMF-fixdate, the form servers send.
            ("Tue, 10 Mar 2026 12:00:05 GMT", Some(5_000)),
            ("Tue, 10 Mar 2026 13:00:00 GMT", Some(3_600_000)),
            ("Tue, 10 Mar 2026 11:59:00 GMT", Some(0)),
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(0)),
            // The weekday is not checked: the date says it all.
            ("Mon, 10 Mar 2026 12:00:02 GMT", Some(2_000)),
            // The obsolete forms.
            ("Tuesday, 10-Mar-26 12:00:04 GMT", Some(4_000)),
            ("Sunday, 06-Nov-94 08:49:37 GMT", Some(0)),
            ("Tue Mar 10 12:00:06 2026", Some(6_000)),
            ("Tue Mar  9 12:00:06 2026", Some(0)),
            ("Fri, 31 Dec 9999 23:59:59 GMT", Some(251_629_156_799_000)),
        ] {
            assert_eq!(retry_after_ms(value, now()), expected, "{value:?}");
        }
    }

    #[test]
    fn garbage_asks_for_nothing() {
        for value in [
            "",
            " ",
            "-1",
            "+1",
            "1.5",
            "1e3",
            "1 2",
            "soon",
            "0x10",
            "١",
            "Tue, 10 Mar 2026 12:00:05",
            "Tue, 10 Mar 2026 12:00:05 UTC",
            "Tue, 10 mar 2026 12:00:05 GMT",
            "Tue, 31 Feb 2026 12:00:05 GMT",
            "Tue, 10 Mar 2026 25:00:05 GMT",
            "Tue, 10 Mar 2026 12:00:60 GMT",
            "Tue, 10 Mar 2026 12:00 GMT",
            "Tue, 10 Mar 2026 12:00:05:01 GMT",
            "Tue, 1 Mar 2026 12:00:05 GMT",
            "Tue, 10 Mar 26 12:00:05 GMT",
            "Tue, 10 Mar +026 12:00:05 GMT",
            "Tuesday, 10-Mar-2026 12:00:04 GMT",
            "Tuesday, 10-Mar-26-1 12:00:04 GMT",
            "2026-03-10T12:00:05Z",
        ] {
            assert_eq!(retry_after_ms(value, now()), None, "{value:?}");
        }
    }

    #[test]
    fn the_longer_of_the_schedule_and_retry_after_capped() {
        let schedule = [400, 1_200];
        let wait = |retries, status, value| {
            retry_delay_ms(&schedule, retries, &answer(status, value), now())
        };
        // No answer, or a status without Retry-After: the schedule.
        assert_eq!(wait(0, None, None), Some(400));
        assert_eq!(wait(1, Some(503), None), Some(1_200));
        assert_eq!(wait(2, Some(503), Some("1")), None);
        // 503 and 429 with Retry-After: at least that long.
        assert_eq!(wait(0, Some(503), Some("1")), Some(1_000));
        assert_eq!(wait(0, Some(429), Some("2")), Some(2_000));
        assert_eq!(wait(1, Some(503), Some("1")), Some(1_200));
        assert_eq!(wait(0, Some(503), Some("0")), Some(400));
        // Capped: a huge value or a far date cannot freeze the page.
        assert_eq!(wait(0, Some(503), Some("86400")), Some(MAX_RETRY_AFTER_MS));
        assert_eq!(
            wait(0, Some(503), Some("99999999999999999999999")),
            Some(MAX_RETRY_AFTER_MS)
        );
        assert_eq!(
            wait(0, Some(503), Some("Fri, 31 Dec 9999 23:59:59 GMT")),
            Some(MAX_RETRY_AFTER_MS)
        );
        assert_eq!(
            wait(0, Some(503), Some("Tue, 10 Mar 2026 12:00:03 GMT")),
            Some(3_000)
        );
        // A date past or garbage: the schedule.
        assert_eq!(
            wait(0, Some(503), Some("Sun, 06 Nov 1994 08:49:37 GMT")),
            Some(400)
        );
        assert_eq!(wait(0, Some(503), Some("later")), Some(400));
        // Other statuses do not say when to come back.
        for status in [500, 502, 504, 200, 404] {
            assert_eq!(wait(0, Some(status), Some("5")), Some(400), "{status}");
        }
        // A schedule longer than the cap stays as it is.
        assert_eq!(
            retry_delay_ms(&[20_000], 0, &answer(Some(503), Some("1")), now()),
            Some(20_000)
        );
        assert_eq!(retry_delay_ms(&[], 0, &Answer::default(), now()), None);
        assert_eq!(wait(usize::MAX, Some(503), Some("1")), None);
    }
}
