//! Services that renew automatically: `GET /api/me/renewal`, the routing of a
//! renewal's next invoice (`POST /api/me/renewal/{renewalId}/routing`), and the
//! operator route that issues a renewal's invoice
//! (`POST /sandbox/renewals/{renewalId}/issue`).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::middleware::from_fn;
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;
use mandat_model::chorus::{ChorusRouting, ChorusStatus};
use mandat_model::renewal::{
    budget_year, engagement_missing, engagement_required, engagement_year_after_update,
    next_renewal, Renewal, RenewalIssued,
};
use mandat_model::Price;
use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{checked_routing, idempotency_key, read_json, replay, store_idempotent};
use crate::db::{self, ts};
use crate::error::{ok, ApiErr, ApiResult};
use crate::guard;
use crate::{AppState, Me};

/// The billing API's renewal routes, merged into `/api`.
pub fn api_routes() -> Router<AppState> {
    Router::new().route("/me/renewal", get(list)).route(
        "/me/renewal/{renewalId}/routing",
        post(set_routing).route_layer(from_fn(guard::json_body)),
    )
}

/// The operator's renewal route, merged into `/sandbox`.
pub fn operator_routes() -> Router<AppState> {
    Router::new().route(
        "/renewals/{renewalId}/issue",
        post(issue).route_layer(from_fn(guard::no_form_body)),
    )
}

/// A renewal as stored.
struct Row {
    id: u64,
    account: String,
    label: String,
    domain: String,
    next: NaiveDate,
    period_months: u32,
    ht: i64,
    routing: Option<ChorusRouting>,
    engagement_year: Option<i32>,
}

const COLUMNS: &str = "id, account_id, label, domain, next_date, period_months, ht_cents, siret, \
                       code_service, numero_engagement, engagement_year";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let siret: Option<String> = r.get(7)?;
    let next: String = r.get(4)?;
    Ok(Row {
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

/// A renewal id from the path: anything that is not one is simply not found.
fn renewal_id(raw: &str) -> Result<u64, ApiErr> {
    raw.parse::<u64>()
        .ok()
        .filter(|id| *id <= i64::MAX as u64)
        .ok_or_else(|| ApiErr::not_found("this renewal"))
}

fn load(conn: &Connection, id: u64) -> Result<Option<Row>, ApiErr> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM renewals WHERE id = ?1"),
            [id as i64],
            row,
        )
        .optional()?)
}

/// The account's renewal; another account's is a 404 like an unknown one.
fn own(conn: &Connection, account: &str, id: u64) -> Result<Row, ApiErr> {
    load(conn, id)?
        .filter(|r| r.account == account)
        .ok_or_else(|| ApiErr::not_found("this renewal"))
}

/// The renewal as the API shows it, with what its structure asks for.
fn view(conn: &Connection, row: &Row) -> Result<Renewal, ApiErr> {
    let (tax, ttc) = db::with_vat(row.ht)
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("renewal {}", row.id)))?;
    let structure = match &row.routing {
        Some(routing) => db::structure(conn, &routing.siret)?,
        None => None,
    };
    let (required, missing) = match (&structure, &row.routing) {
        (Some(structure), Some(routing)) => (
            engagement_required(structure, &routing.code_service),
            engagement_missing(structure, routing, row.engagement_year, row.next),
        ),
        _ => (false, false),
    };
    // A year means something only beside a number.
    let has_number = row
        .routing
        .as_ref()
        .is_some_and(|r| !r.numero_engagement.trim().is_empty());
    Ok(Renewal {
        renewal_id: row.id,
        label: row.label.clone(),
        domain: row.domain.clone(),
        next_renewal_date: row.next,
        period_months: row.period_months,
        price_without_tax: Price::eur(row.ht),
        tax: Price::eur(tax),
        price_with_tax: Price::eur(ttc),
        routing: row.routing.clone(),
        engagement_budget_year: row.engagement_year.filter(|_| has_number),
        engagement_required: required,
        engagement_missing: missing,
    })
}

/// `GET /me/renewal`: soonest first. An account without a structure gets its
/// renewals without routing (none for the demo company): a 200 all the same.
async fn list(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.db();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM renewals WHERE account_id = ?1 ORDER BY next_date, id"
    ))?;
    let rows: Vec<Row> = stmt
        .query_map([&account], row)?
        .collect::<rusqlite::Result<_>>()?;
    let renewals = rows
        .iter()
        .map(|r| view(&conn, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ok(&renewals))
}

/// `POST /me/renewal/{renewalId}/routing`: checked as a payment's routing is,
/// applied once per `Idempotency-Key`.
async fn set_routing(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let id = renewal_id(&id)?;
    let key = idempotency_key(&headers)?;
    {
        let conn = st.db();
        own_on_chorus(&conn, &account, id)?;
    }
    let request: ChorusRouting = read_json(body).await?;
    // Never equal to a payment's (an order id and its body): one key, one request.
    let fingerprint =
        serde_json::to_string(&("renewal", id, &request)).map_err(ApiErr::internal)?;
    let conn = st.db();
    // Renewals are no order's: 0 where a payment names its order.
    if let Some(replayed) = replay(&conn, &account, key.as_deref(), &fingerprint, 0)? {
        return Ok(replayed);
    }
    let current = own_on_chorus(&conn, &account, id)?;
    let (siret, routing) = checked_routing(&conn, request)?;
    let routing = ChorusRouting { siret, ..routing };
    let previous = current.routing.clone().unwrap_or_default();
    let year = engagement_year_after_update(
        &previous.numero_engagement,
        current.engagement_year,
        &routing.numero_engagement,
        current.next,
    );
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE renewals SET siret = ?2, code_service = ?3, numero_engagement = ?4,
                engagement_year = ?5 WHERE id = ?1",
        params![
            id as i64,
            routing.siret,
            routing.code_service,
            routing.numero_engagement,
            year
        ],
    )?;
    let saved = own(&tx, &account, id)?;
    let renewal = view(&tx, &saved)?;
    // The payments' table of keys: a key names one request, whatever it was.
    store_idempotent(&tx, &account, key.as_deref(), 0, &fingerprint, &renewal)?;
    tx.commit()?;
    Ok(ok(&renewal))
}

/// The account's renewal, when its invoice goes through Chorus Pro (there is a
/// routing to change): a 404 otherwise.
fn own_on_chorus(conn: &Connection, account: &str, id: u64) -> Result<Row, ApiErr> {
    Some(own(conn, account, id)?)
        .filter(|r| r.routing.is_some())
        .ok_or_else(|| ApiErr::not_found("a renewal invoiced through Chorus Pro"))
}

/// `POST /sandbox/renewals/{renewalId}/issue`: the renewal falls due now. Its
/// invoice is issued on a new delivered order with the renewal's routing, and
/// routed by Chorus Pro: made available, or back « à recycler » when the
/// numéro d'engagement of its budget year is missing. The next renewal moves
/// on a period.
async fn issue(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = renewal_id(&id)?;
    let conn = st.db();
    let renewal = load(&conn, id)?.ok_or_else(|| ApiErr::not_found("this renewal"))?;
    let Some(routing) = renewal.routing.clone() else {
        return Err(
            ApiErr::conflict("this renewal's invoice does not go through Chorus Pro").field(
                "renewalId",
                "renewal_not_on_chorus",
                "the renewal has no Chorus Pro routing",
            ),
        );
    };
    let shown = view(&conn, &renewal)?;
    let year = budget_year(renewal.next);
    let next = next_renewal(renewal.next, renewal.period_months)
        .ok_or_else(|| ApiErr::internal("the next renewal date is out of range"))?;
    let now = db::now();
    let tx = conn.unchecked_transaction()?;
    // One order and one bill per issue: `6` + 5 digits, `FR6` + 6 digits.
    let seq: i64 = tx.query_row(
        "SELECT COUNT(*) FROM bills WHERE id LIKE 'FR6%' AND length(id) = 9",
        [],
        |r| r.get(0),
    )?;
    let seq = seq + 1;
    let order_id = 600_000 + seq as u64;
    let bill_id = format!("FR{}", 6_000_000 + seq);
    tx.execute(
        "INSERT INTO orders (id, account_id, date, expiration_date, status) VALUES (?1, ?2, ?3, ?3, 'delivered')",
        params![order_id as i64, renewal.account, ts(now)],
    )?;
    tx.execute(
        "INSERT INTO order_lines (order_id, description, domain, quantity, unit_cents) VALUES (?1, ?2, ?3, 1, ?4)",
        params![order_id as i64, renewal.label, renewal.domain, renewal.ht],
    )?;
    db::add_order_event(
        &tx,
        order_id,
        now,
        "Renouvellement automatique",
        &format!("La facture {bill_id} est déposée sur Chorus Pro."),
    )?;
    db::deposit_bill(
        &tx,
        &db::NewBill {
            id: &bill_id,
            account: &renewal.account,
            order_id,
            category: "autorenew",
            ht_cents: renewal.ht,
            chorus_invoice_id: format!("CPP{:09}", 6_000_000 + seq),
            routing: &routing,
            clock: false,
        },
        now,
    )?;
    db::add_chorus_event(&tx, &bill_id, ChorusStatus::EnCoursAcheminement, now, None)?;
    let status = if shown.engagement_missing {
        let reason = format!("Numéro d'engagement manquant pour l'exercice {year}");
        db::add_chorus_event(&tx, &bill_id, ChorusStatus::ARecycler, now, Some(&reason))?;
        crate::outbox::send(
            &tx,
            &renewal.account,
            &format!("Facture {bill_id} à recycler sur Chorus Pro"),
            &format!(
                "La facture {bill_id} du renouvellement de « {} » est revenue « à recycler ».\n\n\
                 Motif : {reason}\n\nDonnez le numéro d'engagement de l'exercice {year} sur la \
                 page Renouvellements ; nous corrigeons et réacheminons la facture.",
                renewal.label
            ),
            crate::outbox::About {
                order_id: Some(order_id),
                bill_id: Some(&bill_id),
            },
        )?;
        ChorusStatus::ARecycler
    } else {
        db::add_chorus_event(&tx, &bill_id, ChorusStatus::MiseADisposition, now, None)?;
        ChorusStatus::MiseADisposition
    };
    tx.execute(
        "UPDATE renewals SET next_date = ?2 WHERE id = ?1",
        params![id as i64, next.format("%Y-%m-%d").to_string()],
    )?;
    let after = load(&tx, id)?.ok_or_else(|| ApiErr::internal("renewal vanished"))?;
    let issued = RenewalIssued {
        bill_id,
        chorus_status: status,
        renewal: view(&tx, &after)?,
    };
    tx.commit()?;
    Ok(ok(&issued))
}
