//! Buttons: every action the person takes looks like one, whether it is a
//! `<button>` or a link to the page where it happens.

use leptos::prelude::*;

use super::icon::{Icon, IconName};

/// How much an action stands out: one primary action a page, the others
/// secondary, and link-like ones for what is beside the task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Emphasis {
    #[default]
    Primary,
    Secondary,
    Tertiary,
}

impl Emphasis {
    /// The button's classes.
    pub fn class(self) -> &'static str {
        match self {
            Emphasis::Primary => "mandat-button",
            Emphasis::Secondary => "mandat-button mandat-button--secondary",
            Emphasis::Tertiary => "mandat-button mandat-button--tertiary",
        }
    }
}

/// A link that leads to an action's page, drawn as a button.
#[component]
pub fn ButtonLink(
    /// Where it leads; an app page's path is put under the app's base.
    #[prop(into)]
    href: String,
    /// Primary (the default), secondary or tertiary.
    #[prop(optional)]
    emphasis: Emphasis,
    /// An icon before the words.
    #[prop(optional)]
    icon: Option<IconName>,
    /// Its `download` attribute, for a file.
    #[prop(optional, into)]
    download: Option<String>,
    /// Opens in a new window (another site the page stays beside); the words
    /// must say so.
    #[prop(optional)]
    new_window: bool,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The words.
    children: Children,
) -> impl IntoView {
    // An app page follows the app's base; a file or another site is left as it is.
    let href = if crate::nav::Page::parse(&href).is_some() {
        crate::nav::href(&href)
    } else {
        href
    };
    view! {
        <a
            class=emphasis.class()
            href=href
            download=download
            target=new_window.then_some("_blank")
            rel=new_window.then_some("noopener noreferrer")
            data-testid=testid
        >
            {icon.map(|name| view! { <Icon name=name /> })}
            <span>{children()}</span>
        </a>
    }
}
