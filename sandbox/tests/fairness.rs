//! Uploads are shared fairly: places are counted per account as well as in
//! all, and taken only once the order or invoice is known to be the caller's;
//! an upload announcing more than the limit and waiting for `100 Continue` is
//! refused before a byte of it is sent.

mod common;

use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use common::{start, Sandbox};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt as _;

fn put(path: &str, cookie: &str, body: Body) -> Request<Body> {
    Request::put(path)
        .header("cookie", cookie)
        .header("host", "127.0.0.1:8080")
        .body(body)
        .unwrap()
}

fn partial_files(sb: &Sandbox) -> usize {
    sb.stored_files()
        .iter()
        .filter(|n| n.ends_with(".part"))
        .count()
}

/// `n` uploads of the commune's signed mandate (order 1004, refused, so it
/// takes a new copy) that sent their first bytes and hold on; they end when
/// the senders are dropped.
async fn dripping_uploads(
    sb: &Sandbox,
    cookie: &str,
    n: usize,
) -> (
    Vec<tokio::sync::mpsc::Sender<Bytes>>,
    Vec<tokio::task::JoinHandle<Result<axum::response::Response, std::convert::Infallible>>>,
) {
    let mut senders = Vec::new();
    let mut uploads = Vec::new();
    for _ in 0..n {
        let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(1);
        tx.send(Bytes::from_static(b"%PDF-1.7\n")).await.unwrap();
        let body = futures_util::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|b| (Ok::<_, std::io::Error>(b), rx))
        });
        let req = put(
            "/api/me/order/1004/mandate/document?name=signe.pdf",
            cookie,
            Body::from_stream(body),
        );
        uploads.push(tokio::spawn(sb.app().oneshot(req)));
        senders.push(tx);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while partial_files(sb) < n {
        assert!(Instant::now() < deadline, "the uploads never started");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    (senders, uploads)
}

#[tokio::test]
async fn one_account_holding_its_uploads_leaves_room_for_another() {
    let sb = Sandbox::new();
    let commune = sb.login("commune").await;
    let hopital = sb.login("hopital").await;
    let (senders, uploads) = dripping_uploads(&sb, &commune, 4).await;

    // The commune's fifth waits its turn…
    let r = sb
        .send(put(
            "/api/me/bill/FR1000003/documents?name=piece.pdf",
            &commune,
            Body::from(common::pdf(1000)),
        ))
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json());
    assert_eq!(r.header("retry-after"), "1");

    // …while the hospital's goes through at once.
    let started = Instant::now();
    let r = sb
        .send(put(
            "/api/me/bill/FR2000003/documents?name=piece.pdf",
            &hopital,
            Body::from(common::pdf(1000)),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    assert!(started.elapsed() < Duration::from_secs(2));

    drop(senders);
    for u in uploads {
        u.await.unwrap().unwrap();
    }
    // Places are given back: the commune uploads again.
    let r = sb
        .send(put(
            "/api/me/bill/FR1000003/documents?name=piece.pdf",
            &commune,
            Body::from(common::pdf(1000)),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
}

#[tokio::test]
async fn a_place_is_taken_only_for_the_callers_own_order_or_invoice() {
    let sb = Sandbox::new();
    let commune = sb.login("commune").await;
    let (senders, _uploads) = dripping_uploads(&sb, &commune, 4).await;
    // With its places all taken, the commune is still told that another
    // account's invoice or order, or an unknown one, is not found: the check
    // comes first, and took no place.
    for path in [
        "/api/me/bill/FR2000003/documents?name=piece.pdf",
        "/api/me/order/2001/mandate/document?name=signe.pdf",
        "/api/me/order/424242/mandate/document?name=signe.pdf",
    ] {
        let r = sb
            .send(put(path, &commune, Body::from(common::pdf(1000))))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.json());
    }
    drop(senders);
}

#[tokio::test]
async fn places_in_all_are_capped_too() {
    // Two places in all, two per account: one account's two leave none.
    let sb = Sandbox::with_limits(mandat_sandbox::http::limits::Limits {
        uploads: 2,
        uploads_per_account: 2,
        ..Default::default()
    });
    let commune = sb.login("commune").await;
    let hopital = sb.login("hopital").await;
    let (senders, _uploads) = dripping_uploads(&sb, &commune, 2).await;
    let r = sb
        .send(put(
            "/api/me/bill/FR2000003/documents?name=piece.pdf",
            &hopital,
            Body::from(common::pdf(1000)),
        ))
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json());
    assert_eq!(r.class(), "Server::ServiceUnavailable");
    drop(senders);
}

/// A client that announces 20 MB and waits for `100 Continue` is told 413 at
/// once: nothing of the body is asked for, let alone read.
#[tokio::test]
async fn an_announced_upload_over_the_limit_is_refused_before_it_is_sent() {
    let sb = Sandbox::new();
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    let head = format!(
        "PUT /api/me/order/1004/mandate/document?name=signe.pdf HTTP/1.1\r\nHost: {}\r\n\
         Cookie: {cookie}\r\nContent-Length: 20971520\r\nExpect: 100-continue\r\n\r\n",
        server.addr
    );
    wr.write_all(head.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let read = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let n = rd.read(&mut buf).await.unwrap_or(0);
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&out).contains("\"class\"") {
                break;
            }
        }
    })
    .await;
    assert!(read.is_ok(), "no answer without the body");
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    assert!(!text.contains("100 Continue"), "{text}");
    assert!(text.contains("file_too_large"), "{text}");
    drop(wr);
    server.stop().await;
}

/// A sandbox whose bodies must arrive at 1,000 bytes per half second at least.
fn with_min_rate() -> Sandbox {
    Sandbox::with_limits(mandat_sandbox::http::limits::Limits {
        body_min_rate: mandat_sandbox::http::limits::MinRate {
            bytes: 1000,
            window: Duration::from_millis(500),
        },
        ..Default::default()
    })
}

/// Sends an upload of `total` bytes (a PDF's first bytes, then filler) in
/// pieces of `piece` bytes every `pause`; returns the answer and how long it took.
async fn paced_upload(
    addr: std::net::SocketAddr,
    cookie: &str,
    total: usize,
    piece: usize,
    pause: Duration,
) -> (String, Duration) {
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    let head = format!(
        "PUT /api/me/order/1004/mandate/document?name=signe.pdf HTTP/1.1\r\nHost: {addr}\r\n\
         Cookie: {cookie}\r\nConnection: close\r\nContent-Length: {total}\r\n\r\n"
    );
    let body = common::pdf(total);
    let started = Instant::now();
    let writer = tokio::spawn(async move {
        wr.write_all(head.as_bytes()).await?;
        for chunk in body.chunks(piece) {
            wr.write_all(chunk).await?;
            tokio::time::sleep(pause).await;
        }
        Ok::<_, std::io::Error>(wr)
    });
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), rd.read_to_end(&mut out)).await;
    let took = started.elapsed();
    writer.abort();
    (String::from_utf8_lossy(&out).into_owned(), took)
}

#[tokio::test]
async fn a_body_dripping_slower_than_the_minimum_rate_is_answered_408() {
    let sb = with_min_rate();
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    // One byte every 50 ms: 20 bytes a second, far under 1,000 per half second,
    // though never silent long enough for the idle limit.
    let (answer, took) =
        paced_upload(server.addr, &cookie, 100_000, 1, Duration::from_millis(50)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("Client::RequestTimeout"), "{answer}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(partial_files(&sb), 0, "nothing kept of it");

    // The same file at a fair pace, over several windows, is received.
    let (answer, took) = paced_upload(
        server.addr,
        &cookie,
        12_000,
        1_000,
        Duration::from_millis(100),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(took > Duration::from_secs(1), "{took:?}");
    server.stop().await;
}

/// A route that only reads takes one of the database's readers: it is answered
/// while the writer is held (another account's payment, a form being recorded),
/// instead of queuing behind it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_is_answered_while_the_database_is_being_written() {
    let sb = Sandbox::new();
    let hopital = sb.login("hopital").await;
    // Another request holds the writer, on its own thread, until told to end.
    let (held, is_held) = std::sync::mpsc::channel();
    let (end, ended) = std::sync::mpsc::channel::<()>();
    let state = sb.state.clone();
    let writing = std::thread::spawn(move || {
        let _writer = state.db();
        held.send(()).unwrap();
        let _ = ended.recv();
    });
    is_held.recv().unwrap();
    let read = tokio::spawn(
        sb.app().oneshot(
            Request::get("/api/me/order/2001")
                .header("cookie", &hopital)
                .header("host", "127.0.0.1:8080")
                .body(Body::empty())
                .unwrap(),
        ),
    );
    let answered = tokio::time::timeout(Duration::from_secs(5), read).await;
    end.send(()).unwrap();
    writing.join().unwrap();
    let res = answered
        .expect("answered while the writer is held")
        .unwrap()
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let order: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(order["orderId"], 2001);
}
