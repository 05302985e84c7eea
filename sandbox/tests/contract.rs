//! `api/openapi.yaml` and the sandbox agree: every operation in the contract is served,
//! and every route the sandbox serves is in the contract.

mod common;

use axum::http::{Method, StatusCode};
use common::{contract_operations, Sandbox};

/// What the sandbox routes, kept in step with `api::router` and `operator::router`.
const SERVED: &[(&str, &str)] = &[
    ("GET", "/api/me"),
    ("GET", "/api/me/chorus"),
    ("GET", "/api/chorus/structure/{siret}"),
    ("GET", "/api/me/order"),
    ("GET", "/api/me/order/{orderId}"),
    ("GET", "/api/me/order/{orderId}/details"),
    ("GET", "/api/me/order/{orderId}/status"),
    ("GET", "/api/me/order/{orderId}/followUp"),
    ("GET", "/api/me/order/{orderId}/paymentMethods"),
    ("POST", "/api/me/order/{orderId}/pay"),
    ("GET", "/api/me/order/{orderId}/mandate"),
    ("GET", "/api/me/order/{orderId}/mandate/form"),
    ("GET", "/api/me/order/{orderId}/mandate/document"),
    ("PUT", "/api/me/order/{orderId}/mandate/document"),
    ("GET", "/api/me/bill"),
    ("GET", "/api/me/bill/{billId}"),
    ("GET", "/api/me/bill/{billId}/pdf"),
    ("GET", "/api/me/bill/{billId}/debt"),
    ("GET", "/api/me/bill/{billId}/chorus"),
    ("GET", "/api/me/bill/{billId}/documents"),
    ("PUT", "/api/me/bill/{billId}/documents"),
    ("POST", "/api/me/bill/{billId}/documents/send"),
    ("PUT", "/api/me/bill/{billId}/chorus/routing"),
    ("GET", "/api/me/renewal"),
    ("POST", "/api/me/renewal/{renewalId}/routing"),
    ("GET", "/sandbox/login"),
    ("GET", "/sandbox/logout"),
    ("GET", "/sandbox/accounts"),
    ("GET", "/sandbox/outbox"),
    ("GET", "/sandbox/outbox/"),
    ("POST", "/sandbox/reset"),
    ("POST", "/sandbox/orders/{orderId}/mandate/accept"),
    ("POST", "/sandbox/orders/{orderId}/mandate/reject"),
    ("POST", "/sandbox/bills/{billId}/events"),
    ("POST", "/sandbox/bills/{billId}/documents/complete"),
    ("POST", "/sandbox/renewals/{renewalId}/issue"),
];

#[test]
fn the_contract_lists_exactly_what_the_sandbox_serves() {
    let mut contract = contract_operations();
    contract.sort();
    let mut served: Vec<(String, String)> = SERVED
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    served.sort();
    assert_eq!(contract, served);
}

#[tokio::test]
async fn every_operation_in_the_contract_is_routed() {
    let sb = Sandbox::new();
    let cookie = sb.login("commune").await;
    for (method, path) in contract_operations() {
        let concrete = path
            .replace("{orderId}", "1003")
            .replace("{billId}", "FR1000001")
            .replace("{renewalId}", "1501")
            .replace("{siret}", "21445012400018");
        let concrete = if concrete == "/sandbox/login" {
            "/sandbox/login?account=commune".to_string()
        } else {
            concrete
        };
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let r = sb
            .call(
                method.clone(),
                &concrete,
                Some(&cookie),
                &[("content-type", "application/json")],
                b"{}".to_vec(),
            )
            .await;
        assert_ne!(
            r.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {concrete}"
        );
        if r.status == StatusCode::NOT_FOUND && r.header("content-type") == "application/json" {
            let message = r.json()["message"].as_str().unwrap_or_default().to_string();
            assert!(!message.contains("path"), "{method} {concrete}: {message}");
        }
        assert!(r.status.as_u16() < 500, "{method} {concrete}: {}", r.status);
    }
}
