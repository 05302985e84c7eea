//! What the browser test files share.
// Each test file uses its own share of these.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub type El = web_sys::HtmlElement;

/// A fresh container in the document, with the view mounted inside it.
pub fn mount<F, N>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

/// Waits `ms` milliseconds, letting effects, timers and pending futures run.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// One turn of the event loop: effects, renders and settled futures have run.
pub async fn tick() {
    sleep(0).await;
}

/// The first element under `root` that matches `selector`.
/// The element that has the focus, if any.
pub fn focused() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
}

pub fn find(root: &El, selector: &str) -> Option<El> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// The first element under `root` that matches `selector`; panics without one.
pub fn get(root: &El, selector: &str) -> El {
    find(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The text of [`get`].
pub fn text(root: &El, selector: &str) -> String {
    get(root, selector).text_content().unwrap_or_default()
}

/// An API whose every request answers `body` (a `data:` URL; the path lands in
/// its fragment).
pub fn api_answering(body: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(body).into();
    format!("data:application/json,{encoded}#")
}

/// Waits until `done` holds, looking every 10 ms, for `within_ms` at most (a
/// loaded machine answers later than an idle one); whether it came to hold.
pub async fn eventually(mut done: impl FnMut() -> bool, within_ms: i32) -> bool {
    let mut waited = 0;
    while !done() {
        if waited >= within_ms {
            return false;
        }
        sleep(10).await;
        waited += 10;
    }
    true
}

/// Waits for an element under `root` matching `selector` (two seconds at most).
pub async fn wait_for(root: &El, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(20).await;
    }
    panic!("nothing matches {selector} in {}", root.inner_html());
}

/// Types into a field as a user does, then leaves it.
pub fn type_and_leave(input: &El, value: &str) {
    input.focus().unwrap();
    input
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    input.blur().unwrap();
    input
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

// A stand-in for the API's server, which cannot run inside the browser test:
// `fetch` answers by path (a list of answers per path, the last one repeated;
// 404 for any other) and records every path asked for, with its time.
#[wasm_bindgen(inline_js = r#"
export function answer_by_path(answers) {
  const original = globalThis.fetch;
  const asked = [];
  globalThis.fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    const path = url.pathname + url.search;
    asked.push([path, performance.now()]);
    const list = answers[path] ?? [[404, '{"message":"not found"}']];
    const [status, body] = list.length > 1 ? list.shift() : list[0];
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return {
    paths: () => asked.map(([path]) => path),
    times: () => asked.map(([, time]) => time),
    restore: () => { globalThis.fetch = original; },
  };
}
"#)]
extern "C" {
    pub type FetchStandIn;
    pub fn answer_by_path(answers: &JsValue) -> FetchStandIn;
    #[wasm_bindgen(method)]
    pub fn paths(this: &FetchStandIn) -> Vec<String>;
    #[wasm_bindgen(method)]
    pub fn times(this: &FetchStandIn) -> Vec<f64>;
    #[wasm_bindgen(method)]
    pub fn restore(this: &FetchStandIn);
}
