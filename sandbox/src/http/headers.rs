//! Headers every answer carries, whatever answered it.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse as _, Response};

use super::error::ApiErr;

/// On every answer (pages, JSON, files, errors): the browser takes the
/// `Content-Type` as sent, never a guess from the bytes; and a link followed
/// from a page of the sandbox tells another site nothing of the page's URL,
/// which may name an order or an invoice.
pub async fn security(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    res
}

/// Whatever answered (an extractor's rejection included), an error leaves the API as an
/// `ErrorBody`, and nothing the API returns is cached.
pub async fn json_errors(mut res: Response) -> Response {
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if (status.is_client_error() || status.is_server_error()) && !is_json && !is_html {
        let err = match status {
            StatusCode::NOT_FOUND => ApiErr::not_found("this resource"),
            StatusCode::METHOD_NOT_ALLOWED => ApiErr::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => ApiErr::too_large("the body is too large"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ApiErr::unsupported_type("unsupported media type")
            }
            s if s.is_server_error() => ApiErr::internal(format!("status {s}")),
            s => ApiErr::new(s, "Client::BadRequest", "the request is not valid"),
        };
        return err.into_response();
    }
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    res
}
