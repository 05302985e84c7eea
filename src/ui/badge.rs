//! Status badges: a short state in words, with a drawn icon and a colour that
//! only repeat them. Not a button: no border that invites a click.

use leptos::prelude::*;

use super::icon::{Icon, IconName};

/// What a state means for the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Done, nothing owed.
    Success,
    /// Stopped for good.
    Error,
    /// Waits for the person.
    Warning,
    /// Moving on its own.
    Info,
    /// Nothing to say either way.
    Neutral,
}

impl Tone {
    fn icon(self) -> IconName {
        match self {
            Tone::Success => IconName::Success,
            Tone::Error => IconName::Error,
            Tone::Warning => IconName::Warning,
            Tone::Info => IconName::Clock,
            Tone::Neutral => IconName::Info,
        }
    }

    /// The tone's name in class names.
    pub fn code(self) -> &'static str {
        match self {
            Tone::Success => "success",
            Tone::Error => "error",
            Tone::Warning => "warning",
            Tone::Info => "info",
            Tone::Neutral => "neutral",
        }
    }
}

/// A state as a badge.
#[component]
pub fn Badge(
    /// What the state means for the person: its colour and icon.
    tone: Tone,
    /// The words.
    #[prop(into)]
    label: String,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// A stable code of the state, as `data-status`, for tests and styles.
    #[prop(optional)]
    code: Option<&'static str>,
) -> impl IntoView {
    let class = format!("mandat-badge mandat-badge--{}", tone.code());
    view! {
        <span class=class data-testid=testid data-status=code>
            <Icon name=tone.icon() />
            <span>{label}</span>
        </span>
    }
}
