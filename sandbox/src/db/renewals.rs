//! Services that renew automatically, and the routing of their next invoice.

use chrono::NaiveDate;
use mandat_model::chorus::ChorusRouting;
use rusqlite::{params, Connection, OptionalExtension};

/// A renewal as stored.
pub struct RenewalRow {
    pub id: u64,
    pub account: String,
    pub label: String,
    pub domain: String,
    pub next: NaiveDate,
    pub period_months: u32,
    pub ht: i64,
    /// Its invoice's routing; `None` outside Chorus Pro.
    pub routing: Option<ChorusRouting>,
    /// The budget year of its numéro d'engagement.
    pub engagement_year: Option<i32>,
}

const COLUMNS: &str = "id, account_id, label, domain, next_date, period_months, ht_cents, siret, \
                       code_service, numero_engagement, engagement_year";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RenewalRow> {
    let siret: Option<String> = r.get(7)?;
    let next: String = r.get(4)?;
    Ok(RenewalRow {
        id: r.get::<_, i64>(0)? as u64,
        account: r.get(1)?,
        label: r.get(2)?,
        domain: r.get(3)?,
        next: mandat_model::locale::parse_iso_day(&next).unwrap_or_default(),
        period_months: r.get(5)?,
        ht: r.get(6)?,
        routing: match siret {
            Some(siret) => Some(ChorusRouting {
                siret,
                code_service: r.get(8)?,
                numero_engagement: r.get(9)?,
            }),
            None => None,
        },
        engagement_year: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: u64) -> rusqlite::Result<Option<RenewalRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM renewals WHERE id = ?1"),
        [id as i64],
        row,
    )
    .optional()
}

/// The account's renewals, soonest first.
pub fn of_account(conn: &Connection, account: &str) -> rusqlite::Result<Vec<RenewalRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM renewals WHERE account_id = ?1 ORDER BY next_date, id"
    ))?;
    let rows = stmt.query_map([account], row)?.collect();
    rows
}

pub fn set_routing(
    conn: &Connection,
    id: u64,
    routing: &ChorusRouting,
    engagement_year: Option<i32>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE renewals SET siret = ?2, code_service = ?3, numero_engagement = ?4,
                engagement_year = ?5 WHERE id = ?1",
        params![
            id as i64,
            routing.siret,
            routing.code_service,
            routing.numero_engagement,
            engagement_year
        ],
    )?;
    Ok(())
}

pub fn set_next_date(conn: &Connection, id: u64, next: NaiveDate) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE renewals SET next_date = ?2 WHERE id = ?1",
        params![id as i64, next.format("%Y-%m-%d").to_string()],
    )?;
    Ok(())
}

pub fn insert(conn: &Connection, r: &RenewalRow) -> rusqlite::Result<()> {
    let routing = r.routing.clone().unwrap_or_default();
    conn.execute(
        "INSERT INTO renewals (id, account_id, label, domain, next_date, period_months, ht_cents,
                               siret, code_service, numero_engagement, engagement_year)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            r.id as i64,
            r.account,
            r.label,
            r.domain,
            r.next.format("%Y-%m-%d").to_string(),
            r.period_months,
            r.ht,
            r.routing.as_ref().map(|_| routing.siret.as_str()),
            routing.code_service,
            routing.numero_engagement,
            r.engagement_year
        ],
    )?;
    Ok(())
}
