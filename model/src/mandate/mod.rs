//! The administrative mandate: its state after payment, and the rules of the signed
//! copy's upload (types checked by content, size limit, file name).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod upload;
pub use upload::*;

/// First delay between two reads of a mandate under review, in milliseconds
/// (see [`crate::timeline::poll_delay_from_ms`]): the buyer who has just sent
/// the copy may wait for the review's answer.
pub const REVIEW_POLL_FIRST_MS: u32 = 3_000;

/// Where the mandate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MandateState {
    /// Paid by mandate; the signed form has not been sent yet.
    AwaitingDocument,
    /// A signed copy was sent; the provider checks it.
    UnderReview,
    /// Checked; the invoice is generated and deposited on Chorus Pro.
    Accepted,
    /// Refused with a reason; a new copy may be sent.
    Rejected,
    #[serde(other)]
    Unknown,
}

impl MandateState {
    /// The API's code of the state (`underReview`), as the JSON carries it.
    pub fn code(self) -> &'static str {
        match self {
            MandateState::AwaitingDocument => "awaitingDocument",
            MandateState::UnderReview => "underReview",
            MandateState::Accepted => "accepted",
            MandateState::Rejected => "rejected",
            MandateState::Unknown => "unknown",
        }
    }

    /// Whether a (new) signed copy may be uploaded now.
    pub fn accepts_upload(self) -> bool {
        matches!(
            self,
            MandateState::AwaitingDocument | MandateState::Rejected
        )
    }
}

/// The signed copy last sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MandateDocument {
    pub name: String,
    pub size: u64,
    pub content_type: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub uploaded_at: DateTime<Utc>,
}

/// `GET /me/order/{orderId}/mandate`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mandate {
    pub order_id: u64,
    pub state: MandateState,
    /// The structure the invoice goes to.
    pub siret: String,
    pub structure_name: String,
    #[serde(default)]
    pub code_service: String,
    #[serde(default)]
    pub numero_engagement: String,
    /// The pre-filled form to print, sign and send back (a PDF).
    pub form_url: String,
    /// Where to `PUT` the signed copy, its bytes as the body.
    pub upload_url: String,
    #[serde(default)]
    pub document: Option<MandateDocument>,
    /// Why the last copy was refused, when `state` is `rejected`.
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// The invoice generated once the mandate is accepted.
    #[serde(default)]
    pub bill_id: Option<String>,
}

/// The steps of paying by mandate, in order: the method chosen at checkout,
/// the form signed, its signed copy sent, its review by the provider, the
/// invoice issued on Chorus Pro.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum JourneyStep {
    Choose,
    Sign,
    Upload,
    Review,
    Invoice,
}

impl JourneyStep {
    /// Every step, in order.
    pub const ALL: [JourneyStep; 5] = [
        JourneyStep::Choose,
        JourneyStep::Sign,
        JourneyStep::Upload,
        JourneyStep::Review,
        JourneyStep::Invoice,
    ];

    /// Its place from 0.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where a mandate's journey stands: awaiting its signed copy, the person has
/// it to sign (or, while a copy is being sent, to upload); a refused copy
/// sends them back to signing a new one. Once accepted, the invoice is the
/// step in progress: it goes on on Chorus Pro.
pub fn journey_step(state: MandateState, sending: bool) -> JourneyStep {
    match state {
        MandateState::AwaitingDocument | MandateState::Rejected if sending => JourneyStep::Upload,
        MandateState::AwaitingDocument | MandateState::Rejected | MandateState::Unknown => {
            JourneyStep::Sign
        }
        MandateState::UnderReview => JourneyStep::Review,
        MandateState::Accepted => JourneyStep::Invoice,
    }
}

/// Whether the order's expiry still bounds the journey: until the mandate is
/// accepted, an order that expires is no longer payable.
pub fn expiry_applies(state: MandateState) -> bool {
    state != MandateState::Accepted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_code_is_what_the_api_sends() {
        for state in [
            MandateState::AwaitingDocument,
            MandateState::UnderReview,
            MandateState::Accepted,
            MandateState::Rejected,
            MandateState::Unknown,
        ] {
            let json = serde_json::to_value(state).unwrap();
            assert_eq!(json.as_str(), Some(state.code()));
            let back: MandateState = serde_json::from_value(json).unwrap();
            assert_eq!(back, state);
        }
    }

    #[test]
    fn a_new_copy_is_allowed_only_when_waiting_or_rejected() {
        assert!(MandateState::AwaitingDocument.accepts_upload());
        assert!(MandateState::Rejected.accepts_upload());
        assert!(!MandateState::UnderReview.accepts_upload());
        assert!(!MandateState::Accepted.accepts_upload());
        assert_eq!(
            serde_json::from_str::<MandateState>("\"underReview\"").unwrap(),
            MandateState::UnderReview
        );
        assert_eq!(
            serde_json::from_str::<MandateState>("\"archived\"").unwrap(),
            MandateState::Unknown
        );
    }

    #[test]
    fn the_journey_step_follows_the_mandate_and_the_upload() {
        use JourneyStep::*;
        use MandateState::*;
        for (state, sending, step, expiry) in [
            (AwaitingDocument, false, Sign, true),
            (AwaitingDocument, true, Upload, true),
            (Rejected, false, Sign, true),
            (Rejected, true, Upload, true),
            (UnderReview, false, Review, true),
            (Accepted, false, Invoice, false),
            (Unknown, false, Sign, true),
        ] {
            assert_eq!(
                journey_step(state, sending),
                step,
                "{state:?} sending={sending}"
            );
            assert_eq!(expiry_applies(state), expiry, "{state:?}");
        }
        assert_eq!(Invoice.index(), 4);
        assert_eq!(JourneyStep::ALL.map(JourneyStep::index), [0, 1, 2, 3, 4]);
    }
}
