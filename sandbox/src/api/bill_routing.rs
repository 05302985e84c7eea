//! `PUT /me/bill/{billId}/chorus/routing`: the buyer corrects the routing of an
//! invoice Chorus Pro sent back « à recycler ». Checked as a payment's routing,
//! recorded on the invoice and on its order (the next invoices of the
//! subscription go there too), and the invoice re-deposited at once.

use axum::body::Body;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::put;
use axum::Router;
use mandat_model::billing::BILL_NOT_TO_RECYCLE;
use mandat_model::chorus::{ChorusRouting, ChorusStatus};

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{read_json, BillId, IdempotencyKey, Me};
use crate::http::{guard, idempotency};
use crate::service::{bills, routing};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/me/bill/{billId}/chorus/routing",
        put(correct).route_layer(from_fn(guard::json_body)),
    )
}

/// What makes two corrections the same request: the bill, and the body as parsed
/// (never equal to a payment's, which starts with its order id).
fn fingerprint(bill_id: &str, routing: &ChorusRouting) -> Result<String, ApiErr> {
    serde_json::to_string(&("routing", bill_id, routing)).map_err(ApiErr::internal)
}

async fn correct(
    Me(account): Me,
    State(st): State<AppState>,
    BillId(bill_id): BillId,
    key: IdempotencyKey,
    body: Body,
) -> ApiResult {
    bills::own(&st.db(), &account, &bill_id)?;
    let request: ChorusRouting = read_json(body).await?;
    let fingerprint = fingerprint(&bill_id, &request)?;
    let mut conn = st.db();
    let row = bills::own(&conn, &account, &bill_id)?;
    let replay = idempotency::replay(&conn, &account, key.as_deref(), &fingerprint, row.order_id);
    if let Ok(Some(replayed)) = replay {
        return Ok(replayed);
    }
    let before = bills::tracking(&conn, &row)?.ok_or_else(bills::not_on_chorus)?;
    if before.status != Some(ChorusStatus::ARecycler) {
        return Err(ApiErr::conflict(format!(
            "only an invoice à recycler can be routed again; this one is {}",
            before.status.map(|s| s.code()).unwrap_or("without status")
        ))
        .field(
            "status",
            BILL_NOT_TO_RECYCLE,
            "the invoice is not, or no longer, à recycler",
        ));
    }
    // After the state, as for a payment: refused either way.
    replay?;
    let (siret, routing) = routing::checked(&conn, request)?;
    let routing = ChorusRouting { siret, ..routing };
    let now = db::now();
    let tx = conn.transaction()?;
    // Re-deposited to the new recipient: routed now, made available by the
    // operator's event or by the demo clock.
    db::bills::set_routing(&tx, &bill_id, &routing)?;
    db::chorus::add_event(&tx, &bill_id, ChorusStatus::EnCoursAcheminement, now, None)?;
    // The order's routing: what its next invoices are deposited with.
    db::mandates::set_routing(
        &tx,
        row.order_id,
        &routing.siret,
        &routing.code_service,
        &routing.numero_engagement,
    )?;
    db::orders::add_event(
        &tx,
        row.order_id,
        now,
        "Acheminement corrigé",
        &format!(
            "La facture {bill_id} est réacheminée vers la structure de SIRET {} ; les \
             prochaines factures de la commande y iront aussi.",
            routing.siret
        ),
    )?;
    let row = bills::own(&tx, &account, &bill_id)?;
    let answer =
        bills::tracking(&tx, &row)?.ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    idempotency::keep(
        &tx,
        &account,
        key.as_deref(),
        row.order_id,
        &fingerprint,
        &answer,
    )?;
    tx.commit()?;
    Ok(ok(&answer))
}
