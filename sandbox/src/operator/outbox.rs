//! The e-mails the provider sends along the journey, recorded instead of sent:
//! the mandate chosen (with the form's link and what to do), the mandate accepted
//! or refused (with the reason), an invoice deposited on Chorus Pro, an invoice
//! suspended or to recycle. `GET /sandbox/outbox` lists them as JSON, newest
//! first, dated as instants; `/sandbox/outbox/` shows them as a page (their text
//! as text, their dates in Paris time).

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, Utc};
use mandat_model::locale::{self, Locale};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::{self, ts};
use crate::error::{ok, ApiErr, ApiResult};
use crate::guard::Site;
use crate::AppState;

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

/// What an e-mail is about: an order, a bill, or both.
#[derive(Clone, Copy, Debug, Default)]
pub struct About<'a> {
    pub order_id: Option<u64>,
    pub bill_id: Option<&'a str>,
}

/// `path` (`/orders/1001/mandate`) as an e-mail links it: an e-mail is opened
/// from a mailbox, where a path alone leads nowhere, so its links name the
/// sandbox's origin.
pub fn link(site: &Site, path: &str) -> String {
    format!("{}{path}", site.origin())
}

/// Records an e-mail to `account`'s address; returns that address. Part of the
/// caller's transaction when it has one: no e-mail for a change that did not
/// happen.
pub fn send(
    conn: &Connection,
    account: &str,
    subject: &str,
    text: &str,
    about: About<'_>,
) -> Result<String, ApiErr> {
    let to: String = conn
        .query_row("SELECT email FROM accounts WHERE id = ?1", [account], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| ApiErr::internal("no such account"))?;
    conn.execute(
        "INSERT INTO outbox (account_id, to_addr, subject, body, date, order_id, bill_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            account,
            to,
            subject,
            text,
            ts(db::now()),
            about.order_id.map(|id| id as i64),
            about.bill_id
        ],
    )?;
    Ok(to)
}

/// The account that owns a bill.
pub fn bill_account(conn: &Connection, bill_id: &str) -> Result<Option<(String, u64)>, ApiErr> {
    Ok(conn
        .query_row(
            "SELECT account_id, order_id FROM bills WHERE id = ?1",
            [bill_id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)),
        )
        .optional()?)
}

fn mails(conn: &Connection, account: Option<&str>) -> Result<Vec<Mail>, ApiErr> {
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
                date: db::parse_ts(&r.get::<_, String>(4)?),
                order_id: r.get::<_, Option<i64>>(5)?.map(|id| id as u64),
                bill_id: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Deserialize)]
pub struct OutboxQuery {
    account: Option<String>,
}

/// `GET /sandbox/outbox[?account=ID]`: the e-mails recorded, newest first.
pub async fn list(State(st): State<AppState>, Query(q): Query<OutboxQuery>) -> ApiResult {
    let conn = st.db();
    Ok(ok(&mails(&conn, q.account.as_deref())?))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `GET /sandbox/outbox/`: the same, as a page to read.
pub async fn page(State(st): State<AppState>) -> Response {
    let conn = st.db();
    let mails = match mails(&conn, None) {
        Ok(mails) => mails,
        Err(e) => return e.into_response(),
    };
    // A long URL or word would widen the page past a narrow screen: a mail breaks
    // it, and its text keeps its line breaks but wraps.
    let mut body = String::from(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Boîte d’envoi du bac à sable</title>\
         <style>article { overflow-wrap: anywhere; } pre { white-space: pre-wrap; }</style>\
         </head><body><main>\
         <h1>Boîte d’envoi du bac à sable</h1>\
         <p>Les e-mails que le fournisseur enverrait, du plus récent au plus ancien.</p>",
    );
    if mails.is_empty() {
        body.push_str("<p>Aucun e-mail pour le moment.</p>");
    }
    for mail in &mails {
        // Paris time, as the app dates everything; the instant itself for a date
        // too far out to be shown so.
        let shown = locale::format_date_time(mail.date, Locale::Fr);
        let machine = locale::paris_iso(mail.date);
        body.push_str(&format!(
            "<article><h2>{}</h2><p>À : {} — le <time datetime=\"{}\">{}</time></p><pre>{}</pre></article>",
            escape(&mail.subject),
            escape(&mail.to),
            machine.unwrap_or_else(|| ts(mail.date)),
            shown.unwrap_or_else(|| ts(mail.date)),
            escape(&mail.text)
        ));
    }
    body.push_str("</main></body></html>");
    let mut res = Html(body).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
