//! A table that becomes a list of cards on a narrow screen: each row a card,
//! its header as the card's title, then what the person looks for first (the
//! state, the amount, the action), then the other cells, each with its
//! column's name. Wide, it is a plain table; its container scrolls if it must.

use leptos::prelude::*;

/// A column of a [`DataTable`].
#[derive(Clone, Debug)]
pub struct Column {
    /// Its header.
    pub label: String,
    /// Numbers are aligned on the right and never wrap.
    pub numeric: bool,
}

impl Column {
    /// A column of words.
    pub fn text(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: false,
        }
    }

    /// A column of amounts or counts.
    pub fn number(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: true,
        }
    }
}

/// The table: caption, column headers, and the rows (`<tr>` made of
/// [`RowHeader`] and [`Cell`]) as children.
#[component]
pub fn DataTable(
    /// What the table lists, read first by screen readers.
    #[prop(into)]
    caption: String,
    /// The caption's id (the scrolling region is named by it).
    caption_id: &'static str,
    /// The columns, in order.
    columns: Vec<Column>,
    /// A class added to the table, for a page's own widths.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The table's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The caption is read by screen readers only (the page's heading says it).
    #[prop(optional)]
    caption_hidden: bool,
    /// `<tbody>`, and `<tfoot>` if any.
    children: Children,
) -> impl IntoView {
    let class = match class {
        Some(extra) => format!("mandat-table mandat-table--cards {extra}"),
        None => "mandat-table mandat-table--cards".to_string(),
    };
    let caption_class = caption_hidden.then_some("mandat-visually-hidden");
    let headers = columns
        .into_iter()
        .map(|c| {
            let class = c.numeric.then_some("mandat-num");
            view! { <th scope="col" class=class>{c.label}</th> }
        })
        .collect_view();
    view! {
        // Focusable so that keyboard users can scroll a table wider than its space.
        <div class="mandat-table-wrap" tabindex="0" role="region" aria-labelledby=caption_id>
            <table class=class data-testid=testid>
                <caption id=caption_id class=caption_class>{caption}</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                {children()}
            </table>
        </div>
    }
}

/// Where a cell goes on a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CellKind {
    /// Among the other facts, with its column's name.
    #[default]
    Fact,
    /// A number or an amount, among the other facts.
    Number,
    /// The state: first on the card.
    State,
    /// The amount: first on the card, after the state, in large.
    Amount,
    /// The actions: at the card's foot, without a column name.
    Action,
}

impl CellKind {
    fn class(self) -> &'static str {
        match self {
            CellKind::Fact => "mandat-cell",
            CellKind::Number => "mandat-cell mandat-num",
            CellKind::State => "mandat-cell mandat-cell--state",
            CellKind::Amount => "mandat-cell mandat-cell--amount mandat-num",
            CellKind::Action => "mandat-cell mandat-cell--action",
        }
    }
}

/// A row's header cell: the card's title.
#[component]
pub fn RowHeader(
    /// The column's name.
    #[prop(into)]
    label: String,
    /// The words.
    children: Children,
) -> impl IntoView {
    view! {
        <th scope="row" class="mandat-cell mandat-cell--title" data-label=label>
            {children()}
        </th>
    }
}

/// A data cell.
#[component]
pub fn Cell(
    /// The column's name, shown beside the value on a card.
    #[prop(into)]
    label: String,
    /// Where it goes on a card.
    #[prop(optional)]
    kind: CellKind,
    /// The cell's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! {
        <td class=kind.class() data-label=label data-testid=testid>
            {children()}
        </td>
    }
}
