//! "The latest answer wins": a page that may ask the same thing again before
//! the first answer arrives (a SIRET typed anew, a poll, a reload) takes a
//! [`Ticket`] per request and applies an answer only while its ticket is the
//! latest one and the page is still shown.

use leptos::prelude::*;

/// The count of requests of one kind started by a page.
#[derive(Clone, Copy, Debug)]
pub struct Latest(StoredValue<u64>);

impl Latest {
    /// Lives as long as the component that creates it.
    pub fn new() -> Latest {
        Latest(StoredValue::new(0))
    }

    /// A ticket for a new request; every earlier ticket is outdated.
    pub fn begin(&self) -> Ticket {
        self.0.update_value(|n| *n += 1);
        Ticket {
            latest: self.0,
            number: self.0.get_value(),
        }
    }

    /// Starts `request` as the latest of its kind; hands its answer to `apply`
    /// only if no other was started since and the component is still there.
    pub fn run<T: 'static>(
        &self,
        request: impl std::future::Future<Output = T> + 'static,
        apply: impl FnOnce(T) + 'static,
    ) {
        let ticket = self.begin();
        leptos::task::spawn_local(async move {
            let answer = request.await;
            if ticket.is_current() {
                apply(answer);
            }
        });
    }

    /// Outdates every ticket given so far: their answers will be ignored.
    pub fn forget(&self) {
        self.0.update_value(|n| *n += 1);
    }
}

impl Default for Latest {
    fn default() -> Self {
        Latest::new()
    }
}

/// One request's place in line.
#[derive(Clone, Copy, Debug)]
pub struct Ticket {
    latest: StoredValue<u64>,
    number: u64,
}

impl Ticket {
    /// Whether no request was started since this one and the component that
    /// started it is still there.
    pub fn is_current(&self) -> bool {
        self.latest.try_get_value() == Some(self.number)
    }
}
