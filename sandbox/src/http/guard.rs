//! What a request must show before a route sees it. The sandbox runs beside the
//! browser of whoever demos the product, so no page of another site may drive it:
//!
//! - **Host** ([`check`], every request): `127.0.0.1`, `localhost` or `[::1]` with
//!   the port the sandbox listens on (without a port only when that port is 80),
//!   else 421. A page of `evil.example` whose name was re-pointed at 127.0.0.1
//!   (DNS rebinding) still sends `Host: evil.example`. A request without `Host`
//!   (HTTP/1.1 requires one) is refused the same way.
//! - **Another site** ([`check`]): a request that can change something (any
//!   method but GET, HEAD and OPTIONS), and the sign-in `GET /sandbox/login`, are
//!   refused with 403 when `Sec-Fetch-Site` is anything but `same-origin` or
//!   `none`, or when an `Origin` is sent that is not the sandbox's own
//!   (`http://` + the request's `Host`). Clients that send neither (curl, test
//!   clients) go through.
//! - **Bodies** (per route: [`json_body`], [`no_form_body`]): the content types a
//!   page of another site may send without a CORS preflight never reach a route
//!   that changes something; 415.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiErr;

/// The names the sandbox answers to; it listens on the loopback interface only.
const LOOPBACK_NAMES: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// What `Sec-Fetch-Site` says of a request the sandbox's own pages, or the user
/// typing an address, make.
const OWN_SITE: [&str; 2] = ["same-origin", "none"];

/// The content types of a "simple" request, which a page of any site may send
/// to any other without a preflight.
const SIMPLE_TYPES: [&str; 3] = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
];

/// Where the sandbox is reached: the loopback names with the port it listens on.
#[derive(Clone, Copy, Debug)]
pub struct Site {
    pub port: u16,
}

impl Site {
    pub fn new(port: u16) -> Site {
        Site { port }
    }

    /// The address the sandbox gives for itself, which serves the API and the
    /// app alike: `http://127.0.0.1:{port}`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Whether a `Host` value (or a request target's authority) names this sandbox,
    /// compared as browsers send it: the port written unless it is 80.
    pub fn is_own(&self, authority: &str) -> bool {
        let Some((name, port)) = split_authority(authority) else {
            return false;
        };
        let port_ok = match port {
            None => self.port == 80,
            Some(p) => p == self.port.to_string(),
        };
        port_ok && LOOPBACK_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
    }

    /// The request's `Host`, once every name the request gives for its target
    /// (the header, and an absolute target's authority) is this sandbox.
    fn host(&self, req: &Request) -> Result<String, ApiErr> {
        let mut headers = req.headers().get_all(header::HOST).iter();
        let header = headers.next();
        if headers.next().is_some() {
            return Err(ApiErr::misdirected(
                "the request has more than one Host header",
            ));
        }
        let header = match header {
            Some(v) => Some(
                v.to_str()
                    .map_err(|_| ApiErr::misdirected("the Host header is not readable"))?,
            ),
            None => None,
        };
        let target = req.uri().authority().map(|a| a.as_str());
        let host = header.or(target).ok_or_else(|| {
            ApiErr::misdirected(format!(
                "the request has no Host header; this sandbox answers only at {}",
                self.addresses()
            ))
        })?;
        if let Some(other) = header.into_iter().chain(target).find(|a| !self.is_own(a)) {
            return Err(ApiErr::misdirected(format!(
                "the request is addressed to {other:?}; this sandbox answers only at {}",
                self.addresses()
            )));
        }
        Ok(host.to_string())
    }

    fn addresses(&self) -> String {
        let port = self.port;
        LOOPBACK_NAMES
            .iter()
            .map(|n| format!("http://{n}:{port}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `name` and the port after it, if any; `None` when it is not `name[:port]`.
fn split_authority(authority: &str) -> Option<(&str, Option<&str>)> {
    let (name, rest) = if authority.starts_with('[') {
        authority.split_at(authority.find(']')? + 1)
    } else {
        authority.split_at(authority.find(':').unwrap_or(authority.len()))
    };
    match rest {
        "" => Some((name, None)),
        rest => rest.strip_prefix(':').map(|port| (name, Some(port))),
    }
}

/// Refuses a request not addressed to this sandbox (421), and one from another
/// site that would change something or sign the browser in (403).
pub async fn check(State(site): State<Site>, req: Request, next: Next) -> Response {
    let host = match site.host(&req) {
        Ok(host) => host,
        Err(e) => return e.into_response(),
    };
    if let Err(e) = from_own_site(&req, &host) {
        return e.into_response();
    }
    next.run(req).await
}

/// A request that may change something: any method but GET, HEAD and OPTIONS.
pub fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn from_own_site(req: &Request, host: &str) -> Result<(), ApiErr> {
    let changes = changes_state(req.method());
    // Signing in and out change the browser's session, GET as they are.
    let signs_in = matches!(req.uri().path(), "/sandbox/login" | "/sandbox/logout");
    if !changes && !signs_in {
        return Ok(());
    }
    let what = if signs_in {
        "sign in or out"
    } else {
        "change the sandbox's data"
    };
    if let Some(value) = req.headers().get("sec-fetch-site") {
        let value = String::from_utf8_lossy(value.as_bytes());
        if !OWN_SITE.contains(&value.as_ref()) {
            return Err(ApiErr::forbidden(format!(
                "a request from another site (Sec-Fetch-Site: {value}) cannot {what}; \
                 use the sandbox's own pages, or a client that is not a browser"
            )));
        }
    }
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        let own = format!("http://{host}");
        if !origin.as_bytes().eq_ignore_ascii_case(own.as_bytes()) {
            return Err(ApiErr::forbidden(format!(
                "a request from another origin ({}) cannot {what}; only {own} can",
                String::from_utf8_lossy(origin.as_bytes())
            )));
        }
    }
    Ok(())
}

/// The media type of the body, lowercase, without its parameters (`; charset=…`).
fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?;
    let value = String::from_utf8_lossy(value.as_bytes());
    Some(
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase(),
    )
}

fn unsupported(message: String) -> Response {
    ApiErr::unsupported_type(message.clone())
        .field("Content-Type", "content_type_unsupported", &message)
        .into_response()
}

/// For a route that reads a JSON body: `Content-Type: application/json` (with
/// parameters or not), else 415.
pub async fn json_body(req: Request, next: Next) -> Response {
    match media_type(req.headers()) {
        Some(t) if t == "application/json" => next.run(req).await,
        t => unsupported(format!(
            "this route reads a JSON body, sent with Content-Type: application/json (not {})",
            t.as_deref().unwrap_or("no Content-Type")
        )),
    }
}

/// For a route that reads no body: an empty body without a type is fine, a body
/// typed as a form or as text (what a page of another site can send) is a 415.
pub async fn no_form_body(req: Request, next: Next) -> Response {
    match media_type(req.headers()) {
        Some(t) if SIMPLE_TYPES.contains(&t.as_str()) => unsupported(format!(
            "this route reads no body; a body of type {t} is refused"
        )),
        _ => next.run(req).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_the_loopback_names_with_the_port() {
        let site = Site::new(8080);
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
        ] {
            assert!(site.is_own(ok), "{ok}");
        }
        for refused in [
            "127.0.0.1",
            "localhost",
            "127.0.0.1:8081",
            "127.0.0.1:08080",
            "127.0.0.1:",
            "127.0.0.1:8080:8080",
            "evil.example:8080",
            "localhost.evil.example:8080",
            "127.0.0.2:8080",
            "[::1]",
            "[::1:8080",
            "::1:8080",
            "user@127.0.0.1:8080",
            "",
        ] {
            assert!(!site.is_own(refused), "{refused}");
        }
        let http = Site::new(80);
        assert!(http.is_own("localhost") && http.is_own("[::1]") && http.is_own("127.0.0.1:80"));
        assert!(!http.is_own("localhost:8080"));
    }
}
