//! A value the person copies elsewhere (a reference number): shown as text
//! they can select, with a button that copies it and says so where it was
//! pressed, announced to screen readers.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::icon::{Icon, IconName};
use crate::i18n::{t, Key};

/// The page's clipboard, where there is one (none outside a secure context).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| clipboard.unchecked_into())
}

/// Copies `text`; whether the browser took it.
async fn copy(text: &str) -> bool {
    match clipboard() {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// `value` as selectable text, and a « Copier » button.
#[component]
pub fn CopyText(
    /// What is shown and copied.
    #[prop(into)]
    value: String,
    /// The button's accessible name: « Copier » and what it copies.
    #[prop(into)]
    label: String,
    /// The value's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    // None: not pressed yet; then whether the copy was taken.
    let copied = RwSignal::new(None::<bool>);
    let text = StoredValue::new(value.clone());
    let on_click = move |_| {
        copied.set(None);
        spawn_local(async move {
            let done = copy(&text.get_value()).await;
            copied.try_set(Some(done));
        });
    };
    let said = move || match copied.get() {
        None => "",
        Some(true) => t(Key::Copied),
        Some(false) => t(Key::CopyFailed),
    };
    view! {
        <span class="mandat-copy">
            <span class="mandat-copy__value" data-testid=testid>{value}</span>
            <button
                type="button"
                class="mandat-button mandat-button--tertiary mandat-copy__button"
                aria-label=label
                data-testid="copy-button"
                on:click=on_click
            >
                <Icon name=IconName::Copy />
                <span>{t(Key::Copy)}</span>
            </button>
            <span class="mandat-copy__status" role="status" aria-live="polite" data-testid="copy-status">
                {said}
            </span>
        </span>
    }
}
