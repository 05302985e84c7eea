//! The same contract over a real TCP socket: what a browser's XMLHttpRequest does.

mod common;

use common::{start, Sandbox};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One request, the body written while the response is read; returns status and body.
async fn request(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> (u16, String) {
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let writer = tokio::spawn(async move {
        wr.write_all(head.as_bytes()).await?;
        for chunk in body.chunks(64 * 1024) {
            wr.write_all(chunk).await?;
        }
        // Kept open (no half-close) until the response is read, as browsers do.
        Ok::<_, std::io::Error>(wr)
    });
    let mut out = Vec::new();
    rd.read_to_end(&mut out).await.unwrap();
    let _ = writer.await;
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[tokio::test]
async fn pay_and_upload_over_a_socket() {
    let sb = Sandbox::new();
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let json = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "socket-1"),
    ];
    let body =
        serde_json::to_vec(&common::mandate_body("21445012400018", "SERV-ECOLE", "")).unwrap();
    let (status, first) = request(
        server.addr,
        "POST",
        "/api/me/order/1002/pay",
        &json,
        body.clone(),
    )
    .await;
    assert_eq!(status, 200, "{first}");
    let (status, again) = request(server.addr, "POST", "/api/me/order/1002/pay", &json, body).await;
    assert_eq!((status, again), (200, first));

    let auth = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/pdf"),
    ];
    // Too large: the JSON 413 reaches the client, which was still sending.
    let big = common::pdf(10 * 1024 * 1024 + 1);
    let (status, body) = request(
        server.addr,
        "PUT",
        "/api/me/order/1002/mandate/document?name=big.pdf",
        &auth,
        big,
    )
    .await;
    assert_eq!(status, 413);
    assert!(body.contains("file_too_large"), "{body}");
    let (status, body) = request(
        server.addr,
        "PUT",
        "/api/me/order/1002/mandate/document?name=a.pdf",
        &auth,
        b"MZ\x90\0 not a pdf".to_vec(),
    )
    .await;
    assert_eq!(status, 415);
    assert!(body.contains("Client::UnsupportedMediaType"), "{body}");
    let pdf = common::pdf(3 * 1024 * 1024);
    let (status, body) = request(
        server.addr,
        "PUT",
        "/api/me/order/1002/mandate/document?name=mandat%20sign%C3%A9.pdf",
        &auth,
        pdf,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mandate: mandat_model::mandate::Mandate = serde_json::from_str(&body).unwrap();
    let doc = mandate.document.unwrap();
    assert_eq!(
        (doc.name.as_str(), doc.size),
        ("mandat signé.pdf", 3 * 1024 * 1024)
    );
    let (status, _) = request(server.addr, "GET", "/api/me", &[], vec![]).await;
    assert_eq!(status, 401);
    server.stop().await;
}

#[tokio::test]
async fn every_read_of_the_contract_answers_over_a_socket() {
    let sb = Sandbox::new();
    let server = start(&sb).await;
    for (account, order, bill) in [
        ("commune", "1003", "FR1000002"),
        ("hopital", "2001", "FR2000006"),
        ("entreprise", "3001", "FR3000001"),
    ] {
        let cookie = sb.login(account).await;
        let headers = [("Cookie", cookie.as_str())];
        for (method, path) in common::contract_operations() {
            if method != "GET" || path.starts_with("/sandbox/log") {
                continue;
            }
            let concrete = path
                .replace("{orderId}", order)
                .replace("{billId}", bill)
                .replace("{siret}", "26765432500013");
            let (status, body) = request(server.addr, "GET", &concrete, &headers, vec![]).await;
            // A company's own structure is a plain null (200); its bills are
            // not on Chorus Pro.
            let expected_404 = (account == "entreprise"
                && (concrete.contains("/mandate")
                    || (concrete.contains("/bill/") && concrete.ends_with("/chorus"))))
                || (account == "hopital" && concrete.contains("/mandate"));
            let expected = if expected_404 { 404 } else { 200 };
            assert_eq!(status, expected, "{account} GET {concrete}: {body}");
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn an_emails_links_name_the_port_the_sandbox_listens_on() {
    let sb = Sandbox::new();
    let server = start(&sb).await;
    let cookie = sb.login("commune").await;
    let json = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
    ];
    let body = serde_json::to_vec(&common::mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let (status, receipt) =
        request(server.addr, "POST", "/api/me/order/1001/pay", &json, body).await;
    assert_eq!(status, 200, "{receipt}");
    let (status, mails) = request(
        server.addr,
        "GET",
        "/sandbox/outbox?account=commune",
        &[],
        vec![],
    )
    .await;
    assert_eq!(status, 200, "{mails}");
    let mails: Vec<mandat_sandbox::operator::outbox::Mail> = serde_json::from_str(&mails).unwrap();
    let link = format!("http://{}/orders/1001/mandate", server.addr);
    assert!(mails[0].text.contains(&link), "{link} in {}", mails[0].text);
    server.stop().await;
}
