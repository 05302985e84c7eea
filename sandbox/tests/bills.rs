//! Invoices: list filters and pages, debts, Chorus Pro tracking of every seeded state,
//! the operator's lifecycle events and the demo clock.

mod common;

use axum::http::StatusCode;
use common::Sandbox;
use mandat_model::billing::{Bill, BillCategory, BillPage, ChorusTracking, Debt, DebtStatus};
use mandat_model::chorus::ChorusStatus::{self, *};
use mandat_model::deadline::Deadline;
use serde_json::json;

#[tokio::test]
async fn seeded_invoices_cover_every_chorus_state_for_each_public_account() {
    let sb = Sandbox::new();
    for (account, prefix) in [("commune", "FR1"), ("hopital", "FR2")] {
        let c = sb.login(account).await;
        let page: BillPage = sb.get("/api/me/bill?pageSize=100", Some(&c)).await.decode();
        assert_eq!(page.total, 12);
        assert!(page.bills.iter().all(|b| b.bill_id.starts_with(prefix)));
        let mut seen = std::collections::HashSet::new();
        for bill in &page.bills {
            let t: ChorusTracking = sb
                .get(&format!("/api/me/bill/{}/chorus", bill.bill_id), Some(&c))
                .await
                .decode();
            assert_eq!(t.status, bill.chorus_status, "{}", bill.bill_id);
            assert!(
                t.history.windows(2).all(|w| w[0].date <= w[1].date),
                "sorted by date"
            );
            for e in &t.history {
                seen.insert(e.status);
                assert_eq!(e.actor, e.status.actor());
                if e.status.requires_reason() {
                    assert!(e.reason.is_some(), "{} {:?}", bill.bill_id, e.status);
                }
            }
        }
        for status in ChorusStatus::ALL {
            assert!(seen.contains(&status), "{account} lacks {status:?}");
        }
        let get = |id: &'static str| {
            let c = c.clone();
            let sb = &sb;
            async move {
                let id = format!("{prefix}{}", &id[3..]);
                sb.get(&format!("/api/me/bill/{id}/chorus"), Some(&c))
                    .await
                    .decode::<ChorusTracking>()
            }
        };
        // Suspended then completed: a new deadline opened on completion (25 days
        // ago), of 30 days, or of the balance left when the hospital's is longer.
        let t = get("FR1000002").await;
        match t.deadline.unwrap() {
            Deadline::Running {
                interruption: Some(i),
                days_left,
                ..
            } => {
                assert!(i.resumed_on.is_some());
                assert_eq!(i.new_days, i.balance_days.max(30));
                assert!(days_left > 0, "not late: {days_left}");
            }
            other => panic!("{account} 2: {other:?}"),
        }
        // Currently suspended with a reason to render as text: interrupted, no countdown.
        let t = get("FR1000003").await;
        assert_eq!(t.status, Some(Suspendue));
        assert!(t
            .history
            .last()
            .unwrap()
            .reason
            .as_deref()
            .unwrap()
            .contains("<script>"));
        assert!(
            matches!(t.deadline, Some(Deadline::Interrupted { .. })),
            "{:?}",
            t.deadline
        );
        let t = get("FR1000004").await;
        assert_eq!(t.status, Some(ARecycler));
        assert_eq!(
            t.deadline,
            Some(Deadline::NotStarted {
                after_recycling: true
            })
        );
        let t = get("FR1000005").await;
        assert_eq!(t.status, Some(Rejetee));
        assert_eq!(t.deadline, Some(Deadline::Void));
        // MANDATEE dated after MISE_EN_PAIEMENT: still paid, on time.
        let t = get("FR1000006").await;
        assert_eq!(t.status, Some(MiseEnPaiement));
        assert_eq!(t.history.last().unwrap().status, Mandatee);
        assert!(matches!(t.deadline, Some(Deadline::PaidOnTime { .. })));
        let t = get("FR1000007").await;
        match t.deadline.unwrap() {
            Deadline::Overdue {
                days_late,
                interest: Some(interest),
                ..
            } => {
                assert!(days_late > 0);
                assert_eq!(interest.days_late, days_late);
                assert!(interest.interest_cents > 0);
                assert_eq!(interest.indemnity_cents, 4000);
            }
            other => panic!("{account} 7: {other:?}"),
        }
        let bill: Bill = sb
            .get(&format!("/api/me/bill/{prefix}000008"), Some(&c))
            .await
            .decode();
        assert_eq!(bill.category, BillCategory::Autorenew);
        let t = get("FR1000009").await;
        assert!(t.statut_mise_en_paiement_nest_pas_remonte);
        assert_eq!(t.status, Some(Comptabilisee));
        // Past its due date, yet never called late.
        assert!(
            matches!(t.deadline, Some(Deadline::PaymentNotReported { .. })),
            "{:?}",
            t.deadline
        );
        // Paid late: 40 days at 30 days' deadline, 20 at 50; owed within 45 days.
        let t = get("FR1000012").await;
        match t.deadline.unwrap() {
            Deadline::PaidLate {
                due_date,
                paid_on,
                days_late,
                interest: Some(interest),
                pay_by,
            } => {
                assert_eq!((paid_on - due_date).num_days(), days_late);
                // 40 days late at 30 days' deadline, 20 at 50; a Paris date may
                // shift by one around a time change.
                let expected: i64 = if account == "commune" { 40 } else { 20 };
                assert!((days_late - expected).abs() <= 1, "{days_late}");
                assert_eq!(interest.days_late, days_late);
                assert_eq!((pay_by - paid_on).num_days(), 45);
            }
            other => panic!("{account} 12: {other:?}"),
        }
        // The list carries the same deadline as the tracking.
        for bill in &page.bills {
            let t: ChorusTracking = sb
                .get(&format!("/api/me/bill/{}/chorus", bill.bill_id), Some(&c))
                .await
                .decode();
            assert_eq!(bill.deadline, t.deadline, "{}", bill.bill_id);
            assert_eq!(
                bill.due_date,
                t.deadline.as_ref().and_then(Deadline::due_date)
            );
        }
    }
}

#[tokio::test]
async fn debts_follow_chorus_and_the_deadline() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for (bill, status, pending) in [
        ("FR1000001", DebtStatus::ToBePaid, true),
        ("FR1000003", DebtStatus::ToBePaid, true),
        // Rejected: void, nothing left to pay and no due date.
        ("FR1000005", DebtStatus::Cancelled, false),
        ("FR1000006", DebtStatus::Paid, false),
        ("FR1000007", DebtStatus::Unpaid, true),
        // Its structure does not report payments: whether it was paid is unknown.
        ("FR1000009", DebtStatus::Unknown, false),
        ("FR1000010", DebtStatus::Unmatured, true),
        ("FR1000012", DebtStatus::Paid, false),
    ] {
        let d: Debt = sb
            .get(&format!("/api/me/bill/{bill}/debt"), Some(&c))
            .await
            .decode();
        assert_eq!(d.status, status, "{bill}");
        assert_eq!(
            d.pending_amount.as_ref().is_some_and(|p| p.cents() > 0),
            pending,
            "{bill}"
        );
        if status == DebtStatus::Unknown {
            assert_eq!(d.pending_amount, None);
        }
        if status == DebtStatus::Cancelled {
            assert_eq!(d.due_date, None);
        }
        let b: Bill = sb
            .get(&format!("/api/me/bill/{bill}"), Some(&c))
            .await
            .decode();
        assert_eq!(d.amount, b.price_with_tax);
        assert_eq!(
            b.price_without_tax.cents() + b.tax.cents(),
            b.price_with_tax.cents()
        );
    }
    let e = sb.login("entreprise").await;
    let d: Debt = sb
        .get("/api/me/bill/FR3000001/debt", Some(&e))
        .await
        .decode();
    assert_eq!(d.status, DebtStatus::Paid);
    assert_eq!(
        sb.get("/api/me/bill/FR3000001/chorus", Some(&e))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let pdf = sb.get("/api/me/bill/FR3000001/pdf", Some(&e)).await;
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"));
}

#[tokio::test]
async fn the_list_filters_and_pages() {
    let sb = Sandbox::new();
    let b = sb.login("bench").await;
    let all: BillPage = sb.get("/api/me/bill", Some(&b)).await.decode();
    assert_eq!(
        (all.total, all.page, all.page_size, all.bills.len()),
        (1000, 1, 50, 50)
    );
    assert!(
        all.bills.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    let last: BillPage = sb
        .get("/api/me/bill?page=20&pageSize=50", Some(&b))
        .await
        .decode();
    assert_eq!(last.bills.len(), 50);
    let oldest: BillPage = sb
        .get("/api/me/bill?sort=asc&pageSize=50", Some(&b))
        .await
        .decode();
    assert!(
        oldest.bills.windows(2).all(|w| w[0].date <= w[1].date),
        "oldest first"
    );
    assert_eq!(oldest.bills[0].bill_id, big_last(&sb, &b).await);
    let past: BillPage = sb.get("/api/me/bill?page=21", Some(&b)).await.decode();
    assert!(past.bills.is_empty());
    let big: BillPage = sb
        .get("/api/me/bill?pageSize=1000", Some(&b))
        .await
        .decode();
    assert_eq!(big.bills.len(), 1000);
    let ids: std::collections::HashSet<_> = big.bills.iter().map(|b| b.bill_id.clone()).collect();
    assert_eq!(ids.len(), 1000);

    let c = sb.login("commune").await;
    let s: BillPage = sb
        .get("/api/me/bill?chorusStatus=SUSPENDUE", Some(&c))
        .await
        .decode();
    assert_eq!(s.total, 1);
    assert_eq!(s.bills[0].bill_id, "FR1000003");
    let s: BillPage = sb
        .get("/api/me/bill?chorusStatus=REJETEE,A_RECYCLER", Some(&c))
        .await
        .decode();
    assert_eq!(s.total, 2);
    let s: BillPage = sb.get("/api/me/bill?orderId=1106", Some(&c)).await.decode();
    assert_eq!(
        s.bills
            .iter()
            .map(|b| b.bill_id.as_str())
            .collect::<Vec<_>>(),
        ["FR1000006"]
    );
    let today = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).date_naive();
    let from = today - chrono::Duration::days(10);
    let s: BillPage = sb
        .get(&format!("/api/me/bill?from={from}&to={today}"), Some(&c))
        .await
        .decode();
    assert!(s.total >= 3 && s.total < 12, "{}", s.total);
    assert!(s.bills.iter().all(|b| b.date.date_naive() >= from));
    let s: BillPage = sb
        .get(&format!("/api/me/bill?to={from}"), Some(&c))
        .await
        .decode();
    assert_eq!(
        s.total
            + sb.get(
                &format!("/api/me/bill?from={}", from + chrono::Duration::days(1)),
                Some(&c)
            )
            .await
            .decode::<BillPage>()
            .total,
        12
    );

    for (query, field, code) in [
        ("chorusStatus=PAYEE", "chorusStatus", "status_unknown"),
        ("from=2026-13-01", "from", "date_invalid"),
        ("to=yesterday", "to", "date_invalid"),
        ("orderId=x", "orderId", "order_id_invalid"),
        ("page=0", "page", "page_invalid"),
        ("pageSize=1001", "pageSize", "page_size_invalid"),
        ("pageSize=-1", "pageSize", "page_size_invalid"),
        ("sort=date", "sort", "sort_invalid"),
        // One value each: repeated, they would pile up conditions past SQLite's depth.
        ("orderId=1&orderId=1", "orderId", "parameter_repeated"),
        (
            "from=2026-01-01&from=2026-02-01",
            "from",
            "parameter_repeated",
        ),
    ] {
        let r = sb.get(&format!("/api/me/bill?{query}"), Some(&c)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(
            r.codes(),
            [(field.to_string(), code.to_string())],
            "{query}"
        );
    }
}

#[tokio::test]
async fn the_operator_appends_allowed_events_only() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let post = |bill: &'static str, body: serde_json::Value| sb.chorus_event(bill, body);
    // FR1000001 is with the recipient: suspend (reason needed), complete, pay.
    let r = post("FR1000001", json!({"status": "SUSPENDUE"})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "reason_required");
    let r = post("FR1000001", json!({"status": "COMPLETEE"})).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "COMPLETEE only after SUSPENDUE"
    );
    assert_eq!(r.codes()[0].1, "transition_not_allowed");
    let r = post(
        "FR1000001",
        json!({"status": "SUSPENDUE", "reason": "RIB manquant"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let t: ChorusTracking = r.decode();
    assert_eq!(t.status, Some(Suspendue));
    assert_eq!(
        post("FR1000001", json!({"status": "COMPLETEE"}))
            .await
            .status,
        StatusCode::OK
    );
    let t: ChorusTracking = post("FR1000001", json!({"status": "MISE_EN_PAIEMENT"}))
        .await
        .decode();
    assert_eq!(t.status, Some(MiseEnPaiement));
    let t: ChorusTracking = sb
        .get("/api/me/bill/FR1000001/chorus", Some(&c))
        .await
        .decode();
    assert_eq!(t.history.last().unwrap().status, MiseEnPaiement);
    // Nothing after REJETEE.
    for status in [
        "MISE_A_DISPOSITION",
        "COMPLETEE",
        "MISE_EN_PAIEMENT",
        "SERVICE_FAIT",
    ] {
        let r = post("FR1000005", json!({"status": status, "reason": "x"})).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{status}");
    }
    let r = post("FR1000005", json!({"status": "PAYEE"})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "status_unknown");
    assert_eq!(
        post("FR1000005", json!("nope")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post("FR0", json!({"status": "DEPOSEE"})).await.status,
        StatusCode::NOT_FOUND
    );
    let r = post("FR3000001", json!({"status": "DEPOSEE"})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "bill_not_on_chorus");
    // A late event, dated in the past, sorts by its date.
    let r = post(
        "FR1000006",
        json!({"status": "COMPTABILISEE", "date": "2020-01-01T00:00:00Z"}),
    )
    .await;
    let t: ChorusTracking = r.decode();
    assert_eq!(t.history[0].status, Comptabilisee);
    assert_eq!(t.status, Some(MiseEnPaiement));
}

#[tokio::test]
async fn the_law_forbids_a_second_suspension_and_one_after_ordonnancement() {
    let sb = Sandbox::new();
    let post = |bill: &'static str, body: serde_json::Value| sb.chorus_event(bill, body);
    let suspend = json!({"status": "SUSPENDUE", "reason": "Attestation manquante"});
    // FR1000002 was suspended once, completed, then SERVICE_FAIT: no second time.
    let r = post("FR1000002", suspend.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "transition_not_allowed");
    assert!(
        r.json()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("R2192-27"),
        "{}",
        r.json()
    );
    // FR1000001, with the recipient, never suspended: once ordered (MANDATEE), no more.
    assert_eq!(
        post("FR1000001", json!({"status": "MANDATEE"}))
            .await
            .status,
        StatusCode::OK
    );
    let r = post("FR1000001", suspend.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "transition_not_allowed");
    // Each status of ordonnancement alone forbids it, on invoices never suspended:
    // MISE_A_DISPOSITION_COMPTABLE on the hospital's 1, COMPTABILISEE on the
    // commune's 7.
    for (bill, ordered) in [
        ("FR2000001", "MISE_A_DISPOSITION_COMPTABLE"),
        ("FR1000007", "COMPTABILISEE"),
    ] {
        assert_eq!(
            post(bill, json!({"status": ordered})).await.status,
            StatusCode::OK,
            "{bill}"
        );
        let r = post(bill, suspend.clone()).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{bill} after {ordered}");
        assert_eq!(r.codes()[0].1, "transition_not_allowed");
    }
    // A first suspension before ordonnancement still goes through.
    assert_eq!(post("FR2000007", suspend).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_event_dated_before_the_latest_is_refused_unless_an_optional_step() {
    let sb = Sandbox::new();
    let post = |bill: &'static str, body: serde_json::Value| sb.chorus_event(bill, body);
    // A suspension dated before the invoice's latest event would never become its
    // status, and nothing could complete it.
    let r = post(
        "FR1000001",
        json!({"status": "SUSPENDUE", "reason": "RIB", "date": "2020-01-01T00:00:00Z"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "event_out_of_order");
    // An optional step may arrive late, dated before (Chorus Pro reports them so).
    let r = post(
        "FR1000006",
        json!({"status": "SERVICE_FAIT", "date": "2020-01-01T00:00:00Z"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn the_clock_moves_live_invoices_forward() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    async fn status(sb: &Sandbox, c: &str) -> Option<ChorusStatus> {
        sb.get("/api/me/bill/FR1000010/chorus", Some(c))
            .await
            .decode::<ChorusTracking>()
            .status
    }
    assert_eq!(status(&sb, &c).await, Some(Deposee));
    let mut seen = vec![];
    for _ in 0..6 {
        mandat_sandbox::operator::tick(&sb.state).unwrap();
        seen.push(status(&sb, &c).await.unwrap());
    }
    assert_eq!(
        seen,
        [
            EnCoursAcheminement,
            MiseADisposition,
            ServiceFait,
            Mandatee,
            MiseEnPaiement,
            MiseEnPaiement
        ]
    );
    // Seeded invoices that are not clock-driven do not move.
    let t: ChorusTracking = sb
        .get("/api/me/bill/FR1000003/chorus", Some(&c))
        .await
        .decode();
    assert_eq!(t.status, Some(Suspendue));
}

/// The oldest bill, as the last one of the newest-first list.
async fn big_last(sb: &Sandbox, cookie: &str) -> String {
    let all: BillPage = sb
        .get("/api/me/bill?pageSize=1000", Some(cookie))
        .await
        .decode();
    all.bills.last().unwrap().bill_id.clone()
}

#[tokio::test]
async fn amounts_out_of_range_are_a_clear_500_never_a_wrap_or_a_panic() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    {
        // A hand-edited database: a line whose total does not fit in 64 bits, a
        // bill whose VAT does not, an order under review whose lines do not add up.
        let conn = sb.state.db();
        conn.execute(
            "UPDATE order_lines SET quantity = 1000, unit_cents = ?1
             WHERE id = (SELECT MIN(id) FROM order_lines WHERE order_id = 1001)",
            [i64::MAX / 100],
        )
        .unwrap();
        conn.execute(
            "UPDATE bills SET ht_cents = ?1 WHERE id = 'FR1000001'",
            [i64::MAX / 10],
        )
        .unwrap();
        conn.execute(
            "UPDATE order_lines SET quantity = 1, unit_cents = ?1 WHERE order_id = 1003",
            [i64::MAX / 2],
        )
        .unwrap();
    }
    for (path, what) in [
        ("/api/me/order/1001", "order 1001"),
        ("/api/me/order/1001/details", "order 1001"),
        ("/api/me/order/1001/paymentMethods", "order 1001"),
        ("/api/me/bill/FR1000001", "bill FR1000001"),
        ("/api/me/bill/FR1000001/debt", "bill FR1000001"),
        ("/api/me/bill?pageSize=100", "bill FR1000001"),
    ] {
        let r = sb.get(path, Some(&c)).await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{path}");
        assert_eq!(r.class(), "Server::InternalServerError");
        let message = r.json()["message"].as_str().unwrap().to_string();
        assert_eq!(
            message,
            format!("the amounts of {what} are out of the range the sandbox computes in"),
            "{path}"
        );
    }
    // No invoice is made of amounts that cannot be computed.
    let r = sb
        .post_json("/sandbox/orders/1003/mandate/accept", None, json!({}))
        .await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(r.json()["message"].as_str().unwrap().contains("order 1003"));
    assert_eq!(
        sb.get("/api/me/bill/FR5001003", Some(&c)).await.status,
        StatusCode::NOT_FOUND
    );
    // Everything else answers as before.
    assert_eq!(
        sb.get("/api/me/order/1002", Some(&c)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        sb.get("/api/me/bill/FR1000002", Some(&c)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn status_lists_are_deduplicated_and_capped_at_100_codes() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let list = |codes: usize| {
        let sb = &sb;
        let c = c.clone();
        async move {
            let list = vec!["SUSPENDUE"; codes].join(",");
            sb.get(&format!("/api/me/bill?chorusStatus={list}"), Some(&c))
                .await
        }
    };
    let one: BillPage = list(1).await.decode();
    assert!(one.total >= 1);
    let hundred: BillPage = list(100).await.decode();
    assert_eq!(hundred.total, one.total);
    // 101, and as many as a URL can carry (64 KiB).
    for codes in [101, 6_500] {
        let r = list(codes).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{codes} codes");
        assert_eq!(
            r.codes(),
            [("chorusStatus".to_string(), "status_too_many".to_string())]
        );
    }
}

#[tokio::test]
async fn filter_dates_are_years_0001_to_9999_on_four_digits() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for day in [
        "10000-01-01",
        "+2026-01-01",
        "-2026-01-01",
        "0000-01-01",
        "26-01-01",
        "02026-01-01",
    ] {
        for key in ["from", "to"] {
            let r = sb
                .get(
                    &format!("/api/me/bill?{key}={}", day.replace('+', "%2B")),
                    Some(&c),
                )
                .await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{key}={day}");
            assert_eq!(
                r.codes(),
                [(key.to_string(), "date_invalid".to_string())],
                "{key}={day}"
            );
        }
    }
    // The ends of the range take every bill.
    let all = |query: &'static str| {
        let sb = &sb;
        let c = c.clone();
        async move {
            let r = sb.get(&format!("/api/me/bill?{query}"), Some(&c)).await;
            assert_eq!(r.status, StatusCode::OK, "{query}");
            r.decode::<BillPage>().total
        }
    };
    assert_eq!(all("from=0001-01-01").await, 12);
    assert_eq!(all("to=9999-12-31").await, 12);
    assert_eq!(all("from=0001-01-01&to=9999-12-31").await, 12);
}

/// The invoices `/` asks for (`mandat_model::todo::bills_path`) hold every one
/// that waits for the buyer, and the rule finds the commune's three: suspended,
/// à recycler, paid late with its interest owed.
#[tokio::test]
async fn the_invoices_the_to_do_list_asks_for_give_the_commune_s_three() {
    use mandat_model::todo::{bills_path, todo_list, TodoKind};
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let page: BillPage = sb
        .get(&format!("/api{}", bills_path(1)), Some(&c))
        .await
        .decode();
    let today = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).date_naive();
    let todo = todo_list([], &page.bills, &[], &[], today);
    let found: Vec<_> = todo
        .iter()
        .map(|t| (t.kind, t.subject.id(), t.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                TodoKind::SendDocuments,
                "FR1000003".into(),
                "/invoices/FR1000003"
            ),
            (
                TodoKind::CorrectRouting,
                "FR1000004".into(),
                "/invoices/FR1000004"
            ),
            (
                TodoKind::PayLateInterest,
                "FR1000012".into(),
                "/invoices/FR1000012"
            ),
        ]
    );
    let Some(Deadline::PaidLate {
        pay_by, interest, ..
    }) = page
        .bills
        .iter()
        .find(|b| b.bill_id == "FR1000012")
        .and_then(|b| b.deadline.clone())
    else {
        panic!("FR1000012 is paid late");
    };
    assert_eq!(todo[2].date, Some(pay_by));
    assert_eq!(todo[2].amount_cents, interest.and_then(|i| i.total_cents()));
    assert!(todo[2].amount_cents.is_some());
    // Every invoice of the account that the rule would list is in the answer.
    let all: BillPage = sb
        .get("/api/me/bill?pageSize=1000", Some(&c))
        .await
        .decode();
    assert_eq!(todo_list([], &all.bills, &[], &[], today), todo);
}
