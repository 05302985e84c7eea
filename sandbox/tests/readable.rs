//! What the sandbox stores is what it says it is: a file whose first bytes
//! name a PDF, PNG or JPEG is read whole by a parser of that type, refused
//! (415 `file_unreadable`, nothing left on disk) when it does not read; and it
//! is kept and handed back under the extension of its real type.

mod common;

use axum::http::{Method, StatusCode};
use common::Sandbox;
use mandat_model::documents::BillDocuments;
use mandat_model::mandate::{Mandate, MandateState};

async fn put_copy(sb: &Sandbox, cookie: &str, name: &str, body: Vec<u8>) -> common::Reply {
    sb.call(
        Method::PUT,
        &format!("/api/me/order/1001/mandate/document?name={name}"),
        Some(cookie),
        &[],
        body,
    )
    .await
}

async fn put_document(sb: &Sandbox, cookie: &str, name: &str, body: Vec<u8>) -> common::Reply {
    sb.call(
        Method::PUT,
        &format!("/api/me/bill/FR1000003/documents?name={name}"),
        Some(cookie),
        &[],
        body,
    )
    .await
}

/// The files of the sandbox's folder, the seeded copies aside, sorted.
fn stored(sb: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = sb
        .stored_files()
        .into_iter()
        .filter(|n| !n.starts_with("seed-"))
        .collect();
    names.sort();
    names
}

fn assert_unreadable(r: &common::Reply, what: &str) {
    assert_eq!(
        r.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{what}: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.class(), "Client::UnsupportedMediaType", "{what}");
    assert_eq!(
        r.codes(),
        [("file".to_string(), "file_unreadable".to_string())],
        "{what}"
    );
    let message = r.json()["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("cannot be read"), "{what}: {message}");
}

/// Files whose first bytes say PDF, PNG or JPEG, and which are none.
fn disguised() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let pdf = common::pdf(4096);
    let png = common::png();
    let jpeg = common::jpeg();
    let mut garbage_pdf = b"%PDF-1.7\n".to_vec();
    garbage_pdf.extend((0..5000).map(|i| (i * 7 % 251) as u8));
    garbage_pdf.extend_from_slice(b"\n%%EOF\n");
    let mut cut_pdf = pdf[..3000].to_vec();
    cut_pdf.extend_from_slice(b"\n%%EOF\n");
    let mut garbage_png = png[..8].to_vec();
    garbage_png.extend((0..500).map(|i| (i * 13 % 256) as u8));
    let mut garbage_jpeg = jpeg[..4].to_vec();
    garbage_jpeg.extend((0..500).map(|i| (i * 13 % 256) as u8));
    let mut bad_crc = png.clone();
    let at = bad_crc.len() - 20;
    bad_crc[at] ^= 0xff;
    vec![
        ("a PDF header alone", "court.pdf", b"%PDF-1.".to_vec()),
        ("a PDF cut short", "coupe.pdf", pdf[..3000].to_vec()),
        (
            "a PDF without its end",
            "sans-fin.pdf",
            pdf[..pdf.len() - 7].to_vec(),
        ),
        (
            "a PDF cut short, its end added back",
            "recolle.pdf",
            cut_pdf,
        ),
        ("a PDF header on garbage", "bruit.pdf", garbage_pdf),
        ("a PNG signature on garbage", "bruit.png", garbage_png),
        (
            "a PNG cut short",
            "coupe.png",
            png[..png.len() - 12].to_vec(),
        ),
        ("a PNG with a damaged chunk", "abime.png", bad_crc),
        ("a JPEG marker on garbage", "bruit.jpg", garbage_jpeg),
        (
            "a JPEG cut short",
            "coupe.jpg",
            jpeg[..jpeg.len() - 40].to_vec(),
        ),
    ]
}

#[tokio::test]
async fn a_signed_copy_that_does_not_read_as_its_type_is_refused_and_not_kept() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let before = stored(&sb);
    for (what, name, body) in disguised() {
        let r = put_copy(&sb, &c, name, body).await;
        assert_unreadable(&r, what);
        assert_eq!(stored(&sb), before, "{what}: left on disk");
    }
    let m: Mandate = sb
        .get("/api/me/order/1001/mandate", Some(&c))
        .await
        .decode();
    assert_eq!(m.state, MandateState::AwaitingDocument);
    assert!(m.document.is_none());
}

#[tokio::test]
async fn an_invoice_document_that_does_not_read_as_its_type_is_refused_and_not_kept() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let before = stored(&sb);
    for (what, name, body) in disguised() {
        let r = put_document(&sb, &c, name, body).await;
        assert_unreadable(&r, what);
        assert_eq!(stored(&sb), before, "{what}: left on disk");
    }
    let listed: BillDocuments = sb
        .get("/api/me/bill/FR1000003/documents", Some(&c))
        .await
        .decode();
    assert!(listed.documents.is_empty());
}

/// A page tree that names one page again and again would have the parser walk
/// it for as long as the sender likes: past a bound on the pages and contents
/// looked at, the file is not read (a few pages, its contents are).
#[tokio::test]
async fn a_pdf_naming_one_page_without_end_is_refused() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let r = put_copy(&sb, &c, "mandat.pdf", common::pdf_naming_its_page(3)).await;
    assert_eq!(r.status, StatusCode::OK, "three pages: {}", r.json());
    let c = sb.login("commune").await;
    let before = stored(&sb);
    let r = put_document(&sb, &c, "boucle.pdf", common::pdf_naming_its_page(150_000)).await;
    assert_unreadable(&r, "one page named 150,000 times");
    assert_eq!(stored(&sb), before);
}

#[tokio::test]
async fn real_pdfs_and_images_are_taken() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    for (name, body) in [
        ("petit.pdf", common::pdf(common::MIN_PDF_BYTES)),
        ("scan.png", common::png()),
        ("scan.jpg", common::jpeg()),
    ] {
        let r = put_document(&sb, &c, name, body).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.json());
    }
    // The sandbox's own mandate form, as a buyer who signs it digitally sends it back.
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let form = sb.get("/api/me/order/1001/mandate/form", Some(&c)).await;
    assert_eq!(form.status, StatusCode::OK);
    let r = put_copy(&sb, &c, "mandat-1001.pdf", form.body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
}

#[tokio::test]
async fn a_copy_is_kept_and_served_under_the_extension_of_its_real_type() {
    let sb = Sandbox::new();
    let c = sb.commune_awaiting_copy("EJ-77").await;
    let r = put_copy(&sb, &c, "mandat.exe", common::pdf(2048)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    let m: Mandate = r.decode();
    let doc = m.document.unwrap();
    assert_eq!(
        (doc.name.as_str(), doc.content_type.as_str()),
        ("mandat.pdf", "application/pdf")
    );
    let got = sb
        .get("/api/me/order/1001/mandate/document", Some(&c))
        .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.header("content-disposition"),
        "attachment; filename=\"mandat.pdf\""
    );
    assert_eq!(got.header("content-type"), "application/pdf");

    // An invoice's documents alike: a PNG named .PDF, a name without an
    // extension, a name whose dots are part of it.
    let c = sb.login("commune").await;
    for (sent, body) in [
        ("scan.PDF", common::png()),
        ("bon-de-commande", common::jpeg()),
        ("rapport.final.pdf", common::pdf(1000)),
    ] {
        let r = put_document(&sb, &c, sent, body).await;
        assert_eq!(r.status, StatusCode::OK, "{sent}: {}", r.json());
    }
    let listed: BillDocuments = sb
        .get("/api/me/bill/FR1000003/documents", Some(&c))
        .await
        .decode();
    let names: Vec<&str> = listed.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        ["scan.png", "bon-de-commande.jpg", "rapport.final.pdf"]
    );
}
