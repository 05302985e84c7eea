//! One page of invoices: the count, the table (cards on a phone) and the page links.

use leptos::prelude::*;
use mandat_model::billing::{Bill, BillPage};
use mandat_model::deadline::Deadline;
use mandat_model::locale::{format_count, format_day};
use mandat_model::timeline::{page_position, BillQuery};

use crate::i18n::{fill, locale, t, Key};
use crate::invoices::labels::{category_key, StatusBadge};
use crate::ui::{price_text, Badge, Cell, CellKind, Column, DataTable, Instant, RowHeader, Tone};

pub fn count_text(total: u64) -> String {
    match total {
        0 => t(Key::InvCountNone).to_string(),
        1 => t(Key::InvCountOne).to_string(),
        n => fill(Key::InvCount, &[("count", &format_count(n, locale()))]),
    }
}

/// One page of bills as a table, with its count and its page links.
#[component]
pub fn BillTable(
    /// The page the API returned.
    page: BillPage,
    /// The view it answers (for the page links).
    query: BillQuery,
) -> impl IntoView {
    let loc = locale();
    let position = page_position(page.page, page.total, page.page_size);
    let count = view! {
        <p class="mandat-inv-count" data-testid="invoice-count">
            {count_text(page.total)}
        </p>
    };
    if page.bills.is_empty() {
        // Past the last page (a link kept while invoices were filtered away).
        let first = (page.total > 0).then(|| {
            let href = BillQuery {
                page: 1,
                ..query.clone()
            }
            .app_path();
            view! {
                <p>
                    <a href=crate::nav::href(&href) data-testid="page-first">{t(Key::InvFirstPage)}</a>
                </p>
            }
        });
        return view! {
            {count}
            {first}
        }
        .into_any();
    }
    // An account none of whose invoices go through Chorus Pro (a company) has
    // no Chorus Pro status nor payment deadline to show: no columns saying so
    // on every row.
    let with_status = page.bills.iter().any(|b| b.chorus_status.is_some());
    let rows = page
        .bills
        .into_iter()
        .map(|bill| bill_row(bill, loc, with_status))
        .collect_view();
    let vars_page = position.current.to_string();
    let vars_pages = position.pages.to_string();
    let caption = fill(
        Key::InvListCaption,
        &[("page", &vars_page), ("pages", &vars_pages)],
    );
    let page_link = |n: u32| {
        BillQuery {
            page: n,
            ..query.clone()
        }
        .app_path()
    };
    let prev = position.previous.map(|n| {
        view! {
            <li>
                <a href=crate::nav::href(&page_link(n)) rel="prev" data-testid="page-prev">{t(Key::InvPrev)}</a>
            </li>
        }
    });
    let next = position.next.map(|n| {
        view! {
            <li>
                <a href=crate::nav::href(&page_link(n)) rel="next" data-testid="page-next">{t(Key::InvNext)}</a>
            </li>
        }
    });
    let page_of = fill(
        Key::InvPageOf,
        &[("page", &vars_page), ("pages", &vars_pages)],
    );
    let columns = [
        Column::text(t(Key::InvColNumber)),
        Column::text(t(Key::InvColDate)),
        Column::text(t(Key::InvColOrder)),
        Column::text(t(Key::InvColType)),
        Column::number(t(Key::InvColAmount)),
    ]
    .into_iter()
    .chain(with_status.then(|| Column::text(t(Key::InvColStatus))))
    .chain(with_status.then(|| Column::text(t(Key::InvColDue))))
    .collect();
    view! {
        {count}
        <DataTable
            caption=caption
            caption_id="mandat-inv-caption"
            columns=columns
            class="mandat-inv-table"
            testid="invoice-table"
        >
            <tbody>{rows}</tbody>
        </DataTable>
        <nav class="mandat-inv-pages" aria-label=t(Key::InvPagination)>
            <ul>
                {prev}
                <li aria-current="page">{page_of}</li>
                {next}
            </ul>
        </nav>
    }
    .into_any()
}

/// The due date column: the date where there is one, and what the deadline's
/// state says of it (see `mandat_model::deadline`).
fn due_cell(bill: &Bill, loc: mandat_model::Locale) -> AnyView {
    let muted = |key: Key| view! { <span class="mandat-inv-muted">{t(key)}</span> }.into_any();
    let deadline = match (bill.deadline.clone(), bill.chorus_status) {
        (Some(deadline), _) => deadline.checked(),
        (None, None) => return muted(Key::InvDueNone),
        // On Chorus Pro, yet no deadline from the API: not known.
        (None, Some(_)) => Deadline::Unknown,
    };
    let badge = match &deadline {
        Deadline::Overdue { .. } => Some(("late", Key::InvLateBadge)),
        Deadline::PaidLate { .. } => Some(("paid-late", Key::InvPaidLateBadge)),
        _ => None,
    };
    match deadline.due_date() {
        Some(due) => {
            let badge = badge.map(|(testid, key)| {
                view! {
                    " "
                    <Badge tone=Tone::Error label=t(key) testid=testid />
                }
            });
            view! {
                <time datetime=mandat_model::locale::iso_day(due)>{format_day(due, loc)}</time>
                {badge}
            }
            .into_any()
        }
        None => muted(match deadline {
            Deadline::Interrupted { .. } => Key::InvDueInterrupted,
            Deadline::Void => Key::InvDueVoid,
            Deadline::NotStarted { .. } => Key::InvNoDue,
            _ => Key::InvDueUnknown,
        }),
    }
}

fn bill_row(bill: Bill, loc: mandat_model::Locale, with_status: bool) -> impl IntoView {
    let id = bill.bill_id.clone();
    let href = format!("/invoices/{}", js_sys::encode_uri_component(&id));
    let label = id.clone();
    // The status and the deadline go together: neither for an account off Chorus Pro.
    let status = with_status.then(|| {
        let due = due_cell(&bill, loc);
        view! {
            <Cell label=t(Key::InvColStatus) kind=CellKind::State>
                <StatusBadge status=bill.chorus_status />
            </Cell>
            <Cell label=t(Key::InvColDue)>{due}</Cell>
        }
    });
    view! {
        <tr data-testid="invoice-row" data-bill=id>
            <RowHeader label=t(Key::InvColNumber)>
                <a href=crate::nav::href(&href)>{label}</a>
            </RowHeader>
            <Cell label=t(Key::InvColDate)>
                <Instant instant=bill.date />
            </Cell>
            <Cell label=t(Key::InvColOrder)>
                {fill(Key::InvFieldOrderValue, &[("id", &bill.order_id.to_string())])}
            </Cell>
            <Cell label=t(Key::InvColType)>{t(category_key(bill.category))}</Cell>
            <Cell label=t(Key::InvColAmount) kind=CellKind::Amount>
                {price_text(&bill.price_with_tax)}
            </Cell>
            {status}
        </tr>
    }
}
