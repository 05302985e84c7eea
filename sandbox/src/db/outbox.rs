//! The e-mails the provider would have sent, recorded instead.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::{parse_ts, ts};

/// One e-mail, as the outbox lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mail {
    /// The demo account it was sent for.
    pub account: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub date: DateTime<Utc>,
    #[serde(default)]
    pub order_id: Option<u64>,
    #[serde(default)]
    pub bill_id: Option<String>,
}

pub fn insert(conn: &Connection, mail: &Mail) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO outbox (account_id, to_addr, subject, body, date, order_id, bill_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            mail.account,
            mail.to,
            mail.subject,
            mail.text,
            ts(mail.date),
            mail.order_id.map(|id| id as i64),
            mail.bill_id
        ],
    )?;
    Ok(())
}

/// The e-mails of one account, or of all, newest first.
pub fn list(conn: &Connection, account: Option<&str>) -> rusqlite::Result<Vec<Mail>> {
    let mut stmt = conn.prepare(
        "SELECT account_id, to_addr, subject, body, date, order_id, bill_id FROM outbox
         WHERE ?1 IS NULL OR account_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([account], |r| {
            Ok(Mail {
                account: r.get(0)?,
                to: r.get(1)?,
                subject: r.get(2)?,
                text: r.get(3)?,
                date: parse_ts(&r.get::<_, String>(4)?),
                order_id: r.get::<_, Option<i64>>(5)?.map(|id| id as u64),
                bill_id: r.get(6)?,
            })
        })?
        .collect();
    rows
}
