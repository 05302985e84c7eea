//! What Chorus Pro and the provider do to an invoice: a status event (with the
//! e-mail the buyer gets when something is asked of them), and the completion
//! of a suspended invoice with the documents the buyer sent.

use axum::body::Body;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::post;
use axum::{Extension, Router};
use mandat_model::billing::NewChorusEvent;
use mandat_model::chorus::{can_append, can_transition, event_date_allowed, ChorusStatus};

use crate::db;
use crate::http::error::{clean_text, ok, ApiErr, ApiResult};
use crate::http::extract::{read_json, BillId};
use crate::http::guard::{self, Site};
use crate::service::mail::{self, About};
use crate::service::{bills, documents};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/bills/{billId}/events",
            post(add_event).route_layer(from_fn(guard::json_body)),
        )
        .route(
            "/bills/{billId}/documents/complete",
            post(complete).route_layer(from_fn(guard::no_form_body)),
        )
}

/// `POST /sandbox/bills/{billId}/events`: a Chorus Pro status, dated now or as
/// given (never more than a day ahead of the clock), if it can follow the
/// invoice's history.
async fn add_event(
    State(st): State<AppState>,
    Extension(site): Extension<Site>,
    BillId(bill_id): BillId,
    body: Body,
) -> ApiResult {
    bills::tracking_of(&st.db(), &bill_id)?;
    let event: NewChorusEvent = read_json(body).await?;
    if event.status == ChorusStatus::Unknown {
        return Err(ApiErr::bad_request("unknown Chorus Pro status").field(
            "status",
            "status_unknown",
            "not a Chorus Pro status code",
        ));
    }
    let reason = event
        .reason
        .as_deref()
        .map(|r| clean_text("reason", r))
        .transpose()
        .map_err(|e| ApiErr::invalid(vec![e]))?
        .filter(|r| !r.is_empty());
    let reason = reason.as_deref();
    if event.status.requires_reason() && reason.is_none() {
        return Err(ApiErr::bad_request("this status needs a reason").field(
            "reason",
            "reason_required",
            "a suspension, a rejection or a recycling carries a reason",
        ));
    }
    let now = db::now();
    let date = event
        .date
        .map(|d| d.with_timezone(&chrono::Utc))
        .unwrap_or(now);
    if !event_date_allowed(date, now) {
        return Err(
            ApiErr::bad_request("the event is dated more than a day after now").field(
                "date",
                "event_date_in_future",
                "an event is dated at most a day after the sandbox's clock",
            ),
        );
    }
    let conn = st.db();
    let tracking = bills::tracking_of(&conn, &bill_id)?.ok_or_else(bills::not_on_chorus)?;
    if !can_append(&tracking.history, event.status) {
        let message = if can_transition(tracking.status, event.status) {
            // Only a suspension can follow the status and still be refused.
            "the deadline can be interrupted only once, and only before ordonnancement \
             (Code de la commande publique, R2192-27): this invoice was already suspended, \
             or its expense already ordered"
                .to_string()
        } else {
            format!(
                "{} cannot follow {}",
                event.status.code(),
                tracking.status.map(|s| s.code()).unwrap_or("nothing")
            )
        };
        return Err(ApiErr::conflict(message).field(
            "status",
            "transition_not_allowed",
            "this status cannot follow the invoice's history",
        ));
    }
    // Only an optional step may be reported late, dated before the invoice's latest
    // event: any other would be checked against a status it does not follow, and
    // never become the invoice's status.
    let latest = tracking.history.iter().map(|e| e.date).max();
    if latest.is_some_and(|latest| date < latest) && !event.status.is_optional_step() {
        return Err(ApiErr::conflict(format!(
            "{} cannot be dated before the invoice's latest event; only the optional steps \
             (SERVICE_FAIT, MANDATEE, MISE_A_DISPOSITION_COMPTABLE, COMPTABILISEE) may arrive late",
            event.status.code()
        ))
        .field(
            "date",
            "event_out_of_order",
            "this status must be dated after the invoice's latest event",
        ));
    }
    let tx = conn.unchecked_transaction()?;
    db::chorus::add_event(&tx, &bill_id, event.status, date, reason)?;
    // The recipient asks something of the buyer's side: the provider writes.
    let asks = match event.status {
        ChorusStatus::Suspendue => Some((
            format!("Facture {bill_id} suspendue sur Chorus Pro : des pièces sont demandées"),
            "Votre structure a suspendu la facture {bill} sur Chorus Pro.\n\nPièces demandées : {reason}\n\n\
             Nous les ajoutons sur Chorus Pro ; la facture vous reviendra complétée, avec un nouveau \
             délai de paiement.",
        )),
        ChorusStatus::ARecycler => Some((
            format!("Facture {bill_id} à recycler sur Chorus Pro"),
            "La facture {bill} est revenue « à recycler » : ses informations d’acheminement ne \
             correspondent pas à votre structure.\n\nMotif : {reason}\n\nVérifiez le SIRET, le \
             code service et le numéro d’engagement, et corrigez-les sur la page de la facture \
             ({invoice_page}) : elle est aussitôt réacheminée, et les prochaines factures de la \
             commande suivent le nouvel acheminement.",
        )),
        _ => None,
    };
    if let Some((subject, text)) = asks {
        if let Some((account, order_id)) = db::bills::owner(&tx, &bill_id)? {
            let text = text
                .replace(
                    "{invoice_page}",
                    &mail::link(&site, &format!("/invoices/{bill_id}")),
                )
                .replace("{bill}", &bill_id)
                .replace("{reason}", reason.unwrap_or_default());
            mail::send(
                &tx,
                &account,
                &subject,
                &text,
                About {
                    order_id: Some(order_id),
                    bill_id: Some(&bill_id),
                },
            )?;
        }
    }
    tx.commit()?;
    let tracking = bills::tracking_of(&conn, &bill_id)?
        .ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    Ok(ok(&tracking))
}

/// `POST /sandbox/bills/{billId}/documents/complete`
async fn complete(State(st): State<AppState>, BillId(bill_id): BillId) -> ApiResult {
    let conn = st.db();
    bills::tracking_of(&conn, &bill_id)?;
    let tx = conn.unchecked_transaction()?;
    documents::complete(&tx, &bill_id)?;
    tx.commit()?;
    let tracking = bills::tracking_of(&conn, &bill_id)?
        .ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    Ok(ok(&tracking))
}
