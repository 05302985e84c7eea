//! The Chorus Pro history of invoices: one row per status event.

use chrono::{DateTime, Utc};
use mandat_model::chorus::{ChorusEvent, ChorusStatus};
use rusqlite::{params, Connection};

use super::{from_code, parse_ts, ts};

/// A bill's events, as the model sorts them (by their own date).
pub fn events(conn: &Connection, bill_id: &str) -> rusqlite::Result<Vec<ChorusEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, date, actor, reason FROM chorus_events WHERE bill_id = ?1 ORDER BY id",
    )?;
    let mut events: Vec<ChorusEvent> = stmt
        .query_map([bill_id], |r| {
            let status = ChorusStatus::from_code(&r.get::<_, String>(0)?);
            Ok(ChorusEvent {
                status,
                date: parse_ts(&r.get::<_, String>(1)?),
                actor: from_code(&r.get::<_, String>(2)?).unwrap_or(status.actor()),
                reason: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    mandat_model::chorus::sort_history(&mut events);
    Ok(events)
}

/// Appends a status event and keeps the bill's current status up to date.
pub fn add_event(
    conn: &Connection,
    bill_id: &str,
    status: ChorusStatus,
    date: DateTime<Utc>,
    reason: Option<&str>,
) -> rusqlite::Result<()> {
    let actor = serde_json::to_value(status.actor())
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    conn.execute(
        "INSERT INTO chorus_events (bill_id, status, date, actor, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![bill_id, status.code(), ts(date), actor, reason],
    )?;
    let events = events(conn, bill_id)?;
    let current = mandat_model::chorus::current_status(&events).map(|s| s.code());
    conn.execute(
        "UPDATE bills SET chorus_status = ?2 WHERE id = ?1",
        params![bill_id, current],
    )?;
    Ok(())
}
