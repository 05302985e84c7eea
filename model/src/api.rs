//! Shapes of the billing API (see `api/openapi.yaml`), shared by the app and the sandbox.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A price as the billing API writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    pub currency_code: String,
    pub value: f64,
    pub text: String,
}

impl Price {
    /// Euros in the API's own text for French (`12,50 €`).
    pub fn eur(cents: i64) -> Price {
        Price {
            currency_code: "EUR".into(),
            value: cents as f64 / 100.0,
            text: crate::locale::format_euros(cents, crate::locale::Locale::Fr),
        }
    }

    /// The value in cents, rounded: amounts are never added up as floats. For
    /// prices built here ([`Price::eur`]); one from the API goes through
    /// [`Price::checked_cents`], as the cast turns NaN into 0 and infinity into
    /// `i64::MAX`.
    pub fn cents(&self) -> i64 {
        (self.value * 100.0).round() as i64
    }

    /// The value in euro cents, rounded, as the app shows a price from the API.
    /// `None` for a price in another currency, or a value that is not a number
    /// or beyond [`PLAUSIBLE_CENTS`] either way: shown as unknown, never as a
    /// figure the value does not hold.
    pub fn checked_cents(&self) -> Option<i64> {
        if self.currency_code != "EUR" {
            return None;
        }
        let cents = (self.value * 100.0).round();
        // Also false for NaN and the infinities.
        let plausible = cents.abs() <= PLAUSIBLE_CENTS as f64;
        plausible.then_some(cents as i64)
    }
}

/// A thousand billion euros, in cents: no price of the API is larger, either way.
pub const PLAUSIBLE_CENTS: i64 = 100_000_000_000_000;

/// `GET /me/order/{orderId}`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub order_id: u64,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub date: DateTime<Utc>,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub expiration_date: DateTime<Utc>,
    pub price_without_tax: Price,
    pub tax: Price,
    pub price_with_tax: Price,
}

/// One line of an order: `GET /me/order/{orderId}/details`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderDetail {
    pub order_detail_id: u64,
    pub description: String,
    /// The service the line is for (a domain, a server name...).
    pub domain: String,
    pub quantity: u32,
    pub unit_price: Price,
    pub total_price: Price,
}

/// `GET /me/order/{orderId}/status`, a bare JSON string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderStatus {
    NotPaid,
    Checking,
    DocumentsRequested,
    Delivering,
    Delivered,
    Cancelling,
    Cancelled,
    #[serde(other)]
    Unknown,
}

impl OrderStatus {
    /// The API's code of the status (`notPaid`), as the JSON carries it.
    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::NotPaid => "notPaid",
            OrderStatus::Checking => "checking",
            OrderStatus::DocumentsRequested => "documentsRequested",
            OrderStatus::Delivering => "delivering",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelling => "cancelling",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Unknown => "unknown",
        }
    }
}

/// The customer's declared legal form; `administration` marks a public administration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegalForm {
    Administration,
    Association,
    Corporation,
    Individual,
    Personalcorporation,
    #[serde(other)]
    Other,
}

/// `GET /me`: the signed-in customer account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub customer_code: String,
    pub name: String,
    pub email: String,
    pub legal_form: LegalForm,
    pub language: String,
}

impl Account {
    pub fn is_public_administration(&self) -> bool {
        self.legal_form == LegalForm::Administration
    }
}

/// What kind of customer a demo account plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DemoAccountKind {
    Commune,
    Hospital,
    Company,
}

/// `GET /sandbox/accounts`: one demo account one can sign in as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoAccount {
    pub id: String,
    pub name: String,
    pub kind: DemoAccountKind,
}

/// The JSON body of every error the API returns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// Stable machine-readable class, e.g. `Client::NotFound`.
    pub class: String,
    /// Human-readable, in English; the app shows its own words, keyed by class and code.
    pub message: String,
    /// Field-level problems of a 400, when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One field's problem in a 400: the app maps `code` to its own message on `field`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_status_code_is_what_the_api_sends() {
        for status in [
            OrderStatus::NotPaid,
            OrderStatus::Checking,
            OrderStatus::DocumentsRequested,
            OrderStatus::Delivering,
            OrderStatus::Delivered,
            OrderStatus::Cancelling,
            OrderStatus::Cancelled,
            OrderStatus::Unknown,
        ] {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(json.as_str(), Some(status.code()));
            let back: OrderStatus = serde_json::from_value(json).unwrap();
            assert_eq!(back, status);
        }
    }

    fn price(currency: &str, value: f64) -> Price {
        Price {
            currency_code: currency.into(),
            value,
            text: String::new(),
        }
    }

    #[test]
    fn cents_of_a_price_or_unknown() {
        for (value, cents) in [
            (120.0, Some(12_000)),
            (0.1 + 0.2, Some(30)),
            (-40.0, Some(-4_000)),
            (0.0, Some(0)),
            (-0.0, Some(0)),
            (1e12, Some(PLAUSIBLE_CENTS)),
            (-1e12, Some(-PLAUSIBLE_CENTS)),
            (1e12 + 0.01, None),
            (1e300, None),
            (f64::MAX, None),
            (f64::INFINITY, None),
            (f64::NEG_INFINITY, None),
            (f64::NAN, None),
        ] {
            assert_eq!(price("EUR", value).checked_cents(), cents, "{value}");
        }
        assert_eq!(price("USD", 120.0).checked_cents(), None);
        assert_eq!(price("", 120.0).checked_cents(), None);
        assert_eq!(Price::eur(-123_456).checked_cents(), Some(-123_456));
        assert_eq!(Price::eur(-123_456).cents(), -123_456);
    }
}
