//! What the zone's handlers share, and the transitions of one file's upload:
//! chosen and checked, sent with its progress, retried on its own after a
//! network or server failure, cancelled, received.

use std::time::Duration;

use leptos::prelude::*;
use mandat_model::retry::{retry_delay_ms, Answer, UPLOAD_RETRY_DELAYS_MS};
use mandat_model::{decode, ApiError};
use serde::de::DeserializeOwned;

use super::super::check::{check_file_in, name_to_send};
use super::super::progress::announce_step;
use super::super::xhr::{Upload, UploadEvent};
use super::super::Words;
use super::item::{Check, Item, Phase};
use crate::i18n::{fill, Key};
use crate::ui::Ticket;

/// Everything the zone's handlers share.
pub(super) struct Zone<T: 'static> {
    pub url: StoredValue<String>,
    /// The files chosen and not received yet, in the order they were chosen.
    pub items: RwSignal<Vec<Item>>,
    pub next_key: StoredValue<u32>,
    /// Several files: each chosen file is added, and they are sent in turn.
    pub multiple: bool,
    /// Sending the ready files one after the other (several files).
    pub queue: StoredValue<bool>,
    /// Several files: how many were received since the user last sent some,
    /// until the last one is done; none between times.
    pub batch: StoredValue<Option<u32>>,
    /// The id of what comes after the files, where focus goes once every file
    /// sent is received.
    pub next_step: Option<&'static str>,
    pub prefix: &'static str,
    pub words: Words,
    pub announced: RwSignal<String>,
    pub on_uploaded: Callback<T>,
    pub on_conflict: Callback<()>,
    pub host: crate::host::Host,
    /// Whether cookies go with an upload to another origin.
    pub with_credentials: bool,
    /// The app's language, taken when the zone is built: its checks end outside
    /// the view, where the context cannot be read.
    pub locale: mandat_model::Locale,
    /// The zone's reactive owner: items are created under it, from handlers.
    pub owner: StoredValue<Owner, LocalStorage>,
}

impl<T: 'static> Clone for Zone<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Zone<T> {}

/// `{prefix}-{what}`: an element id of a zone.
pub(super) fn zid(prefix: &str, what: &str) -> String {
    format!("{prefix}-{what}")
}

/// Moves focus to `id` once the view has caught up.
pub(super) fn focus_later(id: String) {
    request_animation_frame(move || {
        crate::ui::focus_by_id(&id);
    });
}

/// Moves focus to the first of `ids` that takes it, once the view has caught up
/// (a missing or disabled element does not).
pub(super) fn focus_first(ids: Vec<String>) {
    request_animation_frame(move || {
        let document = web_sys::window().and_then(|w| w.document());
        let focused = |id: &str| {
            document
                .as_ref()
                .and_then(|d| d.active_element())
                .is_some_and(|e| e.id() == id)
        };
        for id in ids {
            if crate::ui::focus_by_id(&id) && focused(&id) {
                return;
            }
        }
    });
}

/// `url` with the file's name as `?name=`.
fn with_name(url: &str, name: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let name = String::from(js_sys::encode_uri_component(name));
    format!("{url}{sep}name={name}")
}

impl<T: DeserializeOwned + Send + Sync + 'static> Zone<T> {
    pub fn all(self) -> Vec<Item> {
        self.items.try_get_untracked().unwrap_or_default()
    }

    pub fn busy(self) -> bool {
        self.all().into_iter().any(Item::busy)
    }

    /// The id of `item`'s element `what`: the zone's own in a single-file zone.
    pub fn item_id(self, item: Item, what: &str) -> String {
        if self.multiple {
            format!("{}-{what}-{}", self.prefix, item.key)
        } else {
            zid(self.prefix, what)
        }
    }

    /// New files: kept, then checked before anything is sent. A single-file
    /// zone replaces its file, unless it is being sent.
    pub fn choose(self, files: Vec<web_sys::File>) {
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
            let item = owner.with(|| Item::new(key, file.clone()));
            self.items.update(|items| items.push(item));
            let (locale, words) = (self.locale, self.words);
            item.tries.run(
                async move {
                    match check_file_in(&file, locale, &words).await {
                        Ok(kind) => Check::Ok(kind),
                        Err(message) => Check::Refused(message),
                    }
                },
                move |check| item.chosen.update(|c| c.check = check),
            );
        }
    }

    /// Takes `item` out of the zone, stopping whatever it was doing.
    pub fn remove(self, item: Item) {
        item.stop();
        self.items
            .update(|items| items.retain(|i| i.key != item.key));
    }

    /// Starts attempt `attempt` of sending `item`.
    pub fn send(self, item: Item, attempt: u32) {
        let Some(chosen) = item.chosen.try_get_untracked() else {
            return;
        };
        let Check::Ok(kind) = chosen.check else {
            return;
        };
        item.stop();
        let ticket = item.tries.begin();
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
            move |event| zone.heard(item, ticket, attempt, event),
        );
        match started {
            Ok(upload) => item.inflight.set_value(Some(upload)),
            Err(()) => self.finish(
                item,
                ticket,
                attempt,
                Err(ApiError::Unreachable),
                &Answer::default(),
            ),
        }
    }

    fn heard(self, item: Item, ticket: Ticket, attempt: u32, event: UploadEvent) {
        if !ticket.is_current() {
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
                self.finish(item, ticket, attempt, result, &answer);
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
                fill(
                    Key::UploadFileAnnounce,
                    &[("name", &item.chosen.get_untracked().name), ("text", &text)],
                )
            } else {
                text
            };
            self.announced.set(text);
        }
    }

    fn finish(
        self,
        item: Item,
        ticket: Ticket,
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
                self.batch.update_value(|b| {
                    if let Some(received) = b {
                        *received += 1;
                    }
                });
                self.on_uploaded.run(value);
                self.next(true);
            }
            (Err(error), Some(millis)) if error.is_transient() => {
                item.phase.set(Phase::Waiting {
                    next: attempt + 1,
                    seconds: millis.div_ceil(1000),
                });
                let zone = self;
                let handle = set_timeout_with_handle(
                    move || {
                        if ticket.is_current() {
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
                // A cancel or a removal meanwhile outdates this wait.
                item.tries.run(
                    async move { zone.host.session_expired("PUT", &url).await },
                    move |back| {
                        if back {
                            zone.send(item, attempt);
                        }
                    },
                );
            }
            (Err(error), _) => {
                let conflict = matches!(error, ApiError::Conflict(_));
                item.phase.set(Phase::Failed(error));
                if conflict {
                    // Nothing more is taken: the rest of the queue would be refused too.
                    self.queue.set_value(false);
                    self.on_conflict.run(());
                }
                self.next(true);
            }
        }
    }

    pub fn cancel(self, item: Item) {
        item.stop();
        item.phase.set(Phase::Cancelled);
        focus_later(self.item_id(item, if self.multiple { "retry" } else { "send" }));
        self.next(false);
    }
}
