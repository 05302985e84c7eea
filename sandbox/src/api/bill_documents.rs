//! The documents a suspended invoice asks for: the buyer uploads them one by
//! one (`PUT`, stored as the signed mandate is, see [`crate::store`]), then
//! sends them (`POST .../send`); from then on the provider adds them on
//! Chorus Pro and nothing more is taken, until the operator (or the clock)
//! completes the invoice (`COMPLETEE`, the documents named in its comment).

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use mandat_model::chorus::{can_append, ChorusStatus};
use mandat_model::documents::{
    completion_comment, documents_state, suspension_reason, BillDocument, BillDocuments,
    DocumentsState, MAX_BILL_DOCUMENTS,
};
use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{own_bill, tracking_of};
use crate::db::{self, ts};
use crate::error::{ok, ApiErr, ApiResult};
use crate::{store, AppState, Me};

/// The answer to the bill's suspension, whoever owns the bill (checked by the caller).
pub fn documents_of(conn: &Connection, bill_id: &str) -> Result<BillDocuments, ApiErr> {
    let tracking = tracking_of(conn, bill_id)?;
    let sent_at: Option<String> = conn
        .query_row(
            "SELECT documents_sent_at FROM bills WHERE id = ?1",
            [bill_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let mut stmt = conn.prepare_cached(
        "SELECT name, size, content_type, received_at FROM bill_documents
         WHERE bill_id = ?1 ORDER BY id",
    )?;
    let documents = stmt
        .query_map([bill_id], |r| {
            Ok(BillDocument {
                name: r.get(0)?,
                size: r.get::<_, i64>(1)? as u64,
                content_type: r.get(2)?,
                received_at: db::parse_ts(&r.get::<_, String>(3)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let status = tracking.as_ref().and_then(|t| t.status);
    let requested = tracking
        .as_ref()
        .and_then(|t| suspension_reason(&t.history))
        .map(String::from);
    Ok(BillDocuments {
        bill_id: bill_id.to_string(),
        state: documents_state(status, sent_at.is_some()),
        requested,
        documents,
        sent_at: sent_at.as_deref().map(db::parse_ts),
        upload_url: format!("/api/me/bill/{bill_id}/documents"),
        send_url: format!("/api/me/bill/{bill_id}/documents/send"),
    })
}

/// Why nothing can be added to the answer now, if so.
fn refusal(documents: &BillDocuments) -> Option<ApiErr> {
    match documents.state {
        DocumentsState::AwaitingDocuments if documents.documents.len() >= MAX_BILL_DOCUMENTS => {
            Some(
                ApiErr::conflict(format!(
                    "an invoice takes at most {MAX_BILL_DOCUMENTS} documents"
                ))
                .field(
                    "file",
                    "too_many_documents",
                    "this invoice has all the documents it can take",
                ),
            )
        }
        DocumentsState::AwaitingDocuments => None,
        DocumentsState::BeingAdded => Some(
            ApiErr::conflict(
                "the documents were sent and are being added on Chorus Pro; \
                 nothing more is taken until the invoice is completed",
            )
            .field(
                "file",
                "documents_being_added",
                "the documents already sent are being added on Chorus Pro",
            ),
        ),
        _ => Some(
            ApiErr::conflict("the invoice is not suspended: no document is asked for").field(
                "file",
                "bill_not_suspended",
                "only a suspended invoice takes documents",
            ),
        ),
    }
}

/// `GET /me/bill/{billId}/documents`
pub async fn list(
    Me(account): Me,
    State(st): State<AppState>,
    Path(bill_id): Path<String>,
) -> ApiResult {
    let conn = st.db();
    own_bill(&conn, &account, &bill_id)?;
    Ok(ok(&documents_of(&conn, &bill_id)?))
}

/// `PUT /me/bill/{billId}/documents?name=N`: one document as the raw body.
pub async fn upload(
    Me(account): Me,
    State(st): State<AppState>,
    Path(bill_id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    // Uploads at once are capped; one more is turned away before a byte of it is read.
    let Some(_slot) = store::upload_slot(&st) else {
        return Ok(store::too_many_uploads(&st));
    };
    let mut stream = body.into_data_stream();
    let ready = {
        let conn = st.db();
        own_bill(&conn, &account, &bill_id)
            .and_then(|_| documents_of(&conn, &bill_id))
            .and_then(|d| refusal(&d).map_or(Ok(d), Err))
    };
    let before = match ready {
        Ok(documents) => documents,
        Err(e) => return Err(store::refuse(&mut stream, e).await),
    };
    let name = match store::upload_name(&query, &headers) {
        Ok(name) => name,
        Err(e) => return Err(store::refuse(&mut stream, e).await),
    };
    let stored = store::receive(&st, &mut stream, &format!("document-{bill_id}-")).await?;
    let name = name.unwrap_or_else(|| {
        format!(
            "piece-{}.{}",
            before.documents.len() + 1,
            stored.kind.extension()
        )
    });

    let conn = st.db();
    // The invoice may have moved on, or the documents been sent, while the body was read.
    if let Some(e) = refusal(&documents_of(&conn, &bill_id)?) {
        stored.discard();
        return Err(e);
    }
    conn.execute(
        "INSERT INTO bill_documents (bill_id, name, size, content_type, path, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            bill_id,
            name,
            stored.size as i64,
            stored.kind.content_type(),
            stored.path.to_string_lossy(),
            ts(db::now())
        ],
    )?;
    drop(stored);
    Ok(ok(&documents_of(&conn, &bill_id)?))
}

/// `POST /me/bill/{billId}/documents/send`: the documents received are the answer;
/// the provider adds them on Chorus Pro.
pub async fn send(
    Me(account): Me,
    State(st): State<AppState>,
    Path(bill_id): Path<String>,
) -> ApiResult {
    let conn = st.db();
    own_bill(&conn, &account, &bill_id)?;
    let documents = documents_of(&conn, &bill_id)?;
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
        return Err(refusal(&documents)
            .unwrap_or_else(|| ApiErr::conflict("the documents cannot be sent now")));
    }
    conn.execute(
        "UPDATE bills SET documents_sent_at = ?2 WHERE id = ?1",
        params![bill_id, ts(db::now())],
    )?;
    Ok(ok(&documents_of(&conn, &bill_id)?))
}

/// The provider completes the invoice on Chorus Pro with the documents sent:
/// `COMPLETEE`, their names in its comment. 409 when none are being added.
pub fn complete(conn: &Connection, bill_id: &str) -> Result<(), ApiErr> {
    let documents = documents_of(conn, bill_id)?;
    if documents.state != DocumentsState::BeingAdded {
        return Err(
            ApiErr::conflict("no documents of this invoice are being added").field(
                "billId",
                "no_documents_sent",
                "the buyer has not sent documents for this suspended invoice",
            ),
        );
    }
    let history = db::chorus_events(conn, bill_id)?;
    if !can_append(&history, ChorusStatus::Completee) {
        return Err(
            ApiErr::conflict("COMPLETEE cannot follow the invoice's history").field(
                "status",
                "transition_not_allowed",
                "this status cannot follow the invoice's history",
            ),
        );
    }
    let names: Vec<String> = documents.documents.into_iter().map(|d| d.name).collect();
    db::add_chorus_event(
        conn,
        bill_id,
        ChorusStatus::Completee,
        db::now(),
        Some(&completion_comment(&names)),
    )?;
    Ok(())
}

/// `POST /sandbox/bills/{billId}/documents/complete`
pub async fn complete_route(State(st): State<AppState>, Path(bill_id): Path<String>) -> ApiResult {
    let conn = st.db();
    tracking_of(&conn, &bill_id)?;
    let tx = conn.unchecked_transaction()?;
    complete(&tx, &bill_id)?;
    tx.commit()?;
    let tracking =
        tracking_of(&conn, &bill_id)?.ok_or_else(|| ApiErr::internal("tracking vanished"))?;
    Ok(ok(&tracking))
}

/// The clock's part: completes every invoice whose documents are being added.
/// Returns how many were completed.
pub fn complete_sent(conn: &Connection) -> Result<usize, ApiErr> {
    let mut stmt = conn.prepare(
        "SELECT id FROM bills WHERE documents_sent_at IS NOT NULL AND chorus_status = ?1",
    )?;
    let bills: Vec<String> = stmt
        .query_map([ChorusStatus::Suspendue.code()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let mut done = 0;
    for bill in bills {
        if complete(conn, &bill).is_ok() {
            done += 1;
        }
    }
    Ok(done)
}
