//! The documents a suspended invoice asks for: what was received and sent,
//! whether more are taken, and the provider completing the invoice with them.

use mandat_model::chorus::{can_append, ChorusStatus};
use mandat_model::documents::{
    completion_comment, documents_state, suspension_reason, BillDocuments, DocumentsState,
    MAX_BILL_DOCUMENTS,
};
use rusqlite::Connection;

use super::bills::tracking_of;
use crate::db;
use crate::http::error::ApiErr;

/// The answer to the bill's suspension, whoever owns the bill (checked by the caller).
pub fn of_bill(conn: &Connection, bill_id: &str) -> Result<BillDocuments, ApiErr> {
    let tracking = tracking_of(conn, bill_id)?;
    let sent_at = db::bills::documents_sent_at(conn, bill_id)?;
    let documents = db::documents::list(conn, bill_id)?;
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
pub fn refusal(documents: &BillDocuments) -> Option<ApiErr> {
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

/// The provider completes the invoice on Chorus Pro with the documents sent:
/// `COMPLETEE`, their names in its comment. 409 when none are being added.
pub fn complete(conn: &Connection, bill_id: &str) -> Result<(), ApiErr> {
    let documents = of_bill(conn, bill_id)?;
    if documents.state != DocumentsState::BeingAdded {
        return Err(
            ApiErr::conflict("no documents of this invoice are being added").field(
                "billId",
                "no_documents_sent",
                "the buyer has not sent documents for this suspended invoice",
            ),
        );
    }
    let history = db::chorus::events(conn, bill_id)?;
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
    db::chorus::add_event(
        conn,
        bill_id,
        ChorusStatus::Completee,
        db::now(),
        Some(&completion_comment(&names)),
    )?;
    Ok(())
}

/// The clock's part: completes every invoice whose documents are being added.
/// Returns how many were completed.
pub fn complete_sent(conn: &Connection) -> Result<usize, ApiErr> {
    let bills = db::bills::suspended_with_documents_sent(conn)?;
    let mut done = 0;
    for bill in bills {
        if complete(conn, &bill).is_ok() {
            done += 1;
        }
    }
    Ok(done)
}
