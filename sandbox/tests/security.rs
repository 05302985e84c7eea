//! The sandbox answers only its own pages: requests addressed to another host (DNS
//! rebinding), requests of another site that would change something or sign a
//! browser in, and bodies a page of another site can send without a preflight are
//! refused, while the sandbox's own pages, curl and test clients go through.
//! A payment's `Idempotency-Key` stands for one request; each account sees only
//! its own orders, mandates and bills.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{contract_operations, mandate_body, Reply, Sandbox, PORT};
use mandat_model::mandate::{Mandate, MandateState};
use serde_json::json;

const COMMUNE: &str = "21445012400018";

fn own_origin() -> String {
    format!("http://127.0.0.1:{PORT}")
}

fn payments(sb: &Sandbox, order: u64) -> i64 {
    let conn = rusqlite::Connection::open(sb.dir.path().join("db.sqlite3")).unwrap();
    conn.query_row(
        "SELECT COUNT(*) FROM payments WHERE order_id = ?1",
        [order as i64],
        |r| r.get(0),
    )
    .unwrap()
}

async fn status_of(sb: &Sandbox, cookie: &str, order: u64) -> String {
    let r = sb
        .get(&format!("/api/me/order/{order}/status"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

async fn mandate_of(sb: &Sandbox, cookie: &str, order: u64) -> Mandate {
    let r = sb
        .get(&format!("/api/me/order/{order}/mandate"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

async fn history_len(sb: &Sandbox, cookie: &str, bill: &str) -> usize {
    let r = sb
        .get(&format!("/api/me/bill/{bill}/chorus"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()["history"].as_array().unwrap().len()
}

fn assert_refused(r: &Reply, status: StatusCode, class: &str, what: &str) {
    assert_eq!(
        r.status,
        status,
        "{what}: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.header("content-type"), "application/json", "{what}");
    assert_eq!(r.class(), class, "{what}");
    assert!(
        !r.json()["message"].as_str().unwrap_or_default().is_empty(),
        "{what}"
    );
}

// --- Host ------------------------------------------------------------------

#[tokio::test]
async fn another_host_is_misdirected_on_the_api_the_app_and_the_host_page() {
    let sb = Sandbox::with(Default::default(), |dist| {
        std::fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    });
    let c = sb.login("commune").await;
    for path in [
        "/api/me",
        "/orders/1001/checkout",
        "/",
        "/host/",
        "/sandbox/accounts",
        "/sandbox/login?account=commune",
    ] {
        for host in [
            "evil.example:8080".to_string(),
            "evil.example".to_string(),
            format!("127.0.0.1:{}", PORT + 1),
            // Without the port, a browser means port 80.
            "127.0.0.1".to_string(),
            "localhost".to_string(),
            format!("127.0.0.1.evil.example:{PORT}"),
        ] {
            let r = sb
                .call(Method::GET, path, Some(&c), &[("host", &host)], vec![])
                .await;
            assert_refused(
                &r,
                StatusCode::MISDIRECTED_REQUEST,
                "Client::MisdirectedRequest",
                &format!("GET {path} Host: {host}"),
            );
            assert!(r.header("set-cookie").is_empty(), "{path} {host}");
        }
        for host in [
            format!("127.0.0.1:{PORT}"),
            format!("localhost:{PORT}"),
            format!("[::1]:{PORT}"),
        ] {
            let r = sb
                .call(Method::GET, path, Some(&c), &[("host", &host)], vec![])
                .await;
            assert!(
                r.status.is_success() || r.status == StatusCode::SEE_OTHER,
                "GET {path} Host: {host}: {}",
                r.status
            );
        }
    }
    let me = sb
        .call(
            Method::GET,
            "/api/me",
            Some(&c),
            &[("host", &format!("localhost:{PORT}"))],
            vec![],
        )
        .await;
    assert_eq!(me.json()["customerCode"], "sa10001-ovh");
}

#[tokio::test]
async fn a_request_without_host_or_with_two_or_another_target_is_misdirected() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let bare = Request::get("/api/me")
        .header("cookie", &c)
        .body(Body::empty())
        .unwrap();
    let r = sb.send_as_is(bare).await;
    assert_refused(
        &r,
        StatusCode::MISDIRECTED_REQUEST,
        "Client::MisdirectedRequest",
        "no Host",
    );
    let two = Request::get("/api/me")
        .header("cookie", &c)
        .header("host", format!("127.0.0.1:{PORT}"))
        .header("host", "evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        sb.send_as_is(two).await.status,
        StatusCode::MISDIRECTED_REQUEST
    );
    // An absolute target names its host too: both must be the sandbox.
    let absolute = Request::get("http://evil.example/api/me")
        .header("cookie", &c)
        .header("host", format!("127.0.0.1:{PORT}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        sb.send_as_is(absolute).await.status,
        StatusCode::MISDIRECTED_REQUEST
    );
    let absolute = Request::get(format!("http://localhost:{PORT}/api/me"))
        .header("cookie", &c)
        .body(Body::empty())
        .unwrap();
    assert_eq!(sb.send_as_is(absolute).await.status, StatusCode::OK);
}

/// Over a real socket, the port checked is the one the sandbox listens on.
#[tokio::test]
async fn the_port_is_the_one_the_sandbox_listens_on() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let sb = Sandbox::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(mandat_sandbox::serve(listener, sb.state.clone(), async {
        let _ = rx.await;
    }));
    let status = |host: String| async move {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let head =
            format!("GET /sandbox/accounts HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        s.write_all(head.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.unwrap();
        String::from_utf8_lossy(&out)[9..12].to_string()
    };
    let port = addr.port();
    assert_eq!(status(format!("127.0.0.1:{port}")).await, "200");
    assert_eq!(status(format!("localhost:{port}")).await, "200");
    assert_eq!(status(format!("127.0.0.1:{PORT}")).await, "421");
    assert_eq!(status(format!("rebound.example:{port}")).await, "421");
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

// --- Another site ------------------------------------------------------------

#[tokio::test]
async fn a_cross_site_reset_is_refused_and_the_data_stays() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = sb
        .post_json(
            "/api/me/order/1001/pay",
            Some(&c),
            mandate_body(COMMUNE, "SERV-FIN", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let own = own_origin();
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "http://evil.example")],
        vec![("origin", "null")],
        // A page of the sandbox's name on another port is another origin.
        vec![("origin", "http://127.0.0.1:8081")],
        vec![("sec-fetch-site", "cross-site"), ("origin", own.as_str())],
    ] {
        let r = sb
            .call(Method::POST, "/sandbox/reset", None, &headers, vec![])
            .await;
        assert_refused(
            &r,
            StatusCode::FORBIDDEN,
            "Client::Forbidden",
            &format!("{headers:?}"),
        );
        assert_eq!(status_of(&sb, &c, 1001).await, "documentsRequested");
        assert_eq!(payments(&sb, 1001), 1);
    }
    // The sandbox's own page (or an address typed in the browser) may reset.
    let r = sb
        .call(
            Method::POST,
            "/sandbox/reset",
            None,
            &[("sec-fetch-site", "same-origin"), ("origin", own.as_str())],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        sb.get("/api/me", Some(&c)).await.status,
        StatusCode::UNAUTHORIZED,
        "reset ends every session"
    );
    assert_eq!(payments(&sb, 1001), 0);
}

#[tokio::test]
async fn forged_operator_actions_and_payments_are_refused() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let before = history_len(&sb, &c, "FR1000001").await;
    let evil = [("origin", "http://evil.example")];
    let cross = [("sec-fetch-site", "cross-site")];
    let json = ("content-type", "application/json");
    for headers in [&evil[..], &cross[..]] {
        let with_json: Vec<(&str, &str)> = headers.iter().copied().chain([json]).collect();
        let r = sb
            .call(
                Method::POST,
                "/sandbox/orders/1003/mandate/accept",
                None,
                headers,
                vec![],
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "accept");
        let r = sb
            .call(
                Method::POST,
                "/sandbox/orders/1003/mandate/reject",
                None,
                &with_json,
                br#"{"reason":"forged"}"#.to_vec(),
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "reject");
        assert_eq!(
            mandate_of(&sb, &c, 1003).await.state,
            MandateState::UnderReview
        );
        let r = sb
            .call(
                Method::POST,
                "/sandbox/bills/FR1000001/events",
                None,
                &with_json,
                br#"{"status":"REJETEE","reason":"forged"}"#.to_vec(),
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "events");
        assert_eq!(history_len(&sb, &c, "FR1000001").await, before);
        let r = sb
            .call(
                Method::POST,
                "/api/me/order/1001/pay",
                Some(&c),
                &with_json,
                serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap(),
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "pay");
        assert_eq!(payments(&sb, 1001), 0);
        let r = sb
            .call(
                Method::PUT,
                "/api/me/order/1004/mandate/document?name=forged.pdf",
                Some(&c),
                headers,
                common::pdf(1000),
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "upload");
        assert_eq!(
            mandate_of(&sb, &c, 1004).await.state,
            MandateState::Rejected
        );
    }
    // The same, from the sandbox's own pages: done.
    let own = own_origin();
    let page = [("sec-fetch-site", "same-origin"), ("origin", own.as_str())];
    let page_json: Vec<(&str, &str)> = page.iter().copied().chain([json]).collect();
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &page_json,
            serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1004/mandate/document?name=signe.pdf",
            Some(&c),
            &page,
            common::pdf(1000),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb
        .call(
            Method::POST,
            "/sandbox/orders/1003/mandate/accept",
            None,
            &[("sec-fetch-site", "none")],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb
        .call(
            Method::POST,
            "/sandbox/bills/FR1000001/events",
            None,
            &page_json,
            br#"{"status":"SERVICE_FAIT"}"#.to_vec(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(history_len(&sb, &c, "FR1000001").await, before + 1);
}

/// Every operation of the contract that changes something, present or future.
#[tokio::test]
async fn every_changing_operation_refuses_another_site() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let mut checked = 0;
    for (method, path) in contract_operations() {
        if method == "GET" {
            continue;
        }
        let concrete = path
            .replace("{orderId}", "1003")
            .replace("{billId}", "FR1000001")
            .replace("{renewalId}", "1501");
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        for header in [
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://evil.example"),
        ] {
            let r = sb
                .call(
                    method.clone(),
                    &concrete,
                    Some(&c),
                    &[header, ("content-type", "application/json")],
                    b"{}".to_vec(),
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::FORBIDDEN,
                "{method} {concrete} {header:?}"
            );
        }
        checked += 1;
    }
    assert_eq!(
        checked, 12,
        "pay, the two uploads, sending an invoice's documents, the routing correction, a renewal's routing, and the six operator actions"
    );
    assert_eq!(sb.get("/api/me", Some(&c)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_in_from_another_site_is_refused() {
    let sb = Sandbox::new();
    for site in ["cross-site", "same-site"] {
        let r = sb
            .call(
                Method::GET,
                "/sandbox/login?account=commune&next=/",
                None,
                &[("sec-fetch-site", site)],
                vec![],
            )
            .await;
        assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", site);
        assert!(r.header("set-cookie").is_empty(), "{site}");
    }
    let r = sb
        .call(
            Method::GET,
            "/sandbox/login?account=commune&next=/",
            None,
            &[("origin", "http://evil.example")],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A link of the sandbox's own page, or a URL typed or pasted.
    for site in ["same-origin", "none"] {
        let r = sb
            .call(
                Method::GET,
                "/sandbox/login?account=commune&next=/",
                None,
                &[("sec-fetch-site", site)],
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{site}");
        assert!(r.header("set-cookie").starts_with("mandat_session="));
    }
}

#[tokio::test]
async fn signing_out_from_another_site_is_refused() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = sb
        .call(
            Method::GET,
            "/sandbox/logout",
            Some(&c),
            &[("sec-fetch-site", "cross-site")],
            vec![],
        )
        .await;
    assert_refused(&r, StatusCode::FORBIDDEN, "Client::Forbidden", "logout");
    // The session is still there.
    assert_eq!(sb.get("/api/me", Some(&c)).await.status, StatusCode::OK);
    let r = sb
        .call(
            Method::GET,
            "/sandbox/logout",
            Some(&c),
            &[("sec-fetch-site", "same-origin")],
            vec![],
        )
        .await;
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{}",
        r.status
    );
    assert_eq!(
        sb.get("/api/me", Some(&c)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

// --- Bodies ------------------------------------------------------------------

#[tokio::test]
async fn a_json_body_sent_as_another_type_is_refused_and_nothing_is_recorded() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let before = history_len(&sb, &c, "FR1000001").await;
    let pay = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap();
    let event = br#"{"status":"SERVICE_FAIT"}"#.to_vec();
    for ty in [
        Some("text/plain"),
        Some("text/plain;charset=UTF-8"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonp"),
        None,
    ] {
        let headers: Vec<(&str, &str)> = ty.map(|t| ("content-type", t)).into_iter().collect();
        let r = sb
            .call(
                Method::POST,
                "/api/me/order/1001/pay",
                Some(&c),
                &headers,
                pay.clone(),
            )
            .await;
        assert_refused(
            &r,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Client::UnsupportedMediaType",
            &format!("pay as {ty:?}"),
        );
        assert_eq!(r.codes()[0].0, "Content-Type");
        assert_eq!(payments(&sb, 1001), 0);
        assert_eq!(status_of(&sb, &c, 1001).await, "notPaid");
        let r = sb
            .call(
                Method::POST,
                "/sandbox/bills/FR1000001/events",
                None,
                &headers,
                event.clone(),
            )
            .await;
        assert_refused(
            &r,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Client::UnsupportedMediaType",
            &format!("events as {ty:?}"),
        );
        assert_eq!(history_len(&sb, &c, "FR1000001").await, before);
        let r = sb
            .call(
                Method::POST,
                "/sandbox/orders/1003/mandate/reject",
                None,
                &headers,
                br#"{"reason":"x"}"#.to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ty:?}");
        assert_eq!(
            mandate_of(&sb, &c, 1003).await.state,
            MandateState::UnderReview
        );
    }
    // JSON, with or without its charset: recorded.
    let r = sb
        .call(
            Method::POST,
            "/sandbox/bills/FR1000001/events",
            None,
            &[("content-type", "application/json; charset=utf-8")],
            event,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(history_len(&sb, &c, "FR1000001").await, before + 1);
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &[("content-type", "Application/JSON")],
            pay,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(payments(&sb, 1001), 1);
}

#[tokio::test]
async fn routes_without_a_body_refuse_form_and_text_bodies() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for ty in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let r = sb
            .call(
                Method::POST,
                "/sandbox/reset",
                None,
                &[("content-type", ty)],
                b"a=1".to_vec(),
            )
            .await;
        assert_refused(
            &r,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Client::UnsupportedMediaType",
            ty,
        );
        assert_eq!(sb.get("/api/me", Some(&c)).await.status, StatusCode::OK);
        let r = sb
            .call(
                Method::POST,
                "/sandbox/orders/1003/mandate/accept",
                None,
                &[("content-type", ty)],
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ty}");
        assert_eq!(
            mandate_of(&sb, &c, 1003).await.state,
            MandateState::UnderReview
        );
    }
    // No body and no type, as curl -X POST and Playwright's request.post send.
    let r = sb
        .call(
            Method::POST,
            "/sandbox/orders/1003/mandate/accept",
            None,
            &[],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        mandate_of(&sb, &c, 1003).await.state,
        MandateState::Accepted
    );
    let r = sb
        .call(Method::POST, "/sandbox/reset", None, &[], vec![])
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn every_post_of_the_contract_refuses_a_text_body() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let mut checked = 0;
    for (method, path) in contract_operations() {
        if method != "POST" {
            continue;
        }
        let concrete = path
            .replace("{orderId}", "1003")
            .replace("{billId}", "FR1000001")
            .replace("{renewalId}", "1501");
        let r = sb
            .call(
                Method::POST,
                &concrete,
                Some(&c),
                &[("content-type", "text/plain")],
                b"{}".to_vec(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "POST {concrete}"
        );
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[tokio::test]
async fn the_upload_is_put_only() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = sb
        .call(
            Method::POST,
            "/api/me/order/1004/mandate/document?name=signe.pdf",
            Some(&c),
            &[("content-type", "application/pdf")],
            common::pdf(1000),
        )
        .await;
    assert_refused(
        &r,
        StatusCode::METHOD_NOT_ALLOWED,
        "Client::MethodNotAllowed",
        "POST upload",
    );
    assert_eq!(
        mandate_of(&sb, &c, 1004).await.state,
        MandateState::Rejected
    );
    // PUT takes the file with the type the browser declares.
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1004/mandate/document?name=signe.pdf",
            Some(&c),
            &[("content-type", "application/pdf")],
            common::pdf(1000),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        mandate_of(&sb, &c, 1004).await.state,
        MandateState::UnderReview
    );
}

// --- Idempotency ---------------------------------------------------------------

async fn pay_with_key(sb: &Sandbox, cookie: &str, order: u64, key: &str, body: &[u8]) -> Reply {
    sb.call(
        Method::POST,
        &format!("/api/me/order/{order}/pay"),
        Some(cookie),
        &[
            ("content-type", "application/json"),
            ("idempotency-key", key),
        ],
        body.to_vec(),
    )
    .await
}

#[tokio::test]
async fn a_key_is_for_one_request() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let first_body = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap();
    let first = pay_with_key(&sb, &c, 1001, "k-one", &first_body).await;
    assert_eq!(first.status, StatusCode::OK);

    // The same key, another body: refused, and only the first payment stands.
    // The order being paid, that is what the answer says (before the reused key).
    let other = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-ECOLE", "")).unwrap();
    let r = pay_with_key(&sb, &c, 1001, "k-one", &other).await;
    assert_refused(
        &r,
        StatusCode::CONFLICT,
        "Client::Conflict",
        "same key, other body",
    );
    assert_eq!(
        r.codes(),
        [("orderId".to_string(), "order_already_paid".to_string())]
    );
    assert!(r.header("idempotent-replayed").is_empty());
    let card = br#"{"paymentMethod":{"paymentType":"CREDIT_CARD"}}"#;
    assert_eq!(
        pay_with_key(&sb, &c, 1001, "k-one", card).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(payments(&sb, 1001), 1);
    assert_eq!(mandate_of(&sb, &c, 1001).await.code_service, "SERV-FIN");
    assert_eq!(status_of(&sb, &c, 1001).await, "documentsRequested");

    // The same request written otherwise (spacing, order of keys): the same receipt.
    let reordered = format!(
        r#"{{ "chorus" : {{ "numeroEngagement": "", "codeService": "SERV-FIN", "siret": "{COMMUNE}" }},
            "paymentMethod" : {{ "paymentType" : "ADMINISTRATIVE_MANDATE" }} }}"#
    );
    let r = pay_with_key(&sb, &c, 1001, "k-one", reordered.as_bytes()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, first.body);
    assert_eq!(r.header("idempotent-replayed"), "true");
    assert_eq!(payments(&sb, 1001), 1);

    // The same body for another order is another request.
    let r = pay_with_key(&sb, &c, 1002, "k-one", &first_body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(payments(&sb, 1002), 0);
    // Keys are per account: another account's key of the same name is its own.
    let h = sb.login("hopital").await;
    let r = pay_with_key(
        &sb,
        &h,
        2001,
        "k-one",
        br#"{"paymentMethod":{"paymentType":"CREDIT_CARD"}}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
}

/// A database made before requests were recorded with their key: opened, it gets
/// the column; its keys replay for their order and are refused for another.
#[tokio::test]
async fn keys_stored_by_an_earlier_version_still_work() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = serde_json::to_vec(&mandate_body(COMMUNE, "SERV-FIN", "")).unwrap();
    let first = pay_with_key(&sb, &c, 1001, "k-old", &body).await;
    assert_eq!(first.status, StatusCode::OK);
    let path = sb.dir.path().join("db.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("ALTER TABLE idempotency DROP COLUMN request")
            .unwrap();
    }
    let state = sb.reopen();
    let sb = Sandbox { dir: sb.dir, state };
    let conn = rusqlite::Connection::open(&path).unwrap();
    let stored: Option<String> = conn
        .query_row(
            "SELECT request FROM idempotency WHERE key = 'k-old'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, None);
    let r = pay_with_key(&sb, &c, 1001, "k-old", &body).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, first.body);
    let r = pay_with_key(&sb, &c, 1002, "k-old", &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // New keys are stored with their request.
    let r = pay_with_key(&sb, &c, 1002, "k-new", &body).await;
    assert_eq!(r.status, StatusCode::OK);
    let stored: Option<String> = conn
        .query_row(
            "SELECT request FROM idempotency WHERE key = 'k-new'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(stored.is_some(), "k-new is stored with its request");
}

// --- Another account -------------------------------------------------------------

#[tokio::test]
async fn another_accounts_payment_mandate_and_bills_are_not_found() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    // What the commune itself gets.
    assert_eq!(
        sb.get("/api/me/order/1003/mandate/document", Some(&c))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        sb.get("/api/me/bill/FR1000001/pdf", Some(&c)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        sb.get("/api/me/bill/FR1000001/debt", Some(&c)).await.status,
        StatusCode::OK
    );
    for account in ["hopital", "entreprise"] {
        let other = sb.login(account).await;
        let r = sb
            .post_json(
                "/api/me/order/1001/pay",
                Some(&other),
                json!({"paymentMethod": {"paymentType": "CREDIT_CARD"}}),
            )
            .await;
        assert_refused(&r, StatusCode::NOT_FOUND, "Client::NotFound", "pay");
        assert_eq!(payments(&sb, 1001), 0);
        let r = sb
            .call(
                Method::PUT,
                "/api/me/order/1004/mandate/document?name=other.pdf",
                Some(&other),
                &[("content-type", "application/pdf")],
                common::pdf(1000),
            )
            .await;
        assert_refused(&r, StatusCode::NOT_FOUND, "Client::NotFound", "upload");
        let m = mandate_of(&sb, &c, 1004).await;
        assert_eq!(m.state, MandateState::Rejected);
        assert_eq!(m.document.unwrap().name, "mandat-signe.pdf");
        for path in [
            "/api/me/order/1003/mandate/document",
            "/api/me/bill/FR1000001/pdf",
            "/api/me/bill/FR1000001/debt",
        ] {
            let r = sb.get(path, Some(&other)).await;
            assert_refused(
                &r,
                StatusCode::NOT_FOUND,
                "Client::NotFound",
                &format!("{account} {path}"),
            );
        }
    }
}
