//! Several files: the ready ones are sent one after the other, and once the
//! last is done the outcome is said and focus goes on from the zone.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::controller::{focus_first, focus_later, zid, Zone};
use super::item::Phase;
use crate::i18n::fill_in;

impl<T: DeserializeOwned + Send + Sync + 'static> Zone<T> {
    /// Sends every ready file, one after the other.
    pub fn send_all(self) {
        self.begin_batch();
        self.queue.set_value(true);
        self.next(false);
    }

    /// Several files: from now on, files received are counted until the last
    /// one sent is done (a file sent again on its own counts too).
    pub fn begin_batch(self) {
        if self.multiple && self.batch.get_value().is_none() {
            self.batch.set_value(Some(0));
        }
    }

    /// Starts the next ready file of the queue, if the queue is on and nothing
    /// is being sent; else the files sent are done. `finished`: a file's
    /// sending has just ended (not been cancelled), and its buttons with it.
    pub fn next(self, finished: bool) {
        if self.busy() {
            return;
        }
        if self.queue.try_get_value().unwrap_or(false) {
            let next = self
                .all()
                .into_iter()
                .find(|i| i.phase.get_untracked() == Phase::Idle && i.ready());
            if let Some(item) = next {
                self.send(item, 1);
                focus_later(self.item_id(item, "cancel"));
                return;
            }
            self.queue.set_value(false);
        }
        self.end_batch(finished);
    }

    /// Says how many files were received and how many are left, in the zone's
    /// live region; after a file's end, focus leaves its vanished buttons for
    /// the first file to send again, else what comes next, else the picker.
    fn end_batch(self, finished: bool) {
        let Some(received) = self.batch.try_update_value(Option::take).flatten() else {
            return;
        };
        let Some(words) = self.words.batch else {
            return;
        };
        let items = self.all();
        // A file refused by its check was said when it was refused.
        let left = items.iter().filter(|i| !i.refused()).count();
        let count = |n: usize, one, many| match n {
            0 => None,
            1 => Some(fill_in(self.locale, one, &[])),
            n => Some(fill_in(self.locale, many, &[("count", &n.to_string())])),
        };
        let said: Vec<String> = [
            count(received as usize, words.received_one, words.received_many),
            count(left, words.left_one, words.left_many),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !said.is_empty() {
            self.announced.set(said.join(" "));
        }
        if !finished {
            return;
        }
        let again = items
            .iter()
            .find(|i| i.ready() && i.phase.get_untracked() != Phase::Idle)
            .map(|i| self.item_id(*i, "retry"));
        let next_step = self.next_step.filter(|_| left == 0).map(str::to_string);
        let ids = again
            .into_iter()
            .chain(next_step)
            .chain([zid(self.prefix, "file")])
            .collect();
        focus_first(ids);
    }
}
