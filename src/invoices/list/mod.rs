//! `/invoices`: the account's invoices, filtered, sorted and paged by the API, with
//! the view in the URL so that a link reproduces it.

use leptos::prelude::*;
use mandat_model::billing::BillPage;
use mandat_model::timeline::{page_position, BillQuery};
use mandat_model::ApiError;

use super::labels::status_key;
use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::ui::perf::{perf_mark, perf_measure};
use crate::ui::{loaded, Alert, AlertKind, Load, PageHeader};

mod filters;
mod table;
use filters::Filters;
use table::count_text;
pub use table::BillTable;

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
    api.bills(&query).await
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
    let data = Load::new(move || {
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
    let account = Load::new(move || {
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
        <PageHeader title=t(Key::InvoicesTitle) />
        <p class="mandat-visually-hidden" role="status" aria-live="polite" data-testid="invoice-announce">
            {announcement}
        </p>
        <Filters query=query go=go chorus=chorus />
        {move || {
            query
                .with(|q| q.range_is_reversed())
                .then(|| {
                    view! {
                        <Alert kind=AlertKind::Error title=t(Key::InvRangeReversedTitle) level=3 testid="range-reversed">
                            <p>{t(Key::InvRangeReversed)}</p>
                        </Alert>
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
