//! The real sandbox binary killed (SIGKILL) in the middle of an upload, then started
//! again on the same database: no document recorded, no partial file left, and a new
//! upload goes through.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Running {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary on a free port; returns once it printed its address.
fn start(db: &Path, dist: &Path) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mandat-sandbox"))
        .args(["--port", "0", "--db"])
        .arg(db)
        .arg("--dist")
        .arg(dist)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .strip_prefix("mandat sandbox: http://")
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    let addr: SocketAddr = url.trim_end_matches('/').parse().unwrap();
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Running { child, addr }
}

/// One request on its own connection: status, headers and body.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text[9..12].parse().unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    (status, head.to_string(), body.to_string())
}

fn login(addr: SocketAddr) -> String {
    let (status, head, _) = request(
        addr,
        "GET",
        "/sandbox/login?account=commune&next=/",
        &[],
        b"",
    );
    assert_eq!(status, 303);
    let line = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .unwrap();
    line.split_once(':')
        .unwrap()
        .1
        .trim()
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

fn part_files(files: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(files)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".part"))
                .collect()
        })
        .unwrap_or_default()
}

fn mandate(addr: SocketAddr, cookie: &str) -> mandat_model::mandate::Mandate {
    let (status, _, body) = request(
        addr,
        "GET",
        "/api/me/order/1001/mandate",
        &[("Cookie", cookie)],
        b"",
    );
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn killed_during_an_upload_it_restarts_with_no_document_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let files = dir.path().join("crash.sqlite3.files");
    let dist = dir.path().join("dist");

    let mut server = start(&db, &dist);
    let cookie = login(server.addr);
    let pay = serde_json::to_vec(&common::mandate_body("21445012400018", "SERV-FIN", "")).unwrap();
    let (status, _, body) = request(
        server.addr,
        "POST",
        "/api/me/order/1001/pay",
        &[("Cookie", &cookie), ("Content-Type", "application/json")],
        &pay,
    );
    assert_eq!(status, 200, "{body}");

    // Half of a 4 MB signed copy, then the process is killed.
    let total = 4 * 1024 * 1024;
    let mut upload = TcpStream::connect(server.addr).unwrap();
    let head = format!(
        "PUT /api/me/order/1001/mandate/document?name=signe.pdf HTTP/1.1\r\nHost: {}\r\n\
         Cookie: {cookie}\r\nContent-Type: application/pdf\r\nContent-Length: {total}\r\n\r\n",
        server.addr
    );
    upload.write_all(head.as_bytes()).unwrap();
    let half = common::pdf(total)[..total / 2].to_vec();
    upload.write_all(&half).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let written: u64 = part_files(&files)
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        if written > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the upload never reached the disk"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    server.child.kill().unwrap(); // SIGKILL
    server.child.wait().unwrap();
    drop(upload);
    assert_eq!(
        part_files(&files).len(),
        1,
        "the partial file is there before the restart"
    );

    let server = start(&db, &dist);
    assert_eq!(
        part_files(&files),
        Vec::<PathBuf>::new(),
        "swept at startup"
    );
    let m = mandate(server.addr, &cookie);
    assert_eq!(
        m.state,
        mandat_model::mandate::MandateState::AwaitingDocument
    );
    assert_eq!(m.document, None);
    let (status, _, _) = request(
        server.addr,
        "GET",
        "/api/me/order/1001/mandate/document",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(status, 404);

    // A fresh upload then goes through, whole.
    let pdf = common::pdf(total);
    let (status, _, body) = request(
        server.addr,
        "PUT",
        "/api/me/order/1001/mandate/document?name=signe.pdf",
        &[("Cookie", &cookie), ("Content-Type", "application/pdf")],
        &pdf,
    );
    assert_eq!(status, 200, "{body}");
    let m = mandate(server.addr, &cookie);
    assert_eq!(m.state, mandat_model::mandate::MandateState::UnderReview);
    assert_eq!(m.document.map(|d| d.size), Some(total as u64));
    let (status, _, _) = request(
        server.addr,
        "GET",
        "/api/me/order/1001/mandate/document",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(status, 200);
}

#[test]
fn files_no_mandate_refers_to_are_swept_and_recorded_ones_kept() {
    let sb = common::Sandbox::new();
    let files = sb.state.files.clone();
    let kept: Vec<_> = std::fs::read_dir(&files)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(!kept.is_empty(), "the seed stores signed copies");
    // Stored but never recorded (killed between the two), and a partial upload.
    std::fs::write(files.join("mandate-1001-0011223344556677.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(files.join(".upload-8899aabbccddeeff.part"), b"%PDF").unwrap();
    let _reopened = sb.reopen();
    let mut after: Vec<_> = std::fs::read_dir(&files)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    after.sort();
    let mut kept = kept;
    kept.sort();
    assert_eq!(after, kept);
}
