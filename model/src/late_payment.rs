//! What a public buyer owes when it pays an invoice after its due date (Code de la
//! commande publique):
//! - L2192-13: the late payment makes interest and the recovery indemnity due by
//!   law, from the day after the deadline expires, with no formality;
//! - R2192-31: the rate is the ECB main refinancing rate in force on the first day
//!   of the half-year in which the interest started to run, plus 8 points;
//! - the interest runs to the day the principal is put in payment (*mise en
//!   paiement*), that day included (DOMAIN.md, R2192-31 to R2192-36);
//! - D2192-35: the recovery indemnity is 40 € per invoice;
//! - R2192-36: interest and indemnity are paid within 45 days of the principal's
//!   mise en paiement.
//!
//! Interest = amount including VAT × rate × days late / 365, as the Ministry of the
//! Economy's legal department (DAJ) computes it in its guide to payment deadlines.
//! Integer arithmetic, checked: a figure that cannot be computed is `None`, never
//! a wrong one.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The fixed recovery indemnity, owed once per late invoice (D2192-35).
pub const RECOVERY_INDEMNITY_CENTS: i64 = 4000;

/// Added to the ECB rate, in basis points (R2192-31).
pub const LATE_PAYMENT_MARGIN_BP: u32 = 800;

/// Days after the principal's mise en paiement within which the interest and the
/// indemnity must be paid (R2192-36).
pub const INTEREST_PAYMENT_DAYS: u64 = 45;

/// The ECB main refinancing operations rate in force on the first day of each
/// half-year, in basis points: (year, first month of the half-year, rate).
///
/// Source: European Central Bank, "Key ECB interest rates", main refinancing
/// operations, every change since 2012: 0.75 % from 11 July 2012, 0.50 % from
/// 8 May 2013, 0.25 % from 13 November 2013, 0.15 % from 11 June 2014, 0.05 %
/// from 10 September 2014, 0.00 % from 16 March 2016, 0.50 % from 27 July 2022,
/// 1.25 % from 14 September 2022, 2.00 % from 2 November 2022, 2.50 % from
/// 21 December 2022, 3.00 % from 8 February 2023, 3.50 % from 22 March 2023,
/// 3.75 % from 10 May 2023, 4.00 % from 21 June 2023, 4.25 % from 2 August 2023,
/// 4.50 % from 20 September 2023, 4.25 % from 12 June 2024, 3.65 % from
/// 18 September 2024, 3.40 % from 23 October 2024, 3.15 % from 18 December 2024,
/// 2.90 % from 5 February 2025, 2.65 % from 12 March 2025, 2.40 % from 23 April
/// 2025, 2.15 % from 11 June 2025. Only the rate in force on each 1 January and
/// 1 July counts: the half-year rates the DAJ publishes for public contracts.
/// The +8 points apply to contracts under the decree of 29 March 2013 and after
/// (contracts launched before 16 March 2013 had +7): this product's invoices are.
/// The table ends where the product's rate data ends (DOMAIN.md: 1 January 2026);
/// add each next anchor when the DAJ publishes it: until then the page says that
/// the last known rate is used.
const ECB_RATE_ON_HALF_YEAR: [(i32, u32, u32); 27] = [
    (2013, 1, 75),
    (2013, 7, 50),
    (2014, 1, 25),
    (2014, 7, 15),
    (2015, 1, 5),
    (2015, 7, 5),
    (2016, 1, 5),
    (2016, 7, 0),
    (2017, 1, 0),
    (2017, 7, 0),
    (2018, 1, 0),
    (2018, 7, 0),
    (2019, 1, 0),
    (2019, 7, 0),
    (2020, 1, 0),
    (2020, 7, 0),
    (2021, 1, 0),
    (2021, 7, 0),
    (2022, 1, 0),
    (2022, 7, 0),
    (2023, 1, 250),
    (2023, 7, 400),
    (2024, 1, 450),
    (2024, 7, 425),
    (2025, 1, 315),
    (2025, 7, 215),
    (2026, 1, 215),
];

/// The ECB rate that applies to interest that started to run on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceRate {
    /// The first day of the half-year in which the interest started to run.
    pub half_year: NaiveDate,
    /// The anchor whose rate is used: `half_year` itself, or the last anchor
    /// known when `half_year` is past the table.
    pub rate_from: NaiveDate,
    pub ecb_rate_bp: u32,
}

impl ReferenceRate {
    /// The half-year's own rate is not in the table yet: the last known one is used.
    pub fn is_last_known(&self) -> bool {
        self.rate_from != self.half_year
    }
}

/// The first day of the half-year `day` falls in (1 January or 1 July).
pub fn half_year_start(day: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), if day.month() <= 6 { 1 } else { 7 }, 1)
}

/// The rate for interest that started to run on `first_late_day` (R2192-31);
/// `None` before the table's first half-year (2013), where it is not known here.
pub fn reference_rate(first_late_day: NaiveDate) -> Option<ReferenceRate> {
    let half_year = half_year_start(first_late_day)?;
    let (rate_from, ecb_rate_bp) = ECB_RATE_ON_HALF_YEAR
        .iter()
        .filter_map(|&(y, m, bp)| Some((NaiveDate::from_ymd_opt(y, m, 1)?, bp)))
        .take_while(|(anchor, _)| *anchor <= half_year)
        .last()?;
    Some(ReferenceRate {
        half_year,
        rate_from,
        ecb_rate_bp,
    })
}

/// Late-payment interest and indemnity of one invoice, for a number of days late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LateInterest {
    /// Days from the day after the due date to the last day counted, inclusive.
    pub days_late: i64,
    /// The first day of the half-year whose ECB rate applies.
    #[serde(deserialize_with = "crate::wire_time::day")]
    pub half_year: NaiveDate,
    /// The anchor of the ECB rate used: later than `half_year` never; earlier when
    /// the half-year's own rate is not known yet and the last known one is used.
    #[serde(deserialize_with = "crate::wire_time::day")]
    pub rate_from: NaiveDate,
    pub ecb_rate_bp: u32,
    /// ECB rate plus the 8-point margin.
    pub annual_rate_bp: u32,
    /// The amount including VAT the interest is computed on.
    pub amount_cents: i64,
    pub interest_cents: i64,
    pub indemnity_cents: i64,
}

impl LateInterest {
    /// Interest plus indemnity; `None` if it overflows.
    pub fn total_cents(&self) -> Option<i64> {
        self.interest_cents.checked_add(self.indemnity_cents)
    }

    /// The half-year's own ECB rate is not known here: the last known one is used.
    pub fn rate_is_last_known(&self) -> bool {
        self.rate_from != self.half_year
    }
}

/// The interest on `amount_cents` (VAT included) for an invoice due on `due_date`
/// and paid (or still unpaid) on `last_day`, counted inclusive. `None` when it is
/// not late, when the amount is negative, before 2013 (rate unknown here), or when
/// a figure would overflow.
pub fn late_interest(
    amount_cents: i64,
    due_date: NaiveDate,
    last_day: NaiveDate,
) -> Option<LateInterest> {
    if amount_cents < 0 {
        return None;
    }
    let days_late = last_day.signed_duration_since(due_date).num_days();
    if days_late <= 0 {
        return None;
    }
    let rate = reference_rate(due_date.succ_opt()?)?;
    let annual_rate_bp = rate.ecb_rate_bp.checked_add(LATE_PAYMENT_MARGIN_BP)?;
    let numerator = i128::from(amount_cents)
        .checked_mul(i128::from(annual_rate_bp))?
        .checked_mul(i128::from(days_late))?;
    let denominator = 10_000i128 * 365;
    // Rounded half up to the cent.
    let interest = numerator.checked_mul(2)?.checked_add(denominator)? / (denominator * 2);
    Some(LateInterest {
        days_late,
        half_year: rate.half_year,
        rate_from: rate.rate_from,
        ecb_rate_bp: rate.ecb_rate_bp,
        annual_rate_bp,
        amount_cents,
        interest_cents: i64::try_from(interest).ok()?,
        indemnity_cents: RECOVERY_INDEMNITY_CENTS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn l2192_13_nothing_is_owed_on_or_before_the_due_date() {
        assert_eq!(
            late_interest(120_000, day("2026-03-10"), day("2026-03-01")),
            None
        );
        assert_eq!(
            late_interest(120_000, day("2026-03-10"), day("2026-03-10")),
            None
        );
    }

    #[test]
    fn l2192_13_interest_runs_from_the_day_after_the_due_date_to_the_payment_inclusive() {
        // Due 10 March, put in payment 11 March: one day of interest.
        let one = late_interest(120_000, day("2026-03-10"), day("2026-03-11")).unwrap();
        assert_eq!(one.days_late, 1);
        // 2.15 % + 8 = 10.15 %; 1 200 € over 10 days: 1200 × 0.1015 × 10 / 365 = 3.3370 €.
        let ten = late_interest(120_000, day("2026-03-10"), day("2026-03-20")).unwrap();
        assert_eq!(ten.days_late, 10);
        assert_eq!(ten.annual_rate_bp, 1015);
        assert_eq!(ten.interest_cents, 334);
        assert_eq!(ten.total_cents(), Some(4334));
    }

    #[test]
    fn d2192_35_the_indemnity_is_forty_euros_per_invoice_whatever_the_amount() {
        for amount in [1, 100, 120_000, 99_999_999] {
            let late = late_interest(amount, day("2025-03-10"), day("2025-04-10")).unwrap();
            assert_eq!(late.indemnity_cents, 4000);
        }
    }

    #[test]
    fn r2192_31_the_rate_is_the_one_in_force_on_the_first_day_of_the_half_year() {
        // Cut to 2.15 % on 11 June 2025: not yet in force on 1 January 2025 (3.15 %),
        // in force for the second half of 2025.
        let rate = |d: &str| reference_rate(day(d)).map(|r| r.ecb_rate_bp);
        assert_eq!(rate("2025-06-30"), Some(315));
        assert_eq!(rate("2025-07-01"), Some(215));
        // 4.50 % from 20 September 2023: the second half of 2023 keeps 4.00 %.
        assert_eq!(rate("2023-12-31"), Some(400));
        assert_eq!(rate("2024-03-01"), Some(450));
        // Raised on 27 July 2022: the second half of 2022 starts at 0.00 %.
        assert_eq!(rate("2022-12-01"), Some(0));
        assert_eq!(rate("2023-01-01"), Some(250));
        assert_eq!(rate("2013-01-01"), Some(75));
        assert_eq!(rate("2012-12-31"), None);
        // Interest that started in the second half of 2024, due 30 June 2024:
        // 4.25 % + 8 = 12.25 %; 10 000 € over 30 days = 100.68 €.
        let late = late_interest(1_000_000, day("2024-06-30"), day("2024-07-30")).unwrap();
        assert_eq!(late.half_year, day("2024-07-01"));
        assert_eq!(late.annual_rate_bp, 1225);
        assert_eq!(late.interest_cents, 10_068);
        // Due 29 June: the first late day, 30 June, is in the first half (4.50 %).
        let late = late_interest(1_000_000, day("2024-06-29"), day("2024-07-29")).unwrap();
        assert_eq!(late.annual_rate_bp, 1250);
    }

    #[test]
    fn every_half_year_from_2013_has_its_anchor() {
        let mut anchor = day("2013-01-01");
        for (year, month, _) in ECB_RATE_ON_HALF_YEAR {
            assert_eq!(NaiveDate::from_ymd_opt(year, month, 1), Some(anchor));
            let rate = reference_rate(anchor).unwrap();
            assert!(!rate.is_last_known(), "{anchor}");
            anchor = anchor.checked_add_months(chrono::Months::new(6)).unwrap();
        }
    }

    #[test]
    fn past_the_last_anchor_the_last_rate_is_used_and_said_so() {
        // Far enough that no anchor will be added before it.
        let last = ECB_RATE_ON_HALF_YEAR[ECB_RATE_ON_HALF_YEAR.len() - 1];
        let last_anchor = NaiveDate::from_ymd_opt(last.0, last.1, 1).unwrap();
        let rate = reference_rate(day("2099-11-01")).unwrap();
        assert_eq!(rate.half_year, day("2099-07-01"));
        assert_eq!(rate.rate_from, last_anchor);
        assert_eq!(rate.ecb_rate_bp, last.2);
        assert!(rate.is_last_known());
        let late = late_interest(100_000, day("2099-08-01"), day("2099-08-11")).unwrap();
        assert!(late.rate_is_last_known());
        assert!(
            !late_interest(100_000, day("2026-03-01"), day("2026-03-11"))
                .unwrap()
                .rate_is_last_known()
        );
    }

    #[test]
    fn absurd_inputs_give_no_figure_rather_than_a_wrong_one() {
        assert_eq!(
            late_interest(-1, day("2026-03-10"), day("2026-03-20")),
            None
        );
        assert_eq!(
            late_interest(i64::MAX, NaiveDate::MIN, NaiveDate::MAX),
            None
        );
        assert_eq!(
            late_interest(100, day("2010-03-10"), day("2010-03-20")),
            None
        );
    }
}
