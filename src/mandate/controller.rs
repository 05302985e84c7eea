//! The mandate page's loading: the mandate, read and read again while it is
//! under review, and the order it pays for (its expiry date).

use leptos::prelude::*;
use mandat_model::mandate::{Mandate, MandateState, REVIEW_POLL_FIRST_MS};
use mandat_model::{ApiError, Order};

use crate::api::Api;
use crate::ui::{Load, Polled, Poller};

/// The mandate as read, and read again while it is under review.
#[derive(Clone, Copy)]
pub struct Loader {
    pub state: RwSignal<Option<Result<Mandate, ApiError>>>,
    pub refresh_failed: RwSignal<bool>,
    poller: Poller,
    /// The order, for its expiry date; none while unread or unreadable (the
    /// page still shows the mandate).
    pub order: Load<Result<Order, ApiError>>,
}

impl Loader {
    pub fn start(order_id: u64) -> Loader {
        let state = RwSignal::new(None);
        let refresh_failed = RwSignal::new(false);
        let api = Api::from_context();
        let poller = Poller::new(
            REVIEW_POLL_FIRST_MS,
            move || {
                let api = api.clone();
                async move { api.mandate(order_id).await }
            },
            move |result| Loader::show(state, refresh_failed, result),
        );
        poller.now();
        let api = Api::from_context();
        let order = Load::new(move || {
            let api = api.clone();
            async move { api.order(order_id).await }
        });
        Loader {
            state,
            refresh_failed,
            poller,
            order,
        }
    }

    /// Shows what a read found; whether to keep reading.
    fn show(
        state: RwSignal<Option<Result<Mandate, ApiError>>>,
        refresh_failed: RwSignal<bool>,
        result: Result<Mandate, ApiError>,
    ) -> Polled {
        let shown = state.with_untracked(|s| matches!(s, Some(Ok(_))));
        match result {
            Ok(mandate) => {
                refresh_failed.set(false);
                let under_review = mandate.state == MandateState::UnderReview;
                let changed = state.with_untracked(|s| !matches!(s, Some(Ok(m)) if *m == mandate));
                state.set(Some(Ok(mandate)));
                match (under_review, changed) {
                    (false, _) => Polled::Done,
                    (true, true) => Polled::News,
                    (true, false) => Polled::Nothing,
                }
            }
            // A hiccup while following the review: keep what is shown, say
            // so, and keep following.
            Err(error) if shown && error.is_transient() => {
                refresh_failed.set(true);
                Polled::Nothing
            }
            Err(error) => {
                state.set(Some(Err(error)));
                Polled::Done
            }
        }
    }

    /// The mandate as an upload's answer gave it: any read under way is older.
    pub fn apply(self, mandate: Mandate) {
        self.poller.stop();
        if Loader::show(self.state, self.refresh_failed, Ok(mandate)) != Polled::Done {
            self.poller.restart();
        }
    }

    /// Reads again now (the API said the mandate changed).
    pub fn fetch(self) {
        self.poller.now();
    }

    /// « Réessayer » after an error: the loading state, then a new read.
    pub fn reload(self) {
        self.state.set(None);
        self.poller.now();
        self.order.refetch();
    }

    /// The order's expiry date, once read.
    pub fn expiry(self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.order
            .get()
            .and_then(|r| r.ok())
            .map(|o| o.expiration_date)
    }
}
