//! Correcting the routing of an invoice à recycler: checked as a payment's
//! routing, applied once per `Idempotency-Key`, for the account's own invoices
//! à recycler only, re-deposited at once and made available by the operator or
//! the clock, and kept as the order's routing.

mod common;

use axum::http::{Method, StatusCode};
use common::Sandbox;
use mandat_model::billing::ChorusTracking;
use mandat_model::chorus::ChorusStatus::{self, *};
use mandat_model::deadline::Deadline;
use mandat_model::mandate::Mandate;
use serde_json::{json, Value};

const COMMUNE_SIRET: &str = "21445012400018";

fn routing(siret: &str, code: &str, ej: &str) -> Value {
    json!({"siret": siret, "codeService": code, "numeroEngagement": ej})
}

/// `PUT /api/me/bill/{bill}/chorus/routing` with `body`, and `key` when given.
async fn correct(
    sb: &Sandbox,
    cookie: &str,
    bill: &str,
    key: Option<&str>,
    body: &Value,
) -> common::Reply {
    let mut headers = vec![("content-type", "application/json")];
    if let Some(key) = key {
        headers.push(("idempotency-key", key));
    }
    sb.call(
        Method::PUT,
        &format!("/api/me/bill/{bill}/chorus/routing"),
        Some(cookie),
        &headers,
        serde_json::to_vec(body).unwrap(),
    )
    .await
}

async fn tracking(sb: &Sandbox, cookie: &str, bill: &str) -> ChorusTracking {
    let r = sb
        .get(&format!("/api/me/bill/{bill}/chorus"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

fn statuses(t: &ChorusTracking) -> Vec<ChorusStatus> {
    t.history.iter().map(|e| e.status).collect()
}

#[tokio::test]
async fn the_seeded_invoices_to_recycle_carry_the_routing_their_reason_is_about() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let t = tracking(&sb, &c, "FR1000004").await;
    assert_eq!(t.status, Some(ARecycler));
    assert_eq!(t.code_service, "SERV-INFO");
    assert!(t
        .history
        .last()
        .unwrap()
        .reason
        .as_deref()
        .unwrap()
        .contains("SERV-INFO"));
    let h = sb.login("hopital").await;
    let t = tracking(&sb, &h, "FR2000004").await;
    assert_eq!(t.numero_engagement, "EJ-2025-0999");
    assert!(t
        .history
        .last()
        .unwrap()
        .reason
        .as_deref()
        .unwrap()
        .contains("EJ-2025-0999"));
}

#[tokio::test]
async fn a_routing_the_payment_would_refuse_is_refused_field_by_field() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for (body, field, code) in [
        (
            routing("21445012400019", "SERV-FIN", ""),
            "siret",
            "siret_checksum",
        ),
        (
            routing("2144501240", "SERV-FIN", ""),
            "siret",
            "siret_length",
        ),
        (routing("35600000000048", "", ""), "siret", "siret_unknown"),
        (
            routing(COMMUNE_SIRET, "", ""),
            "codeService",
            "code_service_required",
        ),
        (
            routing(COMMUNE_SIRET, "SERV-INFO", ""),
            "codeService",
            "code_service_inactive",
        ),
        (
            routing(COMMUNE_SIRET, "SERV-TECH", ""),
            "numeroEngagement",
            "engagement_required",
        ),
    ] {
        let r = correct(&sb, &c, "FR1000004", None, &body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(
            r.codes(),
            vec![(field.to_string(), code.to_string())],
            "{body}"
        );
        // The payment answers the same routing the same way.
        let pay = sb
            .call(
                Method::POST,
                "/api/me/order/1001/pay",
                Some(&c),
                &[("content-type", "application/json")],
                serde_json::to_vec(&json!({
                    "paymentMethod": {"paymentType": "ADMINISTRATIVE_MANDATE"},
                    "chorus": body,
                }))
                .unwrap(),
            )
            .await;
        assert_eq!(pay.codes(), r.codes(), "{body}");
    }
    // Nothing was recorded.
    let t = tracking(&sb, &c, "FR1000004").await;
    assert_eq!(t.status, Some(ARecycler));
    assert_eq!(t.code_service, "SERV-INFO");
    // A body that is not a routing, and one not sent as JSON.
    let r = sb
        .call(
            Method::PUT,
            "/api/me/bill/FR1000004/chorus/routing",
            Some(&c),
            &[("content-type", "application/json")],
            b"[1]".to_vec(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/bill/FR1000004/chorus/routing",
            Some(&c),
            &[("content-type", "text/plain")],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_correction_re_deposits_the_invoice_at_once_and_the_operator_makes_it_available() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = correct(
        &sb,
        &c,
        "FR1000004",
        Some("fix-1"),
        &routing("214 450 124 00018", " SERV-ECOLE ", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let answer: ChorusTracking = r.decode();
    assert_eq!(answer.status, Some(EnCoursAcheminement));
    assert_eq!(answer.siret, COMMUNE_SIRET);
    assert_eq!(answer.code_service, "SERV-ECOLE");
    assert_eq!(answer.structure_name, "Commune de Saint-Aubin-sur-Loire");
    assert_eq!(
        statuses(&answer),
        [Deposee, MiseADisposition, ARecycler, EnCoursAcheminement]
    );
    assert_eq!(
        answer.deadline,
        Some(Deadline::NotStarted {
            after_recycling: true
        })
    );
    assert_eq!(tracking(&sb, &c, "FR1000004").await, answer);

    // Chorus Pro makes it available to the new recipient: the deadline starts again.
    let r = sb
        .chorus_event("FR1000004", json!({"status": "MISE_A_DISPOSITION"}))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let t = tracking(&sb, &c, "FR1000004").await;
    assert_eq!(t.status, Some(MiseADisposition));
    match t.deadline {
        Some(Deadline::Running {
            start_date, days, ..
        }) => {
            assert_eq!(days, 30);
            assert_eq!(
                start_date,
                mandat_model::locale::paris_day(t.history.last().unwrap().date)
            );
        }
        other => panic!("{other:?}"),
    }

    // No longer à recycler: a new correction is a conflict, said so.
    let r = correct(
        &sb,
        &c,
        "FR1000004",
        Some("fix-2"),
        &routing(COMMUNE_SIRET, "SERV-FIN", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        r.codes(),
        vec![("status".to_string(), "bill_not_to_recycle".to_string())]
    );
    // And one never à recycler, too.
    let r = correct(
        &sb,
        &c,
        "FR1000001",
        None,
        &routing(COMMUNE_SIRET, "SERV-FIN", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "bill_not_to_recycle");
}

#[tokio::test]
async fn the_clock_brings_a_corrected_invoice_to_its_new_recipient() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    // Seeded invoices à recycler stay as they are on the clock.
    mandat_sandbox::operator::tick(&sb.state).unwrap();
    assert_eq!(tracking(&sb, &h, "FR2000004").await.status, Some(ARecycler));
    let r = correct(
        &sb,
        &h,
        "FR2000004",
        None,
        &routing("26765432500013", "", "EJ-2026-0042"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    mandat_sandbox::operator::tick(&sb.state).unwrap();
    let t = tracking(&sb, &h, "FR2000004").await;
    assert_eq!(t.status, Some(MiseADisposition));
    assert_eq!(t.numero_engagement, "EJ-2026-0042");
    assert!(matches!(
        t.deadline,
        Some(Deadline::Running { days: 50, .. })
    ));
}

#[tokio::test]
async fn the_same_key_replays_the_first_answer_and_refuses_another_request() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = routing(COMMUNE_SIRET, "SERV-FIN", "");
    let first = correct(&sb, &c, "FR1000004", Some("k-recycle"), &body).await;
    assert_eq!(first.status, StatusCode::OK);
    // The answer was lost: the same request again, with its key, is applied once.
    let again = correct(&sb, &c, "FR1000004", Some("k-recycle"), &body).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("idempotent-replayed"), "true");
    let t = tracking(&sb, &c, "FR1000004").await;
    assert_eq!(
        statuses(&t),
        [Deposee, MiseADisposition, ARecycler, EnCoursAcheminement]
    );
    // The key for another body on this invoice, now re-deposited: refused either
    // way, and the state is said first.
    let other = routing(COMMUNE_SIRET, "SERV-ECOLE", "");
    let r = correct(&sb, &c, "FR1000004", Some("k-recycle"), &other).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "bill_not_to_recycle");
    // The key for a payment of an order still to pay: 422.
    let pay = sb
        .pay_with_key(
            &c,
            1001,
            "k-recycle",
            common::mandate_body(COMMUNE_SIRET, "SERV-FIN", ""),
        )
        .await;
    assert_eq!(pay.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Without a key, the same request again is a conflict: no longer à recycler.
    let r = correct(&sb, &c, "FR1000004", None, &body).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn another_accounts_invoice_is_not_found_and_left_alone() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let r = correct(
        &sb,
        &h,
        "FR1000004",
        None,
        &routing(COMMUNE_SIRET, "SERV-FIN", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = correct(
        &sb,
        &h,
        "FR9999999",
        None,
        &routing(COMMUNE_SIRET, "SERV-FIN", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/bill/FR1000004/chorus/routing",
            None,
            &[("content-type", "application/json")],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let c = sb.login("commune").await;
    assert_eq!(tracking(&sb, &c, "FR1000004").await.status, Some(ARecycler));
}

#[tokio::test]
async fn the_correction_becomes_the_orders_routing() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let before: Mandate = sb
        .get("/api/me/order/1104/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(before.code_service, "SERV-INFO");
    assert_eq!(before.bill_id.as_deref(), Some("FR1000004"));
    let r = correct(
        &sb,
        &c,
        "FR1000004",
        None,
        &routing(COMMUNE_SIRET, "SERV-TECH", "EJ-77"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let after: Mandate = sb
        .get("/api/me/order/1104/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(after.siret, COMMUNE_SIRET);
    assert_eq!(after.code_service, "SERV-TECH");
    assert_eq!(after.numero_engagement, "EJ-77");
    // The order's follow-up says so.
    let follow: Value = sb.get("/api/me/order/1104/followUp", Some(&c)).await.json();
    assert!(
        follow.to_string().contains("Acheminement corrigé"),
        "{follow}"
    );
    // Another order of the account keeps its own.
    let other: Mandate = sb
        .get("/api/me/order/1003/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(other.code_service, "SERV-FIN");
}
