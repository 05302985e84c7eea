//! Files handed out to be saved: the mandate form, the signed copy, a bill's PDF.
//! Saved under a safe name, never sniffed nor run as a page; a stored copy comes
//! back byte for byte, and a replaced one leaves the disk.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{Reply, Sandbox};
use http_body_util::BodyExt as _;
use mandat_model::mandate::MAX_UPLOAD_BYTES;
use tower::ServiceExt as _;

fn assert_download_headers(r: &Reply, content_type: &str, disposition: &str) {
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), content_type);
    assert_eq!(r.header("content-disposition"), disposition);
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(
        r.header("content-security-policy"),
        "default-src 'none'; sandbox"
    );
    assert_eq!(r.header("cache-control"), "no-store");
}

async fn upload(sb: &Sandbox, cookie: &str, query: &str, body: Vec<u8>) -> Reply {
    sb.call(
        Method::PUT,
        &format!("/api/me/order/1001/mandate/document{query}"),
        Some(cookie),
        &[],
        body,
    )
    .await
}

#[tokio::test]
async fn generated_pdfs_are_attachments_that_are_never_sniffed_nor_run() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("").await;
    let r = sb.get("/api/me/order/1001/mandate/form", Some(&c)).await;
    assert_download_headers(
        &r,
        "application/pdf",
        "attachment; filename=\"mandat-1001.pdf\"",
    );
    let r = sb.get("/api/me/bill/FR1000001/pdf", Some(&c)).await;
    assert_download_headers(
        &r,
        "application/pdf",
        "attachment; filename=\"FR1000001.pdf\"",
    );
}

#[tokio::test]
async fn the_signed_copy_comes_back_whole_in_pieces_under_a_safe_name() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("").await;
    // 10 MB that do not repeat, under a name with a quote, an accent and a control
    // character.
    let mut x: u32 = 1;
    let pdf = common::pdf_filled(MAX_UPLOAD_BYTES as usize, |_| {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (x >> 24) as u8
    });
    let r = upload(
        &sb,
        &c,
        "?name=mandat%20%22sign%C3%A9%22%01.pdf",
        pdf.clone(),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );

    let req = Request::get("/api/me/order/1001/mandate/document")
        .header("cookie", &c)
        // As a browser names the sandbox (the port the router is told it listens on).
        .header("host", "127.0.0.1:8080")
        .body(Body::empty())
        .unwrap();
    let res = sb.app().oneshot(req).await.unwrap();
    let headers = res.headers().clone();
    let mut body = res.into_body();
    let mut pieces = 0;
    let mut got = Vec::new();
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.unwrap().into_data() {
            pieces += 1;
            got.extend_from_slice(&data);
        }
    }
    let r = Reply {
        status: StatusCode::OK,
        headers,
        body: Vec::new(),
    };
    assert_download_headers(
        &r,
        "application/pdf",
        "attachment; filename=\"mandat sign_.pdf\"; filename*=UTF-8''mandat%20sign%C3%A9.pdf",
    );
    assert_eq!(r.header("content-length"), pdf.len().to_string());
    assert!(got == pdf, "{} bytes back, not the ones sent", got.len());
    assert!(pieces > 1, "sent as it is read, not held whole in memory");
}
fn stored_copies_of(sb: &Sandbox, order: u64) -> Vec<String> {
    let prefix = format!("mandate-{order}-");
    sb.stored_files()
        .into_iter()
        .filter(|n| n.starts_with(&prefix))
        .collect()
}

#[tokio::test]
async fn a_replaced_copy_leaves_the_disk_at_once() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("").await;
    let first = common::pdf(1000);
    assert_eq!(
        upload(&sb, &c, "?name=a.pdf", first).await.status,
        StatusCode::OK
    );
    assert_eq!(stored_copies_of(&sb, 1001).len(), 1);
    let r = sb
        .post_json(
            "/sandbox/orders/1001/mandate/reject",
            None,
            serde_json::json!({"reason": "pas de cachet"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // A copy an interrupted upload stored but never recorded, and an upload under
    // way.
    let files = &sb.state.files;
    std::fs::write(files.join("mandate-1002-0011223344556677.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(files.join(".upload-8899aabbccddeeff.part"), b"%PDF").unwrap();
    let second = common::png();
    assert_eq!(
        upload(&sb, &c, "?name=b.png", second.clone()).await.status,
        StatusCode::OK
    );
    let left = stored_copies_of(&sb, 1001);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].ends_with(".png"), "{left:?}");
    assert!(!files.join("mandate-1002-0011223344556677.pdf").exists());
    assert!(files.join(".upload-8899aabbccddeeff.part").exists());
    let r = sb
        .get("/api/me/order/1001/mandate/document", Some(&c))
        .await;
    assert_eq!(r.body, second);
}
