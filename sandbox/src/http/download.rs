//! Files the API hands out to be saved (the mandate form, the signed copy, a bill's
//! PDF): saved under a safe name, never sniffed nor rendered as a page of the
//! API's origin, a stored file streamed rather than read whole into memory.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Nothing loads, nothing runs: a file opened in a tab is no page of the API's origin.
pub const CSP: &str = "default-src 'none'; sandbox";

/// Pieces a stored file is sent in.
const PIECE: usize = 64 * 1024;

/// A file made in memory (a generated PDF).
pub fn bytes(bytes: Vec<u8>, content_type: &str, name: &str) -> Response {
    let mut res = (StatusCode::OK, bytes).into_response();
    set_headers(res.headers_mut(), content_type, name);
    res
}

/// A stored file of `len` bytes, sent as it is read.
pub fn file(file: tokio::fs::File, len: u64, content_type: &str, name: &str) -> Response {
    let stream = tokio_util::io::ReaderStream::with_capacity(file, PIECE);
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    set_headers(h, content_type, name);
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    res
}

fn set_headers(h: &mut HeaderMap, content_type: &str, name: &str) {
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(header::CONTENT_DISPOSITION, attachment(name));
}

/// `Content-Disposition: attachment` under `name` made safe: its last path
/// segment, without control characters, quotes nor direction overrides (which
/// can disguise an extension). An ASCII `filename` for every client, and the
/// exact name as RFC 6266's `filename*` when it is not plain ASCII.
pub fn attachment(name: &str) -> HeaderValue {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"' && !is_direction_mark(*c))
        .collect();
    let clean = match clean.trim() {
        "" => "document",
        name => name,
    };
    // `%` too: some clients decode it in `filename`.
    let ascii: String = clean
        .chars()
        .map(|c| if c.is_ascii() && c != '%' { c } else { '_' })
        .collect();
    let mut value = format!("attachment; filename=\"{ascii}\"");
    if ascii != clean {
        value.push_str("; filename*=UTF-8''");
        for b in clean.bytes() {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                value.push(char::from(b));
            } else {
                value.push_str(&format!("%{b:02X}"));
            }
        }
    }
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("attachment"))
}

/// Bidirectional marks and overrides (`U+202E` turns `gpj.exe` around).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disposition(name: &str) -> String {
        attachment(name).to_str().unwrap().to_string()
    }

    #[test]
    fn plain_names_are_kept() {
        assert_eq!(
            disposition("mandat-1001.pdf"),
            "attachment; filename=\"mandat-1001.pdf\""
        );
    }

    #[test]
    fn other_names_get_an_ascii_fallback_and_their_exact_utf8_form() {
        assert_eq!(
            disposition("mandat signé.pdf"),
            "attachment; filename=\"mandat sign_.pdf\"; filename*=UTF-8''mandat%20sign%C3%A9.pdf"
        );
        assert_eq!(
            disposition("100%.pdf"),
            "attachment; filename=\"100_.pdf\"; filename*=UTF-8''100%25.pdf"
        );
    }

    #[test]
    fn quotes_controls_paths_and_direction_marks_are_dropped() {
        assert_eq!(
            disposition("a\"b\r\nSet-Cookie: x\u{7}.pdf"),
            "attachment; filename=\"abSet-Cookie: x.pdf\""
        );
        assert_eq!(
            disposition("..\\..\\etc/passwd"),
            "attachment; filename=\"passwd\""
        );
        assert_eq!(
            disposition("facture\u{202e}fdp.exe"),
            "attachment; filename=\"facturefdp.exe\""
        );
        assert_eq!(
            disposition("\"\u{1}\""),
            "attachment; filename=\"document\""
        );
    }
}
