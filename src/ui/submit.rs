//! A request the user sends with a button (a payment, a corrected routing):
//! one at a time however often the button is pressed, and sent again with the
//! same `Idempotency-Key` when it is the same request, so that the API applies
//! it once even when an answer was lost; a changed request gets a new key.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use mandat_model::ApiError;

use crate::api::new_idempotency_key;

type Sent<Resp> = Pin<Box<dyn Future<Output = Result<Resp, ApiError>>>>;
type Sender<Req, Resp> = Box<dyn Fn(Req, String) -> Sent<Resp>>;

/// The sending of one form's request, and its last answer. (Leptos's
/// `Action` does this with more machinery than one form needs.)
pub struct Submission<Req, Resp>
where
    Req: Send + Sync + 'static,
    Resp: Send + Sync + 'static,
{
    send: StoredValue<Sender<Req, Resp>, LocalStorage>,
    last: StoredValue<Option<(Req, String)>>,
    pending: RwSignal<bool>,
    answer: RwSignal<Option<Result<Resp, ApiError>>>,
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
        let send: Sender<Req, Resp> = Box::new(move |request, key| Box::pin(send(request, key)));
        Submission {
            send: StoredValue::new_local(send),
            last: StoredValue::new(None),
            pending: RwSignal::new(false),
            answer: RwSignal::new(None),
        }
    }

    /// Sends `request`; false (and nothing sent) while the last one is pending.
    pub fn submit(&self, request: Req) -> bool {
        if self.pending.get_untracked() {
            return false;
        }
        let key = match self.last.get_value() {
            Some((previous, key)) if previous == request => key,
            _ => new_idempotency_key(),
        };
        self.last.set_value(Some((request.clone(), key.clone())));
        let Some(sent) = self.send.try_with_value(|send| send(request, key)) else {
            return false;
        };
        self.pending.set(true);
        let (pending, answer) = (self.pending, self.answer);
        leptos::task::spawn_local(async move {
            let result = sent.await;
            // Gone with its form when the page was left: nothing to say.
            answer.try_set(Some(result));
            pending.try_set(false);
        });
        true
    }

    /// Sends the last request again, with its key (« Réessayer »).
    pub fn retry(&self) {
        if let Some((request, _)) = self.last.get_value() {
            self.submit(request);
        }
    }

    /// Whether a request is under way.
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pending.read_only()
    }

    /// The last answer's error, once no request is under way.
    pub fn failure(&self) -> Option<ApiError> {
        match self.answer.get() {
            Some(Err(error)) if !self.pending.get() => Some(error),
            _ => None,
        }
    }

    /// The last answer; none before the first (kept while another is pending).
    pub fn answer(&self) -> ReadSignal<Option<Result<Resp, ApiError>>> {
        self.answer.read_only()
    }
}
