//! The answers kept under an `Idempotency-Key`, one per account and key.

use rusqlite::{params, Connection, OptionalExtension};

/// What was answered to a key.
pub struct Kept {
    /// The order it was about (0 for a renewal).
    pub order_id: u64,
    pub status: u16,
    pub body: String,
    /// What makes the request the same; none for rows stored before it was kept.
    pub request: Option<String>,
}

pub fn find(conn: &Connection, account: &str, key: &str) -> rusqlite::Result<Option<Kept>> {
    conn.query_row(
        "SELECT order_id, status, body, request FROM idempotency WHERE account_id = ?1 AND key = ?2",
        params![account, key],
        |r| {
            Ok(Kept {
                order_id: r.get::<_, i64>(0)? as u64,
                status: r.get(1)?,
                body: r.get(2)?,
                request: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Keeps a 200 answer to `key`.
pub fn keep(
    conn: &Connection,
    account: &str,
    key: &str,
    order_id: u64,
    body: &str,
    request: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO idempotency (account_id, key, order_id, status, body, request)
         VALUES (?1, ?2, ?3, 200, ?4, ?5)",
        params![account, key, order_id as i64, body, request],
    )?;
    Ok(())
}
