//! What ties one mounted app to the page that hosts it: the events it sends to
//! the host, the wait for the host to sign the user in again after a 401, and
//! the requests to abort when the app is unmounted.
//!
//! Every event is a bubbling, composed `CustomEvent` dispatched on the element
//! the app is mounted in (`<body>` for the standalone page), named
//! `mandat:<what>`, with a JSON-shaped `detail` (see the README).

use std::cell::RefCell;

use futures::channel::oneshot;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A payment method was chosen in the checkout: [`MethodChosen`].
pub const PAYMENT_METHOD_CHOSEN: &str = "mandat:payment-method-chosen";
/// The order was paid: [`OrderPaid`].
pub const ORDER_PAID: &str = "mandat:order-paid";
/// A signed mandate was uploaded: [`MandateUploaded`].
pub const MANDATE_UPLOADED: &str = "mandat:mandate-uploaded";
/// The mandate's review state changed: [`MandateStateChanged`].
pub const MANDATE_STATE_CHANGED: &str = "mandat:mandate-state-changed";
/// A suspended invoice's documents were sent: [`DocumentsSent`].
pub const DOCUMENTS_SENT: &str = "mandat:documents-sent";
/// The routing of an invoice à recycler was corrected: [`RoutingCorrected`].
pub const ROUTING_CORRECTED: &str = "mandat:routing-corrected";
/// The API answered 401: [`SessionExpired`]. Once the user is signed in again,
/// the host calls `handle.retry()` (or dispatches [`SIGNED_IN`] on the
/// element) and the app sends the request again.
pub const SESSION_EXPIRED: &str = "mandat:session-expired";
/// What the host dispatches on the mount element once the user is signed in again.
pub const SIGNED_IN: &str = "mandat:signed-in";
/// A link the host should follow itself: [`NavigateRequest`]. Cancelable:
/// when the host calls `preventDefault()`, the app does not follow the link.
pub const NAVIGATE: &str = "mandat:navigate";

/// `detail` of [`PAYMENT_METHOD_CHOSEN`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodChosen {
    pub order_id: u64,
    /// `administrativeMandate`, `bankAccount`…
    pub payment_type: String,
}

/// `detail` of [`ORDER_PAID`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPaid {
    pub order_id: u64,
    pub payment_type: String,
    /// The order's status after payment (`documentsRequested` for the mandate).
    pub order_status: String,
}

/// `detail` of [`MANDATE_UPLOADED`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MandateUploaded {
    pub order_id: u64,
    /// The mandate's state after the upload (`underReview`).
    pub state: String,
}

/// `detail` of [`MANDATE_STATE_CHANGED`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MandateStateChanged {
    pub order_id: u64,
    pub previous_state: String,
    pub state: String,
}

/// `detail` of [`DOCUMENTS_SENT`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentsSent {
    pub bill_id: String,
    /// The names of the documents sent, in the order they were received.
    pub documents: Vec<String>,
    /// When the provider received them (RFC 3339).
    pub received_at: String,
    /// The answer's state after the sending (`beingAdded`).
    pub state: String,
}

/// `detail` of [`ROUTING_CORRECTED`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingCorrected {
    pub bill_id: String,
    /// The order whose next invoices now go with this routing.
    pub order_id: u64,
    /// 14 digits.
    pub siret: String,
    /// Empty when none was given.
    pub code_service: String,
    pub numero_engagement: String,
    /// The invoice's Chorus Pro status after the correction (`EN_COURS_ACHEMINEMENT`).
    pub status: String,
}

/// `detail` of [`SESSION_EXPIRED`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionExpired {
    /// Always 401.
    pub status: u16,
    /// The request that was refused (`GET /api/me/order/1001`).
    pub method: String,
    pub url: String,
    /// Whether the app waits for `retry()` to send it again (embedded), or
    /// shows the error with a "Try again" button (standalone).
    pub will_retry: bool,
}

/// `detail` of [`NAVIGATE`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NavigateRequest {
    /// What the link is for: `legal-form-settings`, `sales-contact`, `chorus-pro`.
    pub target: String,
    /// Where the link goes when the host lets it.
    pub href: String,
}

struct Inner {
    target: web_sys::EventTarget,
    abort: Option<web_sys::AbortController>,
    /// Requests refused with a 401, waiting for the host to sign in again.
    waiting: RefCell<Vec<oneshot::Sender<()>>>,
    embedded: bool,
}

/// The link to the host, shared by every component of one mounted app. A
/// copy outlives nothing: once the app is unmounted, it does nothing.
#[derive(Clone, Copy)]
pub struct Host(StoredValue<Inner, LocalStorage>);

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Host")
    }
}

impl PartialEq for Host {
    fn eq(&self, _: &Host) -> bool {
        true
    }
}

impl Host {
    /// A link whose events are dispatched on `target`. `embedded`: a 401 waits
    /// for the host instead of being shown as an error.
    pub fn new(target: web_sys::EventTarget, embedded: bool) -> Host {
        Host(StoredValue::new_local(Inner {
            target,
            abort: web_sys::AbortController::new().ok(),
            waiting: RefCell::new(Vec::new()),
            embedded,
        }))
    }

    /// Provides this link to the components below.
    pub fn provide(self) {
        provide_context(self);
    }

    /// Sends `name` with `detail` to the host; returns `false` when the host
    /// cancelled it (`preventDefault()`).
    pub fn emit(self, name: &str, detail: &impl Serialize, cancelable: bool) -> bool {
        let Some(target) = self.0.try_with_value(|i| i.target.clone()) else {
            return true;
        };
        dispatch(&target, name, detail, cancelable)
    }

    /// The signal that aborts every request of this app when it is unmounted.
    pub fn abort_signal(self) -> Option<web_sys::AbortSignal> {
        self.0
            .try_with_value(|i| i.abort.as_ref().map(|a| a.signal()))
            .flatten()
    }

    /// Aborts every pending request and stops waiting for the host.
    pub fn shut(self) {
        self.0.try_with_value(|i| {
            if let Some(abort) = &i.abort {
                abort.abort();
            }
            i.waiting.borrow_mut().clear();
        });
    }

    /// The user is signed in again: every request refused with a 401 is sent again.
    pub fn signed_in(self) {
        let waiting = self
            .0
            .try_with_value(|i| std::mem::take(&mut *i.waiting.borrow_mut()))
            .unwrap_or_default();
        for sender in waiting {
            let _ = sender.send(());
        }
    }

    /// A request was refused with a 401: tells the host, and when embedded
    /// waits until it says the user is signed in again. `true`: send the
    /// request again.
    pub async fn session_expired(self, method: &str, url: &str) -> bool {
        let Some((embedded, first, receiver)) = self.0.try_with_value(|i| {
            if !i.embedded {
                return (false, true, None);
            }
            let (sender, receiver) = oneshot::channel();
            let mut waiting = i.waiting.borrow_mut();
            let first = waiting.is_empty();
            waiting.push(sender);
            (true, first, Some(receiver))
        }) else {
            return false;
        };
        // One event per expiry, however many requests it refused.
        if first {
            self.emit(
                SESSION_EXPIRED,
                &SessionExpired {
                    status: 401,
                    method: method.into(),
                    url: url.into(),
                    will_retry: embedded,
                },
                false,
            );
        }
        match receiver {
            Some(receiver) => receiver.await.is_ok(),
            None => false,
        }
    }
}

/// The link of the app being rendered; outside of a mounted app (component
/// tests), one that dispatches on `<body>` and never waits.
pub fn use_host() -> Host {
    use_context::<Host>().unwrap_or_else(|| {
        let target: web_sys::EventTarget = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(|b| b.unchecked_into())
            .unwrap_or_else(|| web_sys::EventTarget::new().expect("EventTarget"));
        Host::new(target, false)
    })
}

/// Dispatches a bubbling, composed `CustomEvent` `name` on `target`.
pub fn dispatch(
    target: &web_sys::EventTarget,
    name: &str,
    detail: &impl Serialize,
    cancelable: bool,
) -> bool {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail);
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => target.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// A click handler for a link leaving the app (settings, sales contact): asks
/// the host first, and follows the link only when the host did not cancel.
pub fn leave_link(
    target: &'static str,
    href: &'static str,
) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    let host = use_host();
    move |ev: web_sys::MouseEvent| {
        let followed = host.emit(
            NAVIGATE,
            &NavigateRequest {
                target: target.into(),
                href: href.into(),
            },
            true,
        );
        if !followed {
            ev.prevent_default();
        }
    }
}
