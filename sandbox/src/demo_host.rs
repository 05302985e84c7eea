//! A demo host page under `/host`: a control panel of its own (navigation,
//! links, pages) that embeds the app through `mount(element, config)`, as the
//! provider's real control panel does. Sent with a strict
//! Content-Security-Policy: no inline script, no inline style, wasm allowed.
//!
//! | path | what |
//! |---|---|
//! | `/host/`, `/host/...` | the host page (every path: the host's own pages) |
//! | `/host/host.js`, `/host/host.css`, `/host/favicon.svg` | its script, styles and icon |
//! | `/host/app.json` | the built app's files, from `dist/index.html`: `{js, wasm, css: [], loader}` |

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::http::csp::CSP;
use crate::state::AppState;

const PAGE: &str = include_str!("../../demo-host/index.html");
const SCRIPT: &str = include_str!("../../demo-host/host.js");
const STYLE: &str = include_str!("../../demo-host/host.css");
/// The product's icon, the app's own (Trunk hashes it into `dist/` for the app).
const ICON: &str = include_str!("../../assets/favicon.svg");

/// Routes of the demo host page, under `/host`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/host/host.js",
            get(|| async { file(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/host/host.css",
            get(|| async { file(STYLE, "text/css; charset=utf-8") }),
        )
        .route(
            "/host/favicon.svg",
            get(|| async { file(ICON, "image/svg+xml") }),
        )
        .route("/host/app.json", get(app_files))
        .route("/host", get(page))
        .route("/host/", get(page))
        .route("/host/{*rest}", get(page))
}

fn file(body: &'static str, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

async fn page() -> Response {
    let mut res = file(PAGE, "text/html; charset=utf-8");
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    res
}

/// The app's files as named in the built `index.html`: the host loads them by
/// its own script, not by Trunk's inline one.
pub fn app_files_of(index: &str) -> serde_json::Value {
    let mut js = None;
    let mut wasm = None;
    let mut css = Vec::new();
    for piece in index.split("href=\"").skip(1) {
        let Some(url) = piece.split('"').next() else {
            continue;
        };
        if url.ends_with("_bg.wasm") {
            wasm.get_or_insert(url.to_string());
        } else if url.ends_with(".js") {
            js.get_or_insert(url.to_string());
        } else if url.ends_with(".css") && !css.iter().any(|c| c == url) {
            css.push(url.to_string());
        }
    }
    // The loader, which asks for a page's data while the app's code loads, is
    // the page's one script with a `src` (Trunk's own is inline).
    let loader = index
        .split("src=\"")
        .skip(1)
        .filter_map(|piece| piece.split('"').next())
        .find(|url| url.ends_with(".js"));
    serde_json::json!({ "js": js, "wasm": wasm, "css": css, "loader": loader })
}

async fn app_files(State(state): State<AppState>) -> Response {
    match std::fs::read_to_string(state.dist.join("index.html")) {
        Ok(index) => {
            let mut res = axum::Json(app_files_of(&index)).into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            res
        }
        Err(_) => (
            StatusCode::NOT_FOUND,
            axum::Json(serde_json::json!({ "message": "the app is not built" })),
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_files_are_read_from_trunks_page() {
        let index = r#"<link rel="stylesheet" href="/main-4362.css" integrity="x"/>
<link rel="stylesheet" href="/mandate-55b2.css"/>
<link rel="modulepreload" href="/mandat-494c.js" crossorigin="anonymous">
<link rel="preload" href="/mandat-494c_bg.wasm" as="fetch">
<script src="/loader-9a1f.js" type="module" async></script>"#;
        assert_eq!(
            app_files_of(index),
            serde_json::json!({
                "js": "/mandat-494c.js",
                "wasm": "/mandat-494c_bg.wasm",
                "css": ["/main-4362.css", "/mandate-55b2.css"],
                "loader": "/loader-9a1f.js",
            })
        );
    }
}
