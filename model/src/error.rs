//! How a response from the billing API becomes a value or a typed error.
//! The app's fetch layer only supplies the status and the body text, so this is
//! the whole of the client's decision logic, tested natively.

use serde::de::DeserializeOwned;

use crate::api::ErrorBody;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No response at all: the network or the API is down.
    Unreachable,
    /// 401: the session is missing or expired.
    Unauthorized,
    /// 403: signed in, but not allowed.
    Forbidden(ErrorBody),
    /// 404: the thing does not exist for this account.
    NotFound,
    /// 400 with its field-level details.
    Invalid(ErrorBody),
    /// 409: the request conflicts with the current state (already paid...).
    Conflict(ErrorBody),
    /// 413: the upload is larger than the API accepts.
    TooLarge,
    /// 415: the upload's type is not one the API accepts.
    UnsupportedType,
    /// 415 `file_unreadable`: the upload's first bytes name an accepted type,
    /// but the file does not read as one (damaged, cut short).
    UnreadableFile,
    /// 5xx: the API failed; worth retrying.
    Server(u16),
    /// Another status the app has no specific words for.
    Unexpected(u16),
    /// A response that is not the JSON the contract promises.
    Malformed(String),
}

impl ApiError {
    /// Whether the same request is worth sending again by itself, after a
    /// wait: no answer, or a status that says so
    /// ([`crate::retry::is_transient_status`]).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Unreachable => true,
            ApiError::Server(status) | ApiError::Unexpected(status) => {
                crate::retry::is_transient_status(*status)
            }
            _ => false,
        }
    }

    /// Whether the user asking again may get another answer: not for a thing
    /// that does not exist or is not theirs, nor for a request the API refused
    /// as it stands (its fields, its file, a state that forbids it).
    pub fn may_succeed_again(&self) -> bool {
        !matches!(
            self,
            ApiError::NotFound
                | ApiError::Forbidden(_)
                | ApiError::Invalid(_)
                | ApiError::Conflict(_)
                | ApiError::TooLarge
                | ApiError::UnsupportedType
                | ApiError::UnreadableFile
        )
    }

    /// The error a non-2xx response stands for.
    pub fn from_status(status: u16, body: &str) -> ApiError {
        let details = || serde_json::from_str::<ErrorBody>(body).unwrap_or_default();
        match status {
            400 | 422 => ApiError::Invalid(details()),
            401 => ApiError::Unauthorized,
            403 => ApiError::Forbidden(details()),
            404 => ApiError::NotFound,
            409 => ApiError::Conflict(details()),
            413 => ApiError::TooLarge,
            415 if details().errors.iter().any(|e| e.code == "file_unreadable") => {
                ApiError::UnreadableFile
            }
            415 => ApiError::UnsupportedType,
            // Proxies answer 502-504 when the API behind them is gone.
            500..=599 => ApiError::Server(status),
            _ => ApiError::Unexpected(status),
        }
    }
}

/// Decodes a response: the value for a 2xx whose body matches `T`, the typed error otherwise.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    if !(200..300).contains(&status) {
        return Err(ApiError::from_status(status, body));
    }
    serde_json::from_str(body).map_err(|e| ApiError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Order, OrderStatus};

    const ORDER: &str = r#"{"orderId":42,"date":"2026-11-02T09:00:00Z","expirationDate":"2026-11-16T09:00:00Z",
        "priceWithoutTax":{"currencyCode":"EUR","value":100.0,"text":"100,00 €"},
        "tax":{"currencyCode":"EUR","value":20.0,"text":"20,00 €"},
        "priceWithTax":{"currencyCode":"EUR","value":120.0,"text":"120,00 €"}}"#;

    #[test]
    fn decodes_a_well_formed_order() {
        let order: Order = decode(200, ORDER).unwrap();
        assert_eq!(order.order_id, 42);
        assert_eq!(order.price_with_tax.cents(), 12000);
        assert_eq!(order.price_with_tax.checked_cents(), Some(12000));
    }

    #[test]
    fn a_body_that_breaks_the_contract_is_malformed_not_a_panic() {
        for body in [
            "",
            "<html>gateway</html>",
            r#"{"orderId":"forty-two"}"#,
            "{\"orderId\":42}",
        ] {
            assert!(
                matches!(decode::<Order>(200, body), Err(ApiError::Malformed(_))),
                "{body:?}"
            );
        }
    }

    #[test]
    fn only_what_a_repeat_may_change_offers_to_try_again() {
        for error in [
            ApiError::Unreachable,
            ApiError::Server(500),
            ApiError::Unauthorized,
            ApiError::Malformed("not json".into()),
        ] {
            assert!(error.may_succeed_again(), "{error:?}");
        }
        for error in [
            ApiError::NotFound,
            ApiError::Forbidden(Default::default()),
            ApiError::Invalid(Default::default()),
            ApiError::Conflict(Default::default()),
            ApiError::TooLarge,
            ApiError::UnsupportedType,
            ApiError::UnreadableFile,
        ] {
            assert!(!error.may_succeed_again(), "{error:?}");
        }
    }

    #[test]
    fn statuses_map_to_their_errors() {
        assert_eq!(
            decode::<Order>(401, "").unwrap_err(),
            ApiError::Unauthorized
        );
        assert_eq!(decode::<Order>(404, "{}").unwrap_err(), ApiError::NotFound);
        assert_eq!(decode::<Order>(413, "").unwrap_err(), ApiError::TooLarge);
        assert_eq!(
            decode::<Order>(415, "").unwrap_err(),
            ApiError::UnsupportedType
        );
        let unreadable = r#"{"class":"Client::UnsupportedMediaType","message":"m",
            "errors":[{"field":"file","code":"file_unreadable","message":"m"}]}"#;
        assert_eq!(
            decode::<Order>(415, unreadable).unwrap_err(),
            ApiError::UnreadableFile
        );
        assert_eq!(
            decode::<Order>(503, "busy").unwrap_err(),
            ApiError::Server(503)
        );
        assert_eq!(
            decode::<Order>(418, "").unwrap_err(),
            ApiError::Unexpected(418)
        );
        assert!(ApiError::Server(502).is_transient());
        assert!(ApiError::Server(504).is_transient());
        assert!(!ApiError::Server(500).is_transient());
        assert!(ApiError::Unreachable.is_transient());
        assert!(!ApiError::NotFound.is_transient());
        // Too many requests at once: later, the same request may pass.
        assert!(ApiError::from_status(429, "").is_transient());
        assert!(!ApiError::Unexpected(418).is_transient());
    }

    #[test]
    fn field_errors_of_a_400_are_kept() {
        let body = r#"{"class":"Client::BadRequest","message":"invalid","errors":[
            {"field":"siret","code":"siret_checksum","message":"bad checksum"}]}"#;
        match decode::<Order>(400, body).unwrap_err() {
            ApiError::Invalid(details) => {
                assert_eq!(details.errors.len(), 1);
                assert_eq!(details.errors[0].field, "siret");
                assert_eq!(details.errors[0].code, "siret_checksum");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        // A 400 whose body is not JSON still is a 400, with no details.
        assert_eq!(
            decode::<Order>(400, "nope").unwrap_err(),
            ApiError::Invalid(Default::default())
        );
    }

    #[test]
    fn unknown_order_statuses_do_not_fail_decoding() {
        assert_eq!(
            decode::<OrderStatus>(200, "\"documentsRequested\"").unwrap(),
            OrderStatus::DocumentsRequested
        );
        assert_eq!(
            decode::<OrderStatus>(200, "\"somethingNew\"").unwrap(),
            OrderStatus::Unknown
        );
    }
}
