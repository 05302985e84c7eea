//! The summary of a form's errors: at the top of the form, focused when shown,
//! each entry a link to its field.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, Key};

/// One problem of the form: the field's id and the message shown beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryEntry {
    /// The `id` of the field to go to.
    pub field_id: String,
    /// The same words as the field's inline message.
    pub message: String,
}

/// Lists `entries` when there are any and takes focus each time `attempt`
/// changes, so that a screen reader reads it after a failed submission, and
/// only then.
#[component]
pub fn ErrorSummary(
    /// The form's problems, in the order of the fields.
    #[prop(into)]
    entries: Signal<Vec<SummaryEntry>>,
    /// Bumped at each submission that found problems.
    #[prop(into)]
    attempt: Signal<u32>,
) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let n = attempt.get();
        if n > 0 && !entries.get_untracked().is_empty() {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !entries.get().is_empty()>
            // Read when it takes focus, at each submission, by its name and its
            // list (the description); not a live region: the list changes as
            // each field is corrected, and a region would be read out again
            // each time a field is left.
            <div
                class="mandat-error-summary"
                tabindex="-1"
                node_ref=node
                role="group"
                aria-labelledby="mandat-error-summary-title"
                aria-describedby="mandat-error-summary-list"
                data-testid="error-summary"
            >
                <h2 id="mandat-error-summary-title" class="mandat-error-summary__title">
                    {t(Key::ErrorSummaryTitle)}
                </h2>
                <ul id="mandat-error-summary-list">
                    {move || {
                        entries
                            .get()
                            .into_iter()
                            .map(|entry| {
                                let id = entry.field_id.clone();
                                let href = format!("#{id}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                if super::focus_by_id(&id) {
                                                    ev.prevent_default();
                                                }
                                            }
                                        >
                                            {entry.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
