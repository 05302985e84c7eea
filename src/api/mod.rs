//! The billing API client. Every call returns `Result<T, ApiError>`; how a
//! response becomes a value or an error is decided by `mandat_model::decode`.

use gloo_net::http::{Request, RequestBuilder};
use mandat_model::billing::{PayRequest, PaymentMethods, PaymentReceipt};
use mandat_model::chorus::ChorusStructure;
use mandat_model::{decode, Account, ApiError, Order, OrderDetail, OrderStatus};
use serde::de::DeserializeOwned;
use serde::Serialize;
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
        let config = crate::use_config();
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

    fn builder(&self, method: &str, path: &str) -> RequestBuilder {
        let url = self.url(path);
        let builder = match method {
            "POST" => Request::post(&url),
            _ => Request::get(&url),
        };
        let signal = self.host.and_then(|h| h.abort_signal());
        builder
            .credentials(self.credentials)
            .abort_signal(signal.as_ref())
            .header("Accept", "application/json")
    }

    /// Sends the request `build` makes; after a 401, once the host says the
    /// user is signed in again, sends it again.
    async fn run<B: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        build: impl Fn() -> RequestBuilder,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        loop {
            let result = send(build(), body).await;
            if let (Err(ApiError::Unauthorized), Some(host)) = (&result, self.host) {
                if host.session_expired(method, &self.url(path)).await {
                    continue;
                }
            }
            return result;
        }
    }

    /// `GET path`, decoded as JSON `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.run("GET", path, || self.builder("GET", path), None::<&()>)
            .await
    }

    /// `POST path` with a JSON body and, when given, an `Idempotency-Key`
    /// header so that a repeated attempt is applied once.
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let build = || {
            let mut request = self.builder("POST", path);
            if let Some(key) = idempotency_key {
                request = request.header("Idempotency-Key", key);
            }
            request
        };
        self.run("POST", path, build, Some(body)).await
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

    /// `GET /me/chorus`: the account's own Chorus Pro structure; `None` when it has none.
    pub async fn my_structure(&self) -> Result<Option<ChorusStructure>, ApiError> {
        match self.get_json("/me/chorus").await {
            Ok(structure) => Ok(Some(structure)),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `GET /chorus/structure/{siret}`: a structure looked up by its SIRET (digits only).
    pub async fn structure(&self, siret: &str) -> Result<ChorusStructure, ApiError> {
        self.get_json(&format!("/chorus/structure/{siret}")).await
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
}

async fn send<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: Option<&B>,
) -> Result<T, ApiError> {
    let request = match body {
        Some(body) => request
            .json(body)
            .map_err(|e| ApiError::Malformed(e.to_string()))?,
        None => request.build().map_err(|_| ApiError::Unreachable)?,
    };
    // No response at all (network down, CORS refusal, DNS): the API is unreachable.
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    let status = response.status();
    // A body cut short is as good as no body: `decode` sees it empty.
    let text = response.text().await.unwrap_or_default();
    decode(status, &text)
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
