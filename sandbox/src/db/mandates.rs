//! The administrative mandate of an order: its routing, its signed copy, its review.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::ts;

/// A mandate as stored.
pub struct MandateRow {
    pub state: String,
    pub siret: String,
    pub code_service: String,
    pub numero_engagement: String,
    pub doc_name: Option<String>,
    pub doc_size: Option<i64>,
    pub doc_type: Option<String>,
    pub uploaded_at: Option<String>,
    pub rejection_reason: Option<String>,
    pub bill_id: Option<String>,
}

pub fn get(conn: &Connection, order_id: u64) -> rusqlite::Result<Option<MandateRow>> {
    conn.query_row(
        "SELECT state, siret, code_service, numero_engagement, doc_name, doc_size, doc_type,
                uploaded_at, rejection_reason, bill_id FROM mandates WHERE order_id = ?1",
        [order_id as i64],
        |r| {
            Ok(MandateRow {
                state: r.get(0)?,
                siret: r.get(1)?,
                code_service: r.get(2)?,
                numero_engagement: r.get(3)?,
                doc_name: r.get(4)?,
                doc_size: r.get(5)?,
                doc_type: r.get(6)?,
                uploaded_at: r.get(7)?,
                rejection_reason: r.get(8)?,
                bill_id: r.get(9)?,
            })
        },
    )
    .optional()
}

/// The mandate's state code, if the order has a mandate.
pub fn state(conn: &Connection, order_id: u64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT state FROM mandates WHERE order_id = ?1",
        [order_id as i64],
        |r| r.get(0),
    )
    .optional()
}

/// Where the signed copy is stored, if there is one.
pub fn document_path(conn: &Connection, order_id: u64) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT doc_path FROM mandates WHERE order_id = ?1",
            [order_id as i64],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// A new mandate awaiting its signed copy, routed as given.
pub fn insert(
    conn: &Connection,
    order_id: u64,
    siret: &str,
    code_service: &str,
    numero_engagement: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement)
         VALUES (?1, 'awaitingDocument', ?2, ?3, ?4)",
        params![order_id as i64, siret, code_service, numero_engagement],
    )?;
    Ok(())
}

/// A signed copy as recorded.
pub struct Document<'a> {
    pub name: &'a str,
    pub size: u64,
    pub content_type: &'a str,
    pub path: &'a str,
    pub uploaded_at: DateTime<Utc>,
}

/// Records a signed copy: the mandate goes under review.
pub fn record_document(conn: &Connection, order_id: u64, doc: &Document) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE mandates SET state = 'underReview', doc_name = ?2, doc_size = ?3, doc_type = ?4,
                doc_path = ?5, uploaded_at = ?6 WHERE order_id = ?1",
        params![
            order_id as i64,
            doc.name,
            doc.size as i64,
            doc.content_type,
            doc.path,
            ts(doc.uploaded_at)
        ],
    )?;
    Ok(())
}

/// A mandate seeded with its signed copy, in `state` (`underReview`, `rejected`).
pub fn insert_with_document(
    conn: &Connection,
    order_id: u64,
    state: &str,
    routing: (&str, &str, &str),
    doc: &Document,
    rejection_reason: Option<&str>,
) -> rusqlite::Result<()> {
    let (siret, code, ej) = routing;
    conn.execute(
        "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement, doc_name, doc_size,
                               doc_type, doc_path, uploaded_at, rejection_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            order_id as i64,
            state,
            siret,
            code,
            ej,
            doc.name,
            doc.size as i64,
            doc.content_type,
            doc.path,
            ts(doc.uploaded_at),
            rejection_reason
        ],
    )?;
    Ok(())
}

/// An accepted mandate whose invoice is `bill_id` (seeded).
pub fn insert_accepted(
    conn: &Connection,
    order_id: u64,
    routing: (&str, &str, &str),
    bill_id: &str,
) -> rusqlite::Result<()> {
    let (siret, code, ej) = routing;
    conn.execute(
        "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement, bill_id)
         VALUES (?1, 'accepted', ?2, ?3, ?4, ?5)",
        params![order_id as i64, siret, code, ej, bill_id],
    )?;
    Ok(())
}

pub fn accept(conn: &Connection, order_id: u64, bill_id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE mandates SET state = 'accepted', rejection_reason = NULL, bill_id = ?2 WHERE order_id = ?1",
        params![order_id as i64, bill_id],
    )?;
    Ok(())
}

pub fn reject(conn: &Connection, order_id: u64, reason: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE mandates SET state = 'rejected', rejection_reason = ?2 WHERE order_id = ?1",
        params![order_id as i64, reason],
    )?;
    Ok(())
}

/// The order's routing: what its next invoices are deposited with.
pub fn set_routing(
    conn: &Connection,
    order_id: u64,
    siret: &str,
    code_service: &str,
    numero_engagement: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE mandates SET siret = ?2, code_service = ?3, numero_engagement = ?4 WHERE order_id = ?1",
        params![order_id as i64, siret, code_service, numero_engagement],
    )?;
    Ok(())
}
