//! Paying an order: the methods offered, the one chosen, the receipt.

use serde::{Deserialize, Serialize};

use crate::api::OrderStatus;
use crate::chorus::ChorusRouting;
use crate::mandate::Mandate;

/// `paymentType` of the administrative mandate.
pub const ADMINISTRATIVE_MANDATE: &str = "ADMINISTRATIVE_MANDATE";
/// `paymentSubType` of the administrative mandate.
pub const CHORUS: &str = "CHORUS";
/// Payment type of a card payment.
pub const CREDIT_CARD: &str = "CREDIT_CARD";
/// Why the mandate is unavailable: the account is not declared a public administration.
pub const NOT_PUBLIC_ADMINISTRATION: &str = "NOT_PUBLIC_ADMINISTRATION";
/// Why the mandate is unavailable: the account has no Chorus Pro structure.
pub const NO_CHORUS_STRUCTURE: &str = "NO_CHORUS_STRUCTURE";
/// Why no method is offered: the order is no longer awaiting payment.
pub const ORDER_NOT_PAYABLE: &str = "ORDER_NOT_PAYABLE";

/// An icon of a payment method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentIcon {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// One way to pay an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMethod {
    pub payment_type: String,
    #[serde(default)]
    pub payment_sub_type: Option<String>,
    /// How the app collects it: `NONE` (nothing to collect), `REDIRECT`, `IFRAME_VANTIV`...
    pub integration: String,
    pub oneshot: bool,
    pub registerable: bool,
    #[serde(default)]
    pub icon: Option<PaymentIcon>,
}

/// A method that exists but does not apply to this account or order, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnavailablePaymentMethod {
    pub payment_type: String,
    #[serde(default)]
    pub payment_sub_type: Option<String>,
    /// Stable code, e.g. `NOT_PUBLIC_ADMINISTRATION`; the app words it.
    pub reason: String,
}

/// `GET /me/order/{orderId}/paymentMethods`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMethods {
    pub available: Vec<PaymentMethod>,
    /// Ids of the account's registered means of payment.
    pub registered: Vec<u64>,
    #[serde(default)]
    pub unavailable: Vec<UnavailablePaymentMethod>,
}

impl PaymentMethods {
    /// The account is not declared a public administration: the mandate, and the
    /// tripartite convention that goes with public accounting, are not for it.
    pub fn not_public_administration(&self) -> bool {
        self.unavailable.iter().any(|u| {
            u.payment_type == ADMINISTRATIVE_MANDATE && u.reason == NOT_PUBLIC_ADMINISTRATION
        })
    }
}

/// The method chosen in `POST /me/order/{orderId}/pay`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMethodChoice {
    #[serde(default)]
    pub payment_type: String,
    /// A registered means of payment, for the methods that have one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "integral_id"
    )]
    pub id: Option<u64>,
}

/// An id as JSON numbers carry it: `58651.0` is the integer 58651 (JSON Schema's
/// `integer` counts it as one, and so do JavaScript senders), a fraction is not.
fn integral_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    use serde::de::Error as _;
    match Option::<serde_json::Number>::deserialize(deserializer)? {
        None => Ok(None),
        Some(n) => match (n.as_u64(), n.as_f64()) {
            (Some(id), _) => Ok(Some(id)),
            (None, Some(f)) if f >= 0.0 && f.fract() == 0.0 && f < u64::MAX as f64 => {
                Ok(Some(f as u64))
            }
            _ => Err(D::Error::custom(format!(
                "{n} is not an id (an integer from 0)"
            ))),
        },
    }
}

/// `POST /me/order/{orderId}/pay`; the header `Idempotency-Key` makes it safe to retry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayRequest {
    pub payment_method: PaymentMethodChoice,
    /// Required for the administrative mandate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chorus: Option<ChorusRouting>,
}

/// The answer of `POST /me/order/{orderId}/pay`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentReceipt {
    pub order_id: u64,
    pub payment_type: String,
    /// The order's status after payment: `documentsRequested` for the mandate.
    pub order_status: OrderStatus,
    /// For the administrative mandate: what to do next.
    #[serde(default)]
    pub mandate: Option<Mandate>,
    /// The address the provider's e-mail (the form and what to do) went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_sent_to: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payment_method_id_is_read_as_json_numbers_carry_integers() {
        let id = |json: &str| serde_json::from_str::<PaymentMethodChoice>(json).map(|c| c.id);
        assert_eq!(id(r#"{"paymentType":"CREDIT_CARD"}"#).unwrap(), None);
        assert_eq!(
            id(r#"{"paymentType":"CREDIT_CARD","id":null}"#).unwrap(),
            None
        );
        assert_eq!(
            id(r#"{"paymentType":"CREDIT_CARD","id":58651}"#).unwrap(),
            Some(58651)
        );
        assert_eq!(
            id(r#"{"paymentType":"CREDIT_CARD","id":58651.0}"#).unwrap(),
            Some(58651)
        );
        assert_eq!(
            id(r#"{"paymentType":"CREDIT_CARD","id":5e3}"#).unwrap(),
            Some(5000)
        );
        for not_an_id in ["58651.5", "-1", "-1.0", "1e30", "\"7\""] {
            let json = format!(r#"{{"paymentType":"CREDIT_CARD","id":{not_an_id}}}"#);
            assert!(id(&json).is_err(), "{not_an_id} is not an id");
        }
    }
}
