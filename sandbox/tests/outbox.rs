//! The e-mails of the journey, recorded in the outbox: the mandate chosen, refused
//! or accepted (the invoice deposited), an invoice suspended or to recycle; each
//! once, to the account's address, its text kept as text.

mod common;

use axum::http::{Method, StatusCode};
use common::{mandate_body, Sandbox};
use mandat_model::billing::PaymentReceipt;
use mandat_sandbox::operator::outbox::Mail;
use serde_json::json;

const COMMUNE_EMAIL: &str = "finances@mairie-saint-aubin-sur-loire.fr";

/// The sandbox's origin as the test router is told it: where the API and the
/// app are served.
const ORIGIN: &str = "http://127.0.0.1:8080";

async fn outbox(sb: &Sandbox, account: &str) -> Vec<Mail> {
    sb.get(&format!("/sandbox/outbox?account={account}"), None)
        .await
        .decode()
}

#[tokio::test]
async fn each_step_of_the_mandate_sends_its_email_once() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    assert!(outbox(&sb, "commune").await.is_empty());
    let body = serde_json::to_vec(&mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", "mail-once"),
    ];
    let pay = || {
        sb.call(
            Method::POST,
            "/api/me/order/1001/pay",
            Some(&c),
            &headers,
            body.clone(),
        )
    };
    let receipt: PaymentReceipt = pay().await.decode();
    assert_eq!(receipt.email_sent_to.as_deref(), Some(COMMUNE_EMAIL));
    // Replayed: the same receipt, no second e-mail.
    assert_eq!(pay().await.decode::<PaymentReceipt>(), receipt);
    let mails = outbox(&sb, "commune").await;
    assert_eq!(mails.len(), 1);
    let chosen = &mails[0];
    assert_eq!(chosen.to, COMMUNE_EMAIL);
    assert_eq!(chosen.order_id, Some(1001));
    assert!(chosen.subject.contains("1001"), "{}", chosen.subject);
    assert!(
        chosen.text.contains("/api/me/order/1001/mandate/form"),
        "{}",
        chosen.text
    );
    assert!(chosen.text.contains("214 450 124 00018"));

    // Sent, refused with a reason, sent again, accepted.
    let pdf = common::pdf(1000);
    let upload = || {
        sb.call(
            Method::PUT,
            "/api/me/order/1001/mandate/document?name=m.pdf",
            Some(&c),
            &[("content-type", "application/pdf")],
            pdf.clone(),
        )
    };
    assert_eq!(upload().await.status, StatusCode::OK);
    let r = sb
        .post_json(
            "/sandbox/orders/1001/mandate/reject",
            None,
            json!({"reason": "Signature <b>absente</b>"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let refused = &outbox(&sb, "commune").await[0];
    assert!(refused.subject.contains("refusé"), "{}", refused.subject);
    assert!(refused.text.contains("Motif : Signature <b>absente</b>"));
    assert_eq!(upload().await.status, StatusCode::OK);
    let r = sb
        .call(
            Method::POST,
            "/sandbox/orders/1001/mandate/accept",
            None,
            &[],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mails = outbox(&sb, "commune").await;
    assert_eq!(mails.len(), 3);
    let accepted = &mails[0];
    assert_eq!(accepted.bill_id.as_deref(), Some("FR5001001"));
    assert!(accepted.subject.contains("déposée sur Chorus Pro"));
    // Another account's outbox is its own.
    assert!(outbox(&sb, "hopital").await.is_empty());

    // The page shows every e-mail, its text as text.
    let page = sb.get("/sandbox/outbox/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8(page.body).unwrap();
    assert!(html.contains("Signature &lt;b&gt;absente&lt;/b&gt;"));
    assert!(!html.contains("<b>absente"));
}

#[tokio::test]
async fn an_invoice_suspended_or_to_recycle_sends_its_email_with_the_reason() {
    let sb = Sandbox::new();
    let post = |bill: &'static str, body: serde_json::Value| sb.chorus_event(bill, body);
    let r = post(
        "FR1000001",
        json!({"status": "SUSPENDUE", "reason": "Bon de livraison"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = post(
        "FR2000001",
        json!({"status": "A_RECYCLER", "reason": "Code service inconnu"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    // A step that asks nothing of the buyer sends nothing.
    assert_eq!(
        post("FR1000007", json!({"status": "SERVICE_FAIT"}))
            .await
            .status,
        StatusCode::OK
    );
    let commune = outbox(&sb, "commune").await;
    assert_eq!(commune.len(), 1);
    assert_eq!(commune[0].bill_id.as_deref(), Some("FR1000001"));
    assert!(commune[0].subject.contains("suspendue"));
    assert!(commune[0]
        .text
        .contains("Pièces demandées : Bon de livraison"));
    let hospital = outbox(&sb, "hopital").await;
    assert_eq!(hospital.len(), 1);
    assert!(hospital[0].subject.contains("à recycler"));
    assert!(hospital[0].text.contains("Motif : Code service inconnu"));
    // Where the buyer corrects it.
    assert!(hospital[0].text.contains(&format!(
        "corrigez-les sur la page de la facture ({ORIGIN}/invoices/FR2000001)"
    )));
    assert_eq!(hospital[0].to, "achats@ch-saint-aubin-sur-loire.fr");
}

/// The words of a text that are a path alone (`/orders/1001/mandate`, in
/// brackets or not): a link a mailbox cannot open.
fn relative_links(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| "()«».,;:".contains(c)))
        .filter(|w| w.starts_with('/'))
        .collect()
}

#[tokio::test]
async fn the_links_of_an_email_open_from_a_mailbox() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = mandate_body("21445012400018", "SERV-FIN", "");
    let r = sb.pay_with_key(&c, 1001, "mail-links", body).await;
    assert_eq!(r.status, StatusCode::OK);
    let chosen = &outbox(&sb, "commune").await[0];
    for link in [
        format!("{ORIGIN}/api/me/order/1001/mandate/form"),
        format!("{ORIGIN}/orders/1001/mandate"),
    ] {
        assert!(chosen.text.contains(&link), "{link} in {}", chosen.text);
    }
    assert_eq!(relative_links(&chosen.text), Vec::<&str>::new());

    let r = sb
        .chorus_event(
            "FR2000001",
            json!({"status": "A_RECYCLER", "reason": "Code service inconnu"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let recycle = &outbox(&sb, "hopital").await[0];
    assert!(
        recycle
            .text
            .contains(&format!("{ORIGIN}/invoices/FR2000001")),
        "{}",
        recycle.text
    );
    assert_eq!(relative_links(&recycle.text), Vec::<&str>::new());
}

#[tokio::test]
async fn the_siret_of_an_email_is_grouped_as_the_app_shows_it() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let body = mandate_body("21445012400018", "SERV-FIN", "");
    let r = sb.pay_with_key(&c, 1001, "mail-siret", body).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb
        .call(
            Method::PUT,
            "/api/me/order/1001/mandate/document?name=m.pdf",
            Some(&c),
            &[("content-type", "application/pdf")],
            common::pdf(1000),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = sb
        .call(
            Method::POST,
            "/sandbox/orders/1001/mandate/accept",
            None,
            &[],
            vec![],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mails = outbox(&sb, "commune").await;
    let (accepted, chosen) = (&mails[0], &mails[1]);
    for mail in [chosen, accepted] {
        assert!(
            mail.text.contains("de SIRET 214 450 124 00018"),
            "{}",
            mail.text
        );
        assert!(!mail.text.contains("21445012400018"), "{}", mail.text);
    }
}

/// What a reader of the page sees: its text without the tags.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn the_page_dates_each_email_in_paris_time() {
    let sb = Sandbox::new();
    for (bill, status) in [("FR1000001", "SUSPENDUE"), ("FR2000001", "A_RECYCLER")] {
        let r = sb
            .chorus_event(bill, json!({"status": status, "reason": "Pièce"}))
            .await;
        assert_eq!(r.status, StatusCode::OK);
    }
    {
        // Known instants: one in summer time, one in winter time the evening
        // before a Paris day.
        let conn = sb.state.db();
        for (bill, date) in [
            ("FR1000001", "2026-07-14T10:05:00Z"),
            ("FR2000001", "2026-01-15T23:30:00Z"),
        ] {
            conn.execute(
                "UPDATE outbox SET date = ?2 WHERE bill_id = ?1",
                [bill, date],
            )
            .unwrap();
        }
    }
    let html = String::from_utf8(sb.get("/sandbox/outbox/", None).await.body).unwrap();
    let read = visible_text(&html);
    assert!(read.contains("le 14 juillet 2026 à 12:05"), "{read}");
    assert!(read.contains("le 16 janvier 2026 à 00:30"), "{read}");
    assert!(!read.contains("UTC"), "{read}");
    // The JSON keeps the instant, for machines.
    let json = sb.get("/sandbox/outbox?account=commune", None).await.json();
    assert_eq!(json[0]["date"], "2026-07-14T10:05:00Z");
}

/// The declarations of the page's `<style>` rule for `selector`, spaces as one.
fn rule(html: &str, selector: &str) -> Vec<String> {
    let css = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(css, _)| css)
        .unwrap_or_default();
    css.split('}')
        .filter_map(|r| r.split_once('{'))
        .filter(|(sel, _)| sel.split(',').any(|s| s.trim() == selector))
        .flat_map(|(_, decls)| decls.split(';'))
        .map(common::one_spaced)
        .filter(|d| !d.is_empty())
        .collect()
}

#[tokio::test]
async fn a_long_line_wraps_on_a_narrow_screen_and_stays_text() {
    let sb = Sandbox::new();
    let long = format!("https://example.test/{}<img src=x>", "a".repeat(300));
    let r = sb
        .chorus_event("FR2000001", json!({"status": "A_RECYCLER", "reason": long}))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let html = String::from_utf8(sb.get("/sandbox/outbox/", None).await.body).unwrap();
    // Laid out at the screen's width, not a desktop's.
    assert!(
        html.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#),
        "{html}"
    );
    // The mail (subject, address, text) breaks a word too long for its line;
    // its text keeps its line breaks but wraps.
    assert!(rule(&html, "article").contains(&"overflow-wrap: anywhere".to_string()));
    assert!(rule(&html, "pre").contains(&"white-space: pre-wrap".to_string()));
    let article = html
        .split_once("<article>")
        .and_then(|(_, rest)| rest.split_once("</article>"))
        .map(|(a, _)| a)
        .unwrap_or_default();
    let text = article
        .split_once("<pre>")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(t, _)| t)
        .unwrap_or_default();
    assert!(text.contains(&"a".repeat(300)), "{html}");
    // Still text, never markup.
    assert!(text.contains("&lt;img src=x&gt;"), "{html}");
    assert!(!html.contains("<img"), "{html}");
}
