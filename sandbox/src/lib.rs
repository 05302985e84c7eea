//! mandat sandbox: a local billing API that plays the provider's one (see
//! `api/openapi.yaml`), with demo accounts in SQLite, and the built app served
//! from `dist/`.

pub mod api;
pub mod assets;
pub mod db;
pub mod demo_host;
pub mod documents;
pub mod download;
pub mod error;
pub mod faults;
pub mod guard;
pub mod limits;
pub mod operator;
pub mod outbox;
pub mod pdf;
pub mod printed;
pub mod recycle;
pub mod renewals;
pub mod seed;
pub mod store;

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use rusqlite::Connection;
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

use assets::Assets;
use error::ApiErr;
use faults::{FaultConfig, Faults};
use limits::Limits;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "mandat_session";

/// Shared state of the server.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    db: Mutex<Connection>,
    /// The built app.
    pub dist: PathBuf,
    /// Uploaded signed mandates.
    pub files: PathBuf,
    /// The fault mode (inactive unless asked for).
    pub faults: Faults,
    /// Pre-compressed variants of the built app's files.
    pub assets: Arc<Assets>,
    /// Timeouts and caps on what a client can hold.
    pub limits: Limits,
    /// One permit per upload being received (`Limits::uploads`).
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// Names of copies stored but not recorded yet (an upload between its rename
    /// and its commit).
    storing: Mutex<HashSet<OsString>>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens (or creates) the database, seeding it when it is new or when `reseed`.
    pub fn open(
        db_path: &Path,
        dist: &Path,
        reseed: bool,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        AppState::open_with(db_path, dist, reseed, FaultConfig::default())
    }

    /// As `open`, with a fault mode for `/api`.
    pub fn open_with(
        db_path: &Path,
        dist: &Path,
        reseed: bool,
        faults: FaultConfig,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        AppState::open_with_limits(db_path, dist, reseed, faults, Limits::default())
    }

    /// As `open_with`, with other timeouts and caps than the defaults.
    pub fn open_with_limits(
        db_path: &Path,
        dist: &Path,
        reseed: bool,
        faults: FaultConfig,
        limits: Limits,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        if let Some(parent) = db_path.parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        let mut conn = db::open(db_path)?;
        let files = files_dir(db_path);
        if reseed {
            db::wipe(&conn)?;
            let _ = std::fs::remove_dir_all(&files);
        }
        std::fs::create_dir_all(&files)?;
        if db::is_empty(&conn)? {
            seed::seed(&mut conn, &files)?;
        }
        sweep_files(&conn, &files)?;
        db::sweep_sessions(&conn, &session_cutoff(&limits))?;
        Ok(AppState(Arc::new(Inner {
            db: Mutex::new(conn),
            dist: dist.to_path_buf(),
            files,
            faults: Faults::new(faults),
            assets: Assets::new(dist),
            uploads: Arc::new(tokio::sync::Semaphore::new(limits.uploads)),
            storing: Mutex::new(HashSet::new()),
            limits,
        })))
    }

    /// Sessions signed in at this time or before have expired.
    pub fn session_cutoff(&self) -> String {
        session_cutoff(&self.limits)
    }

    /// The database; held only for short, synchronous work.
    pub fn db(&self) -> MutexGuard<'_, Connection> {
        self.db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Marks a stored copy as being recorded until the guard is dropped.
    pub fn storing(&self, name: &str) -> Storing<'_> {
        self.storing_names().insert(name.into());
        Storing(self, name.into())
    }

    fn storing_names(&self) -> MutexGuard<'_, HashSet<OsString>> {
        self.storing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Removes stored files no mandate or invoice refers to, but neither the copies being
    /// recorded nor partial uploads, which may be under way. Called with the
    /// database held. Returns how many files were removed.
    pub fn sweep_orphans(&self, conn: &Connection) -> Result<usize, Box<dyn std::error::Error>> {
        // Held through the scan: a copy renamed meanwhile is named in it first.
        let storing = self.storing_names();
        sweep(conn, &self.files, false, &storing)
    }

    /// Wipes and re-seeds (`POST /sandbox/reset`).
    pub fn reseed(&self) -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = self.db();
        db::wipe(&conn)?;
        let _ = std::fs::remove_dir_all(&self.files);
        std::fs::create_dir_all(&self.files)?;
        // A reset starts the fault draws again too: the same seed, the same faults.
        self.faults.restart();
        seed::seed(&mut conn, &self.files)
    }
}

fn session_cutoff(limits: &Limits) -> String {
    db::ts(db::now() - limits.session)
}

/// Removes what an interrupted upload may have left (the sandbox killed while a body
/// was read, or between storing the file and recording it): partial `.part` files,
/// and stored files no mandate or invoice refers to. Returns how many files were removed.
pub fn sweep_files(conn: &Connection, files: &Path) -> Result<usize, Box<dyn std::error::Error>> {
    sweep(conn, files, true, &HashSet::new())
}

fn sweep(
    conn: &Connection,
    files: &Path,
    partial_too: bool,
    storing: &HashSet<OsString>,
) -> Result<usize, Box<dyn std::error::Error>> {
    let mut stmt = conn.prepare(
        "SELECT doc_path FROM mandates WHERE doc_path IS NOT NULL UNION ALL SELECT path FROM bill_documents",
    )?;
    let kept: std::collections::HashSet<PathBuf> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(Result::ok)
        .map(PathBuf::from)
        .filter_map(|p| p.file_name().map(PathBuf::from))
        .collect();
    let mut removed = 0;
    for entry in std::fs::read_dir(files)?.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let partial = partial_too && text.ends_with(".part");
        let orphan = store::STORED_PREFIXES.iter().any(|p| text.starts_with(p))
            && !kept.contains(&PathBuf::from(&name))
            && !storing.contains(&name);
        if (partial || orphan) && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// A copy being recorded (see [`AppState::storing`]).
pub struct Storing<'a>(&'a AppState, OsString);

impl Drop for Storing<'_> {
    fn drop(&mut self) {
        self.0.storing_names().remove(&self.1);
    }
}

/// Where uploads go: beside the database.
fn files_dir(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".files");
    db_path.with_file_name(name)
}

/// The signed-in account, from the session cookie; 401 without a valid one.
pub struct Me(pub String);

pub fn session_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_string())
}

impl FromRequestParts<AppState> for Me {
    type Rejection = ApiErr;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Me, ApiErr> {
        let token = session_token(parts).ok_or_else(ApiErr::unauthorized)?;
        let cutoff = state.session_cutoff();
        let conn = state.db();
        let account: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT s.account_id FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token = ?1 AND s.created > ?2",
            [&token, &cutoff],
            |r| r.get(0),
        ))?;
        account.map(Me).ok_or_else(ApiErr::unauthorized)
    }
}

/// The whole server: `/api` (the billing API), `/sandbox` (sign-in and operator
/// routes), and the app from `dist` for everything else; answering only requests
/// addressed to it on `port`, the port it listens on (see [`guard`]).
pub fn router(state: AppState, port: u16) -> Router {
    let site = guard::Site::new(port);
    let api = api::router().layer(axum::middleware::from_fn_with_state(
        state.clone(),
        faults::inject,
    ));
    Router::new()
        .nest("/api", api)
        .nest("/sandbox", operator::router())
        .merge(demo_host::router())
        .fallback(static_app)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            demo_host::with_csp,
        ))
        .layer(axum::middleware::map_request_with_state(
            state.clone(),
            limits::idle_bodies,
        ))
        // Routes that write the sandbox's address (the links of e-mails) read it here.
        .layer(axum::Extension(site))
        // Outermost: a request not meant for this sandbox is refused first.
        .layer(axum::middleware::from_fn_with_state(site, guard::check))
        .with_state(state)
}

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
async fn static_app(State(state): State<AppState>, req: Request) -> Response {
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
    let coding = assets::negotiate(req.headers());
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
    if assets::compressible(&served) {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if served == "index.html" || html {
        // The page names the hashed assets: always revalidate it.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else if ok && is_file && assets::is_hashed_name(name.rsplit('/').next().unwrap_or("")) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(assets::IMMUTABLE),
        );
    }
    res
}

/// Runs the server on `listener` until `shutdown` resolves, then lets the
/// requests under way finish. HTTP/1 through hyper directly: `axum::serve` has no
/// header read timeout, so a client sending half a request line would hold its
/// connection forever.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let header_read = state.limits.header_read;
    let port = listener.local_addr()?.port();
    let app = router(state, port);
    let stop = tokio_util::sync::CancellationToken::new();
    let connections = tokio_util::task::TaskTracker::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let app = app.clone();
        let stop = stop.clone();
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                app.clone().oneshot(req.map(Body::new))
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_read);
            let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stop.cancelled() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    drop(listener);
    stop.cancel();
    connections.close();
    connections.wait().await;
    Ok(())
}

/// A failed `accept`: a connection reset before it was accepted is the client's
/// business; anything else (out of file descriptors...) is worth a pause.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::*;
    if !matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused
    ) {
        eprintln!("mandat sandbox: accept: {e}");
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
