//! mandat: pay a cloud order as a French public administration, by *mandat
//! administratif* through Chorus Pro.
//!
//! The app is a Leptos client-side app. `main.rs` mounts [`App`] on a
//! standalone page; a host page calls [`mount`] (from JavaScript: `mount`,
//! see [`embed`]) with its own [`AppConfig`], and shows one view of the app.

use leptos::prelude::*;

pub mod api;
pub mod checkout;
pub mod config;
pub mod embed;
pub mod home;
pub mod host;
pub mod i18n;
pub mod invoices;
pub mod mandate;
pub mod nav;
pub mod order_labels;
pub mod parts;
pub mod renewals;
pub mod routing;
pub mod ui;
pub mod upload;

pub use config::{AppConfig, Credentials};
pub use embed::{mount, MandatHandle};
pub use nav::Page;

use i18n::{t, Key};

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

    // Standalone, the app owns the page: once it is idle, the parts of the
    // pages a person goes to next are fetched ahead (embedded, a host that
    // shows one view gets that view's code only).
    parts::preload_when_idle(vec![
        nav::Page::Mandate(0),
        nav::Page::Home,
        nav::Page::Invoices(String::new()),
    ]);

    view! {
        <div
            class="mandat"
            lang=lang
            on:click=nav.on_click()
            on:pointerover=nav.on_link_interest()
            on:focusin=nav.on_link_interest()
        >
            <a class="mandat-skip" href="#contenu" on:click=ui::focus_target("contenu")>
                {t(Key::SkipToContent)}
            </a>
            <header class="mandat-header">
                <p class="mandat-brand">
                    <a href="/">{t(Key::AppName)}</a>
                </p>
                <nav class="mandat-nav" aria-label=t(Key::MainNav)>
                    <ul>
                        <li>
                            <a href="/" aria-current=move || nav_current(nav, Section::Orders)>
                                {t(Key::NavOrders)}
                            </a>
                        </li>
                        <li>
                            <a href="/invoices" aria-current=move || nav_current(nav, Section::Invoices)>
                                {t(Key::NavInvoices)}
                            </a>
                        </li>
                        <li>
                            <a href="/renewals" aria-current=move || nav_current(nav, Section::Renewals)>
                                {t(Key::NavRenewals)}
                            </a>
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

/// A part of the app the navigation leads to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Orders,
    Invoices,
    Renewals,
}

/// The navigation link's `aria-current`: `page` on the page it leads to,
/// `true` on a page inside its part (an order's checkout, an invoice), none
/// elsewhere.
fn nav_current(nav: nav::Nav, section: Section) -> Option<&'static str> {
    let (of, exact) = match nav.page.get() {
        Page::Home => (Section::Orders, true),
        Page::Checkout(_) | Page::Mandate(_) => (Section::Orders, false),
        Page::Invoices(_) => (Section::Invoices, true),
        Page::Invoice(_) => (Section::Invoices, false),
        Page::Renewals => (Section::Renewals, true),
        Page::Unknown(_) => return None,
    };
    (of == section).then_some(if exact { "page" } else { "true" })
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
        // The payment step is in the first part; every other view in its own.
        Page::Checkout(id) => view! { <checkout::Checkout order_id=id /> }.into_any(),
        Page::Home => parts::lazy_view(&parts::ORDERS, ()),
        Page::Mandate(id) => parts::lazy_view(&parts::MANDATE, id),
        Page::Invoices(_) => parts::lazy_view(&parts::INVOICES, ()),
        Page::Invoice(id) => parts::lazy_view(&parts::INVOICE, id),
        Page::Renewals => parts::lazy_view(&parts::RENEWALS, ()),
        Page::Unknown(_) => view! { <NotFound /> }.into_any(),
    }
}

/// A path no page answers to.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title(t(Key::NotFoundTitle));
    view! {
        <ui::PageHeader title=t(Key::NotFoundTitle) lead=t(Key::NotFoundBody) />
        <p>
            <ui::ButtonLink href="/" emphasis=ui::Emphasis::Secondary>
                {t(Key::BackToOrders)}
            </ui::ButtonLink>
        </p>
    }
}
