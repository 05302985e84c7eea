//! Free text checked where it comes in: a numéro d'engagement, a code service,
//! a reason refuse control characters and direction overrides with a field
//! error, and are kept normalised and trimmed; an upload's name keeps a safe
//! base name; an event dated past the clock plus a day is refused; a JSON body
//! cut short is a 400, not a 413.

mod common;

use axum::body::Body;
use axum::http::{Method, StatusCode};
use common::{mandate_body, start, Sandbox};
use mandat_model::mandate::{Mandate, MandateState};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HOSPITAL: &str = "26765432500013";

async fn pay(sb: &Sandbox, cookie: &str, order: u64, body: serde_json::Value) -> common::Reply {
    sb.post_json(&format!("/api/me/order/{order}/pay"), Some(cookie), body)
        .await
}

#[tokio::test]
async fn routing_fields_with_controls_or_overrides_are_refused_field_by_field() {
    let sb = Sandbox::new();
    let c = sb.login("hopital").await;
    for (code, ej, field, error) in [
        (
            "",
            "EJ-2026\u{0}-1",
            "numeroEngagement",
            "text_control_character",
        ),
        (
            "",
            "EJ-2026\r\nBcc: x",
            "numeroEngagement",
            "text_control_character",
        ),
        (
            "",
            "EJ\u{202e}1-6202",
            "numeroEngagement",
            "text_bidi_control",
        ),
        (
            "DSI\n",
            "EJ-2026-1",
            "codeService",
            "text_control_character",
        ),
        (
            "\u{2066}DSI",
            "EJ-2026-1",
            "codeService",
            "text_bidi_control",
        ),
    ] {
        let r = pay(&sb, &c, 2001, mandate_body(HOSPITAL, code, ej)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{ej:?} {code:?}");
        assert_eq!(r.class(), "Client::BadRequest");
        assert_eq!(
            r.codes(),
            [(field.to_string(), error.to_string())],
            "{ej:?} {code:?}"
        );
    }
    // Both wrong: both said.
    let r = pay(&sb, &c, 2001, mandate_body(HOSPITAL, "D\tSI", "E\u{0}J")).await;
    assert_eq!(r.codes().len(), 2, "{}", r.json());
    let status = sb.get("/api/me/order/2001/status", Some(&c)).await;
    assert_eq!(status.json(), "notPaid", "nothing was paid");
}

#[tokio::test]
async fn routing_text_is_kept_in_nfc_and_trimmed() {
    let sb = Sandbox::new();
    let c = sb.login("hopital").await;
    let r = pay(
        &sb,
        &c,
        2001,
        mandate_body(HOSPITAL, "", "  EJ-2026-Re\u{301}gie  "),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let mandate: Mandate = sb
        .get("/api/me/order/2001/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(mandate.numero_engagement, "EJ-2026-R\u{e9}gie");
}

#[tokio::test]
async fn a_rejection_reason_of_one_nul_is_refused() {
    let sb = Sandbox::new();
    for reason in ["\u{0}", "Signature\r\nmanquante", "\u{202e}erutangiS"] {
        let r = sb
            .post_json(
                "/sandbox/orders/1003/mandate/reject",
                None,
                json!({ "reason": reason }),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{reason:?}");
        assert_eq!(r.codes()[0].0, "reason", "{reason:?}");
        assert!(r.codes()[0].1.starts_with("text_"), "{:?}", r.codes());
    }
    let c = sb.login("commune").await;
    let mandate: Mandate = sb
        .get("/api/me/order/1003/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(
        mandate.state,
        MandateState::UnderReview,
        "still under review"
    );
    let r = sb
        .post_json(
            "/sandbox/orders/1003/mandate/reject",
            None,
            json!({ "reason": "  Cachet manquant " }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    assert_eq!(r.json()["rejectionReason"], "Cachet manquant");
}

#[tokio::test]
async fn an_event_reason_with_an_override_is_refused() {
    let sb = Sandbox::new();
    let r = sb
        .chorus_event(
            "FR1000001",
            json!({ "status": "SUSPENDUE", "reason": "Pi\u{e8}ce\u{202e} manquante" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json());
    assert_eq!(
        r.codes(),
        [("reason".to_string(), "text_bidi_control".to_string())]
    );
}

#[tokio::test]
async fn events_dated_past_the_clock_and_a_day_are_refused() {
    let sb = Sandbox::new();
    let now = chrono::Utc::now();
    for date in [
        "9999-12-31T00:00:00Z".to_string(),
        (now + chrono::Duration::hours(25)).to_rfc3339(),
    ] {
        let r = sb
            .chorus_event(
                "FR1000001",
                json!({ "status": "SERVICE_FAIT", "date": date }),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{date}: {}", r.json());
        assert_eq!(
            r.codes(),
            [("date".to_string(), "event_date_in_future".to_string())]
        );
    }
    // Within the day's leeway: recorded, and the invoice moves on.
    let date = (now + chrono::Duration::hours(2)).to_rfc3339();
    let r = sb
        .chorus_event(
            "FR1000001",
            json!({ "status": "SERVICE_FAIT", "date": date }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    assert_eq!(r.json()["status"], "SERVICE_FAIT");
}

#[tokio::test]
async fn an_upload_name_keeps_a_safe_base_name() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1004/mandate/document?name=..%2Fsig%01ne%E2%80%AEfdp.pdf",
            Some(&c),
            &[],
            common::pdf(1000),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let mandate: Mandate = r.decode();
    assert_eq!(mandate.document.unwrap().name, "signefdp.pdf");
}

/// A JSON body that stops before its announced length.
#[tokio::test]
async fn a_json_body_cut_short_is_a_400() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    // Through the router: the body fails half-way.
    let pieces: Vec<Result<&'static [u8], std::io::Error>> = vec![
        Ok(b"{\"paymentMethod\": {\"paymentType\""),
        Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "cut",
        )),
    ];
    let r = sb
        .send(
            axum::http::Request::post("/api/me/order/1001/pay")
                .header("cookie", &c)
                .header("content-type", "application/json")
                .body(Body::from_stream(futures_util::stream::iter(pieces)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.json());
    assert_eq!(
        r.codes(),
        [("body".to_string(), "body_incomplete".to_string())]
    );

    // Over a socket: 100 bytes announced, 20 sent, then the client stops sending.
    let server = start(&sb).await;
    let stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    let head = format!(
        "POST /api/me/order/1001/pay HTTP/1.1\r\nHost: {}\r\nCookie: {c}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
        server.addr
    );
    wr.write_all(head.as_bytes()).await.unwrap();
    wr.write_all(b"{\"paymentMethod\": {").await.unwrap();
    wr.shutdown().await.unwrap();
    let mut out = Vec::new();
    rd.read_to_end(&mut out).await.unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
    assert!(text.contains("body_incomplete"), "{text}");

    // Too large is still a 413.
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(70 * 1024));
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &[("content-type", "application/json")],
            big.into_bytes(),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    server.stop().await;
    let status = sb.get("/api/me/order/1001/status", Some(&c)).await;
    assert_eq!(status.json(), "notPaid");
}
