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

    /// The value in cents, rounded: amounts are never added up as floats.
    pub fn cents(&self) -> i64 {
        (self.value * 100.0).round() as i64
    }
}

/// `GET /me/order/{orderId}`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub order_id: u64,
    pub date: DateTime<Utc>,
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
