//! `/invoices/:billId`: one invoice. It opens with what is owed (the status, the
//! amount due with any late-payment interest, the due date, the Chorus Pro
//! number, the one action); then what comes next, the answer to a suspension or
//! the routing to correct, the facts, the routing, the deadline with its legal
//! text, and the history, refreshed while the page is open.

mod controller;
mod deadline;
mod facts;
mod header;

use leptos::prelude::*;

use super::documents::DocumentsPanel;
use super::recycle::RecyclePanel;
use super::timeline::Timeline;
use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{loaded, Alert, AlertKind, Load, NotFound};
pub use controller::InvoiceData;
use controller::{load, Invoice};
use deadline::deadline_view;
use facts::{next_step_view, routing_view, Facts};
use header::OwedHeader;

/// Where the administration validates its invoices.
pub const CHORUS_PRO_URL: &str = "https://chorus-pro.gouv.fr/";

/// `/invoices/:billId`
#[component]
pub fn InvoicePage(
    /// The invoice's id (`FR1000001`).
    bill_id: String,
) -> impl IntoView {
    let title = fill(Key::InvoiceTitle, &[("id", &bill_id)]);
    crate::set_page_title(&title);
    let api = Api::from_context();
    let data = Load::new(move || load(api.clone(), bill_id.clone()));
    let retry = Callback::new(move |()| data.refetch());
    let not_found = NotFound {
        title: Key::InvNotFoundTitle,
        body: Key::InvNotFoundBody,
        back_to: "/invoices",
        back: Key::InvNotFoundLink,
    };
    let shown = move || data.with(|d| matches!(d, Some(Ok(_))));
    view! {
        <p class="mandat-inv-back">
            <a href=crate::nav::href("/invoices")>{t(Key::InvBack)}</a>
        </p>
        // The invoice's own header holds the title once it is read.
        <Show when=move || !shown()>
            <h1>{title.clone()}</h1>
        </Show>
        {move || {
            loaded(data.get(), None, retry, Some(not_found), |data| view! { <InvoiceDetail data=data /> })
        }}
    }
}

/// The invoice once loaded, refreshed live.
#[component]
pub fn InvoiceDetail(
    /// The bill, its debt and its Chorus Pro tracking.
    data: InvoiceData,
) -> impl IntoView {
    let loc = locale();
    let invoice = Invoice::start(&data, loc);
    let bill = data.bill;
    let title = fill(Key::InvoiceTitle, &[("id", &bill.bill_id)]);
    let header = view! { <OwedHeader title=title bill=bill.clone() invoice=invoice /> };
    let facts = view! { <Facts bill=bill.clone() invoice=invoice /> };
    if !invoice.on_chorus() {
        return view! {
            {header}
            <Alert kind=AlertKind::Info title=t(Key::InvStatusNone) quiet=true>
                <p>{t(Key::InvNotOnChorus)}</p>
            </Alert>
            {facts}
        }
        .into_any();
    }
    let tracking = invoice.tracking;
    let status = invoice.status;
    // Only a suspended invoice is ever answered with documents; a memo, so that
    // the panel (and an upload under way) outlives other news.
    let suspended = Memo::new(move |_| {
        tracking.with(|t| {
            t.as_ref().is_some_and(|t| {
                t.history
                    .iter()
                    .any(|e| e.status == mandat_model::chorus::ChorusStatus::Suspendue)
            })
        })
    });
    let documents = {
        let id = bill.bill_id.clone();
        move || {
            suspended.get().then(|| {
                view! {
                    <DocumentsPanel
                        bill_id=id.clone()
                        status=status
                        on_sent=move |()| invoice.refresh_now()
                        shown_state=invoice.documents
                    />
                }
            })
        }
    };
    let events = Signal::derive(move || {
        tracking.with(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
    });
    view! {
        {header}
        <section class="mandat-inv-section mandat-inv-next" aria-labelledby="inv-next-title" data-testid="next-step-section">
            <h2 id="inv-next-title">{t(Key::InvNextTitle)}</h2>
            {move || tracking.with(|t| t.as_ref().map(next_step_view))}
        </section>
        {documents}
        <RecyclePanel
            bill_id=bill.bill_id.clone()
            order_id=bill.order_id
            tracking=tracking
            on_corrected=Callback::new(move |t| invoice.apply(t))
            on_stale=Callback::new(move |()| invoice.refresh_now())
        />
        {facts}
        <section class="mandat-inv-section" aria-labelledby="inv-routing-title">
            <h2 id="inv-routing-title">{t(Key::InvRoutingTitle)}</h2>
            {move || tracking.with(|t| t.as_ref().map(routing_view))}
        </section>
        <section class="mandat-inv-section" aria-labelledby="inv-deadline-title">
            <h2 id="inv-deadline-title">{t(Key::InvDeadlineTitle)}</h2>
            {move || invoice.deadline.get().map(|d| deadline_view(d, status.get(), loc))}
        </section>
        <section class="mandat-inv-section" aria-labelledby="inv-timeline-title">
            <h2 id="inv-timeline-title">{t(Key::InvTimelineTitle)}</h2>
            {move || {
                mandat_model::timeline::keeps_changing(status.get())
                    .then(|| view! { <p class="mandat-hint" data-testid="live-hint">{t(Key::InvLiveWatching)}</p> })
            }}
            <Timeline events=events />
        </section>
        <div class="mandat-inv-sr" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
            {move || invoice.announcement.get()}
        </div>
    }
    .into_any()
}
