//! Payment methods, payment, order follow-up, invoices (bills), debts and Chorus Pro
//! tracking: the shapes of `api/openapi.yaml` beyond the order itself.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::{OrderStatus, Price};
use crate::chorus::{ChorusEvent, ChorusRouting, ChorusStatus};
use crate::deadline::Deadline;
use crate::mandate::{Mandate, MandateState};

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
/// Why a routing correction is refused (409): the invoice is not, or no longer,
/// à recycler.
pub const BILL_NOT_TO_RECYCLE: &str = "bill_not_to_recycle";

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

/// One step of an order's follow-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpEvent {
    pub date: DateTime<Utc>,
    pub label: String,
    pub description: String,
}

/// `GET /me/order/{orderId}/followUp`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    /// `payment`, `mandate`, `review`, `invoice`, `done`.
    pub step: String,
    pub status: OrderStatus,
    /// Oldest first.
    pub history: Vec<FollowUpEvent>,
    /// The mandate's state, for an order paid by mandate.
    #[serde(default)]
    pub mandate_state: Option<MandateState>,
}

/// What a bill is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BillCategory {
    Purchase,
    Autorenew,
    Earlyrenewal,
    #[serde(other)]
    Other,
}

/// `GET /me/bill/{billId}`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bill {
    pub bill_id: String,
    pub date: DateTime<Utc>,
    pub order_id: u64,
    pub category: BillCategory,
    pub price_without_tax: Price,
    pub tax: Price,
    pub price_with_tax: Price,
    pub pdf_url: String,
    /// The invoice's current status on Chorus Pro; absent when it does not go through it.
    #[serde(default)]
    pub chorus_status: Option<ChorusStatus>,
    /// The payment due date, where there is one (see `deadline`).
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// The payment deadline's state; absent when the bill does not go through
    /// Chorus Pro (one that does not decode is `Unknown`, not a failure).
    #[serde(default, deserialize_with = "crate::deadline::lenient")]
    pub deadline: Option<Deadline>,
}

/// `GET /me/bill`: one page of bills, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillPage {
    pub bills: Vec<Bill>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    /// Bills matching the filters, all pages together.
    pub total: u64,
}

/// `GET /me/bill/{billId}/debt` status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DebtStatus {
    Paid,
    Unpaid,
    ToBePaid,
    Unmatured,
    Refunded,
    /// The invoice was rejected: void, nothing is owed on it.
    Cancelled,
    #[serde(other)]
    Unknown,
}

/// `GET /me/bill/{billId}/debt`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Debt {
    pub status: DebtStatus,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub amount: Price,
    /// What is left to pay of the invoice (late-payment interest owed shows with
    /// the deadline); `null` when it cannot be known: the structure does not
    /// report its payments.
    #[serde(default)]
    pub pending_amount: Option<Price>,
}

/// The debt of an invoice from its payment deadline: paid once put in payment
/// (interest still owed after a late payment shows with the deadline); cancelled
/// when rejected; unpaid once overdue; to be paid while the deadline runs or is
/// interrupted; unmatured before it starts; unknown when the structure does not
/// report its payments (Chorus Pro cannot tell whether it paid).
pub fn debt_status(deadline: &Deadline) -> DebtStatus {
    match deadline {
        Deadline::PaidOnTime { .. } | Deadline::PaidLate { .. } => DebtStatus::Paid,
        Deadline::Void => DebtStatus::Cancelled,
        Deadline::Overdue { .. } => DebtStatus::Unpaid,
        Deadline::Running { .. } | Deadline::Interrupted { .. } => DebtStatus::ToBePaid,
        Deadline::NotStarted { .. } => DebtStatus::Unmatured,
        Deadline::PaymentNotReported { .. } | Deadline::Unknown => DebtStatus::Unknown,
    }
}

/// `GET /me/bill/{billId}/chorus`: the invoice's journey on Chorus Pro.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChorusTracking {
    pub bill_id: String,
    /// Chorus Pro's own identifier of the invoice.
    pub chorus_invoice_id: String,
    pub siret: String,
    pub structure_name: String,
    #[serde(default)]
    pub code_service: String,
    #[serde(default)]
    pub numero_engagement: String,
    #[serde(default)]
    pub status: Option<ChorusStatus>,
    /// Sorted by each event's own date, oldest first.
    pub history: Vec<ChorusEvent>,
    /// Absent only from an API that does not compute it (one that does not
    /// decode is `Unknown`, not a failure).
    #[serde(default, deserialize_with = "crate::deadline::lenient")]
    pub deadline: Option<Deadline>,
    /// The structure never reports `MISE_EN_PAIEMENT`.
    pub statut_mise_en_paiement_nest_pas_remonte: bool,
}

/// `POST /sandbox/bills/{billId}/events`: the operator appends a status event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewChorusEvent {
    pub status: ChorusStatus,
    #[serde(default)]
    pub reason: Option<String>,
    /// Defaults to now; an earlier date simulates an event arriving late.
    #[serde(default)]
    pub date: Option<DateTime<Utc>>,
}

/// `POST /sandbox/orders/{orderId}/mandate/reject`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MandateRejection {
    #[serde(default)]
    pub reason: String,
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

    #[test]
    fn debt_status_follows_the_deadline() {
        let d = |day: u32| NaiveDate::from_ymd_opt(2026, 5, day).unwrap();
        for (deadline, expected) in [
            (
                Deadline::PaidOnTime {
                    due_date: d(10),
                    paid_on: d(9),
                },
                DebtStatus::Paid,
            ),
            (
                Deadline::PaidLate {
                    due_date: d(10),
                    paid_on: d(12),
                    days_late: 2,
                    interest: None,
                    pay_by: d(27),
                },
                DebtStatus::Paid,
            ),
            (Deadline::Void, DebtStatus::Cancelled),
            (
                Deadline::Overdue {
                    start_date: d(1),
                    days: 30,
                    interruption: None,
                    due_date: d(10),
                    days_late: 5,
                    interest: None,
                },
                DebtStatus::Unpaid,
            ),
            (
                Deadline::PaymentNotReported {
                    start_date: d(1),
                    days: 30,
                    interruption: None,
                    due_date: d(10),
                },
                DebtStatus::Unknown,
            ),
            (
                Deadline::NotStarted {
                    after_recycling: true,
                },
                DebtStatus::Unmatured,
            ),
            (Deadline::Unknown, DebtStatus::Unknown),
        ] {
            assert_eq!(debt_status(&deadline), expected, "{deadline:?}");
        }
    }

    #[test]
    fn a_company_is_told_apart_by_the_mandate_refused_to_it() {
        let method = |reason: &str| UnavailablePaymentMethod {
            payment_type: ADMINISTRATIVE_MANDATE.into(),
            payment_sub_type: Some(CHORUS.into()),
            reason: reason.into(),
        };
        let methods = |unavailable| PaymentMethods {
            available: vec![],
            registered: vec![],
            unavailable,
        };
        assert!(methods(vec![method(NOT_PUBLIC_ADMINISTRATION)]).not_public_administration());
        assert!(!methods(vec![method(NO_CHORUS_STRUCTURE)]).not_public_administration());
        assert!(!methods(vec![]).not_public_administration());
    }

    #[test]
    fn pay_request_shape() {
        let body = r#"{"paymentMethod":{"paymentType":"ADMINISTRATIVE_MANDATE"},
            "chorus":{"siret":"21310555400017","codeService":"SERV-FIN","numeroEngagement":""}}"#;
        let req: PayRequest = serde_json::from_str(body).unwrap();
        assert_eq!(req.payment_method.payment_type, ADMINISTRATIVE_MANDATE);
        assert_eq!(req.chorus.unwrap().code_service, "SERV-FIN");
        assert_eq!(
            serde_json::from_str::<DebtStatus>("\"TO_BE_PAID\"").unwrap(),
            DebtStatus::ToBePaid
        );
        assert_eq!(
            serde_json::from_str::<BillCategory>("\"autorenew\"").unwrap(),
            BillCategory::Autorenew
        );
    }
}
