//! The provider's review of a signed mandate: accepted (the invoice is issued
//! and deposited on Chorus Pro) or rejected with a reason.

use axum::body::Body;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::post;
use axum::Router;
use mandat_model::billing::MandateRejection;
use mandat_model::chorus::ChorusRouting;
use mandat_model::mandate::MandateState;
use mandat_model::money::with_vat;

use crate::db;
use crate::http::error::{clean_text, ok, ApiErr, ApiResult};
use crate::http::extract::{read_json, OrderId};
use crate::http::guard;
use crate::service::mail::{self, About};
use crate::service::mandates;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/orders/{orderId}/mandate/accept",
            post(accept).route_layer(from_fn(guard::no_form_body)),
        )
        .route(
            "/orders/{orderId}/mandate/reject",
            post(reject).route_layer(from_fn(guard::json_body)),
        )
}

fn not_under_review(what: &str) -> ApiErr {
    ApiErr::conflict(format!("only a mandate under review can be {what}")).field(
        "state",
        "mandate_not_under_review",
        "the mandate is not under review",
    )
}

/// Accepting generates the invoice `FR5` + order id on 6 digits (order 1003 → FR5001003),
/// deposited on Chorus Pro now.
async fn accept(State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let mut conn = st.db();
    let mandate = mandates::of_order(&conn, id)?;
    if mandate.state != MandateState::UnderReview {
        return Err(not_under_review("accepted"));
    }
    let account = db::orders::account_of(&conn, id)?;
    // No invoice whose amounts could not be computed.
    let ht = db::orders::total_ht(&conn, id)?
        .filter(|ht| with_vat(*ht).is_some())
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("order {id}")))?;
    let bill_id = format!("FR{}", 5_000_000 + id);
    let now = db::now();
    let tx = conn.transaction()?;
    db::bills::deposit(
        &tx,
        &db::bills::NewBill {
            id: &bill_id,
            account: &account,
            order_id: id,
            category: "purchase",
            ht_cents: ht,
            chorus_invoice_id: format!("CPP{:09}", 5_000_000 + id),
            routing: &ChorusRouting {
                siret: mandate.siret.clone(),
                code_service: mandate.code_service.clone(),
                numero_engagement: mandate.numero_engagement.clone(),
            },
            clock: true,
        },
        now,
    )?;
    db::mandates::accept(&tx, id, &bill_id)?;
    db::orders::set_status(&tx, id, "delivered")?;
    db::orders::add_event(
        &tx,
        id,
        now,
        "Mandat accepté",
        &format!("La facture {bill_id} est déposée sur Chorus Pro."),
    )?;
    mail::send(
        &tx,
        &account,
        &format!("Commande n° {id} : mandat accepté, facture {bill_id} déposée sur Chorus Pro"),
        &format!(
            "Bonjour,\n\nNous avons vérifié le mandat signé de la commande n° {id} : il est accepté.\n\n\
             La facture {bill_id} est déposée sur Chorus Pro, pour la structure de SIRET {}. \
             Validez-la sur Chorus Pro pour que votre comptable public puisse la payer ; son suivi \
             est sur la page de la facture.",
            mandat_model::siret::shown(&mandate.siret)
        ),
        About {
            order_id: Some(id),
            bill_id: Some(&bill_id),
        },
    )?;
    tx.commit()?;
    Ok(ok(&mandates::of_order(&conn, id)?))
}

/// The reason as it is kept and e-mailed: free text (no control nor direction
/// character), 1 to 500 characters once trimmed.
fn checked_reason(raw: &str) -> Result<String, ApiErr> {
    let reason = clean_text("reason", raw).map_err(|e| ApiErr::invalid(vec![e]))?;
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(
            ApiErr::bad_request("a reason of 1 to 500 characters is required").field(
                "reason",
                "reason_required",
                "say why the mandate is refused",
            ),
        );
    }
    Ok(reason)
}

async fn reject(State(st): State<AppState>, OrderId(id): OrderId, body: Body) -> ApiResult {
    mandates::of_order(&st.db(), id)?;
    let request: MandateRejection = read_json(body).await?;
    let reason = checked_reason(&request.reason)?;
    let conn = st.db();
    let mandate = mandates::of_order(&conn, id)?;
    if mandate.state != MandateState::UnderReview {
        return Err(not_under_review("rejected"));
    }
    let account = db::orders::account_of(&conn, id)?;
    let tx = conn.unchecked_transaction()?;
    db::mandates::reject(&tx, id, &reason)?;
    db::orders::add_event(
        &tx,
        id,
        db::now(),
        "Mandat refusé",
        "Un nouveau mandat signé est attendu.",
    )?;
    mail::send(
        &tx,
        &account,
        &format!("Commande n° {id} : mandat refusé, un nouveau mandat signé est attendu"),
        &format!(
            "Bonjour,\n\nLe mandat signé de la commande n° {id} n’a pas pu être accepté.\n\n\
             Motif : {reason}\n\nCorrigez-le puis déposez un nouveau formulaire signé sur la page \
             du mandat de la commande."
        ),
        About {
            order_id: Some(id),
            bill_id: None,
        },
    )?;
    tx.commit()?;
    Ok(ok(&mandates::of_order(&conn, id)?))
}
