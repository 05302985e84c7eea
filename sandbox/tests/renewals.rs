//! Services that renew automatically: the list per account, changing a renewal's
//! routing (validated as a payment's, idempotent), and issuing its invoice.

mod common;

use axum::http::{Method, StatusCode};
use chrono::Datelike as _;
use common::Sandbox;
use mandat_model::billing::{Bill, BillCategory, ChorusTracking};
use mandat_model::chorus::ChorusStatus;
use mandat_model::renewal::{Renewal, RenewalIssued};
use serde_json::{json, Value};

const COMMUNE: &str = "21445012400018";
const HOSPITAL: &str = "26765432500013";

fn today() -> chrono::NaiveDate {
    mandat_model::locale::paris_day(mandat_sandbox::db::now())
}

fn routing(siret: &str, code: &str, ej: &str) -> Value {
    json!({"siret": siret, "codeService": code, "numeroEngagement": ej})
}

async fn renewals(sb: &Sandbox, cookie: &str) -> Vec<Renewal> {
    let r = sb.get("/api/me/renewal", Some(cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

async fn set_routing(
    sb: &Sandbox,
    cookie: &str,
    id: u64,
    key: Option<&str>,
    body: Value,
) -> common::Reply {
    let mut headers = vec![("content-type", "application/json")];
    if let Some(key) = key {
        headers.push(("idempotency-key", key));
    }
    sb.call(
        Method::POST,
        &format!("/api/me/renewal/{id}/routing"),
        Some(cookie),
        &headers,
        serde_json::to_vec(&body).unwrap(),
    )
    .await
}

async fn issue(sb: &Sandbox, id: u64) -> common::Reply {
    sb.call(
        Method::POST,
        &format!("/sandbox/renewals/{id}/issue"),
        None,
        &[],
        vec![],
    )
    .await
}

#[tokio::test]
async fn each_account_lists_its_own_renewals_with_their_routing() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let list = renewals(&sb, &h).await;
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!(r.renewal_id, 2501);
    assert_eq!(r.label, "Serveur dédié Advance-2 - 12 mois");
    // Early next calendar year, with this year's engagement only: missing.
    assert_eq!(r.next_renewal_date.year(), today().year() + 1);
    let routing = r.routing.as_ref().unwrap();
    assert_eq!(routing.siret, HOSPITAL);
    assert_eq!(
        routing.numero_engagement,
        format!("EJ-{}-0042", today().year())
    );
    assert_eq!(r.engagement_budget_year, Some(today().year()));
    assert!(r.engagement_required);
    assert!(r.engagement_missing);
    assert_eq!(r.price_without_tax.cents(), 359976);
    assert_eq!(r.price_with_tax.cents(), 431971);

    let c = sb.login("commune").await;
    let list = renewals(&sb, &c).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].renewal_id, 1501);
    let routing = list[0].routing.as_ref().unwrap();
    assert_eq!(
        (routing.siret.as_str(), routing.code_service.as_str()),
        (COMMUNE, "SERV-FIN")
    );
    assert!(!list[0].engagement_required);
    assert!(!list[0].engagement_missing);
    assert_eq!(list[0].engagement_budget_year, None);
}

#[tokio::test]
async fn a_company_gets_a_plain_empty_list() {
    let sb = Sandbox::new();
    let e = sb.login("entreprise").await;
    let r = sb.get("/api/me/renewal", Some(&e)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!([]));
    // Without a session: 401, as every /me route.
    assert_eq!(
        sb.get("/api/me/renewal", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_routing_is_refused_field_by_field_as_a_payments_is() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let codes = |r: &common::Reply| {
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        r.codes()
    };
    let r = set_routing(&sb, &h, 2501, None, routing(HOSPITAL, "", "")).await;
    assert_eq!(
        codes(&r),
        [("numeroEngagement".into(), "engagement_required".into())]
    );
    let r = set_routing(&sb, &h, 2501, None, routing("26765432500014", "", "EJ-1")).await;
    assert_eq!(codes(&r), [("siret".into(), "siret_checksum".into())]);
    let r = set_routing(&sb, &h, 2501, None, routing("73282932000074", "", "EJ-1")).await;
    assert_eq!(codes(&r), [("siret".into(), "siret_unknown".into())]);
    let r = set_routing(
        &sb,
        &h,
        2501,
        None,
        routing(HOSPITAL, "ACHATS-2019", &"9".repeat(51)),
    )
    .await;
    assert_eq!(
        codes(&r),
        [
            ("codeService".into(), "code_service_inactive".into()),
            ("numeroEngagement".into(), "engagement_too_long".into()),
        ]
    );
    let c = sb.login("commune").await;
    let r = set_routing(&sb, &c, 1501, None, routing(COMMUNE, "SERV-TECH", "")).await;
    assert_eq!(
        codes(&r),
        [("numeroEngagement".into(), "engagement_required".into())]
    );
    let r = set_routing(&sb, &c, 1501, None, routing(COMMUNE, "", "")).await;
    assert_eq!(
        codes(&r),
        [("codeService".into(), "code_service_required".into())]
    );
    let r = sb
        .call(
            Method::POST,
            "/api/me/renewal/1501/routing",
            Some(&c),
            &[("content-type", "application/json")],
            b"{\"siret\": 12".to_vec(),
        )
        .await;
    assert_eq!(codes(&r), [("body".into(), "invalid_json".into())]);
    // Nothing was saved.
    let list = renewals(&sb, &h).await;
    assert_eq!(
        list[0].routing.as_ref().unwrap().numero_engagement,
        format!("EJ-{}-0042", today().year())
    );
}

#[tokio::test]
async fn a_new_engagement_is_for_the_next_renewals_year() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let next_year = today().year() + 1;
    let r = set_routing(
        &sb,
        &h,
        2501,
        None,
        routing("267 654 325 00013", "DSI", " EJ-NEXT-7 "),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let saved: Renewal = r.decode();
    let routing_saved = saved.routing.unwrap();
    assert_eq!(routing_saved.siret, HOSPITAL);
    assert_eq!(routing_saved.code_service, "DSI");
    assert_eq!(routing_saved.numero_engagement, "EJ-NEXT-7");
    assert_eq!(saved.engagement_budget_year, Some(next_year));
    assert!(!saved.engagement_missing);
    assert_eq!(
        renewals(&sb, &h).await[0].engagement_budget_year,
        Some(next_year)
    );

    // Saving this year's number again keeps it this year's: still missing.
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let this_years = format!("EJ-{}-0042", today().year());
    let saved: Renewal = set_routing(
        &sb,
        &h,
        2501,
        None,
        routing(HOSPITAL, "PHARMA", &this_years),
    )
    .await
    .decode();
    assert_eq!(saved.engagement_budget_year, Some(today().year()));
    assert!(saved.engagement_missing);
}

#[tokio::test]
async fn the_same_key_replays_and_another_request_with_it_is_a_422() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let body = routing(HOSPITAL, "", "EJ-A");
    let first = set_routing(&sb, &h, 2501, Some("k-1"), body.clone()).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("idempotent-replayed"), "");
    let again = set_routing(&sb, &h, 2501, Some("k-1"), body).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.json(), first.json());

    let other = set_routing(&sb, &h, 2501, Some("k-1"), routing(HOSPITAL, "", "EJ-B")).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        other.codes(),
        [("Idempotency-Key".into(), "idempotency_key_reused".into())]
    );
    assert_eq!(
        renewals(&sb, &h).await[0]
            .routing
            .as_ref()
            .unwrap()
            .numero_engagement,
        "EJ-A"
    );
    // A key a payment used names that payment: not a renewal's routing.
    let paid = sb
        .pay_with_key(
            &h,
            2001,
            "k-pay",
            common::mandate_body(HOSPITAL, "", "EJ-P"),
        )
        .await;
    assert_eq!(paid.status, StatusCode::OK);
    let r = set_routing(&sb, &h, 2501, Some("k-pay"), routing(HOSPITAL, "", "EJ-P")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = set_routing(&sb, &h, 2501, Some(""), routing(HOSPITAL, "", "EJ-P")).await;
    assert_eq!(
        r.codes(),
        [("Idempotency-Key".into(), "idempotency_key_invalid".into())]
    );
}

#[tokio::test]
async fn another_accounts_renewal_is_not_found() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = set_routing(&sb, &c, 2501, None, routing(HOSPITAL, "", "EJ-X")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.class(), "Client::NotFound");
    for path in [
        "/api/me/renewal/9999/routing",
        "/api/me/renewal/abc/routing",
    ] {
        let r = sb
            .post_json(path, Some(&c), routing(COMMUNE, "SERV-FIN", ""))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let h = sb.login("hopital").await;
    let list = renewals(&sb, &h).await;
    assert_eq!(
        list[0].routing.as_ref().unwrap().numero_engagement,
        format!("EJ-{}-0042", today().year())
    );
}

async fn tracking(sb: &Sandbox, cookie: &str, bill: &str) -> ChorusTracking {
    let r = sb
        .get(&format!("/api/me/bill/{bill}/chorus"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

#[tokio::test]
async fn issuing_without_the_years_engagement_comes_back_to_recycle() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let before = renewals(&sb, &h).await.remove(0);
    let r = issue(&sb, 2501).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let issued: RenewalIssued = r.decode();
    assert_eq!(issued.bill_id, "FR6000001");
    assert_eq!(issued.chorus_status, ChorusStatus::ARecycler);
    let t = tracking(&sb, &h, "FR6000001").await;
    assert_eq!(t.status, Some(ChorusStatus::ARecycler));
    let year = before.next_renewal_date.year().to_string();
    let reason = t.history.last().unwrap().reason.clone().unwrap();
    assert!(
        reason.contains("engagement") && reason.contains(&year),
        "{reason}"
    );
    assert_eq!(t.numero_engagement, format!("EJ-{}-0042", today().year()));
    let bill: Bill = sb.get("/api/me/bill/FR6000001", Some(&h)).await.decode();
    assert_eq!(bill.category, BillCategory::Autorenew);
    assert_eq!(bill.price_without_tax.cents(), 359976);
    // The next renewal a year on.
    assert_eq!(
        issued.renewal.next_renewal_date,
        before
            .next_renewal_date
            .with_year(before.next_renewal_date.year() + 1)
            .unwrap()
    );
    assert_eq!(
        renewals(&sb, &h).await[0].next_renewal_date,
        issued.renewal.next_renewal_date
    );
    // The provider is told, as for any invoice to recycle.
    let mails = sb.get("/sandbox/outbox?account=hopital", None).await.json();
    assert!(mails[0]["subject"].as_str().unwrap().contains("FR6000001"));
}

#[tokio::test]
async fn issuing_with_the_years_engagement_is_made_available() {
    let sb = Sandbox::new();
    let h = sb.login("hopital").await;
    let r = set_routing(&sb, &h, 2501, None, routing(HOSPITAL, "", "EJ-NEXT-1")).await;
    assert_eq!(r.status, StatusCode::OK);
    let issued: RenewalIssued = issue(&sb, 2501).await.decode();
    assert_eq!(issued.chorus_status, ChorusStatus::MiseADisposition);
    let t = tracking(&sb, &h, &issued.bill_id).await;
    assert_eq!(t.status, Some(ChorusStatus::MiseADisposition));
    assert_eq!(t.numero_engagement, "EJ-NEXT-1");
    assert_eq!(t.siret, HOSPITAL);
    // A year on, last year's number no longer serves: missing again.
    assert!(issued.renewal.engagement_missing);

    // The commune's, without an engagement to give, reaches its structure too,
    // with its code service; a second issue is another bill.
    let c = sb.login("commune").await;
    let issued: RenewalIssued = issue(&sb, 1501).await.decode();
    assert_eq!(issued.bill_id, "FR6000002");
    assert_eq!(issued.chorus_status, ChorusStatus::MiseADisposition);
    assert_eq!(
        tracking(&sb, &c, "FR6000002").await.code_service,
        "SERV-FIN"
    );
    // Another account's bill stays its own.
    assert_eq!(
        sb.get("/api/me/bill/FR6000002", Some(&h)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(issue(&sb, 9999).await.status, StatusCode::NOT_FOUND);
}
