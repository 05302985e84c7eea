//! The built app's files, pre-compressed: brotli and gzip variants of each text or
//! wasm file of `--dist`, made in memory on a background thread at startup (and again
//! for a file that changed, when `trunk build` rewrites `dist/` under a running
//! sandbox). Until a file's variants are ready, it is served as is.
//!
//! Caching: Trunk's hashed names (`mandat-<hex>_bg.wasm`, `main-<hex>.css`,
//! `mandat-<hex>.js`) never change content, so they are `immutable` for a year;
//! `index.html`, which names them, and the SPA fallback are `no-cache`.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::SystemTime;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use super::coding::{compressible, content_type, Coding};

/// Brotli's best in optimised builds (the benchmark's); in the dev profile, where the
/// encoder runs unoptimised, a quality that takes a second rather than half a minute
/// of a core at every start.
const BROTLI_QUALITY: i32 = if cfg!(debug_assertions) { 5 } else { 11 };
/// Same trade-off for gzip.
const GZIP_LEVEL: u32 = if cfg!(debug_assertions) { 6 } else { 9 };
/// Files smaller than this are not worth compressing.
const MIN_BYTES: u64 = 256;

/// A file's identity on disk: the variants are used only while it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

struct Variants {
    stamp: Stamp,
    content_type: &'static str,
    br: Bytes,
    gzip: Bytes,
    etag: String,
}

#[derive(Default)]
struct Pending {
    queued: HashSet<String>,
}

/// The compressed variants of the files of `dist`.
pub struct Assets {
    dist: PathBuf,
    ready: RwLock<HashMap<String, Arc<Variants>>>,
    pending: Mutex<Pending>,
    idle: Condvar,
}

impl Assets {
    /// Starts compressing every eligible file of `dist` in the background.
    pub fn new(dist: &Path) -> Arc<Assets> {
        let assets = Arc::new(Assets {
            dist: dist.to_path_buf(),
            ready: RwLock::new(HashMap::new()),
            pending: Mutex::new(Pending::default()),
            idle: Condvar::new(),
        });
        let mut names = Vec::new();
        list_files(dist, "", &mut names);
        for name in names {
            assets.schedule(&name);
        }
        assets
    }

    /// Blocks until no compression is under way (tests; startup of benchmarks).
    pub fn wait_idle(&self) {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        while !pending.queued.is_empty() {
            pending = self.idle.wait(pending).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// As `wait_idle`, for at most `limit`; whether it is idle.
    pub fn wait_idle_for(&self, limit: std::time::Duration) -> bool {
        let pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        let (pending, _) = self
            .idle
            .wait_timeout_while(pending, limit, |p| !p.queued.is_empty())
            .unwrap_or_else(|p| p.into_inner());
        pending.queued.is_empty()
    }

    /// Queues `name` (relative to `dist`, `/`-separated) for compression, once.
    fn schedule(self: &Arc<Self>, name: &str) {
        if !compressible(name) {
            return;
        }
        {
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            if !pending.queued.insert(name.to_string()) {
                return;
            }
        }
        let me = Arc::clone(self);
        let name = name.to_string();
        std::thread::spawn(move || {
            let path = me.dist.join(&name);
            if let Some(v) = compress(&path, &name) {
                me.ready
                    .write()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(name.clone(), Arc::new(v));
            }
            let mut pending = me.pending.lock().unwrap_or_else(|p| p.into_inner());
            pending.queued.remove(&name);
            me.idle.notify_all();
        });
    }

    /// The pre-compressed answer for `name` in `coding`, when its variants are ready
    /// and still match the file on disk; otherwise queues it and returns `None`.
    pub fn serve(
        self: &Arc<Self>,
        name: &str,
        coding: Coding,
        method: &Method,
        headers: &HeaderMap,
    ) -> Option<Response> {
        if !compressible(name) || name.split('/').any(|s| s == ".." || s.is_empty()) {
            return None;
        }
        let current = stamp(&self.dist.join(name))?;
        if current.len < MIN_BYTES {
            return None;
        }
        let found = self
            .ready
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(name)
            .cloned();
        let v = match found {
            Some(v) if v.stamp == current => v,
            _ => {
                self.schedule(name);
                return None;
            }
        };
        let etag = format!("\"{}-{}\"", v.etag, coding.token());
        let not_modified = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| h.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
        let bytes = match coding {
            Coding::Br => v.br.clone(),
            Coding::Gzip => v.gzip.clone(),
        };
        let len = bytes.len();
        let mut res = if not_modified {
            StatusCode::NOT_MODIFIED.into_response()
        } else if method == Method::HEAD {
            Response::new(Body::empty())
        } else {
            Response::new(Body::from(bytes))
        };
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(v.content_type),
        );
        h.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(coding.token()),
        );
        if !not_modified {
            h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
        }
        if let Ok(tag) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, tag);
        }
        Some(res)
    }
}

/// Files under `dir`, as `/`-separated names relative to the root; hidden entries
/// (Trunk's `.stage`) skipped.
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        match entry.file_type() {
            Ok(t) if t.is_dir() => list_files(&entry.path(), &rel, out),
            Ok(t) if t.is_file() => out.push(rel),
            _ => {}
        }
    }
}

/// Brotli and gzip (see `BROTLI_QUALITY`); `None` when the file is unreadable,
/// too small, or changed while it was read.
fn compress(path: &Path, name: &str) -> Option<Variants> {
    let before = stamp(path)?;
    if before.len < MIN_BYTES {
        return None;
    }
    let raw = std::fs::read(path).ok()?;
    let mut br = Vec::with_capacity(raw.len() / 3);
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: BROTLI_QUALITY,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &raw[..], &mut br, &params).ok()?;
    }
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(raw.len() / 3),
        flate2::Compression::new(GZIP_LEVEL),
    );
    gz.write_all(&raw).ok()?;
    let gzip = gz.finish().ok()?;
    if stamp(path)? != before || raw.len() as u64 != before.len {
        return None;
    }
    Some(Variants {
        stamp: before,
        content_type: content_type(name),
        br: Bytes::from(br),
        gzip: Bytes::from(gzip),
        etag: format!("{:x}", fnv1a(&raw)),
    })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
