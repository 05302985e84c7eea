//! The upload zone: choose the signed copy (file picker, drag and drop or
//! paste), have it checked before anything is sent, send it with a progress
//! bar, cancel, retry on its own after a network or server failure, and keep
//! the file whatever happens until it is received.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use mandat_model::locale::format_size;
use mandat_model::mandate::{Mandate, UploadKind};
use mandat_model::retry::{retry_delay_ms, Answer, UPLOAD_RETRY_DELAYS_MS};
use mandat_model::ApiError;
use wasm_bindgen::JsCast;

use super::check::{check_file, kind_label, name_disagrees, name_to_send};
use super::progress::{announce_step, ProgressBar};
use super::xhr::{Upload, UploadEvent};
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{error_words, Alert, AlertKind, RefusedLink};

/// Attempts in all before the user is asked to retry.
pub const ATTEMPTS: u32 = 1 + UPLOAD_RETRY_DELAYS_MS.len() as u32;

/// The `accept` of the file picker: a hint for the browser's dialog only,
/// the content is what is checked.
const ACCEPT: &str = "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg";

const INPUT_ID: &str = "mandate-file";
const ERROR_ID: &str = "mandate-file-error";

/// The result of the checks on the chosen file.
#[derive(Clone, Debug, PartialEq)]
enum Check {
    Pending,
    Ok(UploadKind),
    Refused(String),
}

/// The file the user chose, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Chosen {
    name: String,
    size: u64,
    check: Check,
}

/// Where the sending of the chosen file stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Not sending (nothing chosen, or a file ready to send).
    Idle,
    /// Attempt `attempt` of [`ATTEMPTS`] in flight.
    Sending { attempt: u32 },
    /// Attempt `next` starts in `seconds`.
    Waiting { next: u32, seconds: u64 },
    /// Stopped by the user; the file is kept.
    Cancelled,
    /// Stopped by an error; the file is kept.
    Failed(ApiError),
}

/// Everything the zone's handlers share; every field is a reactive handle,
/// so it is `Copy` and safe to move into callbacks and timers.
#[derive(Clone, Copy)]
struct Zone {
    url: StoredValue<String>,
    chosen: RwSignal<Option<Chosen>>,
    file: StoredValue<Option<web_sys::File>, LocalStorage>,
    phase: RwSignal<Phase>,
    percent: RwSignal<u32>,
    announced: RwSignal<String>,
    last_step: StoredValue<Option<u32>>,
    /// Bumped whenever earlier checks, requests and timers become stale.
    generation: StoredValue<u32>,
    inflight: StoredValue<Option<Upload>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    on_uploaded: Callback<Mandate>,
    on_conflict: Callback<()>,
    host: crate::host::Host,
    /// Whether cookies go with an upload to another origin.
    with_credentials: bool,
    /// The app's language, taken when the zone is built: its checks end outside
    /// the view, where the context cannot be read.
    locale: mandat_model::Locale,
}

impl Zone {
    fn bump(self) -> u32 {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.generation.get_value()
    }

    fn current(self, generation: u32) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn busy(self) -> bool {
        matches!(
            self.phase.get_untracked(),
            Phase::Sending { .. } | Phase::Waiting { .. }
        )
    }

    /// Stops whatever is in flight or waiting, without touching the file.
    fn stop(self) {
        self.bump();
        if let Some(handle) = self.timer.try_update_value(|t| t.take()).flatten() {
            handle.clear();
        }
        // Dropping the upload aborts the request.
        let _ = self.inflight.try_update_value(|u| u.take());
    }

    /// A new file: kept, then checked before anything is sent.
    fn choose(self, file: web_sys::File) {
        if self.busy() {
            return;
        }
        self.stop();
        let generation = self.generation.get_value();
        self.chosen.set(Some(Chosen {
            name: file.name(),
            size: file.size() as u64,
            check: Check::Pending,
        }));
        self.file.set_value(Some(file.clone()));
        self.phase.set(Phase::Idle);
        self.percent.set(0);
        leptos::task::spawn_local(async move {
            let check = match check_file(&file, self.locale).await {
                Ok(kind) => Check::Ok(kind),
                Err(message) => Check::Refused(message),
            };
            if self.current(generation) {
                self.chosen.update(|c| {
                    if let Some(c) = c {
                        c.check = check;
                    }
                });
            }
        });
    }

    /// Starts attempt `attempt` of sending the chosen file.
    fn send(self, attempt: u32) {
        let (Some(file), Some(chosen)) = (self.file.get_value(), self.chosen.get_untracked())
        else {
            return;
        };
        let Check::Ok(kind) = chosen.check else {
            return;
        };
        self.stop();
        let generation = self.generation.get_value();
        self.phase.set(Phase::Sending { attempt });
        self.last_step.set_value(None);
        self.progress(0);
        let url = with_name(&self.url.get_value(), &name_to_send(&chosen.name));
        let zone = self;
        let started = Upload::start(
            &url,
            &file,
            kind.content_type(),
            self.with_credentials,
            move |event| zone.heard(generation, attempt, event),
        );
        match started {
            Ok(upload) => self.inflight.set_value(Some(upload)),
            Err(error) => self.finish(generation, attempt, Err(error), &Answer::default()),
        }
    }

    fn heard(self, generation: u32, attempt: u32, event: UploadEvent) {
        if !self.current(generation) {
            return;
        }
        match event {
            UploadEvent::Progress { sent, total } => {
                let percent = if total > 0.0 {
                    ((sent / total) * 100.0).floor() as u32
                } else {
                    0
                };
                self.progress(percent);
            }
            UploadEvent::Done(done) => {
                let (result, answer) = *done;
                self.finish(generation, attempt, result, &answer);
            }
        }
    }

    /// Shows `percent`, and announces it when it reaches a new quarter.
    fn progress(self, percent: u32) {
        self.percent.set(percent.min(100));
        let step = announce_step(percent);
        if self.last_step.get_value().is_none_or(|last| step > last) {
            self.last_step.set_value(Some(step));
            self.announced.set(fill(
                Key::MandateProgressAnnounce,
                &[("percent", &step.to_string())],
            ));
        }
    }

    fn finish(
        self,
        generation: u32,
        attempt: u32,
        result: Result<Mandate, ApiError>,
        answer: &Answer,
    ) {
        let _ = self.inflight.try_update_value(|u| u.take());
        // Attempt `attempt` (from 1) failed: `attempt - 1` retries so far.
        let retries = usize::try_from(attempt.saturating_sub(1)).unwrap_or(usize::MAX);
        let delay = retry_delay_ms(&UPLOAD_RETRY_DELAYS_MS, retries, answer, crate::api::now());
        match (result, delay) {
            (Ok(mandate), _) => {
                self.file.set_value(None);
                self.chosen.set(None);
                self.phase.set(Phase::Idle);
                self.on_uploaded.run(mandate);
            }
            (Err(error), Some(millis)) if error.is_transient() => {
                self.phase.set(Phase::Waiting {
                    next: attempt + 1,
                    seconds: millis.div_ceil(1000),
                });
                let zone = self;
                let handle = set_timeout_with_handle(
                    move || {
                        if zone.current(generation) {
                            zone.send(attempt + 1);
                        }
                    },
                    Duration::from_millis(millis),
                )
                .ok();
                self.timer.set_value(handle);
            }
            // Signed out: once the host says the user is back, send it again.
            (Err(ApiError::Unauthorized), _) => {
                self.phase.set(Phase::Failed(ApiError::Unauthorized));
                let zone = self;
                let url = self.url.get_value();
                leptos::task::spawn_local(async move {
                    if zone.host.session_expired("PUT", &url).await && zone.current(generation) {
                        zone.send(attempt);
                    }
                });
            }
            (Err(error), _) => {
                if matches!(error, ApiError::Conflict(_)) {
                    self.on_conflict.run(());
                }
                self.phase.set(Phase::Failed(error));
            }
        }
    }

    fn cancel(self) {
        self.stop();
        self.phase.set(Phase::Cancelled);
        focus_later("mandate-send");
    }
}

/// `url` with the file's name as `?name=`.
fn with_name(url: &str, name: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let name = String::from(js_sys::encode_uri_component(name));
    format!("{url}{sep}name={name}")
}

/// Moves focus to `id` once the view has caught up.
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        crate::ui::focus_by_id(id);
    });
}

/// The words for a failed upload.
fn failure_message(error: &ApiError) -> String {
    let total = ATTEMPTS.to_string();
    let key = match error {
        ApiError::Unreachable => Key::MandateFailedNetwork,
        ApiError::Server(_) => Key::MandateFailedServer,
        ApiError::TooLarge => Key::MandateServerTooLarge,
        ApiError::UnsupportedType => Key::MandateServerType,
        ApiError::Conflict(_) => Key::MandateServerConflict,
        ApiError::Invalid(body) if body.errors.iter().any(|e| e.code == "file_empty") => {
            Key::MandateServerEmpty
        }
        other => {
            let (title, body) = error_words(other, None);
            return format!("{title}. {body} {}", t(Key::MandateFileKept));
        }
    };
    fill(key, &[("total", &total)])
}

/// The upload zone of one mandate.
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
    // Never send the file, nor the cookies with it, anywhere else.
    let Some(url) = crate::api::Api::from_context().link(&url) else {
        return view! {
            <section class="mandat-upload" aria-labelledby="mandate-upload-title">
                <h2 id="mandate-upload-title">{t(Key::MandateUploadTitle)}</h2>
                <RefusedLink message=Key::UploadRefused />
            </section>
        }
        .into_any();
    };
    let zone = Zone {
        url: StoredValue::new(url),
        chosen: RwSignal::new(None),
        file: StoredValue::new_local(None),
        phase: RwSignal::new(Phase::Idle),
        percent: RwSignal::new(0),
        announced: RwSignal::new(String::new()),
        last_step: StoredValue::new(None),
        generation: StoredValue::new(0),
        inflight: StoredValue::new_local(None),
        timer: StoredValue::new(None),
        on_uploaded,
        on_conflict,
        host: crate::host::use_host(),
        with_credentials: crate::config::use_config().credentials
            == crate::config::Credentials::Include,
        locale: crate::i18n::locale(),
    };
    let dragging = RwSignal::new(false);

    Effect::new(move |_| {
        let busy = matches!(
            zone.phase.get(),
            Phase::Sending { .. } | Phase::Waiting { .. }
        );
        sending.set(busy);
    });

    // Paste: only a paste that carries a file, and only while this zone is shown.
    let paste = window_event_listener(ev::paste, move |ev: web_sys::ClipboardEvent| {
        let file = ev
            .clipboard_data()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            if zone.busy() {
                return;
            }
            ev.prevent_default();
            set_input_files(ev.clipboard_data().and_then(|d| d.files()));
            zone.choose(file);
        }
    });

    on_cleanup(move || {
        paste.remove();
        zone.stop();
        // The page may be going away with the zone.
        let _ = sending.try_set(false);
    });

    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            zone.choose(file);
        }
    };
    let on_drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if !zone.busy() {
            dragging.set(true);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev.data_transfer().and_then(|data| data.files());
        if let Some(file) = files.as_ref().and_then(|f| f.get(0)) {
            if zone.busy() {
                return;
            }
            set_input_files(files.clone());
            zone.choose(file);
        }
    };

    let busy = move || {
        matches!(
            zone.phase.get(),
            Phase::Sending { .. } | Phase::Waiting { .. }
        )
    };
    let refused = move || {
        zone.chosen.with(|c| {
            matches!(
                c,
                Some(Chosen {
                    check: Check::Refused(_),
                    ..
                })
            )
        })
    };
    let described_by = move || {
        if refused() {
            format!("mandate-constraints {ERROR_ID}")
        } else {
            "mandate-constraints mandate-drop-hint".to_string()
        }
    };

    let chosen_view = move || {
        zone.chosen.get().map(|chosen| {
            let size = format_size(chosen.size, locale());
            let details = match &chosen.check {
                Check::Pending => {
                    view! { <p class="mandat-hint">{t(Key::MandateChecking)}</p> }.into_any()
                }
                Check::Ok(kind) => {
                    let mismatch = name_disagrees(&chosen.name, *kind).then(|| {
                        view! {
                            <p class="mandat-hint" data-testid="kind-note">
                                {fill(Key::MandateKindMismatch, &[("kind", kind_label(*kind))])}
                            </p>
                        }
                    });
                    mismatch.into_any()
                }
                Check::Refused(message) => view! {
                    <p id=ERROR_ID class="mandat-upload__error" role="alert">
                        <span class="mandat-upload__error-icon" aria-hidden="true">"⚠ "</span>
                        {message.clone()}
                    </p>
                }
                .into_any(),
            };
            let kind = match &chosen.check {
                Check::Ok(kind) => format!(", {}", kind_label(*kind)),
                _ => String::new(),
            };
            view! {
                <div class="mandat-upload__chosen" data-testid="chosen-file">
                    <p>
                        {t(Key::MandateChosenTitle)} " "
                        <strong class="mandat-upload__name">{chosen.name.clone()}</strong>
                        {format!(" ({size}{kind})")}
                    </p>
                    {details}
                </div>
            }
        })
    };

    let can_send = move || {
        zone.chosen.with(|c| {
            matches!(
                c,
                Some(Chosen {
                    check: Check::Ok(_),
                    ..
                })
            )
        }) && match zone.phase.get() {
            Phase::Idle | Phase::Cancelled => true,
            Phase::Failed(error) => error.may_succeed_again(),
            _ => false,
        }
    };
    let send_label = move || match zone.phase.get() {
        Phase::Cancelled | Phase::Failed(_) => t(Key::MandateRetrySend),
        _ => t(Key::MandateSend),
    };
    let start = move |_| {
        zone.send(1);
        focus_later("mandate-cancel");
    };

    let status = move || match zone.phase.get() {
        Phase::Waiting { next, seconds } => fill(
            Key::MandateRetrying,
            &[
                ("seconds", &seconds.to_string()),
                ("attempt", &next.to_string()),
                ("total", &ATTEMPTS.to_string()),
            ],
        ),
        Phase::Cancelled => t(Key::MandateCancelled).to_string(),
        _ => String::new(),
    };

    let failure = move || match zone.phase.get() {
        Phase::Failed(error) => Some(view! {
            <Alert kind=AlertKind::Error title=t(Key::MandateFailedTitle) level=3>
                <p class="mandat-alert__body" data-testid="upload-failure">{failure_message(&error)}</p>
            </Alert>
        }),
        _ => None,
    };

    view! {
        <section class="mandat-upload" aria-labelledby="mandate-upload-title">
            <h2 id="mandate-upload-title">{t(Key::MandateUploadTitle)}</h2>
            <p id="mandate-constraints" class="mandat-upload__constraints">
                {t(Key::MandateConstraints)}
            </p>
            <div
                class="mandat-dropzone"
                class:mandat-dropzone--active=move || dragging.get()
                data-testid="dropzone"
                on:dragenter=on_drag_over
                on:dragover=on_drag_over
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for=INPUT_ID class="mandat-dropzone__label">
                    {t(Key::MandateChooseLabel)}
                </label>
                <input
                    type="file"
                    id=INPUT_ID
                    class="mandat-dropzone__input"
                    accept=ACCEPT
                    aria-describedby=described_by
                    aria-invalid=move || refused().then_some("true")
                    prop:disabled=busy
                    on:change=on_change
                />
                <p id="mandate-drop-hint" class="mandat-hint">
                    {t(Key::MandateDropHint)}
                </p>
            </div>
            {chosen_view}
            <div class="mandat-upload__actions">
                <Show when=can_send>
                    <button
                        type="button"
                        id="mandate-send"
                        class="mandat-button"
                        on:click=start
                    >
                        {send_label}
                    </button>
                </Show>
                <Show when=busy>
                    <button
                        type="button"
                        id="mandate-cancel"
                        class="mandat-button mandat-button--secondary"
                        on:click=move |_| zone.cancel()
                    >
                        {t(Key::MandateCancel)}
                    </button>
                </Show>
            </div>
            <Show when=move || matches!(zone.phase.get(), Phase::Sending { .. })>
                <ProgressBar percent=zone.percent label=t(Key::MandateProgressLabel) />
            </Show>
            <p class="mandat-upload__status" role="status" data-testid="upload-status">
                {status}
            </p>
            {failure}
            <p class="mandat-mandate__sr" aria-live="polite" data-testid="upload-announce">
                {move || zone.announced.get()}
            </p>
        </section>
    }
    .into_any()
}

/// Shows a dropped or pasted file in the file picker too, so that both agree.
fn set_input_files(files: Option<web_sys::FileList>) {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(INPUT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let (Some(input), Some(files)) = (input, files) {
        input.set_files(Some(&files));
    }
}
