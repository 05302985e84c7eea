//! The app embedded in a host page: several mounts side by side, unmounting
//! one, the configuration a host passes, events to the host, and English.

mod common;
use common::{eventually, tick};
use std::cell::RefCell;
use std::rc::Rc;

use mandat::embed::{config_from_js, mount_js};
use mandat::host::{dispatch, MethodChosen, PAYMENT_METHOD_CHOSEN};
use mandat::i18n::Key;
use mandat::{mount, AppConfig, Credentials, Page};
use mandat_model::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn h1(root: &web_sys::HtmlElement) -> String {
    root.query_selector("h1")
        .unwrap()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

fn config(view: Page, locale: Locale) -> AppConfig {
    AppConfig {
        // Nothing answers here: the views show their error, which is enough.
        api_base: "/no-api".into(),
        locale,
        view,
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn two_mounts_live_apart_and_unmounting_one_leaves_the_other() {
    let a = container();
    let b = container();
    let first = mount(a.clone(), config(Page::Checkout(1001), Locale::Fr));
    let second = mount(b.clone(), config(Page::Checkout(2001), Locale::En));
    assert!(a.query_selector(".mandat").unwrap().is_some());
    assert_eq!(h1(&a), "Paiement de la commande n°\u{a0}1001");
    assert_eq!(h1(&b), "Payment of order no. 2001");

    first.unmount();
    assert!(!first.mounted());
    assert!(
        a.query_selector(".mandat").unwrap().is_none(),
        "{}",
        a.inner_html()
    );
    first.unmount(); // twice: nothing happens

    // The other one still answers: its "back to my orders" link changes its page in place.
    assert!(
        eventually(
            || b.query_selector("a[href=\"/\"]").unwrap().is_some(),
            2_000
        )
        .await,
        "{}",
        b.inner_html()
    );
    let link: web_sys::HtmlElement = b
        .query_selector("a[href=\"/\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let before = web_sys::window().unwrap().location().href().unwrap();
    link.click();
    assert!(
        eventually(|| h1(&b) == Key::HomeTitle.en(), 2_000).await,
        "{}",
        h1(&b)
    );
    // Without a base path, the host's address is left alone.
    assert_eq!(
        web_sys::window().unwrap().location().href().unwrap(),
        before
    );
    assert!(a.inner_html().is_empty());
    second.unmount();
    assert!(b.query_selector(".mandat").unwrap().is_none());
}

#[wasm_bindgen_test]
fn an_embedded_app_leaves_the_host_page_title_and_language_alone() {
    document().set_title("Host panel");
    let root = document().document_element().unwrap();
    root.set_attribute("lang", "de").unwrap();
    let el = container();
    let handle = mount(
        el.clone(),
        config(Page::Invoices(String::new()), Locale::En),
    );
    assert_eq!(document().title(), "Host panel");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    let app = el.query_selector(".mandat").unwrap().unwrap();
    assert_eq!(app.get_attribute("lang").as_deref(), Some(Locale::En.tag()));
    // The host has its own <main>; the embedded app brings none, nor a second header.
    assert!(el.query_selector("main, header").unwrap().is_none());
    assert_eq!(h1(&el), Key::InvoicesTitle.en());
    handle.unmount();
}

#[wasm_bindgen_test]
fn mount_from_javascript_reads_the_host_configuration() {
    let parse = |json: &str| config_from_js(&js_sys::JSON::parse(json).unwrap());
    let c = parse(
        r#"{"apiBase":"https://api.example.org/v1/","locale":"en-GB","credentials":"include",
            "view":"mandate","orderId":1001,"basePath":"/panel/billing"}"#,
    )
    .ok()
    .unwrap();
    assert_eq!(c.api_base, "https://api.example.org/v1");
    assert_eq!(c.locale, Locale::En);
    assert_eq!(c.credentials, Credentials::Include);
    assert_eq!(c.view, Page::Mandate(1001));
    assert_eq!(c.base_path.as_deref(), Some("/panel/billing"));
    let c = parse(r#"{"view":"invoice","billId":"FR1000001","locale":"fr"}"#)
        .ok()
        .unwrap();
    assert_eq!(c.view, Page::Invoice("FR1000001".into()));
    assert_eq!(c.locale, Locale::Fr);
    assert_eq!(c.credentials, Credentials::SameOrigin);
    assert!(
        parse(r#"{"view":"checkout"}"#).is_err(),
        "checkout needs an order"
    );
    assert!(parse(r#"{"view":"nowhere"}"#).is_err());
    assert!(parse(r#"{"credentials":"always"}"#).is_err());

    let el = container();
    let handle = mount_js(
        el.clone(),
        js_sys::JSON::parse(
            r#"{"view":"checkout","orderId":"7","locale":"en","apiBase":"/no-api"}"#,
        )
        .unwrap(),
    )
    .ok()
    .unwrap();
    assert_eq!(h1(&el), "Payment of order no. 7");
    assert!(el.has_attribute("data-mandat-mounted"));
    handle.unmount();
    assert!(!el.has_attribute("data-mandat-mounted"));
}

#[wasm_bindgen_test]
fn events_bubble_to_the_host_with_their_detail() {
    let outer = container();
    let inner = document().create_element("span").unwrap();
    outer.append_child(&inner).unwrap();
    let heard: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = heard.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |ev: web_sys::CustomEvent| {
            sink.borrow_mut()
                .push(js_sys::JSON::stringify(&ev.detail()).unwrap().into());
        });
    document()
        .add_event_listener_with_callback(PAYMENT_METHOD_CHOSEN, listener.as_ref().unchecked_ref())
        .unwrap();
    dispatch(
        &inner,
        PAYMENT_METHOD_CHOSEN,
        &MethodChosen {
            order_id: 1001,
            payment_type: "administrativeMandate".into(),
        },
        false,
    );
    document()
        .remove_event_listener_with_callback(
            PAYMENT_METHOD_CHOSEN,
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    assert_eq!(
        *heard.borrow(),
        vec![r#"{"orderId":1001,"paymentType":"administrativeMandate"}"#.to_string()]
    );
}

#[wasm_bindgen_test]
fn pages_parse_and_print_their_paths() {
    for path in [
        "/",
        "/orders/1001/checkout",
        "/orders/1001/mandate",
        "/invoices",
        "/invoices?status=REJETEE&page=2",
        "/invoices/FR1000001",
    ] {
        let page = Page::parse(path).unwrap_or_else(|| panic!("{path}"));
        assert_eq!(page.path(), path);
    }
    assert_eq!(Page::parse("/orders/x/checkout"), None);
    assert_eq!(Page::parse("/elsewhere"), None);
    // What the standalone app shows at an address no page answers to.
    assert_eq!(
        Page::at("/orders/x/checkout?from=mail#top"),
        Page::Unknown("/orders/x/checkout".into())
    );
    assert_eq!(
        Page::at("/invoices?status=REJETEE"),
        Page::Invoices("status=REJETEE".into())
    );
}

#[wasm_bindgen_test]
async fn under_a_base_path_the_address_follows_the_app_and_back_is_heard_until_unmount() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let start = window.location().href().unwrap();
    let el = container();
    let handle = mount(
        el.clone(),
        AppConfig {
            base_path: Some("/host-test/billing/".into()),
            ..config(Page::Checkout(5), Locale::En)
        },
    );
    assert!(
        eventually(
            || el
                .query_selector("a[href=\"/host-test/billing/\"]")
                .unwrap()
                .is_some(),
            2_000
        )
        .await,
        "{}",
        el.inner_html()
    );
    let link: web_sys::HtmlElement = el
        .query_selector("a[href=\"/host-test/billing/\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    assert!(eventually(|| h1(&el) == Key::HomeTitle.en(), 2_000).await);
    assert_eq!(window.location().pathname().unwrap(), "/host-test/billing/");

    // Back or forward to an address under the base path: the app follows.
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/host-test/billing/invoices"))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert!(eventually(|| h1(&el) == Key::InvoicesTitle.en(), 2_000).await);
    // An address of the host's: not the app's business.
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/host-test/elsewhere"))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    // The app would have moved within a tick: it has not.
    tick().await;
    assert_eq!(h1(&el), Key::InvoicesTitle.en());

    handle.unmount();
    // Gone with the app: a later popstate finds no listener of its.
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/host-test/billing/"))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    tick().await;
    assert!(el.inner_html().is_empty());
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .unwrap();
}

#[wasm_bindgen_test]
fn a_dropped_handle_leaves_the_app_mounted() {
    let el = container();
    drop(mount(
        el.clone(),
        config(Page::Invoices(String::new()), Locale::Fr),
    ));
    assert_eq!(h1(&el), Key::InvoicesTitle.fr());
}
