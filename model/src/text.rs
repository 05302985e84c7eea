//! Free text typed by a person (a numéro d'engagement, a code service, a
//! reason, a file name): printed on the mandate form and sent to Chorus Pro as
//! it is stored, so it is checked once, where it comes in. No control
//! character (NUL, CR, LF, tab…), which would cut a printed line or a
//! header, and no bidirectional override or isolate, which can show text in
//! another order than it is stored (`U+202E` turns `fdp.exe` around). What is
//! kept is normalised (NFC: one encoding for « é ») and trimmed.

use unicode_normalization::UnicodeNormalization as _;

/// Why a free text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// A control character (C0, DEL or C1), NUL, CR and LF included.
    Control,
    /// A bidirectional embedding, override, isolate or mark.
    Bidi,
}

impl TextError {
    /// The field error's code.
    pub fn code(self) -> &'static str {
        match self {
            TextError::Control => "text_control_character",
            TextError::Bidi => "text_bidi_control",
        }
    }

    /// The field error's message.
    pub fn message(self) -> &'static str {
        match self {
            TextError::Control => "no control character (line break, tab, NUL…)",
            TextError::Bidi => "no character that changes the direction of the text",
        }
    }
}

/// Bidirectional embeddings, overrides, isolates and marks (ALM, LRM, RLM).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// The text as it is kept: NFC, trimmed; refused if it holds a control or a
/// bidirectional character (anywhere, even where trimming would drop it).
pub fn clean(text: &str) -> Result<String, TextError> {
    if text.chars().any(char::is_control) {
        return Err(TextError::Control);
    }
    if text.chars().any(is_bidi_control) {
        return Err(TextError::Bidi);
    }
    Ok(text.nfc().collect::<String>().trim().to_string())
}

/// An uploaded file's name as it is kept: its last path segment, without
/// control nor direction characters (dropped, not refused: the name is the
/// client's, and a copy under a cleaned name is still the copy), NFC, trimmed.
/// Empty when nothing is left.
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    kept.nfc().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_trimmed_and_kept() {
        assert_eq!(clean("  EJ-2026-0042 ").as_deref(), Ok("EJ-2026-0042"));
        assert_eq!(clean("").as_deref(), Ok(""));
        // Markup is text like any other: it is escaped where it is shown.
        assert_eq!(clean("<b>x</b>").as_deref(), Ok("<b>x</b>"));
    }

    #[test]
    fn text_is_normalised_to_nfc() {
        let decomposed = "Re\u{0301}gie";
        assert_eq!(clean(decomposed).as_deref(), Ok("R\u{e9}gie"));
    }

    #[test]
    fn control_characters_are_refused() {
        for text in [
            "\0",
            "EJ\r\n1",
            "a\nb",
            "a\tb",
            "\u{7f}",
            "\u{85}",
            "x\u{1b}[31m",
        ] {
            assert_eq!(clean(text), Err(TextError::Control), "{text:?}");
        }
    }

    #[test]
    fn direction_overrides_are_refused() {
        for text in [
            "facture\u{202e}fdp.exe",
            "\u{2066}a\u{2069}",
            "a\u{200f}",
            "\u{61c}",
        ] {
            assert_eq!(clean(text), Err(TextError::Bidi), "{text:?}");
        }
    }

    #[test]
    fn codes_are_distinct() {
        assert_ne!(TextError::Control.code(), TextError::Bidi.code());
    }

    #[test]
    fn file_names_keep_a_clean_base_name() {
        assert_eq!(safe_file_name("..\\..\\etc/signe.pdf"), "signe.pdf");
        assert_eq!(safe_file_name("a\u{1}b\r\n.pdf"), "ab.pdf");
        assert_eq!(safe_file_name("facture\u{202e}fdp.exe"), "facturefdp.exe");
        assert_eq!(safe_file_name(" Re\u{301}gie.pdf "), "R\u{e9}gie.pdf");
        assert_eq!(safe_file_name("\0"), "");
    }
}
