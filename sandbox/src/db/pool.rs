//! The connections to the database file: one writer, which every change and
//! every read that must see the changes in order takes, and a few readers, which
//! the routes that only read take. In WAL mode a reader sees the last commit and
//! neither waits for the writer nor holds it up, so that one account's work
//! never queues another account's reads behind it.

use std::ops::Deref;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

/// Readers beside the writer: as many as requests a small server answers at once.
pub const READERS: usize = 4;

pub struct Pool {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    /// Where the next reader is looked for, so that they are used in turn.
    next: AtomicUsize,
}

/// A reader, inside one read transaction: the queries made through it see the
/// same commit (a bill and its events agree). Ended when dropped.
pub struct Reader<'a>(MutexGuard<'a, Connection>);

impl Deref for Reader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.0
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if !self.0.is_autocommit() {
            let _ = self.0.execute_batch("ROLLBACK");
        }
    }
}

impl Pool {
    /// `writer` is the connection `super::open` made (schema in place); the
    /// readers open the same file and refuse to write.
    pub fn new(path: &Path, writer: Connection) -> rusqlite::Result<Pool> {
        let readers = (0..READERS)
            .map(|_| {
                let conn = Connection::open(path)?;
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                conn.pragma_update(None, "query_only", true)?;
                Ok(Mutex::new(conn))
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Pool {
            writer: Mutex::new(writer),
            readers,
            next: AtomicUsize::new(0),
        })
    }

    /// The writer; held only for short, synchronous work.
    pub fn writer(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A free reader, or the next one in turn when all are taken.
    pub fn reader(&self) -> rusqlite::Result<Reader<'_>> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.readers.len();
        let free = (0..n).find_map(|i| match self.readers[(start + i) % n].try_lock() {
            Ok(guard) => Some(guard),
            Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        });
        let guard = match free {
            Some(guard) => guard,
            None => self.readers[start % n]
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        };
        guard.execute_batch("BEGIN")?;
        Ok(Reader(guard))
    }
}
