//! The storage layer: the only code that writes SQL. SQLite, one file; the
//! schema in `schema.sql`; each resource's rows read back as the model's types
//! or as plain rows, and written by small functions that take the connection
//! (or the transaction) the caller holds.

pub mod accounts;
pub mod bills;
pub mod chorus;
pub mod documents;
pub mod idempotency;
pub mod mandates;
pub mod orders;
pub mod outbox;
pub mod pool;
pub mod renewals;
pub mod sessions;

use std::path::PathBuf;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;

pub const SCHEMA: &str = include_str!("schema.sql");

/// Every table, in the order `wipe` drops them.
const TABLES: [&str; 15] = [
    "outbox",
    "bill_documents",
    "renewals",
    "chorus_events",
    "bills",
    "mandates",
    "idempotency",
    "payments",
    "sessions",
    "order_events",
    "order_lines",
    "orders",
    "services",
    "structures",
    "accounts",
];

pub fn open(path: &std::path::Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(SCHEMA)?;
    migrate(&conn)?;
    Ok(conn)
}

/// Brings a database made by an earlier version up to `SCHEMA`: `CREATE TABLE IF NOT
/// EXISTS` leaves an existing table as it was, so columns added since are added here.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    // What a stored payment answered: the request it answered, to refuse the key for
    // another one. Rows stored before have none.
    if !has_column(conn, "idempotency", "request")? {
        conn.execute_batch("ALTER TABLE idempotency ADD COLUMN request TEXT")?;
    }
    // When the buyer sent the documents a suspended invoice asked for.
    if !has_column(conn, "bills", "documents_sent_at")? {
        conn.execute_batch("ALTER TABLE bills ADD COLUMN documents_sent_at TEXT")?;
    }
    Ok(())
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    for name in names {
        if name? == column {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn wipe(conn: &Connection) -> rusqlite::Result<()> {
    for table in TABLES {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
    Ok(n == 0)
}

/// The names of the stored files a mandate or an invoice refers to.
pub fn referenced_files(conn: &Connection) -> rusqlite::Result<Vec<PathBuf>> {
    let mut stmt = conn.prepare(
        "SELECT doc_path FROM mandates WHERE doc_path IS NOT NULL UNION ALL SELECT path FROM bill_documents",
    )?;
    let paths = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(Result::ok)
        .map(PathBuf::from)
        .collect();
    Ok(paths)
}

/// Now, to the second (what the API writes).
pub fn now() -> DateTime<Utc> {
    let now = DateTime::<Utc>::from(std::time::SystemTime::now());
    DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

/// Dates are stored as RFC 3339 UTC text, which sorts as time does.
pub fn ts(date: DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn parse_ts(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

/// A stored code (`notPaid`, `administration`…) as the model's enum; `None`
/// for a code the model does not know.
pub fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}
