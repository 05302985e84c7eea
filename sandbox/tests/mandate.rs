//! The mandate form, the signed copy's upload (types, limits, nothing half-written),
//! and the operator's review that generates the invoice.

mod common;

use axum::http::{Method, StatusCode};
use common::{pdf_text, Sandbox};
use mandat_model::billing::ChorusTracking;
use mandat_model::chorus::ChorusStatus;
use mandat_model::mandate::{Mandate, MandateState, MAX_UPLOAD_BYTES};
use serde_json::json;

fn stored_files(sb: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(sb.dir.path().join("db.sqlite3.files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn the_form_is_a_real_pdf_prefilled_with_the_order() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let r = sb.get("/api/me/order/1001/mandate/form", Some(&c)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "application/pdf");
    let text = pdf_text(&r.body);
    for needle in [
        "Commande n° 1001",
        "463,02 €",
        "Mairie de Saint-Aubin-sur-Loire",
        "214 450 124 00018",
        "SERV-FIN",
        "EJ-77",
        "Signature",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // Not paid by mandate: no mandate, no form.
    assert_eq!(
        sb.get("/api/me/order/1002/mandate/form", Some(&c))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        sb.get("/api/me/order/1002/mandate", Some(&c)).await.status,
        StatusCode::NOT_FOUND
    );
    let e = sb.login("entreprise").await;
    assert_eq!(
        sb.get("/api/me/order/1001/mandate/form", Some(&e))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn uploads_are_checked_by_content_size_and_name() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let put = |body: Vec<u8>, query: &'static str| {
        let path = format!("/api/me/order/1001/mandate/document{query}");
        let c = c.clone();
        let sb = &sb;
        async move {
            sb.call(
                Method::PUT,
                &path,
                Some(&c),
                &[("content-type", "application/octet-stream")],
                body,
            )
            .await
        }
    };
    let r = put(vec![], "?name=vide.pdf").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "file_empty");
    let r = put(b"GIF89a......".to_vec(), "?name=scan.pdf").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.class(), "Client::UnsupportedMediaType");
    assert_eq!(r.codes()[0].1, "file_type_unsupported");
    let r = put(b"%PD".to_vec(), "").await;
    assert_eq!(
        r.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "too short to be a PDF"
    );
    let big = common::pdf(MAX_UPLOAD_BYTES as usize + 1);
    let r = put(big, "?name=big.pdf").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.class(), "Client::PayloadTooLarge");
    assert_eq!(r.codes()[0].1, "file_too_large");
    let long = format!("?name={}.pdf", "n".repeat(60));
    let r = sb
        .call(
            Method::PUT,
            &format!("/api/me/order/1001/mandate/document{long}"),
            Some(&c),
            &[],
            common::png(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "file_name_too_long");
    // Nothing half-written kept; the mandate still waits.
    assert!(
        stored_files(&sb).iter().all(|n| n.starts_with("seed-")),
        "{:?}",
        stored_files(&sb)
    );
    let m: Mandate = sb
        .get("/api/me/order/1001/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(m.state, MandateState::AwaitingDocument);

    // Exactly 10 MB is accepted, as a raw body, name in a header.
    let max = common::pdf(MAX_UPLOAD_BYTES as usize);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1001/mandate/document",
            Some(&c),
            &[("x-file-name", "mandat-signe.pdf")],
            max,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let m: Mandate = r.decode();
    assert_eq!(m.state, MandateState::UnderReview);
    let doc = m.document.unwrap();
    assert_eq!(
        (doc.name.as_str(), doc.size, doc.content_type.as_str()),
        ("mandat-signe.pdf", MAX_UPLOAD_BYTES, "application/pdf")
    );
    // Under review: no new copy.
    let r = put(common::png(), "?name=again.png").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let got = sb
        .get("/api/me/order/1001/mandate/document", Some(&c))
        .await;
    assert_eq!(got.body.len() as u64, MAX_UPLOAD_BYTES);
}

/// A body as browsers send it: in pieces of 16 KiB, with no `Content-Length`.
fn in_pieces(body: Vec<u8>) -> axum::body::Body {
    let pieces: Vec<Result<axum::body::Bytes, std::io::Error>> = body
        .chunks(16 * 1024)
        .map(|piece| Ok(axum::body::Bytes::copy_from_slice(piece)))
        .collect();
    axum::body::Body::from_stream(futures_util::stream::iter(pieces))
}

#[tokio::test]
async fn a_body_in_small_pieces_is_stored_whole_and_the_limit_holds_while_it_streams() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let put = |body: Vec<u8>| {
        axum::http::Request::builder()
            .method(Method::PUT)
            .uri("/api/me/order/1001/mandate/document?name=signe.pdf")
            .header("cookie", &c)
            .body(in_pieces(body))
            .unwrap()
    };

    // Over the limit by one byte, found out after megabytes went to the disk.
    let big = common::pdf(MAX_UPLOAD_BYTES as usize + 1);
    let r = sb.send(put(big)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.codes()[0].1, "file_too_large");
    assert!(
        stored_files(&sb).iter().all(|n| n.starts_with("seed-")),
        "{:?}",
        stored_files(&sb)
    );

    // Not a multiple of the pieces nor of the writes: every byte, in order.
    let pdf = common::pdf_filled(3 * 1024 * 1024 + 12_345, |i| (i % 251) as u8);
    let r = sb.send(put(pdf.clone())).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let got = sb
        .get("/api/me/order/1001/mandate/document", Some(&c))
        .await;
    assert!(got.body == pdf, "the stored copy differs from the one sent");
    assert!(
        !stored_files(&sb).iter().any(|n| n.ends_with(".part")),
        "{:?}",
        stored_files(&sb)
    );
}

#[tokio::test]
async fn a_rejected_mandate_takes_a_new_copy_and_acceptance_generates_the_invoice() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1001/mandate/document?name=scan.png",
            Some(&c),
            &[],
            common::png(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.decode::<Mandate>().document.unwrap().content_type,
        "image/png"
    );

    let r = sb
        .post_json(
            "/sandbox/orders/1001/mandate/reject",
            None,
            json!({"reason": "  "}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.codes()[0].1, "reason_required");
    let r = sb
        .post_json(
            "/sandbox/orders/1001/mandate/reject",
            None,
            json!({"reason": "Cachet illisible"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let m: Mandate = sb
        .get("/api/me/order/1001/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(m.state, MandateState::Rejected);
    assert_eq!(m.rejection_reason.as_deref(), Some("Cachet illisible"));
    let r = sb
        .post_json("/sandbox/orders/1001/mandate/accept", None, json!({}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "only under review");

    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1001/mandate/document",
            Some(&c),
            &[],
            common::jpeg(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let m: Mandate = r.decode();
    assert_eq!(m.state, MandateState::UnderReview);
    assert_eq!(m.document.as_ref().unwrap().name, "mandat-1001-signe.jpg");

    let r = sb
        .post_json("/sandbox/orders/1001/mandate/accept", None, json!({}))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let m: Mandate = r.decode();
    assert_eq!(m.state, MandateState::Accepted);
    assert_eq!(m.bill_id.as_deref(), Some("FR5001001"));
    assert_eq!(
        sb.get("/api/me/order/1001/status", Some(&c)).await.body,
        b"\"delivered\""
    );
    let t: ChorusTracking = sb
        .get("/api/me/bill/FR5001001/chorus", Some(&c))
        .await
        .decode();
    assert_eq!(t.status, Some(ChorusStatus::Deposee));
    assert_eq!(t.numero_engagement, "EJ-77");
    let bills = sb.get("/api/me/bill?orderId=1001", Some(&c)).await.json();
    assert_eq!(bills["total"], 1);
    let r = sb
        .post_json("/sandbox/orders/1001/mandate/accept", None, json!({}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1001/mandate/document",
            Some(&c),
            &[],
            common::png(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "accepted: no new copy");
    assert_eq!(
        sb.post_json("/sandbox/orders/9999/mandate/accept", None, json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn seeded_mandates_are_under_review_and_rejected_with_hostile_text() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let m: Mandate = sb
        .get("/api/me/order/1003/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(m.state, MandateState::UnderReview);
    assert!(m.document.is_some());
    let m: Mandate = sb
        .get("/api/me/order/1004/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(m.state, MandateState::Rejected);
    assert!(m
        .rejection_reason
        .unwrap()
        .contains("<script>alert(1)</script>"));
    let doc = sb
        .get("/api/me/order/1003/mandate/document", Some(&c))
        .await;
    assert!(doc.body.starts_with(b"%PDF-"));
}
