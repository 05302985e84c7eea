//! The upload zone: choose a file (file picker, drag and drop or paste), have
//! it checked before anything is sent, send it with a progress bar, cancel,
//! retry on its own after a network or server failure, and keep the file
//! whatever happens until it is received. With `multiple`, several files are
//! chosen and sent one after the other, each with its own progress, cancel and
//! retry.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use mandat_model::locale::format_size;
use mandat_model::mandate::UploadKind;
use mandat_model::retry::{retry_delay_ms, Answer, UPLOAD_RETRY_DELAYS_MS};
use mandat_model::{decode, ApiError};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::check::{check_file_in, kind_label, name_disagrees, name_to_send};
use super::progress::{announce_step, ProgressBar};
use super::xhr::{Upload, UploadEvent};
use super::Words;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{error_words, Alert, AlertKind, RefusedLink};

/// Attempts in all before the user is asked to retry.
pub const ATTEMPTS: u32 = 1 + UPLOAD_RETRY_DELAYS_MS.len() as u32;

/// The `accept` of the file picker: a hint for the browser's dialog only,
/// the content is what is checked.
const ACCEPT: &str = "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg";

/// The result of the checks on a chosen file.
#[derive(Clone, Debug, PartialEq)]
enum Check {
    Pending,
    Ok(UploadKind),
    Refused(String),
}

/// A file the user chose, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Chosen {
    name: String,
    size: u64,
    check: Check,
}

/// Where the sending of a chosen file stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Not sending (a file ready to send).
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

/// One chosen file and its sending; every field is a reactive handle, so it is
/// `Copy` and safe to move into callbacks and timers.
#[derive(Clone, Copy)]
struct Item {
    /// Tells the items of a zone apart in element ids.
    key: u32,
    chosen: RwSignal<Chosen>,
    file: StoredValue<web_sys::File, LocalStorage>,
    phase: RwSignal<Phase>,
    percent: RwSignal<u32>,
    last_step: StoredValue<Option<u32>>,
    /// Bumped whenever earlier checks, requests and timers become stale.
    generation: StoredValue<u32>,
    inflight: StoredValue<Option<Upload>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Item {
    fn bump(self) -> u32 {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.generation.get_value()
    }

    fn current(self, generation: u32) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn busy(self) -> bool {
        matches!(
            self.phase.try_get_untracked(),
            Some(Phase::Sending { .. } | Phase::Waiting { .. })
        )
    }

    fn busy_tracked(self) -> bool {
        matches!(
            self.phase.get(),
            Phase::Sending { .. } | Phase::Waiting { .. }
        )
    }

    /// Checked and never tried, or stopped in a way that sending again may mend.
    fn ready(self) -> bool {
        matches!(self.chosen.get().check, Check::Ok(_))
            && match self.phase.get() {
                Phase::Idle | Phase::Cancelled => true,
                Phase::Failed(error) => error.may_succeed_again(),
                _ => false,
            }
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
}

/// Everything the zone's handlers share.
struct Zone<T: 'static> {
    url: StoredValue<String>,
    /// The files chosen and not received yet, in the order they were chosen.
    items: RwSignal<Vec<Item>>,
    next_key: StoredValue<u32>,
    /// Several files: each chosen file is added, and they are sent in turn.
    multiple: bool,
    /// Sending the ready files one after the other (several files).
    queue: StoredValue<bool>,
    prefix: &'static str,
    words: Words,
    announced: RwSignal<String>,
    on_uploaded: Callback<T>,
    on_conflict: Callback<()>,
    host: crate::host::Host,
    /// Whether cookies go with an upload to another origin.
    with_credentials: bool,
    /// The app's language, taken when the zone is built: its checks end outside
    /// the view, where the context cannot be read.
    locale: mandat_model::Locale,
    /// The zone's reactive owner: items are created under it, from handlers.
    owner: StoredValue<Owner, LocalStorage>,
}

impl<T: 'static> Clone for Zone<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Zone<T> {}

/// `{prefix}-{what}`: an element id of a zone.
fn zid(prefix: &str, what: &str) -> String {
    format!("{prefix}-{what}")
}

impl<T: DeserializeOwned + Send + Sync + 'static> Zone<T> {
    fn all(self) -> Vec<Item> {
        self.items.try_get_untracked().unwrap_or_default()
    }

    fn busy(self) -> bool {
        self.all().into_iter().any(Item::busy)
    }

    /// The id of `item`'s element `what`: the zone's own in a single-file zone.
    fn item_id(self, item: Item, what: &str) -> String {
        if self.multiple {
            format!("{}-{what}-{}", self.prefix, item.key)
        } else {
            zid(self.prefix, what)
        }
    }

    /// New files: kept, then checked before anything is sent. A single-file
    /// zone replaces its file, unless it is being sent.
    fn choose(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        if !self.multiple {
            if self.busy() {
                return;
            }
            for item in self.all() {
                item.stop();
            }
            self.items.set(Vec::new());
        }
        let files = if self.multiple {
            files
        } else {
            files.into_iter().take(1).collect()
        };
        for file in files {
            let key = self.next_key.get_value();
            self.next_key.set_value(key.wrapping_add(1));
            let owner = self.owner.get_value();
            let item = owner.with(|| Item {
                key,
                chosen: RwSignal::new(Chosen {
                    name: file.name(),
                    size: file.size() as u64,
                    check: Check::Pending,
                }),
                file: StoredValue::new_local(file.clone()),
                phase: RwSignal::new(Phase::Idle),
                percent: RwSignal::new(0),
                last_step: StoredValue::new(None),
                generation: StoredValue::new(0),
                inflight: StoredValue::new_local(None),
                timer: StoredValue::new(None),
            });
            self.items.update(|items| items.push(item));
            let generation = item.generation.get_value();
            let (locale, words) = (self.locale, self.words);
            leptos::task::spawn_local(async move {
                let check = match check_file_in(&file, locale, &words).await {
                    Ok(kind) => Check::Ok(kind),
                    Err(message) => Check::Refused(message),
                };
                if item.current(generation) {
                    item.chosen.update(|c| c.check = check);
                }
            });
        }
    }

    /// Takes `item` out of the zone, stopping whatever it was doing.
    fn remove(self, item: Item) {
        item.stop();
        self.items
            .update(|items| items.retain(|i| i.key != item.key));
    }

    /// Sends every ready file, one after the other.
    fn send_all(self) {
        self.queue.set_value(true);
        self.next();
    }

    /// Starts the next ready file of the queue, if the queue is on and nothing
    /// is being sent.
    fn next(self) {
        if !self.queue.try_get_value().unwrap_or(false) || self.busy() {
            return;
        }
        let next = self
            .all()
            .into_iter()
            .find(|i| i.phase.get_untracked() == Phase::Idle && i.ready());
        match next {
            Some(item) => {
                self.send(item, 1);
                focus_later(self.item_id(item, "cancel"));
            }
            None => self.queue.set_value(false),
        }
    }

    /// Starts attempt `attempt` of sending `item`.
    fn send(self, item: Item, attempt: u32) {
        let Some(chosen) = item.chosen.try_get_untracked() else {
            return;
        };
        let Check::Ok(kind) = chosen.check else {
            return;
        };
        item.stop();
        let generation = item.generation.get_value();
        item.phase.set(Phase::Sending { attempt });
        item.last_step.set_value(None);
        self.progress(item, 0);
        let url = with_name(&self.url.get_value(), &name_to_send(&chosen.name));
        let zone = self;
        let started = Upload::start(
            &url,
            &item.file.get_value(),
            kind.content_type(),
            self.with_credentials,
            move |event| zone.heard(item, generation, attempt, event),
        );
        match started {
            Ok(upload) => item.inflight.set_value(Some(upload)),
            Err(()) => self.finish(
                item,
                generation,
                attempt,
                Err(ApiError::Unreachable),
                &Answer::default(),
            ),
        }
    }

    fn heard(self, item: Item, generation: u32, attempt: u32, event: UploadEvent) {
        if !item.current(generation) {
            return;
        }
        match event {
            UploadEvent::Progress { sent, total } => {
                let percent = if total > 0.0 {
                    ((sent / total) * 100.0).floor() as u32
                } else {
                    0
                };
                self.progress(item, percent);
            }
            UploadEvent::Done(done) => {
                let (status, text, answer) = *done;
                let result = if status == 0 {
                    Err(ApiError::Unreachable)
                } else {
                    decode::<T>(status, &text)
                };
                self.finish(item, generation, attempt, result, &answer);
            }
        }
    }

    /// Shows `percent`, and announces it when it reaches a new quarter.
    fn progress(self, item: Item, percent: u32) {
        item.percent.set(percent.min(100));
        let step = announce_step(percent);
        if item.last_step.get_value().is_none_or(|last| step > last) {
            item.last_step.set_value(Some(step));
            let text = fill(
                Key::MandateProgressAnnounce,
                &[("percent", &step.to_string())],
            );
            // Several files: the announcement says which one.
            let text = if self.multiple {
                format!("{} : {text}", item.chosen.get_untracked().name)
            } else {
                text
            };
            self.announced.set(text);
        }
    }

    fn finish(
        self,
        item: Item,
        generation: u32,
        attempt: u32,
        result: Result<T, ApiError>,
        answer: &Answer,
    ) {
        let _ = item.inflight.try_update_value(|u| u.take());
        // Attempt `attempt` (from 1) failed: `attempt - 1` retries so far.
        let retries = usize::try_from(attempt.saturating_sub(1)).unwrap_or(usize::MAX);
        let delay = retry_delay_ms(&UPLOAD_RETRY_DELAYS_MS, retries, answer, crate::api::now());
        match (result, delay) {
            (Ok(value), _) => {
                item.phase.set(Phase::Idle);
                self.items
                    .update(|items| items.retain(|i| i.key != item.key));
                self.on_uploaded.run(value);
                self.next();
            }
            (Err(error), Some(millis)) if error.is_transient() => {
                item.phase.set(Phase::Waiting {
                    next: attempt + 1,
                    seconds: millis.div_ceil(1000),
                });
                let zone = self;
                let handle = set_timeout_with_handle(
                    move || {
                        if item.current(generation) {
                            zone.send(item, attempt + 1);
                        }
                    },
                    Duration::from_millis(millis),
                )
                .ok();
                item.timer.set_value(handle);
            }
            // Signed out: once the host says the user is back, send it again.
            (Err(ApiError::Unauthorized), _) => {
                item.phase.set(Phase::Failed(ApiError::Unauthorized));
                let zone = self;
                let url = self.url.get_value();
                leptos::task::spawn_local(async move {
                    if zone.host.session_expired("PUT", &url).await && item.current(generation) {
                        zone.send(item, attempt);
                    }
                });
            }
            (Err(error), _) => {
                let conflict = matches!(error, ApiError::Conflict(_));
                item.phase.set(Phase::Failed(error));
                if conflict {
                    // Nothing more is taken: the rest of the queue would be refused too.
                    self.queue.set_value(false);
                    self.on_conflict.run(());
                }
                self.next();
            }
        }
    }

    fn cancel(self, item: Item) {
        item.stop();
        item.phase.set(Phase::Cancelled);
        focus_later(self.item_id(item, if self.multiple { "retry" } else { "send" }));
        self.next();
    }

    /// One chosen file: its name and checks, its buttons, its progress and what
    /// became of it.
    fn item_view(self, item: Item) -> impl IntoView {
        let zone = self;
        let error_id = self.item_id(item, "file-error");
        let chosen_view = move || {
            let chosen = item.chosen.get();
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
                    <p id=error_id.clone() class="mandat-upload__error" role="alert">
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
                        {t(zone.words.chosen)} " "
                        <strong class="mandat-upload__name">{chosen.name.clone()}</strong>
                        {format!(" ({size}{kind})")}
                    </p>
                    {details}
                </div>
            }
        };

        let busy = move || item.busy_tracked();
        // One file: its button sends it. Several: the zone's button sends them
        // all, and each file's own button sends it again after a stop.
        let can_send = move || item.ready() && (!zone.multiple || item.phase.get() != Phase::Idle);
        let send_label = move || match item.phase.get() {
            Phase::Cancelled | Phase::Failed(_) => t(zone.words.retry),
            _ => t(zone.words.send),
        };
        let send_id = self.item_id(item, if self.multiple { "retry" } else { "send" });
        let cancel_id = self.item_id(item, "cancel");
        let start = move |_| {
            zone.send(item, 1);
            focus_later(zone.item_id(item, "cancel"));
        };
        let removable = move || zone.multiple && !item.busy_tracked();
        let remove_label = move || {
            fill(
                Key::UploadRemove,
                &[("name", &item.chosen.with(|c| c.name.clone()))],
            )
        };

        let status = move || match item.phase.get() {
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
        let failure = move || match item.phase.get() {
            Phase::Failed(error) => Some(view! {
                <Alert kind=AlertKind::Error title=t(Key::MandateFailedTitle) level=3>
                    <p class="mandat-alert__body" data-testid="upload-failure">
                        {failure_message(&error, &zone.words)}
                    </p>
                </Alert>
            }),
            _ => None,
        };

        view! {
            {chosen_view}
            <div class="mandat-upload__actions">
                <Show when=can_send>
                    <button type="button" id=send_id.clone() class="mandat-button" on:click=start>
                        {send_label}
                    </button>
                </Show>
                <Show when=busy>
                    <button
                        type="button"
                        id=cancel_id.clone()
                        class="mandat-button mandat-button--secondary"
                        on:click=move |_| zone.cancel(item)
                    >
                        {t(Key::MandateCancel)}
                    </button>
                </Show>
                <Show when=removable>
                    <button
                        type="button"
                        class="mandat-button mandat-button--secondary"
                        data-testid="remove-file"
                        aria-label=remove_label
                        on:click=move |_| zone.remove(item)
                    >
                        {t(Key::UploadRemoveShort)}
                    </button>
                </Show>
            </div>
            <Show when=move || matches!(item.phase.get(), Phase::Sending { .. })>
                <ProgressBar percent=item.percent label=t(zone.words.progress) />
            </Show>
            <p class="mandat-upload__status" role="status" data-testid="upload-status">
                {status}
            </p>
            {failure}
        }
    }
}

/// `url` with the file's name as `?name=`.
fn with_name(url: &str, name: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let name = String::from(js_sys::encode_uri_component(name));
    format!("{url}{sep}name={name}")
}

/// Moves focus to `id` once the view has caught up.
fn focus_later(id: String) {
    request_animation_frame(move || {
        crate::ui::focus_by_id(&id);
    });
}

/// The words for a failed upload.
fn failure_message(error: &ApiError, words: &Words) -> String {
    let total = ATTEMPTS.to_string();
    let key = match error {
        ApiError::Unreachable => words.failed_network,
        ApiError::Server(_) => words.failed_server,
        ApiError::TooLarge => Key::MandateServerTooLarge,
        ApiError::UnsupportedType => words.server_type,
        ApiError::Conflict(_) => words.server_conflict,
        ApiError::Invalid(body) if body.errors.iter().any(|e| e.code == "file_empty") => {
            words.server_empty
        }
        other => {
            let (title, body) = error_words(other, None);
            return format!("{title}. {body} {}", t(Key::MandateFileKept));
        }
    };
    fill(key, &[("total", &total)])
}

/// The upload zone: one file, or several sent one after the other.
#[component]
pub fn FileZone<T: DeserializeOwned + Send + Sync + 'static>(
    /// Where each file is `PUT`, its name as `?name=`, as the API gave it: used
    /// only on the API's own origin (see `Api::link`).
    #[prop(into)]
    url: String,
    /// What the zone calls the files it takes.
    words: Words,
    /// The start of the zone's element ids (`mandate`: `mandate-file`, `mandate-send`…).
    prefix: &'static str,
    /// Several files, sent one after the other.
    #[prop(optional)]
    multiple: bool,
    /// Set while a file is being sent (or about to be sent again).
    sending: RwSignal<bool>,
    /// How many chosen files are not received yet (refused ones aside).
    #[prop(optional)]
    waiting: Option<RwSignal<usize>>,
    /// Called with what the API returns after each file is received.
    on_uploaded: Callback<T>,
    /// Called when the API says it takes no more files.
    #[prop(into)]
    on_conflict: Callback<()>,
) -> impl IntoView {
    let title_id = zid(prefix, "upload-title");
    // Never send the file, nor the cookies with it, anywhere else.
    let Some(url) = crate::api::Api::from_context().link(&url) else {
        let labelled_by = title_id.clone();
        return view! {
            <section class="mandat-upload" aria-labelledby=labelled_by>
                <h2 id=title_id>{t(words.title)}</h2>
                <RefusedLink message=Key::UploadRefused />
            </section>
        }
        .into_any();
    };
    let zone = Zone::<T> {
        url: StoredValue::new(url),
        items: RwSignal::new(Vec::new()),
        next_key: StoredValue::new(0),
        multiple,
        queue: StoredValue::new(false),
        prefix,
        words,
        announced: RwSignal::new(String::new()),
        on_uploaded,
        on_conflict,
        host: crate::host::use_host(),
        with_credentials: crate::config::use_config().credentials
            == crate::config::Credentials::Include,
        locale: crate::i18n::locale(),
        owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
    };
    let dragging = RwSignal::new(false);
    let input_id = zid(prefix, "file");

    Effect::new(move |_| {
        let items = zone.items.get();
        sending.set(items.iter().any(|i| i.busy_tracked()));
        if let Some(waiting) = waiting {
            let left = items
                .iter()
                .filter(|i| !matches!(i.chosen.get().check, Check::Refused(_)))
                .count();
            waiting.set(left);
        }
    });

    // Paste: only a paste that carries a file, and only while this zone is shown.
    let paste_input = input_id.clone();
    let paste = window_event_listener(ev::paste, move |ev: web_sys::ClipboardEvent| {
        let files = ev.clipboard_data().and_then(|data| data.files());
        let chosen = list(files.as_ref());
        if chosen.is_empty() || (!zone.multiple && zone.busy()) {
            return;
        }
        ev.prevent_default();
        set_input_files(&paste_input, files);
        zone.choose(chosen);
    });

    on_cleanup(move || {
        paste.remove();
        for item in zone.all() {
            item.stop();
        }
        // The page may be going away with the zone.
        let _ = sending.try_set(false);
        if let Some(waiting) = waiting {
            let _ = waiting.try_set(0);
        }
    });

    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        zone.choose(list(input.files().as_ref()));
    };
    let on_drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if zone.multiple || !zone.busy() {
            dragging.set(true);
        }
    };
    let drop_input = input_id.clone();
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev.data_transfer().and_then(|data| data.files());
        let chosen = list(files.as_ref());
        if chosen.is_empty() || (!zone.multiple && zone.busy()) {
            return;
        }
        set_input_files(&drop_input, files);
        zone.choose(chosen);
    };

    // A single file's picker waits while it is sent; several files may be added
    // to the queue at any time.
    let disabled = move || {
        !zone.multiple
            && zone
                .items
                .with(|items| items.iter().any(|i| i.busy_tracked()))
    };
    let refused = move || {
        !zone.multiple
            && zone.items.with(|items| {
                items
                    .iter()
                    .any(|i| matches!(i.chosen.get().check, Check::Refused(_)))
            })
    };
    let (constraints_id, hint_id, error_id) = (
        zid(prefix, "constraints"),
        zid(prefix, "drop-hint"),
        zid(prefix, "file-error"),
    );
    let described_by = {
        let (constraints_id, hint_id) = (constraints_id.clone(), hint_id.clone());
        move || {
            if refused() {
                format!("{constraints_id} {error_id}")
            } else {
                format!("{constraints_id} {hint_id}")
            }
        }
    };

    let items_view = move || {
        let items = zone.items.get();
        if zone.multiple {
            (!items.is_empty())
                .then(|| {
                    view! {
                        <ul class="mandat-upload__files" data-testid="chosen-files">
                            {items
                                .into_iter()
                                .map(|item| {
                                    view! {
                                        <li class="mandat-upload__file" data-testid="chosen-item">
                                            {zone.item_view(item)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .into_any()
        } else {
            items
                .into_iter()
                .next()
                .map(|item| zone.item_view(item))
                .into_any()
        }
    };
    // Several files: one button sends every file not tried yet, in turn.
    let can_send_all = move || {
        zone.multiple
            && zone.items.with(|items| {
                !items.iter().any(|i| i.busy_tracked())
                    && items
                        .iter()
                        .any(|i| i.phase.get() == Phase::Idle && i.ready())
            })
    };
    let send_all_id = zid(prefix, "send");

    let labelled_by = title_id.clone();
    view! {
        <section class="mandat-upload" aria-labelledby=labelled_by>
            <h2 id=title_id>{t(words.title)}</h2>
            <p id=constraints_id class="mandat-upload__constraints">
                {t(words.constraints)}
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
                <label for=input_id.clone() class="mandat-dropzone__label">
                    {t(words.choose)}
                </label>
                <input
                    type="file"
                    id=input_id
                    class="mandat-dropzone__input"
                    accept=ACCEPT
                    multiple=multiple
                    aria-describedby=described_by
                    aria-invalid=move || refused().then_some("true")
                    prop:disabled=disabled
                    on:change=on_change
                />
                <p id=hint_id class="mandat-hint">
                    {t(words.drop_hint)}
                </p>
            </div>
            {items_view}
            <Show when=can_send_all>
                <div class="mandat-upload__actions">
                    <button
                        type="button"
                        id=send_all_id.clone()
                        class="mandat-button"
                        on:click=move |_| zone.send_all()
                    >
                        {t(words.send)}
                    </button>
                </div>
            </Show>
            <p class="mandat-mandate__sr" aria-live="polite" data-testid="upload-announce">
                {move || zone.announced.get()}
            </p>
        </section>
    }
    .into_any()
}

/// The files of a list, in order.
fn list(files: Option<&web_sys::FileList>) -> Vec<web_sys::File> {
    files
        .map(|files| (0..files.length()).filter_map(|i| files.get(i)).collect())
        .unwrap_or_default()
}

/// Shows dropped or pasted files in the file picker too, so that both agree.
fn set_input_files(input_id: &str, files: Option<web_sys::FileList>) {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(input_id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let (Some(input), Some(files)) = (input, files) {
        input.set_files(Some(&files));
    }
}
