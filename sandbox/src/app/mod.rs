//! The built app, from `dist/`: its files (compressed variants when the client
//! accepts them), and its `index.html` for the app's own routes, under its
//! Content-Security-Policy.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

pub mod assets;
pub mod coding;

use crate::http::csp::standalone_csp;
use crate::http::error::ApiErr;
use crate::state::AppState;

const NOT_BUILT: &str = "<!doctype html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mandat sandbox: app not built</title></head>
<body><main><h1>The app is not built</h1>
<p>The billing API works under <code>/api</code>. To serve the app here, build it
(<code>trunk build --release</code>, or <code>./scripts/run.sh</code>) and start the sandbox
with <code>--dist dist</code>.</p>
<p>Sign in as a demo account: <a href=\"/sandbox/login?account=commune&amp;next=/\">commune</a>,
<a href=\"/sandbox/login?account=hopital&amp;next=/\">hopital</a>,
<a href=\"/sandbox/login?account=entreprise&amp;next=/\">entreprise</a>.</p></main></body></html>
";

/// Files of the built app; the app's `index.html` for paths without a file, so that
/// its routes load directly. Compressed variants when the client accepts them;
/// hashed names cached for a year, the page itself always revalidated.
pub async fn static_app(State(state): State<AppState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return ApiErr::method_not_allowed().into_response();
    }
    let index = state.dist.join("index.html");
    if !index.is_file() {
        let mut res = (StatusCode::OK, Html(NOT_BUILT)).into_response();
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return res;
    }
    let path = req.uri().path();
    let name = match path.trim_start_matches('/') {
        "" => "index.html".to_string(),
        p => p.to_string(),
    };
    let safe = !name
        .split('/')
        .any(|s| s == ".." || s.is_empty() || s.starts_with('.'));
    let is_file = safe && state.dist.join(&name).is_file();
    // A missing asset (a name with an extension) is a 404: answering with the page
    // would hide a broken link to a stylesheet or script behind a 200.
    if !is_file
        && name
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
    {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    }
    // What is served: the file, or the page for the app's own routes.
    let served = if is_file {
        name.clone()
    } else {
        "index.html".to_string()
    };
    let coding = coding::negotiate(req.headers());
    let ranged = req.headers().contains_key(header::RANGE);
    let compressed = match coding {
        Some(coding) if !ranged && (is_file || !name.contains('.')) => {
            state
                .assets
                .serve(&served, coding, req.method(), req.headers())
        }
        _ => None,
    };
    let mut res = match compressed {
        Some(res) => res,
        None => {
            let service = ServeDir::new(&state.dist).fallback(ServeFile::new(&index));
            match service.oneshot(req).await {
                Ok(res) => res.map(Body::new),
                Err(e) => return ApiErr::internal(e).into_response(),
            }
        }
    };
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let ok = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    let h = res.headers_mut();
    if coding::compressible(&served) {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if served == "index.html" || html {
        // The page names the hashed assets: always revalidate it.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else if ok && is_file && coding::is_hashed_name(name.rsplit('/').next().unwrap_or("")) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(coding::IMMUTABLE),
        );
    }
    res
}

/// Middleware: the app's own pages (HTML answers outside `/api`, `/sandbox`
/// and `/host`) are sent with [`standalone_csp`].
pub async fn with_csp(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let mut res = next.run(req).await;
    let own = ["/api/", "/sandbox/", "/host"]
        .iter()
        .any(|p| path.starts_with(p));
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if html && !own && !res.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(index) = std::fs::read_to_string(state.dist.join("index.html")) {
            if let Ok(value) = HeaderValue::from_str(&standalone_csp(&index)) {
                res.headers_mut()
                    .insert(header::CONTENT_SECURITY_POLICY, value);
            }
        }
    }
    res
}
