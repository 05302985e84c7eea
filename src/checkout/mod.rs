//! The checkout page of an order: its summary, then the payment-method step.

use leptos::prelude::*;
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, Key};
use crate::ui::{ApiErrorView, Loading};

mod payment;
mod summary;
pub use payment::*;
pub use summary::OrderSummary;

/// The order id of the current route (`:orderId`); `None` when it is not a number.
pub fn use_order_id() -> Signal<Option<u64>> {
    let id = crate::nav::use_param("orderId");
    Signal::derive(move || id.get().and_then(|s| s.parse().ok()))
}

/// `/orders/:orderId/checkout`
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let order_id = use_order_id();
    view! { {move || order_id.get().map(|id| view! { <Checkout order_id=id /> }.into_any()).unwrap_or_else(|| view! { <crate::NotFound /> }.into_any())} }
}

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
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.order(order_id).await }
        })
    };
    let details = LocalResource::new(move || {
        let api = api.clone();
        async move { api.order_details(order_id).await }
    });
    let retry = Callback::new(move |()| {
        order.refetch();
        details.refetch();
    });

    view! {
        <h1>{title}</h1>
        {move || match (order.get(), details.get()) {
            (Some(Err(error)), _) | (_, Some(Err(error))) => {
                view! { <CheckoutError error=error on_retry=retry /> }.into_any()
            }
            (Some(Ok(order)), Some(Ok(details))) => {
                view! {
                    <div class="mandat-checkout">
                        <div class="mandat-checkout__summary">
                            <OrderSummary order=order details=details />
                        </div>
                        <div class="mandat-checkout__payment">
                            <PaymentStep order_id=order_id />
                        </div>
                    </div>
                }
                    .into_any()
            }
            _ => view! { <Loading /> }.into_any(),
        }}
    }
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
            not_found=(Key::ErrOrderNotFoundTitle, Key::ErrOrderNotFoundBody)
        />
    }
}
