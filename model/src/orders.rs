//! The orders page as a to-do list: what each order is waiting for, in words,
//! which actions apply to it, and what needs the buyer first.

use chrono::{DateTime, Utc};

use crate::api::OrderStatus;
use crate::mandate::MandateState;

/// Where an order stands, as the buyer reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OrderTodo {
    // In the order the list shows them: what needs the buyer first.
    /// The mandate was refused: a new signed copy is to be sent.
    SendNewMandate,
    /// Paid by mandate: the signed form is to be sent.
    SendMandate,
    /// Awaiting payment, not expired.
    Pay,
    /// The signed form is being checked by the provider.
    MandateUnderReview,
    /// Paid (by card, or the mandate accepted): being delivered.
    Paid,
    Delivered,
    /// Never paid, past its expiry date.
    Expired,
    Cancelled,
    /// A state this version does not know.
    Unknown,
}

impl OrderTodo {
    /// Whether the buyer has something to do on it.
    pub fn needs_the_buyer(self) -> bool {
        matches!(
            self,
            OrderTodo::SendNewMandate | OrderTodo::SendMandate | OrderTodo::Pay
        )
    }

    /// The order's expiry date matters: it is not paid yet (to pay, or its
    /// signed mandate to send, once more after a refusal), or it expired so.
    pub fn expiry_applies(self) -> bool {
        self.needs_the_buyer() || self == OrderTodo::Expired
    }

    /// The checkout applies: an unpaid order that has not expired.
    pub fn can_pay(self) -> bool {
        self == OrderTodo::Pay
    }

    /// A stable code, for tests and styles.
    pub fn code(self) -> &'static str {
        match self {
            OrderTodo::SendNewMandate => "send-new-mandate",
            OrderTodo::SendMandate => "send-mandate",
            OrderTodo::Pay => "pay",
            OrderTodo::MandateUnderReview => "mandate-under-review",
            OrderTodo::Paid => "paid",
            OrderTodo::Delivered => "delivered",
            OrderTodo::Expired => "expired",
            OrderTodo::Cancelled => "cancelled",
            OrderTodo::Unknown => "unknown",
        }
    }
}

/// What the order waits for, from its status, its mandate if it has one, and its
/// expiry date (on `now`).
pub fn order_todo(
    status: OrderStatus,
    mandate: Option<MandateState>,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> OrderTodo {
    match status {
        OrderStatus::NotPaid if expires <= now => OrderTodo::Expired,
        OrderStatus::NotPaid => OrderTodo::Pay,
        OrderStatus::DocumentsRequested => match mandate {
            Some(MandateState::Rejected) => OrderTodo::SendNewMandate,
            Some(MandateState::UnderReview) => OrderTodo::MandateUnderReview,
            _ => OrderTodo::SendMandate,
        },
        OrderStatus::Checking => OrderTodo::MandateUnderReview,
        OrderStatus::Delivering => OrderTodo::Paid,
        OrderStatus::Delivered => OrderTodo::Delivered,
        OrderStatus::Cancelling | OrderStatus::Cancelled => OrderTodo::Cancelled,
        OrderStatus::Unknown => OrderTodo::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn each_order_waits_for_what_its_state_says() {
        let now = at("2026-11-30T10:00:00Z");
        let later = at("2026-12-14T10:00:00Z");
        let past = at("2026-11-29T10:00:00Z");
        use MandateState::*;
        use OrderStatus::*;
        for (status, mandate, expires, expected) in [
            (NotPaid, None, later, OrderTodo::Pay),
            (NotPaid, None, past, OrderTodo::Expired),
            (NotPaid, None, now, OrderTodo::Expired),
            (
                DocumentsRequested,
                Some(AwaitingDocument),
                past,
                OrderTodo::SendMandate,
            ),
            (DocumentsRequested, None, later, OrderTodo::SendMandate),
            (
                DocumentsRequested,
                Some(Rejected),
                later,
                OrderTodo::SendNewMandate,
            ),
            (
                DocumentsRequested,
                Some(UnderReview),
                later,
                OrderTodo::MandateUnderReview,
            ),
            (
                Checking,
                Some(UnderReview),
                later,
                OrderTodo::MandateUnderReview,
            ),
            (Delivering, Some(Accepted), past, OrderTodo::Paid),
            (Delivering, None, past, OrderTodo::Paid),
            (Delivered, None, past, OrderTodo::Delivered),
            (Cancelling, None, later, OrderTodo::Cancelled),
            (Cancelled, None, later, OrderTodo::Cancelled),
            (OrderStatus::Unknown, None, later, OrderTodo::Unknown),
        ] {
            assert_eq!(
                order_todo(status, mandate, expires, now),
                expected,
                "{status:?} {mandate:?}"
            );
        }
    }

    #[test]
    fn what_needs_the_buyer_comes_first() {
        let mut todos = vec![
            OrderTodo::Delivered,
            OrderTodo::Pay,
            OrderTodo::MandateUnderReview,
            OrderTodo::SendNewMandate,
            OrderTodo::Expired,
            OrderTodo::SendMandate,
        ];
        todos.sort();
        assert_eq!(
            todos,
            [
                OrderTodo::SendNewMandate,
                OrderTodo::SendMandate,
                OrderTodo::Pay,
                OrderTodo::MandateUnderReview,
                OrderTodo::Delivered,
                OrderTodo::Expired,
            ]
        );
        assert!(todos[..3].iter().all(|t| t.needs_the_buyer()));
        assert!(!todos[3..].iter().any(|t| t.needs_the_buyer()));
        assert!(OrderTodo::Pay.can_pay());
        let with_expiry: Vec<_> = todos.iter().filter(|t| t.expiry_applies()).collect();
        assert_eq!(
            with_expiry,
            [
                &OrderTodo::SendNewMandate,
                &OrderTodo::SendMandate,
                &OrderTodo::Pay,
                &OrderTodo::Expired,
            ]
        );
        assert!(!OrderTodo::Expired.can_pay());
    }
}
