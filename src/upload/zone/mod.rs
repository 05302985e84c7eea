//! The upload zone: choose a file (file picker, drag and drop or paste), have
//! it checked before anything is sent, send it with a progress bar, cancel,
//! retry on its own after a network or server failure, and keep the file
//! whatever happens until it is received. With `multiple`, several files are
//! chosen and sent one after the other, each with its own progress, cancel and
//! retry.
//!
//! `item` is one file's state, `controller` its transitions, `queue` the
//! sending of several in turn; `picker` and `row` are what is shown.

use leptos::prelude::*;
use mandat_model::retry::UPLOAD_RETRY_DELAYS_MS;
use serde::de::DeserializeOwned;

mod controller;
mod item;
mod picker;
mod queue;
mod row;

use super::Words;
use crate::i18n::{t, Key};
use crate::ui::{Emphasis, RefusedLink};
use controller::{zid, Zone};
use picker::{listen_for_paste, picker};
use row::row;

/// Attempts in all before the user is asked to retry.
pub const ATTEMPTS: u32 = 1 + UPLOAD_RETRY_DELAYS_MS.len() as u32;

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
    /// Several files: the id of what comes after them, focused once every file
    /// sent is received (the picker otherwise).
    #[prop(optional)]
    next_step: Option<&'static str>,
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
        batch: StoredValue::new(None),
        next_step,
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

    Effect::new(move |_| {
        let items = zone.items.get();
        sending.set(items.iter().any(|i| i.busy_tracked()));
        if let Some(waiting) = waiting {
            let left = items.iter().filter(|i| !i.refused()).count();
            waiting.set(left);
        }
    });

    let paste = listen_for_paste(zone);
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

    // Several files: each row lives as long as its file, so that a refusal's
    // alert is put on the page (and read) once, not again each time another
    // file is received and the list changes.
    let items_view = if multiple {
        view! {
            <Show when=move || zone.items.with(|items| !items.is_empty())>
                <ul class="mandat-upload__files" data-testid="chosen-files">
                    <For
                        each=move || zone.items.get()
                        key=|item| item.key
                        children=move |item| {
                            view! {
                                <li class="mandat-upload__file" data-testid="chosen-item">
                                    {row(zone, item)}
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        }
        .into_any()
    } else {
        (move || {
            zone.items
                .get()
                .into_iter()
                .next()
                .map(|item| row(zone, item))
        })
        .into_any()
    };
    // Several files: one button sends every file not tried yet, in turn.
    let can_send_all = move || {
        zone.multiple
            && zone.items.with(|items| {
                !items.iter().any(|i| i.busy_tracked())
                    && items
                        .iter()
                        .any(|i| i.phase.get() == item::Phase::Idle && i.ready())
            })
    };
    let send_all_id = zid(prefix, "send");

    let labelled_by = title_id.clone();
    view! {
        <section class="mandat-upload" aria-labelledby=labelled_by>
            <h2 id=title_id>{t(words.title)}</h2>
            {picker(zone)}
            {items_view}
            <Show when=can_send_all>
                <div class="mandat-upload__actions">
                    <button
                        type="button"
                        id=send_all_id.clone()
                        class=Emphasis::Primary.class()
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
