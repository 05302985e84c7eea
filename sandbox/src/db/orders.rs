//! Orders, their lines, their events (the follow-up) and their payments.

use chrono::{DateTime, Utc};
use mandat_model::billing::FollowUpEvent;
use rusqlite::{params, Connection, OptionalExtension};

use super::{parse_ts, ts};

/// An order as stored.
pub struct OrderRow {
    pub date: DateTime<Utc>,
    pub expiration: DateTime<Utc>,
    /// Its status code (`notPaid`, `documentsRequested`…).
    pub status: String,
}

/// The account's order; `None` for an unknown one and for another account's.
pub fn own(conn: &Connection, account: &str, id: u64) -> rusqlite::Result<Option<OrderRow>> {
    conn.query_row(
        "SELECT date, expiration_date, status FROM orders WHERE id = ?1 AND account_id = ?2",
        params![id as i64, account],
        |r| {
            Ok(OrderRow {
                date: parse_ts(&r.get::<_, String>(0)?),
                expiration: parse_ts(&r.get::<_, String>(1)?),
                status: r.get(2)?,
            })
        },
    )
    .optional()
}

/// The ids of the account's orders, in order.
pub fn ids(conn: &Connection, account: &str) -> rusqlite::Result<Vec<u64>> {
    let mut stmt = conn.prepare("SELECT id FROM orders WHERE account_id = ?1 ORDER BY id")?;
    let ids = stmt
        .query_map([account], |r| r.get::<_, i64>(0))?
        .map(|r| r.map(|id| id as u64))
        .collect();
    ids
}

/// The account an order belongs to.
pub fn account_of(conn: &Connection, order_id: u64) -> rusqlite::Result<String> {
    conn.query_row(
        "SELECT account_id FROM orders WHERE id = ?1",
        [order_id as i64],
        |r| r.get(0),
    )
}

/// An order's line as stored.
pub struct LineRow {
    pub id: u64,
    pub description: String,
    pub domain: String,
    pub quantity: u32,
    pub unit_cents: i64,
}

pub fn lines(conn: &Connection, order_id: u64) -> rusqlite::Result<Vec<LineRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, description, domain, quantity, unit_cents FROM order_lines WHERE order_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([order_id as i64], |r| {
            Ok(LineRow {
                id: r.get::<_, i64>(0)? as u64,
                description: r.get(1)?,
                domain: r.get(2)?,
                quantity: r.get(3)?,
                unit_cents: r.get(4)?,
            })
        })?
        .collect();
    rows
}

/// The total before tax of an order's lines, added up exactly in Rust (SQLite's
/// own arithmetic would turn an overflow into a float); `None` when out of range.
pub fn total_ht(conn: &Connection, order_id: u64) -> rusqlite::Result<Option<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT quantity, unit_cents FROM order_lines WHERE order_id = ?1")?;
    let lines = stmt
        .query_map([order_id as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(mandat_model::money::lines_total(lines))
}

pub fn insert(
    conn: &Connection,
    id: u64,
    account: &str,
    date: DateTime<Utc>,
    expiration: DateTime<Utc>,
    status: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO orders (id, account_id, date, expiration_date, status) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id as i64, account, ts(date), ts(expiration), status],
    )?;
    Ok(())
}

pub fn insert_line(
    conn: &Connection,
    order_id: u64,
    description: &str,
    domain: &str,
    quantity: u32,
    unit_cents: i64,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, description, domain, quantity, unit_cents) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    stmt.execute(params![
        order_id as i64,
        description,
        domain,
        quantity,
        unit_cents
    ])?;
    Ok(())
}

pub fn set_status(conn: &Connection, id: u64, status: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE orders SET status = ?2 WHERE id = ?1",
        params![id as i64, status],
    )?;
    Ok(())
}

/// The order's follow-up, oldest first.
pub fn events(conn: &Connection, order_id: u64) -> rusqlite::Result<Vec<FollowUpEvent>> {
    let mut stmt = conn.prepare(
        "SELECT date, label, description FROM order_events WHERE order_id = ?1 ORDER BY date, id",
    )?;
    let events = stmt
        .query_map([order_id as i64], |r| {
            Ok(FollowUpEvent {
                date: parse_ts(&r.get::<_, String>(0)?),
                label: r.get(1)?,
                description: r.get(2)?,
            })
        })?
        .collect();
    events
}

pub fn add_event(
    conn: &Connection,
    order_id: u64,
    date: DateTime<Utc>,
    label: &str,
    description: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO order_events (order_id, date, label, description) VALUES (?1, ?2, ?3, ?4)",
        params![order_id as i64, ts(date), label, description],
    )?;
    Ok(())
}

/// Records how an order was paid.
pub fn insert_payment(
    conn: &Connection,
    order_id: u64,
    payment_type: &str,
    date: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO payments (order_id, payment_type, date) VALUES (?1, ?2, ?3)",
        params![order_id as i64, payment_type, ts(date)],
    )?;
    Ok(())
}
