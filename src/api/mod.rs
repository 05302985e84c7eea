//! The billing API client. Every call returns `Result<T, ApiError>`; how a
//! response becomes a value or an error is decided by `mandat_model::decode`.

use gloo_net::http::{Request, RequestBuilder};
use mandat_model::billing::{ChorusTracking, FollowUp, PayRequest, PaymentMethods, PaymentReceipt};
use mandat_model::chorus::{ChorusRouting, ChorusStructure};
use mandat_model::documents::BillDocuments;
use mandat_model::renewal::Renewal;
use mandat_model::retry::{retry_delay_ms, Answer, REQUEST_RETRY_DELAYS_MS};
use mandat_model::url::resolve_api_url;
use mandat_model::{decode, Account, ApiError, Order, OrderDetail, OrderStatus};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::RequestCredentials;

use crate::host::Host;

/// A client for the billing API at one base URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Api {
    base: String,
    credentials: RequestCredentials,
    host: Option<Host>,
}

impl Api {
    /// A client for the API at `base` (`/api`, `http://127.0.0.1:8080/api`).
    pub fn new(base: impl Into<String>) -> Api {
        Api {
            base: base.into().trim_end_matches('/').to_string(),
            credentials: RequestCredentials::Include,
            host: None,
        }
    }

    /// The client for the app's configured API: its base and credentials
    /// mode, its requests aborted when the app is unmounted, and a 401 told to
    /// the host.
    pub fn from_context() -> Api {
        let config = crate::config::use_config();
        Api {
            base: config.api_base.trim_end_matches('/').to_string(),
            credentials: config.credentials.mode(),
            host: Some(crate::host::use_host()),
        }
    }

    /// The credentials mode for `fetch` and `XMLHttpRequest`.
    pub fn credentials(&self) -> RequestCredentials {
        self.credentials
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// An address the API gave (a form to download, where to upload, a PDF),
    /// absolute on the API's own origin; `None` when it leads anywhere else
    /// (see `resolve_api_url`): it is then neither shown as a link nor sent
    /// to, and a warning in the console says why.
    pub fn link(&self, url: &str) -> Option<String> {
        let page_origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        match resolve_api_url(&self.base, &page_origin, url) {
            Ok(resolved) => Some(resolved),
            Err(why) => {
                leptos::logging::warn!(
                    "mandat: an address from the API was refused ({why}): {url:?}"
                );
                None
            }
        }
    }

    fn builder(&self, method: &str, path: &str) -> RequestBuilder {
        let url = self.url(path);
        let builder = match method {
            "POST" => Request::post(&url),
            "PUT" => Request::put(&url),
            _ => Request::get(&url),
        };
        builder
            .credentials(self.credentials)
            .abort_signal(self.abort_signal().as_ref())
            .header("Accept", "application/json")
    }

    fn abort_signal(&self) -> Option<web_sys::AbortSignal> {
        self.host.and_then(|h| h.abort_signal())
    }

    /// Sends one request and returns the API's status and body, whatever the
    /// type expected: kept apart from decoding so that it exists once in the
    /// bundle, not once per response type.
    ///
    /// A request that is safe to repeat (a `GET`, or a `POST` with an
    /// `Idempotency-Key`) is sent again when no answer came or the API said it
    /// is briefly unavailable or busy (502, 503, 504, 429), after
    /// [`REQUEST_RETRY_DELAYS_MS`], or later when a 503 or 429 says when with
    /// `Retry-After` (see `mandat_model::retry`). After a 401, once the host
    /// says the user is signed in again, it is sent again.
    ///
    /// A `GET` the page's loader has already sent (see [`take_prefetched`])
    /// takes that answer the first time instead of asking again; whatever it
    /// is, it goes through the same retries and 401 handling.
    async fn exchange(
        &self,
        method: &str,
        path: &str,
        idempotency_key: Option<&str>,
        json_body: Option<&str>,
    ) -> Result<(u16, String), ApiError> {
        let repeatable = method == "GET" || idempotency_key.is_some();
        let mut retries = 0;
        loop {
            let adopted = match method {
                "GET" => take_prefetched(&self.url(path), self.credentials),
                _ => None,
            };
            let sent = match adopted {
                Some(response) => adopt(response).await,
                None => {
                    let mut request = self.builder(method, path);
                    if let Some(key) = idempotency_key {
                        request = request.header("Idempotency-Key", key);
                    }
                    send(request, json_body).await
                }
            };
            let (result, answer) = match sent {
                Ok(reply) => (
                    Ok((reply.status, reply.body)),
                    Answer {
                        status: Some(reply.status),
                        retry_after: reply.retry_after,
                    },
                ),
                Err(error) => (Err(error), Answer::default()),
            };
            let aborted = self.abort_signal().is_some_and(|s| s.aborted());
            if answer.is_transient() && repeatable && !aborted {
                if let Some(delay) =
                    retry_delay_ms(&REQUEST_RETRY_DELAYS_MS, retries, &answer, now())
                {
                    retries += 1;
                    pause(delay).await;
                    continue;
                }
            }
            if let (Some(401), Some(host)) = (answer.status, self.host) {
                if host.session_expired(method, &self.url(path)).await {
                    retries = 0;
                    continue;
                }
            }
            return result;
        }
    }

    /// `GET path`, decoded as JSON `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let (status, text) = self.exchange("GET", path, None, None).await?;
        decode(status, &text)
    }

    /// `POST path` with a JSON body and, when given, an `Idempotency-Key`
    /// header so that a repeated attempt is applied once.
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        self.send_json("POST", path, body, idempotency_key).await
    }

    async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let (status, text) = self
            .exchange(method, path, idempotency_key, Some(&json))
            .await?;
        decode(status, &text)
    }

    /// `GET /me`
    pub async fn me(&self) -> Result<Account, ApiError> {
        self.get_json("/me").await
    }

    /// `GET /me/order`: the ids of the account's orders.
    pub async fn order_ids(&self) -> Result<Vec<u64>, ApiError> {
        self.get_json("/me/order").await
    }

    /// `GET /me/order/{orderId}`
    pub async fn order(&self, order_id: u64) -> Result<Order, ApiError> {
        self.get_json(&format!("/me/order/{order_id}")).await
    }

    /// `GET /me/order/{orderId}/followUp`: where the order stands, its mandate's state.
    pub async fn follow_up(&self, order_id: u64) -> Result<FollowUp, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/followUp"))
            .await
    }

    /// `GET /me/order/{orderId}/details`: the order's lines.
    pub async fn order_details(&self, order_id: u64) -> Result<Vec<OrderDetail>, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/details"))
            .await
    }

    /// `GET /me/order/{orderId}/status`
    pub async fn order_status(&self, order_id: u64) -> Result<OrderStatus, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/status")).await
    }

    /// `GET /me/order/{orderId}/paymentMethods`
    pub async fn payment_methods(&self, order_id: u64) -> Result<PaymentMethods, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/paymentMethods"))
            .await
    }

    /// `GET /me/chorus`: the account's own Chorus Pro structure; `None` when it has
    /// none (`null`, or a 404 from an API that answers so).
    pub async fn my_structure(&self) -> Result<Option<ChorusStructure>, ApiError> {
        match self.get_json::<Option<ChorusStructure>>("/me/chorus").await {
            Ok(structure) => Ok(structure),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `GET /chorus/structure/{siret}`: a structure looked up by its SIRET (digits only).
    pub async fn structure(&self, siret: &str) -> Result<ChorusStructure, ApiError> {
        self.get_json(&format!("/chorus/structure/{siret}")).await
    }

    /// `GET /me/renewal`: the account's services that renew automatically.
    pub async fn renewals(&self) -> Result<Vec<Renewal>, ApiError> {
        self.get_json("/me/renewal").await
    }

    /// `POST /me/renewal/{renewalId}/routing`: the routing of the renewal's
    /// next invoice, applied once per `idempotency_key`.
    pub async fn set_renewal_routing(
        &self,
        renewal_id: u64,
        routing: &ChorusRouting,
        idempotency_key: &str,
    ) -> Result<Renewal, ApiError> {
        self.post_json(
            &format!("/me/renewal/{renewal_id}/routing"),
            routing,
            Some(idempotency_key),
        )
        .await
    }

    /// `POST /me/order/{orderId}/pay`, applied once per `idempotency_key`.
    pub async fn pay(
        &self,
        order_id: u64,
        request: &PayRequest,
        idempotency_key: &str,
    ) -> Result<PaymentReceipt, ApiError> {
        self.post_json(
            &format!("/me/order/{order_id}/pay"),
            request,
            Some(idempotency_key),
        )
        .await
    }

    /// `GET /me/bill/{billId}/documents`: the answer to the bill's suspension.
    pub async fn bill_documents(&self, bill_id: &str) -> Result<BillDocuments, ApiError> {
        self.get_json(&documents_path(bill_id)).await
    }

    /// `POST /me/bill/{billId}/documents/send`: the documents received are sent.
    /// Not repeated on its own: a second sending is refused (409), and the page
    /// reads the answer again instead.
    pub async fn send_bill_documents(&self, bill_id: &str) -> Result<BillDocuments, ApiError> {
        self.post_json(
            &format!("{}/send", documents_path(bill_id)),
            &serde_json::json!({}),
            None,
        )
        .await
    }

    /// `PUT /me/bill/{billId}/chorus/routing`: the corrected routing of an invoice
    /// à recycler, applied once per `idempotency_key`; the invoice's tracking,
    /// re-deposited.
    pub async fn correct_routing(
        &self,
        bill_id: &str,
        routing: &ChorusRouting,
        idempotency_key: &str,
    ) -> Result<ChorusTracking, ApiError> {
        self.send_json(
            "PUT",
            &format!(
                "/me/bill/{}/chorus/routing",
                js_sys::encode_uri_component(bill_id)
            ),
            routing,
            Some(idempotency_key),
        )
        .await
    }
}

fn documents_path(bill_id: &str) -> String {
    format!(
        "/me/bill/{}/documents",
        js_sys::encode_uri_component(bill_id)
    )
}

/// The status, body and `Retry-After` of one response.
struct Reply {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

/// One request; `Err(Unreachable)` when no response came at all (network
/// down, CORS refusal, DNS, aborted).
async fn send(request: RequestBuilder, json_body: Option<&str>) -> Result<Reply, ApiError> {
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
async fn adopt(response: js_sys::Promise) -> Result<Reply, ApiError> {
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
fn take_prefetched(url: &str, credentials: RequestCredentials) -> Option<js_sys::Promise> {
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

/// The browser's clock (a `Retry-After` that is a date, an order's expiry).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Resolves after `millis` milliseconds.
async fn pause(millis: u64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let millis = i32::try_from(millis).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh key for one payment attempt: the API applies a request carrying a
/// key it has already seen only once.
pub fn new_idempotency_key() -> String {
    if let Some(uuid) = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
    {
        return uuid;
    }
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e16) as u64;
    format!("{now:x}-{random:x}")
}
