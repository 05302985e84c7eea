//! Sums of money as the provider bills them: integer cents, 20 % VAT rounded to
//! the cent, and `None` rather than a wrapped or saturated sum when an amount is
//! out of range.

/// The French standard VAT rate, in percent.
pub const VAT_PERCENT: i64 = 20;

/// The VAT on an amount before tax, rounded half up to the cent, so that
/// HT + TVA = TTC exactly. `None` when the amount is out of range.
pub fn vat(ht_cents: i64) -> Option<i64> {
    Some(
        ht_cents
            .checked_mul(VAT_PERCENT)?
            .checked_add(50)?
            .div_euclid(100),
    )
}

/// The VAT and the amount with tax of an amount before tax; `None` when out of range.
pub fn with_vat(ht_cents: i64) -> Option<(i64, i64)> {
    let tax = vat(ht_cents)?;
    Some((tax, ht_cents.checked_add(tax)?))
}

/// A line's total: quantity times unit price; `None` when out of range.
pub fn line_total(quantity: i64, unit_cents: i64) -> Option<i64> {
    quantity.checked_mul(unit_cents)
}

/// The total before tax of lines given as (quantity, unit price), added up
/// exactly; `None` when any product or the sum is out of range.
pub fn lines_total(lines: impl IntoIterator<Item = (i64, i64)>) -> Option<i64> {
    lines.into_iter().try_fold(0i64, |total, (quantity, unit)| {
        total.checked_add(line_total(quantity, unit)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_rounded_half_up_to_the_cent() {
        assert_eq!(vat(11988), Some(2398)); // 23.976 → 23.98
        assert_eq!(vat(2399), Some(480)); // 4.798 → 4.80
        assert_eq!(vat(1), Some(0)); // 0.002 → 0.00
        assert_eq!(vat(3), Some(1)); // 0.006 → 0.01
        assert_eq!(vat(0), Some(0));
    }

    #[test]
    fn with_tax_adds_up_exactly() {
        for ht in [0, 1, 2, 3, 799, 11988, 359976, 1_000_000_007] {
            let (tax, ttc) = with_vat(ht).unwrap();
            assert_eq!(ht + tax, ttc);
        }
    }

    #[test]
    fn out_of_range_amounts_are_none_not_wrapped() {
        assert_eq!(vat(i64::MAX), None);
        assert_eq!(with_vat(i64::MAX / 20), None);
        assert_eq!(line_total(i64::MAX, 2), None);
        assert_eq!(lines_total([(1, i64::MAX), (1, 1)]), None);
    }

    #[test]
    fn lines_add_up_quantity_times_unit() {
        assert_eq!(lines_total([(1, 23988), (2, 799), (25, 320)]), Some(33586));
        assert_eq!(lines_total([]), Some(0));
    }
}
