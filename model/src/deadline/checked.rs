//! The deadline's readings, and the checks a deadline read from an answer
//! passes before it is shown: anything implausible is unknown.

use chrono::{Datelike, NaiveDate};

use super::{add_days, days_between, Deadline, Interruption};
use crate::late_payment::{
    LateInterest, INTEREST_PAYMENT_DAYS, LATE_PAYMENT_MARGIN_BP, RECOVERY_INDEMNITY_CENTS,
};

/// Dates outside this range come from a faulty or hostile answer: unknown.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2199;
/// Longer than any deadline, delay or balance that can be true: unknown.
const PLAUSIBLE_DAYS: std::ops::RangeInclusive<i64> = 0..=36_600;
/// A thousand billion euros.
const PLAUSIBLE_CENTS: std::ops::RangeInclusive<i64> = 0..=100_000_000_000_000;

fn plausible_day(day: &NaiveDate) -> bool {
    PLAUSIBLE_YEARS.contains(&day.year())
}

fn plausible_interruption(i: &Interruption) -> bool {
    plausible_day(&i.since)
        && i.resumed_on.as_ref().is_none_or(plausible_day)
        && PLAUSIBLE_DAYS.contains(&i.balance_days)
        && PLAUSIBLE_DAYS.contains(&i.new_days)
}

/// The interest as the rules make it: the 40 € indemnity, the ECB rate plus 8
/// points, a rate no later than its half-year, the same days late as the state.
fn plausible_interest(i: &LateInterest, days_late: i64) -> bool {
    plausible_day(&i.half_year)
        && plausible_day(&i.rate_from)
        && i.rate_from <= i.half_year
        && i.days_late == days_late
        && i.ecb_rate_bp.checked_add(LATE_PAYMENT_MARGIN_BP) == Some(i.annual_rate_bp)
        && i.annual_rate_bp < 100_000
        && PLAUSIBLE_CENTS.contains(&i.amount_cents)
        && PLAUSIBLE_CENTS.contains(&i.interest_cents)
        && i.indemnity_cents == RECOVERY_INDEMNITY_CENTS
        && i.total_cents().is_some()
}

/// A start no later than the due date, both plausible.
fn plausible_span(start: &NaiveDate, due: &NaiveDate) -> bool {
    plausible_day(start) && plausible_day(due) && start <= due
}

impl Deadline {
    /// The due date, where there is one.
    pub fn due_date(&self) -> Option<NaiveDate> {
        match self {
            Deadline::Running { due_date, .. }
            | Deadline::Overdue { due_date, .. }
            | Deadline::PaidOnTime { due_date, .. }
            | Deadline::PaidLate { due_date, .. }
            | Deadline::PaymentNotReported { due_date, .. } => Some(*due_date),
            Deadline::NotStarted { .. }
            | Deadline::Interrupted { .. }
            | Deadline::Void
            | Deadline::Unknown => None,
        }
    }

    /// The state's code, as the API writes it.
    pub fn code(&self) -> &'static str {
        match self {
            Deadline::NotStarted { .. } => "notStarted",
            Deadline::Running { .. } => "running",
            Deadline::Interrupted { .. } => "interrupted",
            Deadline::Overdue { .. } => "overdue",
            Deadline::PaidOnTime { .. } => "paidOnTime",
            Deadline::PaidLate { .. } => "paidLate",
            Deadline::Void => "void",
            Deadline::PaymentNotReported { .. } => "paymentNotReported",
            Deadline::Unknown => "unknown",
        }
    }

    /// Interest and indemnity owed (so far, or still to pay after a late payment).
    pub fn late_interest(&self) -> Option<&LateInterest> {
        match self {
            Deadline::Overdue { interest, .. } | Deadline::PaidLate { interest, .. } => {
                interest.as_ref()
            }
            _ => None,
        }
    }

    /// The deadline as received from the API, or [`Deadline::Unknown`] when a date,
    /// a count or an amount is out of any plausible range: shown as unknown rather
    /// than as an absurd figure.
    pub fn checked(self) -> Deadline {
        let ok = match &self {
            Deadline::NotStarted { .. } | Deadline::Void | Deadline::Unknown => true,
            Deadline::Running {
                start_date,
                days,
                interruption,
                due_date,
                days_left,
            } => {
                plausible_span(start_date, due_date)
                    && PLAUSIBLE_DAYS.contains(days)
                    && interruption.as_ref().is_none_or(plausible_interruption)
                    && PLAUSIBLE_DAYS.contains(days_left)
            }
            Deadline::Interrupted {
                start_date,
                days,
                interruption,
            } => {
                plausible_span(start_date, &interruption.since)
                    && PLAUSIBLE_DAYS.contains(days)
                    && plausible_interruption(interruption)
            }
            Deadline::Overdue {
                start_date,
                days,
                interruption,
                due_date,
                days_late,
                interest,
            } => {
                plausible_span(start_date, due_date)
                    && PLAUSIBLE_DAYS.contains(days)
                    && interruption.as_ref().is_none_or(plausible_interruption)
                    && PLAUSIBLE_DAYS.contains(days_late)
                    && *days_late > 0
                    && interest
                        .as_ref()
                        .is_none_or(|i| plausible_interest(i, *days_late))
            }
            Deadline::PaidOnTime { due_date, paid_on } => {
                plausible_day(due_date) && plausible_day(paid_on) && paid_on <= due_date
            }
            Deadline::PaidLate {
                due_date,
                paid_on,
                days_late,
                interest,
                pay_by,
            } => {
                plausible_day(due_date)
                    && plausible_day(paid_on)
                    && days_between(*due_date, *paid_on) == *days_late
                    && *days_late > 0
                    && interest
                        .as_ref()
                        .is_none_or(|i| plausible_interest(i, *days_late))
                    && add_days(*paid_on, INTEREST_PAYMENT_DAYS as i64) == Some(*pay_by)
            }
            Deadline::PaymentNotReported {
                start_date,
                days,
                interruption,
                due_date,
            } => {
                plausible_span(start_date, due_date)
                    && PLAUSIBLE_DAYS.contains(days)
                    && interruption.as_ref().is_none_or(plausible_interruption)
            }
        };
        if ok {
            self
        } else {
            Deadline::Unknown
        }
    }
}
