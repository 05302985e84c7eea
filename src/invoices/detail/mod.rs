//! `/invoices/:billId`: one invoice, what to do next, its payment deadline and its
//! status timeline, refreshed while the page is open.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use mandat_model::billing::{Bill, ChorusTracking, Debt};
use mandat_model::chorus::{ChorusEvent, ChorusStatus};
use mandat_model::deadline::{Deadline, Interruption};
use mandat_model::late_payment::LateInterest;
use mandat_model::locale::{format_date_time, format_day, format_euros, format_rate, iso_day};
use mandat_model::timeline::{
    keeps_changing, new_events, next_step, timeline, NextStep, POLL_FIRST_MS,
};
use mandat_model::{ApiError, Locale};

use super::documents::DocumentsPanel;
use super::labels::{category_key, debt_key, fill_in, status_key, StatusBadge};
use super::recycle::RecyclePanel;
use super::timeline::Timeline;
use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{
    cents_text, loaded, price_text, Alert, AlertKind, Instant, Latest, Polled, Poller, RefusedLink,
};

/// Where the administration validates its invoices.
pub const CHORUS_PRO_URL: &str = "https://chorus-pro.gouv.fr/";

/// What the invoice page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceData {
    pub bill: Bill,
    /// Absent when the API could not say (the page still shows the rest).
    pub debt: Option<Debt>,
    /// Absent for a bill that does not go through Chorus Pro.
    pub tracking: Option<ChorusTracking>,
}

fn bill_path(id: &str) -> String {
    format!("/me/bill/{}", js_sys::encode_uri_component(id))
}

async fn load(api: Api, id: String) -> Result<InvoiceData, ApiError> {
    let base = bill_path(&id);
    let bill: Bill = api.get_json(&base).await?;
    let tracking = match api
        .get_json::<ChorusTracking>(&format!("{base}/chorus"))
        .await
    {
        Ok(tracking) => Some(tracking),
        Err(ApiError::NotFound) => None,
        Err(e) => return Err(e),
    };
    let debt = api.get_json::<Debt>(&format!("{base}/debt")).await.ok();
    Ok(InvoiceData {
        bill,
        debt,
        tracking,
    })
}

/// `/invoices/:billId`
#[component]
pub fn InvoicePage(
    /// The invoice's id (`FR1000001`).
    bill_id: String,
) -> impl IntoView {
    let title = fill(Key::InvoiceTitle, &[("id", &bill_id)]);
    crate::set_page_title(&title);
    let api = Api::from_context();
    let data = LocalResource::new(move || load(api.clone(), bill_id.clone()));
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <p class="mandat-inv-back">
            <a href=crate::nav::href("/invoices")>{t(Key::InvBack)}</a>
        </p>
        <h1>{title}</h1>
        {move || {
            loaded(
                data.get(),
                None,
                retry,
                Some((Key::InvNotFoundTitle, Key::InvNotFoundBody)),
                |data| view! { <InvoiceDetail data=data /> },
            )
        }}
    }
}

/// The invoice once loaded: summary, next step, deadline, timeline; refreshed live.
#[component]
pub fn InvoiceDetail(
    /// The bill, its debt and its Chorus Pro tracking.
    data: InvoiceData,
) -> impl IntoView {
    let loc = locale();
    let InvoiceData {
        bill,
        debt,
        tracking: initial,
    } = data;
    let on_chorus = initial.is_some();
    let tracking = RwSignal::new(initial);
    // Read again with the tracking, so that the summary follows the deadline.
    let debt = RwSignal::new(debt);
    let announcement = RwSignal::new(String::new());
    // Bumped when something the page did should show on Chorus Pro soon.
    let watch_now = RwSignal::new(0u32);
    let live = on_chorus.then(|| Live::start(&bill.bill_id, tracking, debt, announcement, loc));
    if let Some(live) = live {
        // Something the page did (documents sent) should show on Chorus Pro
        // soon: read now, and soon again.
        Effect::new(move |seen: Option<u32>| {
            let n = watch_now.get();
            if seen.is_some_and(|seen| seen != n) {
                live.refresh_now();
            }
            n
        });
    }
    let status = Memo::new(move |_| tracking.with(|t| t.as_ref().and_then(|t| t.status)));
    let bill_status = bill.chorus_status;
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
    let debt_facts = move || {
        debt.get().map(|debt| {
            view! {
            <dt>{t(Key::InvFieldDebt)}</dt>
            <dd data-testid="debt">{t(debt_key(debt.status))}</dd>
            <dt>{t(Key::InvFieldPending)}</dt>
            <dd>
                {match &debt.pending_amount {
                    Some(pending) => price_text(pending),
                    None => t(Key::InvPendingUnknown).to_string(),
                }}
            </dd>
            }
        })
    };
    let summary = view! {
        <section class="mandat-inv-section" aria-labelledby="inv-summary-title">
            <h2 id="inv-summary-title">{t(Key::InvSummaryTitle)}</h2>
            <dl class="mandat-facts mandat-inv-facts">
                <dt>{t(Key::InvFieldDate)}</dt>
                <dd>
                    <Instant instant=bill.date />
                </dd>
                <dt>{t(Key::InvFieldOrder)}</dt>
                <dd>{fill(Key::InvFieldOrderValue, &[("id", &bill.order_id.to_string())])}</dd>
                <dt>{t(Key::InvFieldType)}</dt>
                <dd data-testid="category">{t(category_key(bill.category))}</dd>
                <dt>{t(Key::InvFieldHt)}</dt>
                <dd>{price_text(&bill.price_without_tax)}</dd>
                <dt>{t(Key::InvFieldTva)}</dt>
                <dd>{price_text(&bill.tax)}</dd>
                <dt>{t(Key::InvFieldTtc)}</dt>
                <dd>{price_text(&bill.price_with_tax)}</dd>
                <dt>{t(Key::InvFieldStatus)}</dt>
                <dd data-testid="current-status">
                    {move || {
                        let s = if on_chorus { status.get() } else { bill_status };
                        view! { <StatusBadge status=s /> }
                    }}
                </dd>
                {debt_facts}
            </dl>
            {pdf}
        </section>
    };
    let chorus = if on_chorus {
        // Only a suspended invoice is ever answered with documents; a memo, so
        // that the panel (and an upload under way) outlives other news.
        let suspended = Memo::new(move |_| {
            tracking.with(|t| {
                t.as_ref().is_some_and(|t| {
                    t.history
                        .iter()
                        .any(|e| e.status == ChorusStatus::Suspendue)
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
                            on_sent=move |()| watch_now.update(|n| *n += 1)
                        />
                    }
                })
            }
        };
        let events = Signal::derive(move || {
            tracking.with(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
        });
        view! {
            <section class="mandat-inv-section mandat-inv-next" aria-labelledby="inv-next-title" data-testid="next-step-section">
                <h2 id="inv-next-title">{t(Key::InvNextTitle)}</h2>
                {move || tracking.with(|t| t.as_ref().map(|t| next_step_view(t, loc)))}
            </section>
            {documents}
            {live.map(|live| {
                view! {
                    <RecyclePanel
                        bill_id=bill.bill_id.clone()
                        order_id=bill.order_id
                        tracking=tracking
                        on_corrected=Callback::new(move |t| live.apply(t))
                        on_stale=Callback::new(move |()| live.refresh_now())
                    />
                }
            })}
            <section class="mandat-inv-section" aria-labelledby="inv-deadline-title">
                <h2 id="inv-deadline-title">{t(Key::InvDeadlineTitle)}</h2>
                {move || tracking.with(|t| t.as_ref().map(|t| deadline_view(t.deadline.clone(), loc)))}
            </section>
            <section class="mandat-inv-section" aria-labelledby="inv-timeline-title">
                <h2 id="inv-timeline-title">{t(Key::InvTimelineTitle)}</h2>
                <p class="mandat-hint">{t(Key::InvTimelineIntro)}</p>
                {move || {
                    keeps_changing(status.get())
                        .then(|| view! { <p class="mandat-hint" data-testid="live-hint">{t(Key::InvLiveWatching)}</p> })
                }}
                <Timeline events=events />
            </section>
        }
        .into_any()
    } else {
        view! {
            <Alert kind=AlertKind::Info title=t(Key::InvStatusNone)>
                <p>{t(Key::InvNotOnChorus)}</p>
            </Alert>
        }
        .into_any()
    };
    view! {
        {summary}
        {chorus}
        <div class="mandat-inv-sr" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
            {move || announcement.get()}
        </div>
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

fn routing_facts(tracking: &ChorusTracking) -> impl IntoView {
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            t(Key::InvRoutingNone).to_string()
        } else {
            s.to_string()
        }
    };
    view! {
        <dl class="mandat-facts mandat-inv-facts" data-testid="routing">
            <dt>{t(Key::InvChorusId)}</dt>
            <dd>{tracking.chorus_invoice_id.clone()}</dd>
            <dt>{t(Key::InvRoutingStructure)}</dt>
            <dd>{or_none(&tracking.structure_name)}</dd>
            <dt>{t(Key::InvRoutingSiret)}</dt>
            <dd>{or_none(&mandat_model::siret::shown(&tracking.siret))}</dd>
            <dt>{t(Key::InvRoutingService)}</dt>
            <dd>{or_none(&tracking.code_service)}</dd>
            <dt>{t(Key::InvRoutingEj)}</dt>
            <dd>{or_none(&tracking.numero_engagement)}</dd>
        </dl>
    }
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

fn next_step_view(tracking: &ChorusTracking, _loc: Locale) -> impl IntoView {
    let not_reported = tracking.statut_mise_en_paiement_nest_pas_remonte;
    let step = next_step(tracking.status, not_reported, tracking.deadline.as_ref());
    let history = &tracking.history;
    let body = match step {
        NextStep::Routing => view! { <p>{t(Key::InvNextRouting)}</p> }.into_any(),
        NextStep::Validate => view! {
            <p>{t(Key::InvNextValidate)}</p>
            <p>
                <a
                    class="mandat-button mandat-inv-chorus-link"
                    href=CHORUS_PRO_URL
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="validate-link"
                >
                    {t(Key::InvNextValidateLink)}
                </a>
            </p>
        }
        .into_any(),
        NextStep::SendDocuments => view! {
            <p>{t(Key::InvNextSuspended)}</p>
            {reason_line(Key::InvNextSuspendedReason, latest_reason(history, ChorusStatus::Suspendue))}
        }
        .into_any(),
        NextStep::CorrectRouting => view! {
            <p>{t(Key::InvNextRecycle)}</p>
            {reason_line(Key::InvNextRecycleReason, latest_reason(history, ChorusStatus::ARecycler))}
            <h3>{t(Key::InvRoutingTitle)}</h3>
            {routing_facts(tracking)}
        }
        .into_any(),
        NextStep::NewInvoice => view! {
            <p>{t(Key::InvNextRejected)}</p>
            {reason_line(Key::InvNextRejectedReason, latest_reason(history, ChorusStatus::Rejetee))}
        }
        .into_any(),
        NextStep::Processing => view! { <p>{t(Key::InvNextProcessing)}</p> }.into_any(),
        NextStep::PaymentNotReported => view! { <p>{t(Key::InvNextNotReported)}</p> }.into_any(),
        NextStep::Paid => view! { <p>{t(Key::InvNextPaid)}</p> }.into_any(),
        NextStep::PayLateInterest => view! { <p>{t(Key::InvNextPayLateInterest)}</p> }.into_any(),
        NextStep::Unknown => view! { <p>{t(Key::InvNextUnknown)}</p> }.into_any(),
    };
    let note = (not_reported
        && !matches!(
            step,
            NextStep::PaymentNotReported
                | NextStep::Paid
                | NextStep::PayLateInterest
                | NextStep::NewInvoice
        ))
    .then(|| view! { <p class="mandat-hint" data-testid="not-reported-note">{t(Key::InvNotReportedNote)}</p> });
    let routing = (step != NextStep::CorrectRouting).then(|| {
        view! {
            <details class="mandat-inv-routing">
                <summary>{t(Key::InvRoutingTitle)}</summary>
                {routing_facts(tracking)}
            </details>
        }
    });
    view! {
        <div class="mandat-inv-step" data-testid="next-step" data-step=step_code(step)>
            {body}
            {note}
        </div>
        {routing}
    }
}

fn days_text(days: i64) -> String {
    if days == 0 {
        t(Key::InvDayZero).to_string()
    } else if days == 1 {
        t(Key::InvDayOne).to_string()
    } else {
        fill(Key::InvDays, &[("days", &days.to_string())])
    }
}

fn day_view(day: NaiveDate, loc: Locale) -> impl IntoView {
    view! { <time datetime=iso_day(day)>{format_day(day, loc)}</time> }
}

/// The deadline's facts: start, length, interruption, due date, payment.
struct DeadlineFacts {
    start: Option<(NaiveDate, i64)>,
    interruption: Option<Interruption>,
    due: Option<NaiveDate>,
    paid_on: Option<NaiveDate>,
}

fn facts_view(facts: DeadlineFacts, loc: Locale) -> impl IntoView {
    let start = facts.start.map(|(start, days)| {
        view! {
            <dt>{t(Key::InvDeadlineStart)}</dt>
            <dd>{day_view(start, loc)}</dd>
            <dt>{t(Key::InvDeadlineDays)}</dt>
            <dd>{days_text(days)}</dd>
        }
    });
    let interruption = facts.interruption.map(|i| {
        let resumed = match i.resumed_on {
            Some(on) => view! {
                <dt>{t(Key::InvDeadlineResumedOn)}</dt>
                <dd>{day_view(on, loc)}</dd>
                <dt>{t(Key::InvDeadlineNewDays)}</dt>
                <dd>{days_text(i.new_days)}</dd>
            }
            .into_any(),
            None => view! {
                <dt>{t(Key::InvDeadlineNewDaysPending)}</dt>
                <dd>{days_text(i.new_days)}</dd>
            }
            .into_any(),
        };
        view! {
            <dt>{t(Key::InvDeadlineInterruptedOn)}</dt>
            <dd>{day_view(i.since, loc)}</dd>
            <dt>{t(Key::InvDeadlineBalance)}</dt>
            <dd>{days_text(i.balance_days)}</dd>
            {resumed}
        }
    });
    let due = facts.due.map(|due| {
        view! {
            <dt>{t(Key::InvDeadlineDue)}</dt>
            <dd data-testid="due-date">{day_view(due, loc)}</dd>
        }
    });
    let paid = facts.paid_on.map(|on| {
        view! {
            <dt>{t(Key::InvDeadlinePaidOn)}</dt>
            <dd>{day_view(on, loc)}</dd>
        }
    });
    view! {
        <dl class="mandat-facts mandat-inv-facts" data-testid="deadline-facts">
            {start}
            {interruption}
            {due}
            {paid}
        </dl>
    }
}

/// Late-payment interest and indemnity: so far (overdue) or owed (paid late).
fn interest_view(
    interest: Option<LateInterest>,
    title: Key,
    pay_by: Option<NaiveDate>,
    loc: Locale,
) -> impl IntoView {
    let pay_by = pay_by.map(|date| {
        view! {
            <p data-testid="late-pay-by">
                <strong>{fill(Key::InvLatePayBy, &[("date", &format_day(date, loc))])}</strong>
            </p>
        }
    });
    let running = pay_by
        .is_none()
        .then(|| view! { <p class="mandat-hint">{t(Key::InvLateRunning)}</p> });
    let body = match interest {
        None => view! { <p data-testid="late-unknown">{t(Key::InvLateUnknown)}</p> }.into_any(),
        Some(i) => {
            let last_known = i.rate_is_last_known().then(|| {
                view! {
                    <p class="mandat-hint" data-testid="late-rate-last-known">
                        {fill(
                            Key::InvLateLastKnownRate,
                            &[("half", &format_day(i.half_year, loc)), ("from", &format_day(i.rate_from, loc))],
                        )}
                    </p>
                }
            });
            let total = cents_text(i.total_cents());
            view! {
                <dl class="mandat-facts mandat-inv-facts">
                    <dt>{t(Key::InvLateInterest)}</dt>
                    <dd data-testid="late-interest">{format_euros(i.interest_cents, loc)}</dd>
                    <dt>{t(Key::InvLateIndemnity)}</dt>
                    <dd data-testid="late-indemnity">{format_euros(i.indemnity_cents, loc)}</dd>
                    <dt>{t(Key::InvLateTotal)}</dt>
                    <dd data-testid="late-total">{total}</dd>
                </dl>
                <p class="mandat-hint">
                    {fill(
                        Key::InvLateExplain,
                        &[
                            // The anchor of the rate used: the half-year's own, or the
                            // last known one, which the note below then explains.
                            ("from", &format_day(i.rate_from, loc)),
                            ("ecb", &format_rate(i.ecb_rate_bp, loc)),
                            ("rate", &format_rate(i.annual_rate_bp, loc)),
                            ("amount", &format_euros(i.amount_cents, loc)),
                            ("days", &days_text(i.days_late)),
                        ],
                    )}
                </p>
                {last_known}
            }
            .into_any()
        }
    };
    view! {
        <div class="mandat-inv-estimate" data-testid="late-estimate">
            <h3>{t(title)}</h3>
            {body}
            {running}
            {pay_by}
        </div>
    }
}

/// The deadline as the API computed it (see `mandat_model::deadline`), values out
/// of any plausible range shown as unknown.
fn deadline_view(deadline: Option<Deadline>, loc: Locale) -> impl IntoView {
    let deadline = deadline.map(Deadline::checked).unwrap_or(Deadline::Unknown);
    let code = deadline.code();
    let date = |day: NaiveDate| format_day(day, loc);
    let (facts, late, headline, more, interest) = match deadline {
        Deadline::NotStarted { after_recycling } => {
            let key = if after_recycling {
                Key::InvDeadlineRestarts
            } else {
                Key::InvDeadlineNotStarted
            };
            (None, false, t(key).to_string(), None, None)
        }
        Deadline::Running {
            start_date,
            days,
            interruption,
            due_date,
            days_left,
        } => {
            let headline = match days_left {
                0 => t(Key::InvDeadlineToday).to_string(),
                1 => t(Key::InvDeadlineLeftOne).to_string(),
                n => fill(Key::InvDeadlineLeft, &[("days", &n.to_string())]),
            };
            let more = resumed_text(interruption.as_ref(), loc);
            let facts = DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            };
            (Some(facts), false, headline, more, None)
        }
        Deadline::Interrupted {
            start_date,
            days,
            interruption,
        } => {
            let headline = fill(
                Key::InvDeadlineInterrupted,
                &[("date", &date(interruption.since))],
            );
            let more = Some(fill(
                Key::InvDeadlineInterruptedNext,
                &[("days", &interruption.new_days.to_string())],
            ));
            let facts = DeadlineFacts {
                start: Some((start_date, days)),
                interruption: Some(interruption),
                due: None,
                paid_on: None,
            };
            (Some(facts), false, headline, more, None)
        }
        Deadline::Overdue {
            start_date,
            days,
            interruption,
            due_date,
            days_late,
            interest,
        } => {
            let headline = if days_late == 1 {
                t(Key::InvDeadlineLateOne).to_string()
            } else {
                fill(Key::InvDeadlineLate, &[("days", &days_late.to_string())])
            };
            let more = resumed_text(interruption.as_ref(), loc);
            let facts = DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            };
            let interest = interest_view(interest, Key::InvLateSoFarTitle, None, loc).into_any();
            (Some(facts), true, headline, more, Some(interest))
        }
        Deadline::PaidOnTime { due_date, paid_on } => {
            let headline = fill(Key::InvDeadlinePaidOnTime, &[("date", &date(paid_on))]);
            let facts = DeadlineFacts {
                start: None,
                interruption: None,
                due: Some(due_date),
                paid_on: Some(paid_on),
            };
            (Some(facts), false, headline, None, None)
        }
        Deadline::PaidLate {
            due_date,
            paid_on,
            days_late,
            interest,
            pay_by,
        } => {
            let headline = if days_late == 1 {
                fill(Key::InvDeadlinePaidLateOne, &[("date", &date(paid_on))])
            } else {
                fill(
                    Key::InvDeadlinePaidLate,
                    &[("date", &date(paid_on)), ("days", &days_late.to_string())],
                )
            };
            let facts = DeadlineFacts {
                start: None,
                interruption: None,
                due: Some(due_date),
                paid_on: Some(paid_on),
            };
            let interest =
                interest_view(interest, Key::InvLateOwedTitle, Some(pay_by), loc).into_any();
            (Some(facts), true, headline, None, Some(interest))
        }
        Deadline::Void => (None, false, t(Key::InvDeadlineVoid).to_string(), None, None),
        Deadline::PaymentNotReported {
            start_date,
            days,
            interruption,
            due_date,
        } => {
            let more = resumed_text(interruption.as_ref(), loc);
            let facts = DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            };
            let headline = t(Key::InvDeadlineNotReported).to_string();
            (Some(facts), false, headline, more, None)
        }
        Deadline::Unknown => (
            None,
            false,
            t(Key::InvDeadlineUnknown).to_string(),
            None,
            None,
        ),
    };
    let class = if late {
        "mandat-inv-deadline mandat-inv-deadline--late"
    } else {
        "mandat-inv-deadline"
    };
    view! {
        <div data-testid="deadline" data-state=code>
            {facts.map(|f| facts_view(f, loc))}
            <p class=class data-testid="deadline-state">
                <strong>{headline}</strong>
            </p>
            {more.map(|text| view! { <p data-testid="deadline-more">{text}</p> })}
            {interest}
        </div>
    }
}

/// After a suspension answered, what happened to the deadline.
fn resumed_text(interruption: Option<&Interruption>, loc: Locale) -> Option<String> {
    let i = interruption?;
    let on = i.resumed_on?;
    Some(fill(
        Key::InvDeadlineResumed,
        &[
            ("date", &format_day(on, loc)),
            ("days", &i.new_days.to_string()),
        ],
    ))
}

/// What the live tracking shows: the tracking, the debt that follows it, and
/// the live region that announces new events.
#[derive(Clone, Copy)]
struct Shown {
    tracking: RwSignal<Option<ChorusTracking>>,
    debt: RwSignal<Option<Debt>>,
    announcement: RwSignal<String>,
    locale: Locale,
    debt_path: StoredValue<String>,
    api: StoredValue<Api, LocalStorage>,
    debt_reads: Latest,
}

impl Shown {
    /// Shows `fresh`, reads the debt again when it changed (put in payment,
    /// rejected...), announces its new events; what the poller does next.
    fn take(self, fresh: ChorusTracking) -> Polled {
        let before = self
            .tracking
            .try_with_untracked(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
            .unwrap_or_default();
        let news = new_events(&before, &fresh.history);
        let status = fresh.status;
        let changed = self
            .tracking
            .try_with_untracked(|t| t.as_ref() != Some(&fresh))
            .unwrap_or(false);
        if changed {
            self.tracking.try_set(Some(fresh));
            let ticket = self.debt_reads.begin();
            let (api, path) = (self.api.get_value(), self.debt_path.get_value());
            let debt = self.debt;
            spawn_local(async move {
                if let Ok(fresh_debt) = api.get_json::<Debt>(&path).await {
                    if ticket.is_current() {
                        debt.try_set(Some(fresh_debt));
                    }
                }
            });
        }
        if !news.is_empty() {
            self.announcement.try_set(announce(&news, self.locale));
        }
        if !keeps_changing(status) {
            Polled::Done
        } else if news.is_empty() {
            Polled::Nothing
        } else {
            Polled::News
        }
    }
}

/// Follows an open invoice's tracking with the app's poller (backoff, not
/// while the tab is hidden, not after a final status).
#[derive(Clone, Copy)]
struct Live {
    shown: Shown,
    poller: Poller,
}

impl Live {
    fn start(
        bill_id: &str,
        tracking: RwSignal<Option<ChorusTracking>>,
        debt: RwSignal<Option<Debt>>,
        announcement: RwSignal<String>,
        locale: Locale,
    ) -> Live {
        let api = Api::from_context();
        let shown = Shown {
            tracking,
            debt,
            announcement,
            locale,
            debt_path: StoredValue::new(format!("{}/debt", bill_path(bill_id))),
            api: StoredValue::new_local(api.clone()),
            debt_reads: Latest::new(),
        };
        let chorus_path = format!("{}/chorus", bill_path(bill_id));
        let read = move || {
            let api = api.clone();
            let chorus_path = chorus_path.clone();
            async move { api.get_json::<ChorusTracking>(&chorus_path).await }
        };
        let apply = move |answer: Result<ChorusTracking, ApiError>| match answer {
            Ok(fresh) => shown.take(fresh),
            Err(_) => Polled::Nothing,
        };
        let poller = Poller::new(POLL_FIRST_MS, read, apply);
        let status = tracking.with_untracked(|t| t.as_ref().and_then(|t| t.status));
        if keeps_changing(status) {
            poller.schedule();
        }
        Live { shown, poller }
    }

    /// Shows a tracking the API gave in answer to the page's own request (a
    /// read under way is older), then follows it as after news.
    fn apply(self, fresh: ChorusTracking) {
        self.poller.stop();
        if self.shown.take(fresh) != Polled::Done {
            self.poller.restart();
        }
    }

    /// Reads the tracking now (the page did something that shows there soon).
    fn refresh_now(self) {
        self.poller.now();
    }
}

/// The words for what a refresh brought, for the live region.
fn announce(news: &[ChorusEvent], locale: Locale) -> String {
    timeline(news)
        .iter()
        .map(|e| {
            fill_in(
                locale,
                Key::InvLiveNew,
                &[
                    ("status", status_key(e.status).text(locale)),
                    (
                        "date",
                        &format_date_time(e.date, locale)
                            .unwrap_or_else(|| Key::DateUnknown.text(locale).to_string()),
                    ),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
