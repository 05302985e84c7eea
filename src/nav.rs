//! Where the app is, and how it moves between its pages, whether it owns the
//! page (standalone: the whole address is the app's) or is mounted inside a
//! host page (embedded: the app's own state, and the browser history only
//! under the configured base path). One small router for both, with no
//! window-level click handler: clicks on links are heard on the app's root
//! element, and only links to one of the app's pages are handled in the app.
//! The host's links and history are left alone.

use leptos::prelude::*;
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
    /// `/renewals`: the services that renew automatically.
    Renewals,
    /// A path no page answers to (its path).
    Unknown(String),
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
            ["renewals"] => Some(Page::Renewals),
            _ => None,
        }
    }

    /// The page at `path_and_query`, [`Page::Unknown`] when no page answers to it.
    pub fn at(path_and_query: &str) -> Page {
        Page::parse(path_and_query).unwrap_or_else(|| {
            let path = path_and_query.split(['?', '#']).next().unwrap_or_default();
            Page::Unknown(path.to_string())
        })
    }

    /// The same page whatever its query: a new filter of the invoices is not
    /// a new page (no focus move, no scroll).
    pub fn without_query(self) -> Page {
        match self {
            Page::Invoices(_) => Page::Invoices(String::new()),
            other => other,
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
            Page::Renewals => "/renewals".into(),
            Page::Unknown(path) => path.clone(),
        }
    }
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(&s.replace('+', " "))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| s.to_string())
}

/// The app's place: its page, and the base path under which it mirrors that
/// page in the browser's address (none: the address is the host's).
#[derive(Clone, Copy)]
pub struct Nav {
    pub page: RwSignal<Page>,
    base: StoredValue<Option<String>>,
    embedded: bool,
}

/// The address's path and query.
fn address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

impl Nav {
    /// The standalone app: its page is the address's, and each move is a new
    /// entry of the history.
    pub fn standalone() -> Nav {
        Nav {
            page: RwSignal::new(Page::at(&address().unwrap_or_else(|| "/".into()))),
            base: StoredValue::new(Some(String::new())),
            embedded: false,
        }
    }

    /// Embedded: starts on `page`, or on the page the address names under `base`.
    pub fn embedded(page: Page, base: Option<String>) -> Nav {
        let base = base
            .map(|b| b.trim_end_matches('/').to_string())
            .filter(|b| !b.is_empty());
        let from_address = base
            .as_deref()
            .and_then(|b| Page::parse(strip_base(&address()?, b)?));
        Nav {
            page: RwSignal::new(from_address.unwrap_or(page)),
            base: StoredValue::new(base),
            embedded: true,
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
            if let Some(page) = address().and_then(|here| Some(Page::at(strip_base(&here, &base)?)))
            {
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

    /// The pointer-over and focus handler of the app's root: a link to one of
    /// the app's pages, pointed at or focused, has its page's part fetched,
    /// so that it is there by the time the link is followed.
    pub fn on_link_interest<E: AsRef<web_sys::Event>>(self) -> impl Fn(E) + 'static {
        move |ev: E| {
            let href = ev
                .as_ref()
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|a| a.get_attribute("href"));
            if let Some(page) = href.and_then(|h| self.page_of(&h)) {
                crate::parts::preload(&page);
            }
        }
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

/// The app's place; `None` for a component mounted on its own (tests).
pub fn nav() -> Option<Nav> {
    use_context::<Nav>()
}

/// The current page's query parameters, decoded, in their order.
pub fn use_query() -> Signal<Vec<(String, String)>> {
    let Some(nav) = nav() else {
        return Signal::derive(Vec::new);
    };
    Signal::derive(move || match nav.page.get() {
        Page::Invoices(q) => q
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect(),
        _ => Vec::new(),
    })
}

/// Goes to an app path.
pub fn use_go() -> Callback<String> {
    let nav = nav();
    Callback::new(move |path: String| {
        if let (Some(nav), Some(page)) = (nav, Page::parse(&path)) {
            nav.go(page);
        }
    })
}

/// The href of an app path, as the page should show it.
pub fn href(path: &str) -> String {
    match nav() {
        Some(nav) => nav.href(path),
        None => path.to_string(),
    }
}

/// Whether the app owns the page (its `<title>`, its address): not when embedded.
pub fn owns_page() -> bool {
    nav().is_none_or(|nav| !nav.embedded)
}
