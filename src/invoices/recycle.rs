//! The correction of an invoice Chorus Pro sent back « à recycler »: the
//! routing editor of the checkout, prefilled with what the invoice was sent
//! with, and the invoice routed again once the API took the correction.

use leptos::prelude::*;
use mandat_model::billing::{ChorusTracking, BILL_NOT_TO_RECYCLE};
use mandat_model::chorus::{ChorusRouting, ChorusStatus};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::routing::{shown_beside_fields, ChorusFields, RoutingForm};
use crate::ui::{Alert, AlertKind, ApiErrorView, ErrorSummary, Submission};

/// Whether a 409 says the invoice is no longer à recycler.
fn no_longer_to_recycle(error: &ApiError) -> bool {
    matches!(error, ApiError::Conflict(body) if body.errors.iter().any(|e| e.code == BILL_NOT_TO_RECYCLE))
}

/// The section that corrects the routing of the invoice while it is à recycler,
/// then says where it went. Reads the invoice's tracking as the page follows it.
#[component]
pub fn RecyclePanel(
    bill_id: String,
    /// The order the invoice belongs to: its routing becomes the correction.
    order_id: u64,
    /// The page's live tracking of the invoice.
    tracking: RwSignal<Option<ChorusTracking>>,
    /// Given the API's answer once the correction is recorded.
    on_corrected: Callback<ChorusTracking>,
    /// Called when the API says the invoice is no longer à recycler: the page
    /// reads its tracking again.
    on_stale: Callback<()>,
) -> impl IntoView {
    let to_recycle = Memo::new(move |_| {
        tracking.with(|t| t.as_ref().and_then(|t| t.status)) == Some(ChorusStatus::ARecycler)
    });
    let corrected = RwSignal::new(None::<ChorusTracking>);
    // The API said it is no longer à recycler: said here, whatever the page
    // reads next.
    let stale = RwSignal::new(false);
    let on_done = Callback::new(move |answer: ChorusTracking| {
        corrected.set(Some(answer.clone()));
        on_corrected.run(answer);
    });
    let on_conflict = Callback::new(move |()| {
        stale.set(true);
        on_stale.run(());
    });
    let id = bill_id.clone();
    let form = move || {
        // Built once each time the invoice becomes à recycler, with the routing
        // it was sent with; the page's refreshes leave what is typed alone.
        to_recycle.get().then(|| {
            let sent = tracking
                .with_untracked(|t| {
                    t.as_ref().map(|t| ChorusRouting {
                        siret: t.siret.clone(),
                        code_service: t.code_service.clone(),
                        numero_engagement: t.numero_engagement.clone(),
                    })
                })
                .unwrap_or_default();
            view! {
                <RecycleForm
                    bill_id=id.clone()
                    order_id=order_id
                    sent=sent
                    on_done=on_done
                    on_stale=on_conflict
                />
            }
        })
    };
    let done = move || {
        if to_recycle.get() {
            return None;
        }
        // What was said about an earlier time it was à recycler stays hidden
        // while it is again, and is replaced by the next correction.
        if let Some(answer) = corrected.get() {
            return Some(view! { <RecycleDone answer=answer order_id=order_id /> }.into_any());
        }
        stale.get().then(|| {
            view! {
                <section class="mandat-inv-section" data-testid="recycle-stale">
                    <Alert kind=AlertKind::Warning title=t(Key::RecycleConflictTitle)>
                        <p>{t(Key::RecycleConflictBody)}</p>
                    </Alert>
                </section>
            }
            .into_any()
        })
    };
    view! {
        {form}
        {done}
    }
}

/// The form: the routing editor, the error summary, the submission.
#[component]
fn RecycleForm(
    bill_id: String,
    order_id: u64,
    /// What the invoice was sent with.
    sent: ChorusRouting,
    on_done: Callback<ChorusTracking>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let api = Api::from_context();
    let host = crate::host::use_host();
    let routing = RoutingForm::new(sent, None);
    let bill = bill_id.clone();
    let correct = Submission::new(move |request: ChorusRouting, key: String| {
        let api = api.clone();
        let bill = bill.clone();
        async move { api.correct_routing(&bill, &request, &key).await }
    });
    let pending = correct.pending();

    Effect::new(move |_| match correct.answer().get() {
        Some(Ok(answer)) => {
            host.emit(
                crate::host::ROUTING_CORRECTED,
                &crate::host::RoutingCorrected {
                    bill_id: answer.bill_id.clone(),
                    order_id,
                    siret: answer.siret.clone(),
                    code_service: answer.code_service.clone(),
                    numero_engagement: answer.numero_engagement.clone(),
                    status: answer.status.map(|s| s.code()).unwrap_or_default().into(),
                },
                false,
            );
            on_done.run(answer);
        }
        // A 400's field details go beside their fields and into the summary.
        Some(Err(ApiError::Invalid(body))) => {
            routing.show_api_errors(&body.errors);
        }
        Some(Err(error)) if no_longer_to_recycle(&error) => on_stale.run(()),
        _ => {}
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        routing.submit(|request| {
            // One at a time: a press while one is under way sends nothing.
            correct.submit(request);
        });
    };
    let retry = Callback::new(move |()| correct.retry());
    let problem = move || {
        correct
            .failure()
            .filter(|error| !shown_beside_fields(error))
    };
    // A 409 of an invoice no longer à recycler is said by the panel, beside the
    // page's fresh tracking.
    let problem_view = move || {
        problem()
            .filter(|error| !no_longer_to_recycle(error))
            .map(|error| view! { <ApiErrorView error=error on_retry=retry /> })
    };
    let order = order_id.to_string();
    view! {
        <section class="mandat-inv-section mandat-inv-recycle" aria-labelledby="inv-recycle-title" data-testid="recycle-panel">
            // Focused by the header's « Corriger l’acheminement ».
            <h2 id="inv-recycle-title" tabindex="-1">{t(Key::RecycleTitle)}</h2>
            <p>{fill(Key::RecycleIntro, &[("order", &order)])}</p>
            <form class="mandat-pay-form" novalidate on:submit=on_submit data-testid="recycle-form">
                <ErrorSummary entries=routing.summary_entries() attempt=routing.attempt />
                <div data-testid="recycle-problem">{problem_view}</div>
                <ChorusFields form=routing legend=Key::RecycleLegend />
                <p>
                    <button
                        type="submit"
                        class="mandat-button"
                        aria-disabled=move || pending.get().then_some("true")
                        data-testid="recycle-submit"
                    >
                        {move || if pending.get() { t(Key::RecycleBusy) } else { t(Key::RecycleSubmit) }}
                    </button>
                </p>
                <p class="mandat-visually-hidden" role="status" aria-live="polite">
                    {move || pending.get().then(|| t(Key::RecycleBusy))}
                </p>
            </form>
        </section>
    }
}

/// Where the invoice went, once the correction is recorded; takes the focus so
/// that it is read out.
#[component]
fn RecycleDone(answer: ChorusTracking, order_id: u64) -> impl IntoView {
    let structure = if answer.structure_name.trim().is_empty() {
        t(Key::InvRoutingNone).to_string()
    } else {
        answer.structure_name.clone()
    };
    let siret = mandat_model::siret::shown(&answer.siret);
    let service = (!answer.code_service.is_empty()).then(|| {
        fill(
            Key::RecycleDoneService,
            &[("code", answer.code_service.as_str())],
        )
    });
    let engagement = (!answer.numero_engagement.is_empty()).then(|| {
        fill(
            Key::RecycleDoneEngagement,
            &[("ej", answer.numero_engagement.as_str())],
        )
    });
    view! {
        <section class="mandat-inv-section" aria-labelledby="inv-recycle-done-title">
            <Alert
                kind=AlertKind::Success
                title=t(Key::RecycleDoneTitle)
                title_id="inv-recycle-done-title"
                takes_focus=true
                testid="recycle-done"
            >
                <p>
                    {fill(
                        Key::RecycleDoneBody,
                        &[("id", &answer.bill_id), ("structure", &structure), ("siret", &siret)],
                    )}
                    {service.map(|s| format!(" {s}"))}
                    {engagement.map(|s| format!(" {s}"))}
                </p>
                <p data-testid="recycle-done-order">
                    {fill(Key::RecycleDoneOrder, &[("order", &order_id.to_string())])}
                </p>
            </Alert>
        </section>
    }
}
