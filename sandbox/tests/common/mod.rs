//! A sandbox on a fresh temporary SQLite file, driven through its real router.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt as _;
use mandat_sandbox::{router, AppState};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tower::ServiceExt as _;

mod files;
// Not every test file uploads.
#[allow(unused_imports)]
pub use files::*;

/// The port the router is told it listens on; requests sent through `send` are
/// addressed to `127.0.0.1:PORT` unless they name a `Host` themselves.
pub const PORT: u16 = 8080;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub state: AppState,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn decode<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not the expected shape ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
    /// The field error codes of an `ErrorBody`.
    pub fn codes(&self) -> Vec<(String, String)> {
        let body: mandat_model::ErrorBody = self.decode();
        body.errors.into_iter().map(|e| (e.field, e.code)).collect()
    }
    pub fn class(&self) -> String {
        self.json()["class"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(
            &dir.path().join("db.sqlite3"),
            &dir.path().join("dist"),
            false,
        )
        .unwrap();
        Sandbox { dir, state }
    }

    /// A sandbox whose `/api` runs in fault mode, with the built app in `dir/dist`
    /// written by `dist` first.
    pub fn with(
        faults: mandat_sandbox::http::faults::FaultConfig,
        dist: impl FnOnce(&std::path::Path),
    ) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let dist_dir = dir.path().join("dist");
        std::fs::create_dir_all(&dist_dir).unwrap();
        dist(&dist_dir);
        let state =
            AppState::open_with(&dir.path().join("db.sqlite3"), &dist_dir, false, faults).unwrap();
        Sandbox { dir, state }
    }

    /// A sandbox with other timeouts and caps than the defaults.
    pub fn with_limits(limits: mandat_sandbox::http::limits::Limits) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open_with_limits(
            &dir.path().join("db.sqlite3"),
            &dir.path().join("dist"),
            false,
            Default::default(),
            limits,
        )
        .unwrap();
        Sandbox { dir, state }
    }

    pub fn reopen(&self) -> AppState {
        AppState::open(
            &self.dir.path().join("db.sqlite3"),
            &self.dir.path().join("dist"),
            false,
        )
        .unwrap()
    }

    pub fn app(&self) -> Router {
        router(self.state.clone(), PORT)
    }

    /// Sends `req` as a browser or curl would: with a `Host` (`127.0.0.1:PORT` when
    /// it has none).
    pub async fn send(&self, mut req: Request<Body>) -> Reply {
        if !req.headers().contains_key(header::HOST) {
            req.headers_mut()
                .insert(header::HOST, format!("127.0.0.1:{PORT}").parse().unwrap());
        }
        self.send_as_is(req).await
    }

    /// Sends `req` exactly as it is, without a `Host` if it has none.
    pub async fn send_as_is(&self, req: Request<Body>) -> Reply {
        let res = self.app().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        cookie: Option<&str>,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.call(Method::GET, path, cookie, &[], vec![]).await
    }

    /// The names of the files the sandbox keeps for uploads (stored copies, and
    /// `.part` files of uploads under way or cut off).
    pub fn stored_files(&self) -> Vec<String> {
        std::fs::read_dir(&self.state.files)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// The operator route that appends a Chorus Pro event to `bill`.
    pub async fn chorus_event(&self, bill: &str, body: Value) -> Reply {
        self.post_json(&format!("/sandbox/bills/{bill}/events"), None, body)
            .await
    }

    pub async fn post_json(&self, path: &str, cookie: Option<&str>, body: Value) -> Reply {
        self.call(
            Method::POST,
            path,
            cookie,
            &[("content-type", "application/json")],
            serde_json::to_vec(&body).unwrap(),
        )
        .await
    }

    /// `POST /api/me/order/{order}/pay` with `body` and `Idempotency-Key: key`.
    pub async fn pay_with_key(&self, cookie: &str, order: u64, key: &str, body: Value) -> Reply {
        self.call(
            Method::POST,
            &format!("/api/me/order/{order}/pay"),
            Some(cookie),
            &[
                ("content-type", "application/json"),
                ("idempotency-key", key),
            ],
            serde_json::to_vec(&body).unwrap(),
        )
        .await
    }

    /// Signs in as the commune and pays its order 1001 by mandate, with
    /// `engagement` as its numéro d'engagement: the mandate awaits its signed
    /// copy. The `Cookie` header value.
    pub async fn commune_awaiting_copy(&self, engagement: &str) -> String {
        let c = self.login("commune").await;
        let r = self
            .post_json(
                "/api/me/order/1001/pay",
                Some(&c),
                mandate_body("21445012400018", "SERV-FIN", engagement),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        c
    }

    /// Signs in as a demo account; the `Cookie` header value.
    pub async fn login(&self, account: &str) -> String {
        let r = self
            .get(&format!("/sandbox/login?account={account}&next=/"), None)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "login {account}");
        let cookie = r.header("set-cookie").to_string();
        cookie.split(';').next().unwrap().to_string()
    }
}

pub fn mandate_body(siret: &str, code: &str, ej: &str) -> Value {
    serde_json::json!({
        "paymentMethod": {"paymentType": "ADMINISTRATIVE_MANDATE"},
        "chorus": {"siret": siret, "codeService": code, "numeroEngagement": ej}
    })
}

/// (method, path) of every operation in the contract, read from its YAML layout.
pub fn contract_operations() -> Vec<(String, String)> {
    let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.yaml"))
        .unwrap();
    let mut in_paths = false;
    let mut path = String::new();
    let mut ops = Vec::new();
    for line in yaml.lines() {
        if line == "paths:" {
            in_paths = true;
            continue;
        }
        if in_paths && !line.starts_with(' ') && !line.is_empty() {
            break;
        }
        if let Some(p) = line.strip_prefix("  /") {
            path = format!("/{}", p.trim_end_matches(':'));
        } else if let Some(m) = line.strip_prefix("    ") {
            for method in ["get", "put", "post", "delete", "patch"] {
                if m.starts_with(&format!("{method}:")) {
                    ops.push((method.to_uppercase(), path.clone()));
                }
            }
        }
    }
    ops
}

/// The sandbox served on a real socket, on a port of its own.
pub struct Server {
    pub addr: std::net::SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Serves `sb`'s state on a free loopback port until `Server::stop`.
pub async fn start(sb: &Sandbox) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(mandat_sandbox::serve(listener, sb.state.clone(), async {
        let _ = rx.await;
    }));
    Server {
        addr,
        stop: Some(stop),
        task,
    }
}

impl Server {
    /// Stops serving and waits for the server to end, cleanly.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).unwrap();
        }
        self.task.await.unwrap().unwrap();
    }
}

/// The text of a PDF's pages as a reader extracts it, every run of white space
/// (line breaks, the no-break spaces of French amounts) read as one space:
/// tests check phrases, not layout.
pub fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "a PDF without pages");
    one_spaced(&doc.extract_text(&pages).expect("its text extracts"))
}

/// `text` with every run of white space as one space.
pub fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
