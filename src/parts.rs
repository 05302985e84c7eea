//! The views other than the payment step, each in its own part of the bundle.
//!
//! Built with the `split` feature (the release build, `scripts/split.sh`),
//! each function below is a split point: its view's code leaves the first
//! part and is fetched the first time the view is shown, or earlier when the
//! browser is idle or a link to it is pointed at or focused ([`preload`]).
//! Without the feature (component tests, `cargo check`) they are plain calls.
//!
//! A part that does not arrive (network error, 503, files replaced by a new
//! deploy) is asked for again twice, then said, with « Réessayer »: the page
//! around it stays as it was.

use std::sync::OnceLock;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::{t, Key};
use crate::nav::Page;
use crate::ui::{Alert, AlertKind, Load, Loading, RetryButton};

/// A part of the bundle that could not be fetched or compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

impl From<SplitLoaderError> for PartMissing {
    fn from(_: SplitLoaderError) -> Self {
        PartMissing
    }
}

/// What a part gives once loaded: the function that draws its view.
type Draw<A> = fn(A) -> AnyView;

/// A view's part: drawn at once when its code is there, loaded first when not.
pub struct Part<A: 'static> {
    /// Without `split`, the view is in the one module: drawn at once.
    built_in: Option<Draw<A>>,
    /// Set once the part has arrived, so that later showings draw at once.
    loaded: &'static OnceLock<Draw<A>>,
    /// Fetches and compiles the part (and what it shares with others).
    load: fn() -> LocalBoxFuture<'static, Result<Draw<A>, PartMissing>>,
}

impl<A> Part<A> {
    fn ready(&self) -> Option<Draw<A>> {
        self.built_in.or_else(|| self.loaded.get().copied())
    }

    async fn fetch(&self) -> Result<Draw<A>, PartMissing> {
        let draw = (self.load)().await?;
        let _ = self.loaded.set(draw);
        Ok(draw)
    }
}

/// Declares a view's part `$name`, whose code is the split point `$split`
/// (fetched ahead by `$preload`).
macro_rules! view_part {
    ($(#[$doc:meta])* $name:ident, $split:ident, $preload:ident, $arg:ty, $draw:expr) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $split,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($preload)
            )
        )]
        fn $split() -> Result<Draw<$arg>, PartMissing> {
            Ok($draw)
        }

        $(#[$doc])*
        pub static $name: Part<$arg> = Part {
            #[cfg(feature = "split")]
            built_in: None,
            #[cfg(not(feature = "split"))]
            built_in: Some($draw),
            loaded: {
                static LOADED: OnceLock<Draw<$arg>> = OnceLock::new();
                &LOADED
            },
            load: || {
                Box::pin(async {
                    #[cfg(feature = "split")]
                    return $split().await;
                    #[cfg(not(feature = "split"))]
                    return $split();
                })
            },
        };
    };
}

view_part!(
    /// `/`: the orders and the to-do list.
    ORDERS, orders_part, preload_orders, (),
    |()| view! { <crate::home::HomePage /> }.into_any()
);
view_part!(
    /// An order's mandate: the form and its upload.
    MANDATE, mandate_part, preload_mandate, u64,
    |order_id| view! { <crate::mandate::MandateView order_id=order_id /> }.into_any()
);
view_part!(
    /// The invoice list.
    INVOICES, invoices_part, preload_invoices, (),
    |()| view! { <crate::invoices::InvoicesPage /> }.into_any()
);
view_part!(
    /// One invoice.
    INVOICE, invoice_part, preload_invoice, String,
    |bill_id| view! { <crate::invoices::InvoicePage bill_id=bill_id /> }.into_any()
);
view_part!(
    /// The renewals.
    RENEWALS, renewals_part, preload_renewals, (),
    |()| view! { <crate::renewals::RenewalsPage /> }.into_any()
);

/// Fetches the part of `page` ahead of its showing; nothing when it is in the
/// first part, already there, or built without `split`. A failure is left to
/// the showing, which asks again and says so.
pub fn preload(page: &Page) {
    #[cfg(feature = "split")]
    {
        let fetch: LocalBoxFuture<'static, Result<(), SplitLoaderError>> = match page {
            Page::Home => Box::pin(preload_orders()),
            Page::Mandate(_) => Box::pin(preload_mandate()),
            Page::Invoices(_) => Box::pin(preload_invoices()),
            Page::Invoice(_) => Box::pin(preload_invoice()),
            Page::Renewals => Box::pin(preload_renewals()),
            Page::Checkout(_) | Page::Unknown(_) => return,
        };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = fetch.await;
        });
    }
    #[cfg(not(feature = "split"))]
    let _ = page;
}

/// Fetches the parts of `pages` once the first view is complete (no loading
/// line left: its code and its data are in) and the browser is idle: after
/// the payment step's own bytes, never ahead of them.
pub fn preload_when_idle(pages: Vec<Page>) {
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async move {
        // At most a minute of looking: a view still loading by then is stuck,
        // and its parts are better fetched than waited for.
        for _ in 0..240 {
            idle().await;
            if view_complete() {
                break;
            }
            crate::api::pause(250).await;
        }
        for page in &pages {
            preload(page);
        }
    });
    #[cfg(not(feature = "split"))]
    let _ = pages;
}

/// The app shows a view, and nothing in it is still loading.
#[cfg(feature = "split")]
fn view_complete() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let shown = document
        .query_selector(".mandat-main > *")
        .ok()
        .flatten()
        .is_some();
    let loading = document
        .query_selector(".mandat .mandat-loading")
        .ok()
        .flatten()
        .is_some();
    shown && !loading
}

/// Resolves when the browser is idle (a moment later where it cannot say).
#[cfg(feature = "split")]
async fn idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if window.request_idle_callback(&resolve).is_err() {
            // Safari has no requestIdleCallback.
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Pauses between the attempts at a part that did not arrive.
const RETRY_PAUSES_MS: [u64; 2] = [500, 2_000];

/// The view of `part`, drawn with `arg`: at once when its code is there;
/// otherwise the loading line, then the view, or the error with « Réessayer ».
pub fn lazy_view<A>(part: &'static Part<A>, arg: A) -> AnyView
where
    A: Clone + Send + Sync + 'static,
{
    if let Some(draw) = part.ready() {
        return draw(arg);
    }
    let attempt = RwSignal::new(0u32);
    let fetched = Load::new(move || {
        attempt.track();
        async move {
            let mut pauses = RETRY_PAUSES_MS.iter();
            loop {
                match part.fetch().await {
                    Ok(draw) => return Ok(draw),
                    Err(missing) => match pauses.next() {
                        Some(ms) => crate::api::pause(*ms).await,
                        None => return Err(missing),
                    },
                }
            }
        }
    });
    let retry = Callback::new(move |()| attempt.update(|a| *a += 1));
    (move || match fetched.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(draw)) => {
            let arg = arg.clone();
            untrack(move || draw(arg))
        }
        Some(Err(PartMissing)) => view! { <PartFailed on_retry=retry /> }.into_any(),
    })
    .into_any()
}

/// A part that did not arrive: what happened, and « Réessayer ».
#[component]
fn PartFailed(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <Alert kind=AlertKind::Error title=t(Key::PartMissingTitle) testid="part-missing">
            <p class="mandat-alert__body">{t(Key::PartMissingBody)}</p>
            <RetryButton on_retry=on_retry />
        </Alert>
    }
}
