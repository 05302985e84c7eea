//! The billing API client. Every call returns `Result<T, ApiError>`; how a
//! response becomes a value or an error is decided by `mandat_model::decode`.

use gloo_net::http::{Request, RequestBuilder};
use mandat_model::retry::{retry_delay_ms, Answer, REQUEST_RETRY_DELAYS_MS};
use mandat_model::url::resolve_api_url;
use mandat_model::{decode, ApiError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::RequestCredentials;

use crate::host::Host;

mod endpoints;
mod transport;
use transport::{adopt, send, take_prefetched};

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

    fn builder(
        &self,
        method: &str,
        path: &str,
        signal: Option<&web_sys::AbortSignal>,
    ) -> RequestBuilder {
        let url = self.url(path);
        let builder = match method {
            "POST" => Request::post(&url),
            "PUT" => Request::put(&url),
            _ => Request::get(&url),
        };
        builder
            .credentials(self.credentials)
            .abort_signal(signal)
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
        // Held for the whole exchange: once the app is unmounted its host is
        // gone, and only this signal still says the request was aborted (and
        // is not to be sent again).
        let signal = self.abort_signal();
        let mut retries = 0;
        loop {
            let adopted = match method {
                "GET" => take_prefetched(&self.url(path), self.credentials),
                _ => None,
            };
            let sent = match adopted {
                Some(response) => adopt(response).await,
                None => {
                    let mut request = self.builder(method, path, signal.as_ref());
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
            let aborted = signal.as_ref().is_some_and(|s| s.aborted());
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
}

/// The browser's clock (a `Retry-After` that is a date, an order's expiry).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Resolves after `millis` milliseconds.
pub(crate) async fn pause(millis: u64) {
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
