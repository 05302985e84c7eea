//! Where the person is in a journey of several steps, and what comes next.

use leptos::prelude::*;

use crate::i18n::{fill, t, Key};

/// The steps, the current one marked for screen readers (`aria-current`),
/// with the date the journey must end by (`note`).
#[component]
pub fn Stepper(
    /// Each step's name, in order.
    steps: Vec<String>,
    /// The current step, from 0; past the last when every step is done.
    current: usize,
    /// Said under the steps: the date by which they must be done.
    #[prop(optional, into)]
    note: Option<String>,
) -> impl IntoView {
    let total = steps.len();
    let heading = match steps.get(current) {
        Some(name) => fill(
            Key::StepOf,
            &[
                ("n", &(current + 1).to_string()),
                ("total", &total.to_string()),
                ("name", name),
            ],
        ),
        None => t(Key::StepsDone).to_string(),
    };
    let items = steps
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let (class, state) = if i < current {
                (
                    "mandat-stepper__step mandat-stepper__step--done",
                    Key::StepDone,
                )
            } else if i == current {
                (
                    "mandat-stepper__step mandat-stepper__step--current",
                    Key::StepCurrent,
                )
            } else {
                ("mandat-stepper__step", Key::StepToDo)
            };
            let current = (i == current).then_some("step");
            view! {
                <li class=class aria-current=current>
                    <span class="mandat-visually-hidden">{t(state)}</span>
                    " "
                    {name}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="mandat-stepper" data-testid="stepper">
            <p class="mandat-stepper__title">{heading}</p>
            <ol class="mandat-stepper__steps">{items}</ol>
            {note.map(|note| view! { <p class="mandat-stepper__note" data-testid="stepper-note">{note}</p> })}
        </div>
    }
}
