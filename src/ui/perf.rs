//! Performance marks and measures that the benchmark reads from the browser
//! (`mandat:invoices-filter`, `mandat:timeline-render`, `mandat:upload`).

use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("performance"))
        .ok()
        .filter(|p| p.is_object())
}

fn call(method: &str, args: &[&str]) {
    let Some(perf) = performance() else {
        return;
    };
    let Some(f) = js_sys::Reflect::get(&perf, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    // A missing start mark throws: the measure is only skipped.
    let _ = f.apply(&perf, &args);
}

/// `performance.mark(name)`.
pub fn perf_mark(name: &str) {
    call("mark", &[name]);
}

/// `performance.measure(name, start_mark)`: from the mark to now.
pub fn perf_measure(name: &str, start_mark: &str) {
    call("measure", &[name, start_mark]);
}
