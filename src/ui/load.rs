//! What a view loads: the one way pages ask for their data.
//!
//! Leptos's `LocalResource` does the same and more (suspense, hydration,
//! async reads) with some 8 KB of the bundle per kind of data; a page here
//! needs only the latest answer, asked for again on « Réessayer » or when a
//! signal it was asked with changes.

use std::future::Future;

use leptos::prelude::*;

use super::Latest;

/// Data a view loads: `None` until the first answer, then the latest answer.
/// An answer to an earlier request that arrives after a later one's is
/// dropped; a new request keeps the value shown until its answer comes.
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    asked: RwSignal<u32>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: 'static> Load<T> {
    /// Starts `request`, and again each time a signal it reads (before its
    /// first `await`) changes or [`Load::refetch`] is called. Lives as long as
    /// the component that creates it.
    pub fn new<Fut>(request: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let asked = RwSignal::new(0);
        let latest = Latest::new();
        Effect::new(move |_| {
            asked.track();
            latest.run(request(), move |answer| {
                value.try_set(Some(answer));
            });
        });
        Load { value, asked }
    }

    /// Asks again; the value shown stays until the answer.
    pub fn refetch(&self) {
        self.asked.update(|n| *n = n.wrapping_add(1));
    }

    /// Reads the value without cloning it, and subscribes to it.
    pub fn with<R>(&self, read: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(read)
    }
}

impl<T: Clone + 'static> Load<T> {
    /// The value, and subscribes to it.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
}
