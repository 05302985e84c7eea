//! The checkout page of an order: its summary, then the payment-method step.

use leptos::prelude::*;
use mandat_model::{ApiError, Order, OrderDetail};

use crate::api::Api;
use crate::i18n::{fill, Key};
use crate::ui::{ApiErrorView, Load, Loading, PageHeader};

mod controller;
mod outcome;
mod payment;
mod summary;
pub use controller::Payment;
pub use outcome::PaymentConfirmation;
pub use payment::*;
pub use summary::{OrderFigures, OrderSummary};

/// The checkout of one order.
#[component]
pub fn Checkout(
    /// The order being paid.
    order_id: u64,
) -> impl IntoView {
    let title = fill(Key::CheckoutTitle, &[("id", &order_id.to_string())]);
    crate::set_page_title(&title);
    let api = Api::from_context();
    let order = {
        let api = api.clone();
        Load::new(move || {
            let api = api.clone();
            async move { api.order(order_id).await }
        })
    };
    let details = Load::new(move || {
        let api = api.clone();
        async move { api.order_details(order_id).await }
    });
    // Shown only once the summary is, but asked for now: one round trip less.
    let payment = load_payment_data(order_id);
    let retry = Callback::new(move |()| {
        order.refetch();
        details.refetch();
        payment.refetch();
    });

    // The page changes only when what it shows changes: a retry that brings
    // back the same order must not rebuild the payment form and lose what was
    // chosen or typed in it.
    let stage = Memo::new(move |_| match (order.get(), details.get()) {
        (Some(Err(error)), _) | (_, Some(Err(error))) => Stage::Failed(error),
        (Some(Ok(order)), Some(Ok(details))) => Stage::Ready(order, details),
        _ => Stage::Loading,
    });

    // What is owed and by when, as the page's key figures, once known.
    let figures = move || match stage.get() {
        Stage::Ready(order, _) => Some(view! { <OrderFigures order=order /> }),
        _ => None,
    };
    view! {
        <PageHeader title=title testid="checkout-header">{figures}</PageHeader>
        {move || match stage.get() {
            Stage::Failed(error) => {
                view! { <CheckoutError error=error on_retry=retry /> }.into_any()
            }
            Stage::Ready(order, details) => {
                // The one task (the payment step), then the order's lines: on
                // a phone the methods come before the lines; on a desktop the
                // lines sit beside them.
                view! {
                    <div class="mandat-checkout">
                        <div class="mandat-checkout__payment">
                            <PaymentStep order_id=order_id data=payment />
                        </div>
                        <div class="mandat-checkout__summary">
                            <OrderSummary order=order details=details />
                        </div>
                    </div>
                }
                    .into_any()
            }
            Stage::Loading => view! { <Loading /> }.into_any(),
        }}
    }
}

/// What the checkout page shows.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Loading,
    Failed(ApiError),
    Ready(Order, Vec<OrderDetail>),
}

/// Why the order could not be shown, with the words for a missing order.
#[component]
pub fn CheckoutError(
    /// What went wrong.
    error: ApiError,
    /// Loads the order again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <ApiErrorView
            error=error
            on_retry=on_retry
            not_found=crate::ui::NotFound {
                title: Key::ErrOrderNotFoundTitle,
                body: Key::ErrOrderNotFoundBody,
                back_to: "/",
                back: Key::BackToOrders,
            }
        />
    }
}
