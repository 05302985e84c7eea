//! Requests that may be sent again with an `Idempotency-Key` (a payment, a
//! routing correction, a renewal's routing): the first answer is kept with the
//! request it answered, and replayed to the same request with the same key.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;

use super::error::ApiErr;
use crate::db;

/// The first answer to `key`, when the same request comes again with it; a 422
/// when the key was used for another request. `order` tells a key stored before
/// requests were recorded.
pub fn replay(
    conn: &Connection,
    account: &str,
    key: Option<&str>,
    fingerprint: &str,
    order: u64,
) -> Result<Option<Response>, ApiErr> {
    let Some(key) = key else {
        return Ok(None);
    };
    let Some(kept) = db::idempotency::find(conn, account, key)? else {
        return Ok(None);
    };
    let same = match kept.request {
        Some(request) => request == fingerprint,
        None => kept.order_id == order,
    };
    if !same {
        return Err(ApiErr::unprocessable(
            "this Idempotency-Key was already used for another request",
        )
        .field(
            "Idempotency-Key",
            "idempotency_key_reused",
            "this key was already used for another request (another order, bill or renewal, or \
             another body): a new request needs a new key",
        ));
    }
    let status = StatusCode::from_u16(kept.status).unwrap_or(StatusCode::OK);
    let mut res = (status, kept.body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(Some(res))
}

/// Keeps the answer to `key`, in the transaction that made it, for [`replay`].
pub fn keep<T: serde::Serialize>(
    conn: &Connection,
    account: &str,
    key: Option<&str>,
    order: u64,
    fingerprint: &str,
    answer: &T,
) -> Result<(), ApiErr> {
    if let Some(key) = key {
        let body = serde_json::to_string(answer).map_err(ApiErr::internal)?;
        db::idempotency::keep(conn, account, key, order, &body, fingerprint)?;
    }
    Ok(())
}
