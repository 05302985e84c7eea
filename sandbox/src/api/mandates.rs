//! An order's administrative mandate: its state, the pre-filled form to sign,
//! the signed copy (sent as the raw body of a `PUT`, downloaded again).

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::Router;

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{Me, OrderId};
use crate::http::{download, upload};
use crate::printed;
use crate::service::{mandates, orders};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/order/{orderId}/mandate", get(mandate))
        .route("/me/order/{orderId}/mandate/form", get(form))
        .route(
            "/me/order/{orderId}/mandate/document",
            get(document).put(upload),
        )
}

async fn mandate(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let conn = st.read()?;
    let mandate = mandates::own(&conn, &account, id)?;
    Ok(ok(&mandate))
}

/// The pre-filled form, drawn once what it prints is read and the database
/// given back.
async fn form(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let (mandate, order, lines, buyer, buyer_siret) = {
        let conn = st.read()?;
        let mandate = mandates::own(&conn, &account, id)?;
        let (order, _) = orders::own_order(&conn, &account, id)?;
        let lines = orders::order_lines(&conn, id)?;
        let buyer = db::accounts::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
        let buyer_siret = db::accounts::structure_siret(&conn, &account)?;
        (mandate, order, lines, buyer, buyer_siret)
    };
    let bytes = st
        .cpu_work(move || {
            printed::mandate_form(&printed::MandateForm {
                order: &order,
                lines: &lines,
                buyer: &buyer,
                buyer_siret: buyer_siret.as_deref(),
                mandate: &mandate,
            })
        })
        .await?
        .map_err(ApiErr::internal)?;
    Ok(download::bytes(
        bytes,
        "application/pdf",
        &format!("mandat-{id}.pdf"),
    ))
}

async fn document(Me(account): Me, State(st): State<AppState>, OrderId(id): OrderId) -> ApiResult {
    let (file, doc) = {
        let conn = st.db();
        let mandate = mandates::own(&conn, &account, id)?;
        let path = db::mandates::document_path(&conn, id)?;
        let (Some(path), Some(doc)) = (path, mandate.document) else {
            return Err(ApiErr::not_found("a signed copy of this mandate"));
        };
        // Opened under the lock: a new copy replaces (and deletes) this one only
        // under it, and an open file stays readable once deleted.
        (std::fs::File::open(path)?, doc)
    };
    let len = file.metadata()?.len();
    Ok(download::file(
        tokio::fs::File::from_std(file),
        len,
        &doc.content_type,
        &doc.name,
    ))
}

/// The signed copy, as the raw request body (what XMLHttpRequest sends); its name in
/// `?name=` or the `X-File-Name` header.
async fn upload(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let mut stream = body.into_data_stream();
    let ready = OrderId::parse(&id).and_then(|id| {
        let conn = st.db();
        let mandate = mandates::own(&conn, &account, id)?;
        if mandate.state.accepts_upload() {
            Ok(id)
        } else {
            Err(
                ApiErr::conflict("the mandate is not awaiting a signed copy").field(
                    "file",
                    "mandate_not_awaiting_document",
                    "a copy is under review or already accepted",
                ),
            )
        }
    });
    let admitted = match upload::admit(&st, &account, &mut stream, &headers, &query, ready, |id| {
        format!("mandate-{id}-")
    })
    .await
    {
        Ok(admitted) => admitted,
        Err(answer) => return answer,
    };
    let (id, stored) = (admitted.target, admitted.stored);
    let name = admitted
        .name
        .unwrap_or_else(|| format!("mandat-{id}-signe.{}", stored.kind.extension()));

    let now = db::now();
    let conn = st.db();
    // The state may have changed while the body was read.
    let current = mandates::own(&conn, &account, id)?;
    if !current.state.accepts_upload() {
        stored.discard();
        return Err(ApiErr::conflict(
            "the mandate is not awaiting a signed copy",
        ));
    }
    // The copy and its event recorded together, or not at all (a file stored but not
    // recorded is swept at the next start).
    let tx = conn.unchecked_transaction()?;
    let replaced = db::mandates::document_path(&tx, id)?;
    db::mandates::record_document(
        &tx,
        id,
        &db::mandates::Document {
            name: &name,
            size: stored.size,
            content_type: stored.kind.content_type(),
            path: &stored.path.to_string_lossy(),
            uploaded_at: now,
        },
    )?;
    db::orders::add_event(
        &tx,
        id,
        now,
        "Mandat signé reçu",
        "Le mandat est en cours de vérification.",
    )?;
    tx.commit()?;
    // The copy this one replaces goes now rather than at the next start, with any
    // copy an interrupted upload stored but never recorded.
    if let Some(old) = replaced.map(std::path::PathBuf::from) {
        if old.parent() == Some(st.files.as_path()) {
            let _ = std::fs::remove_file(old);
        }
    }
    if let Err(e) = st.sweep_orphans(&conn) {
        eprintln!("mandat sandbox: sweeping stored copies: {e}");
    }
    let mandate = mandates::own(&conn, &account, id)?;
    Ok(ok(&mandate))
}
