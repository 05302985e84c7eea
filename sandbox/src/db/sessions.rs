//! Sign-in sessions: a random token per sign-in, valid until it expires.

use rusqlite::{params, Connection, OptionalExtension};

/// The account signed in with `token`, if the session was opened after `cutoff`.
pub fn account_of(
    conn: &Connection,
    token: &str,
    cutoff: &str,
) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT s.account_id FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token = ?1 AND s.created > ?2",
        [token, cutoff],
        |r| r.get(0),
    )
    .optional()
}

pub fn open(conn: &Connection, token: &str, account: &str, created: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sessions (token, account_id, created) VALUES (?1, ?2, ?3)",
        params![token, account, created],
    )?;
    Ok(())
}

pub fn close(conn: &Connection, token: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE token = ?1", [token])?;
    Ok(())
}

/// Removes the sessions signed in at `cutoff` or before (expired); how many.
pub fn sweep(conn: &Connection, cutoff: &str) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE created <= ?1", [cutoff])
}
