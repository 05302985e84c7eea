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

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::chorus::{sort_history, ChorusEvent, ChorusStatus};
use crate::late_payment::{late_interest, LateInterest, INTEREST_PAYMENT_DAYS};
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

mod checked;

#[cfg(test)]
mod tests;
