//! The order summary: the order's dates, its lines and its totals.

use leptos::prelude::*;
use mandat_model::{Order, OrderDetail};

use crate::i18n::{fill, t, Key};
use crate::ui::{price_text, Instant};

/// The summary of a loaded order: number, dates, lines in a table, totals
/// HT, TVA and TTC. Amounts are formatted from cents, never taken from the
/// API's own text.
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
                    <th scope="row">{line.description}</th>
                    <td>{line.domain}</td>
                    <td class="mandat-num">{line.quantity}</td>
                    <td class="mandat-num">{price_text(&line.unit_price)}</td>
                    <td class="mandat-num">{price_text(&line.total_price)}</td>
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
    view! {
        <section class="mandat-summary" aria-labelledby="mandat-summary-title" data-testid="order-summary">
            <h2 id="mandat-summary-title">{t(Key::SummaryTitle)}</h2>
            <dl class="mandat-facts">
                <div>
                    <dt>{t(Key::SummaryOrderNumber)}</dt>
                    <dd data-testid="order-number">{id.clone()}</dd>
                </div>
                <div>
                    <dt>{t(Key::SummaryOrderDate)}</dt>
                    <dd>
                        <Instant instant=order.date />
                    </dd>
                </div>
                <div>
                    <dt>{t(Key::SummaryExpiry)}</dt>
                    <dd>
                        <Instant instant=order.expiration_date testid="order-expiry" />
                        <span class="mandat-hint">{t(Key::SummaryExpiryHint)}</span>
                    </dd>
                </div>
            </dl>
            // Focusable so that keyboard users can scroll a table wider than the screen.
            <div class="mandat-table-wrap" tabindex="0" role="region" aria-labelledby="mandat-summary-caption">
                <table class="mandat-table">
                    <caption id="mandat-summary-caption">{fill(Key::SummaryCaption, &[("id", &id)])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::ColDescription)}</th>
                            <th scope="col">{t(Key::ColService)}</th>
                            <th scope="col" class="mandat-num">{t(Key::ColQuantity)}</th>
                            <th scope="col" class="mandat-num">{t(Key::ColUnitPrice)}</th>
                            <th scope="col" class="mandat-num">{t(Key::ColLineTotal)}</th>
                        </tr>
                    </thead>
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
                                {price_text(&order.price_with_tax)}
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
