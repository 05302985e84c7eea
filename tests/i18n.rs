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
    assert!(Key::ALL.len() > 20);
    for key in Key::ALL {
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
    for key in Key::ALL {
        // Straight apostrophes are typed by mistake; French text uses ’.
        assert!(!key.fr().contains('\''), "{key:?}: use ’ in French text");
    }
}
