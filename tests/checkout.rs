//! The checkout page as the user sees it: the order summary and the error messages.

mod common;
use common::mount;
use leptos::prelude::*;
use mandat::api::Api;
use mandat::checkout::{CheckoutError, OrderFigures, OrderSummary};
use mandat_model::{ApiError, ErrorBody, Order, OrderDetail, Price};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn order() -> Order {
    Order {
        order_id: 4207,
        date: "2026-11-02T09:00:00Z".parse().unwrap(),
        expiration_date: "2026-11-30T23:30:00Z".parse().unwrap(),
        price_without_tax: Price::eur(123_456),
        tax: Price::eur(24_691),
        price_with_tax: Price {
            // The API's own text is not what the app shows.
            text: "not this".into(),
            ..Price::eur(148_147)
        },
    }
}

fn line(id: u64, description: &str, quantity: u32, unit_cents: i64) -> OrderDetail {
    OrderDetail {
        order_detail_id: id,
        description: description.into(),
        domain: format!("srv-{id}.mairie.example"),
        quantity,
        unit_price: Price::eur(unit_cents),
        total_price: Price::eur(unit_cents * i64::from(quantity)),
    }
}

#[wasm_bindgen_test]
fn the_summary_shows_each_line_and_the_totals_in_french() {
    let root = mount(|| {
        view! {
            <OrderFigures order=order() />
            <OrderSummary
                order=order()
                details=vec![line(1, "Serveur dédié", 2, 50_000), line(2, "Sauvegarde", 1, 23_456)]
            />
        }
    });

    assert_eq!(count(&root, "table caption"), 1);
    assert_eq!(text(&root, "caption"), "Détail de la commande n°\u{a0}4207");
    assert_eq!(count(&root, "thead th[scope=col]"), 5);
    assert_eq!(count(&root, "tbody tr"), 2);
    let first = text(&root, "tbody tr:first-child");
    assert!(first.contains("Serveur dédié"), "{first}");
    assert!(first.contains("srv-1.mairie.example"), "{first}");
    assert!(first.contains("500,00\u{a0}€"), "{first}");
    assert!(first.contains("1\u{202f}000,00\u{a0}€"), "{first}");

    assert_eq!(
        text(&root, "[data-testid=total-ht]"),
        "1\u{202f}234,56\u{a0}€"
    );
    assert_eq!(text(&root, "[data-testid=total-tva]"), "246,91\u{a0}€");
    assert_eq!(
        text(&root, "[data-testid=total-ttc]"),
        "1\u{202f}481,47\u{a0}€"
    );
    assert!(!root.text_content().unwrap().contains("not this"));

    assert_eq!(text(&root, "[data-testid=order-number]"), "4207");
    // 23:30 UTC on 30 November is already 1 December in Paris.
    assert_eq!(
        text(&root, "[data-testid=order-expiry]"),
        "1er décembre 2026"
    );
    assert_eq!(
        root.query_selector("[data-testid=order-expiry]")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .as_deref(),
        Some("2026-12-01T00:30:00+01:00")
    );
}

#[wasm_bindgen_test]
fn an_order_without_lines_says_so() {
    let root = mount(|| view! { <OrderSummary order=order() details=vec![] /> });
    assert!(text(&root, "tbody").contains("aucune ligne"));
    assert_eq!(
        text(&root, "[data-testid=total-ttc]"),
        "1\u{202f}481,47\u{a0}€"
    );
}

/// Mounts the error view for `error`; returns it and the number of retries asked.
fn mount_error(error: ApiError) -> (web_sys::HtmlElement, RwSignal<u32>) {
    let retries = RwSignal::new(0u32);
    let root = mount(move || {
        view! { <CheckoutError error=error on_retry=move |()| retries.update(|n| *n += 1) /> }
    });
    (root, retries)
}

fn retry_button(root: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default() == "Réessayer")
}

#[wasm_bindgen_test]
fn each_api_error_has_its_french_words() {
    let cases: Vec<(ApiError, &str, &str, bool)> = vec![
        (
            ApiError::NotFound,
            "Commande introuvable",
            "n’existe pas",
            false,
        ),
        (
            ApiError::Unauthorized,
            "Votre session a expiré",
            "Reconnectez-vous",
            true,
        ),
        (
            ApiError::Unreachable,
            "Le service est injoignable",
            "connexion à internet",
            true,
        ),
        (
            ApiError::Malformed("expected u64".into()),
            "Réponse illisible du service",
            "ne savons pas lire",
            true,
        ),
        (
            ApiError::Server(503),
            "Le service rencontre un problème",
            "quelques instants",
            true,
        ),
        (
            ApiError::Forbidden(ErrorBody::default()),
            "Accès refusé",
            "droits nécessaires",
            false,
        ),
    ];
    for (error, title, sentence, retry) in cases {
        let (root, _) = mount_error(error.clone());
        let alert = root.query_selector("[role=alert]").unwrap();
        assert!(alert.is_some(), "{error:?}: no alert");
        assert_eq!(text(&root, "h2"), title, "{error:?}");
        assert!(text(&root, "p").contains(sentence), "{error:?}");
        assert_eq!(
            retry_button(&root).is_some(),
            retry,
            "{error:?}: retry button"
        );
    }
}

#[wasm_bindgen_test]
fn the_retry_button_asks_again() {
    let (root, retries) = mount_error(ApiError::Unreachable);
    let button = retry_button(&root).expect("a retry button");
    button.click();
    button.click();
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn a_missing_order_links_back_to_the_orders() {
    let (root, _) = mount_error(ApiError::NotFound);
    let link = root
        .query_selector("a[href='/']")
        .unwrap()
        .expect("a link home");
    assert_eq!(link.text_content().unwrap(), "Retour à mes commandes");
}

#[wasm_bindgen_test]
async fn an_api_nobody_answers_at_is_unreachable() {
    // Port 9 (discard) has no listener: the connection is refused.
    let api = Api::new("http://127.0.0.1:9/api");
    assert_eq!(api.order(1).await, Err(ApiError::Unreachable));
    assert_eq!(api.order_details(1).await, Err(ApiError::Unreachable));
}

#[wasm_bindgen_test]
fn the_summary_follows_the_configured_locale() {
    use mandat::AppConfig;
    use mandat_model::Locale;

    let root = mount(|| {
        provide_context(AppConfig {
            api_base: "/api".into(),
            locale: Locale::En,
            ..Default::default()
        });
        view! {
            <OrderFigures order=order() />
            <OrderSummary order=order() details=vec![line(1, "Dedicated server", 2, 50_000)] />
        }
    });
    assert_eq!(text(&root, "caption"), "Details of order no. 4207");
    assert_eq!(text(&root, "[data-testid=total-ttc]"), "€1,481.47");
    assert_eq!(text(&root, "[data-testid=order-expiry]"), "1 December 2026");
}

#[wasm_bindgen_test]
fn amounts_and_dates_the_app_cannot_state_show_as_unknown() {
    let mut order = order();
    order.expiration_date = chrono::DateTime::<chrono::Utc>::MAX_UTC;
    order.price_with_tax.value = f64::NAN;
    order.tax.value = f64::INFINITY;
    let mut odd = line(1, "Serveur dédié", 1, 50_000);
    odd.unit_price.value = -1e300;
    odd.total_price.currency_code = "USD".into();
    let root = mount(move || {
        view! {
            <OrderFigures order=order.clone() />
            <OrderSummary order=order details=vec![odd] />
        }
    });
    assert_eq!(text(&root, "[data-testid=order-expiry]"), "Date inconnue");
    assert!(root
        .query_selector("time[data-testid=order-expiry]")
        .unwrap()
        .is_none());
    assert_eq!(text(&root, "[data-testid=total-ttc]"), "Montant inconnu");
    assert_eq!(text(&root, "[data-testid=total-tva]"), "Montant inconnu");
    assert_eq!(
        text(&root, "[data-testid=total-ht]"),
        "1\u{202f}234,56\u{a0}€"
    );
    let row = text(&root, "tbody tr");
    assert_eq!(row.matches("Montant inconnu").count(), 2, "{row}");
    assert!(!row.contains('€'), "{row}");
}

// A stand-in for the API's server, which cannot run inside the browser test:
// `fetch` answers from a list, and each call's time is kept.
#[wasm_bindgen(inline_js = r#"
export function answer_fetch_with(answers) {
  const original = globalThis.fetch;
  const calls = [];
  globalThis.fetch = async () => {
    calls.push(performance.now());
    const [status, retryAfter, body] = answers.length > 1 ? answers.shift() : answers[0];
    const headers = { 'Content-Type': 'application/json' };
    if (retryAfter !== null) headers['Retry-After'] = retryAfter;
    return new Response(body, { status, headers });
  };
  return {
    calls: () => calls.slice(),
    restore: () => { globalThis.fetch = original; },
  };
}
"#)]
extern "C" {
    type FetchStandIn;
    fn answer_fetch_with(answers: js_sys::Array) -> FetchStandIn;
    #[wasm_bindgen(method)]
    fn calls(this: &FetchStandIn) -> Vec<f64>;
    #[wasm_bindgen(method)]
    fn restore(this: &FetchStandIn);
}

const ORDER_JSON: &str = r#"{"orderId":1,"date":"2026-11-02T09:00:00Z","expirationDate":"2026-11-16T09:00:00Z",
    "priceWithoutTax":{"currencyCode":"EUR","value":100.0,"text":""},
    "tax":{"currencyCode":"EUR","value":20.0,"text":""},
    "priceWithTax":{"currencyCode":"EUR","value":120.0,"text":""}}"#;
const BUSY_JSON: &str = r#"{"class":"Server::ServiceUnavailable","message":"busy"}"#;

/// `GET /me/order/1` through the app's client against `answers` (status,
/// `Retry-After`, body), the last one repeated: its result and the waits
/// between the calls, in milliseconds.
async fn order_against(
    answers: &[(u16, Option<&str>, &str)],
) -> (Result<Order, ApiError>, Vec<f64>) {
    let list = js_sys::Array::new();
    for (status, retry_after, body) in answers {
        let retry_after = retry_after.map_or(JsValue::NULL, JsValue::from_str);
        list.push(&js_sys::Array::of3(
            &JsValue::from(*status),
            &retry_after,
            &JsValue::from_str(body),
        ));
    }
    let stand_in = answer_fetch_with(list);
    let result = Api::new("/api").order(1).await;
    stand_in.restore();
    let calls = stand_in.calls();
    let waits = calls.windows(2).map(|w| w[1] - w[0]).collect();
    (result, waits)
}

#[wasm_bindgen_test]
async fn a_busy_api_is_asked_again_no_sooner_than_its_retry_after() {
    // Without Retry-After: the client's own schedule, 0.4 s then 1.2 s.
    let (result, waits) = order_against(&[(503, None, BUSY_JSON)]).await;
    assert_eq!(result, Err(ApiError::Server(503)));
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert!(waits[0] >= 395.0 && waits[0] < 900.0, "{waits:?}");

    // `Retry-After: 1` on a 503: a second at least, then the schedule's 1.2 s.
    let (result, waits) = order_against(&[
        (503, Some("1"), BUSY_JSON),
        (503, Some("1"), BUSY_JSON),
        (200, None, ORDER_JSON),
    ])
    .await;
    assert_eq!(result.map(|o| o.order_id), Ok(1));
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert!(waits[0] >= 995.0, "{waits:?}");
    assert!(waits[1] >= 1_195.0, "{waits:?}");

    // A 429 with Retry-After is asked again too, as late as it says.
    let (result, waits) = order_against(&[(429, Some("2"), "{}"), (200, None, ORDER_JSON)]).await;
    assert_eq!(result.map(|o| o.order_id), Ok(1));
    assert!(waits[0] >= 1_995.0, "{waits:?}");

    // Retry-After on a 502 means nothing: the schedule.
    let (_, waits) = order_against(&[(502, Some("5"), "{}"), (200, None, ORDER_JSON)]).await;
    assert!(waits[0] < 900.0, "{waits:?}");
}
