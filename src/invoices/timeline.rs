//! The status timeline of an invoice on Chorus Pro.

use leptos::prelude::*;
use mandat_model::chorus::ChorusEvent;
use mandat_model::timeline::timeline;

use super::labels::{actor_key, status_key};
use crate::i18n::{t, Key};
use crate::ui::perf::{perf_mark, perf_measure};
use crate::ui::Instant;

/// The name of the measure of one rendering of the timeline.
pub const TIMELINE_MEASURE: &str = "mandat:timeline-render";
const TIMELINE_START: &str = "mandat:timeline-render:start";

/// Every event, oldest first by its own date (events that arrived late take their
/// place; skipped optional steps leave no gap): label, `<time datetime>` in
/// Europe/Paris, who acted, and the reason where there is one. API strings are
/// text nodes only.
#[component]
pub fn Timeline(
    /// The events in any order; a refresh that brings new ones re-renders the list.
    #[prop(into)]
    events: Signal<Vec<ChorusEvent>>,
) -> impl IntoView {
    // Runs after the list below is in the document.
    Effect::new(move |_| {
        events.track();
        perf_measure(TIMELINE_MEASURE, TIMELINE_START);
    });
    move || {
        perf_mark(TIMELINE_START);
        let sorted = events.with(|events| timeline(events));
        if sorted.is_empty() {
            return view! { <p class="mandat-inv-timeline-empty">{t(Key::InvTimelineEmpty)}</p> }
                .into_any();
        }
        let items = sorted
            .into_iter()
            .map(|event| {
                let reason = event
                    .reason
                    .filter(|r| !r.trim().is_empty())
                    .map(|reason| {
                        view! {
                            <p class="mandat-inv-event__reason">
                                <span class="mandat-inv-event__key">{t(Key::InvEventReason)}</span>
                                " "
                                <span data-testid="event-reason">{reason}</span>
                            </p>
                        }
                    });
                view! {
                    <li class="mandat-inv-event" data-testid="timeline-event" data-status=event.status.code()>
                        <p class="mandat-inv-event__label">{t(status_key(event.status))}</p>
                        <p class="mandat-inv-event__date">
                            <Instant instant=event.date with_time=true />
                        </p>
                        <p class="mandat-inv-event__actor">
                            <span class="mandat-inv-event__key">{t(Key::InvEventActor)}</span>
                            " "
                            {t(actor_key(event.actor))}
                        </p>
                        {reason}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="mandat-inv-timeline" data-testid="timeline">{items}</ol> }.into_any()
    }
}
