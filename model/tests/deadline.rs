//! Properties of the payment deadline over histories Chorus Pro can produce, and
//! over any history at all: a due date never precedes its start, interest is never
//! negative and grows with the days late, a void invoice owes nothing, a structure
//! that does not report payment is never called late, and nothing panics.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use mandat_model::billing::{debt_status, DebtStatus};
use mandat_model::chorus::{can_append, ChorusEvent, ChorusStatus};
use mandat_model::deadline::{deadline, Deadline, DeadlineTerms};
use proptest::prelude::*;

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn start() -> DateTime<Utc> {
    "2024-01-01T08:00:00Z".parse().unwrap()
}

/// A history Chorus Pro accepts: from DEPOSEE, each step one the rules allow
/// (picked among all statuses by `picks`), a few days apart.
fn lawful_history(picks: &[(usize, u8)]) -> Vec<ChorusEvent> {
    let mut events = vec![ChorusEvent {
        status: ChorusStatus::Deposee,
        date: start(),
        actor: ChorusStatus::Deposee.actor(),
        reason: None,
    }];
    let mut date = start();
    for &(pick, gap) in picks {
        let allowed: Vec<ChorusStatus> = ChorusStatus::ALL
            .into_iter()
            .filter(|s| can_append(&events, *s))
            .collect();
        if allowed.is_empty() {
            break;
        }
        let status = allowed[pick % allowed.len()];
        date += Duration::hours(i64::from(gap) * 7);
        events.push(ChorusEvent {
            status,
            date,
            actor: status.actor(),
            reason: status.requires_reason().then(|| "motif".to_string()),
        });
    }
    events
}

fn terms() -> impl Strategy<Value = DeadlineTerms> {
    (
        prop_oneof![Just(30u32), Just(50), Just(60)],
        any::<bool>(),
        0i64..10_000_000_000,
    )
        .prop_map(|(days, payment_not_reported, amount_cents)| DeadlineTerms {
            days,
            payment_not_reported,
            amount_cents,
        })
}

fn day_offset() -> impl Strategy<Value = i64> {
    0i64..1_500
}

fn today(offset: i64) -> NaiveDate {
    start().date_naive() + Duration::days(offset)
}

fn start_and_due(state: &Deadline) -> Option<(NaiveDate, NaiveDate)> {
    match state {
        Deadline::Running {
            start_date,
            due_date,
            ..
        }
        | Deadline::Overdue {
            start_date,
            due_date,
            ..
        }
        | Deadline::PaymentNotReported {
            start_date,
            due_date,
            ..
        } => Some((*start_date, *due_date)),
        _ => None,
    }
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn lawful_histories_give_a_consistent_deadline(
        picks in proptest::collection::vec((0usize..12, 1u8..200), 0..14),
        terms in terms(),
        offset in day_offset(),
    ) {
        let history = lawful_history(&picks);
        let state = deadline(&history, terms, today(offset));
        prop_assert_ne!(&state, &Deadline::Unknown, "{:?}", history);
        if let Some((start, due)) = start_and_due(&state) {
            prop_assert!(due >= start, "due {} before start {}", due, start);
        }
        if let Some(interest) = state.late_interest() {
            prop_assert!(interest.interest_cents >= 0);
            prop_assert!(interest.days_late > 0);
            prop_assert_eq!(interest.indemnity_cents, 4000);
        }
        let rejected = history.iter().any(|e| e.status == ChorusStatus::Rejetee);
        prop_assert_eq!(rejected, state == Deadline::Void);
        if rejected {
            prop_assert_eq!(state.due_date(), None);
            prop_assert_eq!(debt_status(&state), DebtStatus::Cancelled);
        }
        let paid = history.iter().any(|e| e.status == ChorusStatus::MiseEnPaiement);
        if terms.payment_not_reported && !paid {
            prop_assert!(!matches!(state, Deadline::Overdue { .. }), "{:?}", state);
            prop_assert_eq!(state.late_interest(), None);
        }
        if let Deadline::Running { days_left, due_date, .. } = &state {
            prop_assert!(*days_left >= 0);
            prop_assert_eq!(*due_date, today(offset) + Duration::days(*days_left));
        }
        // What the sandbox sends is what the app keeps.
        prop_assert_eq!(state.clone().checked(), state);
    }

    #[test]
    fn interest_grows_with_the_days_late(
        picks in proptest::collection::vec((0usize..12, 1u8..200), 0..14),
        terms in terms(),
        offset in day_offset(),
        more in 1i64..400,
    ) {
        let history = lawful_history(&picks);
        let now = deadline(&history, terms, today(offset));
        let later = deadline(&history, terms, today(offset + more));
        if let (
            Deadline::Overdue { days_late: a, interest: Some(x), .. },
            Deadline::Overdue { days_late: b, interest: Some(y), .. },
        ) = (&now, &later) {
            prop_assert_eq!(*b, *a + more);
            prop_assert!(y.interest_cents >= x.interest_cents);
        }
        // Once overdue, it stays overdue until something happens on Chorus Pro.
        if matches!(now, Deadline::Overdue { .. }) {
            let still_overdue = matches!(later, Deadline::Overdue { .. });
            prop_assert!(still_overdue);
        }
    }

    #[test]
    fn any_history_at_all_never_panics(
        raw in proptest::collection::vec((0usize..13, any::<i64>()), 0..12),
        days in any::<u32>(),
        payment_not_reported in any::<bool>(),
        amount_cents in any::<i64>(),
        today_days in any::<i32>(),
    ) {
        let all: Vec<ChorusStatus> = ChorusStatus::ALL
            .into_iter()
            .chain([ChorusStatus::Unknown])
            .collect();
        let history: Vec<ChorusEvent> = raw
            .iter()
            .map(|&(i, seconds)| {
                let status = all[i % all.len()];
                ChorusEvent {
                    status,
                    date: DateTime::from_timestamp(seconds % 8_000_000_000_000, 0)
                        .unwrap_or(DateTime::<Utc>::MAX_UTC),
                    actor: status.actor(),
                    reason: None,
                }
            })
            .collect();
        let today = NaiveDate::from_num_days_from_ce_opt(today_days).unwrap_or(NaiveDate::MAX);
        let terms = DeadlineTerms { days, payment_not_reported, amount_cents };
        let state = deadline(&history, terms, today);
        if let Some(interest) = state.late_interest() {
            prop_assert!(interest.interest_cents >= 0);
        }
        let checked = state.checked();
        prop_assert_eq!(checked.clone().checked(), checked);
    }
}
