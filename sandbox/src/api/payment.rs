//! `POST /me/order/{orderId}/pay`: by administrative mandate (the mandate to
//! sign is created and e-mailed) or by card. Applied once per `Idempotency-Key`.

use axum::body::Body;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::post;
use axum::{Extension, Router};
use mandat_model::billing::{PayRequest, PaymentReceipt, ADMINISTRATIVE_MANDATE, CREDIT_CARD};
use mandat_model::{FieldError, OrderStatus};

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{read_json, IdempotencyKey, Me, OrderId};
use crate::http::guard::{self, Site};
use crate::http::idempotency;
use crate::service::mail::{self, About};
use crate::service::{mandates, orders::mandate_refusal, orders::own_order, routing};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/me/order/{orderId}/pay",
        post(pay).route_layer(from_fn(guard::json_body)),
    )
}

/// What makes two payment requests the same: the order, and the body as parsed and
/// written again (so that spacing and the order of keys do not count).
fn request_fingerprint(order: u64, request: &PayRequest) -> Result<String, ApiErr> {
    serde_json::to_string(&(order, request)).map_err(ApiErr::internal)
}

async fn pay(
    Me(account): Me,
    State(st): State<AppState>,
    Extension(site): Extension<Site>,
    OrderId(id): OrderId,
    key: IdempotencyKey,
    body: Body,
) -> ApiResult {
    own_order(&st.db(), &account, id)?;
    let request: PayRequest = read_json(body).await?;
    let fingerprint = request_fingerprint(id, &request)?;
    let mut conn = st.db();
    let replay = idempotency::replay(&conn, &account, key.as_deref(), &fingerprint, id);
    if let Ok(Some(replayed)) = replay {
        return Ok(replayed);
    }
    // Refused either way, a paid order is said before a reused key: it is what
    // the buyer has to know.
    let (_, status) = own_order(&conn, &account, id)?;
    if status != OrderStatus::NotPaid {
        return Err(ApiErr::conflict("this order is already paid").field(
            "orderId",
            "order_already_paid",
            "the order is no longer awaiting payment",
        ));
    }
    replay?;
    let now = db::now();
    let receipt = match request.payment_method.payment_type.as_str() {
        ADMINISTRATIVE_MANDATE => {
            if let Some(reason) = mandate_refusal(&conn, &account)? {
                return Err(ApiErr::forbidden(
                    "the administrative mandate is for accounts declared as a public administration",
                )
                .field("paymentMethod", reason, "the mandate is not available to this account"));
            }
            let (siret, routing) = routing::checked(&conn, request.chorus.unwrap_or_default())?;
            let tx = conn.transaction()?;
            db::orders::insert_payment(&tx, id, ADMINISTRATIVE_MANDATE, now)?;
            db::mandates::insert(
                &tx,
                id,
                &siret,
                &routing.code_service,
                &routing.numero_engagement,
            )?;
            db::orders::set_status(&tx, id, "documentsRequested")?;
            db::orders::add_event(
                &tx,
                id,
                now,
                "Paiement par mandat administratif",
                "Le mandat pré-rempli est à signer et à renvoyer.",
            )?;
            let mandate = mandates::load(&tx, id)?;
            let form_url = mandate
                .as_ref()
                .map(|m| mail::link(&site, &m.form_url))
                .unwrap_or_default();
            let mandate_page = mail::link(&site, &format!("/orders/{id}/mandate"));
            let sent_to = mail::send(
                &tx,
                &account,
                &format!("Commande n° {id} : votre mandat administratif à signer"),
                &format!(
                    "Bonjour,\n\nVous avez choisi de payer la commande n° {id} par mandat administratif.\n\n\
                     1. Téléchargez le formulaire de mandat pré-rempli : {form_url}\n\
                     2. Faites-le signer par votre ordonnateur, puis déposez-le sur la page du mandat \
                     de la commande ({mandate_page}).\n\
                     3. Nous le vérifions ; la facture est alors générée et déposée sur Chorus Pro \
                     pour la structure de SIRET {}.\n\n\
                     La commande attend le mandat signé.",
                    mandat_model::siret::shown(&siret)
                ),
                About {
                    order_id: Some(id),
                    bill_id: None,
                },
            )?;
            let receipt = PaymentReceipt {
                order_id: id,
                payment_type: ADMINISTRATIVE_MANDATE.into(),
                order_status: OrderStatus::DocumentsRequested,
                mandate,
                email_sent_to: Some(sent_to),
            };
            idempotency::keep(&tx, &account, key.as_deref(), id, &fingerprint, &receipt)?;
            tx.commit()?;
            receipt
        }
        CREDIT_CARD => {
            let tx = conn.transaction()?;
            db::orders::insert_payment(&tx, id, CREDIT_CARD, now)?;
            db::orders::set_status(&tx, id, "delivering")?;
            db::orders::add_event(
                &tx,
                id,
                now,
                "Paiement par carte",
                "La commande est en cours de livraison.",
            )?;
            let receipt = PaymentReceipt {
                order_id: id,
                payment_type: CREDIT_CARD.into(),
                order_status: OrderStatus::Delivering,
                mandate: None,
                email_sent_to: None,
            };
            idempotency::keep(&tx, &account, key.as_deref(), id, &fingerprint, &receipt)?;
            tx.commit()?;
            receipt
        }
        _ => {
            return Err(ApiErr::invalid(vec![FieldError {
                field: "paymentMethod".into(),
                code: "payment_type_unsupported".into(),
                message: "use ADMINISTRATIVE_MANDATE or CREDIT_CARD".into(),
            }]))
        }
    };
    Ok(ok(&receipt))
}
