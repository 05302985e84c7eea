//! The shape of `src/`: no file over 400 lines, SQL only in the storage layer
//! (`src/db/`), no import cycle among the modules, and no route module that
//! imports another.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "sql") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    path.strip_prefix(src)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// `api/orders.rs` → `api::orders`, `api/mod.rs` → `api`, `lib.rs` → `crate`.
fn module_of(rel: &str) -> Option<String> {
    let rel = rel.strip_suffix(".rs")?;
    if rel == "lib" || rel == "main" {
        return Some("crate".into());
    }
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    Some(rel.replace('/', "::"))
}

/// The code of a file without its test module (tests sit at the end).
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

/// Every `use` path of `code`, braces expanded (`a::{b, c::d}` → `a::b`, `a::c::d`).
fn use_paths(code: &str) -> Vec<String> {
    fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
        let tree = tree.trim();
        match tree.find('{') {
            None => out.push(format!("{prefix}{tree}")),
            Some(open) => {
                let head = &tree[..open];
                let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in inner.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            expand(&format!("{prefix}{head}"), &inner[start..i], out);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                expand(&format!("{prefix}{head}"), &inner[start..], out);
            }
        }
    }
    let mut out = Vec::new();
    for statement in code.split(';') {
        let s = statement.trim();
        let s = s
            .rsplit('\n')
            .find(|l| l.trim_start().starts_with("use ") || l.trim_start().starts_with("pub use "))
            .map(|_| s);
        let Some(s) = s else { continue };
        let Some(at) = s.find("use ") else { continue };
        let tree: String = s[at + 4..].split_whitespace().collect::<Vec<_>>().join(" ");
        expand("", &tree, &mut out);
    }
    // Paths written inline: `crate::x::y(...)`.
    for (i, _) in code.match_indices("crate::") {
        let rest: String = code[i..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        // `crate::{a, b}` is read with the `use` statements.
        if !rest.ends_with("::") {
            out.push(rest);
        }
    }
    out
}

/// The module a path names, from `module`: its longest prefix that is a module.
fn target(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut segments = path.split("::").map(str::trim).filter(|s| !s.is_empty());
    let first = segments.next()?;
    let mut base: Vec<String> = if module == "crate" {
        Vec::new()
    } else {
        module.split("::").map(String::from).collect()
    };
    match first {
        "crate" => base.clear(),
        "super" => {
            base.pop();
        }
        "self" => {}
        // Another crate (std, axum, mandat_model…), or a child by its name.
        name if modules.contains(&join(&base, name)) => base.push(name.to_string()),
        _ => return None,
    }
    parts.extend(base);
    for s in segments {
        if s == "super" {
            parts.pop();
        } else {
            parts.push(s.to_string());
        }
    }
    while !parts.is_empty() {
        let candidate = parts.join("::");
        if modules.contains(&candidate) {
            return Some(candidate);
        }
        parts.pop();
    }
    Some("crate".into())
}

fn join(base: &[String], name: &str) -> String {
    if base.is_empty() {
        name.to_string()
    } else {
        format!("{}::{name}", base.join("::"))
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<(String, String)> = sources()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| (relative(&p), std::fs::read_to_string(&p).unwrap()))
        .filter(|(rel, _)| rel != "main.rs")
        .collect();
    let modules: BTreeSet<String> = files.iter().filter_map(|(rel, _)| module_of(rel)).collect();
    let mut edges = BTreeMap::new();
    for (rel, text) in &files {
        let module = module_of(rel).unwrap();
        let targets: BTreeSet<String> = use_paths(code(text))
            .iter()
            .filter_map(|p| target(&module, p, &modules))
            .filter(|t| *t != module)
            .collect();
        edges.insert(module, targets);
    }
    edges
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<(String, usize)> = sources()
        .iter()
        .map(|p| {
            (
                relative(p),
                std::fs::read_to_string(p).unwrap().lines().count(),
            )
        })
        .filter(|(_, n)| *n > MAX_LINES)
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn sql_is_written_only_in_the_storage_layer() {
    let sql = [
        "SELECT ",
        "INSERT INTO",
        "UPDATE ",
        "DELETE FROM",
        "CREATE TABLE",
        "ALTER TABLE",
        "PRAGMA ",
    ];
    let outside: Vec<(String, &str)> = sources()
        .iter()
        .map(|p| (relative(p), std::fs::read_to_string(p).unwrap()))
        .filter(|(rel, _)| !rel.starts_with("db/"))
        .flat_map(|(rel, text)| {
            let code = code(&text).to_string();
            sql.iter()
                .filter(move |k| code.contains(**k))
                .map(move |k| (rel.clone(), *k))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(outside.is_empty(), "SQL outside src/db: {outside:?}");
}

#[test]
fn modules_import_one_another_without_a_cycle() {
    let edges = graph();
    // Depth-first search; a module met again while still on the path closes a cycle.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        if let Some(cycle) = visit(m, &edges, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
    // The check sees imports at all: the routes use the storage layer.
    assert!(
        edges["api::orders"].contains("db"),
        "{:?}",
        edges["api::orders"]
    );
}

#[test]
fn route_modules_never_import_one_another() {
    let edges = graph();
    let is_routes = |m: &str| {
        (m.starts_with("api::") || m.starts_with("operator::")) && m.matches("::").count() == 1
    };
    let crossing: Vec<(String, String)> = edges
        .iter()
        .filter(|(m, _)| is_routes(m))
        .flat_map(|(m, targets)| {
            targets
                .iter()
                .filter(|t| is_routes(t) || t.as_str() == "api" || t.as_str() == "operator")
                .map(move |t| (m.clone(), t.clone()))
        })
        .collect();
    assert!(crossing.is_empty(), "{crossing:?}");
}
