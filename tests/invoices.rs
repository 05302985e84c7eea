//! The invoice timeline and page as the user sees them: labels, order, dates, and
//! hostile API text that stays text.

mod common;
use common::{eventually, find, mount, tick, wait_for};
use leptos::prelude::*;
use mandat::invoices::{InvoiceData, InvoiceDetail, InvoicePage, StatusBadge, Timeline};
use mandat::AppConfig;
use mandat_model::billing::{Bill, BillCategory, ChorusTracking, Debt, DebtStatus};
use mandat_model::chorus::{
    ChorusActor, ChorusEvent, ChorusService, ChorusStatus, ChorusStructure,
};
use mandat_model::deadline::{deadline, Deadline, DeadlineTerms, Interruption};
use mandat_model::{Locale, Price};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "Pièce manquante\u{a0}: <b>bon de livraison</b> <script>alert(1)</script><img src=x onerror=alert(2)>";

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
    assert_eq!(actors[0], "Par\u{a0}: Chorus Pro");
    assert_eq!(actors[2], "Par\u{a0}: L’administration destinataire");
    assert_eq!(actors[3], "Par\u{a0}: Le fournisseur");
    assert_eq!(actors[4], "Par\u{a0}: Le comptable public (DGFiP)");
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
        ["Par\u{a0}: Non précisé"]
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
    eventually(|| all(&root, "li").len() == 3, 2000).await;
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
        texts(&root, ".mandat-badge"),
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
            due_date: None,
            deadline: Some(Deadline::Void),
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
            deadline: Some(Deadline::Void),
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
    // Rejected: void, no due date, nothing owed.
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Facture rejetée\u{a0}: rien n’est dû sur cette facture et aucun délai de paiement ne court. Un avoir l’annulera ou une nouvelle facture la remplacera, avec son propre délai."
    );
    assert_eq!(deadline_state(&root), "void");
    assert!(root
        .query_selector("[data-testid=late-estimate], [data-testid=due-date]")
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
    // The API's path, on the API's origin (here the page's own).
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(
        pdf.get_attribute("href").unwrap(),
        format!("{origin}/api/me/bill/FR1000005/pdf")
    );
    assert_eq!(
        pdf.text_content().unwrap(),
        "Télécharger la facture FR1000005 (PDF)"
    );
}

/// The invoice of `rejected_invoice` with another history and the deadline the
/// model computes from it on `today`, for 1 200 € including VAT.
fn invoice_with(
    history: Vec<ChorusEvent>,
    days: u32,
    payment_not_reported: bool,
    today: &str,
) -> InvoiceData {
    let mut data = rejected_invoice();
    let terms = DeadlineTerms {
        days,
        payment_not_reported,
        amount_cents: 120_000,
    };
    let state = deadline(&history, terms, today.parse().unwrap());
    let status = mandat_model::chorus::current_status(&history);
    data.bill.price_with_tax = Price::eur(120_000);
    data.bill.chorus_status = status;
    data.bill.due_date = state.due_date();
    data.bill.deadline = Some(state.clone());
    let tracking = data.tracking.as_mut().unwrap();
    tracking.history = history;
    tracking.status = status;
    tracking.deadline = Some(state);
    tracking.statut_mise_en_paiement_nest_pas_remonte = payment_not_reported;
    data
}

fn deadline_state(root: &web_sys::HtmlElement) -> String {
    root.query_selector("[data-testid=deadline]")
        .unwrap()
        .expect("the deadline section")
        .get_attribute("data-state")
        .unwrap()
}

fn in_english<F, N>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    mount(move || {
        provide_context(AppConfig {
            locale: Locale::En,
            ..Default::default()
        });
        f()
    })
}

fn made_available_2_march() -> Vec<ChorusEvent> {
    vec![
        event(ChorusStatus::Deposee, "2026-03-01T08:00:00Z", None),
        event(ChorusStatus::MiseADisposition, "2026-03-02T08:00:00Z", None),
    ]
}

#[wasm_bindgen_test]
fn in_english_a_void_invoice_owes_nothing_and_a_late_one_its_interest() {
    let root = in_english(|| view! { <InvoiceDetail data=rejected_invoice() /> });
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Invoice rejected: nothing is owed on this invoice and no payment deadline runs. A credit note will cancel it or a new invoice will replace it, with its own deadline."
    );
    let late = invoice_with(made_available_2_march(), 30, false, "2026-04-11");
    let root = in_english(move || view! { <InvoiceDetail data=late.clone() /> });
    assert_eq!(text(&root, "[data-testid=deadline-state]"), "10 days late.");
    assert_eq!(text(&root, "[data-testid=due-date]"), "1 April 2026");
    assert_eq!(text(&root, "[data-testid=late-total]"), "€43.34");
    let estimate = text(&root, "[data-testid=late-estimate]");
    assert!(
        estimate.contains("Late-payment interest so far"),
        "{estimate}"
    );
    assert!(
        estimate.contains("in force on 1 January 2026 (2.15%)"),
        "{estimate}"
    );
    assert!(estimate.contains("that is 10.15% a year"), "{estimate}");
}

#[wasm_bindgen_test]
fn a_late_invoice_shows_its_days_late_and_the_interest_so_far() {
    // Due 1 April; 10 days late on 11 April at 2.15 % + 8 points: 3,34 € and 40 €.
    let data = invoice_with(made_available_2_march(), 30, false, "2026-04-11");
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(deadline_state(&root), "overdue");
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "En retard de 10 jours."
    );
    assert_eq!(text(&root, "[data-testid=due-date]"), "1er avril 2026");
    assert_eq!(text(&root, "[data-testid=late-interest]"), "3,34\u{a0}€");
    assert_eq!(text(&root, "[data-testid=late-indemnity]"), "40,00\u{a0}€");
    assert_eq!(text(&root, "[data-testid=late-total]"), "43,34\u{a0}€");
    let estimate = text(&root, "[data-testid=late-estimate]");
    assert!(
        estimate.contains("Intérêts moratoires à ce jour"),
        "{estimate}"
    );
    assert!(
        estimate.contains("en vigueur au 1er janvier 2026 (2,15\u{a0}%)"),
        "{estimate}"
    );
    assert!(estimate.contains("soit 10,15\u{a0}% par an"), "{estimate}");
    assert!(estimate.contains("pendant 10 jours"), "{estimate}");
    assert!(root
        .query_selector("[data-testid=late-rate-last-known], [data-testid=late-pay-by]")
        .unwrap()
        .is_none());
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

#[wasm_bindgen_test]
fn a_suspended_invoice_says_the_clock_is_stopped_and_what_follows() {
    // Made available 22 October, suspended 31 October with 21 days left.
    let history = vec![
        event(ChorusStatus::MiseADisposition, "2026-10-22T08:00:00Z", None),
        event(
            ChorusStatus::Suspendue,
            "2026-10-31T09:00:00Z",
            Some(HOSTILE),
        ),
    ];
    let data = invoice_with(history, 30, false, "2026-12-20");
    let fr = data.clone();
    let root = mount(move || view! { <InvoiceDetail data=fr.clone() /> });
    assert_eq!(deadline_state(&root), "interrupted");
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Délai interrompu depuis le 31 octobre 2026\u{a0}: aucun compte à rebours ne court tant que les pièces demandées ne sont pas reçues."
    );
    assert!(text(&root, "[data-testid=deadline-more]").starts_with(
        "À leur réception s’ouvrira un nouveau délai de 30 jours\u{a0}: la loi prévoit 30 jours"
    ));
    let facts = text(&root, "[data-testid=deadline-facts]");
    assert!(
        facts.contains("Solde du délai ce jour-là21 jours"),
        "{facts}"
    );
    // No countdown, no due date, not late though the first due date passed.
    assert!(root
        .query_selector("[data-testid=due-date], [data-testid=late-estimate]")
        .unwrap()
        .is_none());
    // The header says why there is no due date, and leads to the answer.
    assert_eq!(
        text(&root, "[data-testid=owed-due]"),
        "Aucune pour l’instant\u{a0}: délai interrompu par la suspension"
    );
    let action = root
        .query_selector("[data-testid=invoice-header] [data-testid=header-action]")
        .unwrap()
        .expect("the header's action");
    assert_eq!(
        action.text_content().unwrap(),
        "Répondre à la suspension\u{a0}: envoyer les pièces"
    );
    assert_eq!(
        action.get_attribute("href").as_deref(),
        Some("#inv-documents-title")
    );

    let en = in_english(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(
        text(&en, "[data-testid=deadline-state]"),
        "Deadline interrupted since 31 October 2026: no countdown runs until the requested documents are received."
    );
    assert!(text(&en, "[data-testid=deadline-more]")
        .starts_with("Once they arrive, a new deadline of 30 days will open"));
}

#[wasm_bindgen_test]
fn documents_received_open_a_new_deadline() {
    // Made available 22 October, suspended 31 October, completed 5 November:
    // due 5 December, 5 days left on 30 November.
    let history = vec![
        event(ChorusStatus::MiseADisposition, "2026-10-22T08:00:00Z", None),
        event(ChorusStatus::Suspendue, "2026-10-31T09:00:00Z", Some("RIB")),
        event(ChorusStatus::Completee, "2026-11-05T09:00:00Z", None),
    ];
    let data = invoice_with(history, 30, false, "2026-11-30");
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(deadline_state(&root), "running");
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Il reste 5 jours avant l’échéance."
    );
    assert_eq!(text(&root, "[data-testid=due-date]"), "5 décembre 2026");
    assert_eq!(
        text(&root, "[data-testid=deadline-more]"),
        "Les pièces demandées ont été reçues le 5 novembre 2026\u{a0}: un nouveau délai de 30 jours s’est ouvert ce jour-là (art. R2192-29)."
    );
}

#[wasm_bindgen_test]
fn a_late_payment_still_owes_its_interest_and_says_by_when() {
    // Due 1 April, put in payment 21 April: 20 days, 6,67 € + 40 €, by 5 June.
    let mut history = made_available_2_march();
    history.push(event(
        ChorusStatus::MiseEnPaiement,
        "2026-04-21T08:00:00Z",
        None,
    ));
    let data = invoice_with(history, 30, false, "2026-05-01");
    let fr = data.clone();
    let root = mount(move || view! { <InvoiceDetail data=fr.clone() /> });
    assert_eq!(deadline_state(&root), "paidLate");
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Mise en paiement le 21 avril 2026, 20 jours après l’échéance."
    );
    assert_eq!(text(&root, "[data-testid=late-interest]"), "6,67\u{a0}€");
    assert_eq!(text(&root, "[data-testid=late-total]"), "46,67\u{a0}€");
    assert_eq!(
        text(&root, "[data-testid=late-pay-by]"),
        "À payer au plus tard le 5 juin 2026, 45 jours après la mise en paiement (art. R2192-36)."
    );
    assert!(
        text(&root, "[data-testid=late-estimate]").contains("Intérêts moratoires et indemnité dus")
    );

    let en = in_english(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(
        text(&en, "[data-testid=deadline-state]"),
        "Put in payment on 21 April 2026, 20 days after the due date."
    );
    assert_eq!(text(&en, "[data-testid=late-interest]"), "€6.67");
    assert_eq!(
        text(&en, "[data-testid=late-pay-by]"),
        "To be paid by 5 June 2026, 45 days after the principal was put in payment (art. R2192-36)."
    );
}

#[wasm_bindgen_test]
fn past_the_last_known_ecb_rate_the_page_says_so() {
    // Late since 2 September 2099: far past the table's last half-year, so the
    // last known rate is used, and said to be.
    let history = vec![event(
        ChorusStatus::MiseADisposition,
        "2099-08-02T08:00:00Z",
        None,
    )];
    let data = invoice_with(history, 30, false, "2099-09-11");
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    let note = text(&root, "[data-testid=late-rate-last-known]");
    assert!(
        note.starts_with("Le taux de la BCE du semestre commençant le 1er juillet 2099 n’a pas encore été ajouté à ce service\u{a0}: le calcul retient le dernier taux qu’il connaît, celui du "),
        "{note}"
    );
    // The figure names the rate it used: the same anchor as the note.
    let used = note
        .split("celui du ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .unwrap()
        .to_string();
    assert!(text(&root, "[data-testid=late-estimate]").contains(&format!("en vigueur au {used} (")));
}

#[wasm_bindgen_test]
fn a_structure_that_does_not_report_payment_shows_the_due_date_never_late() {
    let mut history = made_available_2_march();
    history.push(event(
        ChorusStatus::Comptabilisee,
        "2026-03-20T08:00:00Z",
        None,
    ));
    let data = invoice_with(history, 30, true, "2026-09-01");
    let fr = data.clone();
    let root = mount(move || view! { <InvoiceDetail data=fr.clone() /> });
    assert_eq!(deadline_state(&root), "paymentNotReported");
    assert_eq!(text(&root, "[data-testid=due-date]"), "1er avril 2026");
    assert!(text(&root, "[data-testid=deadline-state]")
        .starts_with("Votre structure ne transmet pas la mise en paiement à Chorus Pro"));
    assert!(root
        .query_selector("[data-testid=late-estimate]")
        .unwrap()
        .is_none());
    assert!(!root.text_content().unwrap().contains("retard de"));

    let en = in_english(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(text(&en, "[data-testid=due-date]"), "1 April 2026");
    assert!(text(&en, "[data-testid=deadline-state]")
        .starts_with("Your structure does not report payment to Chorus Pro"));
}

#[wasm_bindgen_test]
fn absurd_values_from_the_api_show_as_unknown() {
    let mut data = invoice_with(made_available_2_march(), 30, false, "2026-03-10");
    let absurd = Deadline::Running {
        start_date: "2026-03-02".parse().unwrap(),
        days: 30,
        interruption: Some(Interruption {
            since: "2026-03-05".parse().unwrap(),
            balance_days: 27,
            new_days: 30,
            resumed_on: None,
        }),
        due_date: chrono::NaiveDate::from_ymd_opt(262_000, 1, 1).unwrap(),
        days_left: i64::MAX,
    };
    data.tracking.as_mut().unwrap().deadline = Some(absurd);
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(deadline_state(&root), "unknown");
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Le délai de paiement de cette facture ne peut pas être établi à partir des informations reçues."
    );
    assert!(!root.text_content().unwrap().contains("262000"));
}

#[wasm_bindgen_test]
fn the_pdf_link_goes_to_the_api_even_from_another_origin() {
    let root = mount(|| {
        provide_context(AppConfig {
            api_base: "https://billing.example/api".into(),
            ..Default::default()
        });
        view! { <InvoiceDetail data=rejected_invoice() /> }
    });
    let pdf = root
        .query_selector("[data-testid=pdf-link]")
        .unwrap()
        .unwrap();
    assert_eq!(
        pdf.get_attribute("href").as_deref(),
        Some("https://billing.example/api/me/bill/FR1000005/pdf")
    );
}

#[wasm_bindgen_test]
fn a_pdf_address_that_leads_elsewhere_is_no_link_and_says_why() {
    for hostile in [
        "javascript:alert(document.cookie)",
        "JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "data:application/pdf;base64,JVBERi0=",
        "//evil.example/FR1000005.pdf",
        "http://other.example/api/me/bill/FR1000005/pdf",
    ] {
        let mut data = rejected_invoice();
        data.bill.pdf_url = hostile.into();
        let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
        assert!(
            root.query_selector("[data-testid=pdf-link]")
                .unwrap()
                .is_none(),
            "{hostile}"
        );
        for a in all(&root, "a[href]") {
            let href = a.get_attribute("href").unwrap();
            assert!(
                href == "https://chorus-pro.gouv.fr/"
                    || href.starts_with('/')
                    || href.starts_with('#'),
                "{hostile}: a link to {href}"
            );
        }
        assert!(text(&root, "[data-testid=link-refused]")
            .starts_with("Lien indisponible\u{a0}: l’adresse donnée par le service de facturation ne mène pas à ce service"));
    }
    let mut data = rejected_invoice();
    data.bill.pdf_url = "javascript:alert(1)".into();
    let en = in_english(move || view! { <InvoiceDetail data=data.clone() /> });
    assert!(text(&en, "[data-testid=link-refused]").starts_with("Link unavailable:"));
}

#[wasm_bindgen_test]
fn amounts_and_dates_the_app_cannot_state_show_as_unknown() {
    let mut data = rejected_invoice();
    data.bill.date = chrono::DateTime::<chrono::Utc>::MAX_UTC;
    data.bill.price_without_tax.value = f64::NAN;
    data.bill.tax.value = f64::INFINITY;
    data.bill.price_with_tax.value = 1e300;
    let tracking = data.tracking.as_mut().unwrap();
    tracking.history[0].date = chrono::DateTime::<chrono::Utc>::MIN_UTC;
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    let facts = text(&root, "[data-testid=invoice-facts]");
    assert!(facts.contains("Date inconnue"), "{facts}");
    assert_eq!(facts.matches("Montant inconnu").count(), 3, "{facts}");
    for wrong in ["NaN", "inf", "0,00", "9\u{202f}223", "262"] {
        assert!(!facts.contains(wrong), "{wrong} in {facts}");
    }
    // The event whose date cannot be shown keeps its place, without a date.
    let dates = texts(&root, ".mandat-inv-event__date");
    assert_eq!(dates[0], "Date inconnue");
    assert!(root
        .query_selector(".mandat-inv-event__date time")
        .unwrap()
        .is_some());

    let mut data = rejected_invoice();
    data.bill.price_with_tax.currency_code = "USD".into();
    let en = in_english(move || view! { <InvoiceDetail data=data.clone() /> });
    assert!(text(&en, "[data-testid=invoice-facts]").contains("Unknown amount"));
}

// The billing API's server cannot run inside the browser test: `fetch` answers
// from a table of "METHOD /path" → [status, body] (a list of them is answered in
// turn, the last one repeated), and each call is kept with its key and body.
#[wasm_bindgen(inline_js = r#"
export function answer_api_with(table) {
  const original = globalThis.fetch;
  const calls = [];
  globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    // Kept as it is asked for, its body once read.
    const call = { method: request.method, path, key: request.headers.get('Idempotency-Key'), body: '' };
    calls.push(call);
    if (request.method !== 'GET') call.body = await request.text();
    let answers = table[`${request.method} ${path}`];
    if (answers === undefined) {
      return new Response('{"class":"Client::NotFound","message":"not in the test table"}',
        { status: 404, headers: { 'Content-Type': 'application/json' } });
    }
    const [status, text] = Array.isArray(answers[0]) ? (answers.length > 1 ? answers.shift() : answers[0]) : answers;
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return {
    calls: (method) => calls.filter((c) => c.method === method),
    restore: () => { globalThis.fetch = original; },
  };
}
"#)]
extern "C" {
    type ApiStandIn;
    fn answer_api_with(table: &JsValue) -> ApiStandIn;
    #[wasm_bindgen(method)]
    fn calls(this: &ApiStandIn, method: &str) -> js_sys::Array;
    #[wasm_bindgen(method)]
    fn restore(this: &ApiStandIn);
}

const COMMUNE_SIRET: &str = "21445012400018";
/// The commune's structure as `GET /api/chorus/structure/{siret}` gives it.
fn commune_structure() -> String {
    let service = |code: &str, label: &str, active: bool| ChorusService {
        code: code.into(),
        label: label.into(),
        active,
        numero_ej_doit_etre_renseigne: false,
    };
    serde_json::to_string(&ChorusStructure {
        siret: COMMUNE_SIRET.into(),
        name: "Commune de Saint-Aubin-sur-Loire".into(),
        code_service_doit_etre_renseigne: true,
        numero_ej_doit_etre_renseigne: false,
        gestion_numero_ej_ou_code_service: false,
        services: vec![
            service("SERV-FIN", "Finances", true),
            service("SERV-ECOLE", "Écoles", true),
            service("SERV-INFO", "Ancien service informatique", false),
        ],
        payment_deadline_days: 30,
        statut_mise_en_paiement_nest_pas_remonte: false,
    })
    .unwrap()
}

/// The commune's invoice FR1000004, of order 1104, sent back à recycler: sent
/// to the schools' service, which does not take it.
fn to_recycle() -> InvoiceData {
    let mut data = rejected_invoice();
    let history = vec![
        event(ChorusStatus::Deposee, "2026-03-01T08:00:00Z", None),
        event(ChorusStatus::MiseADisposition, "2026-03-02T08:00:00Z", None),
        event(
            ChorusStatus::ARecycler,
            "2026-03-05T08:00:00Z",
            Some("Le service SERV-ECOLE ne reçoit pas les factures d’hébergement."),
        ),
    ];
    data.bill.bill_id = "FR1000004".into();
    data.bill.order_id = 1104;
    data.bill.chorus_status = Some(ChorusStatus::ARecycler);
    let not_started = Deadline::NotStarted {
        after_recycling: true,
    };
    data.bill.deadline = Some(not_started.clone());
    let tracking = data.tracking.as_mut().unwrap();
    tracking.bill_id = "FR1000004".into();
    tracking.siret = COMMUNE_SIRET.into();
    tracking.structure_name = "Commune de Saint-Aubin-sur-Loire".into();
    tracking.code_service = "SERV-ECOLE".into();
    tracking.status = Some(ChorusStatus::ARecycler);
    tracking.history = history;
    tracking.deadline = Some(not_started);
    data
}

/// The tracking the API answers once `FR1000004` is routed again with `code`.
fn re_deposited(code: &str) -> String {
    let mut tracking = to_recycle().tracking.unwrap();
    tracking.code_service = code.into();
    tracking.status = Some(ChorusStatus::EnCoursAcheminement);
    tracking.history.push(event(
        ChorusStatus::EnCoursAcheminement,
        "2026-03-06T08:00:00Z",
        None,
    ));
    serde_json::to_string(&tracking).unwrap()
}

fn api_table(entries: &[(&str, JsValue)]) -> JsValue {
    let table = js_sys::Object::new();
    for (route, answer) in entries {
        js_sys::Reflect::set(&table, &JsValue::from_str(route), answer).unwrap();
    }
    table.into()
}

fn answer(status: u16, body: &str) -> JsValue {
    js_sys::Array::of2(&JsValue::from(status), &JsValue::from_str(body)).into()
}

fn mount_invoice(data: InvoiceData) -> web_sys::HtmlElement {
    mount(move || {
        provide_context(AppConfig {
            api_base: "/api".into(),
            locale: Locale::Fr,
            ..Default::default()
        });
        view! { <InvoiceDetail data=data /> }
    })
}

fn input(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn fire(el: &web_sys::Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(name, &init).unwrap())
        .unwrap();
}

fn type_and_leave(el: &web_sys::HtmlInputElement, value: &str) {
    el.focus().unwrap();
    el.set_value(value);
    fire(el, "input");
    el.blur().unwrap();
    fire(el, "blur");
}

fn choose_service(root: &web_sys::HtmlElement, code: &str) {
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#mandat-code-service")
        .unwrap()
        .expect("the code service field")
        .unchecked_into();
    select.set_value(code);
    fire(&select, "change");
}

fn submit_correction(root: &web_sys::HtmlElement) {
    root.query_selector("[data-testid=recycle-submit]")
        .unwrap()
        .expect("the submit button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn sent_bodies(stand_in: &ApiStandIn) -> Vec<serde_json::Value> {
    stand_in
        .calls("PUT")
        .iter()
        .map(|c| {
            let body = js_sys::Reflect::get(&c, &"body".into()).unwrap();
            serde_json::from_str(&body.as_string().unwrap()).unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_recycle_panel_starts_from_the_routing_the_invoice_was_sent_with() {
    let stand_in = answer_api_with(&api_table(&[(
        "GET /api/chorus/structure/21445012400018",
        answer(200, &commune_structure()),
    )]));
    let root = mount_invoice(to_recycle());
    // What it was sent with, and why it came back, as text.
    let routing = text(&root, "[data-testid=routing]");
    assert!(routing.contains("214 450 124 00018"), "{routing}");
    assert!(
        routing.contains("Commune de Saint-Aubin-sur-Loire"),
        "{routing}"
    );
    assert!(routing.contains("SERV-ECOLE"), "{routing}");
    assert_eq!(
        text(&root, "[data-testid=next-step-reason]"),
        "Le service SERV-ECOLE ne reçoit pas les factures d’hébergement."
    );
    // The checkout's fields, filled in with it; the structure's active services.
    wait_for(&root, "#mandat-code-service option[value=SERV-FIN]").await;
    assert_eq!(input(&root, "#mandat-siret").value(), "214 450 124 00018");
    assert_eq!(
        text(&root, "[data-testid=siret-status]"),
        "Structure trouvée\u{a0}: Commune de Saint-Aubin-sur-Loire"
    );
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#mandat-code-service")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "SERV-ECOLE");
    assert!(root
        .query_selector("#mandat-code-service option[value=SERV-INFO]")
        .unwrap()
        .is_none());
    assert!(text(&root, "[data-testid=recycle-panel]").contains("commande n°\u{a0}1104"));
    // The deadline says it starts again once routed.
    assert_eq!(deadline_state(&root), "notStarted");
    stand_in.restore();
}

#[wasm_bindgen_test]
async fn a_wrong_siret_is_said_beside_its_field_and_nothing_is_sent() {
    let stand_in = answer_api_with(&api_table(&[
        (
            "GET /api/chorus/structure/21445012400018",
            answer(200, &commune_structure()),
        ),
        (
            "PUT /api/me/bill/FR1000004/chorus/routing",
            answer(
                400,
                r#"{"class":"Client::BadRequest","message":"invalid","errors":[{"field":"codeService","code":"code_service_inactive","message":"inactive"}]}"#,
            ),
        ),
    ]));
    let root = mount_invoice(to_recycle());
    wait_for(&root, "#mandat-code-service option[value=SERV-FIN]").await;
    let siret = input(&root, "#mandat-siret");
    type_and_leave(&siret, "214 450 124 00019");
    wait_for(&root, "#mandat-siret-error").await;
    assert_eq!(
        text(&root, "#mandat-siret-error"),
        "Ce SIRET n’est pas valide\u{a0}: un chiffre a peut-être été mal recopié. Vérifiez-le sur vos documents."
    );
    assert_eq!(siret.get_attribute("aria-invalid").as_deref(), Some("true"));
    submit_correction(&root);
    // The checkout's summary, focused, linking to the field.
    let summary = wait_for(&root, "[data-testid=error-summary]").await;
    let focused = || {
        summary.is_same_node(
            web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .active_element()
                .as_ref()
                .map(|e| e.as_ref()),
        )
    };
    eventually(focused, 2000).await;
    assert!(focused());
    assert!(summary
        .query_selector("a[href='#mandat-siret']")
        .unwrap()
        .is_some());
    // The submission is refused in the click's handler: a request sent from it
    // reaches `fetch` before the next turn of the event loop, and is counted
    // as it is asked for.
    tick().await;
    assert_eq!(stand_in.calls("PUT").length(), 0, "nothing sent");

    // The API's own field problems go beside their fields too.
    type_and_leave(&siret, COMMUNE_SIRET);
    eventually(|| find(&root, "#mandat-siret-error").is_none(), 2000).await;
    assert!(find(&root, "#mandat-siret-error").is_none());
    choose_service(&root, "SERV-FIN");
    submit_correction(&root);
    wait_for(&root, "#mandat-code-service-error").await;
    assert_eq!(
        text(&root, "#mandat-code-service-error"),
        "Ce code service ne peut pas recevoir la facture\u{a0}: choisissez un service dans la liste."
    );
    assert_eq!(stand_in.calls("PUT").length(), 1);
    assert!(root
        .query_selector("[data-testid=recycle-done]")
        .unwrap()
        .is_none());
    stand_in.restore();
}

#[wasm_bindgen_test]
async fn a_correction_taken_shows_the_invoice_routed_again_and_tells_the_host() {
    let stand_in = answer_api_with(&api_table(&[
        (
            "GET /api/chorus/structure/21445012400018",
            answer(200, &commune_structure()),
        ),
        (
            "PUT /api/me/bill/FR1000004/chorus/routing",
            answer(200, &re_deposited("SERV-FIN")),
        ),
    ]));
    let told = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let heard = told.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| {
            heard
                .borrow_mut()
                .push(js_sys::JSON::stringify(&e.detail()).unwrap().into());
        },
    );
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .add_event_listener_with_callback(
            "mandat:routing-corrected",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    let root = mount_invoice(to_recycle());
    wait_for(&root, "#mandat-code-service option[value=SERV-FIN]").await;
    choose_service(&root, "SERV-FIN");
    submit_correction(&root);
    let done = wait_for(&root, "[data-testid=recycle-done]").await;
    let words = done.text_content().unwrap();
    assert!(words.contains("Acheminement corrigé"), "{words}");
    assert!(
        words.contains("pour Commune de Saint-Aubin-sur-Loire (SIRET 214 450 124 00018)"),
        "{words}"
    );
    assert!(words.contains("Code service\u{a0}: SERV-FIN."), "{words}");
    assert_eq!(
        text(&root, "[data-testid=recycle-done-order]"),
        "Les prochaines factures de la commande n°\u{a0}1104 iront à la même adresse. Le délai de paiement recommencera quand la facture sera mise à disposition de la structure ; cette page suit son acheminement."
    );
    // One request, with its key, of the routing as the API wants it.
    let puts = stand_in.calls("PUT");
    assert_eq!(puts.length(), 1);
    let key = js_sys::Reflect::get(&puts.get(0), &"key".into()).unwrap();
    assert!(key.as_string().is_some_and(|k| !k.is_empty()));
    assert_eq!(
        sent_bodies(&stand_in),
        [
            serde_json::json!({"siret": COMMUNE_SIRET, "codeService": "SERV-FIN", "numeroEngagement": ""})
        ]
    );
    // The page follows: the form is gone, the status and the timeline moved on,
    // and screen readers hear it.
    eventually(
        || {
            find(&root, "[data-testid=recycle-form]").is_none()
                && find(&root, "[data-testid=live-region]").is_some_and(|e| {
                    e.text_content()
                        .unwrap_or_default()
                        .contains("En cours d’acheminement")
                })
        },
        2000,
    )
    .await;
    assert!(root
        .query_selector("[data-testid=recycle-form]")
        .unwrap()
        .is_none());
    assert_eq!(
        text(&root, "[data-testid=current-status]").trim(),
        "En cours d’acheminement"
    );
    assert_eq!(all(&root, "li[data-testid=timeline-event]").len(), 4);
    assert!(text(&root, "[data-testid=live-region]")
        .contains("Nouveau statut sur Chorus Pro\u{a0}: En cours d’acheminement"));
    // The deadline says what is true now: routed again, not coming back.
    assert_eq!(
        text(&root, "[data-testid=deadline-state]"),
        "Le délai de paiement n’a pas encore commencé\u{a0}: la facture a été réacheminée. Un délai complet commencera quand elle sera de nouveau mise à disposition de votre structure."
    );
    assert!(root
        .query_selector("[data-testid=header-action]")
        .unwrap()
        .is_none());
    assert_eq!(
        told.borrow().as_slice(),
        [
            r#"{"billId":"FR1000004","orderId":1104,"siret":"21445012400018","codeService":"SERV-FIN","numeroEngagement":"","status":"EN_COURS_ACHEMINEMENT"}"#
        ]
    );
    document
        .remove_event_listener_with_callback(
            "mandat:routing-corrected",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    stand_in.restore();
}

#[wasm_bindgen_test]
async fn an_invoice_no_longer_to_recycle_says_so_and_shows_where_it_is() {
    let mut moved_on = to_recycle().tracking.unwrap();
    moved_on.status = Some(ChorusStatus::MiseADisposition);
    moved_on.history.push(event(
        ChorusStatus::MiseADisposition,
        "2026-03-06T08:00:00Z",
        None,
    ));
    let stand_in = answer_api_with(&api_table(&[
        (
            "GET /api/chorus/structure/21445012400018",
            answer(200, &commune_structure()),
        ),
        (
            "PUT /api/me/bill/FR1000004/chorus/routing",
            answer(
                409,
                r#"{"class":"Client::Conflict","message":"no longer","errors":[{"field":"status","code":"bill_not_to_recycle","message":"no longer"}]}"#,
            ),
        ),
        (
            "GET /api/me/bill/FR1000004/chorus",
            answer(200, &serde_json::to_string(&moved_on).unwrap()),
        ),
    ]));
    let root = mount_invoice(to_recycle());
    wait_for(&root, "#mandat-code-service option[value=SERV-FIN]").await;
    choose_service(&root, "SERV-FIN");
    submit_correction(&root);
    let stale = wait_for(&root, "[data-testid=recycle-stale]").await;
    assert!(stale
        .text_content()
        .unwrap()
        .contains("Cette facture n’est plus à recycler"));
    wait_for(&root, "[data-testid=next-step][data-step=validate]").await;
    assert!(root
        .query_selector("[data-testid=recycle-form]")
        .unwrap()
        .is_none());
    stand_in.restore();
}

/// `data` with the debt the API gives for it.
fn with_debt(mut data: InvoiceData, status: DebtStatus, pending_cents: i64) -> InvoiceData {
    data.debt = Some(Debt {
        status,
        due_date: data.bill.due_date,
        amount: data.bill.price_with_tax.clone(),
        pending_amount: Some(Price::eur(pending_cents)),
    });
    data
}

/// FR1000012's case: made available 2 March, due 1 April, put in payment
/// 21 April; the invoice itself settled.
fn paid_late_settled() -> InvoiceData {
    let mut history = made_available_2_march();
    history.push(event(
        ChorusStatus::MiseEnPaiement,
        "2026-04-21T08:00:00Z",
        None,
    ));
    with_debt(
        invoice_with(history, 30, false, "2026-05-01"),
        DebtStatus::Paid,
        0,
    )
}

#[wasm_bindgen_test]
fn a_late_payment_opens_with_what_is_still_owed_interest_and_indemnity_included() {
    // FR1000012's case: due 1 April, put in payment 21 April, 20 days late;
    // the invoice itself is settled (the debt says 0 left), 6,67 € of interest
    // and the 40 € indemnity are not, by 5 June.
    let data = paid_late_settled();
    let en = data.clone();
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    let header = root
        .query_selector("[data-testid=invoice-header]")
        .unwrap()
        .expect("the header");
    assert_eq!(
        text(
            &root,
            "[data-testid=invoice-header] [data-testid=amount-due]"
        ),
        "46,67\u{a0}€"
    );
    assert_eq!(
        text(&root, "[data-testid=amount-due-detail]"),
        "dont 6,67\u{a0}€ d’intérêts moratoires et 40,00\u{a0}€ d’indemnité forfaitaire pour frais de recouvrement. À payer au plus tard le 5 juin 2026."
    );
    assert_eq!(
        text(&root, "[data-testid=owed-due]"),
        "1er avril 2026, dépassée de 20 jours\u{a0}: mise en paiement le 21 avril 2026"
    );
    // Nothing on the page says that nothing is left to pay.
    let page = root.text_content().unwrap();
    assert!(!page.contains("Reste à payer"), "{page}");
    let zero = texts(&root, "dd")
        .into_iter()
        .filter(|value| value.starts_with("0,00"))
        .collect::<Vec<_>>();
    assert!(zero.is_empty(), "{zero:?}");
    // It comes first: before the next step and the deadline's legal text.
    let next = root
        .query_selector("[data-testid=next-step]")
        .unwrap()
        .unwrap();
    assert_eq!(
        header.compare_document_position(&next) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        web_sys::Node::DOCUMENT_POSITION_FOLLOWING
    );

    let root = in_english(move || view! { <InvoiceDetail data=en.clone() /> });
    assert_eq!(text(&root, "[data-testid=amount-due]"), "€46.67");
    assert!(text(&root, "[data-testid=amount-due-detail]").starts_with(
        "including €6.67 of late-payment interest and a €40.00 fixed recovery indemnity"
    ));
}

#[wasm_bindgen_test]
fn an_overdue_invoice_owes_itself_and_the_interest_so_far() {
    // 1 200 € due 1 April, 10 days late on 11 April: 3,34 € + 40 €.
    let data = with_debt(
        invoice_with(made_available_2_march(), 30, false, "2026-04-11"),
        DebtStatus::Unpaid,
        120_000,
    );
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    assert_eq!(
        text(&root, "[data-testid=amount-due]"),
        "1\u{202f}243,34\u{a0}€"
    );
    assert!(text(&root, "[data-testid=amount-due-detail]").ends_with(
        "À ce jour\u{a0}: les intérêts courent chaque jour jusqu’à la mise en paiement."
    ));
    assert_eq!(
        text(&root, "[data-testid=owed-due]"),
        "1er avril 2026, dépassée de 10 jours"
    );
}

// The clipboard as a browser gives it to a page that may write to it, here
// one that takes (`ok`) or refuses the text; what it was given.
#[wasm_bindgen(inline_js = r#"
export function clipboard_that(ok) {
  const written = [];
  const had = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text) => ok ? (written.push(text), Promise.resolve()) : Promise.reject(new Error('denied')) },
  });
  return {
    written: () => written.slice(),
    restore: () => { delete navigator.clipboard; },
  };
}
"#)]
extern "C" {
    type ClipboardStandIn;
    fn clipboard_that(ok: bool) -> ClipboardStandIn;
    #[wasm_bindgen(method)]
    fn written(this: &ClipboardStandIn) -> Vec<String>;
    #[wasm_bindgen(method, js_name = restore)]
    fn restore_clipboard(this: &ClipboardStandIn);
}

#[wasm_bindgen_test]
async fn the_page_opens_with_the_status_the_due_date_the_chorus_number_and_the_action() {
    // Made available 2 March, 30 days: due 1 April, 5 days left on 27 March.
    let data = invoice_with(made_available_2_march(), 30, false, "2026-03-27");
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    let header = root
        .query_selector("[data-testid=invoice-header]")
        .unwrap()
        .expect("the header");
    assert_eq!(
        header
            .query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Facture FR1000005"
    );
    assert_eq!(
        text(
            &root,
            "[data-testid=invoice-header] [data-testid=current-status]"
        )
        .trim(),
        "Mise à disposition du destinataire"
    );
    // No debt from the API: nothing is paid before the mise en paiement.
    assert_eq!(
        text(
            &root,
            "[data-testid=invoice-header] [data-testid=amount-due]"
        ),
        "1\u{202f}200,00\u{a0}€"
    );
    assert_eq!(
        text(&root, "[data-testid=invoice-header] [data-testid=owed-due]"),
        "1er avril 2026, dans 5 jours"
    );
    // The number as text in the header, not folded away.
    let number = root
        .query_selector("[data-testid=invoice-header] [data-testid=chorus-number]")
        .unwrap()
        .expect("the Chorus Pro number in the header");
    assert_eq!(number.text_content().unwrap(), "CPP001000005");
    assert!(number.closest("details").unwrap().is_none());
    let link = root
        .query_selector("[data-testid=invoice-header] [data-testid=validate-link]")
        .unwrap()
        .expect("the action in the header");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://chorus-pro.gouv.fr/")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));

    // Copied: said beside the button, in a live region.
    let clipboard = clipboard_that(true);
    let copy: web_sys::HtmlElement = root
        .query_selector("[data-testid=invoice-header] [data-testid=copy-button]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copier le numéro de la facture sur Chorus Pro")
    );
    copy.click();
    let said = eventually(
        || text(&root, "[data-testid=copy-status]") == "Copié",
        2_000,
    )
    .await;
    let written = clipboard.written();
    clipboard.restore_clipboard();
    assert!(said, "{}", text(&root, "[data-testid=copy-status]"));
    assert_eq!(written, ["CPP001000005"]);
    let status = root
        .query_selector("[data-testid=copy-status]")
        .unwrap()
        .unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));

    // Refused: the person is told to select it.
    let clipboard = clipboard_that(false);
    copy.click();
    let said = eventually(
        || text(&root, "[data-testid=copy-status]").starts_with("Copie impossible"),
        2_000,
    )
    .await;
    clipboard.restore_clipboard();
    assert!(said, "{}", text(&root, "[data-testid=copy-status]"));
}

#[wasm_bindgen_test]
fn every_value_stays_in_one_box_with_its_term() {
    // Each term and its value are one row: a grid cannot put « n° 1105 »
    // under « Date de facturation », at any width.
    let data = paid_late_settled();
    let root = mount(move || view! { <InvoiceDetail data=data.clone() /> });
    let lists = all(&root, "dl");
    assert!(lists.len() >= 5, "{} lists", lists.len());
    for list in lists {
        let rows = list.children();
        assert!(rows.length() > 0);
        for i in 0..rows.length() {
            let row = rows.item(i).unwrap();
            assert_eq!(row.tag_name(), "DIV", "{}", list.outer_html());
            let (terms, values) = (
                row.query_selector_all("dt").unwrap(),
                row.query_selector_all("dd").unwrap(),
            );
            assert_eq!(
                (terms.length(), values.length()),
                (1, 1),
                "{}",
                row.outer_html()
            );
        }
    }
    let order = all(&root, "[data-testid=invoice-facts] > div")
        .into_iter()
        .find(|row| {
            row.query_selector("dt")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
                == "Commande"
        })
        .expect("the order's row");
    assert_eq!(
        order
            .query_selector("dd")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "n°\u{a0}1105"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_invoice_leads_to_the_invoice_list() {
    let stand_in = answer_api_with(&api_table(&[]));
    let root = mount(|| {
        provide_context(AppConfig {
            api_base: "/api".into(),
            ..Default::default()
        });
        view! { <InvoicePage bill_id="FR1999999".to_string() /> }
    });
    let back = wait_for(&root, "[data-testid=not-found-back]").await;
    stand_in.restore();
    assert!(text(&root, "[role=alert]").contains("Retrouvez-la dans la liste de vos factures"));
    assert_eq!(back.get_attribute("href").as_deref(), Some("/invoices"));
    assert_eq!(
        back.text_content().unwrap(),
        "Voir la liste de vos factures"
    );
    assert!(!root.text_content().unwrap().contains("commandes"));
}

#[wasm_bindgen_test]
async fn documents_already_sent_leave_nothing_to_do_in_the_header() {
    let history = vec![
        event(ChorusStatus::MiseADisposition, "2026-10-22T08:00:00Z", None),
        event(ChorusStatus::Suspendue, "2026-10-31T09:00:00Z", Some("RIB")),
    ];
    let data = invoice_with(history, 30, false, "2026-11-05");
    let documents = serde_json::json!({
        "billId": "FR1000005", "state": "beingAdded", "requested": "RIB",
        "documents": [{"name": "rib.pdf", "size": 2048, "contentType": "application/pdf",
            "receivedAt": "2026-11-03T09:30:00Z"}],
        "sentAt": "2026-11-03T10:00:00Z",
        "uploadUrl": "/api/me/bill/FR1000005/documents",
        "sendUrl": "/api/me/bill/FR1000005/documents/send"
    })
    .to_string();
    let stand_in = answer_api_with(&api_table(&[(
        "GET /api/me/bill/FR1000005/documents",
        answer(200, &documents),
    )]));
    let root = mount_invoice(data);
    wait_for(
        &root,
        "[data-testid=documents-state][data-state=beingAdded]",
    )
    .await;
    let no_action = eventually(
        || {
            root.query_selector("[data-testid=header-action]")
                .unwrap()
                .is_none()
        },
        2_000,
    )
    .await;
    stand_in.restore();
    assert!(no_action, "{}", text(&root, "[data-testid=invoice-header]"));
    assert!(text(&root, "[data-testid=next-step]").contains("des pièces manquent"));
}
