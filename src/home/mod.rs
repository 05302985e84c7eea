//! `/`: what waits for the signed-in account first, as one to-do list (orders,
//! invoices, renewals), then its orders: what each waits for, and only the
//! actions that apply (pay it, its mandate).

mod todo;

use leptos::prelude::*;
use mandat_model::billing::{Bill, BillPage, FollowUp};
use mandat_model::chorus::ChorusStatus;
use mandat_model::documents::DocumentsState;
use mandat_model::locale::paris_day;
use mandat_model::orders::{order_todo, OrderTodo};
use mandat_model::timeline::page_count;
use mandat_model::todo::{todo_list, Todo, BILL_PAGE_SIZE};
use mandat_model::{Account, ApiError, Order};

use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::order_labels::OrderStateBadge;
use crate::ui::{
    loaded, price_text, ButtonLink, Cell, CellKind, Column, DataTable, Emphasis, Instant, Load,
    PageHeader, RowHeader,
};
pub use todo::TodoList;

/// An order with where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderItem {
    pub order: Order,
    pub todo: OrderTodo,
    /// It was paid by mandate: its mandate page applies.
    pub by_mandate: bool,
}

/// What `/` shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Home {
    pub account: Account,
    /// In display order (what needs the buyer first, then the newest).
    pub orders: Vec<OrderItem>,
    /// What waits for the buyer, the most urgent first.
    pub todo: Vec<Todo>,
    /// The invoices or the renewals could not be read: their to-dos are missing.
    pub incomplete: bool,
}

/// Every invoice that can wait for the buyer, all pages.
async fn load_bills(api: &Api) -> Result<Vec<Bill>, ApiError> {
    let first: BillPage = api.bills_waiting(1).await?;
    let pages = page_count(first.total, BILL_PAGE_SIZE);
    let rest = futures::future::try_join_all(
        (2..=pages).map(|page| async move { api.bills_waiting(page).await }),
    )
    .await?;
    Ok(first
        .bills
        .into_iter()
        .chain(rest.into_iter().flat_map(|p| p.bills))
        .collect())
}

/// The suspended invoices whose documents were sent already: they stay
/// suspended until the provider adds them, and wait for the buyer no more. One
/// whose documents cannot be read stays on the list; its page says more.
async fn documents_sent(api: &Api, bills: &[Bill]) -> Vec<String> {
    let suspended = bills
        .iter()
        .filter(|b| b.chorus_status == Some(ChorusStatus::Suspendue));
    futures::future::join_all(suspended.map(|b| async move {
        let sent = matches!(
            api.bill_documents(&b.bill_id).await,
            Ok(d) if d.state == DocumentsState::BeingAdded
        );
        sent.then(|| b.bill_id.clone())
    }))
    .await
    .into_iter()
    .flatten()
    .collect()
}

async fn load(api: Api) -> Result<Home, ApiError> {
    let (account, ids, renewals, bills) =
        futures::future::join4(api.me(), api.order_ids(), api.renewals(), load_bills(&api)).await;
    let (account, ids) = (account?, ids?);
    // The orders are the page: invoices or renewals that cannot be read leave
    // their to-dos out, the page says so, and their own pages say what went wrong.
    let incomplete = renewals.is_err() || bills.is_err();
    let (renewals, bills) = (renewals.unwrap_or_default(), bills.unwrap_or_default());
    let now = crate::api::now();
    // All orders at once rather than one after the other, beside the documents.
    let (items, sent) = futures::future::join(
        futures::future::try_join_all(ids.into_iter().map(|id| {
            let api = api.clone();
            async move {
                let (order, follow_up) =
                    futures::future::try_join(api.order(id), api.follow_up(id)).await?;
                Ok::<_, ApiError>(order_item(order, &follow_up, now))
            }
        })),
        documents_sent(&api, &bills),
    )
    .await;
    let mut orders = items?;
    // What needs the buyer first, then the newest.
    orders.sort_by_key(|i| (i.todo, std::cmp::Reverse(i.order.date)));
    let todo = todo_list(
        orders.iter().map(|i| (&i.order, i.todo)),
        &bills,
        &sent,
        &renewals,
        paris_day(now),
    );
    Ok(Home {
        account,
        orders,
        todo,
        incomplete,
    })
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

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    crate::set_page_title(t(Key::HomeTitle));
    let api = Api::from_context();
    let data = Load::new(move || load(api.clone()));
    let retry = Callback::new(move |()| data.refetch());
    // Whose account this is, under the title, once known.
    let account = move || {
        data.get().and_then(Result::ok).map(|home| {
            let intro = fill(Key::HomeIntro, &[("name", &home.account.name)]);
            view! { <p class="mandat-lead" data-testid="account-name">{intro}</p> }
        })
    };
    view! {
        <PageHeader title=t(Key::HomeTitle) testid="home-header">{account}</PageHeader>
        {move || {
            loaded(data.get(), None, retry, None, |home| view! { <HomeView home=home /> })
        }}
    }
}

/// What waits for the account, then its orders: the state of each in words,
/// and only the actions that apply to it.
#[component]
pub fn HomeView(home: Home) -> impl IntoView {
    let Home {
        orders,
        todo,
        incomplete,
        ..
    } = home;
    view! {
        <TodoList todo=todo incomplete=incomplete />
        {order_table(orders)}
        <p>
            <a href=crate::nav::href("/invoices")>{t(Key::HomeInvoicesLink)}</a>
        </p>
    }
}

fn order_table(orders: Vec<OrderItem>) -> AnyView {
    if orders.is_empty() {
        return view! { <p>{t(Key::HomeNoOrders)}</p> }.into_any();
    }
    let rows = orders.into_iter().map(order_row).collect_view();
    view! {
        <DataTable
            caption=t(Key::HomeOrdersCaption)
            caption_id="mandat-orders-caption"
            columns=vec![
                Column::text(t(Key::ColOrder)),
                Column::text(t(Key::ColDate)),
                Column::number(t(Key::ColTotalTtc)),
                Column::text(t(Key::ColState)),
                Column::text(t(Key::ColExpiry)),
                Column::text(t(Key::ColActions)),
            ]
        >
            <tbody>{rows}</tbody>
        </DataTable>
    }
    .into_any()
}

fn order_row(item: OrderItem) -> impl IntoView {
    let OrderItem {
        order,
        todo,
        by_mandate,
    } = item;
    let id = order.order_id.to_string();
    let vars = [("id", id.as_str())];
    let (number, pay_label, mandate_label) = (
        fill(Key::OrderNumber, &vars),
        fill(Key::PayOrderLink, &vars),
        fill(Key::MandateOrderLink, &vars),
    );
    let pay = todo.can_pay().then(|| {
        view! {
            <li>
                <ButtonLink href=format!("/orders/{id}/checkout")>{pay_label}</ButtonLink>
            </li>
        }
    });
    // The mandate's page is the action when its signed copy is awaited.
    let mandate_emphasis = if todo.needs_the_buyer() {
        Emphasis::Primary
    } else {
        Emphasis::Tertiary
    };
    let mandate = by_mandate.then(|| {
        view! {
            <li>
                <ButtonLink href=format!("/orders/{id}/mandate") emphasis=mandate_emphasis>
                    {mandate_label}
                </ButtonLink>
            </li>
        }
    });
    let expiry = todo
        .expiry_applies()
        .then(|| view! { <Instant instant=order.expiration_date /> });
    view! {
        <tr data-testid="order-row" data-order=id.clone() data-state=todo.code()>
            <RowHeader label=t(Key::ColOrder)>{number}</RowHeader>
            <Cell label=t(Key::ColDate)>
                <Instant instant=order.date />
            </Cell>
            <Cell label=t(Key::ColTotalTtc) kind=CellKind::Amount>
                {price_text(&order.price_with_tax)}
            </Cell>
            <Cell label=t(Key::ColState) kind=CellKind::State>
                <OrderStateBadge todo=todo />
            </Cell>
            <Cell label=t(Key::ColExpiry)>{expiry}</Cell>
            <Cell label=t(Key::ColActions) kind=CellKind::Action>
                <ul class="mandat-actions">{pay}{mandate}</ul>
            </Cell>
        </tr>
    }
}
