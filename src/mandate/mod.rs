//! `/orders/:orderId/mandate`: the mandate form to download, sign and upload.

use leptos::prelude::*;

use crate::checkout::use_order_id;
use crate::i18n::{fill, t, Key};

/// `/orders/:orderId/mandate`
#[component]
pub fn MandatePage() -> impl IntoView {
    let order_id = use_order_id();
    move || match order_id.get() {
        Some(id) => {
            let title = fill(Key::MandateTitle, &[("id", &id.to_string())]);
            crate::set_page_title(&title);
            view! {
                <h1>{title}</h1>
                <p>{t(Key::MandateComing)}</p>
            }
            .into_any()
        }
        None => view! { <crate::NotFound /> }.into_any(),
    }
}
