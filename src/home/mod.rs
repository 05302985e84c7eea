//! `/`: the signed-in account's orders, with links to pay them and to their mandate.

use leptos::prelude::*;
use mandat_model::{Account, ApiError, Order};

use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::ui::{price_text, ApiErrorView, Instant, Loading};

async fn load(api: Api) -> Result<(Account, Vec<Order>), ApiError> {
    let account = api.me().await?;
    let ids = api.order_ids().await?;
    // All orders at once rather than one after the other.
    let mut orders = futures::future::try_join_all(ids.into_iter().map(|id| api.order(id))).await?;
    // Newest first.
    orders.sort_by_key(|o| std::cmp::Reverse(o.date));
    Ok((account, orders))
}

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    crate::set_page_title(t(Key::HomeTitle));
    let api = Api::from_context();
    let data = LocalResource::new(move || load(api.clone()));
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <h1>{t(Key::HomeTitle)}</h1>
        {move || match data.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! { <ApiErrorView error=error on_retry=retry /> }.into_any(),
            Some(Ok((account, orders))) => {
                view! { <OrderList account=account orders=orders /> }.into_any()
            }
        }}
    }
}

/// The account's name and its orders in a table.
#[component]
pub fn OrderList(
    /// The signed-in account.
    account: Account,
    /// Its orders, in display order.
    orders: Vec<Order>,
) -> impl IntoView {
    let intro = fill(Key::HomeIntro, &[("name", &account.name)]);
    let table = if orders.is_empty() {
        view! { <p>{t(Key::HomeNoOrders)}</p> }.into_any()
    } else {
        let rows = orders
            .into_iter()
            .map(|order| {
                let id = order.order_id.to_string();
                let vars = [("id", id.as_str())];
                view! {
                    <tr data-testid="order-row">
                        <th scope="row">{fill(Key::OrderNumber, &vars)}</th>
                        <td>
                            <Instant instant=order.date />
                        </td>
                        <td class="mandat-num">{price_text(&order.price_with_tax)}</td>
                        <td>
                            <ul class="mandat-inline-list">
                                <li>
                                    <a href=crate::nav::href(&format!("/orders/{id}/checkout"))>{fill(Key::PayOrderLink, &vars)}</a>
                                </li>
                                <li>
                                    <a href=crate::nav::href(&format!("/orders/{id}/mandate"))>{fill(Key::MandateOrderLink, &vars)}</a>
                                </li>
                            </ul>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="mandat-table-wrap" tabindex="0" role="region" aria-labelledby="mandat-orders-caption">
                <table class="mandat-table">
                    <caption id="mandat-orders-caption">{t(Key::HomeOrdersCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::ColOrder)}</th>
                            <th scope="col">{t(Key::ColDate)}</th>
                            <th scope="col" class="mandat-num">{t(Key::ColTotalTtc)}</th>
                            <th scope="col">{t(Key::ColActions)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <p class="mandat-lead" data-testid="account-name">{intro}</p>
        {table}
        <p>
            <a href=crate::nav::href("/invoices")>{t(Key::HomeInvoicesLink)}</a>
        </p>
    }
}
