//! The documents a suspended invoice asks for: their upload (the signed mandate's
//! checks and storage), the account's scope, the 409s around sending them, and the
//! completion on Chorus Pro that names them.

mod common;

use axum::http::{Method, StatusCode};
use common::Sandbox;
use mandat_model::billing::ChorusTracking;
use mandat_model::chorus::ChorusStatus;
use mandat_model::deadline::Deadline;
use mandat_model::documents::{BillDocuments, DocumentsState, MAX_BILL_DOCUMENTS};
use mandat_model::mandate::MAX_UPLOAD_BYTES;

/// The commune's suspended invoice.
const SUSPENDED: &str = "FR1000003";

fn pdf(len: usize) -> Vec<u8> {
    common::pdf(len.max(common::MIN_PDF_BYTES))
}

async fn put(sb: &Sandbox, cookie: &str, bill: &str, name: &str, body: Vec<u8>) -> common::Reply {
    sb.call(
        Method::PUT,
        &format!("/api/me/bill/{bill}/documents?name={name}"),
        Some(cookie),
        &[],
        body,
    )
    .await
}

async fn send(sb: &Sandbox, cookie: &str, bill: &str) -> common::Reply {
    sb.call(
        Method::POST,
        &format!("/api/me/bill/{bill}/documents/send"),
        Some(cookie),
        &[],
        vec![],
    )
    .await
}

async fn documents(sb: &Sandbox, cookie: &str, bill: &str) -> BillDocuments {
    let r = sb
        .get(&format!("/api/me/bill/{bill}/documents"), Some(cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.decode()
}

async fn complete(sb: &Sandbox, bill: &str) -> common::Reply {
    sb.call(
        Method::POST,
        &format!("/sandbox/bills/{bill}/documents/complete"),
        None,
        &[],
        vec![],
    )
    .await
}

/// Files stored for invoices (not the seeded mandates' copies).
fn stored_documents(sb: &Sandbox) -> Vec<String> {
    sb.stored_files()
        .into_iter()
        .filter(|n| !n.starts_with("seed-"))
        .collect()
}

#[tokio::test]
async fn a_suspended_invoice_shows_what_was_asked_and_takes_documents_checked_by_content() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let before = documents(&sb, &c, SUSPENDED).await;
    assert_eq!(before.state, DocumentsState::AwaitingDocuments);
    let requested = before.requested.expect("the suspension's reason");
    assert!(requested.contains("<script>"), "kept as text: {requested}");
    assert!(before.documents.is_empty());
    assert_eq!(before.upload_url, "/api/me/bill/FR1000003/documents");

    // Text named .pdf: sniffed, refused.
    let r = put(
        &sb,
        &c,
        SUSPENDED,
        "devis.pdf",
        b"not a pdf at all".to_vec(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.codes()[0].1, "file_type_unsupported");
    let r = put(&sb, &c, SUSPENDED, "vide.pdf", vec![]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "file_empty");
    let r = put(
        &sb,
        &c,
        SUSPENDED,
        "gros.pdf",
        pdf(MAX_UPLOAD_BYTES as usize + 1),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.codes()[0].1, "file_too_large");
    let long = format!("{}.pdf", "a".repeat(47));
    let r = put(&sb, &c, SUSPENDED, &long, pdf(100)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "file_name_too_long");
    assert!(
        stored_documents(&sb).is_empty(),
        "{:?}",
        stored_documents(&sb)
    );
    assert!(documents(&sb, &c, SUSPENDED).await.documents.is_empty());

    // A PNG named .pdf is a PNG, kept under its own extension; exactly 10 MB is fine.
    let r = put(&sb, &c, SUSPENDED, "bon.pdf", common::png()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let r = put(
        &sb,
        &c,
        SUSPENDED,
        "devis.pdf",
        pdf(MAX_UPLOAD_BYTES as usize),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let got: BillDocuments = r.decode();
    assert_eq!(got.state, DocumentsState::AwaitingDocuments);
    let listed: Vec<(&str, u64, &str)> = got
        .documents
        .iter()
        .map(|d| (d.name.as_str(), d.size, d.content_type.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("bon.png", common::png().len() as u64, "image/png"),
            ("devis.pdf", MAX_UPLOAD_BYTES, "application/pdf")
        ]
    );
    assert_eq!(stored_documents(&sb).len(), 2);
}

#[tokio::test]
async fn another_accounts_invoice_is_not_found_and_nothing_is_stored() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = sb.get("/api/me/bill/FR2000003/documents", Some(&c)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = put(&sb, &c, "FR2000003", "a.pdf", pdf(100)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = send(&sb, &c, "FR2000003").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = sb.get("/api/me/bill/FR1000003/documents", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(stored_documents(&sb).is_empty());
    // The hospital's own suspended invoice is untouched.
    let h = sb.login("hopital").await;
    let theirs = documents(&sb, &h, "FR2000003").await;
    assert_eq!(theirs.state, DocumentsState::AwaitingDocuments);
    assert!(theirs.documents.is_empty());
}

#[tokio::test]
async fn an_invoice_that_is_not_suspended_takes_no_document() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for bill in ["FR1000001", "FR1000002", "FR1000006"] {
        let r = put(&sb, &c, bill, "a.pdf", pdf(100)).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{bill}");
        assert_eq!(r.codes()[0].1, "bill_not_suspended", "{bill}");
        let r = send(&sb, &c, bill).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{bill}");
        assert_eq!(
            documents(&sb, &c, bill).await.state,
            DocumentsState::NotRequested
        );
    }
    assert!(stored_documents(&sb).is_empty());
}

#[tokio::test]
async fn once_sent_nothing_more_is_taken_until_the_invoice_is_completed_with_their_names() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let r = send(&sb, &c, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "no_documents");
    let r = complete(&sb, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "no_documents_sent");

    assert_eq!(
        put(&sb, &c, SUSPENDED, "devis.pdf", pdf(100)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        put(&sb, &c, SUSPENDED, "bon.png", common::png())
            .await
            .status,
        StatusCode::OK
    );
    let r = send(&sb, &c, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let sent: BillDocuments = r.decode();
    assert_eq!(sent.state, DocumentsState::BeingAdded);
    assert!(sent.sent_at.is_some());

    // A second batch while the first is being added: refused, the first kept.
    let r = put(&sb, &c, SUSPENDED, "encore.pdf", pdf(100)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "documents_being_added");
    let r = send(&sb, &c, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "documents_being_added");
    let again = documents(&sb, &c, SUSPENDED).await;
    assert_eq!(again.documents.len(), 2);
    assert_eq!(again.state, DocumentsState::BeingAdded);
    assert_eq!(stored_documents(&sb).len(), 2);

    let r = complete(&sb, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let tracking: ChorusTracking = r.decode();
    assert_eq!(tracking.status, Some(ChorusStatus::Completee));
    let last = tracking.history.last().unwrap();
    assert_eq!(last.status, ChorusStatus::Completee);
    assert_eq!(
        last.reason.as_deref(),
        Some("Pièces ajoutées : devis.pdf, bon.png")
    );
    // The deadline runs again from the completion.
    assert!(
        matches!(tracking.deadline, Some(Deadline::Running { .. })),
        "{:?}",
        tracking.deadline
    );
    let done = documents(&sb, &c, SUSPENDED).await;
    assert_eq!(done.state, DocumentsState::Added);
    assert_eq!(done.documents.len(), 2);
    let r = put(&sb, &c, SUSPENDED, "tard.pdf", pdf(100)).await;
    assert_eq!(r.codes()[0].1, "bill_not_suspended");
    let r = complete(&sb, SUSPENDED).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_clock_completes_the_invoices_whose_documents_were_sent() {
    let sb = Sandbox::new();
    let c = sb.login("hopital").await;
    assert_eq!(
        put(&sb, &c, "FR2000003", "piece.pdf", pdf(100))
            .await
            .status,
        StatusCode::OK
    );
    // Uploaded but not sent: the clock leaves it.
    mandat_sandbox::operator::tick(&sb.state).unwrap();
    assert_eq!(
        documents(&sb, &c, "FR2000003").await.state,
        DocumentsState::AwaitingDocuments
    );
    assert_eq!(send(&sb, &c, "FR2000003").await.status, StatusCode::OK);
    mandat_sandbox::operator::tick(&sb.state).unwrap();
    assert_eq!(
        documents(&sb, &c, "FR2000003").await.state,
        DocumentsState::Added
    );
    let r = sb.get("/api/me/bill/FR2000003/chorus", Some(&c)).await;
    let tracking: ChorusTracking = r.decode();
    assert_eq!(tracking.status, Some(ChorusStatus::Completee));
    assert_eq!(
        tracking.history.last().unwrap().reason.as_deref(),
        Some("Pièces ajoutées : piece.pdf")
    );
}

#[tokio::test]
async fn an_invoice_takes_ten_documents_at_most() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for n in 0..MAX_BILL_DOCUMENTS {
        let r = put(&sb, &c, SUSPENDED, &format!("p{n}.pdf"), pdf(20)).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = put(&sb, &c, SUSPENDED, "onze.pdf", pdf(20)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.codes()[0].1, "too_many_documents");
    assert_eq!(stored_documents(&sb).len(), MAX_BILL_DOCUMENTS);
}

#[tokio::test]
async fn a_document_is_stored_whole_or_not_at_all_and_unreferenced_files_go_at_restart() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    // A body cut off half-way: nothing stored, nothing recorded.
    let pieces: Vec<Result<axum::body::Bytes, std::io::Error>> = vec![
        Ok(axum::body::Bytes::from(pdf(64 * 1024))),
        Err(std::io::Error::other("connection reset")),
    ];
    let req = axum::http::Request::builder()
        .method(Method::PUT)
        .uri("/api/me/bill/FR1000003/documents?name=coupe.pdf")
        .header("cookie", &c)
        .body(axum::body::Body::from_stream(futures_util::stream::iter(
            pieces,
        )))
        .unwrap();
    let r = sb.send(req).await;
    assert!(r.status.is_client_error(), "{}", r.status);
    assert!(
        stored_documents(&sb).is_empty(),
        "{:?}",
        stored_documents(&sb)
    );
    assert!(documents(&sb, &c, SUSPENDED).await.documents.is_empty());

    // A whole one is stored byte for byte.
    let body = common::pdf_filled(200_000, |i| (i % 251) as u8);
    assert_eq!(
        put(&sb, &c, SUSPENDED, "entier.pdf", body.clone())
            .await
            .status,
        StatusCode::OK
    );
    let stored = stored_documents(&sb);
    assert_eq!(stored.len(), 1);
    assert!(stored[0].starts_with("document-FR1000003-"), "{stored:?}");
    let on_disk = std::fs::read(sb.state.files.join(&stored[0])).unwrap();
    assert!(
        on_disk == body,
        "the stored document differs from the one sent"
    );

    // Left by an upload killed between its rename and its record: swept at restart;
    // the recorded one stays.
    let files = sb.state.files.clone();
    std::fs::write(files.join("document-FR1000003-0000.pdf"), b"%PDF-orphan").unwrap();
    std::fs::write(files.join(".upload-0000.part"), b"%PDF-half").unwrap();
    let _restarted = sb.reopen();
    assert_eq!(stored_documents(&sb), stored);
}
