//! The order summary: the order's dates, its lines and its totals.

use leptos::prelude::*;
use mandat_model::{Order, OrderDetail};

use crate::i18n::{fill, t, Key};
use crate::ui::{
    price_text, Cell, CellKind, Column, DataTable, Instant, RowHeader, SummaryList, SummaryRow,
};

/// What is owed and by when, first: the order's total, its expiry, its date
/// and number, as the page's key figures.
#[component]
pub fn OrderFigures(
    /// The order.
    order: Order,
) -> impl IntoView {
    view! {
        <SummaryList columns=true testid="order-figures">
            <SummaryRow term=t(Key::TotalTtc)>{price_text(&order.price_with_tax)}</SummaryRow>
            <SummaryRow term=t(Key::SummaryExpiry)>
                <Instant instant=order.expiration_date testid="order-expiry" />
                <span class="mandat-hint">{t(Key::SummaryExpiryHint)}</span>
            </SummaryRow>
            <SummaryRow term=t(Key::SummaryOrderDate)>
                <Instant instant=order.date />
            </SummaryRow>
            <SummaryRow term=t(Key::SummaryOrderNumber) testid="order-number">
                {order.order_id.to_string()}
            </SummaryRow>
        </SummaryList>
    }
}

/// The order's lines in a table (cards on a phone) and its totals HT, TVA
/// and TTC. Amounts are formatted from cents, never taken from the API's own
/// text.
#[component]
pub fn OrderSummary(
    /// The order.
    order: Order,
    /// Its lines.
    details: Vec<OrderDetail>,
) -> impl IntoView {
    let id = order.order_id.to_string();
    let rows = details
        .into_iter()
        .map(|line| {
            view! {
                <tr>
                    <RowHeader label=t(Key::ColDescription)>{line.description}</RowHeader>
                    <Cell label=t(Key::ColService)>{line.domain}</Cell>
                    <Cell label=t(Key::ColQuantity) kind=CellKind::Number>{line.quantity}</Cell>
                    <Cell label=t(Key::ColUnitPrice) kind=CellKind::Number>
                        {price_text(&line.unit_price)}
                    </Cell>
                    <Cell label=t(Key::ColLineTotal) kind=CellKind::Amount>
                        {price_text(&line.total_price)}
                    </Cell>
                </tr>
            }
        })
        .collect_view();
    let empty = rows.is_empty().then(|| {
        view! {
            <tr>
                <td colspan="5">{t(Key::SummaryNoLines)}</td>
            </tr>
        }
    });
    let total = price_text(&order.price_with_tax);
    let caption = fill(Key::SummaryCaption, &[("id", &id)]);
    view! {
        <section class="mandat-summary" aria-labelledby="mandat-summary-title" data-testid="order-summary">
            <h2 id="mandat-summary-title">{t(Key::SummaryTitle)}</h2>
            <DataTable
                caption=caption
                caption_id="mandat-summary-caption"
                columns=vec![
                    Column::text(t(Key::ColDescription)),
                    Column::text(t(Key::ColService)),
                    Column::number(t(Key::ColQuantity)),
                    Column::number(t(Key::ColUnitPrice)),
                    Column::number(t(Key::ColLineTotal)),
                ]
            >
                <tbody>{rows} {empty}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">{t(Key::TotalHt)}</th>
                        <td class="mandat-num" data-testid="total-ht">
                            {price_text(&order.price_without_tax)}
                        </td>
                    </tr>
                    <tr>
                        <th scope="row" colspan="4">{t(Key::TotalTva)}</th>
                        <td class="mandat-num" data-testid="total-tva">{price_text(&order.tax)}</td>
                    </tr>
                    <tr class="mandat-table__grand-total">
                        <th scope="row" colspan="4">{t(Key::TotalTtc)}</th>
                        <td class="mandat-num" data-testid="total-ttc">
                            {total}
                        </td>
                    </tr>
                </tfoot>
            </DataTable>
        </section>
    }
}
