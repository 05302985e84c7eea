//! The invoice's facts, its routing on Chorus Pro and the words for its next
//! step: what follows what is owed.

use leptos::prelude::*;
use mandat_model::billing::{Bill, ChorusTracking};
use mandat_model::chorus::{ChorusEvent, ChorusStatus};
use mandat_model::timeline::{next_step, timeline, NextStep};

use super::super::labels::{category_key, debt_key};
use super::controller::Invoice;
use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::ui::{price_text, Instant, RefusedLink, SummaryList, SummaryRow};

/// The bill's facts and its PDF.
#[component]
pub fn Facts(
    /// The bill.
    bill: Bill,
    /// The open invoice (its debt follows the tracking).
    invoice: Invoice,
) -> impl IntoView {
    let id = bill.bill_id.clone();
    let pdf = match Api::from_context().link(&bill.pdf_url) {
        Some(href) => view! {
            <p>
                <a class="mandat-inv-pdf" href=href download=format!("{id}.pdf") data-testid="pdf-link">
                    {fill(Key::InvPdf, &[("id", &id)])}
                </a>
            </p>
        }
        .into_any(),
        None => view! { <RefusedLink message=Key::LinkRefused /> }.into_any(),
    };
    let debt = move || {
        invoice.debt.get().map(|debt| {
            view! {
                <SummaryRow term=t(Key::InvFieldDebt) testid="debt">{t(debt_key(debt.status))}</SummaryRow>
            }
        })
    };
    view! {
        <section class="mandat-inv-section" aria-labelledby="inv-summary-title">
            <h2 id="inv-summary-title">{t(Key::InvSummaryTitle)}</h2>
            <SummaryList testid="invoice-facts">
                <SummaryRow term=t(Key::InvFieldDate)>
                    <Instant instant=bill.date />
                </SummaryRow>
                <SummaryRow term=t(Key::InvFieldOrder)>
                    {fill(Key::InvFieldOrderValue, &[("id", &bill.order_id.to_string())])}
                </SummaryRow>
                <SummaryRow term=t(Key::InvFieldType) testid="category">
                    {t(category_key(bill.category))}
                </SummaryRow>
                <SummaryRow term=t(Key::InvFieldHt)>{price_text(&bill.price_without_tax)}</SummaryRow>
                <SummaryRow term=t(Key::InvFieldTva)>{price_text(&bill.tax)}</SummaryRow>
                <SummaryRow term=t(Key::InvFieldTtc)>{price_text(&bill.price_with_tax)}</SummaryRow>
                {debt}
            </SummaryList>
            {pdf}
        </section>
    }
}

/// Where the invoice was sent on Chorus Pro (its number is in the header).
pub fn routing_view(tracking: &ChorusTracking) -> impl IntoView {
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            t(Key::InvRoutingNone).to_string()
        } else {
            s.to_string()
        }
    };
    let structure = or_none(&tracking.structure_name);
    let siret = or_none(&mandat_model::siret::shown(&tracking.siret));
    let service = or_none(&tracking.code_service);
    let engagement = or_none(&tracking.numero_engagement);
    view! {
        <SummaryList testid="routing">
            <SummaryRow term=t(Key::InvRoutingStructure)>{structure}</SummaryRow>
            <SummaryRow term=t(Key::InvRoutingSiret)>
                <span class="mandat-nowrap">{siret}</span>
            </SummaryRow>
            <SummaryRow term=t(Key::InvRoutingService)>{service}</SummaryRow>
            <SummaryRow term=t(Key::InvRoutingEj)>{engagement}</SummaryRow>
        </SummaryList>
    }
}

/// The reason of the latest event of `status`, by date.
fn latest_reason(history: &[ChorusEvent], status: ChorusStatus) -> Option<String> {
    timeline(history)
        .into_iter()
        .rev()
        .find(|e| e.status == status)
        .and_then(|e| e.reason)
        .filter(|r| !r.trim().is_empty())
}

fn reason_line(label: Key, reason: Option<String>) -> impl IntoView {
    reason.map(|reason| {
        view! {
            <p class="mandat-inv-reason">
                <strong>{t(label)}</strong>
                " "
                <span data-testid="next-step-reason">{reason}</span>
            </p>
        }
    })
}

fn step_code(step: NextStep) -> &'static str {
    match step {
        NextStep::Routing => "routing",
        NextStep::Validate => "validate",
        NextStep::SendDocuments => "send-documents",
        NextStep::CorrectRouting => "correct-routing",
        NextStep::NewInvoice => "new-invoice",
        NextStep::Processing => "processing",
        NextStep::PaymentNotReported => "payment-not-reported",
        NextStep::Paid => "paid",
        NextStep::PayLateInterest => "pay-late-interest",
        NextStep::Unknown => "unknown",
    }
}

/// What happens next, in words, with the recipient's reason where it gave one
/// (the action itself is in the header).
pub fn next_step_view(tracking: &ChorusTracking) -> impl IntoView {
    let not_reported = tracking.statut_mise_en_paiement_nest_pas_remonte;
    let step = next_step(tracking.status, not_reported, tracking.deadline.as_ref());
    let history = &tracking.history;
    let (words, reason) = match step {
        NextStep::Routing => (Key::InvNextRouting, None),
        NextStep::Validate => (Key::InvNextValidate, None),
        NextStep::SendDocuments => (
            Key::InvNextSuspended,
            Some((Key::InvNextSuspendedReason, ChorusStatus::Suspendue)),
        ),
        NextStep::CorrectRouting => (
            Key::InvNextRecycle,
            Some((Key::InvNextRecycleReason, ChorusStatus::ARecycler)),
        ),
        NextStep::NewInvoice => (
            Key::InvNextRejected,
            Some((Key::InvNextRejectedReason, ChorusStatus::Rejetee)),
        ),
        NextStep::Processing => (Key::InvNextProcessing, None),
        NextStep::PaymentNotReported => (Key::InvNextNotReported, None),
        NextStep::Paid => (Key::InvNextPaid, None),
        NextStep::PayLateInterest => (Key::InvNextPayLateInterest, None),
        NextStep::Unknown => (Key::InvNextUnknown, None),
    };
    let reason = reason.map(|(label, status)| reason_line(label, latest_reason(history, status)));
    let note = (not_reported
        && !matches!(
            step,
            NextStep::PaymentNotReported
                | NextStep::Paid
                | NextStep::PayLateInterest
                | NextStep::NewInvoice
        ))
    .then(|| view! { <p class="mandat-hint" data-testid="not-reported-note">{t(Key::InvNotReportedNote)}</p> });
    view! {
        <div class="mandat-inv-step" data-testid="next-step" data-step=step_code(step)>
            <p>{t(words)}</p>
            {reason}
            {note}
        </div>
    }
}
