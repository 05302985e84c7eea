//! The app inside a host page: `mount(element, config)` from JavaScript (or
//! [`mount`] from Rust) shows one view of the app in `element` and returns a
//! [`MandatHandle`] whose `unmount()` removes it with everything it started.
//!
//! ```js
//! import init, { mount } from '/mandat-<hash>.js';
//! await init();
//! const handle = mount(document.querySelector('#billing'), {
//!   view: 'checkout', orderId: 1001, locale: 'en',
//! });
//! // later
//! handle.unmount();
//! ```

use std::cell::RefCell;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use mandat_model::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{AppConfig, Credentials};
use crate::host::{Host, SIGNED_IN};
use crate::nav::{Nav, Page};

/// One view of the app in a host page: no header, no skip link, no
/// `<main>` (the host has its own), and no window-level listener other than
/// `popstate` under the base path.
#[component]
pub fn EmbeddedApp(
    /// API base, locale, credentials, first view and base path.
    config: AppConfig,
    /// The link to the host page.
    host: Host,
) -> impl IntoView {
    let nav = Nav::embedded(config.view.clone(), config.base_path.clone());
    provide_context(nav);
    host.provide();
    let lang = config.locale.tag();
    provide_context(config);
    nav.follow_history();

    let content = NodeRef::<Div>::new();
    let on_page_change = move || {
        if let Some(el) = content.get_untracked() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    };

    view! {
        <div
            class="mandat mandat--embedded"
            lang=lang
            on:click=nav.on_click()
            on:pointerover=nav.on_link_interest()
            on:focusin=nav.on_link_interest()
        >
            <div class="mandat-main" tabindex="-1" node_ref=content>
                {crate::page_content(nav, on_page_change)}
            </div>
        </div>
    }
}

struct Mounted {
    owner: Owner,
    unmount: Box<dyn FnOnce()>,
    host: Host,
    element: web_sys::HtmlElement,
    signed_in: Closure<dyn FnMut(web_sys::Event)>,
}

/// A mounted app. `unmount()` removes it, aborts its requests, stops its
/// timers and removes its listeners; `retry()` tells it the user is signed
/// in again after a `mandat:session-expired`.
#[wasm_bindgen]
pub struct MandatHandle {
    mounted: RefCell<Option<Mounted>>,
}

#[wasm_bindgen]
impl MandatHandle {
    /// Removes the app and everything it started. Calling it again does nothing.
    pub fn unmount(&self) {
        let Some(m) = self.mounted.borrow_mut().take() else {
            return;
        };
        let _ = m
            .element
            .remove_event_listener_with_callback(SIGNED_IN, m.signed_in.as_ref().unchecked_ref());
        m.host.shut();
        (m.unmount)();
        m.owner.cleanup();
        drop(m.owner);
        let _ = m.element.remove_attribute("data-mandat-mounted");
    }

    /// The user is signed in again: the requests refused with a 401 are sent again.
    pub fn retry(&self) {
        if let Some(m) = self.mounted.borrow().as_ref() {
            m.host.signed_in();
        }
    }

    /// Whether the app is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.borrow().is_some()
    }
}

/// A handle dropped (or garbage-collected in JavaScript) without `unmount()`
/// leaves the app mounted, as a host that does not keep the handle expects.
impl Drop for MandatHandle {
    fn drop(&mut self) {
        if let Some(mounted) = self.mounted.get_mut().take() {
            std::mem::forget(mounted);
        }
    }
}

/// Mounts one view of the app inside `element` of a host page.
pub fn mount(element: web_sys::HtmlElement, config: AppConfig) -> MandatHandle {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let target: web_sys::EventTarget = element.clone().into();
    let (host, unmount) = owner.with(|| {
        let host = Host::new(target, true);
        let view = view! { <EmbeddedApp config=config host=host /> };
        let mut state = view.build();
        state.mount(&element, None);
        let unmount: Box<dyn FnOnce()> = Box::new(move || state.unmount());
        (host, unmount)
    });
    let signed_in = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| host.signed_in());
    let _ = element.add_event_listener_with_callback(SIGNED_IN, signed_in.as_ref().unchecked_ref());
    let _ = element.set_attribute("data-mandat-mounted", "");
    MandatHandle {
        mounted: RefCell::new(Some(Mounted {
            owner,
            unmount,
            host,
            element,
            signed_in,
        })),
    }
}

fn field(config: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(config, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn text(config: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    match field(config, name) {
        None => Ok(None),
        Some(v) => match v.as_string() {
            Some(s) => Ok(Some(s)),
            // A number as JavaScript writes it (`1001`): Rust's float
            // formatting would cost the bundle some 10 KB for this alone.
            None => match v.as_f64() {
                Some(n) => Ok(js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .ok()
                    .map(String::from)),
                None => Err(JsError::new(&format!(
                    "mandat: config.{name} must be a string"
                ))),
            },
        },
    }
}

/// Reads a host's configuration object (see the README).
pub fn config_from_js(config: &JsValue) -> Result<AppConfig, JsError> {
    let mut out = AppConfig::default();
    if let Some(base) = text(config, "apiBase")? {
        out.api_base = base.trim().trim_end_matches('/').to_string();
    }
    out.locale = match text(config, "locale")? {
        Some(tag) => Locale::from_tag(&tag),
        None => web_sys::window()
            .and_then(|w| w.navigator().language())
            .map(|tag| Locale::from_tag(&tag))
            .unwrap_or(Locale::Fr),
    };
    if let Some(c) = text(config, "credentials")? {
        out.credentials = Credentials::parse(&c).ok_or_else(|| {
            JsError::new("mandat: config.credentials must be same-origin, include or omit")
        })?;
    }
    out.base_path = text(config, "basePath")?;
    let order = || -> Result<u64, JsError> {
        text(config, "orderId")?
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| JsError::new("mandat: this view needs config.orderId (a number)"))
    };
    out.view = match text(config, "view")?.as_deref() {
        None | Some("orders") => Page::Home,
        Some("checkout") => Page::Checkout(order()?),
        Some("mandate") => Page::Mandate(order()?),
        Some("invoices") => Page::Invoices(String::new()),
        Some("renewals") => Page::Renewals,
        Some("invoice") => Page::Invoice(
            text(config, "billId")?
                .ok_or_else(|| JsError::new("mandat: view invoice needs config.billId"))?,
        ),
        Some(other) => {
            return Err(JsError::new(&format!(
                "mandat: unknown view {other:?} (orders, checkout, mandate, invoices, invoice, renewals)"
            )))
        }
    };
    Ok(out)
}

/// `mount(element, config)` for JavaScript.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::HtmlElement, config: JsValue) -> Result<MandatHandle, JsError> {
    let config = config_from_js(&config)?;
    Ok(mount(element, config))
}
