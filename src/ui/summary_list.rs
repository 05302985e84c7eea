//! Term and value pairs. Each pair is one box (`<div>` in the `<dl>`), so a
//! value never leaves its term, whatever the width or the text size: side by
//! side where there is room, one under the other where there is not.

use leptos::prelude::*;

/// A list of term / value pairs ([`SummaryRow`] children).
#[component]
pub fn SummaryList(
    /// Several pairs a line where there is room (key figures), rather than
    /// one pair a line with its term beside its value.
    #[prop(optional)]
    columns: bool,
    /// The element's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The pairs.
    children: Children,
) -> impl IntoView {
    let class = if columns {
        "mandat-summary-list mandat-summary-list--columns"
    } else {
        "mandat-summary-list"
    };
    view! {
        <dl class=class data-testid=testid>
            {children()}
        </dl>
    }
}

/// One term and its value.
#[component]
pub fn SummaryRow(
    /// The term.
    #[prop(into)]
    term: String,
    /// The value's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="mandat-summary-list__row">
            // Terms are catalogue texts: a French term in an English one is marked.
            <dt>{crate::i18n::marked(term)}</dt>
            <dd data-testid=testid>{children()}</dd>
        </div>
    }
}
