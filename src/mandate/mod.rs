//! `/orders/:orderId/mandate`: the mandate form to download, sign and upload,
//! and its review. What the page shows always comes from the API, so that a
//! reload, another tab or a later visit shows the same state.

use leptos::prelude::*;
use mandat_model::locale::format_size;
use mandat_model::mandate::{expiry_applies, journey_step, JourneyStep, Mandate, MandateState};

use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{
    instant_text, Alert, AlertKind, ButtonLink, Emphasis, IconName, Instant, PageHeader,
    RefusedLink, Stepper, SummaryList, SummaryRow,
};

mod controller;
use controller::Loader;

pub use crate::upload::{
    announce_step, check_file, problem_message, vet, FileProblem, ProgressBar, ATTEMPTS,
};
use crate::upload::{FileZone, MANDATE_WORDS};

/// The link to the pre-filled form, on the API's own origin; a message in its
/// place when the API's address for it leads anywhere else.
#[component]
pub fn FormDownload(
    /// The order, for the downloaded file's name.
    order_id: u64,
    /// The form's address, as the API gave it (`formUrl`).
    #[prop(into)]
    url: String,
) -> impl IntoView {
    match Api::from_context().link(&url) {
        Some(href) => view! {
            <p>
                <ButtonLink
                    href=href
                    emphasis=Emphasis::Secondary
                    icon=IconName::Download
                    download=format!("mandat-{order_id}.pdf")
                    testid="form-download"
                >
                    {t(Key::MandateDownload)}
                </ButtonLink>
            </p>
        }
        .into_any(),
        None => view! { <RefusedLink message=Key::LinkRefused /> }.into_any(),
    }
}

/// The words for a mandate state.
pub fn state_label(state: MandateState) -> &'static str {
    t(match state {
        MandateState::AwaitingDocument => Key::MandateStateAwaiting,
        MandateState::UnderReview => Key::MandateStateUnderReview,
        MandateState::Accepted => Key::MandateStateAccepted,
        MandateState::Rejected => Key::MandateStateRejected,
        MandateState::Unknown => Key::MandateStateUnknown,
    })
}

/// The mandate of one order.
#[component]
pub fn MandateView(order_id: u64) -> impl IntoView {
    let title = fill(Key::MandateTitle, &[("id", &order_id.to_string())]);
    crate::set_page_title(&title);

    let loader = Loader::start(order_id);

    let sending = RwSignal::new(false);
    let just_sent = RwSignal::new(false);

    let mandate = Memo::new(move |_| loader.state.get().and_then(|r| r.ok()));
    let is_loaded = Memo::new(move |_| mandate.with(Option::is_some));
    let current = Memo::new(move |_| mandate.with(|m| m.as_ref().map(|m| m.state)));
    let accepts_upload = Memo::new(move |_| current.get().is_some_and(|s| s.accepts_upload()));
    // As the API gave them: the form's link and the upload zone resolve them.
    let upload_url = Memo::new(move |_| {
        mandate.with(|m| m.as_ref().map(|m| m.upload_url.clone()).unwrap_or_default())
    });
    let form_url = Memo::new(move |_| mandate.with(|m| m.as_ref().map(|m| m.form_url.clone())));

    let host = crate::host::use_host();
    // The host hears of every change of state seen here, not of the first one read.
    Effect::new(move |previous: Option<Option<MandateState>>| {
        let now = current.get();
        if let (Some(Some(before)), Some(after)) = (previous, now) {
            if before != after {
                host.emit(
                    crate::host::MANDATE_STATE_CHANGED,
                    &crate::host::MandateStateChanged {
                        order_id,
                        previous_state: before.code().to_string(),
                        state: after.code().to_string(),
                    },
                    false,
                );
            }
        }
        now
    });

    let on_uploaded = Callback::new(move |m: Mandate| {
        host.emit(
            crate::host::MANDATE_UPLOADED,
            &crate::host::MandateUploaded {
                order_id,
                state: m.state.code().to_string(),
            },
            false,
        );
        just_sent.set(true);
        loader.apply(m);
        request_animation_frame(|| {
            crate::ui::focus_by_id("mandate-state");
        });
    });
    let on_conflict = Callback::new(move |_: ()| loader.fetch());

    // The loading state or the error; the page itself once the mandate is read.
    let problem = move || {
        crate::ui::loaded(
            loader.state.get(),
            Some(t(Key::MandateLoading)),
            Callback::new(move |_| loader.reload()),
            Some(crate::ui::NotFound {
                title: Key::MandateNotFoundTitle,
                body: Key::MandateNotFoundBody,
                back_to: "/",
                back: Key::BackToOrders,
            }),
            |_| (),
        )
    };

    let state_text = move || {
        let state = current.get()?;
        Some(if sending.get() && state.accepts_upload() {
            t(Key::MandateStateUploading)
        } else {
            state_label(state)
        })
    };
    let state_slug = move || match current.get() {
        Some(MandateState::AwaitingDocument) => "awaiting",
        Some(MandateState::UnderReview) => "review",
        Some(MandateState::Accepted) => "accepted",
        Some(MandateState::Rejected) => "rejected",
        _ => "unknown",
    };
    let icon = move || state_icon(current.get());

    let help = move || {
        let m = mandate.get()?;
        Some(match m.state {
            MandateState::AwaitingDocument => {
                view! { <p>{t(Key::MandateAwaitingHelp)}</p> }.into_any()
            }
            MandateState::UnderReview => view! {
                <p>{t(Key::MandateUnderReviewHelp)}</p>
            }
            .into_any(),
            MandateState::Accepted => {
                let bill = m.bill_id.clone().unwrap_or_default();
                let link = (!bill.is_empty()).then(|| {
                    let href = format!("/invoices/{}", js_sys::encode_uri_component(&bill));
                    view! {
                        <p>
                            <a href=crate::nav::href(&href) class="mandat-mandate__invoice" data-testid="invoice-link">
                                {fill(Key::MandateInvoiceLink, &[("billId", &bill)])}
                            </a>
                        </p>
                    }
                });
                view! {
                    <Alert kind=AlertKind::Success title=t(Key::MandateStateAccepted) level=3 quiet=true>
                        <p>{fill(Key::MandateAcceptedHelp, &[("billId", &bill)])}</p>
                        {link}
                    </Alert>
                }
                .into_any()
            }
            MandateState::Rejected => {
                // The reason is the provider's own words: shown in full, as text.
                let reason = m.rejection_reason.clone().unwrap_or_default();
                view! {
                    <Alert
                        kind=AlertKind::Warning
                        title=t(Key::MandateRejectedTitle)
                        level=3
                        quiet=true
                        testid="rejection"
                    >
                        <p>
                            <strong>{t(Key::MandateRejectedReason)}</strong>
                        </p>
                        <p class="mandat-mandate__reason" data-testid="rejection-reason">{reason}</p>
                        <p>{t(Key::MandateRejectedHelp)}</p>
                    </Alert>
                }
                .into_any()
            }
            MandateState::Unknown => view! { <p>{t(Key::MandateUnknownHelp)}</p> }.into_any(),
        })
    };

    let stepper = move || {
        let state = current.get()?;
        let step = journey_step(state, sending.get());
        let note = expiry_applies(state)
            .then(|| loader.expiry())
            .flatten()
            .map(|expiry| fill(Key::StepsExpiry, &[("date", &instant_text(expiry))]));
        let steps = JourneyStep::ALL
            .iter()
            .map(|s| t(step_key(*s)).to_string())
            .collect();
        Some(match note {
            Some(note) => {
                view! { <Stepper steps=steps current=step.index() note=note /> }.into_any()
            }
            None => view! { <Stepper steps=steps current=step.index() /> }.into_any(),
        })
    };

    let sent_notice = move || {
        (just_sent.get() && current.get() == Some(MandateState::UnderReview))
            .then(|| t(Key::MandateSent))
    };

    let routing = move || {
        let m = mandate.get()?;
        let or_not_given = |s: &str| {
            if s.trim().is_empty() {
                t(Key::MandateNotGiven).to_string()
            } else {
                s.to_string()
            }
        };
        Some(view! {
            <section class="mandat-mandate__routing" aria-labelledby="mandate-routing-title">
                <h2 id="mandate-routing-title">{t(Key::MandateRoutingTitle)}</h2>
                <SummaryList>
                    <SummaryRow term=t(Key::MandateStructure)>{m.structure_name.clone()}</SummaryRow>
                    <SummaryRow term=t(Key::MandateSiret)>
                        <span class="mandat-nowrap">{mandat_model::siret::shown(&m.siret)}</span>
                    </SummaryRow>
                    <SummaryRow term=t(Key::MandateCodeService)>{or_not_given(&m.code_service)}</SummaryRow>
                    <SummaryRow term=t(Key::MandateEngagement)>
                        {or_not_given(&m.numero_engagement)}
                    </SummaryRow>
                </SummaryList>
            </section>
        })
    };

    let document = move || {
        let doc = mandate.get()?.document?;
        let size = format_size(doc.size, locale());
        Some(view! {
            <section class="mandat-mandate__document" aria-labelledby="mandate-document-title">
                <h2 id="mandate-document-title">{t(Key::MandateDocumentTitle)}</h2>
                <p data-testid="current-document">
                    <span class="mandat-upload__name">{doc.name}</span>
                    {format!(" ({size}), ")}
                    {t(Key::MandateDocumentSent)} " "
                    <Instant instant=doc.uploaded_at with_time=true />
                </p>
            </section>
        })
    };

    view! {
        <div class="mandat-mandate">
            // Where the journey stands, by when, and the mandate's state first.
            <PageHeader title=title testid="mandate-header">
                <Show when=move || is_loaded.get()>
                    {stepper}
                    <p
                        id="mandate-state"
                        class="mandat-mandate__badge"
                        data-state=state_slug
                        tabindex="-1"
                        aria-live="polite"
                        aria-atomic="true"
                        data-testid="mandate-state"
                    >
                        <span class="mandat-mandate__icon">{icon}</span>
                        {t(Key::MandateStateLabel)} " "
                        <strong>{state_text}</strong>
                    </p>
                </Show>
            </PageHeader>
            {problem}
            <Show when=move || is_loaded.get()>
                <div class="mandat-mandate__state">
                    <p class="mandat-mandate__sent" role="status">{sent_notice}</p>
                    {help}
                    <Show when=move || loader.refresh_failed.get()>
                        <Alert kind=AlertKind::Warning title=t(Key::MandateRefreshFailed) level=3 />
                    </Show>
                </div>
                {routing}
                {document}
                <Show when=move || accepts_upload.get()>
                    <section class="mandat-mandate__download" aria-labelledby="mandate-download-title">
                        <h2 id="mandate-download-title">{t(Key::MandateDownloadTitle)}</h2>
                        <p>{t(Key::MandateDownloadHelp)}</p>
                        {move || form_url.get().map(|url| view! { <FormDownload order_id=order_id url=url /> })}
                    </section>
                    <UploadZone
                        url=upload_url.get_untracked()
                        sending=sending
                        on_uploaded=on_uploaded
                        on_conflict=on_conflict
                    />
                </Show>
            </Show>
        </div>
    }
}

/// A step of paying by mandate, in words.
pub fn step_key(step: JourneyStep) -> Key {
    match step {
        JourneyStep::Choose => Key::StepChoose,
        JourneyStep::Sign => Key::StepSign,
        JourneyStep::Upload => Key::StepUpload,
        JourneyStep::Review => Key::StepReview,
        JourneyStep::Invoice => Key::StepInvoice,
    }
}

/// The state's icon, drawn rather than a character some fonts lack; decorative:
/// the state is in the words beside it.
fn state_icon(state: Option<MandateState>) -> impl IntoView {
    // Lines on a 24 × 24 grid: a pencil, an hourglass, a tick, a cross, a dot.
    let lines = match state {
        Some(MandateState::AwaitingDocument) => "M4 20l1-5L15 5l4 4L9 19zM13 7l4 4",
        Some(MandateState::UnderReview) => "M6 3h12M6 21h12M7 3c0 5 10 7 10 18M17 3c0 5-10 7-10 18",
        Some(MandateState::Accepted) => "M4 12l5 5L20 6",
        Some(MandateState::Rejected) => "M6 6l12 12M18 6L6 18",
        _ => "M12 11v2",
    };
    view! {
        <svg
            class="mandat-mandate__svg"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
            data-testid="mandate-state-icon"
        >
            <path
                d=lines
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}

/// The upload zone of one mandate: the shared zone, one file, in the mandate's words.
#[component]
pub fn UploadZone(
    /// Where the signed copy is `PUT`, as the API gave it (`uploadUrl`): used
    /// only on the API's own origin (see `Api::link`).
    #[prop(into)]
    url: String,
    /// Set while a file is being sent (or about to be sent again).
    sending: RwSignal<bool>,
    /// Called with the mandate as the API returns it after the upload.
    #[prop(into)]
    on_uploaded: Callback<Mandate>,
    /// Called when the API says the mandate no longer awaits a copy.
    #[prop(into)]
    on_conflict: Callback<()>,
) -> impl IntoView {
    view! {
        <FileZone
            url=url
            words=MANDATE_WORDS
            prefix="mandate"
            sending=sending
            on_uploaded=on_uploaded
            on_conflict=on_conflict
        />
    }
}
