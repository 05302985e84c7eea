//! Where files are chosen: the file picker, drag and drop onto its frame, and
//! paste anywhere on the page while the zone is shown.

use leptos::ev;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::controller::{zid, Zone};
use crate::i18n::t;

/// The `accept` of the file picker: a hint for the browser's dialog only,
/// the content is what is checked.
const ACCEPT: &str = "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg";

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

/// Listens for a paste that carries a file, for as long as the zone is shown.
pub(super) fn listen_for_paste<T: DeserializeOwned + Send + Sync + 'static>(
    zone: Zone<T>,
) -> WindowListenerHandle {
    let input_id = zid(zone.prefix, "file");
    window_event_listener(ev::paste, move |ev: web_sys::ClipboardEvent| {
        let files = ev.clipboard_data().and_then(|data| data.files());
        let chosen = list(files.as_ref());
        if chosen.is_empty() || (!zone.multiple && zone.busy()) {
            return;
        }
        ev.prevent_default();
        set_input_files(&input_id, files);
        zone.choose(chosen);
    })
}

/// The file picker in its frame, where files may also be dropped.
pub(super) fn picker<T: DeserializeOwned + Send + Sync + 'static>(zone: Zone<T>) -> impl IntoView {
    let prefix = zone.prefix;
    let dragging = RwSignal::new(false);
    let input_id = zid(prefix, "file");

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
    let refused =
        move || !zone.multiple && zone.items.with(|items| items.iter().any(|i| i.refused()));
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

    view! {
        <p id=constraints_id class="mandat-upload__constraints">
            {t(zone.words.constraints)}
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
                {t(zone.words.choose)}
            </label>
            <input
                type="file"
                id=input_id
                class="mandat-dropzone__input"
                accept=ACCEPT
                multiple=zone.multiple
                aria-describedby=described_by
                aria-invalid=move || refused().then_some("true")
                prop:disabled=disabled
                on:change=on_change
            />
            <p id=hint_id class="mandat-hint">
                {t(zone.words.drop_hint)}
            </p>
        </div>
    }
}
