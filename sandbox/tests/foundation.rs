//! Milestone A: sessions, accounts, orders, static app; through the real router.

mod common;

use axum::http::{Method, StatusCode};
use common::Sandbox;
use mandat_model::{
    Account, DemoAccount, DemoAccountKind, LegalForm, Order, OrderDetail, OrderStatus, Siret,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn every_me_route_needs_a_session() {
    let sb = Sandbox::new();
    for path in [
        "/api/me",
        "/api/me/chorus",
        "/api/me/order",
        "/api/me/order/1001",
        "/api/me/order/1001/details",
        "/api/me/order/1001/status",
        "/api/me/order/1001/followUp",
        "/api/me/order/1001/paymentMethods",
        "/api/me/order/1003/mandate",
        "/api/me/order/1003/mandate/form",
        "/api/me/bill",
        "/api/me/bill/FR1000001",
        "/api/me/bill/FR1000001/debt",
        "/api/me/bill/FR1000001/chorus",
    ] {
        for cookie in [None, Some("mandat_session=forged"), Some("other=1")] {
            let r = sb.get(path, cookie).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path} {cookie:?}");
            assert_eq!(r.class(), "Client::Unauthorized");
            assert_eq!(r.header("content-type"), "application/json");
            assert_eq!(r.header("cache-control"), "no-store");
        }
    }
    let r = sb
        .post_json(
            "/api/me/order/1001/pay",
            None,
            common::mandate_body("", "", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_redirects_only_within_the_site() {
    let sb = Sandbox::new();
    for (next, location) in [
        ("/orders/1001/checkout", "/orders/1001/checkout"),
        ("%2Finvoices%3Fpage%3D2", "/invoices?page=2"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/%5Cevil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ] {
        let r = sb
            .get(&format!("/sandbox/login?account=commune&next={next}"), None)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{next}");
        assert_eq!(r.header("location"), location, "{next}");
        let cookie = r.header("set-cookie");
        assert!(cookie.starts_with("mandat_session="), "{cookie}");
        for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(attr), "{cookie} lacks {attr}");
        }
    }
    let r = sb.get("/sandbox/login?account=nobody&next=/", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.header("set-cookie").is_empty());

    let cookie = sb.login("commune").await;
    assert_eq!(
        sb.get("/api/me", Some(&cookie)).await.status,
        StatusCode::OK
    );
    let r = sb.get("/sandbox/logout", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(
        sb.get("/api/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn demo_accounts_are_listed_and_each_sees_itself() {
    let sb = Sandbox::new();
    let accounts: Vec<DemoAccount> = sb.get("/sandbox/accounts", None).await.decode();
    let ids: Vec<(&str, DemoAccountKind)> =
        accounts.iter().map(|a| (a.id.as_str(), a.kind)).collect();
    assert_eq!(
        ids,
        [
            ("commune", DemoAccountKind::Commune),
            ("hopital", DemoAccountKind::Hospital),
            ("entreprise", DemoAccountKind::Company)
        ]
    );
    for (id, form) in [
        ("commune", LegalForm::Administration),
        ("hopital", LegalForm::Administration),
        ("entreprise", LegalForm::Corporation),
        ("bench", LegalForm::Administration),
    ] {
        let cookie = sb.login(id).await;
        let me: Account = sb.get("/api/me", Some(&cookie)).await.decode();
        assert_eq!(me.legal_form, form, "{id}");
    }
}

#[tokio::test]
async fn every_seeded_siret_is_valid() {
    let sb = Sandbox::new();
    let conn = rusqlite::Connection::open(sb.dir.path().join("db.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT siret FROM structures UNION SELECT siret FROM bills WHERE siret IS NOT NULL UNION SELECT siret FROM mandates")
        .unwrap();
    let sirets: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(sirets.len() >= 5);
    for siret in sirets {
        assert_eq!(
            Siret::parse(&siret).map(String::from),
            Ok(siret.clone()),
            "{siret}"
        );
    }
}

#[tokio::test]
async fn unpaid_orders_add_up_exactly_and_expire_in_the_future() {
    let sb = Sandbox::new();
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    for (account, order) in [
        ("commune", 1001),
        ("commune", 1002),
        ("hopital", 2001),
        ("hopital", 2002),
        ("entreprise", 3001),
    ] {
        let cookie = sb.login(account).await;
        let ids: Vec<u64> = sb.get("/api/me/order", Some(&cookie)).await.decode();
        assert!(ids.contains(&order), "{account} {ids:?}");
        let o: Order = sb
            .get(&format!("/api/me/order/{order}"), Some(&cookie))
            .await
            .decode();
        assert_eq!(o.order_id, order);
        assert!(o.expiration_date > now);
        let ht = o.price_without_tax.cents();
        assert_eq!(o.tax.cents(), (ht * 20 + 50) / 100, "20 % VAT");
        assert_eq!(ht + o.tax.cents(), o.price_with_tax.cents());
        let lines: Vec<OrderDetail> = sb
            .get(&format!("/api/me/order/{order}/details"), Some(&cookie))
            .await
            .decode();
        assert!(lines.len() >= 2, "{order}");
        for l in &lines {
            assert_eq!(
                l.unit_price.cents() * i64::from(l.quantity),
                l.total_price.cents()
            );
            assert!(!l.description.is_empty() && !l.domain.is_empty());
        }
        assert_eq!(lines.iter().map(|l| l.total_price.cents()).sum::<i64>(), ht);
        let r = sb
            .get(&format!("/api/me/order/{order}/status"), Some(&cookie))
            .await;
        assert_eq!(r.body, b"\"notPaid\"");
        assert_eq!(r.decode::<OrderStatus>(), OrderStatus::NotPaid);
    }
}

#[tokio::test]
async fn another_accounts_order_is_not_found_like_an_unknown_one() {
    let sb = Sandbox::new();
    let cookie = sb.login("entreprise").await;
    for path in [
        "/api/me/order/1001",
        "/api/me/order/1001/details",
        "/api/me/order/1001/status",
        "/api/me/order/1001/paymentMethods",
        "/api/me/order/999999",
        "/api/me/order/abc",
        "/api/me/order/-1",
        "/api/me/order/99999999999999999999999",
        "/api/me/bill/FR1000001",
        "/api/me/bill/FR1000001/chorus",
        "/api/me/nothing-here",
        "/api/unknown",
    ] {
        let r = sb.get(path, Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.class(), "Client::NotFound", "{path}");
    }
    let ids: Vec<u64> = sb.get("/api/me/order", Some(&cookie)).await.decode();
    assert!(ids.iter().all(|id| (3000..4000).contains(id)), "{ids:?}");
    let r = sb
        .call(
            Method::DELETE,
            "/api/me/order/3001",
            Some(&cookie),
            &[],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.class(), "Client::MethodNotAllowed");
}

#[tokio::test]
async fn the_app_is_served_with_its_routes_falling_back_to_index() {
    let sb = Sandbox::new();
    // Not built yet: a page that says so; the API still answers.
    let r = sb.get("/orders/1001/checkout", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&r.body).contains("not built"));

    let dist = sb.dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dist.join("assets/app-1234.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("app-1234_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("style.css"), "a{}").unwrap();
    for (path, ty, body) in [
        ("/", "text/html", "<!doctype html><title>app</title>"),
        (
            "/orders/1001/checkout",
            "text/html",
            "<!doctype html><title>app</title>",
        ),
        (
            "/invoices/FR123",
            "text/html",
            "<!doctype html><title>app</title>",
        ),
        ("/assets/app-1234.js", "text/javascript", "console.log(1)"),
        ("/style.css", "text/css", "a{}"),
    ] {
        let r = sb.get(path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.header("content-type").starts_with(ty),
            "{path}: {}",
            r.header("content-type")
        );
        assert_eq!(String::from_utf8_lossy(&r.body), body, "{path}");
    }
    let r = sb.get("/app-1234_bg.wasm", None).await;
    assert_eq!(r.header("content-type"), "application/wasm");
    let r = sb.get("/api/orders/1001", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.class(), "Client::NotFound");
    // A stylesheet or script that is not there is missing, not the app's page.
    for path in ["/mandate.css", "/assets/gone-99.js"] {
        let r = sb.get(path, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.header("content-type").starts_with("text/html"), "{path}");
    }
}

#[tokio::test]
async fn data_survives_a_restart_and_reseed_restores_it() {
    let sb = Sandbox::new();
    let cookie = sb.login("commune").await;
    let r = sb
        .post_json(
            "/api/me/order/1001/pay",
            Some(&cookie),
            common::mandate_body("21445012400018", "SERV-FIN", ""),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // A new server on the same database file.
    let sb2 = Sandbox {
        dir: tempfile::tempdir().unwrap(),
        state: sb.reopen(),
    };
    let r = sb2.get("/api/me/order/1001/status", Some(&cookie)).await;
    assert_eq!(
        r.body, b"\"documentsRequested\"",
        "session and payment persisted"
    );
    let fresh = mandat_sandbox::AppState::open(
        &sb.dir.path().join("db.sqlite3"),
        &sb.dir.path().join("dist"),
        true,
    )
    .unwrap();
    let sb3 = Sandbox {
        dir: tempfile::tempdir().unwrap(),
        state: fresh,
    };
    assert_eq!(
        sb3.get("/api/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED,
        "sessions wiped"
    );
    let cookie = sb3.login("commune").await;
    assert_eq!(
        sb3.get("/api/me/order/1001/status", Some(&cookie))
            .await
            .body,
        b"\"notPaid\""
    );
}

async fn raw_http(addr: std::net::SocketAddr, request: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    stream.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn serves_over_a_real_socket_and_shuts_down() {
    let sb = Sandbox::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(mandat_sandbox::serve(listener, sb.state.clone(), async {
        let _ = rx.await;
    }));
    let res = raw_http(addr, &format!("GET /sandbox/login?account=hopital&next=/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")).await;
    assert!(res.starts_with("HTTP/1.1 303"), "{res}");
    let cookie = res
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let res = raw_http(addr, &format!("GET /api/me/order/2001 HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n")).await;
    assert!(res.starts_with("HTTP/1.1 200"), "{res}");
    assert!(res.contains("\"orderId\":2001"));
    let res = raw_http(
        addr,
        &format!("GET /api/me HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 401"), "{res}");
    tx.send(()).unwrap();
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn malformed_requests_get_the_error_shape_too() {
    let sb = Sandbox::new();
    let cookie = sb.login("commune").await;
    for (method, path) in [
        (Method::GET, "/api/me/bill/%FF"),
        (Method::GET, "/api/me/bill/%FF/chorus"),
        (Method::PUT, "/api/me/order/1001/mandate/document?name=%FF"),
        (Method::GET, "/api/me/bill?page=%FF"),
        (Method::POST, "/sandbox/bills/%FF/events"),
        (Method::GET, "/sandbox/login?account=%FF"),
        (Method::PATCH, "/api/me"),
        (Method::DELETE, "/sandbox/accounts"),
    ] {
        let r = sb
            .call(
                method.clone(),
                path,
                Some(&cookie),
                &[],
                b"%PDF-1.4".to_vec(),
            )
            .await;
        assert!(r.status.is_client_error(), "{method} {path}: {}", r.status);
        if r.header("content-type").starts_with("text/html") {
            continue;
        }
        assert_eq!(
            r.header("content-type"),
            "application/json",
            "{method} {path}"
        );
        let body: mandat_model::ErrorBody = r.decode();
        assert!(body.class.starts_with("Client::"), "{method} {path}");
    }
}
