//! What the payment step says once it cannot or did go on: a payment the API
//! refused, an order that no longer awaits one (and what it awaits instead),
//! and the confirmation with what comes next.

use leptos::prelude::*;
use mandat_model::billing::{PaymentReceipt, ADMINISTRATIVE_MANDATE};
use mandat_model::orders::{order_todo, OrderTodo};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::order_labels::{not_payable_key, status_words};
use crate::ui::{loaded, Alert, AlertKind, ApiErrorView, ButtonLink, Load};

/// A payment the API did not take, other than field problems.
#[component]
pub fn PayProblem(order_id: u64, error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    match error {
        ApiError::Conflict(_) => view! {
            <Alert kind=AlertKind::Warning title=t(Key::PayConflictTitle)>
                <p>{t(Key::PayConflictBody)}</p>
                <OrderLinks order_id=order_id />
            </Alert>
        }
        .into_any(),
        ApiError::Forbidden(_) => view! {
            <Alert kind=AlertKind::Error title=t(Key::ErrForbiddenTitle)>
                <p>{t(Key::PayForbiddenBody)}</p>
            </Alert>
        }
        .into_any(),
        error => view! {
            <div data-testid="pay-problem">
                <ApiErrorView error=error on_retry=on_retry />
            </div>
        }
        .into_any(),
    }
}

/// The order no longer awaits a payment: what it waits for instead, from its
/// follow-up (a mandate to send is not "already paid"), and where to go.
#[component]
pub fn OrderNotPayable(order_id: u64) -> impl IntoView {
    let api = Api::from_context();
    let state = Load::new(move || {
        let api = api.clone();
        async move {
            let (order, follow_up) =
                futures::future::try_join(api.order(order_id), api.follow_up(order_id)).await?;
            let todo = order_todo(
                follow_up.status,
                follow_up.mandate_state,
                order.expiration_date,
                crate::api::now(),
            );
            Ok::<_, ApiError>((order.expiration_date, todo))
        }
    });
    let retry = Callback::new(move |()| state.refetch());
    move || {
        loaded(state.get(), None, retry, None, move |(expires, todo)| {
            let date = crate::ui::instant_text(expires);
            let body = fill(not_payable_key(todo), &[("date", &date)]);
            let id = order_id.to_string();
            let to_mandate = matches!(todo, OrderTodo::SendMandate | OrderTodo::SendNewMandate);
            let action = to_mandate.then(|| {
                view! {
                    <p>
                        <ButtonLink href=format!("/orders/{id}/mandate") testid="not-payable-action">
                            {t(Key::SendMandateAction)}
                        </ButtonLink>
                    </p>
                }
            });
            view! {
                <Alert kind=AlertKind::Info title=t(Key::OrderNotPayableTitle) level=3 quiet=true>
                    <p data-testid="not-payable-body">{body}</p>
                    {action}
                    <OrderLinks order_id=order_id />
                </Alert>
            }
        })
    }
}

/// Where to go from an order that no longer awaits a payment: its mandate,
/// or the orders.
#[component]
fn OrderLinks(order_id: u64) -> impl IntoView {
    let id = order_id.to_string();
    view! {
        <ul class="mandat-inline-list">
            <li>
                <a href=crate::nav::href(&format!("/orders/{id}/mandate"))>{fill(Key::PayConflictLink, &[("id", &id)])}</a>
            </li>
            <li>
                <a href=crate::nav::href("/")>{t(Key::BackToOrders)}</a>
            </li>
        </ul>
    }
}

/// What happens next, once the payment is recorded.
#[component]
pub fn PaymentConfirmation(
    /// The API's receipt.
    receipt: PaymentReceipt,
) -> impl IntoView {
    let id = receipt.order_id.to_string();
    let is_mandate = receipt.payment_type == ADMINISTRATIVE_MANDATE;
    let title = if is_mandate {
        t(Key::ConfirmMandateTitle)
    } else {
        t(Key::ConfirmCardTitle)
    };
    let status = fill(
        Key::ConfirmStatus,
        &[("status", status_words(receipt.order_status))],
    );
    // The one thing to do next, as the page's primary action, right under the
    // outcome: high in the box, far from where « Confirmer » was, so that the
    // second click of a double click cannot land on it.
    let action = is_mandate.then(|| {
        let link = format!("/orders/{id}/mandate");
        view! {
            <p>
                <ButtonLink href=link testid="mandate-upload-link">
                    {fill(Key::ConfirmStepFormLink, &[("id", &id)])}
                </ButtonLink>
            </p>
        }
    });
    let steps = is_mandate.then(|| {
        view! {
            <h4>{t(Key::ConfirmNextSteps)}</h4>
            <ol class="mandat-steps">
                <li data-testid="confirm-email">
                    {match &receipt.email_sent_to {
                        Some(to) => fill(Key::ConfirmStepEmailTo, &[("to", to)]),
                        None => t(Key::ConfirmStepEmail).to_string(),
                    }}
                </li>
                <li>{t(Key::ConfirmStepForm)}</li>
                <li>{t(Key::ConfirmStepReview)}</li>
                <li>{t(Key::ConfirmStepInvoice)}</li>
            </ol>
        }
    });
    view! {
        // Focus moves to the outcome once it is painted, so that it is read out.
        <Alert kind=AlertKind::Success title=title level=3 takes_focus=true class="mandat-confirmation" testid="payment-confirmation">
            <p data-testid="order-status">{status}</p>
            {action}
            {steps}
        </Alert>
    }
}
