//! Alerts in four kinds that differ by colour and by icon, never by colour alone.

use leptos::prelude::*;

use super::icon::{Icon, IconName};

/// How an alert reads: its colour, icon and ARIA role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    Error,
    Warning,
    Info,
    Success,
}

impl AlertKind {
    /// The alert's classes.
    pub fn class(self) -> &'static str {
        match self {
            AlertKind::Error => "mandat-alert mandat-alert--error",
            AlertKind::Warning => "mandat-alert mandat-alert--warning",
            AlertKind::Info => "mandat-alert mandat-alert--info",
            AlertKind::Success => "mandat-alert mandat-alert--success",
        }
    }

    fn icon(self) -> IconName {
        match self {
            AlertKind::Error => IconName::Error,
            AlertKind::Warning => IconName::Warning,
            AlertKind::Info => IconName::Info,
            AlertKind::Success => IconName::Success,
        }
    }
}

/// A boxed message with a title. Errors are announced (`role="alert"`), the
/// others are polite status messages unless `quiet` (a standing fact of the
/// page, not news: read in its place).
#[component]
pub fn Alert(
    /// Error, warning, information or success.
    kind: AlertKind,
    /// The alert's title, shown as a heading.
    #[prop(into)]
    title: String,
    /// Heading level of the title (2 by default).
    #[prop(optional)]
    level: Option<u8>,
    /// No live region: the alert was on the page from its start.
    #[prop(optional)]
    quiet: bool,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The body.
    children: Children,
) -> impl IntoView {
    let role = match (kind, quiet) {
        (_, true) => None,
        (AlertKind::Error, false) => Some("alert"),
        _ => Some("status"),
    };
    // Titles are catalogue texts: a French term in an English one is marked.
    let title = crate::i18n::marked(title);
    let heading = match level.unwrap_or(2) {
        3 => view! { <h3 class="mandat-alert__title">{title}</h3> }.into_any(),
        _ => view! { <h2 class="mandat-alert__title">{title}</h2> }.into_any(),
    };
    view! {
        <div class=kind.class() role=role data-testid=testid>
            <span class="mandat-alert__icon">
                <Icon name=kind.icon() />
            </span>
            <div class="mandat-alert__content">{heading} {children()}</div>
        </div>
    }
}
