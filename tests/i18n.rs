//! The message catalogue: every message exists in French and in English, with
//! the same placeholders.

use mandat::i18n::Key;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    names.sort();
    names
}

#[wasm_bindgen_test]
fn every_message_has_a_french_and_an_english_text() {
    assert!(Key::all().count() > 20);
    for key in Key::all() {
        assert!(!key.fr().trim().is_empty(), "{key:?} has no French text");
        assert!(!key.en().trim().is_empty(), "{key:?} has no English text");
        assert_eq!(
            placeholders(key.fr()),
            placeholders(key.en()),
            "{key:?}: placeholders differ"
        );
    }
}

#[wasm_bindgen_test]
fn french_texts_use_french_typography() {
    for key in Key::all() {
        // Straight apostrophes are typed by mistake; French text uses ’.
        assert!(!key.fr().contains('\''), "{key:?}: use ’ in French text");
        // A line must not break before a colon, nor between « n° » and its number.
        assert!(
            !key.fr().contains(" :"),
            "{key:?}: a no-break space (\\u{{a0}}) before « : »"
        );
        assert!(
            !key.fr().contains("n° "),
            "{key:?}: a no-break space (\\u{{a0}}) after « n° »"
        );
    }
}

/// A message left in French in the English catalogue is a missing translation.
/// Only names, codes and symbols read the same in both languages.
#[wasm_bindgen_test]
fn every_english_text_is_translated() {
    for key in Key::all() {
        let (fr, en) = (key.fr(), key.en());
        let words = fr.split_whitespace().count();
        assert!(
            fr != en || words <= 2,
            "{key:?}: the English text is the French one ({en:?})"
        );
        // French-only typography gives away an untranslated English text.
        for marker in ["« ", " »", "\u{202f}"] {
            assert!(
                !en.contains(marker),
                "{key:?}: {marker:?} in the English text {en:?}"
            );
        }
    }
}

/// The locale picks the catalogue.
#[wasm_bindgen_test]
fn the_locale_picks_the_catalogue() {
    use mandat_model::Locale;
    for key in Key::all() {
        assert_eq!(key.text(Locale::Fr), key.fr());
        assert_eq!(key.text(Locale::En), key.en());
    }
    assert_eq!(Locale::from_tag("en-GB"), Locale::En);
    assert_eq!(Locale::from_tag("fr-CA"), Locale::Fr);
}

/// A French term kept in an English text is one the pages mark `lang="fr"`
/// (see `mandat::i18n::marked`): once the known terms are set aside, no
/// French letter is left.
#[wasm_bindgen_test]
fn french_terms_in_english_texts_are_known() {
    for key in Key::all() {
        let mut en = key.en().to_string();
        for term in mandat::i18n::FRENCH_TERMS {
            en = en.replace(term, "");
        }
        assert!(
            !en.chars().any(|c| "éèêëàâçùûîïôœÉÈÀÇ".contains(c)),
            "{key:?}: a French word outside the known terms in {:?}",
            key.en()
        );
    }
}
