//! `/invoices/:billId`: one invoice, what to do next, its payment deadline and its
//! status timeline, refreshed while the page is open.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use mandat_model::billing::{Bill, ChorusTracking, DeadlineView, Debt};
use mandat_model::chorus::{ChorusEvent, ChorusStatus};
use mandat_model::locale::{format_date, format_date_time, format_day, format_euros, paris_iso};
use mandat_model::timeline::{
    deadline_state, keeps_changing, new_events, next_step, poll_delay_ms, timeline, DeadlineState,
    NextStep,
};
use mandat_model::{ApiError, Locale};

use super::labels::{category_key, debt_key, fill_in, format_rate, status_key, StatusBadge};
use super::timeline::Timeline;
use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{Alert, AlertKind, ApiErrorView, Loading};

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
        {move || match data.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <ApiErrorView
                        error=error
                        on_retry=retry
                        not_found=(Key::InvNotFoundTitle, Key::InvNotFoundBody)
                    />
                }
                    .into_any()
            }
            Some(Ok(data)) => view! { <InvoiceDetail data=data /> }.into_any(),
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
    let announcement = RwSignal::new(String::new());
    if on_chorus {
        Live::start(bill.bill_id.clone(), tracking, announcement, loc);
    }
    let status = Memo::new(move |_| tracking.with(|t| t.as_ref().and_then(|t| t.status)));
    let amount_cents = bill.price_with_tax.cents();
    let bill_status = bill.chorus_status;
    let id = bill.bill_id.clone();
    let pdf_label = fill(Key::InvPdf, &[("id", &id)]);
    let debt_facts = debt.map(|debt| {
        view! {
            <dt>{t(Key::InvFieldDebt)}</dt>
            <dd data-testid="debt">{t(debt_key(debt.status))}</dd>
            <dt>{t(Key::InvFieldPending)}</dt>
            <dd>{format_euros(debt.pending_amount.cents(), loc)}</dd>
        }
    });
    let summary = view! {
        <section class="mandat-inv-section" aria-labelledby="inv-summary-title">
            <h2 id="inv-summary-title">{t(Key::InvSummaryTitle)}</h2>
            <dl class="mandat-facts mandat-inv-facts">
                <dt>{t(Key::InvFieldDate)}</dt>
                <dd>
                    <time datetime=paris_iso(bill.date)>{format_date(bill.date, loc)}</time>
                </dd>
                <dt>{t(Key::InvFieldOrder)}</dt>
                <dd>{fill(Key::InvFieldOrderValue, &[("id", &bill.order_id.to_string())])}</dd>
                <dt>{t(Key::InvFieldType)}</dt>
                <dd data-testid="category">{t(category_key(bill.category))}</dd>
                <dt>{t(Key::InvFieldHt)}</dt>
                <dd>{format_euros(bill.price_without_tax.cents(), loc)}</dd>
                <dt>{t(Key::InvFieldTva)}</dt>
                <dd>{format_euros(bill.tax.cents(), loc)}</dd>
                <dt>{t(Key::InvFieldTtc)}</dt>
                <dd>{format_euros(amount_cents, loc)}</dd>
                <dt>{t(Key::InvFieldStatus)}</dt>
                <dd data-testid="current-status">
                    {move || {
                        let s = if on_chorus { status.get() } else { bill_status };
                        view! { <StatusBadge status=s /> }
                    }}
                </dd>
                {debt_facts}
            </dl>
            <p>
                <a class="mandat-inv-pdf" href=bill.pdf_url.clone() download=format!("{id}.pdf") data-testid="pdf-link">
                    {pdf_label}
                </a>
            </p>
        </section>
    };
    let chorus = if on_chorus {
        let events = Signal::derive(move || {
            tracking.with(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
        });
        view! {
            <section class="mandat-inv-section mandat-inv-next" aria-labelledby="inv-next-title" data-testid="next-step-section">
                <h2 id="inv-next-title">{t(Key::InvNextTitle)}</h2>
                {move || tracking.with(|t| t.as_ref().map(|t| next_step_view(t, loc)))}
            </section>
            <section class="mandat-inv-section" aria-labelledby="inv-deadline-title">
                <h2 id="inv-deadline-title">{t(Key::InvDeadlineTitle)}</h2>
                {move || {
                    tracking
                        .with(|t| {
                            t.as_ref().map(|t| deadline_view(t.deadline.clone(), t.status, amount_cents, loc))
                        })
                }}
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
            <dd>{or_none(&tracking.siret)}</dd>
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
        NextStep::Unknown => "unknown",
    }
}

fn next_step_view(tracking: &ChorusTracking, _loc: Locale) -> impl IntoView {
    let not_reported = tracking.statut_mise_en_paiement_nest_pas_remonte;
    let step = next_step(tracking.status, not_reported);
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
        NextStep::Unknown => view! { <p>{t(Key::InvNextUnknown)}</p> }.into_any(),
    };
    let note = (not_reported
        && !matches!(
            step,
            NextStep::PaymentNotReported | NextStep::Paid | NextStep::NewInvoice
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

fn days_text(days: u32) -> String {
    if days == 1 {
        t(Key::InvDayOne).to_string()
    } else {
        fill(Key::InvDays, &[("days", &days.to_string())])
    }
}

fn deadline_view(
    deadline: Option<DeadlineView>,
    status: Option<ChorusStatus>,
    amount_cents: i64,
    loc: Locale,
) -> impl IntoView {
    let Some(view) = deadline else {
        let text = if keeps_changing(status) {
            t(Key::InvDeadlineNotStarted)
        } else {
            t(Key::InvDeadlineSettled)
        };
        return view! { <p data-testid="deadline-state">{text}</p> }.into_any();
    };
    let d = view.deadline;
    let suspended = (d.days_suspended > 0).then(|| {
        view! {
            <dt>{t(Key::InvDeadlineSuspended)}</dt>
            <dd>{days_text(d.days_suspended)}</dd>
        }
    });
    let state = deadline_state(status, amount_cents, d.due_date, view.days_left);
    let (class, text) = match state {
        DeadlineState::Settled => (
            "mandat-inv-deadline",
            t(Key::InvDeadlineSettled).to_string(),
        ),
        DeadlineState::Running { days_left: 0 } => {
            ("mandat-inv-deadline", t(Key::InvDeadlineToday).to_string())
        }
        DeadlineState::Running { days_left: 1 } => (
            "mandat-inv-deadline",
            t(Key::InvDeadlineLeftOne).to_string(),
        ),
        DeadlineState::Running { days_left } => (
            "mandat-inv-deadline",
            fill(Key::InvDeadlineLeft, &[("days", &days_left.to_string())]),
        ),
        DeadlineState::Late { days_late: 1, .. } => (
            "mandat-inv-deadline mandat-inv-deadline--late",
            t(Key::InvDeadlineLateOne).to_string(),
        ),
        DeadlineState::Late { days_late, .. } => (
            "mandat-inv-deadline mandat-inv-deadline--late",
            fill(Key::InvDeadlineLate, &[("days", &days_late.to_string())]),
        ),
    };
    let estimate = match state {
        DeadlineState::Late {
            days_late,
            estimate: Some(e),
        } => Some(view! {
            <div class="mandat-inv-estimate" data-testid="late-estimate">
                <h3>{t(Key::InvLateTitle)}</h3>
                <dl class="mandat-facts mandat-inv-facts">
                    <dt>{t(Key::InvLateInterest)}</dt>
                    <dd data-testid="late-interest">{format_euros(e.interest_cents, loc)}</dd>
                    <dt>{t(Key::InvLateIndemnity)}</dt>
                    <dd data-testid="late-indemnity">{format_euros(e.indemnity_cents, loc)}</dd>
                    <dt>{t(Key::InvLateTotal)}</dt>
                    <dd>{format_euros(e.total_cents(), loc)}</dd>
                </dl>
                <p class="mandat-hint">
                    {fill(
                        Key::InvLateExplain,
                        &[
                            ("ecb", &format_rate(e.annual_rate_bp.saturating_sub(mandat_model::late_payment::LATE_PAYMENT_MARGIN_BP), loc)),
                            ("rate", &format_rate(e.annual_rate_bp, loc)),
                            ("amount", &format_euros(amount_cents, loc)),
                            ("days", &days_late.to_string()),
                        ],
                    )}
                </p>
            </div>
        }),
        _ => None,
    };
    view! {
        <dl class="mandat-facts mandat-inv-facts">
            <dt>{t(Key::InvDeadlineStart)}</dt>
            <dd>
                <time datetime=mandat_model::locale::iso_day(d.start_date)>{format_day(d.start_date, loc)}</time>
            </dd>
            <dt>{t(Key::InvDeadlineDays)}</dt>
            <dd>{days_text(d.days)}</dd>
            {suspended}
            <dt>{t(Key::InvDeadlineDue)}</dt>
            <dd>
                <time datetime=mandat_model::locale::iso_day(d.due_date)>{format_day(d.due_date, loc)}</time>
            </dd>
        </dl>
        <p class=class data-testid="deadline-state">
            <strong>{text}</strong>
        </p>
        {estimate}
    }
    .into_any()
}

struct LiveState {
    /// False once the page is gone.
    alive: bool,
    /// Refreshes in a row that brought nothing new (or failed): the backoff.
    quiet: u32,
    timer: Option<TimeoutHandle>,
    /// The tab was hidden when a refresh was due: resume when it shows again.
    paused: bool,
}

/// Refreshes an open invoice's tracking: with backoff, not while the tab is hidden,
/// not after a final status; new events are announced in the live region.
#[derive(Clone)]
struct Live {
    path: String,
    api: Api,
    locale: Locale,
    tracking: RwSignal<Option<ChorusTracking>>,
    announcement: RwSignal<String>,
    state: Arc<Mutex<LiveState>>,
}

fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

impl Live {
    fn start(
        bill_id: String,
        tracking: RwSignal<Option<ChorusTracking>>,
        announcement: RwSignal<String>,
        locale: Locale,
    ) {
        let live = Live {
            path: format!("{}/chorus", bill_path(&bill_id)),
            api: Api::from_context(),
            locale,
            tracking,
            announcement,
            state: Arc::new(Mutex::new(LiveState {
                alive: true,
                quiet: 0,
                timer: None,
                paused: false,
            })),
        };
        let on_visible = live.clone();
        let listener = window_event_listener_untyped("visibilitychange", move |_| {
            on_visible.resume();
        });
        let state = live.state.clone();
        on_cleanup(move || {
            listener.remove();
            if let Ok(mut st) = state.lock() {
                st.alive = false;
                if let Some(timer) = st.timer.take() {
                    timer.clear();
                }
            }
        });
        live.schedule();
    }

    fn status(&self) -> Option<ChorusStatus> {
        self.tracking
            .try_with_untracked(|t| t.as_ref().and_then(|t| t.status))
            .flatten()
    }

    fn schedule(&self) {
        if !keeps_changing(self.status()) {
            return;
        }
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        if !st.alive {
            return;
        }
        let me = self.clone();
        let delay = u64::from(poll_delay_ms(st.quiet));
        st.timer = set_timeout_with_handle(move || me.tick(), Duration::from_millis(delay)).ok();
    }

    fn resume(&self) {
        if tab_hidden() {
            return;
        }
        let due = match self.state.lock() {
            Ok(mut st) if st.alive && st.paused => {
                st.paused = false;
                st.quiet = 0;
                true
            }
            _ => false,
        };
        if due {
            self.tick();
        }
    }

    fn tick(&self) {
        {
            let Ok(mut st) = self.state.lock() else {
                return;
            };
            st.timer = None;
            if !st.alive {
                return;
            }
            if tab_hidden() {
                st.paused = true;
                return;
            }
        }
        let me = self.clone();
        spawn_local(async move {
            let result = me.api.get_json::<ChorusTracking>(&me.path).await;
            let alive = me.state.lock().map(|st| st.alive).unwrap_or(false);
            if !alive {
                return;
            }
            let news = match result {
                Ok(fresh) => {
                    let before = me
                        .tracking
                        .try_with_untracked(|t| {
                            t.as_ref().map(|t| t.history.clone()).unwrap_or_default()
                        })
                        .unwrap_or_default();
                    let news = new_events(&before, &fresh.history);
                    let changed = me
                        .tracking
                        .try_with_untracked(|t| t.as_ref() != Some(&fresh))
                        .unwrap_or(false);
                    if changed {
                        me.tracking.try_set(Some(fresh));
                    }
                    news
                }
                Err(_) => Vec::new(),
            };
            if let Ok(mut st) = me.state.lock() {
                if news.is_empty() {
                    st.quiet = st.quiet.saturating_add(1);
                } else {
                    st.quiet = 0;
                }
            }
            if !news.is_empty() {
                me.announce(&news);
            }
            me.schedule();
        });
    }

    fn announce(&self, news: &[ChorusEvent]) {
        let text = timeline(news)
            .iter()
            .map(|e| {
                fill_in(
                    self.locale,
                    Key::InvLiveNew,
                    &[
                        ("status", status_key(e.status).text(self.locale)),
                        ("date", &format_date_time(e.date, self.locale)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        self.announcement.try_set(text);
    }
}
