//! `/`: the signed-in account's orders as a to-do list: what each waits for, and
//! only the actions that apply (pay it, its mandate).

use leptos::prelude::*;
use mandat_model::billing::FollowUp;
use mandat_model::locale::format_day;
use mandat_model::orders::{order_todo, OrderTodo};
use mandat_model::renewal::{engagements_to_give, Renewal};
use mandat_model::{Account, ApiError, Order};

use crate::api::Api;
use crate::i18n::{fill, locale, marked, t, Key};
use crate::ui::{loaded, price_text, Instant};

/// An order with where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderItem {
    pub order: Order,
    pub todo: OrderTodo,
    /// It was paid by mandate: its mandate page applies.
    pub by_mandate: bool,
}

async fn load(api: Api) -> Result<(Account, Vec<OrderItem>, Vec<Renewal>), ApiError> {
    let (account, ids, renewals) =
        futures::future::join3(api.me(), api.order_ids(), api.renewals()).await;
    let (account, ids) = (account?, ids?);
    // The orders are the page: renewals that cannot be read leave their to-do
    // out, and their own page says what went wrong.
    let renewals = renewals.unwrap_or_default();
    let now = crate::api::now();
    // All orders at once rather than one after the other.
    let mut items = futures::future::try_join_all(ids.into_iter().map(|id| {
        let api = api.clone();
        async move {
            let (order, follow_up) =
                futures::future::try_join(api.order(id), api.follow_up(id)).await?;
            Ok::<_, ApiError>(order_item(order, &follow_up, now))
        }
    }))
    .await?;
    // What needs the buyer first, then the newest.
    items.sort_by_key(|i| (i.todo, std::cmp::Reverse(i.order.date)));
    Ok((account, items, renewals))
}

/// The order as the list shows it, from its follow-up.
pub fn order_item(
    order: Order,
    follow_up: &FollowUp,
    now: chrono::DateTime<chrono::Utc>,
) -> OrderItem {
    OrderItem {
        todo: order_todo(
            follow_up.status,
            follow_up.mandate_state,
            order.expiration_date,
            now,
        ),
        by_mandate: follow_up.mandate_state.is_some(),
        order,
    }
}

/// The renewals missing the numéro d'engagement of their budget year, as
/// things to do, with a link to where it is given.
fn renewal_todo(renewals: &[Renewal]) -> Option<impl IntoView> {
    let due = engagements_to_give(renewals);
    if due.is_empty() {
        return None;
    }
    let items = due
        .into_iter()
        .map(|r| {
            let year = r.budget_year().to_string();
            let date = format_day(r.next_renewal_date, locale());
            view! {
                <li data-testid="renewal-todo">
                    {marked(fill(
                        Key::HomeRenewalTodo,
                        &[("year", &year), ("label", &r.label), ("date", &date)],
                    ))}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="mandat-alert mandat-alert--warning" aria-labelledby="mandat-home-renewals" data-testid="home-renewals">
            <h2 id="mandat-home-renewals" class="mandat-alert__title">{t(Key::HomeRenewalsTodo)}</h2>
            <ul>{items}</ul>
            <p>
                <a href=crate::nav::href("/renewals")>{t(Key::HomeRenewalsLink)}</a>
            </p>
        </section>
    })
}

fn todo_key(todo: OrderTodo) -> Key {
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

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    crate::set_page_title(t(Key::HomeTitle));
    let api = Api::from_context();
    let data = LocalResource::new(move || load(api.clone()));
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <h1>{t(Key::HomeTitle)}</h1>
        {move || {
            loaded(data.get(), None, retry, None, |(account, orders, renewals)| {
                view! { <OrderList account=account orders=orders renewals=renewals /> }
            })
        }}
    }
}

/// The account's name and its orders as a to-do list: the state of each in
/// words, and only the actions that apply to it.
#[component]
pub fn OrderList(
    /// The signed-in account.
    account: Account,
    /// Its orders, in display order (what needs the buyer first).
    orders: Vec<OrderItem>,
    /// Its renewals: those missing a numéro d'engagement come first, as
    /// things to do.
    #[prop(optional)]
    renewals: Vec<Renewal>,
) -> impl IntoView {
    let renewals_todo = renewal_todo(&renewals);
    let intro = fill(Key::HomeIntro, &[("name", &account.name)]);
    let waiting = orders.iter().filter(|i| i.todo.needs_the_buyer()).count();
    let todo_count = match waiting {
        0 => t(Key::HomeTodoNone).to_string(),
        1 => t(Key::HomeTodoOne).to_string(),
        n => fill(Key::HomeTodoMany, &[("count", &n.to_string())]),
    };
    let table = if orders.is_empty() {
        view! { <p>{t(Key::HomeNoOrders)}</p> }.into_any()
    } else {
        let rows = orders
            .into_iter()
            .map(|item| {
                let OrderItem { order, todo, by_mandate } = item;
                let id = order.order_id.to_string();
                let vars = [("id", id.as_str())];
                let pay = todo.can_pay().then(|| {
                    view! {
                        <li>
                            <a href=crate::nav::href(&format!("/orders/{id}/checkout"))>{fill(Key::PayOrderLink, &vars)}</a>
                        </li>
                    }
                });
                let mandate = by_mandate.then(|| {
                    view! {
                        <li>
                            <a href=crate::nav::href(&format!("/orders/{id}/mandate"))>{fill(Key::MandateOrderLink, &vars)}</a>
                        </li>
                    }
                });
                // The expiry date matters while the order is unpaid.
                let expiry = matches!(todo, OrderTodo::Pay | OrderTodo::Expired)
                    .then(|| view! { <Instant instant=order.expiration_date /> });
                let class = if todo.needs_the_buyer() {
                    "mandat-order-state mandat-order-state--todo"
                } else {
                    "mandat-order-state"
                };
                view! {
                    <tr data-testid="order-row" data-order=id.clone() data-state=todo.code()>
                        <th scope="row">{fill(Key::OrderNumber, &vars)}</th>
                        <td>
                            <Instant instant=order.date />
                        </td>
                        <td class="mandat-num">{price_text(&order.price_with_tax)}</td>
                        <td>
                            <span class=class data-testid="order-state">{t(todo_key(todo))}</span>
                        </td>
                        <td>{expiry}</td>
                        <td>
                            <ul class="mandat-inline-list">{pay}{mandate}</ul>
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
                            <th scope="col">{t(Key::ColState)}</th>
                            <th scope="col">{t(Key::ColExpiry)}</th>
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
        {renewals_todo}
        <p data-testid="todo-count">{todo_count}</p>
        {table}
        <p>
            <a href=crate::nav::href("/invoices")>{t(Key::HomeInvoicesLink)}</a>
        </p>
    }
}
