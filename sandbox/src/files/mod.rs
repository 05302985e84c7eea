//! The stored uploads' folder, beside the database: what may be removed from it
//! (partial uploads, copies no row refers to), and the copies being recorded,
//! which may not.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

pub mod readable;

/// Prefixes of the stored files' names: what the sweep may remove when no row
/// refers to it.
pub const STORED_PREFIXES: [&str; 2] = ["mandate-", "document-"];

/// Where uploads go: beside the database.
pub fn dir_beside(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".files");
    db_path.with_file_name(name)
}

/// Names of copies stored but not recorded yet (an upload between its rename
/// and its commit).
#[derive(Default)]
pub struct Recording(Mutex<HashSet<OsString>>);

impl Recording {
    pub fn names(&self) -> MutexGuard<'_, HashSet<OsString>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Marks a stored copy as being recorded until the guard is dropped.
    pub fn start(&self, name: &str) -> Storing<'_> {
        self.names().insert(name.into());
        Storing(self, name.into())
    }
}

/// A copy being recorded (see [`Recording::start`]).
pub struct Storing<'a>(&'a Recording, OsString);

impl Drop for Storing<'_> {
    fn drop(&mut self) {
        self.0.names().remove(&self.1);
    }
}

/// Removes what an interrupted upload may have left (the sandbox killed while a body
/// was read, or between storing the file and recording it): partial `.part` files,
/// and stored files no mandate or invoice refers to. Returns how many files were removed.
pub fn sweep_files(conn: &Connection, files: &Path) -> Result<usize, Box<dyn std::error::Error>> {
    sweep(conn, files, true, &HashSet::new())
}

/// Removes the stored files no row refers to, except those in `storing`, and
/// the partial uploads too when `partial_too`.
pub fn sweep(
    conn: &Connection,
    files: &Path,
    partial_too: bool,
    storing: &HashSet<OsString>,
) -> Result<usize, Box<dyn std::error::Error>> {
    let kept: HashSet<PathBuf> = crate::db::referenced_files(conn)?
        .into_iter()
        .filter_map(|p| p.file_name().map(PathBuf::from))
        .collect();
    let mut removed = 0;
    for entry in std::fs::read_dir(files)?.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let partial = partial_too && text.ends_with(".part");
        let orphan = STORED_PREFIXES.iter().any(|p| text.starts_with(p))
            && !kept.contains(&PathBuf::from(&name))
            && !storing.contains(&name);
        if (partial || orphan) && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}
