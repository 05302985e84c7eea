//! What is checked on the chosen file before any byte is sent: its size, its
//! emptiness and its type, read from its first bytes (never from its name).
//! The rules themselves are `mandat_model::mandate`'s; this module reads the
//! browser's `Blob` and words the outcome for the user.

use mandat_model::locale::format_size;
use mandat_model::mandate::{check_upload, UploadError, UploadKind, MAX_UPLOAD_BYTES, SNIFF_BYTES};
use wasm_bindgen_futures::JsFuture;

use mandat_model::Locale;

use super::{Words, MANDATE_WORDS};
use crate::i18n::{fill_in, t, Key};

/// Why a chosen file cannot be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// One of the upload rules: empty, too large, not a PDF/PNG/JPEG.
    Rule(UploadError),
    /// The browser could not read the file (removed, no permission).
    Unreadable,
}

/// The first [`SNIFF_BYTES`] bytes of `blob` (fewer when it is shorter).
pub async fn read_head(blob: &web_sys::Blob) -> Result<Vec<u8>, FileProblem> {
    let head = blob
        .slice_with_f64_and_f64(0.0, SNIFF_BYTES as f64)
        .map_err(|_| FileProblem::Unreadable)?;
    let buffer = JsFuture::from(head.array_buffer())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Checks a file as the upload zone does: size and emptiness first (nothing
/// is read for those), then its type from its magic bytes.
pub async fn vet(blob: &web_sys::Blob) -> Result<UploadKind, FileProblem> {
    let size = blob.size() as u64;
    if size == 0 {
        return Err(FileProblem::Rule(UploadError::Empty));
    }
    if size > MAX_UPLOAD_BYTES {
        return Err(FileProblem::Rule(UploadError::TooLarge));
    }
    let head = read_head(blob).await?;
    check_upload(size, &head).map_err(FileProblem::Rule)
}

/// The sentence the user reads for `problem` on the file `name` of `size` bytes,
/// in `locale` (given: the check ends after an `await`, outside the view), in the
/// signed mandate's words.
pub fn problem_message(problem: FileProblem, name: &str, size: u64, locale: Locale) -> String {
    problem_words(problem, name, size, locale, &MANDATE_WORDS)
}

/// [`problem_message`] in a zone's own `words`.
pub fn problem_words(
    problem: FileProblem,
    name: &str,
    size: u64,
    locale: Locale,
    words: &Words,
) -> String {
    let size = format_size(size, locale);
    let key = match problem {
        FileProblem::Rule(UploadError::Empty) => words.err_empty,
        FileProblem::Rule(UploadError::TooLarge) => words.err_too_large,
        FileProblem::Rule(UploadError::UnsupportedType) => words.err_type,
        // Only the API parses the whole file: its words.
        FileProblem::Rule(UploadError::Unreadable) => words.server_unreadable,
        // Long names are shortened before sending, never refused: this is
        // only reached if the rules change.
        FileProblem::Rule(UploadError::NameTooLong) | FileProblem::Unreadable => {
            Key::MandateErrUnreadable
        }
    };
    fill_in(locale, key, &[("name", name), ("size", &size)])
}

/// Checks `file` and returns its type, or the message the mandate's upload zone
/// shows in `locale`.
pub async fn check_file(file: &web_sys::File, locale: Locale) -> Result<UploadKind, String> {
    check_file_in(file, locale, &MANDATE_WORDS).await
}

/// [`check_file`] in a zone's own `words`.
pub async fn check_file_in(
    file: &web_sys::File,
    locale: Locale,
    words: &Words,
) -> Result<UploadKind, String> {
    vet(file)
        .await
        .map_err(|problem| problem_words(problem, &file.name(), file.size() as u64, locale, words))
}

/// How the detected type is named to the user.
pub fn kind_label(kind: UploadKind) -> &'static str {
    t(match kind {
        UploadKind::Pdf => Key::MandateKindPdf,
        UploadKind::Png => Key::MandateKindPng,
        UploadKind::Jpeg => Key::MandateKindJpeg,
    })
}

pub use mandat_model::mandate::{name_disagrees, name_to_send};
