//! The component kit (buttons, badges, alerts, summary list, responsive
//! table, stepper, page header, icons; styled by `style/kit.css` from the
//! design tokens) and the shared widgets and hooks: the loading state, the
//! message for an API error, the error summary of a form, loading,
//! submitting and polling.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mandat_model::locale::{format_date, format_date_time, format_euros, paris_iso};
use mandat_model::{ApiError, Price};
use wasm_bindgen::JsCast;

use crate::i18n::{fill, locale, t, Key};

mod alert;
mod badge;
mod button;
mod copy;
mod error_summary;
mod icon;
mod latest;
mod load;
mod page_header;
pub mod perf;
mod poll;
mod stepper;
mod submit;
mod summary_list;
mod table;
pub use alert::{Alert, AlertKind};
pub use badge::{Badge, Tone};
pub use button::{ButtonLink, Emphasis};
pub use copy::CopyText;
pub use error_summary::{ErrorSummary, SummaryEntry};
pub use icon::{Icon, IconName};
pub use latest::{Latest, Ticket};
pub use load::Load;
pub use page_header::PageHeader;
pub use poll::{Polled, Poller};
pub use stepper::Stepper;
pub use submit::Submission;
pub use summary_list::{SummaryList, SummaryRow};
pub use table::{Cell, CellKind, Column, DataTable, RowHeader};

/// What a page says when its subject is not found (a 404): a title, a
/// sentence, and a link to where the person finds what they look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFound {
    pub title: Key,
    pub body: Key,
    /// The app page the link leads to (`/invoices`).
    pub back_to: &'static str,
    /// The link's words, which say where it leads.
    pub back: Key,
}

/// What a page or a section shows of data it loads: the loading state (with
/// `label`, or the generic words), the error with « Réessayer » when asking
/// again can help (`not_found`: what to say of a 404 of this subject), or
/// `ready` with the data. The one way every page shows its loading.
pub fn loaded<T, V: IntoView + 'static>(
    data: Option<Result<T, ApiError>>,
    label: Option<&str>,
    on_retry: Callback<()>,
    not_found: Option<NotFound>,
    ready: impl FnOnce(T) -> V,
) -> AnyView {
    match data {
        None => match label {
            Some(label) => view! { <Loading label=label.to_string() /> }.into_any(),
            None => view! { <Loading /> }.into_any(),
        },
        Some(Err(error)) => match not_found {
            Some(words) => {
                view! { <ApiErrorView error=error on_retry=on_retry not_found=words /> }.into_any()
            }
            None => view! { <ApiErrorView error=error on_retry=on_retry /> }.into_any(),
        },
        Some(Ok(value)) => ready(value).into_any(),
    }
}

/// The loading state of a page or a section, announced to screen readers.
#[component]
pub fn Loading(
    /// What is loading; the generic "Chargement en cours…" when absent.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| t(Key::Loading).to_string());
    view! {
        <p class="mandat-loading" role="status" aria-live="polite">
            <span class="mandat-spinner" aria-hidden="true"></span>
            {label}
        </p>
    }
}

/// An amount in cents in the app's locale, or the words for an unknown amount.
pub fn cents_text(cents: Option<i64>) -> String {
    match cents {
        Some(cents) => format_euros(cents, locale()),
        None => t(Key::AmountUnknown).to_string(),
    }
}

/// A price from the API, or the words for an unknown amount when it is not a
/// plausible euro amount (see `Price::checked_cents`).
pub fn price_text(price: &Price) -> String {
    cents_text(price.checked_cents())
}

/// An instant's Paris date as words in a sentence, or the words for an
/// unknown date (see [`Instant`] for a `<time>` element).
pub fn instant_text(instant: DateTime<Utc>) -> String {
    format_date(instant, locale()).unwrap_or_else(|| t(Key::DateUnknown).to_string())
}

/// An instant from the API as its Paris date (and time) in a `<time>`, or the
/// words for an unknown date when it cannot be shown (see
/// `mandat_model::locale::to_paris`).
#[component]
pub fn Instant(
    /// The instant, as the API sent it.
    instant: DateTime<Utc>,
    /// Shows the time of day too.
    #[prop(optional)]
    with_time: bool,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let loc = locale();
    let text = if with_time {
        format_date_time(instant, loc)
    } else {
        format_date(instant, loc)
    };
    match (paris_iso(instant), text) {
        (Some(iso), Some(text)) => {
            view! { <time datetime=iso data-testid=testid>{text}</time> }.into_any()
        }
        _ => view! {
            <span data-testid=testid>{t(Key::DateUnknown)}</span>
        }
        .into_any(),
    }
}

/// In place of a link or an upload whose address, given by the API, was
/// refused (see `Api::link`): what happened, in words.
#[component]
pub fn RefusedLink(
    /// `LinkRefused` for a link, `UploadRefused` for the upload.
    message: Key,
) -> impl IntoView {
    view! {
        <Alert kind=AlertKind::Warning title=t(message) level=3 quiet=true testid="link-refused" />
    }
}

/// The words for an API error: a title and a sentence saying what to do.
/// `not_found` gives the words for a 404 of this page's subject.
pub fn error_words(error: &ApiError, not_found: Option<(Key, Key)>) -> (String, String) {
    let (title, body) = match error {
        ApiError::Unauthorized => (Key::ErrUnauthorizedTitle, Key::ErrUnauthorizedBody),
        ApiError::NotFound => not_found.unwrap_or((Key::ErrNotFoundTitle, Key::ErrNotFoundBody)),
        ApiError::Unreachable => (Key::ErrUnreachableTitle, Key::ErrUnreachableBody),
        ApiError::Malformed(_) => (Key::ErrMalformedTitle, Key::ErrMalformedBody),
        ApiError::Server(_) => (Key::ErrServerTitle, Key::ErrServerBody),
        ApiError::Forbidden(_) => (Key::ErrForbiddenTitle, Key::ErrForbiddenBody),
        ApiError::Conflict(_) => (Key::ErrConflictTitle, Key::ErrConflictBody),
        ApiError::Invalid(_) => (Key::ErrInvalidTitle, Key::ErrInvalidBody),
        ApiError::TooLarge => (Key::ErrTooLargeTitle, Key::ErrTooLargeBody),
        ApiError::UnsupportedType => (Key::ErrUnsupportedTypeTitle, Key::ErrUnsupportedTypeBody),
        ApiError::UnreadableFile => (Key::ErrUnreadableFileTitle, Key::ErrUnreadableFileBody),
        ApiError::Unexpected(status) => {
            return (
                t(Key::ErrUnexpectedTitle).to_string(),
                fill(Key::ErrUnexpectedBody, &[("status", &status.to_string())]),
            )
        }
    };
    (t(title).to_string(), t(body).to_string())
}

/// An API error as an alert, with « Réessayer » when asking again can help.
#[component]
pub fn ApiErrorView(
    /// The error to explain.
    error: ApiError,
    /// Called by the « Réessayer » button; no button without it.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
    /// What to say of a 404 of this page's subject, and where to go instead.
    #[prop(optional)]
    not_found: Option<NotFound>,
) -> impl IntoView {
    let (title, body) = error_words(&error, not_found.map(|n| (n.title, n.body)));
    let retry = on_retry
        .filter(|_| error.may_succeed_again())
        .map(|cb| view! { <RetryButton on_retry=cb /> });
    let (back_to, back_words) = not_found.map_or(("/", Key::BackToOrders), |n| (n.back_to, n.back));
    let back = matches!(error, ApiError::NotFound).then(|| {
        view! {
            <p>
                <a href=crate::nav::href(back_to) data-testid="not-found-back">{t(back_words)}</a>
            </p>
        }
    });
    view! {
        <Alert kind=AlertKind::Error title=title>
            <p class="mandat-alert__body">{body}</p>
            {back}
            {retry}
        </Alert>
    }
}

/// « Réessayer », for what may succeed if asked again.
#[component]
pub fn RetryButton(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="mandat-button mandat-button--secondary" on:click=move |_| on_retry.run(())>
            {t(Key::Retry)}
        </button>
    }
}

/// A click handler for an in-page link (`href="#id"`) that moves focus to the
/// element itself, rather than letting the router or the browser only scroll.
pub fn focus_target(id: &'static str) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    move |ev: web_sys::MouseEvent| {
        if focus_by_id(id) {
            ev.prevent_default();
        }
    }
}

/// Focuses the element with `id`, scrolled into view. False when there is none.
pub fn focus_by_id(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => {
            element.scroll_into_view();
            element.focus().is_ok()
        }
        None => false,
    }
}
