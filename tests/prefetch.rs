//! The page's loader (`assets/loader.js`) asks the API for a page's data
//! before the app's code is there: exactly the requests the page then makes,
//! each sent once, and the app's client takes those answers, with its usual
//! retries when one of them is a 503.

mod common;

use common::{answer_by_path, mount, FetchStandIn};
use leptos::prelude::*;
use mandat::api::Api;
use mandat::checkout::Checkout;
use mandat::home::HomePage;
use mandat::invoices::InvoicePage;
use mandat::mandate::MandateView;
use mandat_model::mandate::Mandate;
use mandat_model::ApiError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/assets/loader.js")]
extern "C" {
    fn prefetch(config: &JsValue);
}

#[wasm_bindgen(inline_js = r#"
export function age_prefetched(millis) {
  for (const entry of window.__mandatPrefetch.values()) entry.at -= millis;
}
"#)]
extern "C" {
    /// Makes every answer the loader asked for `millis` older.
    fn age_prefetched(millis: f64);
}

fn config(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

async fn wait(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Prefetches for `loader_config`, then mounts `page`: every path the page
/// asked the API for must have been asked by the loader, once.
async fn asked_by_loader_then_page<F, N>(
    answers: &str,
    loader_config: &str,
    page: F,
) -> (Vec<String>, Vec<String>)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let stand_in = answer_by_path(&config(answers));
    prefetch(&config(loader_config));
    let by_loader = stand_in.paths();
    mount(page);
    // The page's requests and their answers, well within this.
    wait(300).await;
    let all = stand_in.paths();
    stand_in.restore();
    (by_loader, all)
}

#[wasm_bindgen_test]
async fn the_checkout_takes_the_four_answers_the_loader_asked_for() {
    let (by_loader, all) = asked_by_loader_then_page(
        "{}",
        r#"{"view":"checkout","orderId":"1001"}"#,
        || view! { <Checkout order_id=1001 /> },
    )
    .await;
    assert_eq!(
        by_loader,
        [
            "/api/me/order/1001",
            "/api/me/order/1001/details",
            "/api/me/order/1001/paymentMethods",
            "/api/me/chorus",
        ]
    );
    assert_eq!(all, by_loader, "the page asked again");
}

#[wasm_bindgen_test]
async fn the_orders_page_takes_the_account_its_orders_renewals_and_invoices_from_the_loader() {
    let (by_loader, all) = asked_by_loader_then_page(
        r#"{
          "/api/me": [[200, "{\"customerCode\":\"c\",\"name\":\"Commune\",\"email\":\"a@b.fr\",\"legalForm\":\"administration\",\"language\":\"fr\"}"]],
          "/api/me/order": [[200, "[]"]],
          "/api/me/renewal": [[200, "[]"]],
          "/api/me/bill?chorusStatus=SUSPENDUE,A_RECYCLER,MISE_EN_PAIEMENT&page=1&pageSize=1000": [[200, "{\"bills\":[],\"page\":1,\"pageSize\":1000,\"total\":0}"]]
        }"#,
        r#"{"view":"orders"}"#,
        || view! { <HomePage /> },
    )
    .await;
    assert_eq!(
        by_loader,
        [
            "/api/me",
            "/api/me/order",
            "/api/me/renewal",
            "/api/me/bill?chorusStatus=SUSPENDUE,A_RECYCLER,MISE_EN_PAIEMENT&page=1&pageSize=1000",
        ]
    );
    assert_eq!(all, by_loader, "the page asked again");
}

#[wasm_bindgen_test]
async fn the_mandate_page_takes_the_mandate_from_the_loader() {
    let (by_loader, all) = asked_by_loader_then_page(
        "{}",
        r#"{"view":"mandate","orderId":7}"#,
        || view! { <MandateView order_id=7 /> },
    )
    .await;
    assert_eq!(by_loader, ["/api/me/order/7/mandate", "/api/me/order/7"]);
    assert_eq!(all, by_loader, "the page asked again");
}

#[wasm_bindgen_test]
async fn an_invoice_page_takes_what_the_loader_asked_for() {
    let (by_loader, all) = asked_by_loader_then_page(
        "{}",
        r#"{"view":"invoice","billId":"FR 1/2"}"#,
        || view! { <InvoicePage bill_id="FR 1/2".to_string() /> },
    )
    .await;
    assert_eq!(
        by_loader,
        [
            "/api/me/bill/FR%201%2F2",
            "/api/me/bill/FR%201%2F2/chorus",
            "/api/me/bill/FR%201%2F2/debt",
        ]
    );
    // The bill is not found: the page asks for nothing after it.
    assert_eq!(all, by_loader, "the page asked again");
}

/// The paths of the mandate's requests the stand-in answered (the loader asks
/// for the mandate page's order too).
fn mandate_paths(stand_in: &FetchStandIn) -> Vec<String> {
    stand_in
        .paths()
        .into_iter()
        .filter(|path| path.ends_with("/mandate"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_503_the_loader_met_is_asked_again_on_the_client_s_schedule_and_once_only() {
    let stand_in = answer_by_path(&config(
        r#"{"/api/me/order/5/mandate": [
          [503, "{\"message\":\"busy\"}"],
          [404, "{\"message\":\"no mandate\"}"]
        ]}"#,
    ));
    prefetch(&config(
        r#"{"view":"mandate","orderId":5,"credentials":"include"}"#,
    ));
    let api = Api::new("/api");
    let first = api.get_json::<Mandate>("/me/order/5/mandate").await;
    // Taken once: the next call asks the API itself.
    let second = api.get_json::<Mandate>("/me/order/5/mandate").await;
    // The mandate's requests only: the loader asks for its order too.
    let (paths, times): (Vec<String>, Vec<f64>) = stand_in
        .paths()
        .into_iter()
        .zip(stand_in.times())
        .filter(|(path, _)| path.ends_with("/mandate"))
        .unzip();
    stand_in.restore();
    assert_eq!(first, Err(ApiError::NotFound));
    assert_eq!(second, Err(ApiError::NotFound));
    assert_eq!(paths.len(), 3, "{paths:?}");
    let wait = times[1] - times[0];
    assert!(wait >= 395.0, "asked again after {wait} ms");
}

#[wasm_bindgen_test]
async fn an_answer_asked_with_other_credentials_is_not_taken() {
    let stand_in = answer_by_path(&config("{}"));
    prefetch(&config(
        r#"{"view":"mandate","orderId":6,"credentials":"omit"}"#,
    ));
    // `Api::new` sends cookies to any origin (`include`).
    let result = Api::new("/api")
        .get_json::<Mandate>("/me/order/6/mandate")
        .await;
    let paths = mandate_paths(&stand_in);
    stand_in.restore();
    assert_eq!(result, Err(ApiError::NotFound));
    assert_eq!(
        paths,
        ["/api/me/order/6/mandate", "/api/me/order/6/mandate"]
    );
}

#[wasm_bindgen_test]
async fn an_answer_that_waited_over_30_seconds_is_asked_for_again() {
    let stand_in = answer_by_path(&config("{}"));
    prefetch(&config(
        r#"{"view":"mandate","orderId":8,"credentials":"include"}"#,
    ));
    age_prefetched(31_000.0);
    let result = Api::new("/api")
        .get_json::<Mandate>("/me/order/8/mandate")
        .await;
    let paths = mandate_paths(&stand_in);
    stand_in.restore();
    assert_eq!(result, Err(ApiError::NotFound));
    assert_eq!(
        paths,
        ["/api/me/order/8/mandate", "/api/me/order/8/mandate"]
    );
}
