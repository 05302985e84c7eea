//! A request the user sends with a button (a payment, a corrected routing):
//! one at a time however often the button is pressed, and sent again with the
//! same `Idempotency-Key` when it is the same request, so that the API applies
//! it once even when an answer was lost; a changed request gets a new key.

use std::future::Future;

use leptos::prelude::*;
use mandat_model::ApiError;

use crate::api::new_idempotency_key;

/// The sending of one form's request, and its last answer.
pub struct Submission<Req, Resp>
where
    Req: Send + Sync + 'static,
    Resp: Send + Sync + 'static,
{
    action: Action<(Req, String), Result<Resp, ApiError>>,
    last: StoredValue<Option<(Req, String)>>,
}

impl<Req, Resp> Clone for Submission<Req, Resp>
where
    Req: Send + Sync + 'static,
    Resp: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<Req, Resp> Copy for Submission<Req, Resp>
where
    Req: Send + Sync + 'static,
    Resp: Send + Sync + 'static,
{
}

impl<Req, Resp> Submission<Req, Resp>
where
    Req: Clone + PartialEq + Send + Sync + 'static,
    Resp: Clone + Send + Sync + 'static,
{
    /// `send(request, key)` sends the request with its `Idempotency-Key`.
    pub fn new<Send, Fut>(send: Send) -> Self
    where
        Send: Fn(Req, String) -> Fut + 'static,
        Fut: Future<Output = Result<Resp, ApiError>> + 'static,
    {
        Submission {
            action: Action::new_local(move |(request, key): &(Req, String)| {
                send(request.clone(), key.clone())
            }),
            last: StoredValue::new(None),
        }
    }

    /// Sends `request`; false (and nothing sent) while the last one is pending.
    pub fn submit(&self, request: Req) -> bool {
        if self.action.pending().get_untracked() {
            return false;
        }
        let key = match self.last.get_value() {
            Some((previous, key)) if previous == request => key,
            _ => new_idempotency_key(),
        };
        self.last.set_value(Some((request.clone(), key.clone())));
        self.action.dispatch_local((request, key));
        true
    }

    /// Sends the last request again, with its key (« Réessayer »).
    pub fn retry(&self) {
        if let Some((request, _)) = self.last.get_value() {
            self.submit(request);
        }
    }

    /// Whether a request is under way.
    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }

    /// The last answer's error, once no request is under way.
    pub fn failure(&self) -> Option<ApiError> {
        match self.action.value().get() {
            Some(Err(error)) if !self.action.pending().get() => Some(error),
            _ => None,
        }
    }

    /// The last answer; none before the first (kept while another is pending).
    pub fn answer(&self) -> MappedSignal<Option<Result<Resp, ApiError>>> {
        self.action.value()
    }
}
