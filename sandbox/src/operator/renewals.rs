//! The operator's side of renewals: a renewal falls due and its invoice is issued.

use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::post;
use axum::Router;
use mandat_model::chorus::ChorusStatus;
use mandat_model::renewal::{budget_year, next_renewal, RenewalIssued};

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::RenewalId;
use crate::http::guard;
use crate::service::mail::{self, About};
use crate::service::renewals;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/renewals/{renewalId}/issue",
        post(issue).route_layer(from_fn(guard::no_form_body)),
    )
}

/// `POST /sandbox/renewals/{renewalId}/issue`: the renewal falls due now. Its
/// invoice is issued on a new delivered order with the renewal's routing, and
/// routed by Chorus Pro: made available, or back « à recycler » when the
/// numéro d'engagement of its budget year is missing. The next renewal moves
/// on a period.
async fn issue(State(st): State<AppState>, RenewalId(id): RenewalId) -> ApiResult {
    let conn = st.db();
    let renewal = renewals::get(&conn, id)?;
    let Some(routing) = renewal.routing.clone() else {
        return Err(
            ApiErr::conflict("this renewal's invoice does not go through Chorus Pro").field(
                "renewalId",
                "renewal_not_on_chorus",
                "the renewal has no Chorus Pro routing",
            ),
        );
    };
    let shown = renewals::view(&conn, &renewal)?;
    let year = budget_year(renewal.next);
    let next = next_renewal(renewal.next, renewal.period_months)
        .ok_or_else(|| ApiErr::internal("the next renewal date is out of range"))?;
    let now = db::now();
    let tx = conn.unchecked_transaction()?;
    // One order and one bill per issue: `6` + 5 digits, `FR6` + 6 digits.
    let seq = db::bills::renewal_invoices_issued(&tx)? + 1;
    let order_id = 600_000 + seq as u64;
    let bill_id = format!("FR{}", 6_000_000 + seq);
    db::orders::insert(&tx, order_id, &renewal.account, now, now, "delivered")?;
    db::orders::insert_line(
        &tx,
        order_id,
        &renewal.label,
        &renewal.domain,
        1,
        renewal.ht,
    )?;
    db::orders::add_event(
        &tx,
        order_id,
        now,
        "Renouvellement automatique",
        &format!("La facture {bill_id} est déposée sur Chorus Pro."),
    )?;
    db::bills::deposit(
        &tx,
        &db::bills::NewBill {
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
    db::chorus::add_event(&tx, &bill_id, ChorusStatus::EnCoursAcheminement, now, None)?;
    let status = if shown.engagement_missing {
        let reason = format!("Numéro d'engagement manquant pour l'exercice {year}");
        db::chorus::add_event(&tx, &bill_id, ChorusStatus::ARecycler, now, Some(&reason))?;
        mail::send(
            &tx,
            &renewal.account,
            &format!("Facture {bill_id} à recycler sur Chorus Pro"),
            &format!(
                "La facture {bill_id} du renouvellement de « {} » est revenue « à recycler ».\n\n\
                 Motif : {reason}\n\nDonnez le numéro d'engagement de l'exercice {year} sur la \
                 page Renouvellements ; nous corrigeons et réacheminons la facture.",
                renewal.label
            ),
            About {
                order_id: Some(order_id),
                bill_id: Some(&bill_id),
            },
        )?;
        ChorusStatus::ARecycler
    } else {
        db::chorus::add_event(&tx, &bill_id, ChorusStatus::MiseADisposition, now, None)?;
        ChorusStatus::MiseADisposition
    };
    db::renewals::set_next_date(&tx, id, next)?;
    let after = renewals::get(&tx, id)?;
    let issued = RenewalIssued {
        bill_id,
        chorus_status: status,
        renewal: renewals::view(&tx, &after)?,
    };
    tx.commit()?;
    Ok(ok(&issued))
}
