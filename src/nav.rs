//! Where the app is, whether it owns the page (standalone: leptos_router's
//! `<Router>`) or is mounted inside a host page (embedded: the app's own
//! state, and the browser history only under the configured base path).
//!
//! Embedded, no window-level click handler is installed: clicks on links are
//! heard on the app's root element, and only links to one of the app's
//! pages are handled in the app. The host's links and history are left alone.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// One of the app's pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: the account's orders.
    Home,
    /// `/orders/{id}/checkout`
    Checkout(u64),
    /// `/orders/{id}/mandate`
    Mandate(u64),
    /// `/invoices?…`, with its query string (without `?`).
    Invoices(String),
    /// `/invoices/{billId}`
    Invoice(String),
}

impl Page {
    /// The page at `path_and_query` (an app path: `/orders/1001/checkout`).
    pub fn parse(path_and_query: &str) -> Option<Page> {
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p, q),
            None => (path_and_query, ""),
        };
        let path = path.split('#').next().unwrap_or(path);
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] => Some(Page::Home),
            ["orders", id, "checkout"] => id.parse().ok().map(Page::Checkout),
            ["orders", id, "mandate"] => id.parse().ok().map(Page::Mandate),
            ["invoices"] => Some(Page::Invoices(query.to_string())),
            ["invoices", id] if !id.is_empty() => Some(Page::Invoice(decode(id))),
            _ => None,
        }
    }

    /// The page's app path.
    pub fn path(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Checkout(id) => format!("/orders/{id}/checkout"),
            Page::Mandate(id) => format!("/orders/{id}/mandate"),
            Page::Invoices(q) if q.is_empty() => "/invoices".into(),
            Page::Invoices(q) => format!("/invoices?{q}"),
            Page::Invoice(id) => format!("/invoices/{}", js_sys::encode_uri_component(id)),
        }
    }
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(&s.replace('+', " "))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| s.to_string())
}

/// The embedded app's place: its page, and the base path under which it
/// mirrors that page in the browser's address (none: the address is the host's).
#[derive(Clone, Copy)]
pub struct Embedded {
    pub page: RwSignal<Page>,
    base: StoredValue<Option<String>>,
}

impl Embedded {
    /// Starts on `page`, or on the page the address names under `base`.
    pub fn new(page: Page, base: Option<String>) -> Embedded {
        let base = base
            .map(|b| b.trim_end_matches('/').to_string())
            .filter(|b| !b.is_empty());
        let from_address = base.as_deref().and_then(|b| {
            let location = web_sys::window()?.location();
            let here = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
            Page::parse(strip_base(&here, b)?)
        });
        Embedded {
            page: RwSignal::new(from_address.unwrap_or(page)),
            base: StoredValue::new(base),
        }
    }

    /// Goes to `page`; under a base path, as a new entry of the history.
    pub fn go(self, page: Page) {
        if let Some(base) = self.base.get_value() {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let url = format!("{base}{}", page.path());
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
        self.page.set(page);
    }

    /// The href of an app path: under the base path when there is one.
    pub fn href(self, path: &str) -> String {
        match self.base.get_value() {
            Some(base) => format!("{base}{path}"),
            None => path.to_string(),
        }
    }

    /// The page an href leads to, when it is one of the app's.
    pub fn page_of(self, href: &str) -> Option<Page> {
        let base = self.base.get_value();
        let path = match &base {
            Some(b) => strip_base(href, b).or_else(|| href.starts_with('/').then_some(href))?,
            None => href,
        };
        if !path.starts_with('/') || path.starts_with("//") {
            return None;
        }
        Page::parse(path)
    }

    /// Follows back and forward in the history while under the base path;
    /// the listener goes with the app.
    pub fn follow_history(self) {
        let Some(base) = self.base.get_value() else {
            return;
        };
        let handle = window_event_listener_untyped("popstate", move |_| {
            let Some(location) = web_sys::window().map(|w| w.location()) else {
                return;
            };
            let here = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if let Some(page) = strip_base(&here, &base).and_then(Page::parse) {
                self.page.set(page);
            }
        });
        let handle = StoredValue::new_local(Some(handle));
        on_cleanup(move || {
            if let Some(h) = handle.try_update_value(|h| h.take()).flatten() {
                h.remove();
            }
        });
    }

    /// The click handler of the app's root: a plain click on a link to one of
    /// the app's pages changes the page in place.
    pub fn on_click(self) -> impl Fn(web_sys::MouseEvent) + 'static {
        move |ev: web_sys::MouseEvent| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.meta_key()
                || ev.ctrl_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            let Some(anchor) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            if anchor.has_attribute("download")
                || anchor
                    .get_attribute("target")
                    .is_some_and(|t| !t.is_empty() && t != "_self")
            {
                return;
            }
            let href = anchor.get_attribute("href").unwrap_or_default();
            if let Some(page) = self.page_of(&href) {
                ev.prevent_default();
                self.go(page);
            }
        }
    }
}

fn strip_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') || rest.starts_with('?') {
        Some(rest)
    } else {
        None
    }
}

/// The embedded app's place, when the app is embedded.
pub fn embedded() -> Option<Embedded> {
    use_context::<Embedded>()
}

/// A parameter of the current page (`orderId`, `billId`).
pub fn use_param(name: &'static str) -> Signal<Option<String>> {
    match embedded() {
        Some(e) => Signal::derive(move || match (name, e.page.get()) {
            ("orderId", Page::Checkout(id) | Page::Mandate(id)) => Some(id.to_string()),
            ("billId", Page::Invoice(id)) => Some(id),
            _ => None,
        }),
        None => {
            let params = use_params_map();
            Signal::derive(move || params.read().get(name))
        }
    }
}

/// The current page's query parameters.
pub fn use_query() -> Signal<ParamsMap> {
    match embedded() {
        Some(e) => Signal::derive(move || match e.page.get() {
            Page::Invoices(q) => q
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (decode(k), decode(v))
                })
                .collect(),
            _ => ParamsMap::new(),
        }),
        None => use_query_map().into(),
    }
}

/// Goes to an app path, keeping the scroll position.
pub fn use_go() -> Callback<String> {
    match embedded() {
        Some(e) => Callback::new(move |path: String| {
            if let Some(page) = Page::parse(&path) {
                e.go(page);
            }
        }),
        None => {
            let navigate = use_navigate();
            Callback::new(move |path: String| {
                navigate(
                    &path,
                    NavigateOptions {
                        scroll: false,
                        ..Default::default()
                    },
                )
            })
        }
    }
}

/// The href of an app path, as the page should show it.
pub fn href(path: &str) -> String {
    match embedded() {
        Some(e) => e.href(path),
        None => path.to_string(),
    }
}

/// Sets the document's `<title>`, only when the app owns the page.
pub fn owns_page() -> bool {
    embedded().is_none()
}
