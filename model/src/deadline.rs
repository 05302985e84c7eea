//! The payment deadline of an invoice on Chorus Pro, as the Code de la commande
//! publique computes it from the invoice's history. One state, computed here and
//! only here: the API's `deadline` object carries it, and the invoice list and page
//! show it as it is.
//!
//! - R2192-10 to R2192-12: the *délai global de paiement* is 30 days (State, local
//!   authorities and their public bodies), 50 days (public health establishments)
//!   or 60 days (public companies): the structure's `paymentDeadlineDays`.
//! - It starts when the buyer receives the invoice: on Chorus Pro, its first
//!   `MISE_A_DISPOSITION`, as a Paris date. An invoice sent back `A_RECYCLER` was
//!   not accepted: its deadline starts again at the next `MISE_A_DISPOSITION`.
//! - R2192-27: the deadline may be interrupted once (`SUSPENDUE`), and only before
//!   the expense is ordered (*ordonnancement*: `MANDATEE`,
//!   `MISE_A_DISPOSITION_COMPTABLE`, `COMPTABILISEE`). It is not a pause. (The
//!   article limits "before ordonnancement" to buyers with a public accountant:
//!   every structure that receives invoices on Chorus Pro with these statuses
//!   has one, so the rule is applied to all.)
//! - R2192-29: once every document has arrived (`COMPLETEE`), a new deadline opens:
//!   30 days, or the balance that remained on the day of the interruption when
//!   that balance was longer.
//! - It ends at `MISE_EN_PAIEMENT`; past the due date, interest and the indemnity
//!   are owed (see [`crate::late_payment`]).
//! - A rejected invoice (`REJETEE`) is void: no deadline, nothing owed on it.
//! - A structure that never reports `MISE_EN_PAIEMENT` cannot be called late from
//!   Chorus Pro's data: its due date is shown, never a delay nor interest.
//! - A shorter deadline set by a contract (L2192-10 allows it) is not known to the
//!   billing API: the structure's legal deadline is the one computed.
//!
//! Every date and count is computed with checked arithmetic: what cannot be
//! computed is [`Deadline::Unknown`], never a panic nor a wrong figure.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::chorus::{sort_history, ChorusEvent, ChorusStatus};
use crate::late_payment::{
    late_interest, LateInterest, INTEREST_PAYMENT_DAYS, LATE_PAYMENT_MARGIN_BP,
    RECOVERY_INDEMNITY_CENTS,
};
use crate::locale::paris_day;

/// The new deadline after the documents of a suspension arrive, unless the
/// balance left was longer (R2192-29).
pub const NEW_DEADLINE_DAYS: i64 = 30;

/// The interruption of the deadline by the invoice's suspension (R2192-27 to R2192-29).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interruption {
    /// The day of the suspension.
    #[serde(deserialize_with = "crate::wire_time::day")]
    pub since: NaiveDate,
    /// Days of the deadline that remained on that day.
    pub balance_days: i64,
    /// Days of the deadline that opens when the documents arrive: 30, or the
    /// balance when it was longer.
    pub new_days: i64,
    /// The day the documents arrived (`COMPLETEE`); none while interrupted.
    #[serde(default, deserialize_with = "crate::wire_time::optional_day")]
    pub resumed_on: Option<NaiveDate>,
}

/// The payment deadline of an invoice, with what the pages show of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Deadline {
    /// Not made available to the recipient yet; `after_recycling`: it was, was
    /// sent back to be recycled, and starts again once routed anew.
    NotStarted { after_recycling: bool },
    /// Running: due on `due_date`, `days_left` days from today (0: due today).
    Running {
        start_date: NaiveDate,
        days: i64,
        #[serde(default)]
        interruption: Option<Interruption>,
        due_date: NaiveDate,
        days_left: i64,
    },
    /// Suspended: no countdown runs until the documents arrive.
    Interrupted {
        start_date: NaiveDate,
        days: i64,
        interruption: Interruption,
    },
    /// Past the due date and not put in payment: interest so far (counted to
    /// today), `None` where it cannot be computed.
    Overdue {
        start_date: NaiveDate,
        days: i64,
        #[serde(default)]
        interruption: Option<Interruption>,
        due_date: NaiveDate,
        days_late: i64,
        #[serde(default)]
        interest: Option<LateInterest>,
    },
    /// Put in payment on or before the due date.
    PaidOnTime {
        due_date: NaiveDate,
        paid_on: NaiveDate,
    },
    /// Put in payment after the due date: interest and indemnity are still owed,
    /// payable by `pay_by` (45 days after the payment, R2192-36).
    PaidLate {
        due_date: NaiveDate,
        paid_on: NaiveDate,
        days_late: i64,
        #[serde(default)]
        interest: Option<LateInterest>,
        pay_by: NaiveDate,
    },
    /// Rejected: the invoice is void, nothing is owed on it, no deadline runs.
    Void,
    /// The structure does not report `MISE_EN_PAIEMENT`: the due date is known,
    /// whether it was met is not.
    PaymentNotReported {
        start_date: NaiveDate,
        days: i64,
        #[serde(default)]
        interruption: Option<Interruption>,
        due_date: NaiveDate,
    },
    /// The history does not allow a deadline to be stated (or a state this
    /// version does not know, or values out of any plausible range).
    #[serde(other)]
    Unknown,
}

/// Reads an API's `deadline` field: absent or `null` is none; anything that does
/// not decode as a deadline (a missing field, a wrong type, an impossible date) is
/// [`Deadline::Unknown`] rather than a failure of the whole bill or page.
/// For `serde_json`'s parser only (the API's answers are read by it).
pub fn lenient<'de, D>(deserializer: D) -> Result<Option<Deadline>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    // Kept as its JSON text and read again by the same parser: a
    // `serde_json::Value` here would bring a second JSON deserializer into
    // the app (some 20 KB of wasm) for this one field.
    let raw = Option::<Box<serde_json::value::RawValue>>::deserialize(deserializer)?;
    Ok(raw
        .filter(|r| r.get() != "null")
        .map(|r| serde_json::from_str(r.get()).unwrap_or(Deadline::Unknown)))
}

/// What the deadline depends on besides the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineTerms {
    /// The structure's délai global de paiement: 30, 50 or 60 days.
    pub days: u32,
    /// The structure never reports `MISE_EN_PAIEMENT`.
    pub payment_not_reported: bool,
    /// The invoice's amount including VAT, on which interest runs.
    pub amount_cents: i64,
}

fn add_days(day: NaiveDate, days: i64) -> Option<NaiveDate> {
    let days = chrono::Days::new(u64::try_from(days).ok()?);
    day.checked_add_days(days)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// Statuses by which the buyer has ordered the expense: no interruption after them.
fn is_ordonnancement(status: ChorusStatus) -> bool {
    matches!(
        status,
        ChorusStatus::Mandatee
            | ChorusStatus::MiseADispositionComptable
            | ChorusStatus::Comptabilisee
    )
}

/// The deadline from the invoice's Chorus Pro history, on `today` (a Paris date).
pub fn deadline(events: &[ChorusEvent], terms: DeadlineTerms, today: NaiveDate) -> Deadline {
    compute(events, terms, today).unwrap_or(Deadline::Unknown)
}

fn compute(events: &[ChorusEvent], terms: DeadlineTerms, today: NaiveDate) -> Option<Deadline> {
    let mut sorted = events.to_vec();
    sort_history(&mut sorted);
    if sorted.iter().any(|e| e.status == ChorusStatus::Rejetee) {
        return Some(Deadline::Void);
    }
    // The current routing: after the last recycling, if any.
    let recycled_at = sorted
        .iter()
        .rposition(|e| e.status == ChorusStatus::ARecycler);
    let routing_start = recycled_at.map_or(0, |i| i + 1);
    let Some(start_at) = sorted[routing_start..]
        .iter()
        .position(|e| e.status == ChorusStatus::MiseADisposition)
        .map(|i| routing_start + i)
    else {
        return Some(Deadline::NotStarted {
            after_recycling: recycled_at.is_some(),
        });
    };
    let start_date = paris_day(sorted[start_at].date);
    let days = i64::from(terms.days);
    let first_due = add_days(start_date, days)?;

    // Only the invoice's first suspension can interrupt (R2192-27), and only the
    // running deadline: not one sent back since, not one already expired, not
    // after ordonnancement.
    let interruption = match sorted
        .iter()
        .position(|e| e.status == ChorusStatus::Suspendue)
    {
        Some(at) if at > start_at => {
            let since = paris_day(sorted[at].date);
            let ordered_before = sorted[..at].iter().any(|e| is_ordonnancement(e.status));
            let balance_days = days_between(since, first_due);
            if ordered_before || balance_days < 0 {
                None
            } else {
                let resumed_on = sorted[at + 1..]
                    .iter()
                    .find(|e| e.status == ChorusStatus::Completee)
                    .map(|e| paris_day(e.date));
                Some(Interruption {
                    since,
                    balance_days,
                    new_days: balance_days.max(NEW_DEADLINE_DAYS),
                    resumed_on,
                })
            }
        }
        _ => None,
    };
    let paid_on = sorted[start_at..]
        .iter()
        .find(|e| e.status == ChorusStatus::MiseEnPaiement)
        .map(|e| paris_day(e.date));
    let due_date = match &interruption {
        Some(Interruption {
            resumed_on: Some(resumed),
            new_days,
            ..
        }) => add_days(*resumed, *new_days)?,
        Some(interruption) => {
            // Put in payment while the deadline was interrupted: no due date to
            // compare with, and a history Chorus Pro does not produce.
            if paid_on.is_some() {
                return None;
            }
            return Some(Deadline::Interrupted {
                start_date,
                days,
                interruption: interruption.clone(),
            });
        }
        None => first_due,
    };
    if let Some(paid_on) = paid_on {
        let days_late = days_between(due_date, paid_on);
        if days_late <= 0 {
            return Some(Deadline::PaidOnTime { due_date, paid_on });
        }
        return Some(Deadline::PaidLate {
            due_date,
            paid_on,
            days_late,
            interest: late_interest(terms.amount_cents, due_date, paid_on),
            pay_by: add_days(paid_on, INTEREST_PAYMENT_DAYS as i64)?,
        });
    }
    if terms.payment_not_reported {
        return Some(Deadline::PaymentNotReported {
            start_date,
            days,
            interruption,
            due_date,
        });
    }
    let days_left = days_between(today, due_date);
    if days_left >= 0 {
        Some(Deadline::Running {
            start_date,
            days,
            interruption,
            due_date,
            days_left,
        })
    } else {
        Some(Deadline::Overdue {
            start_date,
            days,
            interruption,
            due_date,
            days_late: -days_left,
            interest: late_interest(terms.amount_cents, due_date, today),
        })
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use ChorusStatus::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// An event at 10:00 in Paris on `date` (winter time: 09:00 UTC; the tests'
    /// dates around the summer switch say their own time).
    fn ev(status: ChorusStatus, date: &str) -> ChorusEvent {
        let instant: DateTime<Utc> = if date.contains('T') {
            date.parse().unwrap()
        } else {
            format!("{date}T09:00:00Z").parse().unwrap()
        };
        ChorusEvent {
            status,
            date: instant,
            actor: status.actor(),
            reason: None,
        }
    }

    fn terms(days: u32) -> DeadlineTerms {
        DeadlineTerms {
            days,
            payment_not_reported: false,
            amount_cents: 120_000,
        }
    }

    #[test]
    fn the_deadline_starts_at_the_first_mise_a_disposition_r2192_10_thirty_days() {
        let events = [
            ev(Deposee, "2026-10-21"),
            ev(MiseADisposition, "2026-10-22"),
        ];
        match deadline(&events, terms(30), day("2026-11-01")) {
            Deadline::Running {
                start_date,
                days,
                due_date,
                days_left,
                interruption: None,
            } => {
                assert_eq!(start_date, day("2026-10-22"));
                assert_eq!(days, 30);
                assert_eq!(due_date, day("2026-11-21"));
                assert_eq!(days_left, 20);
            }
            other => panic!("{other:?}"),
        }
        // Due today: still running, 0 days left.
        assert!(matches!(
            deadline(&events, terms(30), day("2026-11-21")),
            Deadline::Running { days_left: 0, .. }
        ));
        // Nothing made available yet.
        assert_eq!(
            deadline(&events[..1], terms(30), day("2026-11-01")),
            Deadline::NotStarted {
                after_recycling: false
            }
        );
    }

    #[test]
    fn r2192_11_hospitals_have_50_days_public_companies_60() {
        let events = [ev(MiseADisposition, "2026-03-02")];
        assert_eq!(
            deadline(&events, terms(50), day("2026-03-02")).due_date(),
            Some(day("2026-04-21"))
        );
        assert_eq!(
            deadline(&events, terms(60), day("2026-03-02")).due_date(),
            Some(day("2026-05-01"))
        );
    }

    #[test]
    fn the_start_is_the_paris_date_not_the_utc_one() {
        // 23:30 UTC on 21 October is 01:30 on the 22nd in Paris (summer time).
        let events = [ev(MiseADisposition, "2026-10-21T23:30:00Z")];
        match deadline(&events, terms(30), day("2026-10-25")) {
            Deadline::Running {
                start_date,
                due_date,
                ..
            } => {
                assert_eq!(start_date, day("2026-10-22"));
                assert_eq!(due_date, day("2026-11-21"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn r2192_29_documents_received_open_a_new_deadline_of_thirty_days() {
        // Made available 22 October, interrupted 31 October with 21 days left,
        // completed 5 November: a new 30-day deadline, due 5 December.
        let events = [
            ev(MiseADisposition, "2026-10-22"),
            ev(Suspendue, "2026-10-31"),
            ev(Completee, "2026-11-05"),
        ];
        let state = deadline(&events, terms(30), day("2026-11-30"));
        assert_eq!(
            state,
            Deadline::Running {
                start_date: day("2026-10-22"),
                days: 30,
                interruption: Some(Interruption {
                    since: day("2026-10-31"),
                    balance_days: 21,
                    new_days: 30,
                    resumed_on: Some(day("2026-11-05")),
                }),
                due_date: day("2026-12-05"),
                days_left: 5,
            }
        );
        // Not late on 30 November, though the first due date (21 November) passed.
    }

    #[test]
    fn r2192_29_a_longer_balance_is_kept() {
        // A hospital (50 days): made available 1 March, suspended 6 March with 45
        // days left, completed 20 March: 45 days from 20 March, due 4 May.
        let events = [
            ev(MiseADisposition, "2026-03-01"),
            ev(Suspendue, "2026-03-06"),
            ev(Completee, "2026-03-20"),
        ];
        let state = deadline(&events, terms(50), day("2026-03-21"));
        assert_eq!(state.due_date(), Some(day("2026-05-04")));
        match state {
            Deadline::Running {
                interruption: Some(i),
                ..
            } => {
                assert_eq!(i.balance_days, 45);
                assert_eq!(i.new_days, 45);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn r2192_27_while_suspended_no_countdown_runs() {
        let events = [
            ev(MiseADisposition, "2026-10-22"),
            ev(Suspendue, "2026-10-31"),
        ];
        // Long past the first due date: interrupted, not late.
        for today in ["2026-11-01", "2026-12-25"] {
            assert_eq!(
                deadline(&events, terms(30), day(today)),
                Deadline::Interrupted {
                    start_date: day("2026-10-22"),
                    days: 30,
                    interruption: Interruption {
                        since: day("2026-10-31"),
                        balance_days: 21,
                        new_days: 30,
                        resumed_on: None,
                    },
                }
            );
        }
    }

    #[test]
    fn r2192_27_only_the_first_suspension_interrupts() {
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(Suspendue, "2026-03-03"),
            ev(Completee, "2026-03-04"),
            ev(Suspendue, "2026-03-10"),
        ];
        // The second one does not: 30 days from 4 March, still running on the 20th.
        let state = deadline(&events, terms(30), day("2026-03-20"));
        assert_eq!(state.due_date(), Some(day("2026-04-03")));
        assert!(matches!(state, Deadline::Running { .. }));
    }

    #[test]
    fn r2192_27_no_interruption_after_ordonnancement() {
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(Mandatee, "2026-03-10"),
            ev(Suspendue, "2026-03-12"),
        ];
        let state = deadline(&events, terms(30), day("2026-03-20"));
        assert_eq!(state.due_date(), Some(day("2026-04-01")));
        assert!(matches!(
            state,
            Deadline::Running {
                interruption: None,
                ..
            }
        ));
    }

    #[test]
    fn an_expired_deadline_cannot_be_interrupted() {
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(Suspendue, "2026-04-10"),
        ];
        assert!(matches!(
            deadline(&events, terms(30), day("2026-04-12")),
            Deadline::Overdue {
                days_late: 11,
                interruption: None,
                ..
            }
        ));
    }

    #[test]
    fn a_recycled_invoice_starts_again_at_its_new_mise_a_disposition() {
        let mut events = vec![
            ev(Deposee, "2026-03-01"),
            ev(MiseADisposition, "2026-03-02"),
            ev(ARecycler, "2026-03-05"),
        ];
        assert_eq!(
            deadline(&events, terms(30), day("2026-06-01")),
            Deadline::NotStarted {
                after_recycling: true
            }
        );
        events.push(ev(EnCoursAcheminement, "2026-03-09"));
        events.push(ev(MiseADisposition, "2026-03-10"));
        let state = deadline(&events, terms(30), day("2026-03-20"));
        assert_eq!(state.due_date(), Some(day("2026-04-09")));
    }

    #[test]
    fn a_rejected_invoice_is_void() {
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(Suspendue, "2026-03-05"),
            ev(Rejetee, "2026-03-06"),
        ];
        let state = deadline(&events, terms(30), day("2026-09-01"));
        assert_eq!(state, Deadline::Void);
        assert_eq!(state.due_date(), None);
        assert_eq!(state.late_interest(), None);
    }

    #[test]
    fn r2192_31_overdue_interest_runs_to_today_at_the_half_year_rate() {
        // Due 1 April 2026, 10 days late on 11 April: 2.15 % + 8 on 1 200 €.
        let events = [ev(MiseADisposition, "2026-03-02")];
        match deadline(&events, terms(30), day("2026-04-11")) {
            Deadline::Overdue {
                due_date,
                days_late,
                interest: Some(interest),
                ..
            } => {
                assert_eq!(due_date, day("2026-04-01"));
                assert_eq!(days_late, 10);
                assert_eq!(interest.days_late, 10);
                assert_eq!(interest.annual_rate_bp, 1015);
                assert_eq!(interest.interest_cents, 334);
                assert_eq!(interest.indemnity_cents, 4000);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn r2192_36_a_late_payment_still_owes_interest_within_45_days() {
        // Due 1 April, put in payment 21 April: 20 days of interest, owed by 5 June.
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(MiseEnPaiement, "2026-04-21"),
        ];
        match deadline(&events, terms(30), day("2026-05-01")) {
            Deadline::PaidLate {
                due_date,
                paid_on,
                days_late,
                interest: Some(interest),
                pay_by,
            } => {
                assert_eq!(due_date, day("2026-04-01"));
                assert_eq!(paid_on, day("2026-04-21"));
                assert_eq!(days_late, 20);
                // 1 200 € × 10.15 % × 20 / 365 = 6.674 €.
                assert_eq!(interest.interest_cents, 667);
                assert_eq!(interest.total_cents(), Some(4667));
                assert_eq!(pay_by, day("2026-06-05"));
            }
            other => panic!("{other:?}"),
        }
        // On the due date itself: on time.
        let on_time = [
            ev(MiseADisposition, "2026-03-02"),
            ev(MiseEnPaiement, "2026-04-01"),
        ];
        assert_eq!(
            deadline(&on_time, terms(30), day("2026-05-01")),
            Deadline::PaidOnTime {
                due_date: day("2026-04-01"),
                paid_on: day("2026-04-01"),
            }
        );
    }

    #[test]
    fn a_structure_that_does_not_report_payment_is_never_called_late() {
        let events = [
            ev(MiseADisposition, "2026-03-02"),
            ev(Comptabilisee, "2026-03-20"),
        ];
        let terms = DeadlineTerms {
            payment_not_reported: true,
            ..terms(30)
        };
        let state = deadline(&events, terms, day("2026-09-01"));
        assert_eq!(
            state,
            Deadline::PaymentNotReported {
                start_date: day("2026-03-02"),
                days: 30,
                interruption: None,
                due_date: day("2026-04-01"),
            }
        );
        assert_eq!(state.late_interest(), None);
    }

    #[test]
    fn optional_steps_dated_after_the_payment_change_nothing() {
        let events = [
            ev(Mandatee, "2026-04-20"),
            ev(MiseADisposition, "2026-03-02"),
            ev(MiseEnPaiement, "2026-03-25"),
        ];
        assert!(matches!(
            deadline(&events, terms(30), day("2026-05-01")),
            Deadline::PaidOnTime { .. }
        ));
    }

    #[test]
    fn the_api_shape_is_tagged_by_state() {
        let state = Deadline::Interrupted {
            start_date: day("2026-10-22"),
            days: 30,
            interruption: Interruption {
                since: day("2026-10-31"),
                balance_days: 21,
                new_days: 30,
                resumed_on: None,
            },
        };
        let json = serde_json::to_value(&state).unwrap();
        assert_eq!(json["state"], "interrupted");
        assert_eq!(json["startDate"], "2026-10-22");
        assert_eq!(json["interruption"]["balanceDays"], 21);
        assert_eq!(serde_json::from_value::<Deadline>(json).unwrap(), state);
        let future: Deadline =
            serde_json::from_str(r#"{"state":"disputed","dueDate":"2026-01-01"}"#).unwrap();
        assert_eq!(future, Deadline::Unknown);
        assert_eq!(
            serde_json::to_value(Deadline::Void).unwrap(),
            serde_json::json!({"state": "void"})
        );
    }

    #[test]
    fn a_malformed_deadline_from_an_api_is_unknown_not_a_failure() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "lenient")]
            deadline: Option<Deadline>,
        }
        let read = |json: &str| serde_json::from_str::<Holder>(json).unwrap().deadline;
        assert_eq!(read("{}"), None);
        assert_eq!(read(r#"{"deadline": null}"#), None);
        for bad in [
            r#"{"deadline": {"state": "running"}}"#,
            r#"{"deadline": {"state": "notStarted"}}"#,
            r#"{"deadline": {"state": "running", "startDate": "2026-01-01", "days": 30,
                "dueDate": "2026-02-30", "daysLeft": 3}}"#,
            r#"{"deadline": {"state": "running", "startDate": "2026-01-01", "days": 30,
                "dueDate": "2026-01-31", "daysLeft": "3"}}"#,
            r#"{"deadline": 42}"#,
        ] {
            assert_eq!(read(bad), Some(Deadline::Unknown), "{bad}");
        }
        assert_eq!(
            read(r#"{"deadline": {"state": "void"}}"#),
            Some(Deadline::Void)
        );
    }

    #[test]
    fn a_deadline_whose_figures_disagree_is_unknown() {
        let paid_late = |pay_by: &str, indemnity: i64| {
            let mut interest =
                late_interest(120_000, day("2026-04-01"), day("2026-04-21")).unwrap();
            interest.indemnity_cents = indemnity;
            Deadline::PaidLate {
                due_date: day("2026-04-01"),
                paid_on: day("2026-04-21"),
                days_late: 20,
                interest: Some(interest),
                pay_by: day(pay_by),
            }
        };
        assert_ne!(paid_late("2026-06-05", 4000).checked(), Deadline::Unknown);
        assert_eq!(paid_late("2026-06-04", 4000).checked(), Deadline::Unknown);
        assert_eq!(paid_late("2026-06-05", 5000).checked(), Deadline::Unknown);
        let due_before_start = Deadline::Running {
            start_date: day("2026-03-01"),
            days: 30,
            interruption: None,
            due_date: day("2026-02-01"),
            days_left: 3,
        };
        assert_eq!(due_before_start.checked(), Deadline::Unknown);
    }

    #[test]
    fn absurd_values_from_an_api_are_unknown() {
        let running = |days_left: i64, due: &str| Deadline::Running {
            start_date: day("2026-01-01"),
            days: 30,
            interruption: None,
            due_date: day(due),
            days_left,
        };
        assert_eq!(running(3, "2026-01-31").checked(), running(3, "2026-01-31"));
        assert_eq!(running(i64::MAX, "2026-01-31").checked(), Deadline::Unknown);
        assert_eq!(running(-5, "2026-01-31").checked(), Deadline::Unknown);
        assert_eq!(running(3, "+200000-01-31").checked(), Deadline::Unknown);
        let mut interest = late_interest(100_000, day("2026-01-31"), day("2026-02-10")).unwrap();
        interest.interest_cents = -1;
        let overdue = Deadline::Overdue {
            start_date: day("2026-01-01"),
            days: 30,
            interruption: None,
            due_date: day("2026-01-31"),
            days_late: 10,
            interest: Some(interest),
        };
        assert_eq!(overdue.checked(), Deadline::Unknown);
    }

    #[test]
    fn dates_at_the_end_of_the_calendar_give_unknown_not_a_panic() {
        let far = ChorusEvent {
            status: MiseADisposition,
            date: DateTime::<Utc>::MAX_UTC,
            actor: MiseADisposition.actor(),
            reason: None,
        };
        assert_eq!(
            deadline(&[far], terms(30), NaiveDate::MAX),
            Deadline::Unknown
        );
        let early = ChorusEvent {
            date: DateTime::<Utc>::MIN_UTC,
            ..ev(MiseADisposition, "2026-01-01")
        };
        // Overdue since the start of the calendar, with no rate known.
        assert!(matches!(
            deadline(&[early], terms(30), NaiveDate::MAX),
            Deadline::Overdue { interest: None, .. }
        ));
    }
}
