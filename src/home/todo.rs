//! The to-do list at the top of `/`: what waits for the buyer, as the model's
//! rule lists it (`mandat_model::todo`), each with its date, its amount and
//! the one link to where it is done.

use leptos::prelude::*;
use mandat_model::locale::{format_day, iso_day};
use mandat_model::todo::{Todo, TodoKind, TodoSubject};

use crate::i18n::{fill, locale, marked, t, Key};
use crate::ui::{cents_text, Alert, AlertKind, ButtonLink};

/// What the entry is, and the words of its action.
fn keys(kind: TodoKind) -> (Key, Key) {
    match kind {
        TodoKind::SendNewMandate => (Key::TodoWhatSendNewMandate, Key::TodoActSendNewMandate),
        TodoKind::SendMandate => (Key::TodoWhatSendMandate, Key::TodoActSendMandate),
        TodoKind::PayOrder => (Key::TodoWhatPayOrder, Key::TodoActPayOrder),
        TodoKind::SendDocuments => (Key::TodoWhatSendDocuments, Key::TodoActSendDocuments),
        TodoKind::CorrectRouting => (Key::TodoWhatCorrectRouting, Key::TodoActCorrectRouting),
        TodoKind::PayLateInterest => (Key::TodoWhatPayLateInterest, Key::TodoActPayLateInterest),
        TodoKind::GiveEngagement => (Key::TodoWhatGiveEngagement, Key::TodoActGiveEngagement),
    }
}

/// What the entry's date is.
fn date_key(kind: TodoKind) -> Key {
    match kind {
        TodoKind::GiveEngagement => Key::TodoRenewsOn,
        TodoKind::PayLateInterest => Key::TodoPayBy,
        _ => Key::ColExpiry,
    }
}

fn entry(todo: Todo) -> impl IntoView {
    let loc = locale();
    let id = todo.subject.id();
    let (what_key, act_key) = keys(todo.kind);
    let what = match &todo.subject {
        TodoSubject::Renewal {
            label, budget_year, ..
        } => fill(
            what_key,
            &[("year", &budget_year.to_string()), ("label", label)],
        ),
        _ => fill(what_key, &[("id", &id)]),
    };
    let date = todo.date.map(|day| {
        view! {
            <span data-testid="todo-date">
                {t(date_key(todo.kind))} " " <time datetime=iso_day(day)>{format_day(day, loc)}</time>
            </span>
        }
    });
    let amount = todo.amount_cents.map(|cents| {
        view! {
            <span data-testid="todo-amount">{t(Key::TodoAmount)} " " {cents_text(Some(cents))}</span>
        }
    });
    view! {
        <li class="mandat-todo__item" data-testid="todo-item" data-kind=todo.kind.code() data-subject=id>
            <p class="mandat-todo__what" data-testid="todo-what">{marked(what)}</p>
            <p class="mandat-inline-list">{date}{amount}</p>
            <ButtonLink href=todo.path>{marked(t(act_key))}</ButtonLink>
        </li>
    }
}

/// Everything waiting for the buyer, the most urgent first; `incomplete`: the
/// invoices or the renewals could not be read, so some may be missing.
#[component]
pub fn TodoList(
    /// In the model's order.
    todo: Vec<Todo>,
    /// Some of what the list is built from could not be read.
    #[prop(optional)]
    incomplete: bool,
) -> impl IntoView {
    let body = if todo.is_empty() {
        view! { <p data-testid="todo-none">{t(Key::HomeTodoNone)}</p> }.into_any()
    } else {
        let items = todo.into_iter().map(entry).collect_view();
        view! { <ul class="mandat-todo">{items}</ul> }.into_any()
    };
    let warning = incomplete.then(|| {
        view! {
            <Alert kind=AlertKind::Warning title=t(Key::HomeTodoIncomplete) level=3 quiet=true testid="todo-incomplete">
                ""
            </Alert>
        }
    });
    view! {
        <section aria-labelledby="mandat-todo-title" data-testid="todo">
            <h2 id="mandat-todo-title">{t(Key::HomeTodoTitle)}</h2>
            {warning}
            {body}
        </section>
    }
}
