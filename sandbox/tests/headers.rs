//! Headers every answer carries, the outbox page's policy, and a request that
//! names its `Idempotency-Key` twice.

mod common;

use axum::http::{Method, StatusCode};
use common::{mandate_body, Sandbox};

/// The answers of every kind the sandbox gives.
async fn every_kind_of_answer(sb: &Sandbox) -> Vec<(&'static str, common::Reply)> {
    let c = sb.login("commune").await;
    vec![
        ("API JSON", sb.get("/api/me", Some(&c)).await),
        ("API error", sb.get("/api/me/order/9", Some(&c)).await),
        ("unsigned API call", sb.get("/api/me", None).await),
        (
            "download",
            sb.get("/api/me/bill/FR1000001/pdf", Some(&c)).await,
        ),
        ("operator JSON", sb.get("/sandbox/accounts", None).await),
        ("outbox page", sb.get("/sandbox/outbox/", None).await),
        ("app page", sb.get("/invoices", None).await),
        ("host page", sb.get("/host/", None).await),
        (
            "misdirected",
            sb.call(
                Method::GET,
                "/api/me",
                None,
                &[("host", "evil.example:8080")],
                vec![],
            )
            .await,
        ),
    ]
}

#[tokio::test]
async fn every_answer_is_never_sniffed_and_tells_other_sites_nothing() {
    let sb = Sandbox::new();
    for (what, r) in every_kind_of_answer(&sb).await {
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(r.header("referrer-policy"), "same-origin", "{what}");
        assert_eq!(
            r.headers.get_all("x-content-type-options").iter().count(),
            1,
            "{what}: one header, not two"
        );
    }
}

#[tokio::test]
async fn the_outbox_page_runs_under_the_apps_policy_and_cannot_be_framed() {
    let sb = Sandbox::new();
    let r = sb.get("/sandbox/outbox/", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let csp = r.header("content-security-policy");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval';",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(r.header("x-frame-options"), "DENY");
    // Its one inline stylesheet is allowed by its hash, and nothing else inline.
    let html = String::from_utf8(r.body.clone()).unwrap();
    assert_eq!(html.matches("<style>").count(), 1);
    let style_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("style-src"))
        .unwrap();
    assert_eq!(style_src.matches("'sha256-").count(), 1, "{style_src}");
    assert!(!html.contains("<script"), "no script on the page");
}

#[tokio::test]
async fn two_idempotency_keys_are_refused_and_nothing_is_paid() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &[
                ("content-type", "application/json"),
                ("idempotency-key", "k-one"),
                ("idempotency-key", "k-two"),
            ],
            body.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json());
    assert_eq!(r.class(), "Client::BadRequest");
    assert_eq!(
        r.codes(),
        [(
            "Idempotency-Key".to_string(),
            "idempotency_key_invalid".to_string()
        )]
    );
    let status = sb.get("/api/me/order/1001/status", Some(&c)).await;
    assert_eq!(status.json(), "notPaid");

    // The same with one key goes through, and so does a routing correction's
    // key checked the same way.
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &[
                ("content-type", "application/json"),
                ("idempotency-key", "k-one"),
            ],
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let r = sb
        .call(
            Method::PUT,
            "/api/me/bill/FR1000004/chorus/routing",
            Some(&c),
            &[
                ("content-type", "application/json"),
                ("idempotency-key", "a"),
                ("idempotency-key", "b"),
            ],
            serde_json::to_vec(&serde_json::json!({
                "siret": "21445012400018", "codeService": "SERV-FIN", "numeroEngagement": ""
            }))
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json());
}

/// A key is what the contract states, visible ASCII: a space inside it (or a
/// character a header cannot carry) is refused, not taken as another key.
#[tokio::test]
async fn an_idempotency_key_with_a_space_inside_is_refused_and_nothing_is_paid() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = mandate_body("21445012400018", "SERV-FIN", "");
    let r = sb.pay_with_key(&c, 1001, "k one", body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json());
    assert_eq!(
        r.codes(),
        [(
            "Idempotency-Key".to_string(),
            "idempotency_key_invalid".to_string()
        )]
    );
    let status = sb.get("/api/me/order/1001/status", Some(&c)).await;
    assert_eq!(status.json(), "notPaid");
}
