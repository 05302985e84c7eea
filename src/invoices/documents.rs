//! A suspended invoice's answer: what the recipient asked for, an upload zone for
//! the documents (the mandate's, several files), the documents received, and the
//! button that sends them; then where they stand (being added on Chorus Pro,
//! added). It follows the invoice's status as the page tracks it.

use leptos::prelude::*;
use mandat_model::chorus::ChorusStatus;
use mandat_model::documents::{BillDocuments, DocumentsState};
use mandat_model::locale::{format_date, format_size};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{
    error_words, ApiErrorView, ErrorSummary, Instant, Latest, Loading, Submission, SummaryEntry,
};
use crate::upload::{FileZone, DOCUMENTS_WORDS};

/// The id of the button that sends the documents: where the error summary leads.
const TRANSMIT_ID: &str = "documents-transmit";

fn state_code(state: DocumentsState) -> &'static str {
    match state {
        DocumentsState::NotRequested => "notRequested",
        DocumentsState::AwaitingDocuments => "awaitingDocuments",
        DocumentsState::BeingAdded => "beingAdded",
        DocumentsState::Added => "added",
        DocumentsState::Unknown => "unknown",
    }
}

/// Why the documents could not be sent, in words.
fn send_problem(error: &ApiError) -> String {
    if let ApiError::Conflict(body) = error {
        let code = body.errors.first().map(|e| e.code.as_str());
        let key = match code {
            Some("documents_being_added") => Some(Key::DocsConflictBeingAdded),
            Some("no_documents") => Some(Key::DocsConflictNoDocuments),
            Some("bill_not_suspended") => Some(Key::DocsConflictNotSuspended),
            _ => None,
        };
        if let Some(key) = key {
            return t(key).to_string();
        }
    }
    let (title, body) = error_words(error, None);
    format!("{title}. {body}")
}

/// The answer to the invoice's suspension, shown while the invoice is suspended
/// or once documents were sent (nothing otherwise, nor while it is read).
#[component]
pub fn DocumentsPanel(
    /// The invoice's id.
    bill_id: String,
    /// The invoice's status on Chorus Pro, as the page follows it.
    #[prop(into)]
    status: Signal<Option<ChorusStatus>>,
    /// Called once the documents are sent, so that the page watches for the
    /// completion without waiting for its slower refreshes.
    #[prop(into)]
    on_sent: Callback<()>,
    /// Given where the answer stands, for the page's header: it offers to send
    /// documents only while they are awaited.
    #[prop(optional)]
    shown_state: Option<RwSignal<Option<DocumentsState>>>,
) -> impl IntoView {
    let api = Api::from_context();
    let host = crate::host::use_host();
    let answer: RwSignal<Option<Result<BillDocuments, ApiError>>> = RwSignal::new(None);
    let bill = StoredValue::new(bill_id);
    let reads = Latest::new();
    let load = {
        let api = api.clone();
        move || {
            let api = api.clone();
            reads.run(
                async move { api.bill_documents(&bill.get_value()).await },
                move |got| {
                    // A failed refresh keeps what was shown.
                    if got.is_ok() || answer.with_untracked(|a| !matches!(a, Some(Ok(_)))) {
                        answer.set(Some(got));
                    }
                },
            );
        }
    };
    // Read again whenever the invoice's status changes (completed, suspended).
    let reload = load.clone();
    Effect::new(move |_| {
        status.track();
        reload();
    });

    let sending = RwSignal::new(false);
    let waiting = RwSignal::new(0usize);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let attempt = RwSignal::new(0u32);
    let just_sent = RwSignal::new(false);

    let on_uploaded = Callback::new(move |fresh: BillDocuments| {
        problem.set(None);
        answer.set(Some(Ok(fresh)));
    });
    let on_conflict = {
        let load = load.clone();
        Callback::new(move |()| load())
    };
    // No `Idempotency-Key`: the API refuses a second sending (409), and the
    // panel reads the answer again instead.
    let send = Submission::new(move |(), _key: String| {
        let api = api.clone();
        async move { api.send_bill_documents(&bill.get_value()).await }
    });
    let transmitting = send.pending();
    let transmit = Callback::new(move |()| {
        // One at a time: a press while they are being sent sends nothing.
        if send.submit(()) {
            problem.set(None);
        }
    });
    Effect::new({
        let load = load.clone();
        move |_| {
            let Some(outcome) = send.answer().get() else {
                return;
            };
            untrack(|| match outcome {
                Ok(sent) => {
                    host.emit(
                        crate::host::DOCUMENTS_SENT,
                        &crate::host::DocumentsSent {
                            bill_id: sent.bill_id.clone(),
                            documents: sent.documents.iter().map(|d| d.name.clone()).collect(),
                            received_at: sent.sent_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
                            state: state_code(sent.state).to_string(),
                        },
                        false,
                    );
                    just_sent.set(true);
                    answer.set(Some(Ok(sent)));
                    on_sent.run(());
                    request_animation_frame(|| {
                        crate::ui::focus_by_id("documents-state");
                    });
                }
                Err(error) => {
                    problem.set(Some(send_problem(&error)));
                    attempt.update(|n| *n += 1);
                    // What stands now, if the documents were sent meanwhile.
                    if matches!(error, ApiError::Conflict(_)) {
                        load();
                    }
                }
            });
        }
    });
    let summary = Signal::derive(move || {
        problem
            .get()
            .map(|message| {
                vec![SummaryEntry {
                    field_id: TRANSMIT_ID.to_string(),
                    message,
                }]
            })
            .unwrap_or_default()
    });

    let retry = {
        let load = load.clone();
        Callback::new(move |()| load())
    };
    let docs =
        Memo::new(move |_| answer.with(|a| a.as_ref().and_then(|a| a.as_ref().ok()).cloned()));
    // What is true now: documents read as being added are added once the
    // invoice the page follows is completed, even before (or without) a fresh read.
    let state = Memo::new(move |_| {
        let status = status.get();
        docs.with(|d| d.as_ref().map(|d| d.state.as_of(status)))
    });
    if let Some(shown) = shown_state {
        Effect::new(move |_| shown.set(state.get()));
    }
    let awaiting = Memo::new(move |_| state.get().is_some_and(DocumentsState::accepts_upload));
    let has_documents =
        Memo::new(move |_| docs.with(|d| d.as_ref().is_some_and(|d| !d.documents.is_empty())));

    let problem_view = move || match answer.get() {
        None => Some(view! { <Loading /> }.into_any()),
        Some(Err(error)) => Some(view! { <ApiErrorView error=error on_retry=retry /> }.into_any()),
        Some(Ok(_)) => None,
    };
    let state_line = move || {
        let docs = docs.get()?;
        let loc = locale();
        let date = |at| format_date(at, loc).unwrap_or_default();
        Some(match (state.get()?, docs.sent_at) {
            (DocumentsState::BeingAdded, Some(at)) => {
                fill(Key::DocsStateBeingAdded, &[("date", &date(at))])
            }
            (DocumentsState::Added, Some(at)) => fill(Key::DocsStateAdded, &[("date", &date(at))]),
            (DocumentsState::AwaitingDocuments, _) => t(Key::DocsStateAwaiting).to_string(),
            _ => t(Key::DocsStateUnknown).to_string(),
        })
    };
    let state_slug = move || state.get().map(state_code).unwrap_or("loading");
    let requested = move || {
        let docs = docs.get()?;
        Some(match docs.requested.filter(|r| !r.trim().is_empty()) {
            // Free text from the recipient: shown as text, never as markup.
            Some(reason) => view! {
                <p class="mandat-inv-reason">
                    <strong>{t(Key::DocsRequested)}</strong>
                    " "
                    <span data-testid="documents-requested">{reason}</span>
                </p>
            }
            .into_any(),
            None => view! { <p>{t(Key::DocsRequestedNone)}</p> }.into_any(),
        })
    };
    let listed = move || {
        let docs = docs.get().filter(|d| !d.documents.is_empty())?;
        let loc = locale();
        let title = if state.get() == Some(DocumentsState::AwaitingDocuments) {
            t(Key::DocsReceivedTitle)
        } else {
            t(Key::DocsSentTitle)
        };
        let items = docs
            .documents
            .into_iter()
            .map(|d| {
                let kind = match d.content_type.as_str() {
                    "application/pdf" => t(Key::MandateKindPdf),
                    "image/png" => t(Key::MandateKindPng),
                    "image/jpeg" => t(Key::MandateKindJpeg),
                    _ => t(Key::DocsKindOther),
                };
                view! {
                    <li data-testid="received-document">
                        <strong>{d.name}</strong>
                        {format!(" ({}, {kind}), ", format_size(d.size, loc))}
                        {t(Key::DocsReceivedOn)} " "
                        <Instant instant=d.received_at with_time=true />
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h3>{title}</h3>
            <ul class="mandat-inv-documents" data-testid="received-documents">{items}</ul>
        })
    };
    let blocked = move || sending.get() || waiting.get() != 0 || transmitting.get();
    // Built once while documents are taken: a new answer after each file must not
    // take the files still queued away with a new zone.
    let zone = move || {
        let url =
            docs.with_untracked(|d| d.as_ref().map(|d| d.upload_url.clone()).unwrap_or_default());
        view! {
            <FileZone
                url=url
                words=DOCUMENTS_WORDS
                prefix="documents"
                multiple=true
                sending=sending
                waiting=waiting
                on_uploaded=on_uploaded
                on_conflict=on_conflict
                next_step=TRANSMIT_ID
            />
        }
    };

    // Nothing to say of an invoice that asks for nothing and was sent nothing.
    let visible = move || match answer.get() {
        None => false,
        Some(Ok(docs)) => docs.state != DocumentsState::NotRequested,
        Some(Err(_)) => true,
    };

    view! {
        <Show when=visible>
        <section class="mandat-inv-section mandat-inv-documents-panel" aria-labelledby="inv-documents-title" data-testid="documents-panel">
            // Focused by the header's « Répondre à la suspension ».
            <h2 id="inv-documents-title" tabindex="-1">{t(Key::DocsTitle)}</h2>
            {problem_view}
            <Show when=move || docs.with(Option::is_some)>
                <p
                    id="documents-state"
                    class="mandat-inv-documents__state"
                    tabindex="-1"
                    aria-live="polite"
                    aria-atomic="true"
                    data-testid="documents-state"
                    data-state=state_slug
                >
                    <strong>{state_line}</strong>
                </p>
                <Show when=move || just_sent.get() && state.get() == Some(DocumentsState::BeingAdded)>
                    <p class="mandat-hint" role="status">{t(Key::DocsSentNotice)}</p>
                </Show>
                {requested}
                <Show when=move || awaiting.get() && !has_documents.get()>
                    <p>{t(Key::DocsHelp)}</p>
                </Show>
                <ErrorSummary entries=summary attempt=attempt />
                {listed}
                <Show when=move || awaiting.get()>{zone}</Show>
                <Show when=move || awaiting.get() && has_documents.get()>
                    <div class="mandat-inv-transmit">
                        <p class="mandat-hint" id="documents-transmit-hint">{t(Key::DocsTransmitHint)}</p>
                        <Show when=move || waiting.get() != 0>
                            <p class="mandat-hint" data-testid="documents-not-uploaded">{t(Key::DocsWaitingFiles)}</p>
                        </Show>
                        <button
                            type="button"
                            id=TRANSMIT_ID
                            class="mandat-button"
                            aria-describedby="documents-transmit-hint"
                            prop:disabled=blocked
                            on:click=move |_| transmit.run(())
                        >
                            {t(Key::DocsTransmit)}
                        </button>
                    </div>
                </Show>
            </Show>
        </section>
        </Show>
    }
}
