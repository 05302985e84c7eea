//! Sending files to the API: the upload zone the signed mandate and a suspended
//! invoice's documents share (picker, drag and drop, paste; checks by content
//! before anything is sent; progress, cancel, retry, the file kept on failure),
//! one file or several sent one after the other.

pub mod check;
pub mod progress;
mod xhr;
mod zone;

pub use check::{check_file, problem_message, vet, FileProblem};
pub use progress::{announce_step, ProgressBar};
pub use zone::{FileZone, ATTEMPTS};

use crate::i18n::Key;

/// What a zone calls the files it takes, for the words that differ between its
/// uses; the rest (checking, progress, retries) is the same everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub title: Key,
    pub constraints: Key,
    pub choose: Key,
    pub drop_hint: Key,
    pub chosen: Key,
    /// The button that sends (single) or sends the chosen files in turn (several).
    pub send: Key,
    pub retry: Key,
    pub progress: Key,
    pub err_empty: Key,
    pub err_too_large: Key,
    pub err_type: Key,
    pub failed_network: Key,
    pub failed_server: Key,
    pub server_type: Key,
    /// The API found the file damaged: its type's first bytes, not its body.
    pub server_unreadable: Key,
    pub server_empty: Key,
    pub server_conflict: Key,
    /// Several files: what is said once those sent in turn are done.
    pub batch: Option<BatchWords>,
}

/// What a zone of several files says once the files it sent in turn are done:
/// how many were received, and how many are still in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchWords {
    pub received_one: Key,
    /// With `{count}`.
    pub received_many: Key,
    pub left_one: Key,
    /// With `{count}`.
    pub left_many: Key,
}

/// The signed mandate's words.
pub const MANDATE_WORDS: Words = Words {
    title: Key::MandateUploadTitle,
    constraints: Key::MandateConstraints,
    choose: Key::MandateChooseLabel,
    drop_hint: Key::MandateDropHint,
    chosen: Key::MandateChosenTitle,
    send: Key::MandateSend,
    retry: Key::MandateRetrySend,
    progress: Key::MandateProgressLabel,
    err_empty: Key::MandateErrEmpty,
    err_too_large: Key::MandateErrTooLarge,
    err_type: Key::MandateErrType,
    failed_network: Key::MandateFailedNetwork,
    failed_server: Key::MandateFailedServer,
    server_type: Key::MandateServerType,
    server_unreadable: Key::MandateServerUnreadable,
    server_empty: Key::MandateServerEmpty,
    server_conflict: Key::MandateServerConflict,
    batch: None,
};

/// A suspended invoice's documents' words.
pub const DOCUMENTS_WORDS: Words = Words {
    title: Key::DocsUploadTitle,
    constraints: Key::DocsConstraints,
    choose: Key::DocsChooseLabel,
    drop_hint: Key::DocsDropHint,
    chosen: Key::DocsChosenTitle,
    send: Key::DocsSend,
    retry: Key::DocsRetrySend,
    progress: Key::DocsProgressLabel,
    err_empty: Key::DocsErrEmpty,
    err_too_large: Key::DocsErrTooLarge,
    err_type: Key::DocsErrType,
    failed_network: Key::DocsFailedNetwork,
    failed_server: Key::DocsFailedServer,
    server_type: Key::DocsServerType,
    server_unreadable: Key::DocsServerUnreadable,
    server_empty: Key::DocsServerEmpty,
    server_conflict: Key::DocsServerConflict,
    batch: Some(BatchWords {
        received_one: Key::DocsReceivedOne,
        received_many: Key::DocsReceivedMany,
        left_one: Key::DocsLeftOne,
        left_many: Key::DocsLeftMany,
    }),
};
