//! One error shape for every 4xx and 5xx: `ErrorBody` as JSON.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use mandat_model::{ErrorBody, FieldError};
use serde::Serialize;

/// An error response of the API.
#[derive(Debug)]
pub struct ApiErr {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl ApiErr {
    pub fn new(status: StatusCode, class: &str, message: impl Into<String>) -> ApiErr {
        ApiErr {
            status,
            body: ErrorBody {
                class: class.into(),
                message: message.into(),
                errors: Vec::new(),
            },
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> ApiErr {
        self.body.errors = errors;
        self
    }

    pub fn field(self, field: &str, code: &str, message: &str) -> ApiErr {
        self.with_errors(vec![FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }])
    }

    pub fn unauthorized() -> ApiErr {
        ApiErr::new(
            StatusCode::UNAUTHORIZED,
            "Client::Unauthorized",
            "you are not signed in, or the session has expired",
        )
    }

    pub fn not_found(what: &str) -> ApiErr {
        ApiErr::new(
            StatusCode::NOT_FOUND,
            "Client::NotFound",
            format!("{what} does not exist"),
        )
    }

    pub fn bad_request(message: impl Into<String>) -> ApiErr {
        ApiErr::new(StatusCode::BAD_REQUEST, "Client::BadRequest", message)
    }

    pub fn invalid(errors: Vec<FieldError>) -> ApiErr {
        ApiErr::bad_request("some fields are not valid").with_errors(errors)
    }

    pub fn conflict(message: impl Into<String>) -> ApiErr {
        ApiErr::new(StatusCode::CONFLICT, "Client::Conflict", message)
    }

    pub fn forbidden(message: impl Into<String>) -> ApiErr {
        ApiErr::new(StatusCode::FORBIDDEN, "Client::Forbidden", message)
    }

    pub fn too_large(message: impl Into<String>) -> ApiErr {
        ApiErr::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Client::PayloadTooLarge",
            message,
        )
    }

    pub fn unsupported_type(message: impl Into<String>) -> ApiErr {
        ApiErr::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Client::UnsupportedMediaType",
            message,
        )
    }

    pub fn unprocessable(message: impl Into<String>) -> ApiErr {
        ApiErr::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Client::UnprocessableEntity",
            message,
        )
    }

    pub fn misdirected(message: impl Into<String>) -> ApiErr {
        ApiErr::new(
            StatusCode::MISDIRECTED_REQUEST,
            "Client::MisdirectedRequest",
            message,
        )
    }

    pub fn request_timeout(message: impl Into<String>) -> ApiErr {
        ApiErr::new(
            StatusCode::REQUEST_TIMEOUT,
            "Client::RequestTimeout",
            message,
        )
    }

    pub fn method_not_allowed() -> ApiErr {
        ApiErr::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Client::MethodNotAllowed",
            "this method is not allowed on this path",
        )
    }

    /// Amounts stored out of the range the sandbox computes in (a hand-edited
    /// database): a 500 that says so, rather than a wrapped or panicking sum.
    pub fn amount_out_of_range(what: impl std::fmt::Display) -> ApiErr {
        let message = format!("the amounts of {what} are out of the range the sandbox computes in");
        eprintln!("mandat sandbox: {message}");
        ApiErr::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Server::InternalServerError",
            message,
        )
    }

    pub fn internal(detail: impl std::fmt::Display) -> ApiErr {
        eprintln!("mandat sandbox: internal error: {detail}");
        ApiErr::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Server::InternalServerError",
            "the sandbox failed; see its log",
        )
    }
}

impl From<rusqlite::Error> for ApiErr {
    fn from(e: rusqlite::Error) -> ApiErr {
        ApiErr::internal(e)
    }
}

impl From<std::io::Error> for ApiErr {
    fn from(e: std::io::Error) -> ApiErr {
        ApiErr::internal(e)
    }
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body)
    }
}

/// A JSON response the API way: `application/json`, never cached.
pub fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut res = (status, bytes).into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(e) => ApiErr::internal(e).into_response(),
    }
}

/// A 503 with `Retry-After: 1`: the request did nothing and may be sent again.
pub fn unavailable(message: impl Into<String>) -> Response {
    let mut res = ApiErr::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "Server::ServiceUnavailable",
        message,
    )
    .into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    res
}

/// 200 with a JSON body.
pub fn ok<T: Serialize>(value: &T) -> Response {
    json_response(StatusCode::OK, value)
}

pub type ApiResult = Result<Response, ApiErr>;

/// Free text from a request as it is kept (see [`mandat_model::text`]); a
/// field error on `field` when it holds a control or direction character.
pub fn clean_text(field: &str, text: &str) -> Result<String, FieldError> {
    mandat_model::text::clean(text).map_err(|e| FieldError {
        field: field.into(),
        code: e.code().into(),
        message: e.message().into(),
    })
}
