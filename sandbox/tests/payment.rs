//! Payment methods, paying by mandate (each validation rule), idempotency, conflicts;
//! and the Chorus Pro structure lookup.

mod common;

use axum::http::{Method, StatusCode};
use common::{mandate_body, Sandbox};
use mandat_model::billing::{PaymentMethods, PaymentReceipt, NOT_PUBLIC_ADMINISTRATION};
use mandat_model::chorus::ChorusStructure;
use mandat_model::mandate::MandateState;
use mandat_model::OrderStatus;
use serde_json::json;

const COMMUNE: &str = "21445012400018";
const HOSPITAL: &str = "26765432500013";
const SYNDICATE: &str = "20001123700019";

#[tokio::test]
async fn the_mandate_is_offered_to_administrations_and_explained_to_others() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let m: PaymentMethods = sb
        .get("/api/me/order/1001/paymentMethods", Some(&c))
        .await
        .decode();
    let mandate = m
        .available
        .iter()
        .find(|m| m.payment_type == "ADMINISTRATIVE_MANDATE")
        .unwrap();
    assert_eq!(mandate.payment_sub_type.as_deref(), Some("CHORUS"));
    assert!(m.unavailable.is_empty());
    assert!(m.registered.is_empty());

    let e = sb.login("entreprise").await;
    let r = sb.get("/api/me/order/3001/paymentMethods", Some(&e)).await;
    let raw = r.json();
    assert!(raw["available"].is_array() && raw["registered"].is_array());
    let m: PaymentMethods = r.decode();
    assert!(m
        .available
        .iter()
        .all(|m| m.payment_type != "ADMINISTRATIVE_MANDATE"));
    assert_eq!(m.unavailable.len(), 1);
    assert_eq!(m.unavailable[0].payment_type, "ADMINISTRATIVE_MANDATE");
    assert_eq!(m.unavailable[0].reason, NOT_PUBLIC_ADMINISTRATION);

    let r = sb
        .post_json(
            "/api/me/order/3001/pay",
            Some(&e),
            mandate_body(COMMUNE, "SERV-FIN", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        r.codes(),
        [(
            "paymentMethod".to_string(),
            NOT_PUBLIC_ADMINISTRATION.to_string()
        )]
    );
    assert_eq!(
        sb.get("/api/me/order/3001/status", Some(&e)).await.body,
        b"\"notPaid\""
    );
}

#[tokio::test]
async fn each_routing_rule_is_a_field_error() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let h = sb.login("hopital").await;
    let long = "E".repeat(51);
    type Case<'a> = (&'a str, u64, serde_json::Value, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            &c,
            1001,
            mandate_body("21445012300011", "SERV-FIN", ""),
            vec![("siret", "siret_checksum")],
        ),
        (
            &c,
            1001,
            mandate_body("", "SERV-FIN", ""),
            vec![("siret", "siret_required")],
        ),
        (
            &c,
            1001,
            mandate_body("2144501230001", "SERV-FIN", ""),
            vec![("siret", "siret_length")],
        ),
        (
            &c,
            1001,
            mandate_body("2144501230001X", "SERV-FIN", ""),
            vec![("siret", "siret_not_digits")],
        ),
        (
            &c,
            1001,
            mandate_body("73282932000074", "SERV-FIN", ""),
            vec![("siret", "siret_unknown")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "", ""),
            vec![("codeService", "code_service_required")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "SERV-INFO", ""),
            vec![("codeService", "code_service_inactive")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "FACTURES_PUBLIQUES", ""),
            vec![("codeService", "code_service_reserved")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "NOPE", ""),
            vec![("codeService", "code_service_unknown")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "SERV-TECH", ""),
            vec![("numeroEngagement", "engagement_required")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "SERV-FIN", &long),
            vec![("numeroEngagement", "engagement_too_long")],
        ),
        (
            &c,
            1001,
            mandate_body(COMMUNE, "", &long),
            vec![
                ("codeService", "code_service_required"),
                ("numeroEngagement", "engagement_too_long"),
            ],
        ),
        (
            &c,
            1001,
            mandate_body(SYNDICATE, "", ""),
            vec![("numeroEngagement", "engagement_or_service_required")],
        ),
        (
            &h,
            2001,
            mandate_body(HOSPITAL, "", ""),
            vec![("numeroEngagement", "engagement_required")],
        ),
        (
            &h,
            2001,
            mandate_body(HOSPITAL, "ACHATS-2019", "EJ-1"),
            vec![("codeService", "code_service_inactive")],
        ),
        (
            &c,
            1001,
            json!({"paymentMethod": {"paymentType": "ADMINISTRATIVE_MANDATE"}}),
            vec![("siret", "siret_required")],
        ),
        (
            &c,
            1001,
            json!({"paymentMethod": {"paymentType": "BITCOIN"}}),
            vec![("paymentMethod", "payment_type_unsupported")],
        ),
        (&c, 1001, json!({"nope": 1}), vec![("body", "invalid_json")]),
        (&c, 1001, json!([1, 2]), vec![("body", "invalid_json")]),
    ];
    for (cookie, order, body, expected) in cases {
        let r = sb
            .post_json(
                &format!("/api/me/order/{order}/pay"),
                Some(cookie),
                body.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(r.class(), "Client::BadRequest");
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(r.codes(), expected, "{body}");
    }
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &[("content-type", "application/json")],
            b"{not json".to_vec(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Nothing was paid by any of these.
    assert_eq!(
        sb.get("/api/me/order/1001/status", Some(&c)).await.body,
        b"\"notPaid\""
    );
    assert_eq!(
        sb.get("/api/me/order/2001/status", Some(&h)).await.body,
        b"\"notPaid\""
    );
}

#[tokio::test]
async fn paying_by_mandate_requests_the_signed_form_once() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let r = sb
        .post_json(
            "/api/me/order/2001/pay",
            Some(&h),
            mandate_body("267 654 325 00013", "", " EJ-2026-0099 "),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let receipt: PaymentReceipt = r.decode();
    assert_eq!(receipt.order_status, OrderStatus::DocumentsRequested);
    let mandate = receipt.mandate.unwrap();
    assert_eq!(mandate.state, MandateState::AwaitingDocument);
    assert_eq!(mandate.siret, HOSPITAL);
    assert_eq!(mandate.numero_engagement, "EJ-2026-0099");
    assert_eq!(
        mandate.structure_name,
        "Centre hospitalier de Saint-Aubin-sur-Loire"
    );
    assert!(mandate.document.is_none());
    assert_eq!(
        sb.get("/api/me/order/2001/status", Some(&h)).await.body,
        b"\"documentsRequested\""
    );

    let r = sb
        .post_json(
            "/api/me/order/2001/pay",
            Some(&h),
            mandate_body(HOSPITAL, "", "EJ-2"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.class(), "Client::Conflict");
    assert_eq!(
        r.codes(),
        [("orderId".to_string(), "order_already_paid".to_string())]
    );
    let m: PaymentMethods = sb
        .get("/api/me/order/2001/paymentMethods", Some(&h))
        .await
        .decode();
    assert!(m.available.is_empty());
    assert!(m
        .unavailable
        .iter()
        .all(|u| u.reason == "ORDER_NOT_PAYABLE"));

    let follow = sb.get("/api/me/order/2001/followUp", Some(&h)).await.json();
    assert_eq!(follow["step"], "mandate");
    assert_eq!(follow["status"], "documentsRequested");
    assert_eq!(follow["history"].as_array().unwrap().len(), 2);

    // Another account cannot pay it, nor see it.
    let c = sb.login("commune").await;
    let r = sb
        .post_json(
            "/api/me/order/2002/pay",
            Some(&c),
            mandate_body(COMMUNE, "SERV-FIN", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_same_idempotency_key_gives_the_same_answer_and_one_payment() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap();
    let key = [
        ("content-type", "application/json"),
        ("idempotency-key", "k-1001-a"),
    ];
    let first = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &key,
            body.clone(),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let second = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &key,
            body.clone(),
        )
        .await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(first.body, second.body);
    assert_eq!(second.header("idempotent-replayed"), "true");
    // (Two first payments racing with one key: `faults.rs`, over real connections.)
    // A new key on a paid order is a conflict; a used key on another order is
    // another request.
    let other = [
        ("content-type", "application/json"),
        ("idempotency-key", "k-1001-b"),
    ];
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &other,
            body.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1002/pay",
            Some(&c),
            &key,
            body.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.codes()[0].1, "idempotency_key_reused");
    // The used key with another body on the paid order: refused either way, and
    // what the buyer must know, that it is paid, is said first.
    let other_body = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-ECOLE", "")).unwrap();
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &key,
            other_body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "order_already_paid");
    let bad = [
        ("content-type", "application/json"),
        ("idempotency-key", ""),
    ];
    let r = sb
        .call(Method::POST, "/api/me/order/1002/pay", Some(&c), &bad, body)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn structures_are_looked_up_by_siret() {
    let sb = Sandbox::new();
    let s: ChorusStructure = sb
        .get("/api/chorus/structure/214%20450%20124%2000018", None)
        .await
        .decode();
    assert_eq!(s.siret, COMMUNE);
    assert!(s.code_service_doit_etre_renseigne);
    assert_eq!(s.payment_deadline_days, 30);
    assert!(s.services.iter().filter(|s| s.active).count() >= 3);
    assert!(s.services.iter().any(|s| !s.active));
    assert!(
        s.services.iter().any(|s| s.label.contains("<script>")),
        "hostile label seeded"
    );
    let h: ChorusStructure = sb
        .get(&format!("/api/chorus/structure/{HOSPITAL}"), None)
        .await
        .decode();
    assert!(h.numero_ej_doit_etre_renseigne && !h.code_service_doit_etre_renseigne);
    assert_eq!(h.payment_deadline_days, 50);
    let y: ChorusStructure = sb
        .get(&format!("/api/chorus/structure/{SYNDICATE}"), None)
        .await
        .decode();
    assert!(y.statut_mise_en_paiement_nest_pas_remonte && y.gestion_numero_ej_ou_code_service);
    let p: ChorusStructure = sb
        .get("/api/chorus/structure/35600000000001", None)
        .await
        .decode();
    assert_eq!(p.payment_deadline_days, 60);
    for (siret, code) in [
        ("21445012300011", "siret_checksum"),
        ("35600000000002", "siret_checksum"),
        // The former demo SIRET: its 14 digits pass, its SIREN 214 450 123 does not.
        ("214%20450%20123%2000010", "siren_checksum"),
        ("123", "siret_length"),
        ("abcdefghijklmn", "siret_not_digits"),
    ] {
        let r = sb
            .get(&format!("/api/chorus/structure/{siret}"), None)
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{siret}");
        assert_eq!(r.codes(), [("siret".to_string(), code.to_string())]);
    }
    let r = sb.get("/api/chorus/structure/73282932000074", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.class(), "Client::NotFound");

    let c = sb.login("commune").await;
    let mine: ChorusStructure = sb.get("/api/me/chorus", Some(&c)).await.decode();
    assert_eq!(mine.siret, COMMUNE);
    // A company has none: a plain null, not an error a browser would log.
    let e = sb.login("entreprise").await;
    let none = sb.get("/api/me/chorus", Some(&e)).await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.json(), serde_json::Value::Null);
}
