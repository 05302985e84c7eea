//! Invoices: their amounts, their Chorus Pro routing, and the list's filters.

use chrono::{DateTime, Utc};
use mandat_model::chorus::{ChorusRouting, ChorusStatus};
use rusqlite::{params, Connection, OptionalExtension};

use super::{chorus, ts};

/// A bill as stored.
pub struct BillRow {
    pub id: String,
    pub order_id: u64,
    pub date: String,
    pub category: String,
    pub ht: i64,
    pub chorus_id: Option<String>,
    pub siret: Option<String>,
    pub code_service: String,
    pub numero_engagement: String,
    pub chorus_status: Option<String>,
}

const COLUMNS: &str = "id, order_id, date, category, ht_cents, chorus_invoice_id, siret, code_service, numero_engagement, chorus_status";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BillRow> {
    Ok(BillRow {
        id: r.get(0)?,
        order_id: r.get::<_, i64>(1)? as u64,
        date: r.get(2)?,
        category: r.get(3)?,
        ht: r.get(4)?,
        chorus_id: r.get(5)?,
        siret: r.get(6)?,
        code_service: r.get(7)?,
        numero_engagement: r.get(8)?,
        chorus_status: r.get(9)?,
    })
}

/// A bill, whoever owns it.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<BillRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM bills WHERE id = ?1"),
        [id],
        row,
    )
    .optional()
}

/// The account's bill; `None` for an unknown one and for another account's.
pub fn own(conn: &Connection, account: &str, id: &str) -> rusqlite::Result<Option<BillRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM bills WHERE id = ?1 AND account_id = ?2"),
        params![id, account],
        row,
    )
    .optional()
}

/// The account and the order a bill belongs to.
pub fn owner(conn: &Connection, id: &str) -> rusqlite::Result<Option<(String, u64)>> {
    conn.query_row(
        "SELECT account_id, order_id FROM bills WHERE id = ?1",
        [id],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)),
    )
    .optional()
}

/// What the bill list is filtered and ordered by, checked by the caller.
#[derive(Debug, Default)]
pub struct Filter {
    /// Sets of Chorus Pro status codes (one per `chorusStatus` parameter, each
    /// code once): a bill's status is in every set.
    pub status_sets: Vec<Vec<&'static str>>,
    /// Bills dated at this instant or after.
    pub from: Option<DateTime<Utc>>,
    /// Bills dated before this instant.
    pub before: Option<DateTime<Utc>>,
    pub order_id: Option<i64>,
    pub page: u32,
    pub page_size: u32,
    pub descending: bool,
}

/// One page of the account's bills, and how many match in all.
pub fn page(conn: &Connection, account: &str, f: &Filter) -> rusqlite::Result<(u64, Vec<BillRow>)> {
    let mut sql = String::from(" FROM bills WHERE account_id = ?");
    let mut args: Vec<rusqlite::types::Value> = vec![account.to_string().into()];
    for codes in f.status_sets.iter().filter(|codes| !codes.is_empty()) {
        sql.push_str(&format!(
            " AND chorus_status IN ({})",
            vec!["?"; codes.len()].join(",")
        ));
        args.extend(codes.iter().map(|c| c.to_string().into()));
    }
    if let Some(from) = f.from {
        sql.push_str(" AND date >= ?");
        args.push(ts(from).into());
    }
    if let Some(before) = f.before {
        sql.push_str(" AND date < ?");
        args.push(ts(before).into());
    }
    if let Some(order_id) = f.order_id {
        sql.push_str(" AND order_id = ?");
        args.push(order_id.into());
    }
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*){sql}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let offset = i64::from(f.page.saturating_sub(1)) * i64::from(f.page_size);
    let direction = if f.descending { "DESC" } else { "ASC" };
    let page_size = f.page_size;
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS}{sql} ORDER BY date {direction}, id {direction} LIMIT {page_size} OFFSET {offset}"
    ))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok((total as u64, rows))
}

/// An invoice the provider issues and deposits on Chorus Pro.
pub struct NewBill<'a> {
    pub id: &'a str,
    pub account: &'a str,
    pub order_id: u64,
    /// `purchase` or `autorenew`.
    pub category: &'a str,
    pub ht_cents: i64,
    /// Its number on Chorus Pro.
    pub chorus_invoice_id: String,
    pub routing: &'a ChorusRouting,
    /// Whether `--clock` moves it on by itself.
    pub clock: bool,
}

/// Records `bill`, deposited (`DEPOSEE`) at `now`.
pub fn deposit(conn: &Connection, bill: &NewBill, now: DateTime<Utc>) -> rusqlite::Result<()> {
    insert(
        conn,
        &Insert {
            id: bill.id,
            account: bill.account,
            order_id: bill.order_id,
            date: now,
            category: bill.category,
            ht: bill.ht_cents,
            chorus: Some((&bill.chorus_invoice_id, bill.routing)),
            clock: bill.clock,
        },
    )?;
    chorus::add_event(conn, bill.id, ChorusStatus::Deposee, now, None)
}

/// A bill row as written, with no event (the seeds write their own history).
pub struct Insert<'a> {
    pub id: &'a str,
    pub account: &'a str,
    pub order_id: u64,
    pub date: DateTime<Utc>,
    pub category: &'a str,
    pub ht: i64,
    /// Its Chorus Pro number and routing; `None` outside Chorus Pro.
    pub chorus: Option<(&'a str, &'a ChorusRouting)>,
    pub clock: bool,
}

pub fn insert(conn: &Connection, b: &Insert) -> rusqlite::Result<()> {
    let (chorus_id, siret, code, ej) = match b.chorus {
        Some((id, r)) => (
            Some(id),
            Some(r.siret.as_str()),
            r.code_service.as_str(),
            r.numero_engagement.as_str(),
        ),
        None => (None, None, "", ""),
    };
    conn.execute(
        "INSERT INTO bills (id, account_id, order_id, date, category, ht_cents, chorus_invoice_id, siret,
                            code_service, numero_engagement, clock)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            b.id,
            b.account,
            b.order_id as i64,
            ts(b.date),
            b.category,
            b.ht,
            chorus_id,
            siret,
            code,
            ej,
            b.clock
        ],
    )?;
    Ok(())
}

/// Routes the bill again: the new recipient, moved on by the clock from now on.
pub fn set_routing(conn: &Connection, id: &str, routing: &ChorusRouting) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE bills SET siret = ?2, code_service = ?3, numero_engagement = ?4, clock = 1 WHERE id = ?1",
        params![
            id,
            routing.siret,
            routing.code_service,
            routing.numero_engagement
        ],
    )?;
    Ok(())
}

/// When the buyer sent the documents its suspension asked for, if they did.
pub fn documents_sent_at(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT documents_sent_at FROM bills WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

pub fn set_documents_sent(conn: &Connection, id: &str, at: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE bills SET documents_sent_at = ?2 WHERE id = ?1",
        params![id, ts(at)],
    )?;
    Ok(())
}

/// The suspended bills whose documents were sent.
pub fn suspended_with_documents_sent(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM bills WHERE documents_sent_at IS NOT NULL AND chorus_status = ?1",
    )?;
    let ids = stmt
        .query_map([ChorusStatus::Suspendue.code()], |r| r.get(0))?
        .collect();
    ids
}

/// The bills the demo clock moves, each with whether its structure reports
/// `MISE_EN_PAIEMENT`.
pub fn clock_driven(conn: &Connection) -> rusqlite::Result<Vec<(String, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, COALESCE(s.mep_not_reported, 0) FROM bills b LEFT JOIN structures s ON s.siret = b.siret
         WHERE b.clock = 1 AND b.chorus_invoice_id IS NOT NULL",
    )?;
    let bills = stmt
        .query_map([], |r| Ok((r.get(0)?, !r.get::<_, bool>(1)?)))?
        .collect();
    bills
}

/// How many renewal invoices were issued (`FR6` + 6 digits).
pub fn renewal_invoices_issued(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM bills WHERE id LIKE 'FR6%' AND length(id) = 9",
        [],
        |r| r.get(0),
    )
}
