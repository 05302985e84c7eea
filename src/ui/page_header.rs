//! The top of a page: its title, what the person must know (the key figures),
//! and the one action that applies.

use leptos::prelude::*;

/// The page's `<h1>`, then `children`: the key figures (a
/// [`super::SummaryList`] with `columns`) and the primary action.
#[component]
pub fn PageHeader(
    /// The page's title.
    #[prop(into)]
    title: String,
    /// One sentence under the title, where the figures need it.
    #[prop(optional, into)]
    lead: Option<String>,
    /// The header's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// Key figures and the action.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    // A `div`, not a `header`: embedded in a host page, outside any `main`,
    // a `header` would be a second banner landmark beside the host's own.
    view! {
        <div class="mandat-page-header" data-testid=testid>
            <h1>{title}</h1>
            {lead.map(|lead| view! { <p class="mandat-lead">{lead}</p> })}
            {children.map(|c| c())}
        </div>
    }
}
