//! Invoices: the list with its filters, one invoice, what is owed on it, its
//! Chorus Pro tracking, its PDF.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::routing::get;
use axum::Router;
use chrono::{Datelike as _, NaiveTime};
use mandat_model::billing::{debt_status, BillPage, Debt, DebtStatus};
use mandat_model::chorus::ChorusStatus;
use mandat_model::locale::parse_filter_day;
use mandat_model::Price;

use crate::db;
use crate::http::download;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{BillId, Me};
use crate::printed;
use crate::service::bills;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/bill", get(list))
        .route("/me/bill/{billId}", get(bill))
        .route("/me/bill/{billId}/debt", get(debt))
        .route("/me/bill/{billId}/chorus", get(chorus_tracking))
        .route("/me/bill/{billId}/pdf", get(pdf))
}

/// Most status codes one list request may name (there are 12; a few repeats are fine).
const MAX_STATUS_ITEMS: usize = 100;

fn bad_query(field: &str, code: &str, message: &str) -> ApiErr {
    ApiErr::bad_request(format!("the query parameter {field} is not valid"))
        .field(field, code, message)
}

/// The list's query, checked: `chorusStatus=A,B&from=YYYY-MM-DD&to=YYYY-MM-DD&orderId=N&sort=desc&page=1&pageSize=50`.
fn filter(query: &[(String, String)]) -> Result<db::bills::Filter, ApiErr> {
    let mut f = db::bills::Filter {
        page: 1,
        page_size: 50,
        descending: true,
        ..Default::default()
    };
    let mut status_items = 0usize;
    let mut seen = std::collections::HashSet::new();
    for (key, value) in query {
        // One value each: a thousand repeated filters would each add a condition,
        // past what SQLite nests (a 500); `chorusStatus` is capped by its items.
        let single = matches!(
            key.as_str(),
            "from" | "to" | "orderId" | "page" | "pageSize" | "sort"
        );
        if single && !seen.insert(key.as_str()) {
            return Err(bad_query(
                key,
                "parameter_repeated",
                "give this parameter once",
            ));
        }
        match key.as_str() {
            "chorusStatus" => {
                // Each status once: the query's variables stay few, whatever the list.
                let mut codes = std::collections::BTreeSet::new();
                for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    status_items += 1;
                    if status_items > MAX_STATUS_ITEMS {
                        return Err(bad_query(
                            "chorusStatus",
                            "status_too_many",
                            "at most 100 status codes",
                        ));
                    }
                    let status = ChorusStatus::from_code(code);
                    if status == ChorusStatus::Unknown {
                        return Err(bad_query(
                            "chorusStatus",
                            "status_unknown",
                            "not a Chorus Pro status code",
                        ));
                    }
                    codes.insert(status.code());
                }
                f.status_sets.push(codes.into_iter().collect());
            }
            "from" | "to" => {
                let day = parse_filter_day(value).ok_or_else(|| {
                    bad_query(
                        key,
                        "date_invalid",
                        "a date as YYYY-MM-DD, from 0001 to 9999",
                    )
                })?;
                if key == "from" {
                    f.from = Some(day.and_time(NaiveTime::MIN).and_utc());
                } else if let Some(next) = day.succ_opt().filter(|d| d.year() <= 9999) {
                    // (After 9999-12-31 there is no bound to write: every date is before.)
                    f.before = Some(next.and_time(NaiveTime::MIN).and_utc());
                }
            }
            "orderId" => {
                let id: i64 = value
                    .parse()
                    .ok()
                    .filter(|n| *n >= 0)
                    .ok_or_else(|| bad_query("orderId", "order_id_invalid", "an order id"))?;
                f.order_id = Some(id);
            }
            "page" => {
                f.page = value
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| bad_query("page", "page_invalid", "a page number from 1"))?;
            }
            "sort" => {
                f.descending = match value.as_str() {
                    "desc" => true,
                    "asc" => false,
                    _ => return Err(bad_query("sort", "sort_invalid", "asc or desc")),
                };
            }
            "pageSize" => {
                f.page_size = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| bad_query("pageSize", "page_size_invalid", "from 1 to 1000"))?;
            }
            _ => {}
        }
    }
    Ok(f)
}

/// `GET /me/bill`: one page, serialised once the database is given back.
async fn list(
    Me(account): Me,
    State(st): State<AppState>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let Query(query) = query.map_err(|_| ApiErr::bad_request("the query string is not valid"))?;
    let f = filter(&query)?;
    let (total, bills) = {
        let conn = st.read()?;
        let (total, rows) = db::bills::page(&conn, &account, &f)?;
        let bills = rows
            .iter()
            .map(|row| bills::view(&conn, row))
            .collect::<Result<Vec<_>, _>>()?;
        (total, bills)
    };
    Ok(ok(&BillPage {
        bills,
        page: f.page,
        page_size: f.page_size,
        total,
    }))
}

async fn bill(Me(account): Me, State(st): State<AppState>, BillId(id): BillId) -> ApiResult {
    let conn = st.read()?;
    let row = bills::own(&conn, &account, &id)?;
    Ok(ok(&bills::view(&conn, &row)?))
}

async fn debt(Me(account): Me, State(st): State<AppState>, BillId(id): BillId) -> ApiResult {
    let conn = st.read()?;
    let row = bills::own(&conn, &account, &id)?;
    let ttc = bills::amount_with_tax(&row)
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("bill {}", row.id)))?;
    let (status, due_date) = match bills::tracking(&conn, &row)?.and_then(|t| t.deadline) {
        Some(deadline) => (debt_status(&deadline), deadline.due_date()),
        // Not through Chorus Pro: paid by card at order time.
        None => (DebtStatus::Paid, None),
    };
    // Nothing is left of a paid principal, nor of a rejected (void) invoice; what
    // a structure that does not report its payments still owes is not known.
    let pending = match status {
        DebtStatus::Paid | DebtStatus::Cancelled => Some(0),
        DebtStatus::Unknown => None,
        _ => Some(ttc),
    };
    Ok(ok(&Debt {
        status,
        due_date,
        amount: Price::eur(ttc),
        pending_amount: pending.map(Price::eur),
    }))
}

async fn chorus_tracking(
    Me(account): Me,
    State(st): State<AppState>,
    BillId(id): BillId,
) -> ApiResult {
    let conn = st.read()?;
    let row = bills::own(&conn, &account, &id)?;
    let tracking = bills::tracking(&conn, &row)?
        .ok_or_else(|| ApiErr::not_found("Chorus Pro tracking of this bill"))?;
    Ok(ok(&tracking))
}

/// The invoice's PDF, drawn once what it prints is read and the database given back.
async fn pdf(Me(account): Me, State(st): State<AppState>, BillId(id): BillId) -> ApiResult {
    let (bill, buyer, chorus) = {
        let conn = st.read()?;
        let row = bills::own(&conn, &account, &id)?;
        let bill = bills::view(&conn, &row)?;
        let buyer = db::accounts::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
        (bill, buyer, row.chorus_id.zip(row.siret))
    };
    let name = format!("{}.pdf", bill.bill_id);
    let bytes = st
        .cpu_work(move || {
            printed::invoice(&printed::Invoice {
                bill_id: &bill.bill_id,
                date: bill.date,
                order_id: bill.order_id,
                buyer: &buyer,
                without_tax: &bill.price_without_tax,
                tax: &bill.tax,
                with_tax: &bill.price_with_tax,
                chorus: chorus.as_ref().map(|(c, s)| (c.as_str(), s.as_str())),
            })
        })
        .await?
        .map_err(ApiErr::internal)?;
    Ok(download::bytes(bytes, "application/pdf", &name))
}
