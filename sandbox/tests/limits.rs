//! What one client can hold of the sandbox: a connection that sends half a request,
//! a body that stops arriving, uploads at once, the bytes of a refused upload, a
//! session.

mod common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::{mandate_body, start, Sandbox};
use futures_util::StreamExt as _;
use mandat_sandbox::http::limits::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends `head` (and no more), then reads until the server closes the
/// connection; panics if it is still open after 10 s. What was read, and when.
async fn send_and_wait_for_close(addr: std::net::SocketAddr, head: &[u8]) -> (String, Duration) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head).await.unwrap();
    let sent = Instant::now();
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut out)).await;
    assert!(
        read.is_ok(),
        "the connection is still open 10 s later; read so far: {}",
        String::from_utf8_lossy(&out)
    );
    (String::from_utf8_lossy(&out).into_owned(), sent.elapsed())
}

fn short_timeouts() -> Limits {
    Limits {
        header_read: Duration::from_millis(400),
        body_idle: Duration::from_millis(400),
        ..Limits::default()
    }
}

#[tokio::test]
async fn a_request_head_that_stops_half_way_is_cut_off() {
    let sb = Sandbox::with_limits(short_timeouts());
    let server = start(&sb).await;
    // Half a request line; then half the headers.
    let addr = server.addr;
    for head in [
        "GET /api/me HT".to_string(),
        format!("GET /sandbox/accounts HTTP/1.1\r\nHost: {addr}\r\nAcc"),
    ] {
        let (answer, after) = send_and_wait_for_close(addr, head.as_bytes()).await;
        assert_eq!(answer, "", "closed without an answer");
        assert!(
            after >= Duration::from_millis(300),
            "not before the timeout: {after:?}"
        );
    }
    // A whole request is answered as usual.
    let whole =
        format!("GET /sandbox/accounts HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let (answer, _) = send_and_wait_for_close(addr, whole.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    server.stop().await;
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_answered_408_and_its_connection_closed() {
    let sb = Sandbox::with_limits(short_timeouts());
    let server = start(&sb).await;
    let cookie = sb.commune_awaiting_copy("").await;

    // An upload announcing 1,000 bytes that sends 9.
    let head = format!(
        "PUT /api/me/order/1001/mandate/document?name=a.pdf HTTP/1.1\r\nHost: {}\r\n\
         Cookie: {cookie}\r\nContent-Type: application/pdf\r\nContent-Length: 1000\r\n\r\n%PDF-1.7\n",
        server.addr
    );
    let (answer, after) = send_and_wait_for_close(server.addr, head.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("Client::RequestTimeout"), "{answer}");
    assert!(after >= Duration::from_millis(300), "{after:?}");
    // Nothing kept of it: the mandate still waits, no partial file.
    let m = sb
        .get("/api/me/order/1001/mandate", Some(&cookie))
        .await
        .json();
    assert_eq!(m["state"], "awaitingDocument");
    assert_eq!(partial_files(&sb), 0);

    // A JSON body too.
    let head = format!(
        "POST /api/me/order/1002/pay HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"paymentMethod\"",
        server.addr
    );
    let (answer, _) = send_and_wait_for_close(server.addr, head.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let status = sb
        .get("/api/me/order/1002/status", Some(&cookie))
        .await
        .json();
    assert_eq!(status, "notPaid");
    server.stop().await;
}

/// A request body that counts the bytes the server pulled from it: `chunks`
/// pieces of `chunk` bytes, the first beginning with `head`.
fn counted_body(
    head: &[u8],
    chunk: usize,
    chunks: usize,
) -> (
    axum::body::Body,
    std::sync::Arc<std::sync::atomic::AtomicU64>,
) {
    use std::sync::atomic::Ordering;
    let pulled = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let counter = pulled.clone();
    let mut first = head.to_vec();
    first.resize(chunk, b'x');
    let first = axum::body::Bytes::from(first);
    let rest = axum::body::Bytes::from(vec![b'x'; chunk]);
    let stream = futures_util::stream::iter(0..chunks).map(move |i| {
        counter.fetch_add(chunk as u64, Ordering::SeqCst);
        Ok::<_, std::io::Error>(if i == 0 { first.clone() } else { rest.clone() })
    });
    (axum::body::Body::from_stream(stream), pulled)
}

fn upload_request(
    order: &str,
    cookie: &str,
    headers: &[(&str, &str)],
    body: axum::body::Body,
) -> axum::http::Request<axum::body::Body> {
    let mut req = axum::http::Request::put(format!(
        "/api/me/order/{order}/mandate/document?name=signe.pdf"
    ))
    .header("cookie", cookie)
    // As a browser names the sandbox (the port the router is told it listens on).
    .header("host", "127.0.0.1:8080");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.body(body).unwrap()
}

fn partial_files(sb: &Sandbox) -> usize {
    sb.stored_files()
        .iter()
        .filter(|n| n.ends_with(".part"))
        .count()
}

async fn paid_by_mandate(
    sb: &Sandbox,
    account: &str,
    order: &str,
    siret: &str,
    code: &str,
) -> String {
    let cookie = sb.login(account).await;
    let r = sb
        .post_json(
            &format!("/api/me/order/{order}/pay"),
            Some(&cookie),
            mandate_body(siret, code, "EJ-1"),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    cookie
}

#[tokio::test]
async fn a_fifth_upload_at_once_is_turned_away_503_unread() {
    use tower::ServiceExt as _;
    let sb = Sandbox::new();
    let cookie = paid_by_mandate(&sb, "commune", "1001", "21445012400018", "SERV-FIN").await;
    // Four uploads under way: each sent its first bytes and holds on.
    let pdf = axum::body::Bytes::from(common::pdf(1000));
    let mut senders = Vec::new();
    let mut uploads = Vec::new();
    for _ in 0..4 {
        let (tx, rx) = tokio::sync::mpsc::channel::<axum::body::Bytes>(1);
        tx.send(pdf.slice(..9)).await.unwrap();
        let body = futures_util::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|b| (Ok::<_, std::io::Error>(b), rx))
        });
        let req = upload_request("1001", &cookie, &[], axum::body::Body::from_stream(body));
        uploads.push(tokio::spawn(sb.app().oneshot(req)));
        senders.push(tx);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while partial_files(&sb) < 4 {
        assert!(Instant::now() < deadline, "the four uploads never started");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let (body, pulled) = counted_body(b"%PDF-1.7\n", 64 * 1024, 16);
    let r = sb.send(upload_request("1001", &cookie, &[], body)).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("retry-after"), "1");
    assert_eq!(r.class(), "Server::ServiceUnavailable");
    assert_eq!(
        pulled.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "not a byte read"
    );

    // Once they end, uploads are received again.
    for tx in &senders {
        tx.send(pdf.slice(9..)).await.unwrap();
    }
    drop(senders);
    let mut statuses = Vec::new();
    for u in uploads {
        statuses.push(u.await.unwrap().unwrap().status());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    let (body, _) = counted_body(b"%PDF-1.7\n", 1024, 1);
    let r = sb.send(upload_request("1001", &cookie, &[], body)).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "the copy is under review now"
    );
}

#[tokio::test]
async fn a_refused_upload_is_read_no_further_than_the_limit() {
    use mandat_sandbox::http::limits::DRAIN_REFUSED_BYTES;
    use std::sync::atomic::Ordering;
    let sb = Sandbox::new();
    let cookie = paid_by_mandate(&sb, "commune", "1001", "21445012400018", "SERV-FIN").await;
    let hospital = sb.login("hopital").await;
    const CHUNK: usize = 64 * 1024;
    // 40 MB each time, in pieces of 64 KiB.
    let chunks = 40 * 1024 * 1024 / CHUNK;
    let forty_mb = (chunks * CHUNK).to_string();
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a [u8],
        &'a [(&'a str, &'a str)],
        StatusCode,
    );
    let cases: [Case; 5] = [
        (
            "no length",
            &cookie,
            b"%PDF-1.7\n",
            &[],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "a length that lies",
            &cookie,
            b"%PDF-1.7\n",
            &[("content-length", "1000")],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "a length over the limit",
            &cookie,
            b"%PDF-1.7\n",
            &[("content-length", &forty_mb)],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "not a PDF",
            &cookie,
            b"GIF89a",
            &[],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "another account's order",
            &hospital,
            b"%PDF-1.7\n",
            &[],
            StatusCode::NOT_FOUND,
        ),
    ];
    for (what, cookie, head, headers, status) in cases {
        let (body, pulled) = counted_body(head, CHUNK, chunks);
        let r = sb.send(upload_request("1001", cookie, headers, body)).await;
        assert_eq!(r.status, status, "{what}");
        let pulled = pulled.load(Ordering::SeqCst);
        assert!(
            pulled <= DRAIN_REFUSED_BYTES + CHUNK as u64,
            "{what}: {pulled} bytes read of a refused upload"
        );
    }
    assert_eq!(partial_files(&sb), 0);
    let m = sb
        .get("/api/me/order/1001/mandate", Some(&cookie))
        .await
        .json();
    assert_eq!(m["state"], "awaitingDocument");
}

#[tokio::test]
async fn a_file_somewhat_over_the_limit_gets_its_413_rather_than_a_reset_connection() {
    use mandat_model::mandate::MAX_UPLOAD_BYTES;
    let sb = Sandbox::new();
    let cookie = paid_by_mandate(&sb, "commune", "1001", "21445012400018", "SERV-FIN").await;
    let server = start(&sb).await;
    // Nearly twice the limit: more than the machine's socket buffers hold once
    // the server stops reading.
    let size = 2 * MAX_UPLOAD_BYTES - 1024 * 1024;
    let head = format!(
        "PUT /api/me/order/1001/mandate/document?name=scan.pdf HTTP/1.1\r\nHost: {}\r\n\
         Cookie: {cookie}\r\nContent-Type: application/pdf\r\nContent-Length: {size}\r\n\r\n",
        server.addr
    );
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let body = common::pdf(usize::try_from(size).unwrap());
    stream
        .write_all(&body)
        .await
        .expect("the whole file is taken before the answer");
    // The whole body was read: the connection may stay open for another request.
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&out).contains("file_too_large") {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("answered within 10 s")
            .unwrap();
        assert!(n > 0, "closed: {}", String::from_utf8_lossy(&out));
        out.extend_from_slice(&buf[..n]);
    }
    let answer = String::from_utf8_lossy(&out);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("file_too_large"), "{answer}");
    server.stop().await;
}

/// Moves a session's sign-in `hours` back.
fn signed_in_hours_ago(sb: &Sandbox, cookie: &str, hours: i64) {
    let token = cookie.strip_prefix("mandat_session=").unwrap();
    let when = mandat_sandbox::db::ts(mandat_sandbox::db::now() - chrono::Duration::hours(hours));
    let n = sb
        .state
        .db()
        .execute(
            "UPDATE sessions SET created = ?1 WHERE token = ?2",
            [&when, token],
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn session_rows(sb: &Sandbox, cookie: &str) -> i64 {
    let token = cookie.strip_prefix("mandat_session=").unwrap();
    sb.state
        .db()
        .query_row(
            "SELECT COUNT(*) FROM sessions WHERE token = ?1",
            [token],
            |r| r.get(0),
        )
        .unwrap()
}

#[tokio::test]
async fn a_session_expires_12_hours_after_its_sign_in_and_is_swept() {
    let sb = Sandbox::new();
    let r = sb.get("/sandbox/login?account=commune&next=/", None).await;
    assert!(
        r.header("set-cookie").contains("Max-Age=43200"),
        "{}",
        r.header("set-cookie")
    );
    let old = sb.login("commune").await;
    let recent = sb.login("hopital").await;
    signed_in_hours_ago(&sb, &old, 13);
    signed_in_hours_ago(&sb, &recent, 11);

    let r = sb.get("/api/me", Some(&old)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "like a missing session");
    assert_eq!(r.class(), "Client::Unauthorized");
    assert_eq!(
        sb.get("/api/me", Some(&recent)).await.status,
        StatusCode::OK
    );

    // The next sign-in sweeps the expired row and keeps the live one.
    assert_eq!(session_rows(&sb, &old), 1);
    sb.login("entreprise").await;
    assert_eq!(session_rows(&sb, &old), 0);
    assert_eq!(session_rows(&sb, &recent), 1);

    // So does a restart.
    signed_in_hours_ago(&sb, &recent, 12);
    let _restarted = sb.reopen();
    assert_eq!(session_rows(&sb, &recent), 0);
}
