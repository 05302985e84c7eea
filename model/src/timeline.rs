//! What the invoice pages derive from a bill and its Chorus Pro tracking: the
//! timeline's order, the next step for each status, how often to ask again while
//! the page is open, which events are new, and the list's filters as they travel
//! in a URL (so that a link reproduces the view) and to the API.

use chrono::NaiveDate;

use crate::chorus::{sort_history, ChorusEvent, ChorusStatus};
use crate::deadline::Deadline;

/// What the administration (or nobody) has to do next, by the invoice's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Deposited or being routed: Chorus Pro is delivering it; nothing to do.
    Routing,
    /// Made available (or completed after a suspension): the administration
    /// validates it on Chorus Pro.
    Validate,
    /// Suspended: documents are missing; the deadline is interrupted.
    SendDocuments,
    /// To recycle: the routing details (SIRET, code service, numéro
    /// d'engagement) were wrong; the provider corrects them and routes it again.
    CorrectRouting,
    /// Rejected: final; a new invoice will be issued.
    NewInvoice,
    /// Validated, on its way to the public accountant; nothing to do.
    Processing,
    /// Validated, but the structure never reports « mise en paiement »: the
    /// invoice will not show it; the payment is checked on the accounts instead.
    PaymentNotReported,
    /// Put in payment by the public accountant: nothing left to do.
    Paid,
    /// Put in payment after its due date: the late-payment interest and the
    /// indemnity are owed, within 45 days of the payment (R2192-36).
    PayLateInterest,
    /// No status yet, or one this version does not know.
    Unknown,
}

/// The next step for an invoice in `status`; `payment_not_reported` is the
/// structure's `statutMiseEnPaiementNestPasRemonte`; `deadline`, the API's, tells a
/// late payment, which still leaves something to pay.
pub fn next_step(
    status: Option<ChorusStatus>,
    payment_not_reported: bool,
    deadline: Option<&Deadline>,
) -> NextStep {
    use ChorusStatus::*;
    if let Some(Deadline::PaidLate { .. }) = deadline {
        return NextStep::PayLateInterest;
    }
    match status {
        None | Some(Unknown) => NextStep::Unknown,
        Some(Deposee | EnCoursAcheminement) => NextStep::Routing,
        Some(MiseADisposition | Completee) => NextStep::Validate,
        Some(Suspendue) => NextStep::SendDocuments,
        Some(ARecycler) => NextStep::CorrectRouting,
        Some(Rejetee) => NextStep::NewInvoice,
        Some(MiseEnPaiement) => NextStep::Paid,
        Some(ServiceFait | Mandatee | MiseADispositionComptable | Comptabilisee) => {
            if payment_not_reported {
                NextStep::PaymentNotReported
            } else {
                NextStep::Processing
            }
        }
    }
}

/// Why the payment deadline has not started, as it stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotStarted {
    /// Not made available to the recipient yet.
    NotYetAvailable,
    /// Sent back à recycler: its routing waits to be corrected.
    ToRecycle,
    /// Sent back à recycler once, and routed again since: a full deadline
    /// starts when it is made available anew.
    RoutedAgain,
}

/// Why a deadline that has not started (`after_recycling`: the invoice was
/// sent back à recycler) has not, given the invoice's `status` now: once its
/// routing is corrected it is no longer « coming back to be recycled ».
pub fn not_started(after_recycling: bool, status: Option<ChorusStatus>) -> NotStarted {
    match (after_recycling, status) {
        (false, _) => NotStarted::NotYetAvailable,
        (true, Some(ChorusStatus::ARecycler)) => NotStarted::ToRecycle,
        (true, _) => NotStarted::RoutedAgain,
    }
}

/// Whether the invoice can still change in a way worth watching: not once it is
/// rejected (final) nor once it is put in payment (the last status a supplier sees).
pub fn keeps_changing(status: Option<ChorusStatus>) -> bool {
    !matches!(
        status,
        Some(ChorusStatus::Rejetee) | Some(ChorusStatus::MiseEnPaiement)
    )
}

/// The history as the timeline shows it: by each event's own date, oldest first,
/// whatever order the events arrived in; events of the same instant keep their order.
pub fn timeline(events: &[ChorusEvent]) -> Vec<ChorusEvent> {
    let mut sorted = events.to_vec();
    sort_history(&mut sorted);
    sorted
}

/// The events of `after` that `before` did not have (in `after`'s order): what a
/// refresh brought, to announce.
pub fn new_events(before: &[ChorusEvent], after: &[ChorusEvent]) -> Vec<ChorusEvent> {
    let mut seen: Vec<&ChorusEvent> = before.iter().collect();
    let mut fresh = Vec::new();
    for event in after {
        match seen.iter().position(|e| *e == event) {
            // Each earlier event accounts for one identical later one.
            Some(i) => {
                seen.swap_remove(i);
            }
            None => fresh.push(event.clone()),
        }
    }
    fresh
}

/// First delay between two refreshes of an open invoice page, in milliseconds.
pub const POLL_FIRST_MS: u32 = 5_000;
/// Longest delay between two refreshes, in milliseconds.
pub const POLL_MAX_MS: u32 = 120_000;

/// The delay before the next refresh of an invoice after `quiet` refreshes in
/// a row brought nothing new (or failed): doubles from 5 s up to 2 min; back to
/// 5 s on news.
pub fn poll_delay_ms(quiet: u32) -> u32 {
    poll_delay_from_ms(POLL_FIRST_MS, quiet)
}

/// Every page's refresh schedule: `first_ms` after news, then doubling at each
/// quiet refresh, up to [`POLL_MAX_MS`]: a page left open for hours asks
/// little, a change right after the user acted shows soon.
pub fn poll_delay_from_ms(first_ms: u32, quiet: u32) -> u32 {
    first_ms
        .saturating_mul(1u32.checked_shl(quiet.min(16)).unwrap_or(u32::MAX))
        .min(POLL_MAX_MS)
}

/// The order of the invoice list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BillSort {
    /// Newest first (the API's default).
    #[default]
    DateDesc,
    DateAsc,
}

impl BillSort {
    pub const ALL: [BillSort; 2] = [BillSort::DateDesc, BillSort::DateAsc];

    /// The value of the `sort` parameter, in the URL and for the API.
    pub fn code(self) -> &'static str {
        match self {
            BillSort::DateDesc => "-date",
            BillSort::DateAsc => "date",
        }
    }

    /// The API's own word for the order: `desc` (newest first) or `asc`.
    pub fn api_code(self) -> &'static str {
        match self {
            BillSort::DateDesc => "desc",
            BillSort::DateAsc => "asc",
        }
    }

    pub fn from_code(code: &str) -> Option<BillSort> {
        BillSort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Page sizes the list offers.
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];
/// The list's page size unless the URL says otherwise.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// The invoice list's view: filters, order and page. The URL carries it (only what
/// differs from the defaults) and the API request is built from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillQuery {
    pub status: Option<ChorusStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: BillSort,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

impl Default for BillQuery {
    fn default() -> Self {
        BillQuery {
            status: None,
            from: None,
            to: None,
            sort: BillSort::default(),
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl BillQuery {
    /// From the URL's query parameters. Anything unreadable (a hand-edited link)
    /// falls back to its default rather than failing the page.
    pub fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> BillQuery {
        let day = |key: &str| get(key).and_then(crate::locale::parse_iso_day);
        let status = get("status")
            .map(ChorusStatus::from_code)
            .filter(|s| *s != ChorusStatus::Unknown);
        BillQuery {
            status,
            from: day("from"),
            to: day("to"),
            sort: get("sort")
                .and_then(BillSort::from_code)
                .unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
            page_size: get("pageSize")
                .and_then(|p| p.parse().ok())
                .filter(|p| PAGE_SIZES.contains(p))
                .unwrap_or(DEFAULT_PAGE_SIZE),
        }
    }

    /// The parameters that differ from the defaults, in a stable order.
    pub fn url_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(status) = self.status {
            params.push(("status", status.code().to_string()));
        }
        if let Some(from) = self.from {
            params.push(("from", crate::locale::iso_day(from)));
        }
        if let Some(to) = self.to {
            params.push(("to", crate::locale::iso_day(to)));
        }
        if self.sort != BillSort::default() {
            params.push(("sort", self.sort.code().to_string()));
        }
        if self.page != 1 {
            params.push(("page", self.page.to_string()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE {
            params.push(("pageSize", self.page_size.to_string()));
        }
        params
    }

    /// `/invoices?...`: the link that reproduces this view. Every value is a code,
    /// a date or a number: nothing needs escaping.
    pub fn app_path(&self) -> String {
        with_query("/invoices", self.url_params().into_iter())
    }

    /// `/me/bill?...`: one page of this view, filtered and sorted by the API.
    pub fn api_path(&self, page: u32, page_size: u32) -> String {
        let mut params: Vec<(&'static str, String)> = Vec::new();
        if let Some(status) = self.status {
            params.push(("chorusStatus", status.code().to_string()));
        }
        if let Some(from) = self.from {
            params.push(("from", crate::locale::iso_day(from)));
        }
        if let Some(to) = self.to {
            params.push(("to", crate::locale::iso_day(to)));
        }
        params.push(("sort", self.sort.api_code().to_string()));
        params.push(("page", page.to_string()));
        params.push(("pageSize", page_size.to_string()));
        with_query("/me/bill", params.into_iter())
    }

    /// The same view with other filters: back to the first page.
    pub fn refiltered(&self, change: impl FnOnce(&mut BillQuery)) -> BillQuery {
        let mut next = self.clone();
        change(&mut next);
        next.page = 1;
        next
    }

    /// A date range that ends before it starts.
    pub fn range_is_reversed(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if from > to)
    }
}

pub(crate) fn with_query(
    path: &str,
    params: impl Iterator<Item = (&'static str, String)>,
) -> String {
    let query: Vec<String> = params.map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// How many pages `total` items make (at least one, for an empty list).
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    u32::try_from(total.div_ceil(size).max(1)).unwrap_or(u32::MAX)
}

/// Where a page of the list stands, as its caption and links show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PagePosition {
    /// 1-based, never past the last page.
    pub current: u32,
    pub pages: u32,
    pub previous: Option<u32>,
    pub next: Option<u32>,
}

/// The position of the API's page `page` of `total` bills in pages of
/// `page_size`: a page number out of range (0, past the end) is taken as the
/// nearest page that exists.
pub fn page_position(page: u32, total: u64, page_size: u32) -> PagePosition {
    let pages = page_count(total, page_size);
    let current = page.clamp(1, pages);
    PagePosition {
        current,
        pages,
        previous: current.checked_sub(1).filter(|p| *p >= 1),
        next: current.checked_add(1).filter(|p| *p <= pages),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_not_started_says_whether_the_invoice_was_routed_again() {
        use ChorusStatus::*;
        assert_eq!(
            not_started(false, Some(Deposee)),
            NotStarted::NotYetAvailable
        );
        assert_eq!(not_started(true, Some(ARecycler)), NotStarted::ToRecycle);
        // Corrected: deposited and routed again, not made available yet.
        assert_eq!(not_started(true, Some(Deposee)), NotStarted::RoutedAgain);
        assert_eq!(
            not_started(true, Some(EnCoursAcheminement)),
            NotStarted::RoutedAgain
        );
    }

    use crate::chorus::ChorusActor;
    use chrono::{DateTime, Utc};
    use ChorusStatus::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn event(status: ChorusStatus, date: &str) -> ChorusEvent {
        ChorusEvent {
            status,
            date: at(date),
            actor: status.actor(),
            reason: None,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_status_has_its_next_step() {
        for (status, not_reported, expected) in [
            (None, false, NextStep::Unknown),
            (Some(Unknown), false, NextStep::Unknown),
            (Some(Deposee), false, NextStep::Routing),
            (Some(EnCoursAcheminement), true, NextStep::Routing),
            (Some(MiseADisposition), false, NextStep::Validate),
            (Some(MiseADisposition), true, NextStep::Validate),
            (Some(Completee), false, NextStep::Validate),
            (Some(Suspendue), false, NextStep::SendDocuments),
            (Some(ARecycler), false, NextStep::CorrectRouting),
            (Some(Rejetee), false, NextStep::NewInvoice),
            (Some(ServiceFait), false, NextStep::Processing),
            (Some(Mandatee), false, NextStep::Processing),
            (Some(Comptabilisee), true, NextStep::PaymentNotReported),
            (
                Some(MiseADispositionComptable),
                true,
                NextStep::PaymentNotReported,
            ),
            (Some(MiseEnPaiement), false, NextStep::Paid),
        ] {
            assert_eq!(
                next_step(status, not_reported, None),
                expected,
                "{status:?}"
            );
        }
        // Paid after its due date: the interest is still to pay.
        let late = Deadline::PaidLate {
            due_date: day("2026-04-01"),
            paid_on: day("2026-04-21"),
            days_late: 20,
            interest: None,
            pay_by: day("2026-06-05"),
        };
        assert_eq!(
            next_step(Some(MiseEnPaiement), false, Some(&late)),
            NextStep::PayLateInterest
        );
        let on_time = Deadline::PaidOnTime {
            due_date: day("2026-04-01"),
            paid_on: day("2026-03-21"),
        };
        assert_eq!(
            next_step(Some(MiseEnPaiement), false, Some(&on_time)),
            NextStep::Paid
        );
    }

    #[test]
    fn watching_stops_once_rejected_or_put_in_payment() {
        assert!(!keeps_changing(Some(Rejetee)));
        assert!(!keeps_changing(Some(MiseEnPaiement)));
        for status in [
            Deposee,
            MiseADisposition,
            Suspendue,
            ARecycler,
            Comptabilisee,
        ] {
            assert!(keeps_changing(Some(status)), "{status:?}");
        }
        assert!(keeps_changing(None));
    }

    #[test]
    fn the_timeline_follows_the_events_own_dates() {
        // As the sandbox seeds it: MANDATEE recorded first, dated after MISE_EN_PAIEMENT;
        // no SERVICE_FAIT nor COMPTABILISEE (skipped optional steps).
        let arrived = vec![
            event(Mandatee, "2026-10-20T08:00:00Z"),
            event(Deposee, "2026-09-01T08:00:00Z"),
            event(MiseADisposition, "2026-09-02T08:00:00Z"),
            event(MiseEnPaiement, "2026-10-10T08:00:00Z"),
        ];
        let shown: Vec<_> = timeline(&arrived).iter().map(|e| e.status).collect();
        assert_eq!(shown, [Deposee, MiseADisposition, MiseEnPaiement, Mandatee]);
        assert_eq!(
            crate::chorus::current_status(&arrived),
            Some(MiseEnPaiement)
        );
    }

    #[test]
    fn events_of_the_same_instant_keep_their_order() {
        let same = "2026-09-01T08:00:00Z";
        let arrived = vec![
            event(Deposee, same),
            event(EnCoursAcheminement, same),
            event(MiseADisposition, same),
        ];
        let shown: Vec<_> = timeline(&arrived).iter().map(|e| e.status).collect();
        assert_eq!(shown, [Deposee, EnCoursAcheminement, MiseADisposition]);
        assert!(timeline(&[]).is_empty());
    }

    #[test]
    fn a_refresh_announces_only_what_is_new() {
        let before = vec![
            event(Deposee, "2026-09-01T08:00:00Z"),
            event(MiseADisposition, "2026-09-02T08:00:00Z"),
        ];
        let mut after = before.clone();
        // Arrived late: dated before the last known one, still new.
        after.insert(1, event(EnCoursAcheminement, "2026-09-01T12:00:00Z"));
        after.push(event(Suspendue, "2026-09-05T08:00:00Z"));
        let fresh: Vec<_> = new_events(&before, &after)
            .iter()
            .map(|e| e.status)
            .collect();
        assert_eq!(fresh, [EnCoursAcheminement, Suspendue]);
        assert!(new_events(&after, &after).is_empty());
        // Two identical events: the second one is news.
        let mut twice = before.clone();
        twice.push(before[1].clone());
        assert_eq!(new_events(&before, &twice).len(), 1);
    }

    #[test]
    fn refreshes_back_off_up_to_two_minutes() {
        let delays: Vec<u32> = (0..8).map(poll_delay_ms).collect();
        assert_eq!(
            delays,
            [5_000, 10_000, 20_000, 40_000, 80_000, 120_000, 120_000, 120_000]
        );
        assert_eq!(poll_delay_ms(u32::MAX), POLL_MAX_MS);
    }

    #[test]
    fn the_list_view_round_trips_through_its_url() {
        let view = BillQuery {
            status: Some(Suspendue),
            from: Some(day("2026-01-01")),
            to: Some(day("2026-06-30")),
            sort: BillSort::DateAsc,
            page: 3,
            page_size: 20,
        };
        assert_eq!(
            view.app_path(),
            "/invoices?status=SUSPENDUE&from=2026-01-01&to=2026-06-30&sort=date&page=3&pageSize=20"
        );
        let params = view.url_params();
        let get = |k: &str| {
            params
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(BillQuery::from_params(get), view);
        assert_eq!(BillQuery::default().app_path(), "/invoices");
        assert_eq!(
            view.api_path(3, 20),
            "/me/bill?chorusStatus=SUSPENDUE&from=2026-01-01&to=2026-06-30&sort=asc&page=3&pageSize=20"
        );
        assert_eq!(
            BillQuery::default().api_path(1, 50),
            "/me/bill?sort=desc&page=1&pageSize=50"
        );
    }

    #[test]
    fn a_hand_edited_link_falls_back_to_defaults() {
        let bad = [
            ("status", "PAYEE"),
            ("from", "2026-13-01"),
            ("to", "yesterday"),
            ("sort", "amount"),
            ("page", "0"),
            ("pageSize", "100000"),
        ];
        let get = |k: &str| bad.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
        assert_eq!(BillQuery::from_params(get), BillQuery::default());
    }

    #[test]
    fn a_new_filter_goes_back_to_the_first_page() {
        let view = BillQuery {
            page: 7,
            ..BillQuery::default()
        };
        let next = view.refiltered(|q| q.status = Some(Rejetee));
        assert_eq!(next.page, 1);
        assert_eq!(next.status, Some(Rejetee));
        let reversed = view.refiltered(|q| {
            q.from = Some(day("2026-05-01"));
            q.to = Some(day("2026-04-01"));
        });
        assert!(reversed.range_is_reversed());
        assert!(!view.range_is_reversed());
    }

    #[test]
    fn pages_cover_every_invoice() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(1, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_count(1000, 50), 20);
        assert_eq!(page_count(1000, 0), 1000);
        assert_eq!(page_count(u64::MAX, 1), u32::MAX);
    }

    #[test]
    fn the_page_shown_is_one_that_exists() {
        let at = |page, total, size| page_position(page, total, size);
        assert_eq!(
            at(2, 120, 50),
            PagePosition {
                current: 2,
                pages: 3,
                previous: Some(1),
                next: Some(3)
            }
        );
        assert_eq!(
            at(0, 120, 50),
            PagePosition {
                current: 1,
                pages: 3,
                previous: None,
                next: Some(2)
            }
        );
        assert_eq!(
            at(u32::MAX, 120, 50),
            PagePosition {
                current: 3,
                pages: 3,
                previous: Some(2),
                next: None
            }
        );
        assert_eq!(
            at(1, 0, 0),
            PagePosition {
                current: 1,
                pages: 1,
                previous: None,
                next: None
            }
        );
        let last = at(u32::MAX, u64::MAX, 1);
        assert_eq!((last.current, last.next), (u32::MAX, None));
    }

    #[test]
    fn actors_of_the_statuses() {
        assert_eq!(MiseADisposition.actor(), ChorusActor::ChorusPro);
        assert_eq!(Suspendue.actor(), ChorusActor::Recipient);
        assert_eq!(Completee.actor(), ChorusActor::Supplier);
        assert_eq!(MiseEnPaiement.actor(), ChorusActor::PublicAccountant);
    }
}
