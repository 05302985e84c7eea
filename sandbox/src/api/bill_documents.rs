//! The documents a suspended invoice asks for: the buyer uploads them one by
//! one (`PUT`, stored as the signed mandate is, see [`crate::http::upload`]),
//! then sends them (`POST .../send`); from then on the provider adds them on
//! Chorus Pro and nothing more is taken, until the operator (or the clock)
//! completes the invoice (`COMPLETEE`, the documents named in its comment).

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::middleware::from_fn;
use axum::routing::{get, post};
use axum::Router;
use mandat_model::documents::DocumentsState;

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{BillId, Me};
use crate::http::{guard, upload};
use crate::service::{bills, documents};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/bill/{billId}/documents", get(list).put(upload))
        .route(
            "/me/bill/{billId}/documents/send",
            post(send).route_layer(from_fn(guard::no_form_body)),
        )
}

/// `GET /me/bill/{billId}/documents`
async fn list(Me(account): Me, State(st): State<AppState>, BillId(bill_id): BillId) -> ApiResult {
    let conn = st.read()?;
    bills::own(&conn, &account, &bill_id)?;
    Ok(ok(&documents::of_bill(&conn, &bill_id)?))
}

/// `PUT /me/bill/{billId}/documents?name=N`: one document as the raw body.
async fn upload(
    Me(account): Me,
    State(st): State<AppState>,
    BillId(bill_id): BillId,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let mut stream = body.into_data_stream();
    let ready = {
        let conn = st.db();
        bills::own(&conn, &account, &bill_id)
            .and_then(|_| documents::of_bill(&conn, &bill_id))
            .and_then(|d| documents::refusal(&d).map_or(Ok(d), Err))
    };
    let admitted = match upload::admit(&st, &account, &mut stream, &headers, &query, ready, |_| {
        format!("document-{bill_id}-")
    })
    .await
    {
        Ok(admitted) => admitted,
        Err(answer) => return answer,
    };
    let (before, stored) = (admitted.target, admitted.stored);
    let name = admitted.name.unwrap_or_else(|| {
        format!(
            "piece-{}.{}",
            before.documents.len() + 1,
            stored.kind.extension()
        )
    });

    let conn = st.db();
    // The invoice may have moved on, or the documents been sent, while the body was read.
    if let Some(e) = documents::refusal(&documents::of_bill(&conn, &bill_id)?) {
        stored.discard();
        return Err(e);
    }
    db::documents::insert(
        &conn,
        &bill_id,
        &name,
        stored.size,
        stored.kind.content_type(),
        &stored.path.to_string_lossy(),
        db::now(),
    )?;
    drop(stored);
    Ok(ok(&documents::of_bill(&conn, &bill_id)?))
}

/// `POST /me/bill/{billId}/documents/send`: the documents received are the answer;
/// the provider adds them on Chorus Pro.
async fn send(Me(account): Me, State(st): State<AppState>, BillId(bill_id): BillId) -> ApiResult {
    let conn = st.db();
    bills::own(&conn, &account, &bill_id)?;
    let documents = documents::of_bill(&conn, &bill_id)?;
    if documents.state == DocumentsState::AwaitingDocuments && documents.documents.is_empty() {
        return Err(
            ApiErr::conflict("no document was received for this invoice yet").field(
                "file",
                "no_documents",
                "upload the documents asked for before sending them",
            ),
        );
    }
    if documents.state != DocumentsState::AwaitingDocuments {
        return Err(documents::refusal(&documents)
            .unwrap_or_else(|| ApiErr::conflict("the documents cannot be sent now")));
    }
    db::bills::set_documents_sent(&conn, &bill_id, db::now())?;
    Ok(ok(&documents::of_bill(&conn, &bill_id)?))
}
