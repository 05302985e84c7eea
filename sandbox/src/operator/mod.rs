//! Sandbox-only routes under `/sandbox`: signing in as a demo account, and what the
//! provider's back office and Chorus Pro would do (accept or reject a mandate,
//! append a Chorus Pro status event). Also the demo clock.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::from_fn;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use mandat_model::billing::{MandateRejection, NewChorusEvent};
use mandat_model::chorus::{
    can_append, can_transition, current_status, ChorusRouting, ChorusStatus,
};
use mandat_model::mandate::MandateState;
use mandat_model::{DemoAccount, DemoAccountKind};
use rusqlite::{params, Connection};

use crate::api::{load_mandate, order_id, read_json, tracking_of};
use crate::db::{self, ts};
use crate::error::{ok, ApiErr, ApiResult};
use crate::guard;
use crate::{session_token, AppState, SESSION_COOKIE};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login))
        .route("/logout", get(logout))
        .route("/accounts", get(accounts))
        .route("/outbox", get(crate::outbox::list))
        .route("/outbox/", get(crate::outbox::page))
        .route(
            "/reset",
            post(reset).route_layer(from_fn(guard::no_form_body)),
        )
        .route(
            "/orders/{orderId}/mandate/accept",
            post(accept).route_layer(from_fn(guard::no_form_body)),
        )
        .route(
            "/orders/{orderId}/mandate/reject",
            post(reject).route_layer(from_fn(guard::json_body)),
        )
        .route(
            "/bills/{billId}/events",
            post(add_event).route_layer(from_fn(guard::json_body)),
        )
        .route(
            "/bills/{billId}/documents/complete",
            post(crate::documents::complete_route).route_layer(from_fn(guard::no_form_body)),
        )
        .merge(crate::renewals::operator_routes())
        .fallback(|| async { ApiErr::not_found("this sandbox path") })
        .method_not_allowed_fallback(|| async { ApiErr::method_not_allowed() })
        .layer(axum::middleware::map_response(crate::api::json_errors))
}

/// Only a same-site path: one leading `/`, not `//` nor `/\` (which browsers read as
/// another host), and no control characters.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(|c| c.is_control()) =>
        {
            n
        }
        _ => "/",
    }
}

fn redirect(to: &str, cookie: Option<String>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(to) {
        h.insert(header::LOCATION, v);
    } else {
        h.insert(header::LOCATION, HeaderValue::from_static("/"));
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        h.insert(header::SET_COOKIE, cookie);
    }
    res
}

async fn login(
    State(st): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, ApiErr> {
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let account = get("account").unwrap_or("");
    let next = safe_next(get("next")).to_string();
    let mut token = [0u8; 32];
    getrandom::fill(&mut token).map_err(ApiErr::internal)?;
    let token: String = token.iter().map(|b| format!("{b:02x}")).collect();
    {
        let conn = st.db();
        if db::account(&conn, account)?.is_none() {
            let mut res = (
                StatusCode::NOT_FOUND,
                Html(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unknown demo account</title></head>\
                     <body><main><h1>Unknown demo account</h1><p>See <a href=\"/sandbox/accounts\">/sandbox/accounts</a>.</p></main></body></html>",
                ),
            )
                .into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            return Ok(res);
        }
        // Expired sessions go at each sign-in: the table holds only live ones.
        db::sweep_sessions(&conn, &st.session_cutoff())?;
        conn.execute(
            "INSERT INTO sessions (token, account_id, created) VALUES (?1, ?2, ?3)",
            params![token, account, ts(db::now())],
        )?;
    }
    // The browser forgets the cookie when the session expires.
    let max_age = st.limits.session.num_seconds();
    Ok(redirect(
        &next,
        Some(format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}"
        )),
    ))
}

async fn logout(
    State(st): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    req: axum::extract::Request,
) -> Result<Response, ApiErr> {
    let (parts, _) = req.into_parts();
    if let Some(token) = session_token(&parts) {
        st.db()
            .execute("DELETE FROM sessions WHERE token = ?1", [token])?;
    }
    let next = safe_next(
        query
            .iter()
            .find(|(k, _)| k == "next")
            .map(|(_, v)| v.as_str()),
    );
    Ok(redirect(
        next,
        Some(format!(
            "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        )),
    ))
}

async fn accounts(State(st): State<AppState>) -> ApiResult {
    let conn = st.db();
    let mut stmt =
        conn.prepare("SELECT id, name, kind FROM accounts WHERE listed = 1 ORDER BY rowid")?;
    let list: Vec<DemoAccount> = stmt
        .query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(DemoAccount {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .unwrap_or(DemoAccountKind::Commune),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ok(&list))
}

async fn reset(State(st): State<AppState>) -> ApiResult {
    st.reseed().map_err(ApiErr::internal)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn mandate_of(conn: &Connection, id: u64) -> Result<mandat_model::mandate::Mandate, ApiErr> {
    load_mandate(conn, id)?.ok_or_else(|| ApiErr::not_found("a mandate for this order"))
}

/// Accepting generates the invoice `FR5` + order id on 6 digits (order 1003 → FR5001003),
/// deposited on Chorus Pro now.
async fn accept(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = order_id(&id)?;
    let mut conn = st.db();
    let mandate = mandate_of(&conn, id)?;
    if mandate.state != MandateState::UnderReview {
        return Err(
            ApiErr::conflict("only a mandate under review can be accepted").field(
                "state",
                "mandate_not_under_review",
                "the mandate is not under review",
            ),
        );
    }
    let account = db::order_account(&conn, id)?;
    // No invoice whose amounts could not be computed.
    let ht = db::order_ht(&conn, id)?
        .filter(|ht| db::with_vat(*ht).is_some())
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("order {id}")))?;
    let bill_id = format!("FR{}", 5_000_000 + id);
    let now = db::now();
    let tx = conn.transaction()?;
    db::deposit_bill(
        &tx,
        &db::NewBill {
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
    tx.execute(
        "UPDATE mandates SET state = 'accepted', rejection_reason = NULL, bill_id = ?2 WHERE order_id = ?1",
        params![id as i64, bill_id],
    )?;
    tx.execute(
        "UPDATE orders SET status = 'delivered' WHERE id = ?1",
        [id as i64],
    )?;
    db::add_order_event(
        &tx,
        id,
        now,
        "Mandat accepté",
        &format!("La facture {bill_id} est déposée sur Chorus Pro."),
    )?;
    crate::outbox::send(
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
        crate::outbox::About {
            order_id: Some(id),
            bill_id: Some(&bill_id),
        },
    )?;
    tx.commit()?;
    Ok(ok(&mandate_of(&conn, id)?))
}

async fn reject(State(st): State<AppState>, Path(id): Path<String>, body: Body) -> ApiResult {
    let id = order_id(&id)?;
    {
        let conn = st.db();
        mandate_of(&conn, id)?;
    }
    let request: MandateRejection = read_json(body).await?;
    let reason = request.reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(
            ApiErr::bad_request("a reason of 1 to 500 characters is required").field(
                "reason",
                "reason_required",
                "say why the mandate is refused",
            ),
        );
    }
    let conn = st.db();
    let mandate = mandate_of(&conn, id)?;
    if mandate.state != MandateState::UnderReview {
        return Err(
            ApiErr::conflict("only a mandate under review can be rejected").field(
                "state",
                "mandate_not_under_review",
                "the mandate is not under review",
            ),
        );
    }
    let account = db::order_account(&conn, id)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE mandates SET state = 'rejected', rejection_reason = ?2 WHERE order_id = ?1",
        params![id as i64, reason],
    )?;
    db::add_order_event(
        &tx,
        id,
        db::now(),
        "Mandat refusé",
        "Un nouveau mandat signé est attendu.",
    )?;
    crate::outbox::send(
        &tx,
        &account,
        &format!("Commande n° {id} : mandat refusé, un nouveau mandat signé est attendu"),
        &format!(
            "Bonjour,\n\nLe mandat signé de la commande n° {id} n’a pas pu être accepté.\n\n\
             Motif : {reason}\n\nCorrigez-le puis déposez un nouveau formulaire signé sur la page \
             du mandat de la commande."
        ),
        crate::outbox::About {
            order_id: Some(id),
            bill_id: None,
        },
    )?;
    tx.commit()?;
    Ok(ok(&mandate_of(&conn, id)?))
}

async fn add_event(
    State(st): State<AppState>,
    Extension(site): Extension<guard::Site>,
    Path(bill_id): Path<String>,
    body: Body,
) -> ApiResult {
    {
        let conn = st.db();
        tracking_of(&conn, &bill_id)?;
    }
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
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if event.status.requires_reason() && reason.is_none() {
        return Err(ApiErr::bad_request("this status needs a reason").field(
            "reason",
            "reason_required",
            "a suspension, a rejection or a recycling carries a reason",
        ));
    }
    let conn = st.db();
    let tracking = tracking_of(&conn, &bill_id)?.ok_or_else(|| {
        ApiErr::conflict("this bill does not go through Chorus Pro").field(
            "billId",
            "bill_not_on_chorus",
            "the bill has no Chorus Pro tracking",
        )
    })?;
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
    let date = event
        .date
        .map(|d| d.with_timezone(&chrono::Utc))
        .unwrap_or_else(db::now);
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
    db::add_chorus_event(&tx, &bill_id, event.status, date, reason)?;
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
        if let Some((account, order_id)) = crate::outbox::bill_account(&tx, &bill_id)? {
            let text = text
                .replace(
                    "{invoice_page}",
                    &crate::outbox::link(&site, &format!("/invoices/{bill_id}")),
                )
                .replace("{bill}", &bill_id)
                .replace("{reason}", reason.unwrap_or_default());
            crate::outbox::send(
                &tx,
                &account,
                &subject,
                &text,
                crate::outbox::About {
                    order_id: Some(order_id),
                    bill_id: Some(&bill_id),
                },
            )?;
        }
    }
    tx.commit()?;
    let tracking =
        tracking_of(&conn, &bill_id)?.ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    Ok(ok(&tracking))
}

/// The step the demo clock takes after `status`, on the happy path.
pub fn clock_step(status: Option<ChorusStatus>, reports_payment: bool) -> Option<ChorusStatus> {
    use ChorusStatus::*;
    match status? {
        Deposee => Some(EnCoursAcheminement),
        EnCoursAcheminement => Some(MiseADisposition),
        MiseADisposition | Completee => Some(ServiceFait),
        ServiceFait => Some(Mandatee),
        Mandatee if reports_payment => Some(MiseEnPaiement),
        _ => None,
    }
}

/// Moves every clock-driven invoice one step forward, and completes the invoices
/// whose documents were sent since the last tick. Returns how many moved.
pub fn tick(st: &AppState) -> Result<usize, ApiErr> {
    let conn = st.db();
    let completed = crate::documents::complete_sent(&conn)?;
    let mut stmt = conn.prepare(
        "SELECT b.id, COALESCE(s.mep_not_reported, 0) FROM bills b LEFT JOIN structures s ON s.siret = b.siret
         WHERE b.clock = 1 AND b.chorus_invoice_id IS NOT NULL",
    )?;
    let bills: Vec<(String, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let mut moved = completed;
    for (bill, mep_not_reported) in bills {
        let events = db::chorus_events(&conn, &bill)?;
        let current = current_status(&events);
        if let Some(next) = clock_step(current, !mep_not_reported) {
            if can_append(&events, next) {
                db::add_chorus_event(&conn, &bill, next, db::now(), None)?;
                moved += 1;
            }
        }
    }
    Ok(moved)
}
