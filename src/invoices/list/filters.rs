//! The invoice list's filters: status, dates, order and page size.

use leptos::prelude::*;
use mandat_model::chorus::ChorusStatus;
use mandat_model::timeline::{BillQuery, BillSort, PAGE_SIZES};

use crate::i18n::{fill, t, Key};
use crate::invoices::labels::status_key;

fn day_value(day: Option<chrono::NaiveDate>) -> String {
    day.map(mandat_model::locale::iso_day).unwrap_or_default()
}

fn parse_day(value: &str) -> Option<chrono::NaiveDate> {
    mandat_model::locale::parse_iso_day(value.trim())
}

/// Status (for an account on Chorus Pro), dates, order and page size. Each
/// change applies at once (and is announced with its result). In a narrow
/// space they fold behind one button that says how many filters apply, so
/// that a phone opens on the invoices, not on five fields.
#[component]
pub fn Filters(
    /// The current view.
    query: Memo<BillQuery>,
    /// Goes to another view.
    go: Callback<BillQuery>,
    /// The account's invoices go through Chorus Pro: their status filters.
    chorus: Memo<bool>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let toggle_words = move || {
        let active = query.with(|q| {
            usize::from(q.status.is_some())
                + usize::from(q.from.is_some())
                + usize::from(q.to.is_some())
        });
        match active {
            0 => t(Key::InvFiltersTitle).to_string(),
            1 => format!(
                "{} · {}",
                t(Key::InvFiltersTitle),
                t(Key::InvFiltersActiveOne)
            ),
            n => format!(
                "{} · {}",
                t(Key::InvFiltersTitle),
                fill(Key::InvFiltersActiveMany, &[("count", &n.to_string())])
            ),
        }
    };
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
        <div class="mandat-inv-filters-box">
            <form
                class="mandat-inv-filters"
                class:mandat-inv-filters--open=move || open.get()
                role="search"
                aria-labelledby="inv-filters-title"
                on:submit=|ev| ev.prevent_default()
            >
                <h2 id="inv-filters-title" class="mandat-inv-filters__title">{t(Key::InvFiltersTitle)}</h2>
                <button
                    type="button"
                    class="mandat-inv-filters__toggle"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="inv-filter-fields"
                    data-testid="filters-toggle"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {toggle_words}
                </button>
                <div class="mandat-inv-filters__fields" id="inv-filter-fields">
                    <div class="mandat-inv-field" hidden=move || !chorus.get()>
                        <label for="inv-status">{t(Key::InvFilterStatus)}</label>
                        <select
                            class="mandat-select"
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
                            class="mandat-input"
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
                            class="mandat-input"
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
                            class="mandat-select"
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
                            class="mandat-select"
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
                </div>
            </form>
        </div>
    }
}
