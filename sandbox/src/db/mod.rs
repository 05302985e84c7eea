//! SQLite: the schema, and reading the rows back as the model's types.

use chrono::{DateTime, SecondsFormat, Utc};
use mandat_model::chorus::{ChorusEvent, ChorusService, ChorusStatus, ChorusStructure};
use mandat_model::{Account, LegalForm};
use rusqlite::{params, Connection, OptionalExtension};

pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT NOT NULL,
    order_id INTEGER,
    bill_id TEXT
);
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    customer_code TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    listed INTEGER NOT NULL,
    structure_siret TEXT
);
CREATE TABLE IF NOT EXISTS structures (
    siret TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code_service_required INTEGER NOT NULL,
    engagement_required INTEGER NOT NULL,
    engagement_or_service INTEGER NOT NULL,
    deadline_days INTEGER NOT NULL,
    mep_not_reported INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS services (
    siret TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    active INTEGER NOT NULL,
    engagement_required INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (siret, code)
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    date TEXT NOT NULL,
    expiration_date TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL,
    description TEXT NOT NULL,
    domain TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS order_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    label TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payments (
    order_id INTEGER PRIMARY KEY,
    payment_type TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    account_id TEXT NOT NULL,
    key TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    request TEXT,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE IF NOT EXISTS mandates (
    order_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    siret TEXT NOT NULL,
    code_service TEXT NOT NULL,
    numero_engagement TEXT NOT NULL,
    doc_name TEXT,
    doc_size INTEGER,
    doc_type TEXT,
    doc_path TEXT,
    uploaded_at TEXT,
    rejection_reason TEXT,
    bill_id TEXT
);
CREATE TABLE IF NOT EXISTS bills (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    category TEXT NOT NULL,
    ht_cents INTEGER NOT NULL,
    chorus_invoice_id TEXT,
    siret TEXT,
    code_service TEXT NOT NULL DEFAULT '',
    numero_engagement TEXT NOT NULL DEFAULT '',
    chorus_status TEXT,
    clock INTEGER NOT NULL DEFAULT 0,
    documents_sent_at TEXT
);
CREATE TABLE IF NOT EXISTS bill_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    path TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bills_by_account ON bills (account_id, date);
CREATE TABLE IF NOT EXISTS chorus_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX IF NOT EXISTS chorus_events_by_bill ON chorus_events (bill_id);
CREATE TABLE IF NOT EXISTS renewals (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    label TEXT NOT NULL,
    domain TEXT NOT NULL,
    next_date TEXT NOT NULL,
    period_months INTEGER NOT NULL,
    ht_cents INTEGER NOT NULL,
    siret TEXT,
    code_service TEXT NOT NULL DEFAULT '',
    numero_engagement TEXT NOT NULL DEFAULT '',
    engagement_year INTEGER
);
";

/// Every table, in the order `wipe` drops them.
const TABLES: [&str; 15] = [
    "outbox",
    "bill_documents",
    "renewals",
    "chorus_events",
    "bills",
    "mandates",
    "idempotency",
    "payments",
    "sessions",
    "order_events",
    "order_lines",
    "orders",
    "services",
    "structures",
    "accounts",
];

pub fn open(path: &std::path::Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(SCHEMA)?;
    migrate(&conn)?;
    Ok(conn)
}

/// Brings a database made by an earlier version up to `SCHEMA`: `CREATE TABLE IF NOT
/// EXISTS` leaves an existing table as it was, so columns added since are added here.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    // What a stored payment answered: the request it answered, to refuse the key for
    // another one. Rows stored before have none.
    if !has_column(conn, "idempotency", "request")? {
        conn.execute_batch("ALTER TABLE idempotency ADD COLUMN request TEXT")?;
    }
    // When the buyer sent the documents a suspended invoice asked for.
    if !has_column(conn, "bills", "documents_sent_at")? {
        conn.execute_batch("ALTER TABLE bills ADD COLUMN documents_sent_at TEXT")?;
    }
    Ok(())
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    for name in names {
        if name? == column {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn wipe(conn: &Connection) -> rusqlite::Result<()> {
    for table in TABLES {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
    Ok(n == 0)
}

/// Now, to the second (what the API writes).
pub fn now() -> DateTime<Utc> {
    let now = DateTime::<Utc>::from(std::time::SystemTime::now());
    DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

/// Removes the sessions signed in at `cutoff` or before (expired); how many.
pub fn sweep_sessions(conn: &Connection, cutoff: &str) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE created <= ?1", [cutoff])
}

/// Dates are stored as RFC 3339 UTC text, which sorts as time does.
pub fn ts(date: DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn parse_ts(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

pub fn legal_form_code(form: LegalForm) -> &'static str {
    match form {
        LegalForm::Administration => "administration",
        LegalForm::Association => "association",
        LegalForm::Corporation => "corporation",
        LegalForm::Individual => "individual",
        LegalForm::Personalcorporation => "personalcorporation",
        LegalForm::Other => "other",
    }
}

fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

pub fn account(conn: &Connection, id: &str) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT customer_code, name, email, legal_form, language FROM accounts WHERE id = ?1",
        [id],
        |r| {
            Ok(Account {
                customer_code: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
                legal_form: from_code(&r.get::<_, String>(3)?).unwrap_or(LegalForm::Other),
                language: r.get(4)?,
            })
        },
    )
    .optional()
}

/// The account an order belongs to.
pub fn order_account(conn: &Connection, order_id: u64) -> rusqlite::Result<String> {
    conn.query_row(
        "SELECT account_id FROM orders WHERE id = ?1",
        [order_id as i64],
        |r| r.get(0),
    )
}

/// The SIRET an account is registered with, if it has one.
pub fn account_structure_siret(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT structure_siret FROM accounts WHERE id = ?1",
            [id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

pub fn structure(conn: &Connection, siret: &str) -> rusqlite::Result<Option<ChorusStructure>> {
    let Some(mut s) = conn
        .query_row(
            "SELECT siret, name, code_service_required, engagement_required, engagement_or_service,
                    deadline_days, mep_not_reported FROM structures WHERE siret = ?1",
            [siret],
            |r| {
                Ok(ChorusStructure {
                    siret: r.get(0)?,
                    name: r.get(1)?,
                    code_service_doit_etre_renseigne: r.get(2)?,
                    numero_ej_doit_etre_renseigne: r.get(3)?,
                    gestion_numero_ej_ou_code_service: r.get(4)?,
                    services: Vec::new(),
                    payment_deadline_days: r.get(5)?,
                    statut_mise_en_paiement_nest_pas_remonte: r.get(6)?,
                })
            },
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT code, label, active, engagement_required FROM services WHERE siret = ?1 ORDER BY position",
    )?;
    s.services = stmt
        .query_map([siret], |r| {
            Ok(ChorusService {
                code: r.get(0)?,
                label: r.get(1)?,
                active: r.get(2)?,
                numero_ej_doit_etre_renseigne: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(s))
}

pub fn chorus_events(conn: &Connection, bill_id: &str) -> rusqlite::Result<Vec<ChorusEvent>> {
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
    pub routing: &'a mandat_model::chorus::ChorusRouting,
    /// Whether `--clock` moves it on by itself.
    pub clock: bool,
}

/// Records `bill`, deposited (`DEPOSEE`) at `now`.
pub fn deposit_bill(conn: &Connection, bill: &NewBill, now: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO bills (id, account_id, order_id, date, category, ht_cents, chorus_invoice_id, siret,
                            code_service, numero_engagement, clock)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            bill.id,
            bill.account,
            bill.order_id as i64,
            ts(now),
            bill.category,
            bill.ht_cents,
            bill.chorus_invoice_id,
            bill.routing.siret,
            bill.routing.code_service,
            bill.routing.numero_engagement,
            i64::from(bill.clock),
        ],
    )?;
    add_chorus_event(conn, bill.id, ChorusStatus::Deposee, now, None)
}

/// Appends a status event and keeps the bill's current status up to date.
pub fn add_chorus_event(
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
    let events = chorus_events(conn, bill_id)?;
    let current = mandat_model::chorus::current_status(&events).map(|s| s.code());
    conn.execute(
        "UPDATE bills SET chorus_status = ?2 WHERE id = ?1",
        params![bill_id, current],
    )?;
    Ok(())
}

pub fn add_order_event(
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

/// 20 % VAT on an amount before tax, rounded to the cent: HT + TVA = TTC exactly.
/// `None` when the amount is out of range.
pub fn vat(ht_cents: i64) -> Option<i64> {
    Some(ht_cents.checked_mul(20)?.checked_add(50)?.div_euclid(100))
}

/// The VAT and the amount with tax of an amount before tax; `None` when out of range.
pub fn with_vat(ht_cents: i64) -> Option<(i64, i64)> {
    let tax = vat(ht_cents)?;
    Some((tax, ht_cents.checked_add(tax)?))
}

/// A line's total: quantity times unit price; `None` when out of range.
pub fn line_total(quantity: i64, unit_cents: i64) -> Option<i64> {
    quantity.checked_mul(unit_cents)
}

/// The total before tax of an order's lines, added up exactly (SQLite's own
/// arithmetic would turn an overflow into a float); `None` when out of range.
pub fn order_ht(conn: &Connection, order_id: u64) -> rusqlite::Result<Option<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT quantity, unit_cents FROM order_lines WHERE order_id = ?1")?;
    let lines = stmt.query_map([order_id as i64], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut total: Option<i64> = Some(0);
    for line in lines {
        let (quantity, unit) = line?;
        total = total.and_then(|t| t.checked_add(line_total(quantity, unit)?));
    }
    Ok(total)
}
