//! The invoice timeline and page as the user sees them: labels, order, dates, and
//! hostile API text that stays text.

mod common;
use common::mount;
use leptos::prelude::*;
use mandat::invoices::{InvoiceData, InvoiceDetail, StatusBadge, Timeline};
use mandat_model::billing::{Bill, BillCategory, ChorusTracking, DeadlineView};
use mandat_model::chorus::{ChorusActor, ChorusEvent, ChorusStatus, PaymentDeadline};
use mandat_model::Price;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "Pièce manquante : <b>bon de livraison</b> <script>alert(1)</script><img src=x onerror=alert(2)>";

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// Lets effects scheduled by a signal change run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn event(status: ChorusStatus, date: &str, reason: Option<&str>) -> ChorusEvent {
    ChorusEvent {
        status,
        date: date.parse().unwrap(),
        actor: status.actor(),
        reason: reason.map(str::to_string),
    }
}

/// As the API may send them: out of order (MANDATEE dated after MISE_EN_PAIEMENT
/// and listed first), optional steps skipped, a hostile reason.
fn events() -> Vec<ChorusEvent> {
    vec![
        event(ChorusStatus::Mandatee, "2026-07-20T08:00:00Z", None),
        event(ChorusStatus::Deposee, "2026-01-14T08:05:00Z", None),
        event(ChorusStatus::MiseADisposition, "2026-01-15T10:00:00Z", None),
        event(
            ChorusStatus::Suspendue,
            "2026-02-01T09:30:00Z",
            Some(HOSTILE),
        ),
        event(
            ChorusStatus::Completee,
            "2026-02-05T09:30:00Z",
            Some("Bon de livraison joint"),
        ),
        event(ChorusStatus::MiseEnPaiement, "2026-07-14T08:05:00Z", None),
    ]
}

#[wasm_bindgen_test]
fn the_timeline_shows_events_by_their_own_date_oldest_first() {
    let root = mount(|| view! { <Timeline events=events() /> });
    assert_eq!(
        texts(&root, ".mandat-inv-event__label"),
        [
            "Déposée",
            "Mise à disposition du destinataire",
            "Suspendue",
            "Complétée",
            "Mise en paiement",
            "Mandatée",
        ]
    );
    let statuses: Vec<String> = all(&root, "li[data-testid=timeline-event]")
        .iter()
        .map(|e| e.get_attribute("data-status").unwrap())
        .collect();
    assert_eq!(statuses[0], "DEPOSEE");
    assert_eq!(statuses[5], "MANDATEE");
}

#[wasm_bindgen_test]
fn each_event_has_its_paris_time_and_who_acted() {
    let root = mount(|| view! { <Timeline events=events() /> });
    let times = all(&root, "li time");
    assert_eq!(times.len(), 6);
    // Winter (+01:00) and summer (+02:00) in Europe/Paris.
    assert_eq!(
        times[0].get_attribute("datetime").unwrap(),
        "2026-01-14T09:05:00+01:00"
    );
    assert_eq!(times[0].text_content().unwrap(), "14 janvier 2026 à 09:05");
    assert_eq!(
        times[4].get_attribute("datetime").unwrap(),
        "2026-07-14T10:05:00+02:00"
    );
    let actors = texts(&root, ".mandat-inv-event__actor");
    assert_eq!(actors[0], "Par : Chorus Pro");
    assert_eq!(actors[2], "Par : L’administration destinataire");
    assert_eq!(actors[3], "Par : Le fournisseur");
    assert_eq!(actors[4], "Par : Le comptable public (DGFiP)");
}

#[wasm_bindgen_test]
fn a_hostile_reason_is_shown_as_text() {
    let root = mount(|| view! { <Timeline events=events() /> });
    let reasons = texts(&root, "[data-testid=event-reason]");
    assert_eq!(reasons, [HOSTILE, "Bon de livraison joint"]);
    assert!(root.query_selector("li b").unwrap().is_none());
    assert!(root.query_selector("li script").unwrap().is_none());
    assert!(root.query_selector("li img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn unknown_statuses_and_actors_still_render() {
    let mut odd = event(ChorusStatus::Unknown, "2026-03-01T08:00:00Z", None);
    odd.actor = ChorusActor::Unknown;
    let root = mount(move || view! { <Timeline events=vec![odd.clone()] /> });
    assert_eq!(texts(&root, ".mandat-inv-event__label"), ["Statut inconnu"]);
    assert_eq!(
        texts(&root, ".mandat-inv-event__actor"),
        ["Par : Non précisé"]
    );
    let none: Vec<ChorusEvent> = Vec::new();
    let empty = mount(move || view! { <Timeline events=none.clone() /> });
    assert_eq!(text(&empty, "p"), "Aucun événement pour le moment.");
}

#[wasm_bindgen_test]
async fn an_event_that_arrives_later_takes_its_place_without_a_remount() {
    let events = RwSignal::new(events()[1..3].to_vec());
    let root = mount(move || view! { <Timeline events=events /> });
    assert_eq!(all(&root, "li").len(), 2);
    // Arrives after, but happened between the two.
    events.update(|e| {
        e.push(event(
            ChorusStatus::EnCoursAcheminement,
            "2026-01-14T20:00:00Z",
            None,
        ))
    });
    settle().await;
    assert_eq!(
        texts(&root, ".mandat-inv-event__label"),
        [
            "Déposée",
            "En cours d’acheminement",
            "Mise à disposition du destinataire"
        ]
    );
}

#[wasm_bindgen_test]
fn a_status_badge_says_its_status_in_words() {
    let root = mount(|| {
        view! {
            <StatusBadge status=Some(ChorusStatus::ARecycler) />
            <StatusBadge status=None />
        }
    });
    assert_eq!(
        texts(&root, ".mandat-inv-badge"),
        ["À recycler", "Hors Chorus Pro"]
    );
}

fn rejected_invoice() -> InvoiceData {
    let history = vec![
        event(ChorusStatus::Deposee, "2026-03-01T08:00:00Z", None),
        event(ChorusStatus::MiseADisposition, "2026-03-02T08:00:00Z", None),
        event(ChorusStatus::Rejetee, "2026-03-05T08:00:00Z", Some(HOSTILE)),
    ];
    InvoiceData {
        bill: Bill {
            bill_id: "FR1000005".into(),
            date: "2026-03-01T07:00:00Z".parse().unwrap(),
            order_id: 1105,
            category: BillCategory::Autorenew,
            price_without_tax: Price::eur(15_000),
            tax: Price::eur(3_000),
            price_with_tax: Price::eur(18_000),
            pdf_url: "/api/me/bill/FR1000005/pdf".into(),
            chorus_status: Some(ChorusStatus::Rejetee),
            due_date: Some("2026-04-01".parse().unwrap()),
        },
        debt: None,
        tracking: Some(ChorusTracking {
            bill_id: "FR1000005".into(),
            chorus_invoice_id: "CPP001000005".into(),
            siret: "21310555400017".into(),
            structure_name: "Commune <i>de</i> Saint-Aubin".into(),
            code_service: "SERV-FIN".into(),
            numero_engagement: String::new(),
            status: Some(ChorusStatus::Rejetee),
            history,
            deadline: Some(DeadlineView {
                deadline: PaymentDeadline {
                    start_date: "2026-03-02".parse().unwrap(),
                    days: 30,
                    days_suspended: 0,
                    due_date: "2026-04-01".parse().unwrap(),
                },
                days_left: -10,
                overdue: false,
            }),
            statut_mise_en_paiement_nest_pas_remonte: false,
        }),
    }
}

#[wasm_bindgen_test]
fn a_rejected_invoice_says_a_new_one_will_be_issued() {
    let root = mount(|| view! { <InvoiceDetail data=rejected_invoice() /> });
    let step = root
        .query_selector("[data-testid=next-step]")
        .unwrap()
        .unwrap();
    assert_eq!(step.get_attribute("data-step").unwrap(), "new-invoice");
    assert!(step
        .text_content()
        .unwrap()
        .contains("Une nouvelle facture sera émise"));
    assert_eq!(text(&root, "[data-testid=next-step-reason]"), HOSTILE);
    assert!(root
        .query_selector("[data-testid=next-step] script")
        .unwrap()
        .is_none());
    assert!(text(&root, "[data-testid=routing]").contains("Commune <i>de</i> Saint-Aubin"));
    assert!(root
        .query_selector("[data-testid=routing] i")
        .unwrap()
        .is_none());
    // Rejected: the deadline no longer runs, no late-payment estimate.
    assert!(text(&root, "[data-testid=deadline-state]").contains("ne court plus"));
    assert!(root
        .query_selector("[data-testid=late-estimate]")
        .unwrap()
        .is_none());
    assert_eq!(
        text(&root, "[data-testid=category]"),
        "Renouvellement automatique"
    );
    let pdf = root
        .query_selector("[data-testid=pdf-link]")
        .unwrap()
        .unwrap();
    assert_eq!(
        pdf.get_attribute("href").unwrap(),
        "/api/me/bill/FR1000005/pdf"
    );
    assert_eq!(
        pdf.text_content().unwrap(),
        "Télécharger la facture FR1000005 (PDF)"
    );
}

#[wasm_bindgen_test]
fn a_late_invoice_shows_its_days_late_and_the_estimate() {
    let mut data = rejected_invoice();
    let tracking = data.tracking.as_mut().unwrap();
    tracking.history.pop();
    tracking.status = Some(ChorusStatus::MiseADisposition);
    tracking.deadline.as_mut().unwrap().overdue = true;
    // 1 200 € TTC, 10 days late at 2.15 % + 8 points: 3,34 € and 40 €.
    data.bill.price_with_tax = Price::eur(120_000);
    data.bill.chorus_status = Some(ChorusStatus::MiseADisposition);
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "En retard de 10 jours."
    );
    assert_eq!(text(&root, "[data-testid=late-interest]"), "3,34\u{a0}€");
    assert_eq!(text(&root, "[data-testid=late-indemnity]"), "40,00\u{a0}€");
    assert!(text(&root, "[data-testid=late-estimate]").contains("10,15"));
    let step = root
        .query_selector("[data-testid=next-step]")
        .unwrap()
        .unwrap();
    assert_eq!(step.get_attribute("data-step").unwrap(), "validate");
    let link = root
        .query_selector("[data-testid=validate-link]")
        .unwrap()
        .unwrap();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://chorus-pro.gouv.fr/"
    );
}
