//! The PDFs the sandbox hands out, read back as a reader would: their text,
//! extracted with a PDF parser, holds what the ordonnateur must see and sign.

mod common;

use axum::http::StatusCode;
use common::{mandate_body, one_spaced, pdf_text, Sandbox};
use mandat_model::{Order, OrderDetail};

fn page_count(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes).unwrap().get_pages().len()
}

async fn order(sb: &Sandbox, cookie: &str, id: u64) -> (Order, Vec<OrderDetail>) {
    let order = sb.get(&format!("/api/me/order/{id}"), Some(cookie)).await;
    let lines = sb
        .get(&format!("/api/me/order/{id}/details"), Some(cookie))
        .await;
    (order.decode(), lines.decode())
}

#[tokio::test]
async fn the_mandate_form_holds_the_order_the_routing_and_the_signature_boxes() {
    let sb = Sandbox::new();
    let c = sb.login("hopital").await;
    let r = sb
        .post_json(
            "/api/me/order/2001/pay",
            Some(&c),
            mandate_body("26765432500013", "DSI", "EJ-2026-0042"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb.get("/api/me/order/2001/mandate/form", Some(&c)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"mandat-2001.pdf\""
    );
    assert_eq!(page_count(&r.body), 1, "a usual order fits on one A4 page");
    let text = pdf_text(&r.body);

    for expected in [
        "Mandat administratif",
        "Commande n° 2001",
        "FOURNISSEUR",
        "ACHETEUR PUBLIC",
        "Centre hospitalier de Saint-Aubin-sur-Loire",
        // The buyer's and the routing's SIRET, grouped as printed in France.
        "SIRET : 267 654 325 00013",
        "267 654 325 00013",
        "Facturation sur Chorus Pro",
        "Code service",
        "DSI",
        "Numéro d’engagement",
        "EJ-2026-0042",
        "Désignation",
        "Prix unitaire HT",
        "Total HT",
        "TVA (20 %)",
        "Total TTC",
        "Que faire de ce formulaire ?",
        "dater et signer",
        "cachet de l’administration",
        "« Mandat administratif » de la commande n° 2001",
        "Cadre réservé à l’ordonnateur",
        "Je soussigné(e), ordonnateur",
        "Date",
        "Nom et prénom du signataire",
        "Qualité du signataire",
        "Signature",
        "Cachet de l’administration",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }

    // Every line and every total, in euros as the API writes them (« 1 234,56 € »).
    let (order, lines) = order(&sb, &c, 2001).await;
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(text.contains(&line.description), "{}", line.description);
        assert!(text.contains(&one_spaced(&line.unit_price.text)));
        assert!(text.contains(&one_spaced(&line.total_price.text)));
    }
    for total in [&order.price_without_tax, &order.tax, &order.price_with_tax] {
        assert!(total.text.ends_with('€'));
        assert!(
            text.contains(&one_spaced(&total.text)),
            "{} missing",
            total.text
        );
    }
    let expiry =
        mandat_model::locale::format_date(order.expiration_date, Default::default()).unwrap();
    assert!(
        text.contains(&format!("La commande expire le {expiry}")),
        "{text}"
    );
}

#[tokio::test]
async fn a_routing_without_an_engagement_prints_no_empty_line() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    // 1003: the commune's mandate under review, routed to SERV-FIN without an engagement.
    let r = sb.get("/api/me/order/1003/mandate/form", Some(&c)).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = pdf_text(&r.body);
    assert!(text.contains("Mairie de Saint-Aubin-sur-Loire"), "{text}");
    assert!(text.contains("214 450 124 00018"), "{text}");
    assert!(text.contains("SERV-FIN"), "{text}");
    assert!(!text.contains("Numéro d’engagement"), "{text}");
}

#[tokio::test]
async fn an_invoice_pdf_holds_its_number_its_totals_and_its_chorus_reference() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let bill = sb.get("/api/me/bill/FR1000001", Some(&c)).await.json();
    let r = sb.get("/api/me/bill/FR1000001/pdf", Some(&c)).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = pdf_text(&r.body);
    assert!(text.contains("Facture FR1000001"), "{text}");
    assert!(text.contains("Mairie de Saint-Aubin-sur-Loire"), "{text}");
    assert!(text.contains("214 450 124 00018"), "{text}");
    for key in ["priceWithoutTax", "tax", "priceWithTax"] {
        let amount = one_spaced(bill[key]["text"].as_str().unwrap());
        assert!(
            text.contains(&amount),
            "{key} {amount} missing from:\n{text}"
        );
    }
}
