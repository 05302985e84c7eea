//! The estimate of what a public buyer owes when it pays after the deadline
//! (Code de la commande publique, R. 2192-31 to R. 2192-36): interest at the ECB
//! main refinancing rate plus 8 points, and a fixed 40 € recovery indemnity.

use chrono::{Datelike, NaiveDate};

/// The fixed recovery indemnity, owed once per late invoice.
pub const RECOVERY_INDEMNITY_CENTS: i64 = 4000;

/// Added to the ECB rate, in basis points.
pub const LATE_PAYMENT_MARGIN_BP: u32 = 800;

/// ECB main refinancing operations rate changes: (effective date, basis points).
/// The estimate keeps the last known rate after the last change listed.
const ECB_MAIN_REFINANCING_RATE: [(i32, u32, u32, u32); 8] = [
    (2023, 9, 20, 450),
    (2024, 6, 12, 425),
    (2024, 9, 18, 365),
    (2024, 10, 23, 340),
    (2024, 12, 18, 315),
    (2025, 2, 5, 290),
    (2025, 3, 12, 265),
    (2025, 6, 11, 215),
];

/// The ECB rate that applies to interest starting on `day`: the one in force on
/// the first day of that half-year (1 January or 1 July).
pub fn reference_rate_bp(day: NaiveDate) -> u32 {
    let half_year_start =
        NaiveDate::from_ymd_opt(day.year(), if day.month() <= 6 { 1 } else { 7 }, 1)
            .expect("first day of a half-year exists");
    ECB_MAIN_REFINANCING_RATE
        .iter()
        .rev()
        .find(|(y, m, d, _)| {
            NaiveDate::from_ymd_opt(*y, *m, *d).is_some_and(|since| since <= half_year_start)
        })
        .map(|(_, _, _, bp)| *bp)
        .unwrap_or(ECB_MAIN_REFINANCING_RATE[0].3)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LatePaymentEstimate {
    pub days_late: i64,
    /// ECB rate plus the 8-point margin, in basis points.
    pub annual_rate_bp: u32,
    pub interest_cents: i64,
    pub indemnity_cents: i64,
}

impl LatePaymentEstimate {
    pub fn total_cents(&self) -> i64 {
        self.interest_cents + self.indemnity_cents
    }
}

/// `None` while the invoice is not late; otherwise interest on the amount
/// including tax, day by day from the day after the due date, on a 365-day year.
pub fn late_payment_estimate(
    amount_cents: i64,
    due_date: NaiveDate,
    today: NaiveDate,
) -> Option<LatePaymentEstimate> {
    let days_late = (today - due_date).num_days();
    if days_late <= 0 {
        return None;
    }
    let first_late_day = due_date.succ_opt()?;
    let annual_rate_bp = reference_rate_bp(first_late_day) + LATE_PAYMENT_MARGIN_BP;
    // Integer arithmetic, rounded half up to the cent.
    let numerator = i128::from(amount_cents) * i128::from(annual_rate_bp) * i128::from(days_late);
    let denominator = 10_000i128 * 365;
    let interest_cents = ((numerator * 2 + denominator) / (denominator * 2)) as i64;
    Some(LatePaymentEstimate {
        days_late,
        annual_rate_bp,
        interest_cents,
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
    fn nothing_is_owed_on_or_before_the_due_date() {
        assert_eq!(
            late_payment_estimate(120_000, day("2026-03-10"), day("2026-03-01")),
            None
        );
        assert_eq!(
            late_payment_estimate(120_000, day("2026-03-10"), day("2026-03-10")),
            None
        );
    }

    #[test]
    fn interest_runs_per_day_at_the_half_year_rate_plus_eight_points() {
        // 2.15 % + 8 = 10.15 %; 1 200 € over 10 days: 1200 * 0.1015 * 10 / 365 = 3.3370 €.
        let estimate =
            late_payment_estimate(120_000, day("2026-03-10"), day("2026-03-20")).unwrap();
        assert_eq!(estimate.days_late, 10);
        assert_eq!(estimate.annual_rate_bp, 1015);
        assert_eq!(estimate.interest_cents, 334);
        assert_eq!(estimate.indemnity_cents, 4000);
        assert_eq!(estimate.total_cents(), 4334);
    }

    #[test]
    fn the_rate_is_the_one_in_force_on_the_first_day_of_the_half_year() {
        // Cut to 2.15 % on 11 June 2025: not yet in force on 1 January 2025 (3.15 %),
        // in force for the second half of 2025.
        assert_eq!(reference_rate_bp(day("2025-06-30")), 315);
        assert_eq!(reference_rate_bp(day("2025-07-01")), 215);
        assert_eq!(reference_rate_bp(day("2024-03-01")), 450);
        assert_eq!(reference_rate_bp(day("2027-11-01")), 215);
    }
}
