//! Reading a page's subject again while it may change, the same way on every
//! page: after a delay that grows while nothing changes
//! (`mandat_model::timeline::poll_delay_from_ms`), never while the tab is
//! hidden (at once when it shows again), never after the page is gone, and
//! only the latest answer applied.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use futures::future::LocalBoxFuture;
use futures::FutureExt;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Latest;

/// What a refresh found, which decides the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polled {
    /// Something changed: the next refresh comes soon again.
    News,
    /// Nothing new, or the read failed: the next one comes later.
    Nothing,
    /// The subject can no longer change (or the page shows an error): stop.
    Done,
}

type Refresh = Rc<dyn Fn() -> LocalBoxFuture<'static, Option<Polled>>>;

struct PollState {
    /// Refreshes in a row that found nothing new: the backoff.
    quiet: u32,
    timer: Option<TimeoutHandle>,
    /// A refresh was due while the tab was hidden.
    paused: bool,
    first_ms: u32,
}

/// The refreshes of one page. Copy: hand it to callbacks.
#[derive(Clone, Copy)]
pub struct Poller {
    state: StoredValue<RefCell<PollState>, LocalStorage>,
    refresh: StoredValue<Refresh, LocalStorage>,
    reads: Latest,
}

fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

impl Poller {
    /// A poller that reads with `read` and hands the answer to `apply`, which
    /// says what it found. Applies only the latest read's answer, and none
    /// once the component that created it is gone. Nothing is read until
    /// [`Poller::schedule`] or [`Poller::now`].
    pub fn new<T, Read, Fut, Apply>(first_ms: u32, read: Read, apply: Apply) -> Poller
    where
        T: 'static,
        Read: Fn() -> Fut + 'static,
        Fut: Future<Output = T> + 'static,
        Apply: Fn(T) -> Polled + 'static,
    {
        let reads = Latest::new();
        let apply = Rc::new(apply);
        let refresh: Refresh = Rc::new(move || {
            let ticket = reads.begin();
            let answer = read();
            let apply = apply.clone();
            async move {
                let answer = answer.await;
                ticket.is_current().then(|| apply(answer))
            }
            .boxed_local()
        });
        let poller = Poller {
            state: StoredValue::new_local(RefCell::new(PollState {
                quiet: 0,
                timer: None,
                paused: false,
                first_ms,
            })),
            refresh: StoredValue::new_local(refresh),
            reads,
        };
        let listener = window_event_listener_untyped("visibilitychange", move |_| {
            poller.resume();
        });
        on_cleanup(move || {
            listener.remove();
            poller.stop();
        });
        poller
    }

    fn with_state<R>(&self, f: impl FnOnce(&mut PollState) -> R) -> Option<R> {
        self.state.try_with_value(|cell| f(&mut cell.borrow_mut()))
    }

    fn clear_timer(&self) {
        if let Some(Some(timer)) = self.with_state(|st| st.timer.take()) {
            timer.clear();
        }
    }

    /// Stops: no refresh is due, the answer of one under way is ignored.
    pub fn stop(&self) {
        self.clear_timer();
        self.reads.forget();
    }

    /// The next refresh, after the delay the quiet refreshes so far call for.
    pub fn schedule(&self) {
        self.clear_timer();
        let Some(delay) =
            self.with_state(|st| mandat_model::timeline::poll_delay_from_ms(st.first_ms, st.quiet))
        else {
            return; // the page is gone
        };
        let me = *self;
        let timer =
            set_timeout_with_handle(move || me.tick(), Duration::from_millis(u64::from(delay)))
                .ok();
        self.with_state(|st| st.timer = timer);
    }

    /// A refresh now, as after news (the user acted: what follows may come soon).
    pub fn now(&self) {
        self.clear_timer();
        self.with_state(|st| {
            st.quiet = 0;
            st.paused = false;
        });
        self.read();
    }

    /// Starts counting again from the first delay, as after news.
    pub fn restart(&self) {
        self.with_state(|st| st.quiet = 0);
        self.schedule();
    }

    fn resume(&self) {
        if tab_hidden() {
            return;
        }
        if self.with_state(|st| std::mem::take(&mut st.paused)) == Some(true) {
            self.now();
        }
    }

    fn tick(&self) {
        self.with_state(|st| st.timer = None);
        if tab_hidden() {
            self.with_state(|st| st.paused = true);
            return;
        }
        self.read();
    }

    fn read(&self) {
        let Some(refresh) = self.refresh.try_get_value() else {
            return;
        };
        let me = *self;
        spawn_local(async move {
            let Some(found) = refresh().await else {
                return; // a later read, or the page is gone
            };
            match found {
                Polled::News => me.restart(),
                Polled::Nothing => {
                    me.with_state(|st| st.quiet = st.quiet.saturating_add(1));
                    me.schedule();
                }
                Polled::Done => {}
            }
        });
    }
}
