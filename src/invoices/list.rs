//! `/invoices`: the account's invoices, filtered, sorted and paged by the API, with
//! the view in the URL so that a link reproduces it.

use leptos::prelude::*;
use mandat_model::billing::{Bill, BillPage};
use mandat_model::chorus::ChorusStatus;
use mandat_model::deadline::Deadline;
use mandat_model::locale::{format_count, format_day};
use mandat_model::timeline::{page_position, BillQuery, BillSort, PAGE_SIZES};
use mandat_model::ApiError;

use super::labels::{category_key, status_key, StatusBadge};
use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::perf::{perf_mark, perf_measure};
use crate::ui::{
    loaded, price_text, Badge, Cell, CellKind, Column, DataTable, Instant, RowHeader, Tone,
};

/// The name of the measure from a filter change to the list rendered, the
/// API's answer included.
pub const FILTER_MEASURE: &str = "mandat:invoices-filter";
/// From the filtered page's arrival to the list rendered: the app's own work.
pub const RENDER_MEASURE: &str = "mandat:invoices-render";
const RENDER_START: &str = "mandat:invoices-render:start";
const FILTER_START: &str = "mandat:invoices-filter:start";

thread_local! {
    /// A filter changed and its list is not rendered yet.
    static FILTER_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// One page of the view, as the API filters, sorts and pages it.
async fn load_page(api: Api, query: BillQuery) -> Result<BillPage, ApiError> {
    api.get_json(&query.api_path(query.page, query.page_size))
        .await
}

/// `/invoices`
#[component]
pub fn InvoicesPage() -> impl IntoView {
    crate::set_page_title(t(Key::InvoicesTitle));
    let query_map = crate::nav::use_query();
    let query = Memo::new(move |_| {
        query_map.with(|params| {
            BillQuery::from_params(|key| {
                params
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_str())
            })
        })
    });
    let api = Api::from_context();
    let data = LocalResource::new(move || {
        let load = load_page(api.clone(), query.get());
        async move {
            let page = load.await;
            // The value is set and rendered in microtasks; a frame callback runs after them.
            if FILTER_PENDING.replace(false) {
                perf_mark(RENDER_START);
                request_animation_frame(|| {
                    perf_measure(FILTER_MEASURE, FILTER_START);
                    perf_measure(RENDER_MEASURE, RENDER_START);
                });
            }
            page
        }
    });
    let navigate = crate::nav::use_go();
    let go = Callback::new(move |next: BillQuery| {
        perf_mark(FILTER_START);
        FILTER_PENDING.set(true);
        navigate.run(next.app_path());
    });
    let retry = Callback::new(move |()| data.refetch());
    // Only an account whose invoices go through Chorus Pro filters by its
    // statuses; until the account is read, the filter waits rather than
    // showing and going.
    let account = LocalResource::new(move || {
        let api = Api::from_context();
        async move { api.me().await }
    });
    let chorus = Memo::new(move |_| {
        account
            .get()
            .and_then(|a| a.ok())
            .is_some_and(|a| a.is_public_administration())
    });
    // One live region for the whole page, there from the start: a region made
    // anew with each result is not read, and a count alone says nothing when
    // another filter or page gives the same count.
    let announcement = move || match data.get() {
        Some(Ok(page)) => announce(&page, &query.get_untracked()),
        _ => String::new(),
    };

    view! {
        <h1>{t(Key::InvoicesTitle)}</h1>
        <p class="mandat-visually-hidden" role="status" aria-live="polite" data-testid="invoice-announce">
            {announcement}
        </p>
        <Filters query=query go=go chorus=chorus />
        {move || {
            query
                .with(|q| q.range_is_reversed())
                .then(|| {
                    view! {
                        <p class="mandat-inv-warning" role="alert" data-testid="range-reversed">
                            {t(Key::InvRangeReversed)}
                        </p>
                    }
                })
        }}
        {move || {
            loaded(data.get(), None, retry, None, |page| {
                view! { <BillTable page=page query=query.get_untracked() /> }
            })
        }}
    }
}

fn day_value(day: Option<chrono::NaiveDate>) -> String {
    day.map(mandat_model::locale::iso_day).unwrap_or_default()
}

fn parse_day(value: &str) -> Option<chrono::NaiveDate> {
    mandat_model::locale::parse_iso_day(value.trim())
}

/// What a screen reader hears of a new result: how many invoices, for which
/// status, and which page of how many.
fn announce(page: &BillPage, query: &BillQuery) -> String {
    let position = page_position(page.page, page.total, page.page_size);
    let count = count_text(page.total);
    let status = query
        .status
        .map(|s| fill(Key::InvAnnounceStatus, &[("status", t(status_key(s)))]))
        .unwrap_or_default();
    let of = fill(
        Key::InvPageOf,
        &[
            ("page", &position.current.to_string()),
            ("pages", &position.pages.to_string()),
        ],
    );
    if page.total == 0 {
        format!("{count}{status}")
    } else {
        format!("{count}{status}. {of}.")
    }
}

/// Status (for an account on Chorus Pro), dates, order and page size. Each
/// change applies at once (and is announced with its result).
#[component]
fn Filters(
    /// The current view.
    query: Memo<BillQuery>,
    /// Goes to another view.
    go: Callback<BillQuery>,
    /// The account's invoices go through Chorus Pro: their status filters.
    chorus: Memo<bool>,
) -> impl IntoView {
    let change = move |edit: Box<dyn FnOnce(&mut BillQuery)>| {
        go.run(query.get_untracked().refiltered(edit));
    };
    let status_options = ChorusStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=move || query.with(|q| q.status == Some(s))>
                    {t(status_key(s))}
                </option>
            }
        })
        .collect_view();
    let sort_options = BillSort::ALL
        .into_iter()
        .map(|s| {
            let label = match s {
                BillSort::DateDesc => t(Key::InvSortDateDesc),
                BillSort::DateAsc => t(Key::InvSortDateAsc),
            };
            view! {
                <option value=s.code() selected=move || query.with(|q| q.sort == s)>
                    {label}
                </option>
            }
        })
        .collect_view();
    let size_options = PAGE_SIZES
        .into_iter()
        .map(|n| {
            view! {
                <option value=n.to_string() selected=move || query.with(|q| q.page_size == n)>
                    {n.to_string()}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="mandat-inv-filters" role="search" aria-labelledby="inv-filters-title" on:submit=|ev| ev.prevent_default()>
            <h2 id="inv-filters-title" class="mandat-inv-filters__title">{t(Key::InvFiltersTitle)}</h2>
            <div class="mandat-inv-field" hidden=move || !chorus.get()>
                <label for="inv-status">{t(Key::InvFilterStatus)}</label>
                <select
                    id="inv-status"
                    name="status"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        change(Box::new(move |q| {
                            q.status = Some(ChorusStatus::from_code(&code))
                                .filter(|s| *s != ChorusStatus::Unknown);
                        }));
                    }
                >
                    <option value="" selected=move || query.with(|q| q.status.is_none())>
                        {t(Key::InvFilterStatusAll)}
                    </option>
                    {status_options}
                </select>
            </div>
            <div class="mandat-inv-field">
                <label for="inv-from">{t(Key::InvFilterFrom)}</label>
                <input
                    id="inv-from"
                    name="from"
                    type="date"
                    aria-describedby="inv-date-hint"
                    prop:value=move || query.with(|q| day_value(q.from))
                    on:change=move |ev| {
                        let day = parse_day(&event_target_value(&ev));
                        change(Box::new(move |q| q.from = day));
                    }
                />
            </div>
            <div class="mandat-inv-field">
                <label for="inv-to">{t(Key::InvFilterTo)}</label>
                <input
                    id="inv-to"
                    name="to"
                    type="date"
                    aria-describedby="inv-date-hint"
                    prop:value=move || query.with(|q| day_value(q.to))
                    on:change=move |ev| {
                        let day = parse_day(&event_target_value(&ev));
                        change(Box::new(move |q| q.to = day));
                    }
                />
            </div>
            <div class="mandat-inv-field">
                <label for="inv-sort">{t(Key::InvFilterSort)}</label>
                <select
                    id="inv-sort"
                    name="sort"
                    on:change=move |ev| {
                        let sort = BillSort::from_code(&event_target_value(&ev)).unwrap_or_default();
                        change(Box::new(move |q| q.sort = sort));
                    }
                >
                    {sort_options}
                </select>
            </div>
            <div class="mandat-inv-field">
                <label for="inv-size">{t(Key::InvFilterPageSize)}</label>
                <select
                    id="inv-size"
                    name="pageSize"
                    on:change=move |ev| {
                        let size = event_target_value(&ev).parse().unwrap_or(50);
                        change(Box::new(move |q| q.page_size = size));
                    }
                >
                    {size_options}
                </select>
            </div>
            <p id="inv-date-hint" class="mandat-hint mandat-inv-filters__hint">{t(Key::InvFilterDateHint)}</p>
            <p class="mandat-inv-filters__reset">
                <a href=crate::nav::href("/invoices") on:click=move |ev| {
                    ev.prevent_default();
                    go.run(BillQuery::default());
                }>{t(Key::InvFilterReset)}</a>
            </p>
        </form>
    }
}

fn count_text(total: u64) -> String {
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
    // no Chorus Pro status to show: no column saying so on every row.
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
    .chain([Column::text(t(Key::InvColDue))])
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
    let due = due_cell(&bill, loc);
    let label = id.clone();
    let status = with_status.then(|| {
        view! {
            <Cell label=t(Key::InvColStatus) kind=CellKind::State>
                <StatusBadge status=bill.chorus_status />
            </Cell>
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
            <Cell label=t(Key::InvColDue)>{due}</Cell>
        </tr>
    }
}
