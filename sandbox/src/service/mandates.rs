//! An order's mandate as the API shows it.

use mandat_model::mandate::{Mandate, MandateDocument, MandateState};
use rusqlite::Connection;

use super::orders::own_order;
use crate::db;
use crate::http::error::ApiErr;

/// The mandate of an order, whoever owns the order.
pub fn load(conn: &Connection, order_id: u64) -> Result<Option<Mandate>, ApiErr> {
    let Some(row) = db::mandates::get(conn, order_id)? else {
        return Ok(None);
    };
    let structure_name = db::accounts::structure(conn, &row.siret)?
        .map(|s| s.name)
        .unwrap_or_default();
    let document = match (row.doc_name, row.doc_size, row.doc_type, row.uploaded_at) {
        (Some(name), Some(size), Some(content_type), Some(uploaded)) => Some(MandateDocument {
            name,
            size: size as u64,
            content_type,
            uploaded_at: db::parse_ts(&uploaded),
        }),
        _ => None,
    };
    Ok(Some(Mandate {
        order_id,
        state: db::from_code(&row.state).unwrap_or(MandateState::Unknown),
        siret: row.siret,
        structure_name,
        code_service: row.code_service,
        numero_engagement: row.numero_engagement,
        form_url: format!("/api/me/order/{order_id}/mandate/form"),
        upload_url: format!("/api/me/order/{order_id}/mandate/document"),
        document,
        rejection_reason: row.rejection_reason,
        bill_id: row.bill_id,
    }))
}

/// The mandate of an order, whoever owns it; 404 without one.
pub fn of_order(conn: &Connection, id: u64) -> Result<Mandate, ApiErr> {
    load(conn, id)?.ok_or_else(|| ApiErr::not_found("a mandate for this order"))
}

/// The mandate of the account's order; 404 for another account's.
pub fn own(conn: &Connection, account: &str, id: u64) -> Result<Mandate, ApiErr> {
    own_order(conn, account, id)?;
    of_order(conn, id)
}
