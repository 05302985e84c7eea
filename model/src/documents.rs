//! The documents a suspended invoice waits for: the buyer sends them to the
//! provider, who adds them to the invoice on Chorus Pro and completes it
//! (`COMPLETEE`). The files follow the signed mandate's rules
//! ([`crate::mandate::check_upload`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::chorus::{ChorusEvent, ChorusStatus};

/// Most documents one invoice takes: enough for any request, and a bound on
/// what one account stores.
pub const MAX_BILL_DOCUMENTS: usize = 10;

/// Where the answer to a suspension stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DocumentsState {
    /// The invoice is not suspended, and no documents were sent for it.
    NotRequested,
    /// Suspended: documents may be uploaded, then sent.
    AwaitingDocuments,
    /// Sent: the provider is adding them on Chorus Pro; nothing more is taken.
    BeingAdded,
    /// Added: the invoice was completed on Chorus Pro.
    Added,
    #[serde(other)]
    Unknown,
}

impl DocumentsState {
    /// Whether a document may be uploaded now.
    pub fn accepts_upload(self) -> bool {
        self == DocumentsState::AwaitingDocuments
    }
}

/// The state of the answer, from the invoice's Chorus Pro status and whether
/// the buyer has sent the documents. A suspension happens once per invoice
/// (R2192-27), so there is one answer at most.
pub fn documents_state(status: Option<ChorusStatus>, sent: bool) -> DocumentsState {
    match (status, sent) {
        (Some(ChorusStatus::Suspendue), false) => DocumentsState::AwaitingDocuments,
        (Some(ChorusStatus::Suspendue), true) => DocumentsState::BeingAdded,
        (_, true) => DocumentsState::Added,
        (_, false) => DocumentsState::NotRequested,
    }
}

impl DocumentsState {
    /// Where the answer stands given the invoice's `status` now: documents read
    /// as being added are added once the invoice is no longer suspended (it was
    /// completed, `COMPLETEE`), whether or not they were read again since.
    pub fn as_of(self, status: Option<ChorusStatus>) -> DocumentsState {
        match (self, status) {
            (DocumentsState::BeingAdded, Some(s))
                if s != ChorusStatus::Suspendue && s != ChorusStatus::Unknown =>
            {
                DocumentsState::Added
            }
            (state, _) => state,
        }
    }
}

/// What the recipient asked for: the reason of the invoice's latest suspension.
pub fn suspension_reason(history: &[ChorusEvent]) -> Option<&str> {
    history
        .iter()
        .filter(|e| e.status == ChorusStatus::Suspendue)
        .max_by_key(|e| e.date)
        .and_then(|e| e.reason.as_deref())
}

/// The comment of the `COMPLETEE` event: the documents added, by name.
pub fn completion_comment(names: &[String]) -> String {
    format!("Pièces ajoutées : {}", names.join(", "))
}

/// One document received for an invoice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillDocument {
    pub name: String,
    pub size: u64,
    pub content_type: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub received_at: DateTime<Utc>,
}

/// `GET /me/bill/{billId}/documents`: the answer to a suspension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillDocuments {
    pub bill_id: String,
    pub state: DocumentsState,
    /// What the recipient asked for (the suspension's reason), as plain text.
    #[serde(default)]
    pub requested: Option<String>,
    /// Received so far, oldest first.
    #[serde(default)]
    pub documents: Vec<BillDocument>,
    /// When the buyer sent them (the answer's date).
    #[serde(default, deserialize_with = "crate::wire_time::optional_instant")]
    pub sent_at: Option<DateTime<Utc>>,
    /// Where to `PUT` one document, its bytes as the body and its name as `?name=`.
    pub upload_url: String,
    /// Where to `POST` once every document is there.
    pub send_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event(status: ChorusStatus, day: u32, reason: Option<&str>) -> ChorusEvent {
        ChorusEvent {
            status,
            date: Utc.with_ymd_and_hms(2026, 5, day, 9, 0, 0).unwrap(),
            actor: status.actor(),
            reason: reason.map(String::from),
        }
    }

    #[test]
    fn the_state_follows_the_status_and_the_sending() {
        use ChorusStatus::*;
        use DocumentsState::*;
        assert_eq!(documents_state(Some(Suspendue), false), AwaitingDocuments);
        assert_eq!(documents_state(Some(Suspendue), true), BeingAdded);
        assert_eq!(documents_state(Some(Completee), true), Added);
        assert_eq!(documents_state(Some(ServiceFait), true), Added);
        assert_eq!(documents_state(Some(Completee), false), NotRequested);
        assert_eq!(documents_state(None, false), NotRequested);
        assert!(AwaitingDocuments.accepts_upload());
        for state in [NotRequested, BeingAdded, Added, DocumentsState::Unknown] {
            assert!(!state.accepts_upload(), "{state:?}");
        }
    }

    #[test]
    fn documents_being_added_are_added_once_the_invoice_is_completed() {
        use ChorusStatus::*;
        use DocumentsState::*;
        assert_eq!(BeingAdded.as_of(Some(Completee)), Added);
        assert_eq!(BeingAdded.as_of(Some(ServiceFait)), Added);
        assert_eq!(BeingAdded.as_of(Some(Suspendue)), BeingAdded);
        assert_eq!(BeingAdded.as_of(None), BeingAdded);
        assert_eq!(AwaitingDocuments.as_of(Some(Suspendue)), AwaitingDocuments);
        assert_eq!(Added.as_of(Some(Suspendue)), Added);
    }

    #[test]
    fn the_request_is_the_latest_suspension_reason() {
        let history = vec![
            event(ChorusStatus::MiseADisposition, 1, None),
            event(ChorusStatus::Suspendue, 3, Some("bon de commande")),
        ];
        assert_eq!(suspension_reason(&history), Some("bon de commande"));
        assert_eq!(suspension_reason(&history[..1]), None);
    }

    #[test]
    fn the_completion_names_the_documents() {
        let names = vec!["devis.pdf".to_string(), "bon.png".to_string()];
        assert_eq!(
            completion_comment(&names),
            "Pièces ajoutées : devis.pdf, bon.png"
        );
    }

    #[test]
    fn an_unknown_state_decodes() {
        let state: DocumentsState = serde_json::from_str("\"lost\"").unwrap();
        assert_eq!(state, DocumentsState::Unknown);
    }
}
