//! The order summary: the order's dates, its lines and its totals.

use leptos::prelude::*;
use mandat_model::locale::{format_date, format_euros, paris_iso};
use mandat_model::{Order, OrderDetail};

use crate::i18n::{fill, locale, t, Key};

/// The summary of a loaded order: number, dates, lines in a table, totals
/// HT, TVA and TTC. Amounts are formatted here from cents, never taken from
/// the API's own text.
#[component]
pub fn OrderSummary(
    /// The order.
    order: Order,
    /// Its lines.
    details: Vec<OrderDetail>,
) -> impl IntoView {
    let loc = locale();
    let id = order.order_id.to_string();
    let euros = move |cents: i64| format_euros(cents, loc);
    let rows = details
        .into_iter()
        .map(|line| {
            view! {
                <tr>
                    <th scope="row">{line.description}</th>
                    <td>{line.domain}</td>
                    <td class="mandat-num">{line.quantity}</td>
                    <td class="mandat-num">{euros(line.unit_price.cents())}</td>
                    <td class="mandat-num">{euros(line.total_price.cents())}</td>
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
                        <time datetime=paris_iso(order.date)>{format_date(order.date, loc)}</time>
                    </dd>
                </div>
                <div>
                    <dt>{t(Key::SummaryExpiry)}</dt>
                    <dd>
                        <time datetime=paris_iso(order.expiration_date) data-testid="order-expiry">
                            {format_date(order.expiration_date, loc)}
                        </time>
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
                                {euros(order.price_without_tax.cents())}
                            </td>
                        </tr>
                        <tr>
                            <th scope="row" colspan="4">{t(Key::TotalTva)}</th>
                            <td class="mandat-num" data-testid="total-tva">{euros(order.tax.cents())}</td>
                        </tr>
                        <tr class="mandat-table__grand-total">
                            <th scope="row" colspan="4">{t(Key::TotalTtc)}</th>
                            <td class="mandat-num" data-testid="total-ttc">
                                {euros(order.price_with_tax.cents())}
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
