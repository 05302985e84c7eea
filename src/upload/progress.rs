//! A progress bar that assistive technologies read: `role="progressbar"` with
//! its value, and the percentage also written out for sighted users.

use leptos::prelude::*;

use crate::i18n::{fill, Key};

/// A determinate progress bar from 0 to 100.
#[component]
pub fn ProgressBar(
    /// How far along, from 0 to 100.
    #[prop(into)]
    percent: Signal<u32>,
    /// What is progressing; the bar's accessible name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let value = move || percent.get().min(100);
    let text = move || {
        fill(
            Key::MandateProgressValue,
            &[("percent", &value().to_string())],
        )
    };
    // The percentage is written inside the bar's element, so the bar shows
    // even unstyled; a progressbar's children are not read out on their own.
    view! {
        <div
            class="mandat-progress"
            role="progressbar"
            aria-label=label
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || value().to_string()
            aria-valuetext=text
            data-testid="upload-progress"
        >
            <div class="mandat-progress__track">
                <div class="mandat-progress__fill" style:width=move || format!("{}%", value())></div>
            </div>
            <span class="mandat-progress__value">{text}</span>
        </div>
    }
}

/// The step to announce for `percent` (0, 25, 50, 75 or 100), so that a
/// screen reader hears a handful of updates rather than one per event.
pub fn announce_step(percent: u32) -> u32 {
    percent.min(100) / 25 * 25
}
