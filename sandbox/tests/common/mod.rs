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

/// A minimal PDF that readers open, of exactly `size` bytes (at least
/// [`MIN_PDF_BYTES`]): header, catalog, page tree, one page whose content
/// stream pads it to `size`, a cross-reference table with each object's
/// offset, trailer, `startxref` and `%%EOF`.
pub fn pdf(size: usize) -> Vec<u8> {
    // A content stream of comments: a page that draws nothing.
    pdf_filled(size, |i| match i % 64 {
        0 => b'%',
        63 => b'\n',
        _ => b'x',
    })
}

/// A [`pdf`] whose padding stream's `i`th byte is `fill(i)`: a stream is
/// read by its `/Length`, whatever it holds.
pub fn pdf_filled(size: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    assert!(size >= MIN_PDF_BYTES, "a PDF of {size} bytes is too small");
    let bytes = pdf_with_padding(size - MIN_PDF_BYTES, fill);
    assert_eq!(bytes.len(), size);
    bytes
}

/// The smallest [`pdf`]: its padding empty.
pub const MIN_PDF_BYTES: usize = 436;

fn pdf_with_padding(padding: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    pdf_with_tree(1, padding, fill)
}

/// A well-formed PDF whose page tree names its one page `times` times, as a
/// hostile file does to make a reader walk it for long, with as many small
/// objects besides (readers bound the walk by the number of objects).
pub fn pdf_naming_its_page(times: usize) -> Vec<u8> {
    pdf_with_tree(times, 0, |_| b' ')
}

fn pdf_with_tree(kids: usize, padding: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {kids} >>",
            vec!["3 0 R"; kids].join(" ")
        ),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        // Zero-padded: the same width whatever the length.
        format!("<< /Length {padding:010} >>"),
    ];
    objects.extend((1..kids).map(|_| "null".to_string()));
    let mut offsets = Vec::new();
    let mut fill = Some(fill);
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\n", i + 1).as_bytes());
        if i == 3 {
            out.extend_from_slice(b"stream\n");
            out.extend((0..padding).map(fill.take().unwrap()));
            out.extend_from_slice(b"\nendstream\n");
        }
        out.extend_from_slice(b"endobj\n");
    }
    let xref = out.len();
    let size = objects.len() + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref:010}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

/// A valid 1×1 grey PNG.
pub const PNG: &str = "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c63f80f0001010100b138f6140000000049454e44ae426082";

/// A valid 8×8 grey JPEG (JFIF).
pub const JPEG: &str = "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080008000801011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00e92bffd9";

/// A tiny valid PNG image.
pub fn png() -> Vec<u8> {
    from_hex(PNG)
}

/// A tiny valid JPEG image.
pub fn jpeg() -> Vec<u8> {
    from_hex(JPEG)
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}
