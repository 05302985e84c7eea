//! Fault mode: the rates are applied to `/api` only, decided before any handler, and
//! a payment retried with its `Idempotency-Key` through faults is made once.

mod common;

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use common::{mandate_body, start, Sandbox};
use mandat_sandbox::http::faults::FaultConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn faults(fail: f64, drop: f64, seed: u64) -> FaultConfig {
    FaultConfig {
        latency_ms: 0,
        fail_rate: fail,
        drop_rate: drop,
        lose_rate: 0.0,
        seed: Some(seed),
    }
}

fn dist(dir: &std::path::Path) {
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js"), "console.log(1)").unwrap();
}

fn payments(sb: &Sandbox, order: i64) -> i64 {
    sb.state
        .db()
        .query_row(
            "SELECT COUNT(*) FROM payments WHERE order_id = ?1",
            [order],
            |r| r.get(0),
        )
        .unwrap()
}

#[tokio::test]
async fn every_api_request_fails_at_rate_one_and_none_at_zero() {
    let sb = Sandbox::with(faults(1.0, 0.0, 7), dist);
    // Signing in is a sandbox route: never faulted.
    let cookie = sb.login("commune").await;
    for path in [
        "/api/me",
        "/api/me/order/1001",
        "/api/me/bill?page=1",
        "/api/nowhere",
    ] {
        let r = sb.get(path, Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(r.class(), "Server::ServiceUnavailable");
        assert_eq!(r.header("content-type"), "application/json");
        assert_eq!(r.header("cache-control"), "no-store");
    }
    // A failed payment changed nothing.
    let r = sb
        .post_json(
            "/api/me/order/1001/pay",
            Some(&cookie),
            mandate_body("21445012400018", "SERV-FIN", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(payments(&sb, 1001), 0);
    assert_eq!(sb.state.faults.counts(), (5, 0));

    let calm = Sandbox::with(faults(0.0, 0.0, 7), dist);
    let cookie = calm.login("commune").await;
    for _ in 0..100 {
        assert_eq!(
            calm.get("/api/me", Some(&cookie)).await.status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn a_fifth_of_requests_fail_at_rate_point_two() {
    let sb = Sandbox::with(faults(0.2, 0.0, 2026), dist);
    let cookie = sb.login("commune").await;
    let mut failed = 0;
    for _ in 0..500 {
        let r = sb.get("/api/me/order/1001", Some(&cookie)).await;
        match r.status {
            StatusCode::OK => {}
            StatusCode::SERVICE_UNAVAILABLE => failed += 1,
            s => panic!("unexpected {s}"),
        }
    }
    assert!((70..=130).contains(&failed), "{failed} of 500 failed");
}

#[tokio::test]
async fn sandbox_routes_and_static_files_are_never_faulted() {
    let sb = Sandbox::with(faults(1.0, 1.0, 1), dist);
    for _ in 0..50 {
        assert_eq!(
            sb.get("/sandbox/accounts", None).await.status,
            StatusCode::OK
        );
        assert_eq!(sb.get("/", None).await.status, StatusCode::OK);
        assert_eq!(
            sb.get("/app-0123456789abcdef.js", None).await.status,
            StatusCode::OK
        );
        assert_eq!(sb.get("/checkout/1001", None).await.status, StatusCode::OK);
    }
    // Read before the reset, which starts the draws again.
    assert_eq!(sb.state.faults.counts(), (0, 0));
    let r = sb
        .call(Method::POST, "/sandbox/reset", None, &[], vec![])
        .await;
    assert!(r.status.is_success(), "{}", r.status);
}

#[tokio::test]
async fn a_reset_starts_the_fault_draws_again() {
    let sb = Sandbox::with(faults(0.3, 0.0, 17), dist);
    async fn forty_reads(sb: &Sandbox) -> Vec<StatusCode> {
        let cookie = sb.login("commune").await;
        let mut seen = Vec::new();
        for _ in 0..40 {
            seen.push(sb.get("/api/me", Some(&cookie)).await.status);
        }
        seen
    }
    let first = forty_reads(&sb).await;
    assert!(first.contains(&StatusCode::SERVICE_UNAVAILABLE));
    let r = sb
        .call(Method::POST, "/sandbox/reset", None, &[], vec![])
        .await;
    assert!(r.status.is_success(), "{}", r.status);
    let again = forty_reads(&sb).await;
    assert_eq!(
        again, first,
        "the same seed after a reset gives the same faults"
    );
}

#[tokio::test]
async fn latency_is_added_to_api_requests_only() {
    let mut config = faults(0.0, 0.0, 1);
    config.latency_ms = 150;
    let sb = Sandbox::with(config, dist);
    let cookie = sb.login("commune").await;
    let t = Instant::now();
    assert_eq!(
        sb.get("/api/me", Some(&cookie)).await.status,
        StatusCode::OK
    );
    assert!(t.elapsed() >= Duration::from_millis(150));
    let t = Instant::now();
    sb.get("/sandbox/accounts", None).await;
    sb.get("/", None).await;
    // Both together well under one added latency each, even on a loaded machine.
    assert!(t.elapsed() < Duration::from_millis(290));
}

#[tokio::test]
async fn a_payment_retried_through_failures_is_made_once() {
    let sb = Sandbox::with(faults(0.5, 0.0, 99), dist);
    let cookie = sb.login("commune").await;
    let body = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", "retry-through-faults"),
    ];
    let mut answers = Vec::new();
    // Retry until answered, then a few more times, as a client unsure of the outcome.
    while answers.len() < 4 {
        let r = sb
            .call(
                Method::POST,
                "/api/me/order/1001/pay",
                Some(&cookie),
                &headers,
                body.clone(),
            )
            .await;
        match r.status {
            StatusCode::OK => answers.push(r.body),
            StatusCode::SERVICE_UNAVAILABLE => {}
            s => panic!("{s}: {}", String::from_utf8_lossy(&r.body)),
        }
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(payments(&sb, 1001), 1);
    assert!(sb.state.faults.counts().0 > 0);
}

// ----------------------------------------------------------------- over a socket

/// One request on its own connection: `None` when the connection closed without a
/// response.
async fn request(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<(u16, String)> {
    request_with_head(addr, method, path, headers, body)
        .await
        .map(|(status, _, body)| (status, body))
}

/// As `request`, with the response's head (status line and headers) too.
async fn request_with_head(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<(u16, String, String)> {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut out))
        .await
        .expect("the server neither answered nor closed");
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.get(9..12).and_then(|s| s.parse().ok())?;
    let (head, body) = text
        .split_once("\r\n\r\n")
        .map(|(h, b)| (h.to_ascii_lowercase(), b.to_string()))
        .unwrap_or_default();
    Some((status, head, body))
}

fn losing(rate: f64, seed: u64) -> FaultConfig {
    FaultConfig {
        lose_rate: rate,
        seed: Some(seed),
        ..FaultConfig::default()
    }
}

/// The order's follow-up events with this label: what a second application of
/// a payment or an upload would add.
fn history(sb: &Sandbox, order: i64, label: &str) -> i64 {
    sb.state
        .db()
        .query_row(
            "SELECT COUNT(*) FROM order_events WHERE order_id = ?1 AND label = ?2",
            rusqlite::params![order, label],
            |r| r.get(0),
        )
        .unwrap()
}

#[tokio::test]
async fn dropped_requests_get_no_response_and_the_server_goes_on() {
    let sb = Sandbox::with(faults(0.0, 1.0, 5), dist);
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    for _ in 0..20 {
        let r = request(server.addr, "GET", "/api/me", &[("Cookie", &cookie)], b"").await;
        assert_eq!(r, None);
    }
    // Everything else still answers on the same server.
    let (status, _) = request(server.addr, "GET", "/sandbox/accounts", &[], b"")
        .await
        .unwrap();
    assert_eq!(status, 200);
    let (status, _) = request(server.addr, "GET", "/", &[], b"").await.unwrap();
    assert_eq!(status, 200);
    assert_eq!(sb.state.faults.counts(), (0, 20));
    server.stop().await;
}

#[tokio::test]
async fn payment_and_upload_retried_through_drops_and_failures_happen_once() {
    let sb = Sandbox::with(faults(0.25, 0.25, 11), dist);
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let pay = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "socket-faults"),
    ];
    let mut outcomes = (0, 0, 0);
    let mut answered = 0;
    while answered < 3 {
        match request(
            server.addr,
            "POST",
            "/api/me/order/1001/pay",
            &headers,
            &pay,
        )
        .await
        {
            None => outcomes.0 += 1,
            Some((503, _)) => outcomes.1 += 1,
            Some((200, _)) => {
                outcomes.2 += 1;
                answered += 1
            }
            Some((s, b)) => panic!("{s}: {b}"),
        }
    }
    assert_eq!(payments(&sb, 1001), 1);

    // The signed copy, sent until accepted: one document, no partial file left.
    let pdf = common::pdf(2 * 1024 * 1024);
    let upload = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/pdf"),
    ];
    loop {
        match request(
            server.addr,
            "PUT",
            "/api/me/order/1001/mandate/document?name=signe.pdf",
            &upload,
            &pdf,
        )
        .await
        {
            None | Some((503, _)) => continue,
            Some((200, _)) => break,
            Some((s, b)) => panic!("{s}: {b}"),
        }
    }
    let files: Vec<_> = sb
        .stored_files()
        .into_iter()
        .filter(|n| n.starts_with("mandate-1001-") || n.ends_with(".part"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let state: String = sb
        .state
        .db()
        .query_row(
            "SELECT state FROM mandates WHERE order_id = 1001",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(state, "underReview");
    let (failed, dropped) = sb.state.faults.counts();
    assert!(failed > 0 && dropped > 0, "{outcomes:?}");
    server.stop().await;
}

#[tokio::test]
async fn every_answer_lost_after_the_commit_still_applied_its_request() {
    let sb = Sandbox::with(losing(1.0, 4), dist);
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let pay = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "lost-answer"),
    ];
    let mut closed = 0;
    let mut gateway = 0;
    for _ in 0..8 {
        match request(
            server.addr,
            "POST",
            "/api/me/order/1001/pay",
            &headers,
            &pay,
        )
        .await
        {
            None => closed += 1,
            Some((502, body)) => {
                assert!(body.contains("Server::BadGateway"), "{body}");
                gateway += 1
            }
            other => panic!("an answer came through: {other:?}"),
        }
    }
    // No answer ever arrived, yet the payment was applied, once.
    assert!(closed > 0 && gateway > 0, "{closed} closed, {gateway} 502");
    assert_eq!(payments(&sb, 1001), 1);
    assert_eq!(history(&sb, 1001, "Paiement par mandat administratif"), 1);
    assert_eq!(sb.state.faults.lost(), 8);
    server.stop().await;
}

#[tokio::test]
async fn payment_and_upload_whose_answers_are_lost_happen_once() {
    let sb = Sandbox::with(losing(0.5, 2026), dist);
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let pay = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "lost-then-replayed"),
    ];
    // A client unsure of the outcome sends the same request until it gets an
    // answer, and once more: every receipt it gets is the same.
    let mut receipts: Vec<(bool, String)> = Vec::new();
    let mut lost = 0;
    while receipts.len() < 2 || lost == 0 {
        match request_with_head(
            server.addr,
            "POST",
            "/api/me/order/1001/pay",
            &headers,
            &pay,
        )
        .await
        {
            None | Some((502, _, _)) => lost += 1,
            Some((200, head, body)) => {
                receipts.push((head.contains("idempotent-replayed: true"), body))
            }
            Some((s, _, b)) => panic!("{s}: {b}"),
        }
        assert!(receipts.len() + lost < 40, "no end");
    }
    assert!(receipts.windows(2).all(|w| w[0].1 == w[1].1));
    // Only the first application is not a replay; whether it reached the client
    // depends on the draw, never more than one.
    assert!(receipts.iter().filter(|(replayed, _)| !replayed).count() <= 1);
    assert_eq!(payments(&sb, 1001), 1);
    assert_eq!(history(&sb, 1001, "Paiement par mandat administratif"), 1);

    // The signed copy, sent again while no answer comes back: once it was stored,
    // a copy under review refuses another (409) and the client reads the state.
    let pdf = common::pdf(256 * 1024);
    let upload = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/pdf"),
    ];
    let mut sends = 0;
    loop {
        sends += 1;
        assert!(sends < 40, "no end");
        match request(
            server.addr,
            "PUT",
            "/api/me/order/1001/mandate/document?name=signe.pdf",
            &upload,
            &pdf,
        )
        .await
        {
            None | Some((502, _)) => continue,
            Some((200, _)) => break,
            Some((409, body)) => {
                assert!(body.contains("mandate_not_awaiting_document"), "{body}");
                break;
            }
            Some((s, b)) => panic!("{s}: {b}"),
        }
    }
    assert_eq!(history(&sb, 1001, "Mandat signé reçu"), 1);
    let files: Vec<_> = sb
        .stored_files()
        .into_iter()
        .filter(|n| n.starts_with("mandate-1001-") || n.ends_with(".part"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(sb.state.faults.lost() > 0);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_payments_racing_with_one_key_give_one_payment_and_one_replay() {
    let sb = Sandbox::with(FaultConfig::default(), dist);
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let pay = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "double-click"),
    ];
    // Two connections, both sent before either is answered, on an unpaid order.
    assert_eq!(payments(&sb, 1002), 0);
    let send = || {
        request_with_head(
            server.addr,
            "POST",
            "/api/me/order/1002/pay",
            &headers,
            &pay,
        )
    };
    let (a, b) = tokio::join!(send(), send());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.0, b.0), (200, 200), "{a:?} {b:?}");
    assert_eq!(a.2, b.2);
    let replayed = [&a, &b]
        .iter()
        .filter(|r| r.1.contains("idempotent-replayed: true"))
        .count();
    assert_eq!(replayed, 1);
    assert_eq!(payments(&sb, 1002), 1);
    assert_eq!(history(&sb, 1002, "Paiement par mandat administratif"), 1);
    server.stop().await;
}
