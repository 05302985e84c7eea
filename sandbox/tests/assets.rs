//! The built app's files: pre-compressed variants when the client accepts them, a
//! year of caching for Trunk's hashed names, revalidation of the page itself.

mod common;

use std::io::Read as _;

use axum::http::{Method, StatusCode};
use common::{Reply, Sandbox};
use mandat_sandbox::http::faults::FaultConfig;

const WASM: &str = "mandat-0123456789abcdef_bg.wasm";
const JS: &str = "mandat-0123456789abcdef.js";
const CSS: &str = "main-fedcba9876543210.css";

fn index() -> String {
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>mandat</title>\
         <link rel=\"stylesheet\" href=\"/{CSS}\"><script type=\"module\">import init from '/{JS}';\
         init('/{WASM}');</script></head><body>{}</body></html>",
        "<!-- padding so that the page is worth compressing -->".repeat(8)
    )
}

fn wasm() -> Vec<u8> {
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..20_000u32 {
        bytes.extend_from_slice(&(i % 251).to_le_bytes());
    }
    bytes
}

fn sandbox() -> Sandbox {
    let sb = Sandbox::with(FaultConfig::default(), |dist| {
        std::fs::write(dist.join("index.html"), index()).unwrap();
        std::fs::write(dist.join(WASM), wasm()).unwrap();
        std::fs::write(
            dist.join(JS),
            "export default function init() {}\n".repeat(40),
        )
        .unwrap();
        std::fs::write(dist.join(CSS), "body { margin: 0 }\n".repeat(60)).unwrap();
        std::fs::write(
            dist.join("robots.txt"),
            "User-agent: *\nDisallow:\n".repeat(20),
        )
        .unwrap();
        std::fs::write(dist.join("logo.png"), b"\x89PNG\r\n\x1a\n....").unwrap();
    });
    sb.state.assets.wait_idle();
    sb
}

async fn get(sb: &Sandbox, path: &str, headers: &[(&str, &str)]) -> Reply {
    sb.call(Method::GET, path, None, headers, vec![]).await
}

fn decoded(r: &Reply) -> Vec<u8> {
    let mut out = Vec::new();
    match r.header("content-encoding") {
        "br" => {
            brotli::BrotliDecompress(&mut &r.body[..], &mut out).unwrap();
        }
        "gzip" => {
            flate2::read::GzDecoder::new(&r.body[..])
                .read_to_end(&mut out)
                .unwrap();
        }
        "" => out = r.body.clone(),
        other => panic!("unexpected coding {other}"),
    }
    out
}

#[tokio::test]
async fn hashed_assets_come_compressed_and_cached_for_a_year() {
    let sb = sandbox();
    for (name, original, kind) in [
        (WASM, wasm(), "application/wasm"),
        (
            JS,
            std::fs::read(sb.state.dist.join(JS)).unwrap(),
            "text/javascript",
        ),
        (
            CSS,
            std::fs::read(sb.state.dist.join(CSS)).unwrap(),
            "text/css",
        ),
    ] {
        let path = format!("/{name}");
        for (accept, coding) in [
            ("gzip, deflate, br, zstd", "br"),
            ("gzip, deflate", "gzip"),
            ("br;q=0, gzip", "gzip"),
            ("identity", ""),
            ("", ""),
        ] {
            let headers: &[(&str, &str)] = if accept.is_empty() {
                &[]
            } else {
                &[("accept-encoding", accept)]
            };
            let r = get(&sb, &path, headers).await;
            assert_eq!(r.status, StatusCode::OK, "{name} {accept}");
            assert_eq!(r.header("content-encoding"), coding, "{name} {accept}");
            assert_eq!(r.header("vary"), "accept-encoding", "{name} {accept}");
            assert_eq!(
                r.header("cache-control"),
                "public, max-age=31536000, immutable",
                "{name} {accept}"
            );
            assert!(r.header("content-type").starts_with(kind), "{name}");
            assert_eq!(decoded(&r), original, "{name} {accept}");
            if !coding.is_empty() {
                assert!(r.body.len() < original.len() / 2, "{name} {coding}");
                assert_eq!(r.header("content-length"), r.body.len().to_string());
            }
        }
    }
}

#[tokio::test]
async fn the_page_and_the_app_routes_are_revalidated() {
    let sb = sandbox();
    for path in [
        "/",
        "/index.html",
        "/checkout/1001",
        "/orders/1001/mandate",
        "/invoices/",
    ] {
        for accept in ["br", "gzip", "identity"] {
            let r = get(&sb, path, &[("accept-encoding", accept)]).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert_eq!(r.header("cache-control"), "no-cache", "{path} {accept}");
            assert!(r.header("content-type").starts_with("text/html"), "{path}");
            assert_eq!(decoded(&r), index().into_bytes(), "{path} {accept}");
            if accept != "identity" {
                assert_eq!(r.header("content-encoding"), accept, "{path}");
                assert_eq!(r.header("vary"), "accept-encoding", "{path}");
            }
        }
    }
    // A hashed name that is not there is missing: not the page, never cached for a year.
    let r = get(
        &sb,
        "/mandat-ffffffffffffffff.js",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.header("cache-control").contains("immutable"));
    assert!(!r.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn other_files_are_not_immutable_and_small_or_binary_ones_not_compressed() {
    let sb = sandbox();
    let r = get(&sb, "/robots.txt", &[("accept-encoding", "br")]).await;
    assert_eq!(r.header("content-encoding"), "br");
    assert_eq!(r.header("cache-control"), "");
    let r = get(&sb, "/logo.png", &[("accept-encoding", "br")]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-encoding"), "");
    assert_eq!(r.header("vary"), "");
    assert_eq!(r.body, b"\x89PNG\r\n\x1a\n....");
}

#[tokio::test]
async fn head_etag_and_ranges() {
    let sb = sandbox();
    let path = format!("/{WASM}");
    let full = get(&sb, &path, &[("accept-encoding", "br")]).await;
    let etag = full.header("etag").to_string();
    assert!(etag.ends_with("-br\""), "{etag}");
    let head = sb
        .call(
            Method::HEAD,
            &path,
            None,
            &[("accept-encoding", "br")],
            vec![],
        )
        .await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), full.body.len().to_string());
    assert_eq!(head.header("content-encoding"), "br");
    let again = get(
        &sb,
        &path,
        &[("accept-encoding", "br"), ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(
        again.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    // A range is served from the file as is.
    let part = get(
        &sb,
        &path,
        &[("accept-encoding", "br"), ("range", "bytes=0-7")],
    )
    .await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.header("content-encoding"), "");
    assert_eq!(part.body, b"\0asm\x01\0\0\0");
}

#[tokio::test]
async fn a_file_rewritten_under_a_running_sandbox_is_never_served_stale() {
    let sb = sandbox();
    let path = sb.state.dist.join(CSS);
    let fresh = "main { display: grid }\n".repeat(80);
    std::fs::write(&path, &fresh).unwrap();
    let r = get(&sb, &format!("/{CSS}"), &[("accept-encoding", "br")]).await;
    assert_eq!(decoded(&r), fresh.as_bytes());
    // Compressed again in the background, then served compressed.
    sb.state.assets.wait_idle();
    let r = get(&sb, &format!("/{CSS}"), &[("accept-encoding", "br")]).await;
    assert_eq!(r.header("content-encoding"), "br");
    assert_eq!(decoded(&r), fresh.as_bytes());
}

#[tokio::test]
async fn paths_outside_dist_are_not_served() {
    let sb = sandbox();
    std::fs::write(sb.dir.path().join("secret.txt"), "secret ".repeat(100)).unwrap();
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/.stage/x.js"] {
        let r = get(&sb, path, &[("accept-encoding", "br")]).await;
        assert!(!decoded(&r).starts_with(b"secret"), "{path}");
    }
}
