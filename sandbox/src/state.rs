//! What every route shares: the database, the folders, the bounds, the fault
//! mode, the places for uploads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

use crate::app::assets::Assets;
use crate::db::pool::{Pool, Reader};
use crate::files::{self, Recording, Storing};
use crate::http::faults::{FaultConfig, Faults};
use crate::http::limits::Limits;
use crate::{db, seed};

/// Shared state of the server.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    db: Pool,
    /// The built app.
    pub dist: PathBuf,
    /// Uploaded signed mandates.
    pub files: PathBuf,
    /// The fault mode (inactive unless asked for).
    pub faults: Arc<Faults>,
    /// Pre-compressed variants of the built app's files.
    pub assets: Arc<Assets>,
    /// Timeouts and caps on what a client can hold.
    pub limits: Limits,
    /// One permit per upload being received (`Limits::uploads`).
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// One permit per piece of CPU work under way (`Limits::cpu_work`).
    cpu_work: Arc<tokio::sync::Semaphore>,
    /// Uploads being received, per account (`Limits::uploads_per_account`).
    uploads_by_account: Mutex<HashMap<String, usize>>,
    /// Copies stored but not recorded yet.
    recording: Recording,
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
        let files = files::dir_beside(db_path);
        if reseed {
            db::wipe(&conn)?;
            let _ = std::fs::remove_dir_all(&files);
        }
        std::fs::create_dir_all(&files)?;
        if db::is_empty(&conn)? {
            let tx = conn.transaction()?;
            seed::seed(&tx, &files)?;
            tx.commit()?;
        }
        files::sweep_files(&conn, &files)?;
        db::sessions::sweep(&conn, &session_cutoff(&limits))?;
        Ok(AppState(Arc::new(Inner {
            db: Pool::new(db_path, conn)?,
            dist: dist.to_path_buf(),
            files,
            faults: Arc::new(Faults::new(faults)),
            assets: Assets::new(dist),
            uploads: Arc::new(tokio::sync::Semaphore::new(limits.uploads)),
            cpu_work: Arc::new(tokio::sync::Semaphore::new(limits.cpu_work)),
            uploads_by_account: Mutex::new(HashMap::new()),
            recording: Recording::default(),
            limits,
        })))
    }

    /// Sessions signed in at this time or before have expired.
    pub fn session_cutoff(&self) -> String {
        session_cutoff(&self.limits)
    }

    /// The database's writer, for a change or a read that must come in order
    /// with the changes; held only for short, synchronous work.
    pub fn db(&self) -> MutexGuard<'_, Connection> {
        self.db.writer()
    }

    /// One of the database's readers, for a route that only reads: it neither
    /// waits for the writer nor holds it up.
    pub fn read(&self) -> rusqlite::Result<Reader<'_>> {
        self.db.reader()
    }

    /// Runs CPU work (drawing a PDF, parsing an upload) on a blocking thread,
    /// once a place among `Limits::cpu_work` is free: the threads that answer
    /// requests stay free. The place goes with the work, not with the request:
    /// a client that hangs up does not free it while the work still runs.
    pub async fn cpu_work<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<T> {
        let place = self
            .cpu_work
            .clone()
            .acquire_owned()
            .await
            .map_err(std::io::Error::other)?;
        tokio::task::spawn_blocking(move || {
            let _place = place;
            work()
        })
        .await
        .map_err(std::io::Error::other)
    }

    /// Uploads being received, per account.
    pub fn uploads_by_account(&self) -> MutexGuard<'_, HashMap<String, usize>> {
        self.uploads_by_account
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Marks a stored copy as being recorded until the guard is dropped.
    pub fn storing(&self, name: &str) -> Storing<'_> {
        self.recording.start(name)
    }

    /// Removes stored files no mandate or invoice refers to, but neither the copies being
    /// recorded nor partial uploads, which may be under way. Called with the
    /// database held. Returns how many files were removed.
    pub fn sweep_orphans(&self, conn: &Connection) -> Result<usize, Box<dyn std::error::Error>> {
        // Held through the scan: a copy renamed meanwhile is named in it first.
        let storing = self.recording.names();
        files::sweep(conn, &self.files, false, &storing)
    }

    /// Wipes and re-seeds (`POST /sandbox/reset`), in one transaction: a read
    /// meanwhile sees the data before or after, never half of it.
    pub fn reseed(&self) -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = self.db();
        let tx = conn.transaction()?;
        db::wipe(&tx)?;
        let _ = std::fs::remove_dir_all(&self.files);
        std::fs::create_dir_all(&self.files)?;
        // A reset starts the fault draws again too: the same seed, the same faults.
        self.faults.restart();
        seed::seed(&tx, &self.files)?;
        tx.commit()?;
        Ok(())
    }
}

fn session_cutoff(limits: &Limits) -> String {
    db::ts(db::now() - limits.session)
}
