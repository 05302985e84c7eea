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
        let mut interest = late_interest(120_000, day("2026-04-01"), day("2026-04-21")).unwrap();
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
