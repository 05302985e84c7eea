//! What a buyer owes on an invoice now: what is left of the invoice itself and,
//! once it is late, the late-payment interest and the 40 € recovery indemnity.
//! Putting the invoice in payment late does not settle these: they are owed by
//! law from the day after the due date (Code de la commande publique, L2192-13,
//! R2192-31, D2192-35) and are paid within 45 days of the payment (R2192-36).
//! The figures are the deadline's own (see [`crate::deadline`] and
//! [`crate::late_payment`]): nothing is computed twice.

use chrono::NaiveDate;

use crate::api::Price;
use crate::billing::Debt;
use crate::deadline::Deadline;
use crate::late_payment::RECOVERY_INDEMNITY_CENTS;

/// The amount owed on an invoice, and what it is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountDue {
    /// Left to pay of the invoice itself; `None` when it cannot be known (the
    /// structure does not report its payments, or the API did not say).
    pub principal_cents: Option<i64>,
    /// Interest and indemnity owed for lateness, when the invoice is late.
    pub late: Option<LateCharges>,
}

/// The late-payment interest and the recovery indemnity of a late invoice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateCharges {
    /// `None` when it cannot be computed (the indemnity is owed all the same).
    pub interest_cents: Option<i64>,
    pub indemnity_cents: i64,
    /// Still unpaid: the interest grows every day until the payment.
    pub growing: bool,
    /// Paid late: by when the interest and the indemnity must be paid.
    pub pay_by: Option<NaiveDate>,
}

impl LateCharges {
    /// Interest plus indemnity; `None` when the interest is not known.
    pub fn total_cents(&self) -> Option<i64> {
        self.interest_cents?.checked_add(self.indemnity_cents)
    }
}

impl AmountDue {
    /// Everything owed now; `None` when a part of it is not known.
    pub fn total_cents(&self) -> Option<i64> {
        let principal = self.principal_cents?;
        match &self.late {
            None => Some(principal),
            Some(late) => principal.checked_add(late.total_cents()?),
        }
    }
}

/// What is left to pay of the invoice itself: the debt's pending amount, or,
/// when the API did not give the debt, the whole invoice while it is not put in
/// payment (Chorus Pro's mise en paiement pays an invoice in full).
fn principal(deadline: &Deadline, debt: Option<&Debt>, invoice: &Price) -> Option<i64> {
    match debt {
        Some(debt) => debt.pending_amount.as_ref()?.checked_cents(),
        None => match deadline {
            Deadline::NotStarted { .. }
            | Deadline::Running { .. }
            | Deadline::Interrupted { .. }
            | Deadline::Overdue { .. } => invoice.checked_cents(),
            _ => None,
        },
    }
}

/// What is owed on an invoice whose deadline is `deadline` (as checked), whose
/// debt the API gave as `debt`, and whose amount including VAT is `invoice`.
/// Put in payment, the invoice itself is settled; rejected, nothing is owed on it.
pub fn amount_due(deadline: &Deadline, debt: Option<&Debt>, invoice: &Price) -> AmountDue {
    let principal_cents = principal(deadline, debt, invoice);
    match deadline {
        Deadline::PaidOnTime { .. } | Deadline::Void => AmountDue {
            principal_cents: Some(0),
            late: None,
        },
        Deadline::PaidLate {
            interest, pay_by, ..
        } => AmountDue {
            principal_cents: Some(0),
            late: Some(LateCharges {
                interest_cents: interest.as_ref().map(|i| i.interest_cents),
                indemnity_cents: RECOVERY_INDEMNITY_CENTS,
                growing: false,
                pay_by: Some(*pay_by),
            }),
        },
        Deadline::Overdue { interest, .. } => AmountDue {
            principal_cents,
            late: Some(LateCharges {
                interest_cents: interest.as_ref().map(|i| i.interest_cents),
                indemnity_cents: RECOVERY_INDEMNITY_CENTS,
                growing: true,
                pay_by: None,
            }),
        },
        // Whether it was paid, and when, is not known: neither is what is left.
        Deadline::PaymentNotReported { .. } => AmountDue {
            principal_cents: None,
            late: None,
        },
        Deadline::NotStarted { .. }
        | Deadline::Running { .. }
        | Deadline::Interrupted { .. }
        | Deadline::Unknown => AmountDue {
            principal_cents,
            late: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::billing::DebtStatus;
    use crate::late_payment::late_interest;

    fn debt(status: DebtStatus, pending_cents: Option<i64>) -> Debt {
        Debt {
            status,
            due_date: None,
            amount: Price::eur(120_000),
            pending_amount: pending_cents.map(Price::eur),
        }
    }

    fn due(deadline: &Deadline, pending_cents: Option<i64>) -> AmountDue {
        amount_due(
            deadline,
            Some(&debt(DebtStatus::Unknown, pending_cents)),
            &Price::eur(120_000),
        )
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn r2192_36_paid_late_the_interest_and_the_indemnity_are_still_owed() {
        // 1 200 € due 1 April, put in payment 21 April: 20 days at 10.15 %,
        // 1200 × 0.1015 × 20 / 365 = 6.67 €, plus 40 €, by 5 June.
        let interest = late_interest(120_000, day("2026-04-01"), day("2026-04-21"));
        let paid_late = Deadline::PaidLate {
            due_date: day("2026-04-01"),
            paid_on: day("2026-04-21"),
            days_late: 20,
            interest,
            pay_by: day("2026-06-05"),
        };
        // The debt says nothing is left of the invoice itself.
        let due = due(&paid_late, Some(0));
        assert_eq!(due.principal_cents, Some(0));
        let late = due.late.as_ref().unwrap();
        assert_eq!(late.interest_cents, Some(667));
        assert_eq!(late.indemnity_cents, 4000);
        assert_eq!(late.pay_by, Some(day("2026-06-05")));
        assert!(!late.growing);
        assert_eq!(due.total_cents(), Some(4667));
    }

    #[test]
    fn l2192_13_overdue_the_invoice_its_interest_so_far_and_the_indemnity() {
        // Due 1 April, 10 days late on 11 April: 3.34 € + 40 € on 1 200 €.
        let overdue = Deadline::Overdue {
            start_date: day("2026-03-02"),
            days: 30,
            interruption: None,
            due_date: day("2026-04-01"),
            days_late: 10,
            interest: late_interest(120_000, day("2026-04-01"), day("2026-04-11")),
        };
        let due = due(&overdue, Some(120_000));
        assert_eq!(due.total_cents(), Some(124_334));
        assert!(due.late.unwrap().growing);
    }

    #[test]
    fn d2192_35_an_interest_that_cannot_be_computed_leaves_the_total_unknown() {
        let paid_late = Deadline::PaidLate {
            due_date: day("2026-04-01"),
            paid_on: day("2026-04-21"),
            days_late: 20,
            interest: None,
            pay_by: day("2026-06-05"),
        };
        let due = due(&paid_late, Some(0));
        assert_eq!(due.late.as_ref().unwrap().indemnity_cents, 4000);
        assert_eq!(due.total_cents(), None);
    }

    #[test]
    fn on_time_void_or_not_late_nothing_is_added_to_the_invoice() {
        let on_time = Deadline::PaidOnTime {
            due_date: day("2026-04-01"),
            paid_on: day("2026-03-30"),
        };
        assert_eq!(due(&on_time, Some(0)).total_cents(), Some(0));
        // Rejected: void, whatever the debt still says.
        assert_eq!(due(&Deadline::Void, Some(120_000)).total_cents(), Some(0));
        let running = Deadline::Running {
            start_date: day("2026-03-02"),
            days: 30,
            interruption: None,
            due_date: day("2026-04-01"),
            days_left: 5,
        };
        let owed = due(&running, Some(120_000));
        assert_eq!((owed.total_cents(), owed.late), (Some(120_000), None));
        // The debt cannot say what is left: neither can the page.
        assert_eq!(due(&running, None).total_cents(), None);
        // No debt from the API: nothing is paid before the mise en paiement.
        let invoice = Price::eur(120_000);
        assert_eq!(
            amount_due(&running, None, &invoice).total_cents(),
            Some(120_000)
        );
        assert_eq!(
            amount_due(&Deadline::Unknown, None, &invoice).total_cents(),
            None
        );
        let not_reported = Deadline::PaymentNotReported {
            start_date: day("2026-03-02"),
            days: 30,
            interruption: None,
            due_date: day("2026-04-01"),
        };
        assert_eq!(due(&not_reported, Some(120_000)).total_cents(), None);
    }
}
