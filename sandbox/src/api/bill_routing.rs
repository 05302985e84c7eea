//! `PUT /me/bill/{billId}/chorus/routing`: the buyer corrects the routing of an
//! invoice Chorus Pro sent back « à recycler ». Checked as a payment's routing,
//! recorded on the invoice and on its order (the next invoices of the
//! subscription go there too), and the invoice re-deposited at once.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use mandat_model::billing::BILL_NOT_TO_RECYCLE;
use mandat_model::chorus::{ChorusRouting, ChorusStatus};
use rusqlite::params;

use crate::api::{
    checked_routing, idempotency_key, own_bill, read_json, replay, store_idempotent, tracking,
};
use crate::db;
use crate::error::{ok, ApiErr, ApiResult};
use crate::{AppState, Me};

/// What makes two corrections the same request: the bill, and the body as parsed
/// (never equal to a payment's, which starts with its order id).
fn fingerprint(bill_id: &str, routing: &ChorusRouting) -> Result<String, ApiErr> {
    serde_json::to_string(&("routing", bill_id, routing)).map_err(ApiErr::internal)
}

pub async fn correct_routing(
    Me(account): Me,
    State(st): State<AppState>,
    Path(bill_id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let key = idempotency_key(&headers)?;
    {
        let conn = st.db();
        own_bill(&conn, &account, &bill_id)?;
    }
    let request: ChorusRouting = read_json(body).await?;
    let fingerprint = fingerprint(&bill_id, &request)?;
    let mut conn = st.db();
    let row = own_bill(&conn, &account, &bill_id)?;
    if let Some(replayed) = replay(&conn, &account, key.as_deref(), &fingerprint, row.order_id)? {
        return Ok(replayed);
    }
    let before = tracking(&conn, &row)?.ok_or_else(|| {
        ApiErr::conflict("this bill does not go through Chorus Pro").field(
            "billId",
            "bill_not_on_chorus",
            "the bill has no Chorus Pro tracking",
        )
    })?;
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
    let (siret, routing) = checked_routing(&conn, request)?;
    let now = db::now();
    let tx = conn.transaction()?;
    // Re-deposited to the new recipient: routed now, made available by the
    // operator's event or by the demo clock.
    tx.execute(
        "UPDATE bills SET siret = ?2, code_service = ?3, numero_engagement = ?4, clock = 1 WHERE id = ?1",
        params![
            bill_id,
            siret,
            routing.code_service,
            routing.numero_engagement
        ],
    )?;
    db::add_chorus_event(&tx, &bill_id, ChorusStatus::EnCoursAcheminement, now, None)?;
    // The order's routing: what its next invoices are deposited with.
    tx.execute(
        "UPDATE mandates SET siret = ?2, code_service = ?3, numero_engagement = ?4 WHERE order_id = ?1",
        params![
            row.order_id as i64,
            siret,
            routing.code_service,
            routing.numero_engagement
        ],
    )?;
    db::add_order_event(
        &tx,
        row.order_id,
        now,
        "Acheminement corrigé",
        &format!(
            "La facture {bill_id} est réacheminée vers la structure de SIRET {siret} ; les \
             prochaines factures de la commande y iront aussi."
        ),
    )?;
    let row = own_bill(&tx, &account, &bill_id)?;
    let answer = tracking(&tx, &row)?.ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    store_idempotent(
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
