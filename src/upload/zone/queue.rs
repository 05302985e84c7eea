//! Several files: the ready ones are sent one after the other.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::controller::{focus_later, Zone};
use super::item::Phase;

impl<T: DeserializeOwned + Send + Sync + 'static> Zone<T> {
    /// Sends every ready file, one after the other.
    pub fn send_all(self) {
        self.queue.set_value(true);
        self.next();
    }

    /// Starts the next ready file of the queue, if the queue is on and nothing
    /// is being sent.
    pub fn next(self) {
        if !self.queue.try_get_value().unwrap_or(false) || self.busy() {
            return;
        }
        let next = self
            .all()
            .into_iter()
            .find(|i| i.phase.get_untracked() == Phase::Idle && i.ready());
        match next {
            Some(item) => {
                self.send(item, 1);
                focus_later(self.item_id(item, "cancel"));
            }
            None => self.queue.set_value(false),
        }
    }
}
