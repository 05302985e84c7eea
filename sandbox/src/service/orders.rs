//! An order as the API shows it: its amounts, its lines, who may pay it how.

use mandat_model::billing::{NOT_PUBLIC_ADMINISTRATION, NO_CHORUS_STRUCTURE};
use mandat_model::money::{line_total, with_vat};
use mandat_model::{LegalForm, Order, OrderDetail, OrderStatus, Price};
use rusqlite::Connection;

use crate::db;
use crate::http::error::ApiErr;

/// The account's order and its status; 404 for another account's order.
pub fn own_order(
    conn: &Connection,
    account: &str,
    id: u64,
) -> Result<(Order, OrderStatus), ApiErr> {
    let row = db::orders::own(conn, account, id)?.ok_or_else(|| ApiErr::not_found("this order"))?;
    let out_of_range = || ApiErr::amount_out_of_range(format!("order {id}"));
    let ht = db::orders::total_ht(conn, id)?.ok_or_else(out_of_range)?;
    let (tax, ttc) = with_vat(ht).ok_or_else(out_of_range)?;
    let order = Order {
        order_id: id,
        date: row.date,
        expiration_date: row.expiration,
        price_without_tax: Price::eur(ht),
        tax: Price::eur(tax),
        price_with_tax: Price::eur(ttc),
    };
    let status = db::from_code(&row.status).unwrap_or(OrderStatus::Unknown);
    Ok((order, status))
}

/// An order's lines with their totals (the order is known to be the account's).
pub fn order_lines(conn: &Connection, id: u64) -> Result<Vec<OrderDetail>, ApiErr> {
    db::orders::lines(conn, id)?
        .into_iter()
        .map(|line| {
            let total = line_total(i64::from(line.quantity), line.unit_cents).ok_or_else(|| {
                ApiErr::amount_out_of_range(format!("line {} of order {id}", line.id))
            })?;
            Ok(OrderDetail {
                order_detail_id: line.id,
                description: line.description,
                domain: line.domain,
                quantity: line.quantity,
                unit_price: Price::eur(line.unit_cents),
                total_price: Price::eur(total),
            })
        })
        .collect()
}

/// Why the account cannot pay by mandate, if it cannot.
pub fn mandate_refusal(conn: &Connection, account: &str) -> Result<Option<&'static str>, ApiErr> {
    let acc = db::accounts::account(conn, account)?.ok_or_else(ApiErr::unauthorized)?;
    if acc.legal_form != LegalForm::Administration {
        return Ok(Some(NOT_PUBLIC_ADMINISTRATION));
    }
    if db::accounts::structure_siret(conn, account)?.is_none() {
        return Ok(Some(NO_CHORUS_STRUCTURE));
    }
    Ok(None)
}
