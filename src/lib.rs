//! mandat: pay a cloud order as a French public administration, by *mandat
//! administratif* through Chorus Pro.
//!
//! The app is a Leptos client-side app. `main.rs` mounts [`App`] on a
//! standalone page; a host page calls [`mount`] (from JavaScript: `mount`,
//! see [`embed`]) with its own [`AppConfig`], and shows one view of the app.

use leptos::prelude::*;
use mandat_model::Locale;

pub mod api;
pub mod checkout;
pub mod embed;
pub mod home;
pub mod host;
pub mod i18n;
pub mod invoices;
pub mod mandate;
pub mod nav;
pub mod renewals;
pub mod routing;
pub mod ui;

pub use embed::{mount, MandatHandle};
pub use nav::Page;

use i18n::{t, Key};

/// What the app needs from the page that hosts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppConfig {
    /// Base URL of the billing API, without a trailing slash (`/api`).
    pub api_base: String,
    /// Language of every text the app shows.
    pub locale: Locale,
    /// Whether the API's cookies are sent to another origin.
    pub credentials: Credentials,
    /// Embedded: the page shown first.
    pub view: Page,
    /// Embedded: the path under which the app's pages show in the browser's
    /// address (`/panel/billing` → `/panel/billing/invoices`); none: the app
    /// changes pages in place and leaves the address alone.
    pub base_path: Option<String>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            api_base: "/api".into(),
            locale: Locale::Fr,
            credentials: Credentials::SameOrigin,
            view: Page::Home,
            base_path: None,
        }
    }
}

/// When the browser sends the API's cookies, as `fetch`'s `credentials`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Only to the page's own origin (the default).
    #[default]
    SameOrigin,
    /// Also to an API on another origin (which must allow it with CORS).
    Include,
    /// Never.
    Omit,
}

impl Credentials {
    /// `same-origin`, `include` or `omit`.
    pub fn parse(s: &str) -> Option<Credentials> {
        match s {
            "same-origin" => Some(Credentials::SameOrigin),
            "include" => Some(Credentials::Include),
            "omit" => Some(Credentials::Omit),
            _ => None,
        }
    }

    /// The mode for `fetch`.
    pub fn mode(self) -> web_sys::RequestCredentials {
        match self {
            Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
            Credentials::Include => web_sys::RequestCredentials::Include,
            Credentials::Omit => web_sys::RequestCredentials::Omit,
        }
    }
}

impl AppConfig {
    /// Reads the standalone page's configuration: the API base from
    /// `<meta name="mandat-api-base">`, the locale from the browser (French
    /// unless the browser asks for English).
    pub fn from_document() -> AppConfig {
        let mut config = AppConfig::default();
        let Some(window) = web_sys::window() else {
            return config;
        };
        if let Some(base) = window
            .document()
            .and_then(|d| {
                d.query_selector("meta[name=\"mandat-api-base\"]")
                    .ok()
                    .flatten()
            })
            .and_then(|meta| meta.get_attribute("content"))
            .map(|s| s.trim().trim_end_matches('/').to_string())
        {
            config.api_base = base;
        }
        if let Some(tag) = window.navigator().language() {
            config.locale = Locale::from_tag(&tag);
        }
        config
    }
}

/// The configuration provided by [`App`]; the default one outside of it
/// (components mounted on their own, as in tests).
pub fn use_config() -> AppConfig {
    use_context::<AppConfig>().unwrap_or_default()
}

/// Sets the document's `<title>` for the current page, when the app owns the
/// page (not embedded).
pub fn set_page_title(page: &str) {
    if !nav::owns_page() {
        return;
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page} – {}", t(Key::AppName)));
    }
}

/// The whole app: skip link, header, and one page per route.
#[component]
pub fn App(
    /// API base URL and locale.
    config: AppConfig,
) -> impl IntoView {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", config.locale.tag());
    }
    let lang = config.locale.tag();
    provide_context(config);
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        host::Host::new(body.into(), false).provide();
    }

    let nav = nav::Nav::standalone();
    provide_context(nav);
    nav.follow_history();
    // As after a page load: the new page from its top, and screen-reader and
    // keyboard users start on its content.
    let on_page_change = || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        ui::focus_by_id("contenu");
    };

    view! {
        <div class="mandat" lang=lang on:click=nav.on_click()>
            <a class="mandat-skip" href="#contenu" on:click=ui::focus_target("contenu")>
                {t(Key::SkipToContent)}
            </a>
            <header class="mandat-header">
                <p class="mandat-brand">
                    <a href="/">{t(Key::AppName)}</a>
                </p>
                <nav aria-label=t(Key::MainNav)>
                    <ul>
                        <li>
                            <a href="/">{t(Key::NavOrders)}</a>
                        </li>
                        <li>
                            <a href="/invoices">{t(Key::NavInvoices)}</a>
                        </li>
                        <li>
                            <a href="/renewals">{t(Key::NavRenewals)}</a>
                        </li>
                    </ul>
                </nav>
            </header>
            <main id="contenu" tabindex="-1" class="mandat-main">
                {page_content(nav, on_page_change)}
            </main>
        </div>
    }
}

/// The current page of the app, standalone or embedded. `on_page_change`
/// runs after each move to another page (not on the first one, nor when only
/// the invoices' query changes).
pub fn page_content(nav: nav::Nav, on_page_change: impl Fn() + 'static) -> impl IntoView {
    let page = Memo::new(move |_| nav.page.get().without_query());
    Effect::new(move |previous: Option<Page>| {
        let now = page.get();
        if previous.is_some_and(|p| p != now) {
            on_page_change();
        }
        now
    });
    move || match page.get() {
        Page::Home => view! { <home::HomePage /> }.into_any(),
        Page::Checkout(id) => view! { <checkout::Checkout order_id=id /> }.into_any(),
        Page::Mandate(id) => view! { <mandate::MandateView order_id=id /> }.into_any(),
        Page::Invoices(_) => view! { <invoices::InvoicesPage /> }.into_any(),
        Page::Invoice(id) => view! { <invoices::InvoicePage bill_id=id /> }.into_any(),
        Page::Renewals => view! { <renewals::RenewalsPage /> }.into_any(),
        Page::Unknown(_) => view! { <NotFound /> }.into_any(),
    }
}

/// A path no page answers to.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title(t(Key::NotFoundTitle));
    view! {
        <h1>{t(Key::NotFoundTitle)}</h1>
        <p>{t(Key::NotFoundBody)}</p>
        <p>
            <a href=nav::href("/")>{t(Key::BackToOrders)}</a>
        </p>
    }
}
