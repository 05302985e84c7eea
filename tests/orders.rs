//! The orders page as a to-do list, as the user reads it: each order's state in
//! words, its expiry while unpaid, and only the actions that apply.

mod common;
use common::mount;
use leptos::prelude::*;
use mandat::home::{order_item, OrderList};
use mandat::AppConfig;
use mandat_model::api::{OrderStatus, Price};
use mandat_model::billing::FollowUp;
use mandat_model::mandate::MandateState;
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
        view! { <OrderList account=account() orders=items.clone() /> }
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
    assert_eq!(
        root.query_selector("[data-testid=todo-count]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "2 orders are waiting for you: they come first in the list."
    );
}
