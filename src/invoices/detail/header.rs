//! The top of the invoice page: what is owed, by when, the status, the Chorus
//! Pro number to quote, and the one action that applies.

use leptos::prelude::*;
use mandat_model::billing::Bill;
use mandat_model::deadline::Deadline;
use mandat_model::documents::DocumentsState;
use mandat_model::locale::format_day;
use mandat_model::owed::{amount_due, AmountDue};
use mandat_model::timeline::{next_step, NextStep};

use super::super::labels::StatusBadge;
use super::controller::Invoice;
use super::deadline::days_text;
use super::CHORUS_PRO_URL;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{
    cents_text, focus_target, ButtonLink, CopyText, Emphasis, Icon, IconName, PageHeader,
    SummaryList, SummaryRow,
};

/// The page's `<h1>` and its key figures.
#[component]
pub fn OwedHeader(
    /// The page's title.
    title: String,
    /// The bill.
    bill: Bill,
    /// The open invoice.
    invoice: Invoice,
) -> impl IntoView {
    let price = bill.price_with_tax.clone();
    let owed = Memo::new(move |_| {
        let deadline = invoice.deadline.get().unwrap_or(Deadline::Unknown);
        invoice
            .debt
            .with(|debt| amount_due(&deadline, debt.as_ref(), &price))
    });
    let chorus_number = invoice.tracking.with_untracked(|t| {
        t.as_ref()
            .map(|t| t.chorus_invoice_id.clone())
            .filter(|id| !id.trim().is_empty())
    });
    let number = chorus_number.map(|id| {
        view! {
            <SummaryRow term=t(Key::InvChorusId)>
                <CopyText value=id label=t(Key::InvChorusCopyLabel) testid="chorus-number" />
            </SummaryRow>
        }
    });
    let due = invoice.on_chorus().then(|| {
        view! {
            <SummaryRow term=t(Key::InvDueLabel) testid="owed-due">
                {move || due_text(invoice.deadline.get().as_ref())}
            </SummaryRow>
        }
    });
    view! {
        <PageHeader title=title testid="invoice-header">
            <SummaryList columns=true testid="owed">
                <SummaryRow term=t(Key::InvFieldStatus) testid="current-status">
                    {move || view! { <StatusBadge status=invoice.status.get() /> }}
                </SummaryRow>
                <SummaryRow term=t(Key::InvOwedAmount)>
                    {move || owed_view(owed.get(), invoice.deadline.get().as_ref())}
                </SummaryRow>
                {due}
                {number}
            </SummaryList>
            {move || action(invoice)}
        </PageHeader>
    }
}

/// The amount due, and what it is made of when more than the invoice.
fn owed_view(owed: AmountDue, deadline: Option<&Deadline>) -> impl IntoView {
    let loc = locale();
    let late = owed.late.as_ref().map(|late| {
        let indemnity = cents_text(Some(late.indemnity_cents));
        let made_of = match late.interest_cents {
            Some(interest) => fill(
                Key::InvOwedLateDetail,
                &[
                    ("interest", &cents_text(Some(interest))),
                    ("indemnity", &indemnity),
                ],
            ),
            None => fill(Key::InvOwedInterestUnknown, &[("indemnity", &indemnity)]),
        };
        let when = if late.growing {
            Some(t(Key::InvOwedGrowing).to_string())
        } else {
            late.pay_by
                .map(|date| fill(Key::InvOwedPayBy, &[("date", &format_day(date, loc))]))
        };
        view! {
            <span class="mandat-owed__detail" data-testid="amount-due-detail">
                {made_of}
                {when.map(|w| format!(". {w}"))}
            </span>
        }
    });
    let not_reported = matches!(deadline, Some(Deadline::PaymentNotReported { .. })).then(|| {
        view! { <span class="mandat-owed__detail">{t(Key::InvPendingUnknown)}</span> }
    });
    view! {
        <span class="mandat-owed__amount" data-testid="amount-due">
            {cents_text(owed.total_cents())}
        </span>
        {late}
        {not_reported}
    }
}

/// The due date with the days left or late, or why there is none.
fn due_text(deadline: Option<&Deadline>) -> String {
    let loc = locale();
    let day = |d| format_day(d, loc);
    match deadline {
        Some(Deadline::Running {
            due_date,
            days_left: 0,
            ..
        }) => fill(Key::InvDueToday, &[("date", &day(*due_date))]),
        Some(Deadline::Running {
            due_date,
            days_left,
            ..
        }) => fill(
            Key::InvDueIn,
            &[("date", &day(*due_date)), ("days", &days_text(*days_left))],
        ),
        Some(Deadline::Overdue {
            due_date,
            days_late,
            ..
        }) => fill(
            Key::InvDueLate,
            &[("date", &day(*due_date)), ("days", &days_text(*days_late))],
        ),
        Some(Deadline::PaidOnTime { due_date, paid_on }) => fill(
            Key::InvDuePaidOnTime,
            &[("date", &day(*due_date)), ("paid", &day(*paid_on))],
        ),
        Some(Deadline::PaidLate {
            due_date,
            paid_on,
            days_late,
            ..
        }) => fill(
            Key::InvDuePaidLate,
            &[
                ("date", &day(*due_date)),
                ("days", &days_text(*days_late)),
                ("paid", &day(*paid_on)),
            ],
        ),
        Some(Deadline::PaymentNotReported { due_date, .. }) => {
            fill(Key::InvDueNotReported, &[("date", &day(*due_date))])
        }
        Some(Deadline::Interrupted { .. }) => t(Key::InvHeadDueInterrupted).to_string(),
        Some(Deadline::Void) => t(Key::InvHeadDueVoid).to_string(),
        Some(Deadline::NotStarted { .. }) => t(Key::InvDueNotStarted).to_string(),
        Some(Deadline::Unknown) | None => t(Key::InvDueUnknown).to_string(),
    }
}

/// A link to a section of the page, drawn as the primary button, that moves
/// the focus there.
fn in_page_action(target: &'static str, words: Key) -> AnyView {
    view! {
        <p class="mandat-owed__action">
            <a
                class=Emphasis::Primary.class()
                href=format!("#{target}")
                on:click=focus_target(target)
                data-testid="header-action"
            >
                <Icon name=IconName::Arrow />
                <span>{t(words)}</span>
            </a>
        </p>
    }
    .into_any()
}

/// The one action the invoice's state calls for, if any.
fn action(invoice: Invoice) -> Option<AnyView> {
    let (status, not_reported) = invoice.tracking.with(|t| {
        t.as_ref()
            .map(|t| (t.status, t.statut_mise_en_paiement_nest_pas_remonte))
    })?;
    let deadline = invoice.deadline.get();
    match next_step(status, not_reported, deadline.as_ref()) {
        NextStep::Validate => Some(
            view! {
                <p class="mandat-owed__action">
                    <ButtonLink href=CHORUS_PRO_URL new_window=true testid="validate-link">
                        {t(Key::InvNextValidateLink)}
                    </ButtonLink>
                </p>
            }
            .into_any(),
        ),
        // Once sent, nothing is left to do but wait for the completion.
        NextStep::SendDocuments
            if invoice
                .documents
                .get()
                .is_none_or(DocumentsState::accepts_upload) =>
        {
            Some(in_page_action(
                "inv-documents-title",
                Key::InvActionSendDocuments,
            ))
        }
        NextStep::CorrectRouting => Some(in_page_action(
            "inv-recycle-title",
            Key::InvActionCorrectRouting,
        )),
        _ => None,
    }
}
