//! `/` as the user reads it: first what waits for them (orders, invoices,
//! renewals), each with its date, amount and one link; then the orders, each
//! one's state in words, its expiry while unpaid, and only the actions that apply.

mod common;
use chrono::NaiveDate;
use common::{answer_by_path, mount, text, wait_for};
use leptos::prelude::*;
use mandat::home::{order_item, Home, HomePage, HomeView, OrderItem};
use mandat::AppConfig;
use mandat_model::api::{OrderStatus, Price};
use mandat_model::billing::{Bill, BillCategory, BillPage, FollowUp};
use mandat_model::chorus::ChorusStatus;
use mandat_model::deadline::Deadline;
use mandat_model::late_payment::late_interest;
use mandat_model::locale::format_euros;
use mandat_model::mandate::MandateState;
use mandat_model::renewal::Renewal;
use mandat_model::todo::{bills_path, todo_list};
use mandat_model::{Account, LegalForm, Locale, Order};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn order(id: u64, expires: &str) -> Order {
    Order {
        order_id: id,
        date: "2026-11-02T09:00:00Z".parse().unwrap(),
        expiration_date: expires.parse().unwrap(),
        price_without_tax: Price::eur(10_000),
        tax: Price::eur(2_000),
        price_with_tax: Price::eur(12_000),
    }
}

fn follow_up(status: OrderStatus, mandate: Option<MandateState>) -> FollowUp {
    FollowUp {
        step: String::new(),
        status,
        history: vec![],
        mandate_state: mandate,
    }
}

fn account() -> Account {
    Account {
        customer_code: "ab1234-ovh".into(),
        name: "Commune".into(),
        email: "finances@example.fr".into(),
        legal_form: LegalForm::Administration,
        language: "fr_FR".into(),
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn bill(id: &str, status: ChorusStatus, deadline: Option<Deadline>) -> Bill {
    Bill {
        bill_id: id.into(),
        date: "2026-10-01T09:00:00Z".parse().unwrap(),
        order_id: 1001,
        category: BillCategory::Purchase,
        price_without_tax: Price::eur(100_000),
        tax: Price::eur(20_000),
        price_with_tax: Price::eur(120_000),
        pdf_url: String::new(),
        chorus_status: Some(status),
        due_date: None,
        deadline,
    }
}

/// Due `due`, put in payment 20 days later on 1 200 €: interest and 40 € owed
/// within 45 days of the payment.
fn paid_late(due: &str) -> Deadline {
    let due = day(due);
    let paid_on = due + chrono::Days::new(20);
    Deadline::PaidLate {
        due_date: due,
        paid_on,
        days_late: 20,
        interest: late_interest(120_000, due, paid_on),
        pay_by: paid_on + chrono::Days::new(45),
    }
}

fn renewal_missing_engagement() -> Renewal {
    Renewal {
        renewal_id: 7,
        label: "Serveur dédié Advance-2".into(),
        domain: "ns1.example.fr".into(),
        next_renewal_date: day("2027-01-15"),
        period_months: 12,
        price_without_tax: Price::eur(10_000),
        tax: Price::eur(2_000),
        price_with_tax: Price::eur(12_000),
        routing: None,
        engagement_budget_year: Some(2026),
        engagement_required: true,
        engagement_missing: true,
    }
}

fn home(orders: Vec<OrderItem>, bills: &[Bill], renewals: &[Renewal], today: &str) -> Home {
    let todo = todo_list(
        orders.iter().map(|i| (&i.order, i.todo)),
        bills,
        &[],
        renewals,
        day(today),
    );
    Home {
        account: account(),
        orders,
        todo,
        incomplete: false,
    }
}

/// Each entry of the to-do list: kind, subject, what it says, its date (as
/// `datetime`), its amount, and its one link (text, address).
fn todo_items(root: &web_sys::HtmlElement) -> Vec<[String; 7]> {
    let list = root.query_selector_all("[data-testid=todo-item]").unwrap();
    (0..list.length())
        .map(|i| {
            let item: web_sys::HtmlElement = list.item(i).unwrap().unchecked_into();
            let attr = |name: &str| item.get_attribute(name).unwrap_or_default();
            let date = item
                .query_selector("[data-testid=todo-date] time")
                .unwrap()
                .and_then(|t| t.get_attribute("datetime"))
                .unwrap_or_default();
            let amount = common::find(&item, "[data-testid=todo-amount]")
                .and_then(|a| a.text_content())
                .unwrap_or_default();
            let links = item.query_selector_all("a").unwrap();
            assert_eq!(links.length(), 1, "one link per entry");
            let link: web_sys::Element = links.item(0).unwrap().unchecked_into();
            [
                attr("data-kind"),
                attr("data-subject"),
                text(&item, "[data-testid=todo-what]"),
                date,
                amount,
                link.text_content().unwrap(),
                link.get_attribute("href").unwrap(),
            ]
        })
        .collect()
}

fn rows(root: &web_sys::HtmlElement) -> Vec<(String, String, Vec<String>)> {
    let list = root.query_selector_all("[data-testid=order-row]").unwrap();
    (0..list.length())
        .map(|i| {
            let row: web_sys::Element = list.item(i).unwrap().unchecked_into();
            let state = row
                .query_selector("[data-testid=order-state]")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap();
            let links = row.query_selector_all("a").unwrap();
            let links = (0..links.length())
                .map(|j| links.item(j).unwrap().text_content().unwrap())
                .collect();
            (row.get_attribute("data-order").unwrap(), state, links)
        })
        .collect()
}

#[wasm_bindgen_test]
fn in_english_each_order_says_what_it_waits_for_and_offers_only_what_applies() {
    let now = "2026-11-30T10:00:00Z".parse().unwrap();
    let items = vec![
        order_item(
            order(1004, "2026-12-14T00:00:00Z"),
            &follow_up(
                OrderStatus::DocumentsRequested,
                Some(MandateState::Rejected),
            ),
            now,
        ),
        order_item(
            order(1001, "2026-12-14T00:00:00Z"),
            &follow_up(OrderStatus::NotPaid, None),
            now,
        ),
        order_item(
            order(1009, "2026-11-01T00:00:00Z"),
            &follow_up(OrderStatus::NotPaid, None),
            now,
        ),
        order_item(
            order(1101, "2026-11-01T00:00:00Z"),
            &follow_up(OrderStatus::Delivered, None),
            now,
        ),
    ];
    let root = mount(move || {
        provide_context(AppConfig {
            locale: Locale::En,
            ..Default::default()
        });
        view! { <HomeView home=home(items.clone(), &[], &[], "2026-11-30") /> }
    });
    assert_eq!(
        rows(&root),
        [
            (
                "1004".to_string(),
                "Mandate refused: send a new one".to_string(),
                vec!["Mandate for order no. 1004".to_string()]
            ),
            (
                "1001".to_string(),
                "To pay".to_string(),
                vec!["Pay order no. 1001".to_string()]
            ),
            ("1009".to_string(), "Expired unpaid".to_string(), vec![]),
            ("1101".to_string(), "Delivered".to_string(), vec![]),
        ]
    );
    // The orders waiting for the buyer lead the to-do list too, in English.
    assert_eq!(
        todo_items(&root)
            .iter()
            .map(|i| [i[2].as_str(), i[5].as_str(), i[6].as_str()])
            .collect::<Vec<_>>(),
        [
            [
                "Order no. 1004: mandate refused, a new signed mandate is to be sent",
                "Send a new mandate",
                "/orders/1004/mandate",
            ],
            ["Order no. 1001 to pay", "Pay", "/orders/1001/checkout"],
        ]
    );
}

/// The expiry cell of the order's row: the day of its `datetime`, or empty.
fn expiry_of(root: &web_sys::HtmlElement, id: &str) -> String {
    root.query_selector(&format!("[data-order='{id}'] td:nth-of-type(4) time"))
        .unwrap()
        .and_then(|t| t.get_attribute("datetime"))
        .map(|iso| iso.chars().take(10).collect())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn an_order_whose_signed_mandate_is_awaited_still_shows_its_expiry() {
    let now = "2026-11-30T10:00:00Z".parse().unwrap();
    let items = vec![
        order_item(
            order(1003, "2026-12-14T10:00:00Z"),
            &follow_up(
                OrderStatus::DocumentsRequested,
                Some(MandateState::AwaitingDocument),
            ),
            now,
        ),
        order_item(
            order(1004, "2026-12-15T10:00:00Z"),
            &follow_up(
                OrderStatus::DocumentsRequested,
                Some(MandateState::Rejected),
            ),
            now,
        ),
        order_item(
            order(1005, "2026-12-16T10:00:00Z"),
            &follow_up(OrderStatus::Checking, Some(MandateState::UnderReview)),
            now,
        ),
        order_item(
            order(1101, "2026-11-01T10:00:00Z"),
            &follow_up(OrderStatus::Delivered, None),
            now,
        ),
    ];
    let root =
        mount(move || view! { <HomeView home=home(items.clone(), &[], &[], "2026-11-30") /> });
    assert_eq!(expiry_of(&root, "1003"), "2026-12-14");
    assert_eq!(expiry_of(&root, "1004"), "2026-12-15");
    // Under review or delivered: the buyer has nothing left to do before it.
    assert_eq!(expiry_of(&root, "1005"), "");
    assert_eq!(expiry_of(&root, "1101"), "");
}

#[wasm_bindgen_test]
fn the_to_do_list_has_every_kind_with_its_date_amount_and_link_soonest_first() {
    use ChorusStatus::*;
    let now = "2026-05-20T10:00:00Z".parse().unwrap();
    let items = vec![
        order_item(
            order(1001, "2026-06-14T10:00:00Z"),
            &follow_up(OrderStatus::NotPaid, None),
            now,
        ),
        order_item(
            order(1003, "2026-06-10T10:00:00Z"),
            &follow_up(
                OrderStatus::DocumentsRequested,
                Some(MandateState::AwaitingDocument),
            ),
            now,
        ),
    ];
    let bills = [
        // Due 1 April, paid 21 April: 1 200 € × 10,15 % × 20 / 365 = 6,67 €, + 40 €,
        // to pay by 5 June.
        bill("FR1000012", MiseEnPaiement, Some(paid_late("2026-04-01"))),
        bill(
            "FR1000004",
            ARecycler,
            Some(Deadline::NotStarted {
                after_recycling: true,
            }),
        ),
        bill("FR1000003", Suspendue, None),
        bill("FR1000001", MiseADisposition, None),
    ];
    let data = home(items, &bills, &[renewal_missing_engagement()], "2026-05-20");
    let root = mount(move || view! { <HomeView home=data.clone() /> });
    let euros = |cents| format!("Montant\u{a0}: {}", format_euros(cents, Locale::Fr));
    assert_eq!(
        todo_items(&root),
        [
            [
                "send-documents",
                "FR1000003",
                "Facture FR1000003 suspendue\u{a0}: les pièces demandées sont à envoyer",
                "",
                "",
                "Envoyer les pièces",
                "/invoices/FR1000003",
            ]
            .map(String::from),
            [
                "correct-routing",
                "FR1000004",
                "Facture FR1000004 à recycler\u{a0}: son acheminement est à corriger",
                "",
                "",
                "Corriger l’acheminement",
                "/invoices/FR1000004",
            ]
            .map(String::from),
            [
                "pay-late-interest",
                "FR1000012",
                "Facture FR1000012 payée en retard\u{a0}: les intérêts moratoires et l’indemnité forfaitaire de 40 € sont dus",
                "2026-06-05",
                &euros(4_667),
                "Voir les intérêts dus",
                "/invoices/FR1000012",
            ]
            .map(String::from),
            [
                "send-mandate",
                "1003",
                "Commande n°\u{a0}1003\u{a0}: mandat signé à envoyer",
                "2026-06-10",
                &euros(12_000),
                "Envoyer le mandat signé",
                "/orders/1003/mandate",
            ]
            .map(String::from),
            [
                "pay-order",
                "1001",
                "Commande n°\u{a0}1001 à payer",
                "2026-06-14",
                &euros(12_000),
                "Payer",
                "/orders/1001/checkout",
            ]
            .map(String::from),
            [
                "give-engagement",
                "7",
                "Numéro d’engagement 2027 à donner pour « Serveur dédié Advance-2 »",
                "2027-01-15",
                "",
                "Donner le numéro d’engagement",
                "/renewals",
            ]
            .map(String::from),
        ]
    );
    assert_eq!(
        text(&root, "[data-subject=FR1000012] [data-testid=todo-date]"),
        "À payer au plus tard le 5 juin 2026"
    );
    assert_eq!(text(&root, "[data-testid=todo] h2"), "À faire");
}

#[wasm_bindgen_test]
fn with_nothing_to_do_the_list_says_so() {
    let root = mount(|| view! { <HomeView home=home(vec![], &[], &[], "2026-05-20") /> });
    assert_eq!(
        text(&root, "[data-testid=todo-none]"),
        "Rien n’attend d’action de votre part."
    );
    assert!(root
        .query_selector("[data-testid=todo-item]")
        .unwrap()
        .is_none());
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// The API's answers for an account with one refused mandate, a suspended
/// invoice, one whose documents were sent, and one paid late; `bills`: the
/// answer to the invoices' page.
fn answers(bills: (u16, String)) -> wasm_bindgen::JsValue {
    let documents = |id: &str, state: &str| {
        format!(
            r#"{{"billId":"{id}","state":"{state}","uploadUrl":"/api/me/bill/{id}/documents","sendUrl":"/api/me/bill/{id}/documents/send"}}"#
        )
    };
    let follow_up = follow_up(
        OrderStatus::DocumentsRequested,
        Some(MandateState::Rejected),
    );
    let map = serde_json::json!({
        "/api/me": [[200, json(&account())]],
        "/api/me/order": [[200, "[1004]"]],
        "/api/me/order/1004": [[200, json(&order(1004, "2099-01-10T10:00:00Z"))]],
        "/api/me/order/1004/followUp": [[200, json(&follow_up)]],
        "/api/me/renewal": [[200, "[]"]],
        format!("/api{}", bills_path(1)): [[bills.0, bills.1]],
        "/api/me/bill/FR1000003/documents": [[200, documents("FR1000003", "awaitingDocuments")]],
        "/api/me/bill/FR1000013/documents": [[200, documents("FR1000013", "beingAdded")]],
    });
    js_sys::JSON::parse(&map.to_string()).unwrap()
}

#[wasm_bindgen_test]
async fn the_page_reads_the_invoices_that_wait_and_leaves_out_documents_already_sent() {
    let page = BillPage {
        bills: vec![
            bill("FR1000013", ChorusStatus::Suspendue, None),
            bill("FR1000003", ChorusStatus::Suspendue, None),
            bill(
                "FR1000012",
                ChorusStatus::MiseEnPaiement,
                Some(paid_late("2098-11-28")),
            ),
        ],
        page: 1,
        page_size: 1000,
        total: 3,
    };
    let stand_in = answer_by_path(&answers((200, json(&page))));
    let root = mount(|| view! { <HomePage /> });
    wait_for(&root, "[data-testid=order-row]").await;
    stand_in.restore();
    let kinds: Vec<_> = todo_items(&root)
        .into_iter()
        .map(|[kind, subject, ..]| (kind, subject))
        .collect();
    assert_eq!(
        kinds,
        [
            ("send-documents".to_string(), "FR1000003".to_string()),
            ("send-new-mandate".to_string(), "1004".to_string()),
            ("pay-late-interest".to_string(), "FR1000012".to_string()),
        ]
    );
    assert!(root
        .query_selector("[data-testid=todo-incomplete]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn invoices_that_cannot_be_read_are_said_missing_from_the_list() {
    let stand_in = answer_by_path(&answers((
        500,
        r#"{"class":"Server::InternalServerError","message":"boom"}"#.into(),
    )));
    let root = mount(|| view! { <HomePage /> });
    wait_for(&root, "[data-testid=order-row]").await;
    stand_in.restore();
    assert_eq!(
        text(&root, "[data-testid=todo-incomplete]"),
        "Vos factures ou vos renouvellements n’ont pas pu être lus\u{a0}: ce qu’ils attendent de vous n’apparaît pas ici. Réessayez plus tard."
    );
    // The orders still say what they wait for.
    assert_eq!(
        todo_items(&root)
            .into_iter()
            .map(|[kind, ..]| kind)
            .collect::<Vec<_>>(),
        ["send-new-mandate"]
    );
}
