//! A bill as the API shows it: its amounts, its Chorus Pro tracking, its
//! payment deadline by the model's rules.

use mandat_model::billing::{Bill, BillCategory, ChorusTracking};
use mandat_model::chorus::{ChorusEvent, ChorusStatus, ChorusStructure};
use mandat_model::deadline::{deadline, Deadline, DeadlineTerms};
use mandat_model::money::with_vat;
use mandat_model::Price;
use rusqlite::Connection;

use crate::db::{self, bills::BillRow};
use crate::http::error::ApiErr;

/// The account's bill; 404 for another account's.
pub fn own(conn: &Connection, account: &str, bill_id: &str) -> Result<BillRow, ApiErr> {
    db::bills::own(conn, account, bill_id)?.ok_or_else(|| ApiErr::not_found("this bill"))
}

/// The amount including VAT of a bill; `None` if it overflows.
pub fn amount_with_tax(row: &BillRow) -> Option<i64> {
    with_vat(row.ht).map(|(_, ttc)| ttc)
}

/// The 409 of a bill that has no Chorus Pro tracking.
pub fn not_on_chorus() -> ApiErr {
    ApiErr::conflict("this bill does not go through Chorus Pro").field(
        "billId",
        "bill_not_on_chorus",
        "the bill has no Chorus Pro tracking",
    )
}

/// The Chorus Pro tracking of a bill that goes through it, with its deadline.
pub fn tracking(conn: &Connection, row: &BillRow) -> Result<Option<ChorusTracking>, ApiErr> {
    let (Some(chorus_id), Some(siret)) = (&row.chorus_id, &row.siret) else {
        return Ok(None);
    };
    let structure = db::accounts::structure(conn, siret)?;
    let history = db::chorus::events(conn, &row.id)?;
    let status = mandat_model::chorus::current_status(&history);
    let deadline = bill_deadline(row, structure.as_ref(), &history);
    Ok(Some(ChorusTracking {
        bill_id: row.id.clone(),
        chorus_invoice_id: chorus_id.clone(),
        siret: siret.clone(),
        structure_name: structure
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        code_service: row.code_service.clone(),
        numero_engagement: row.numero_engagement.clone(),
        status,
        history,
        deadline: Some(deadline),
        statut_mise_en_paiement_nest_pas_remonte: structure
            .map(|s| s.statut_mise_en_paiement_nest_pas_remonte)
            .unwrap_or(false),
    }))
}

/// The bill's deadline by the model's rules, from its history and its structure's
/// parameters (a structure missing from the directory: unknown).
fn bill_deadline(
    row: &BillRow,
    structure: Option<&ChorusStructure>,
    history: &[ChorusEvent],
) -> Deadline {
    let (Some(structure), Some(amount_cents)) = (structure, amount_with_tax(row)) else {
        return Deadline::Unknown;
    };
    let terms = DeadlineTerms {
        days: structure.payment_deadline_days,
        payment_not_reported: structure.statut_mise_en_paiement_nest_pas_remonte,
        amount_cents,
    };
    deadline(history, terms, super::today())
}

/// A bill's tracking, whoever owns it (the operator's routes); 404 for an
/// unknown bill, `None` for one outside Chorus Pro.
pub fn tracking_of(conn: &Connection, bill_id: &str) -> Result<Option<ChorusTracking>, ApiErr> {
    let row = db::bills::get(conn, bill_id)?.ok_or_else(|| ApiErr::not_found("this bill"))?;
    tracking(conn, &row)
}

/// The bill as the API shows it.
pub fn view(conn: &Connection, row: &BillRow) -> Result<Bill, ApiErr> {
    let (tax, ttc) =
        with_vat(row.ht).ok_or_else(|| ApiErr::amount_out_of_range(format!("bill {}", row.id)))?;
    let deadline = tracking(conn, row)?.and_then(|t| t.deadline);
    Ok(Bill {
        bill_id: row.id.clone(),
        date: db::parse_ts(&row.date),
        order_id: row.order_id,
        category: db::from_code(&row.category).unwrap_or(BillCategory::Other),
        price_without_tax: Price::eur(row.ht),
        tax: Price::eur(tax),
        price_with_tax: Price::eur(ttc),
        pdf_url: format!("/api/me/bill/{}/pdf", row.id),
        chorus_status: row.chorus_status.as_deref().map(ChorusStatus::from_code),
        due_date: deadline.as_ref().and_then(Deadline::due_date),
        deadline,
    })
}
