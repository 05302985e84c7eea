//! Payment methods, payment, order follow-up, invoices (bills), debts and Chorus Pro
//! tracking: the shapes of `api/openapi.yaml` beyond the order itself.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::{OrderStatus, Price};
use crate::chorus::{ChorusEvent, ChorusStatus};
use crate::deadline::Deadline;
use crate::mandate::MandateState;

mod payment;
pub use payment::*;

/// Why a routing correction is refused (409): the invoice is not, or no longer,
/// à recycler.
pub const BILL_NOT_TO_RECYCLE: &str = "bill_not_to_recycle";

/// One step of an order's follow-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpEvent {
    #[serde(deserialize_with = "crate::wire_time::instant")]
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
    #[serde(deserialize_with = "crate::wire_time::instant")]
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
    #[serde(default, deserialize_with = "crate::wire_time::optional_day")]
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
    #[serde(default, deserialize_with = "crate::wire_time::optional_day")]
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
    #[serde(default, deserialize_with = "crate::wire_time::optional_instant")]
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
