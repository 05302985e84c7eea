//! Locale-aware formatting of amounts and dates, done here rather than in views
//! so that the rules are tested natively and identical everywhere.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    /// From a BCP 47 tag such as `fr-FR` or `en-GB`; French unless it is English.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::Fr
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr-FR",
            Locale::En => "en-GB",
        }
    }
}

/// Euros as written in the locale: `1 234,56 €` (narrow no-break space between
/// thousands, no-break space before the sign, as `Intl` does) or `€1,234.56`.
pub fn format_euros(cents: i64, locale: Locale) -> String {
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let (units, rest) = (cents / 100, cents % 100);
    let decimal = match locale {
        Locale::Fr => ',',
        Locale::En => '.',
    };
    let grouped = format_count(units, locale);
    let sign = if negative { "-" } else { "" };
    match locale {
        Locale::Fr => format!("{sign}{grouped}{decimal}{rest:02}\u{a0}€"),
        Locale::En => format!("{sign}€{grouped}{decimal}{rest:02}"),
    }
}

/// A count as people read it: `1\u{202f}000` / `1,000`.
pub fn format_count(n: u64, locale: Locale) -> String {
    let group = match locale {
        Locale::Fr => '\u{202f}',
        Locale::En => ',',
    };
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    grouped
}

/// A yearly rate in basis points as people write it: `10,15` / `10.15`.
pub fn format_rate(bp: u32, locale: Locale) -> String {
    let decimal = match locale {
        Locale::Fr => ',',
        Locale::En => '.',
    };
    format!("{}{decimal}{:02}", bp / 100, bp % 100)
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The UTC offset of Europe/Paris at an instant: CEST (+2) from the last Sunday
/// of March 01:00 UTC to the last Sunday of October 01:00 UTC, CET (+1) otherwise
/// (and at the edges of chrono's range, where those Sundays cannot be computed).
pub fn paris_offset_hours(instant: DateTime<Utc>) -> i64 {
    let year = instant.year();
    let switch = |month| {
        last_sunday(year, month)?
            .and_hms_opt(1, 0, 0)
            .map(|t| t.and_utc())
    };
    match (switch(3), switch(10)) {
        (Some(summer_starts), Some(summer_ends))
            if instant >= summer_starts && instant < summer_ends =>
        {
            2
        }
        _ => 1,
    }
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let mut day = first_of_next.pred_opt()?;
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// Years a date is shown for: those ISO 8601 writes with four digits, as
/// `<time datetime>` reads them. Beyond, a date from the API is shown as unknown.
pub const SHOWN_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// The wall-clock date and time in Paris, for display; `None` outside
/// [`SHOWN_YEARS`] (and so at the ends of chrono's range, where the offset
/// cannot be added).
pub fn to_paris(instant: DateTime<Utc>) -> Option<chrono::NaiveDateTime> {
    paris_wall_clock(instant).filter(|local| SHOWN_YEARS.contains(&local.year()))
}

/// The instant plus Paris's offset; `None` where chrono cannot add it.
fn paris_wall_clock(instant: DateTime<Utc>) -> Option<chrono::NaiveDateTime> {
    instant
        .naive_utc()
        .checked_add_signed(Duration::hours(paris_offset_hours(instant)))
}

/// The calendar day of an instant in Paris: Chorus Pro's dates are Paris dates.
/// At the very end of chrono's range, where the offset cannot be added, the UTC
/// day (the deadline treats such days as implausible).
pub fn paris_day(instant: DateTime<Utc>) -> NaiveDate {
    paris_wall_clock(instant)
        .unwrap_or(instant.naive_utc())
        .date()
}

/// `23 novembre 2026` / `23 November 2026`, as the day is in Paris; `None` for
/// an instant that cannot be shown (see [`to_paris`]).
pub fn format_date(instant: DateTime<Utc>, locale: Locale) -> Option<String> {
    Some(format_day(to_paris(instant)?.date(), locale))
}

pub fn format_day(day: NaiveDate, locale: Locale) -> String {
    let month = (day.month() - 1) as usize;
    match locale {
        Locale::Fr => {
            let d = if day.day() == 1 {
                "1er".to_string()
            } else {
                day.day().to_string()
            };
            format!("{d} {} {}", MONTHS_FR[month], day.year())
        }
        Locale::En => format!("{} {} {}", day.day(), MONTHS_EN[month], day.year()),
    }
}

/// `23 novembre 2026 à 14:05` / `23 November 2026, 14:05`, Paris time; `None`
/// for an instant that cannot be shown (see [`to_paris`]).
pub fn format_date_time(instant: DateTime<Utc>, locale: Locale) -> Option<String> {
    let local = to_paris(instant)?;
    let day = format_day(local.date(), locale);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    Some(match locale {
        Locale::Fr => format!("{day} à {time}"),
        Locale::En => format!("{day}, {time}"),
    })
}

/// The instant in ISO 8601 with Paris's offset, for `<time datetime>`; `None`
/// for an instant that cannot be shown (see [`to_paris`]).
pub fn paris_iso(instant: DateTime<Utc>) -> Option<String> {
    let local = to_paris(instant)?;
    Some(format!(
        "{}T{:02}:{:02}:{:02}+{:02}:00",
        local.date(),
        local.hour(),
        local.minute(),
        local.second(),
        paris_offset_hours(instant)
    ))
}

/// A calendar day as ISO 8601 writes it (`2026-11-23`), for URLs and
/// `<time datetime>`.
pub fn iso_day(day: NaiveDate) -> String {
    day.to_string()
}

/// A day written `2026-11-23` (one-digit month and day accepted); `None` for
/// anything else. Without chrono's format strings, whose parser weighs on the
/// app's bundle.
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let mut number = |max_digits: usize| -> Option<u32> {
        let part = parts.next()?;
        let digits_only = !part.is_empty() && part.len() <= max_digits;
        if !digits_only || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A day of a query filter: `YYYY-MM-DD` with the year on 4 digits from 0001,
/// as stored timestamps write it (a year 10000 or a sign would not compare as
/// text with them); `None` otherwise.
pub fn parse_filter_day(value: &str) -> Option<NaiveDate> {
    let (year, _) = value.split_once('-')?;
    if year.len() != 4 || year == "0000" {
        return None;
    }
    parse_iso_day(value)
}

/// A size as people read it: `842 octets`, `1,5 Mo` / `842 bytes`, `1.5 MB`.
pub fn format_size(bytes: u64, locale: Locale) -> String {
    let (unit_b, unit_k, unit_m, decimal) = match locale {
        Locale::Fr => ("octets", "Ko", "Mo", ','),
        Locale::En => ("bytes", "KB", "MB", '.'),
    };
    // In integers, rounded half to even as `{:.1}` does: no float formatting
    // code in the bundle for one figure. In u128, where ten times any u64 fits.
    let one_decimal = |divisor: u128, unit: &str| {
        let tenfold = u128::from(bytes) * 10;
        let (whole, rest) = (tenfold / divisor, tenfold % divisor);
        let up = 2 * rest > divisor || (2 * rest == divisor && whole % 2 == 1);
        let tenths = whole + u128::from(up);
        match tenths % 10 {
            0 => format!("{}\u{a0}{unit}", tenths / 10),
            digit => format!("{}{decimal}{digit}\u{a0}{unit}", tenths / 10),
        }
    };
    if bytes < 1024 {
        format!("{bytes}\u{a0}{unit_b}")
    } else if bytes < 1024 * 1024 {
        one_decimal(1024, unit_k)
    } else {
        one_decimal(1024 * 1024, unit_m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn formats_euros_for_each_locale() {
        assert_eq!(format_euros(0, Locale::Fr), "0,00\u{a0}€");
        assert_eq!(format_euros(1250, Locale::Fr), "12,50\u{a0}€");
        assert_eq!(
            format_euros(123_456_789, Locale::Fr),
            "1\u{202f}234\u{202f}567,89\u{a0}€"
        );
        assert_eq!(format_euros(-4000, Locale::Fr), "-40,00\u{a0}€");
        assert_eq!(format_euros(123_456_789, Locale::En), "€1,234,567.89");
        assert_eq!(format_euros(99_999, Locale::En), "€999.99");
    }

    #[test]
    fn counts_and_rates_for_each_locale() {
        assert_eq!(format_count(0, Locale::Fr), "0");
        assert_eq!(format_count(999, Locale::En), "999");
        assert_eq!(format_count(1000, Locale::Fr), "1\u{202f}000");
        assert_eq!(format_count(1_234_567, Locale::En), "1,234,567");
        assert_eq!(
            format_count(u64::MAX, Locale::En),
            "18,446,744,073,709,551,615"
        );
        assert_eq!(format_rate(1015, Locale::Fr), "10,15");
        assert_eq!(format_rate(805, Locale::En), "8.05");
        assert_eq!(format_rate(0, Locale::En), "0.00");
        assert_eq!(format_rate(u32::MAX, Locale::Fr), "42949672,95");
        assert_eq!(
            format_euros(i64::MIN, Locale::En),
            "-€92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn paris_switches_to_summer_time_on_the_last_sunday_of_march() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(paris_offset_hours(utc("2026-03-29T00:59:59Z")), 1);
        assert_eq!(paris_offset_hours(utc("2026-03-29T01:00:00Z")), 2);
        assert_eq!(paris_offset_hours(utc("2026-10-25T00:59:59Z")), 2);
        assert_eq!(paris_offset_hours(utc("2026-10-25T01:00:00Z")), 1);
        assert_eq!(paris_offset_hours(utc("2026-12-31T23:00:00Z")), 1);
    }

    #[test]
    fn dates_are_shown_as_the_day_in_paris() {
        // 23:30 UTC on 31 December is already New Year's Day in Paris.
        assert_eq!(
            format_date(utc("2026-12-31T23:30:00Z"), Locale::Fr),
            Some("1er janvier 2027".to_string())
        );
        assert_eq!(
            format_date(utc("2026-08-15T10:00:00Z"), Locale::En),
            Some("15 August 2026".to_string())
        );
        assert_eq!(
            format_date_time(utc("2026-07-14T08:05:00Z"), Locale::Fr),
            Some("14 juillet 2026 à 10:05".to_string())
        );
        assert_eq!(
            paris_iso(utc("2026-07-14T08:05:00Z")),
            Some("2026-07-14T10:05:00+02:00".to_string())
        );
        assert_eq!(
            paris_iso(utc("2026-01-14T08:05:00Z")),
            Some("2026-01-14T09:05:00+01:00".to_string())
        );
    }

    #[test]
    fn instants_that_cannot_be_written_are_not_shown() {
        // At the ends of chrono's range the offset cannot be added; past year
        // 9999 ISO 8601 needs an expanded year that `<time datetime>` refuses.
        for instant in [
            DateTime::<Utc>::MAX_UTC,
            DateTime::<Utc>::MIN_UTC,
            utc("9999-12-31T23:30:00Z"),
            utc("0000-12-31T22:00:00Z"),
        ] {
            assert_eq!(to_paris(instant), None, "{instant}");
            assert_eq!(format_date(instant, Locale::Fr), None, "{instant}");
            assert_eq!(format_date_time(instant, Locale::En), None, "{instant}");
            assert_eq!(paris_iso(instant), None, "{instant}");
        }
        assert_eq!(
            paris_iso(utc("9999-12-31T22:59:59Z")),
            Some("9999-12-31T23:59:59+01:00".to_string())
        );
        assert_eq!(
            format_date(utc("0000-12-31T23:00:00Z"), Locale::Fr),
            Some("1er janvier 1".to_string())
        );
        // The deadline still gets a day to judge, even there.
        assert_eq!(
            paris_day(DateTime::<Utc>::MAX_UTC),
            DateTime::<Utc>::MAX_UTC.date_naive()
        );
    }

    #[test]
    fn locale_from_browser_tags() {
        assert_eq!(Locale::from_tag("en-US"), Locale::En);
        assert_eq!(Locale::from_tag("fr"), Locale::Fr);
        assert_eq!(Locale::from_tag("de-DE"), Locale::Fr);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(842, Locale::Fr), "842\u{a0}octets");
        assert_eq!(format_size(1536, Locale::Fr), "1,5\u{a0}Ko");
        assert_eq!(format_size(10 * 1024 * 1024, Locale::Fr), "10\u{a0}Mo");
        assert_eq!(
            format_size(11 * 1024 * 1024 + 300_000, Locale::En),
            "11.3\u{a0}MB"
        );
    }

    #[test]
    fn any_size_is_written_without_overflow() {
        assert_eq!(format_size(u64::MAX, Locale::Fr), "17592186044416\u{a0}Mo");
        assert_eq!(
            format_size(u64::MAX / 10 + 1, Locale::En),
            "1759218604441.6\u{a0}MB"
        );
    }

    #[test]
    fn reads_and_writes_iso_days() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(iso_day(day), "2026-03-05");
        assert_eq!(parse_iso_day("2026-03-05"), Some(day));
        assert_eq!(parse_iso_day("2026-3-5"), Some(day));
        for not_a_day in [
            "",
            "2026",
            "2026-03",
            "2026-02-30",
            "2026-13-01",
            "2026-03-05-1",
            "2026-03-5x",
            "+2026-03-05",
            "2026--03",
            " 2026-03-05",
            "20260-03-05",
            "2026-003-05",
        ] {
            assert_eq!(parse_iso_day(not_a_day), None, "{not_a_day:?}");
        }
    }

    #[test]
    fn sizes_round_as_float_formatting_does() {
        let sizes = (1024..40_000u64).chain((0..4000).map(|i| 1024 * 1024 + i * 2621 + i % 7));
        for bytes in sizes {
            let divisor = if bytes < 1024 * 1024 {
                1024.0
            } else {
                1024.0 * 1024.0
            };
            let expected = format!("{:.1}", bytes as f64 / divisor);
            let expected = expected.strip_suffix(".0").unwrap_or(&expected).to_string();
            let shown = format_size(bytes, Locale::En);
            assert_eq!(
                shown.split('\u{a0}').next().unwrap(),
                expected,
                "{bytes} bytes"
            );
        }
    }

    #[test]
    fn filter_days_have_a_four_digit_year_from_0001() {
        assert_eq!(
            parse_filter_day("2026-01-05"),
            NaiveDate::from_ymd_opt(2026, 1, 5)
        );
        for refused in [
            "0000-01-01",
            "26-01-05",
            "+2026-01-05",
            "2026-13-01",
            "2026",
        ] {
            assert_eq!(parse_filter_day(refused), None, "{refused}");
        }
    }
}
