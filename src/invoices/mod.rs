//! `/invoices` and `/invoices/:billId`: invoices and their Chorus Pro statuses.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{fill, t, Key};

/// `/invoices`
#[component]
pub fn InvoicesPage() -> impl IntoView {
    crate::set_page_title(t(Key::InvoicesTitle));
    view! {
        <h1>{t(Key::InvoicesTitle)}</h1>
        <p>{t(Key::InvoicesComing)}</p>
    }
}

/// `/invoices/:billId`
#[component]
pub fn InvoicePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("billId").unwrap_or_default();
        let title = fill(Key::InvoiceTitle, &[("id", &id)]);
        crate::set_page_title(&title);
        view! {
            <h1>{title}</h1>
            <p>{t(Key::InvoiceComing)}</p>
        }
    }
}
