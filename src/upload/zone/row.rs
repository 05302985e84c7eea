//! One chosen file as shown: its name and checks, its buttons (send or retry,
//! cancel, remove), its progress and what became of it.

use leptos::prelude::*;
use mandat_model::locale::format_size;
use mandat_model::ApiError;
use serde::de::DeserializeOwned;

use super::super::check::{kind_label, name_disagrees};
use super::super::progress::ProgressBar;
use super::super::Words;
use super::controller::{focus_later, Zone};
use super::item::{Check, Item, Phase};
use super::ATTEMPTS;
use crate::i18n::{fill, locale, t, Key};
use crate::ui::{error_words, Alert, AlertKind, Emphasis, Icon, IconName};

/// The words for a failed upload.
fn failure_message(error: &ApiError, words: &Words) -> String {
    let total = ATTEMPTS.to_string();
    let key = match error {
        ApiError::Unreachable => words.failed_network,
        ApiError::Server(_) => words.failed_server,
        ApiError::TooLarge => Key::MandateServerTooLarge,
        ApiError::UnsupportedType => words.server_type,
        ApiError::UnreadableFile => words.server_unreadable,
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

/// `item`'s name, size and type, or why it was refused.
fn chosen_view<T: DeserializeOwned + Send + Sync + 'static>(
    zone: Zone<T>,
    item: Item,
) -> impl IntoView {
    let error_id = zone.item_id(item, "file-error");
    move || {
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
                    <span class="mandat-upload__error-icon">
                        <Icon name=IconName::Error />
                    </span>
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
    }
}

/// One chosen file: its name and checks, its buttons, its progress and what
/// became of it.
pub(super) fn row<T: DeserializeOwned + Send + Sync + 'static>(
    zone: Zone<T>,
    item: Item,
) -> impl IntoView {
    let busy = move || item.busy_tracked();
    // One file: its button sends it. Several: the zone's button sends them
    // all, and each file's own button sends it again after a stop.
    let can_send = move || item.ready() && (!zone.multiple || item.phase.get() != Phase::Idle);
    let send_label = move || match item.phase.get() {
        Phase::Cancelled | Phase::Failed(_) => t(zone.words.retry),
        _ => t(zone.words.send),
    };
    let send_id = zone.item_id(item, if zone.multiple { "retry" } else { "send" });
    let cancel_id = zone.item_id(item, "cancel");
    let start = move |_| {
        zone.begin_batch();
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
        {chosen_view(zone, item)}
        <div class="mandat-upload__actions">
            <Show when=can_send>
                <button type="button" id=send_id.clone() class=Emphasis::Primary.class() on:click=start>
                    {send_label}
                </button>
            </Show>
            <Show when=busy>
                <button
                    type="button"
                    id=cancel_id.clone()
                    class=Emphasis::Secondary.class()
                    on:click=move |_| zone.cancel(item)
                >
                    {t(Key::MandateCancel)}
                </button>
            </Show>
            <Show when=removable>
                <button
                    type="button"
                    class=Emphasis::Secondary.class()
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
