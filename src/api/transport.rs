//! One request and its answer: sent with gloo-net, or adopted from the
//! loader that asked before the app's code arrived.

use gloo_net::http::RequestBuilder;
use mandat_model::ApiError;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::RequestCredentials;

/// The status, body and `Retry-After` of one response.
pub(super) struct Reply {
    pub status: u16,
    pub body: String,
    pub retry_after: Option<String>,
}

/// One request; `Err(Unreachable)` when no response came at all (network
/// down, CORS refusal, DNS, aborted).
pub(super) async fn send(
    request: RequestBuilder,
    json_body: Option<&str>,
) -> Result<Reply, ApiError> {
    let request = match json_body {
        Some(json) => request
            .header("Content-Type", "application/json")
            .body(json.to_string()),
        None => request.build(),
    }
    .map_err(|_| ApiError::Unreachable)?;
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    read(response).await
}

/// The answer to a request the page's loader (`assets/loader.js`) sent before
/// the app's code was there: the same reading as [`send`]'s, a rejected
/// request being no answer at all.
pub(super) async fn adopt(response: js_sys::Promise) -> Result<Reply, ApiError> {
    let response = wasm_bindgen_futures::JsFuture::from(response)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        .ok_or(ApiError::Unreachable)?;
    read(response.into()).await
}

/// How long an answer the loader asked for may wait for the app: one older
/// (a view mounted long after the host asked for it) is asked for again.
const PREFETCH_FRESH_MS: f64 = 30_000.0;

/// Takes the loader's request for `url`, if it sent one with the same
/// credentials mode less than [`PREFETCH_FRESH_MS`] ago: `window.__mandatPrefetch`,
/// a `Map` of URL → `{ response: Promise<Response>, credentials, at }`. Taken
/// once: a retry, a refetch or a later page asks the API again.
pub(super) fn take_prefetched(
    url: &str,
    credentials: RequestCredentials,
) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let pending = js_sys::Reflect::get(&window, &JsValue::from_str("__mandatPrefetch"))
        .ok()?
        .dyn_into::<js_sys::Map>()
        .ok()?;
    let key = JsValue::from_str(url);
    let entry = pending.get(&key);
    if entry.is_undefined() {
        return None;
    }
    pending.delete(&key);
    let field = |name: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(name)).ok();
    let asked_at = field("at")?.as_f64()?;
    if js_sys::Date::now() - asked_at > PREFETCH_FRESH_MS {
        return None;
    }
    let mode = match credentials {
        RequestCredentials::Omit => "omit",
        RequestCredentials::Include => "include",
        _ => "same-origin",
    };
    if field("credentials")?.as_string().as_deref() != Some(mode) {
        return None;
    }
    field("response")?.dyn_into::<js_sys::Promise>().ok()
}

/// The status, body and `Retry-After` of a response.
async fn read(response: gloo_net::http::Response) -> Result<Reply, ApiError> {
    // Read before the body; an API on another origin must expose it (CORS).
    let retry_after = response.headers().get("Retry-After");
    // A body cut short is as good as no body: `decode` sees it empty.
    let body = response.text().await.unwrap_or_default();
    Ok(Reply {
        status: response.status(),
        body,
        retry_after,
    })
}
