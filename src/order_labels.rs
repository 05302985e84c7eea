//! The catalogue's words for where an order stands, in one place for every
//! page that shows it: its status, the short state of the orders table, the
//! sentence of a checkout that can no longer take a payment; and its badge.

use leptos::prelude::*;
use mandat_model::orders::OrderTodo;
use mandat_model::OrderStatus;

use crate::i18n::{t, Key};
use crate::ui::{Badge, Tone};

/// The order's status as the API reports it, in words.
pub fn status_words(status: OrderStatus) -> &'static str {
    t(match status {
        OrderStatus::NotPaid => Key::StatusNotPaid,
        OrderStatus::Checking => Key::StatusChecking,
        OrderStatus::DocumentsRequested => Key::StatusDocumentsRequested,
        OrderStatus::Delivering => Key::StatusDelivering,
        OrderStatus::Delivered => Key::StatusDelivered,
        OrderStatus::Cancelling => Key::StatusCancelling,
        OrderStatus::Cancelled => Key::StatusCancelled,
        OrderStatus::Unknown => Key::StatusUnknown,
    })
}

/// What the order waits for, in a few words (the orders table's state).
pub fn todo_key(todo: OrderTodo) -> Key {
    match todo {
        OrderTodo::SendNewMandate => Key::TodoSendNewMandate,
        OrderTodo::SendMandate => Key::TodoSendMandate,
        OrderTodo::Pay => Key::TodoPay,
        OrderTodo::MandateUnderReview => Key::TodoMandateUnderReview,
        OrderTodo::Paid => Key::TodoPaid,
        OrderTodo::Delivered => Key::TodoDelivered,
        OrderTodo::Expired => Key::TodoExpired,
        OrderTodo::Cancelled => Key::TodoCancelled,
        OrderTodo::Unknown => Key::TodoUnknown,
    }
}

/// Why an order that cannot be paid cannot be, as a sentence with its
/// `{date}` of expiry.
pub fn not_payable_key(todo: OrderTodo) -> Key {
    match todo {
        OrderTodo::SendMandate => Key::NotPayableSendMandate,
        OrderTodo::SendNewMandate => Key::NotPayableSendNewMandate,
        OrderTodo::MandateUnderReview => Key::NotPayableUnderReview,
        OrderTodo::Paid | OrderTodo::Delivered => Key::NotPayablePaid,
        OrderTodo::Expired => Key::NotPayableExpired,
        OrderTodo::Cancelled => Key::NotPayableCancelled,
        OrderTodo::Pay | OrderTodo::Unknown => Key::NotPayableOther,
    }
}

/// What an order's state means for the buyer: waiting for them, done,
/// moving on its own, or over.
fn state_tone(todo: OrderTodo) -> Tone {
    match todo {
        t if t.needs_the_buyer() => Tone::Warning,
        OrderTodo::Paid | OrderTodo::Delivered => Tone::Success,
        OrderTodo::MandateUnderReview => Tone::Info,
        _ => Tone::Neutral,
    }
}

/// The order's state as a badge.
#[component]
pub fn OrderStateBadge(todo: OrderTodo) -> impl IntoView {
    view! { <Badge tone=state_tone(todo) label=t(todo_key(todo)) testid="order-state" /> }
}
