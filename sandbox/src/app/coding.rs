//! Which encoding of a file the client gets, how long it may keep it, and
//! which files are worth compressing.

use axum::http::{header, HeaderMap};

/// Long-lived caching of hashed names.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A content coding the sandbox can serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Br,
    Gzip,
}

impl Coding {
    pub fn token(self) -> &'static str {
        match self {
            Coding::Br => "br",
            Coding::Gzip => "gzip",
        }
    }
}

/// The coding to send given `Accept-Encoding`: brotli before gzip; none when
/// neither is accepted (absent, `identity`, or `q=0`).
pub fn negotiate(headers: &HeaderMap) -> Option<Coding> {
    let mut br = None;
    let mut gzip = None;
    let mut star = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let token = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            let ok = q > 0.0;
            match token.as_str() {
                "br" => br = Some(ok),
                "gzip" | "x-gzip" => gzip = Some(ok),
                "*" => star = Some(ok),
                _ => {}
            }
        }
    }
    if br.or(star) == Some(true) {
        Some(Coding::Br)
    } else if gzip.or(star) == Some(true) {
        Some(Coding::Gzip)
    } else {
        None
    }
}

/// Whether a file name is one of Trunk's content-hashed names: a stem ending in
/// `-` and at least 8 hex digits, optionally followed by `_bg`.
pub fn is_hashed_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if ext.is_empty() || stem.contains('/') {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((prefix, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !prefix.is_empty() && hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether a file of this name gains from compression.
pub fn compressible(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some(
            "wasm"
                | "js"
                | "mjs"
                | "css"
                | "html"
                | "htm"
                | "svg"
                | "json"
                | "txt"
                | "map"
                | "xml"
                | "webmanifest"
                | "ico"
        )
    )
}

/// The MIME type of a compressible file.
pub fn content_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript",
        "css" => "text/css",
        "html" | "htm" => "text/html",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        "ico" => "image/x-icon",
        _ => "text/plain; charset=utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(v: &str) -> Option<Coding> {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        negotiate(&h)
    }

    #[test]
    fn negotiation_prefers_brotli_and_respects_q_zero() {
        assert_eq!(negotiate(&HeaderMap::new()), None);
        assert_eq!(accept("gzip, deflate, br, zstd"), Some(Coding::Br));
        assert_eq!(accept("gzip"), Some(Coding::Gzip));
        assert_eq!(accept("br;q=0, gzip;q=0.5"), Some(Coding::Gzip));
        assert_eq!(accept("br;q=0,gzip;q=0"), None);
        assert_eq!(accept("identity"), None);
        assert_eq!(accept("*"), Some(Coding::Br));
        assert_eq!(accept("*;q=0"), None);
        assert_eq!(accept("BR"), Some(Coding::Br));
    }

    #[test]
    fn trunk_names_are_hashed_names() {
        for name in [
            "mandat-ab8460bbdc9a8b2e_bg.wasm",
            "mandat-ab8460bbdc9a8b2e.js",
            "main-fe827470febee34b.css",
        ] {
            assert!(is_hashed_name(name), "{name}");
        }
        for name in [
            "index.html",
            "mandat.js",
            "main-style.css",
            "-ab8460bbdc9a8b2e.js",
            "mandat-ab84.js",
            "robots.txt",
            "mandat-ab8460bbdc9a8b2e",
        ] {
            assert!(!is_hashed_name(name), "{name}");
        }
    }
}
