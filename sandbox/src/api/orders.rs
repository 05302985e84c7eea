//! Orders: the list, one order, its lines, its status, its follow-up, and the
//! payment methods it may be paid with.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use mandat_model::billing::{
    FollowUp, PaymentIcon, PaymentMethod, PaymentMethods, UnavailablePaymentMethod,
    ADMINISTRATIVE_MANDATE, CHORUS, CREDIT_CARD, ORDER_NOT_PAYABLE,
};
use mandat_model::mandate::MandateState;
use mandat_model::OrderStatus;

use crate::db;
use crate::http::error::{ok, ApiResult};
use crate::http::extract::{Me, OrderId};
use crate::service::orders::{mandate_refusal, order_lines, own_order};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/order", get(orders))
        .route("/me/order/{orderId}", get(order))
        .route("/me/order/{orderId}/details", get(details))
        .route("/me/order/{orderId}/status", get(status))
        .route("/me/order/{orderId}/followUp", get(follow_up))
        .route("/me/order/{orderId}/paymentMethods", get(payment_methods))
}

async fn orders(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.read()?;
    let ids = db::orders::ids(&conn, &account)?;
    Ok(ok(&ids))
}

async fn order(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let conn = st.read()?;
    let (order, _) = own_order(&conn, &account, id)?;
    Ok(ok(&order))
}

async fn details(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let conn = st.read()?;
    own_order(&conn, &account, id)?;
    Ok(ok(&order_lines(&conn, id)?))
}

async fn status(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let conn = st.read()?;
    let (_, status) = own_order(&conn, &account, id)?;
    Ok(ok(&status))
}

async fn follow_up(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let conn = st.read()?;
    let (_, status) = own_order(&conn, &account, id)?;
    let history = db::orders::events(&conn, id)?;
    let mandate_state = db::mandates::state(&conn, id)?;
    let step = match status {
        OrderStatus::NotPaid => "payment",
        OrderStatus::DocumentsRequested if mandate_state.as_deref() == Some("underReview") => {
            "review"
        }
        OrderStatus::DocumentsRequested => "mandate",
        OrderStatus::Checking => "review",
        OrderStatus::Delivering => "invoice",
        _ => "done",
    };
    Ok(ok(&FollowUp {
        step: step.into(),
        status,
        history,
        mandate_state: mandate_state.map(|s| db::from_code(&s).unwrap_or(MandateState::Unknown)),
    }))
}

fn mandate_method() -> PaymentMethod {
    PaymentMethod {
        payment_type: ADMINISTRATIVE_MANDATE.into(),
        payment_sub_type: Some(CHORUS.into()),
        integration: "NONE".into(),
        oneshot: true,
        registerable: false,
        icon: Some(PaymentIcon {
            name: "administrative-mandate".into(),
            url: None,
        }),
    }
}

fn card_method() -> PaymentMethod {
    PaymentMethod {
        payment_type: CREDIT_CARD.into(),
        payment_sub_type: None,
        integration: "REDIRECT".into(),
        oneshot: true,
        registerable: true,
        icon: Some(PaymentIcon {
            name: "credit-card".into(),
            url: None,
        }),
    }
}

fn unavailable(method: &PaymentMethod, reason: &str) -> UnavailablePaymentMethod {
    UnavailablePaymentMethod {
        payment_type: method.payment_type.clone(),
        payment_sub_type: method.payment_sub_type.clone(),
        reason: reason.into(),
    }
}

async fn payment_methods(
    Me(account): Me,
    State(st): State<AppState>,
    OrderId(id): OrderId,
) -> ApiResult {
    let conn = st.read()?;
    let (_, status) = own_order(&conn, &account, id)?;
    let mut methods = PaymentMethods {
        available: Vec::new(),
        registered: Vec::new(),
        unavailable: Vec::new(),
    };
    if status != OrderStatus::NotPaid {
        for m in [mandate_method(), card_method()] {
            methods.unavailable.push(unavailable(&m, ORDER_NOT_PAYABLE));
        }
        return Ok(ok(&methods));
    }
    match mandate_refusal(&conn, &account)? {
        None => methods.available.push(mandate_method()),
        Some(reason) => methods
            .unavailable
            .push(unavailable(&mandate_method(), reason)),
    }
    methods.available.push(card_method());
    Ok(ok(&methods))
}
