//! The payment deadline as the API computed it (see `mandat_model::deadline`):
//! its facts, where it stands, and the late-payment interest with its legal
//! text where it is owed.

use chrono::NaiveDate;
use leptos::prelude::*;
use mandat_model::chorus::ChorusStatus;
use mandat_model::deadline::{Deadline, Interruption};
use mandat_model::late_payment::LateInterest;
use mandat_model::locale::{format_day, format_euros, format_rate, iso_day};
use mandat_model::timeline::{not_started, NotStarted};
use mandat_model::Locale;

use crate::i18n::{fill, t, Key};
use crate::ui::{cents_text, SummaryList, SummaryRow};

/// « 1 jour », « 10 jours ».
pub fn days_text(days: i64) -> String {
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
#[derive(Default)]
struct DeadlineFacts {
    start: Option<(NaiveDate, i64)>,
    interruption: Option<Interruption>,
    due: Option<NaiveDate>,
    paid_on: Option<NaiveDate>,
}

fn facts_view(facts: DeadlineFacts, loc: Locale) -> impl IntoView {
    let start = facts.start.map(|(start, days)| {
        view! {
            <SummaryRow term=t(Key::InvDeadlineStart)>{day_view(start, loc)}</SummaryRow>
            <SummaryRow term=t(Key::InvDeadlineDays)>{days_text(days)}</SummaryRow>
        }
    });
    let interruption = facts.interruption.map(|i| {
        let resumed = match i.resumed_on {
            Some(on) => view! {
                <SummaryRow term=t(Key::InvDeadlineResumedOn)>{day_view(on, loc)}</SummaryRow>
                <SummaryRow term=t(Key::InvDeadlineNewDays)>{days_text(i.new_days)}</SummaryRow>
            }
            .into_any(),
            None => view! {
                <SummaryRow term=t(Key::InvDeadlineNewDaysPending)>{days_text(i.new_days)}</SummaryRow>
            }
            .into_any(),
        };
        view! {
            <SummaryRow term=t(Key::InvDeadlineInterruptedOn)>{day_view(i.since, loc)}</SummaryRow>
            <SummaryRow term=t(Key::InvDeadlineBalance)>{days_text(i.balance_days)}</SummaryRow>
            {resumed}
        }
    });
    let due = facts.due.map(|due| {
        view! { <SummaryRow term=t(Key::InvDeadlineDue) testid="due-date">{day_view(due, loc)}</SummaryRow> }
    });
    let paid = facts.paid_on.map(|on| {
        view! { <SummaryRow term=t(Key::InvDeadlinePaidOn)>{day_view(on, loc)}</SummaryRow> }
    });
    view! {
        <SummaryList testid="deadline-facts">
            {start}
            {interruption}
            {due}
            {paid}
        </SummaryList>
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
            let explain = fill(
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
            );
            view! {
                <SummaryList>
                    <SummaryRow term=t(Key::InvLateInterest) testid="late-interest">
                        {format_euros(i.interest_cents, loc)}
                    </SummaryRow>
                    <SummaryRow term=t(Key::InvLateIndemnity) testid="late-indemnity">
                        {format_euros(i.indemnity_cents, loc)}
                    </SummaryRow>
                    <SummaryRow term=t(Key::InvLateTotal) testid="late-total">
                        {cents_text(i.total_cents())}
                    </SummaryRow>
                </SummaryList>
                <p class="mandat-hint">{explain}</p>
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

/// What the section shows of one deadline state.
struct Shown {
    facts: Option<DeadlineFacts>,
    late: bool,
    headline: String,
    more: Option<String>,
    interest: Option<AnyView>,
}

impl Shown {
    fn said(headline: String) -> Shown {
        Shown {
            facts: None,
            late: false,
            headline,
            more: None,
            interest: None,
        }
    }
}

fn late_headline(days_late: i64) -> String {
    if days_late == 1 {
        t(Key::InvDeadlineLateOne).to_string()
    } else {
        fill(Key::InvDeadlineLate, &[("days", &days_late.to_string())])
    }
}

fn shown(deadline: Deadline, status: Option<ChorusStatus>, loc: Locale) -> Shown {
    let date = |day: NaiveDate| format_day(day, loc);
    match deadline {
        Deadline::NotStarted { after_recycling } => {
            let key = match not_started(after_recycling, status) {
                NotStarted::NotYetAvailable => Key::InvDeadlineNotStarted,
                NotStarted::ToRecycle => Key::InvDeadlineRestarts,
                NotStarted::RoutedAgain => Key::InvDeadlineRoutedAgain,
            };
            Shown::said(t(key).to_string())
        }
        Deadline::Running {
            start_date,
            days,
            interruption,
            due_date,
            days_left,
        } => Shown {
            headline: match days_left {
                0 => t(Key::InvDeadlineToday).to_string(),
                1 => t(Key::InvDeadlineLeftOne).to_string(),
                n => fill(Key::InvDeadlineLeft, &[("days", &n.to_string())]),
            },
            more: resumed_text(interruption.as_ref(), loc),
            facts: Some(DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            }),
            late: false,
            interest: None,
        },
        Deadline::Interrupted {
            start_date,
            days,
            interruption,
        } => Shown {
            headline: fill(
                Key::InvDeadlineInterrupted,
                &[("date", &date(interruption.since))],
            ),
            more: Some(fill(
                Key::InvDeadlineInterruptedNext,
                &[("days", &interruption.new_days.to_string())],
            )),
            facts: Some(DeadlineFacts {
                start: Some((start_date, days)),
                interruption: Some(interruption),
                ..Default::default()
            }),
            late: false,
            interest: None,
        },
        Deadline::Overdue {
            start_date,
            days,
            interruption,
            due_date,
            days_late,
            interest,
        } => Shown {
            headline: late_headline(days_late),
            more: resumed_text(interruption.as_ref(), loc),
            facts: Some(DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            }),
            late: true,
            interest: Some(interest_view(interest, Key::InvLateSoFarTitle, None, loc).into_any()),
        },
        Deadline::PaidOnTime { due_date, paid_on } => Shown {
            facts: Some(DeadlineFacts {
                due: Some(due_date),
                paid_on: Some(paid_on),
                ..Default::default()
            }),
            ..Shown::said(fill(
                Key::InvDeadlinePaidOnTime,
                &[("date", &date(paid_on))],
            ))
        },
        Deadline::PaidLate {
            due_date,
            paid_on,
            days_late,
            interest,
            pay_by,
        } => Shown {
            headline: if days_late == 1 {
                fill(Key::InvDeadlinePaidLateOne, &[("date", &date(paid_on))])
            } else {
                fill(
                    Key::InvDeadlinePaidLate,
                    &[("date", &date(paid_on)), ("days", &days_late.to_string())],
                )
            },
            facts: Some(DeadlineFacts {
                due: Some(due_date),
                paid_on: Some(paid_on),
                ..Default::default()
            }),
            late: true,
            more: None,
            interest: Some(
                interest_view(interest, Key::InvLateOwedTitle, Some(pay_by), loc).into_any(),
            ),
        },
        Deadline::Void => Shown::said(t(Key::InvDeadlineVoid).to_string()),
        Deadline::PaymentNotReported {
            start_date,
            days,
            interruption,
            due_date,
        } => Shown {
            more: resumed_text(interruption.as_ref(), loc),
            facts: Some(DeadlineFacts {
                start: Some((start_date, days)),
                interruption,
                due: Some(due_date),
                paid_on: None,
            }),
            ..Shown::said(t(Key::InvDeadlineNotReported).to_string())
        },
        Deadline::Unknown => Shown::said(t(Key::InvDeadlineUnknown).to_string()),
    }
}

/// The deadline (already checked) of an invoice in `status`.
pub fn deadline_view(
    deadline: Deadline,
    status: Option<ChorusStatus>,
    loc: Locale,
) -> impl IntoView {
    let code = deadline.code();
    let Shown {
        facts,
        late,
        headline,
        more,
        interest,
    } = shown(deadline, status, loc);
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
