//! The addresses the API hands out (a mandate's form and upload address, an
//! invoice's PDF), resolved against the API's base and kept only when they lead
//! to the API itself: a hostile or broken answer must neither become a
//! `javascript:` link nor receive the signed mandate, with the user's cookies,
//! on another site. A path such as `/api/me/bill/X/pdf` is the API's own,
//! whichever page embeds the app.

use std::fmt;

/// `text` as one segment of a path, as `encodeURIComponent` writes it: every
/// byte but letters, digits and `-_.!~*'()` percent-encoded (an invoice id with
/// a space or a slash stays one segment).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Why an address given by the API is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsafeUrl {
    /// No address at all.
    Empty,
    /// Whitespace, a control character or a backslash: browsers drop or
    /// reinterpret them, so the address may not lead where it reads.
    Characters,
    /// A scheme other than `http` or `https` (`javascript:`, `data:`...).
    Scheme,
    /// A user name in the address (`https://api.example@evil.example/`), a
    /// port that is not a number, no host.
    Authority,
    /// A host, scheme or port other than the API's.
    OtherOrigin,
    /// The API's own origin cannot be told (a page without an origin).
    UnknownApiOrigin,
}

impl UnsafeUrl {
    /// A stable code, for the app's warning.
    pub fn code(self) -> &'static str {
        match self {
            UnsafeUrl::Empty => "empty",
            UnsafeUrl::Characters => "characters",
            UnsafeUrl::Scheme => "scheme",
            UnsafeUrl::Authority => "authority",
            UnsafeUrl::OtherOrigin => "other-origin",
            UnsafeUrl::UnknownApiOrigin => "unknown-api-origin",
        }
    }
}

impl fmt::Display for UnsafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A scheme, host and port, as browsers compare them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Origin {
    https: bool,
    /// Lowercase.
    host: String,
    port: u16,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (scheme, default_port) = if self.https {
            ("https", 443)
        } else {
            ("http", 80)
        };
        write!(f, "{scheme}://{}", self.host)?;
        if self.port != default_port {
            write!(f, ":{}", self.port)?;
        }
        Ok(())
    }
}

/// The scheme of `url` when it starts with one (`javascript:`), lowercase.
fn scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_allowed = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_with_letter && rest_allowed).then(|| scheme.to_ascii_lowercase())
}

/// The origin of an absolute `http(s)://` address and what follows its host
/// (path, query, fragment).
fn split_absolute(url: &str) -> Result<(Origin, String), UnsafeUrl> {
    let (scheme_part, rest) = url.split_once(':').ok_or(UnsafeUrl::Scheme)?;
    let https = match scheme_part.to_ascii_lowercase().as_str() {
        "https" => true,
        "http" => false,
        _ => return Err(UnsafeUrl::Scheme),
    };
    // `https:evil.example` is read by browsers as `https://evil.example`.
    let rest = rest.strip_prefix("//").ok_or(UnsafeUrl::Authority)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err(UnsafeUrl::Authority);
    }
    let (host, port) = match authority.strip_prefix('[') {
        // An IPv6 address: `[::1]:8080`.
        Some(v6) => {
            let (address, after) = v6.split_once(']').ok_or(UnsafeUrl::Authority)?;
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':').ok_or(UnsafeUrl::Authority)?),
            };
            (&authority[..address.len() + 2], port)
        }
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if host.is_empty() {
        return Err(UnsafeUrl::Authority);
    }
    let default_port = if https { 443 } else { 80 };
    let port = match port {
        None | Some("") => default_port,
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().map_err(|_| UnsafeUrl::Authority)?
        }
        Some(_) => return Err(UnsafeUrl::Authority),
    };
    let origin = Origin {
        https,
        host: host.to_ascii_lowercase(),
        port,
    };
    Ok((origin, tail.to_string()))
}

/// Refuses what browsers would strip or reinterpret inside an address.
fn check_characters(url: &str) -> Result<(), UnsafeUrl> {
    if url.is_empty() {
        return Err(UnsafeUrl::Empty);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(UnsafeUrl::Characters);
    }
    Ok(())
}

/// The API's origin and the path of its base (no trailing slash), from the
/// configured base (`/api`, `https://billing.example/api`) and the origin of
/// the page the app runs in (`location.origin`).
fn api_location(api_base: &str, page_origin: &str) -> Result<(Origin, String), UnsafeUrl> {
    let unknown = |_| UnsafeUrl::UnknownApiOrigin;
    let base = api_base.trim();
    if !base.is_empty() {
        check_characters(base).map_err(unknown)?;
    }
    let page = || {
        check_characters(page_origin).map_err(unknown)?;
        split_absolute(page_origin)
            .map(|(origin, _)| origin)
            .map_err(unknown)
    };
    let (origin, path) = if scheme(base).is_some() {
        split_absolute(base).map_err(unknown)?
    } else if base.starts_with("//") {
        let scheme = if page()?.https { "https:" } else { "http:" };
        split_absolute(&format!("{scheme}{base}")).map_err(unknown)?
    } else {
        (page()?, base.to_string())
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    let path = if path.is_empty() || path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Ok((origin, path))
}

/// `url` as given by the API, made absolute against the API's base: an
/// absolute `http(s)` address is kept when it is on the API's own origin, a
/// path (`/api/me/bill/X/pdf`) is taken on that origin, a relative one
/// (`me/bill/X/pdf`) under the base. Anything else is refused: another origin
/// (`//evil.example/x`, `http://other.example/`), another scheme
/// (`javascript:`, `data:`), whitespace, control characters and backslashes,
/// user names. `api_base` is the app's configured base (`/api`, or absolute
/// for an API on another origin), `page_origin` the page's `location.origin`.
pub fn resolve_api_url(api_base: &str, page_origin: &str, url: &str) -> Result<String, UnsafeUrl> {
    check_characters(url)?;
    let (api, base_path) = api_location(api_base, page_origin)?;
    let (origin, tail) = if scheme(url).is_some() {
        split_absolute(url)?
    } else if url.starts_with("//") {
        let scheme = if api.https { "https:" } else { "http:" };
        split_absolute(&format!("{scheme}{url}"))?
    } else if url.starts_with('/') {
        (api.clone(), url.to_string())
    } else {
        (api.clone(), format!("{base_path}/{url}"))
    };
    if origin != api {
        return Err(UnsafeUrl::OtherOrigin);
    }
    Ok(format!("{origin}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080";
    const REMOTE: &str = "https://billing.example/api";

    #[test]
    fn a_path_segment_is_encoded_as_encode_uri_component_does() {
        assert_eq!(encode_component("FR1000003"), "FR1000003");
        assert_eq!(encode_component("FR 1/2"), "FR%201%2F2");
        assert_eq!(encode_component("a?b#c%d"), "a%3Fb%23c%25d");
        assert_eq!(encode_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_component("é"), "%C3%A9");
    }

    #[test]
    fn addresses_of_the_api_are_made_absolute_on_its_origin() {
        for (base, url, expected) in [
            // The sandbox's own paths, for the standalone app.
            (
                "/api",
                "/api/me/bill/FR1000001/pdf",
                "http://127.0.0.1:8080/api/me/bill/FR1000001/pdf",
            ),
            // Embedded on another origin with an absolute base: the API's host, not the page's.
            (
                REMOTE,
                "/api/me/bill/FR1000001/pdf",
                "https://billing.example/api/me/bill/FR1000001/pdf",
            ),
            (
                REMOTE,
                "/api/me/order/1/mandate/document?x=1#f",
                "https://billing.example/api/me/order/1/mandate/document?x=1#f",
            ),
            // Relative to the base.
            (
                REMOTE,
                "me/bill/FR1000001/pdf",
                "https://billing.example/api/me/bill/FR1000001/pdf",
            ),
            (
                "/api/",
                "me/order/1/mandate/form",
                "http://127.0.0.1:8080/api/me/order/1/mandate/form",
            ),
            ("", "me/x", "http://127.0.0.1:8080/me/x"),
            ("api", "me/x", "http://127.0.0.1:8080/api/me/x"),
            // Whatever a relative address holds, it stays on the API's origin
            // (the browser resolves the dots, the origin does not change).
            (
                REMOTE,
                "javascript&colon;alert(1)",
                "https://billing.example/api/javascript&colon;alert(1)",
            ),
            (
                REMOTE,
                "../../sandbox/reset",
                "https://billing.example/api/../../sandbox/reset",
            ),
            (REMOTE, "?x", "https://billing.example/api/?x"),
            (
                REMOTE,
                "https://billing.example#@evil.example",
                "https://billing.example#@evil.example",
            ),
            // Absolute, on the API's own origin, however written.
            (
                REMOTE,
                "https://billing.example/api/x",
                "https://billing.example/api/x",
            ),
            (
                REMOTE,
                "HTTPS://Billing.EXAMPLE:443/api/x",
                "https://billing.example/api/x",
            ),
            (
                REMOTE,
                "//billing.example/api/x",
                "https://billing.example/api/x",
            ),
            (REMOTE, "https://billing.example", "https://billing.example"),
            (
                "/api",
                "http://127.0.0.1:8080/api/x",
                "http://127.0.0.1:8080/api/x",
            ),
            ("http://[::1]:9000/api", "/api/x", "http://[::1]:9000/api/x"),
            (
                "http://[::1]:9000/api",
                "http://[::1]:9000/y",
                "http://[::1]:9000/y",
            ),
            (
                "//billing.example/api",
                "/api/x",
                "http://billing.example/api/x",
            ),
            (
                "https://billing.example:8443/api?v=1",
                "me/x",
                "https://billing.example:8443/api/me/x",
            ),
        ] {
            assert_eq!(
                resolve_api_url(base, PAGE, url).as_deref(),
                Ok(expected),
                "{base} + {url}"
            );
        }
    }

    #[test]
    fn addresses_that_lead_elsewhere_are_refused() {
        use UnsafeUrl::*;
        for (base, url, expected) in [
            (REMOTE, "", Empty),
            (REMOTE, "javascript:alert(1)", Scheme),
            (REMOTE, "JavaScript:alert(1)", Scheme),
            (REMOTE, "JAVASCRIPT:alert(document.cookie)", Scheme),
            (REMOTE, "data:text/html,<script>alert(1)</script>", Scheme),
            (REMOTE, "vbscript:msgbox(1)", Scheme),
            (REMOTE, "file:///etc/passwd", Scheme),
            (REMOTE, "blob:https://billing.example/uuid", Scheme),
            (REMOTE, "mailto:x@billing.example", Scheme),
            (REMOTE, "ftp://billing.example/api/x", Scheme),
            (REMOTE, "//evil.example/x", OtherOrigin),
            (REMOTE, "http://other.example/api/x", OtherOrigin),
            (REMOTE, "https://other.example/api/x", OtherOrigin),
            // Same host, another scheme or port.
            (REMOTE, "http://billing.example/api/x", OtherOrigin),
            (REMOTE, "https://billing.example:8443/api/x", OtherOrigin),
            (
                REMOTE,
                "https://billing.example.evil.example/x",
                OtherOrigin,
            ),
            (REMOTE, "https://billing.example./x", OtherOrigin),
            (REMOTE, "https://billing%2eexample/x", OtherOrigin),
            // A relative base: the page's own origin is the API's.
            ("/api", "https://billing.example/api/x", OtherOrigin),
            ("/api", "//127.0.0.1:8081/api/x", OtherOrigin),
            // User names hide the host that is really asked.
            (REMOTE, "https://billing.example@evil.example/x", Authority),
            (
                REMOTE,
                "https://billing.example:443@evil.example/",
                Authority,
            ),
            (REMOTE, "https:evil.example/x", Authority),
            (REMOTE, "https:/evil.example/x", Authority),
            (REMOTE, "https:///x", Authority),
            (REMOTE, "https://billing.example:44x3/", Authority),
            (REMOTE, "https://billing.example:99999/", Authority),
            (REMOTE, "https://[::1/", Authority),
            // Browsers drop or turn these into something else.
            (REMOTE, " javascript:alert(1)", Characters),
            (REMOTE, "java\tscript:alert(1)", Characters),
            (REMOTE, "java\nscript:alert(1)", Characters),
            (REMOTE, "\u{0}javascript:alert(1)", Characters),
            (REMOTE, "/api/x\r\n", Characters),
            (REMOTE, "/\\evil.example/x", Characters),
            (REMOTE, "\\\\evil.example\\x", Characters),
            (REMOTE, "https:\\\\evil.example", Characters),
            (
                REMOTE,
                "https://billing.example\\@evil.example/",
                Characters,
            ),
            (REMOTE, "/api/x\u{a0}", Characters),
            (REMOTE, "/api/\u{2028}x", Characters),
            (REMOTE, "/api/\u{7f}", Characters),
            (REMOTE, "/api/\u{85}", Characters),
            // No origin to compare with.
            ("/api", "/api/x", UnknownApiOrigin),
        ] {
            let page = if expected == UnknownApiOrigin {
                "null"
            } else {
                PAGE
            };
            assert_eq!(
                resolve_api_url(base, page, url),
                Err(expected),
                "{base} + {url:?}"
            );
        }
        assert_eq!(
            resolve_api_url("javascript:alert(1)", PAGE, "/x"),
            Err(UnsafeUrl::UnknownApiOrigin)
        );
        assert_eq!(
            resolve_api_url("/a pi", PAGE, "/x"),
            Err(UnsafeUrl::UnknownApiOrigin)
        );
    }
}
