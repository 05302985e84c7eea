//! A renewal as the API shows it, with what its structure asks for.

use mandat_model::money::with_vat;
use mandat_model::renewal::{engagement_missing, engagement_required, Renewal};
use mandat_model::Price;
use rusqlite::Connection;

use crate::db::{self, renewals::RenewalRow};
use crate::http::error::ApiErr;

/// A renewal, whoever owns it; 404 for an unknown one.
pub fn get(conn: &Connection, id: u64) -> Result<RenewalRow, ApiErr> {
    db::renewals::get(conn, id)?.ok_or_else(|| ApiErr::not_found("this renewal"))
}

/// The account's renewal; another account's is a 404 like an unknown one.
pub fn own(conn: &Connection, account: &str, id: u64) -> Result<RenewalRow, ApiErr> {
    db::renewals::get(conn, id)?
        .filter(|r| r.account == account)
        .ok_or_else(|| ApiErr::not_found("this renewal"))
}

/// The account's renewal, when its invoice goes through Chorus Pro (there is a
/// routing to change): a 404 otherwise.
pub fn own_on_chorus(conn: &Connection, account: &str, id: u64) -> Result<RenewalRow, ApiErr> {
    Some(own(conn, account, id)?)
        .filter(|r| r.routing.is_some())
        .ok_or_else(|| ApiErr::not_found("a renewal invoiced through Chorus Pro"))
}

/// The renewal as the API shows it, with what its structure asks for.
pub fn view(conn: &Connection, row: &RenewalRow) -> Result<Renewal, ApiErr> {
    let (tax, ttc) = with_vat(row.ht)
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("renewal {}", row.id)))?;
    let structure = match &row.routing {
        Some(routing) => db::accounts::structure(conn, &routing.siret)?,
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
