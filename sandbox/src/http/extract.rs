//! What a handler takes from a request, checked once here: the signed-in
//! account, the ids in the path, the `Idempotency-Key`, a JSON body.

use axum::body::Body;
use axum::extract::{FromRequestParts, Path};
use axum::http::{header, request::Parts, HeaderMap};
use axum::response::{IntoResponse as _, Response};

use super::error::ApiErr;
use super::limits;
use crate::db;
use crate::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "mandat_session";

/// Largest JSON body the API reads.
pub const JSON_LIMIT: usize = 64 * 1024;

/// The signed-in account, from the session cookie; 401 without a valid one.
pub struct Me(pub String);

/// The session cookie's value, if the request has one.
pub fn session_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_string())
}

impl FromRequestParts<AppState> for Me {
    type Rejection = ApiErr;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Me, ApiErr> {
        let token = session_token(parts).ok_or_else(ApiErr::unauthorized)?;
        let cutoff = state.session_cutoff();
        let conn = state.read()?;
        let account = db::sessions::account_of(&conn, &token, &cutoff)?;
        account.map(Me).ok_or_else(ApiErr::unauthorized)
    }
}

/// A numeric id as the database keeps it (up to `i64::MAX`); anything else in
/// its place is simply not found.
fn numeric_id(raw: &str) -> Option<u64> {
    raw.parse::<u64>().ok().filter(|id| *id <= i64::MAX as u64)
}

/// The single `{…}` of the path, as text.
async fn path_text<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<String, Response> {
    Path::<String>::from_request_parts(parts, state)
        .await
        .map(|Path(raw)| raw)
        .map_err(|rejection| rejection.into_response())
}

/// `{orderId}`.
pub struct OrderId(pub u64);

impl OrderId {
    pub fn parse(raw: &str) -> Result<u64, ApiErr> {
        numeric_id(raw).ok_or_else(|| ApiErr::not_found("this order"))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for OrderId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<OrderId, Response> {
        let raw = path_text(parts, state).await?;
        OrderId::parse(&raw)
            .map(OrderId)
            .map_err(|e| e.into_response())
    }
}

/// `{renewalId}`.
pub struct RenewalId(pub u64);

impl<S: Send + Sync> FromRequestParts<S> for RenewalId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<RenewalId, Response> {
        let raw = path_text(parts, state).await?;
        numeric_id(&raw)
            .map(RenewalId)
            .ok_or_else(|| ApiErr::not_found("this renewal").into_response())
    }
}

/// `{billId}`: any text; an unknown one is a 404 where it is looked up.
pub struct BillId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for BillId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<BillId, Response> {
        path_text(parts, state).await.map(BillId)
    }
}

const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// The `Idempotency-Key` of a request that may be sent again: none, or one
/// header of 1 to 255 visible characters (a 400 otherwise: with two, which
/// one the client meant is not known).
pub struct IdempotencyKey(pub Option<String>);

impl IdempotencyKey {
    pub fn from_headers(headers: &HeaderMap) -> Result<IdempotencyKey, ApiErr> {
        let invalid = |message: &str| {
            ApiErr::bad_request("the Idempotency-Key header is not valid").field(
                "Idempotency-Key",
                "idempotency_key_invalid",
                message,
            )
        };
        let mut values = headers.get_all(IDEMPOTENCY_KEY).iter();
        let Some(value) = values.next() else {
            return Ok(IdempotencyKey(None));
        };
        if values.next().is_some() {
            return Err(invalid("one Idempotency-Key header, not several"));
        }
        // What the contract states (`^[!-~]{1,255}$`), the spaces around it aside.
        let key = value.to_str().map(str::trim).unwrap_or_default();
        if (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()) {
            Ok(IdempotencyKey(Some(key.to_string())))
        } else {
            Err(invalid("1 to 255 visible ASCII characters"))
        }
    }

    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiErr;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<IdempotencyKey, ApiErr> {
        IdempotencyKey::from_headers(&parts.headers)
    }
}

/// Reads a JSON body of at most [`JSON_LIMIT`]; 400 (never a 500) when it is not
/// the expected shape or was cut short, 413 only when it is too large, 408 when
/// the client went silent.
pub async fn read_json<T: serde::de::DeserializeOwned>(body: Body) -> Result<T, ApiErr> {
    let bytes = axum::body::to_bytes(body, JSON_LIMIT).await.map_err(|e| {
        if limits::is_length_limit(&e) {
            ApiErr::too_large("the JSON body is larger than 64 KiB")
        } else if limits::is_body_timeout(&e) {
            ApiErr::request_timeout(e.to_string())
        } else {
            ApiErr::bad_request("the JSON body was cut short").field(
                "body",
                "body_incomplete",
                "the body ended before its announced length",
            )
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiErr::bad_request(format!("the body is not the expected JSON: {e}")).field(
            "body",
            "invalid_json",
            "the body is not the expected JSON",
        )
    })
}
