//! Services that renew automatically: `GET /api/me/renewal`, and the routing of
//! a renewal's next invoice (`POST /api/me/renewal/{renewalId}/routing`).

use axum::body::Body;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::{get, post};
use axum::Router;
use mandat_model::chorus::ChorusRouting;
use mandat_model::renewal::engagement_year_after_update;

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{read_json, IdempotencyKey, Me, RenewalId};
use crate::http::{guard, idempotency};
use crate::service::{renewals, routing};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/me/renewal", get(list)).route(
        "/me/renewal/{renewalId}/routing",
        post(set_routing).route_layer(from_fn(guard::json_body)),
    )
}

/// `GET /me/renewal`: soonest first. An account without a structure gets its
/// renewals without routing (none for the demo company): a 200 all the same.
async fn list(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.read()?;
    let renewals = db::renewals::of_account(&conn, &account)?
        .iter()
        .map(|r| renewals::view(&conn, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ok(&renewals))
}

/// `POST /me/renewal/{renewalId}/routing`: checked as a payment's routing is,
/// applied once per `Idempotency-Key`.
async fn set_routing(
    Me(account): Me,
    State(st): State<AppState>,
    RenewalId(id): RenewalId,
    key: IdempotencyKey,
    body: Body,
) -> ApiResult {
    renewals::own_on_chorus(&st.db(), &account, id)?;
    let request: ChorusRouting = read_json(body).await?;
    // Never equal to a payment's (an order id and its body): one key, one request.
    let fingerprint =
        serde_json::to_string(&("renewal", id, &request)).map_err(ApiErr::internal)?;
    let conn = st.db();
    // Renewals are no order's: 0 where a payment names its order.
    if let Some(replayed) = idempotency::replay(&conn, &account, key.as_deref(), &fingerprint, 0)? {
        return Ok(replayed);
    }
    let current = renewals::own_on_chorus(&conn, &account, id)?;
    let (siret, routing) = routing::checked(&conn, request)?;
    let routing = ChorusRouting { siret, ..routing };
    let previous = current.routing.clone().unwrap_or_default();
    let year = engagement_year_after_update(
        &previous.numero_engagement,
        current.engagement_year,
        &routing.numero_engagement,
        current.next,
    );
    let tx = conn.unchecked_transaction()?;
    db::renewals::set_routing(&tx, id, &routing, year)?;
    let saved = renewals::own(&tx, &account, id)?;
    let renewal = renewals::view(&tx, &saved)?;
    // The payments' table of keys: a key names one request, whatever it was.
    idempotency::keep(&tx, &account, key.as_deref(), 0, &fingerprint, &renewal)?;
    tx.commit()?;
    Ok(ok(&renewal))
}
