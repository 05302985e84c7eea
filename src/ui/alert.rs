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
/// page, not news: read in its place) or `takes_focus` (the outcome of what
/// the person just did: focus moves to its title once painted, so that it is
/// read from there, once, and the next Tab continues below it).
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
    /// Focus moves to the title once the alert is painted.
    #[prop(optional)]
    takes_focus: bool,
    /// The title's id, for a section labelled by it.
    #[prop(optional)]
    title_id: Option<&'static str>,
    /// Extra classes of the box.
    #[prop(optional)]
    class: &'static str,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The body; a title alone says it all.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let role = match (kind, quiet || takes_focus) {
        (_, true) => None,
        (AlertKind::Error, false) => Some("alert"),
        _ => Some("status"),
    };
    // Titles are catalogue texts: a French term in an English one is marked.
    let title = crate::i18n::marked(title);
    let tabindex = takes_focus.then_some("-1");
    let heading = match level.unwrap_or(2) {
        3 => {
            let node = NodeRef::<leptos::html::H3>::new();
            focus_when_painted(takes_focus, node);
            view! { <h3 class="mandat-alert__title" id=title_id tabindex=tabindex node_ref=node>{title}</h3> }
                .into_any()
        }
        _ => {
            let node = NodeRef::<leptos::html::H2>::new();
            focus_when_painted(takes_focus, node);
            view! { <h2 class="mandat-alert__title" id=title_id tabindex=tabindex node_ref=node>{title}</h2> }
                .into_any()
        }
    };
    let class = if class.is_empty() {
        kind.class().to_string()
    } else {
        format!("{} {class}", kind.class())
    };
    view! {
        <div class=class role=role data-testid=testid>
            <span class="mandat-alert__icon">
                <Icon name=kind.icon() />
            </span>
            <div class="mandat-alert__content">{heading} {children.map(|c| c())}</div>
        </div>
    }
}

/// Moves focus to the element once it is in the page and painted.
fn focus_when_painted<E>(wanted: bool, node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: AsRef<web_sys::HtmlElement> + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    if !wanted {
        return;
    }
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            request_animation_frame(move || {
                let _ = element.as_ref().focus();
            });
        }
    });
}
