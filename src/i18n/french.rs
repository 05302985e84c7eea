//! French terms an English text keeps: the names of Chorus Pro's fields, as
//! Chorus Pro and the buyer's finance department say them. Read with an
//! English voice they are garbled, so the pages wrap them in `lang="fr"`. The
//! catalogue's texts stay plain strings (attributes and titles take them as
//! they are); [`marked`] finds the terms as a text is shown.

use leptos::prelude::*;
use mandat_model::Locale;

/// The French terms English texts keep, each spelt as the catalogue does.
pub const FRENCH_TERMS: &[&str] = &["numéro d’engagement", "Numéro d’engagement"];

/// A catalogue text as a view: in English, each of [`FRENCH_TERMS`] inside a
/// `<span lang="fr">`; in French, the text as it is.
pub fn marked(text: impl Into<String>) -> AnyView {
    let text = text.into();
    if super::locale() != Locale::En {
        return text.into_any();
    }
    let mut parts: Vec<AnyView> = Vec::new();
    let mut rest = text.as_str();
    while let Some((at, term)) = FRENCH_TERMS
        .iter()
        .filter_map(|term| rest.find(term).map(|at| (at, *term)))
        .min_by_key(|(at, _)| *at)
    {
        if at > 0 {
            parts.push(rest[..at].to_string().into_any());
        }
        parts.push(view! { <span lang="fr">{term}</span> }.into_any());
        rest = &rest[at + term.len()..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_string().into_any());
    }
    parts.into_any()
}
