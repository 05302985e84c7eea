//! The documents a suspended invoice asked for, as the buyer uploaded them.

use chrono::{DateTime, Utc};
use mandat_model::documents::BillDocument;
use rusqlite::{params, Connection};

use super::{parse_ts, ts};

pub fn list(conn: &Connection, bill_id: &str) -> rusqlite::Result<Vec<BillDocument>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, size, content_type, received_at FROM bill_documents
         WHERE bill_id = ?1 ORDER BY id",
    )?;
    let documents = stmt
        .query_map([bill_id], |r| {
            Ok(BillDocument {
                name: r.get(0)?,
                size: r.get::<_, i64>(1)? as u64,
                content_type: r.get(2)?,
                received_at: parse_ts(&r.get::<_, String>(3)?),
            })
        })?
        .collect();
    documents
}

pub fn insert(
    conn: &Connection,
    bill_id: &str,
    name: &str,
    size: u64,
    content_type: &str,
    path: &str,
    received_at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO bill_documents (bill_id, name, size, content_type, path, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            bill_id,
            name,
            size as i64,
            content_type,
            path,
            ts(received_at)
        ],
    )?;
    Ok(())
}
