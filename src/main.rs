//! Standalone entry: on the app's own page (the one carrying
//! `<meta name="mandat-api-base">`), read its configuration and mount the app
//! on `<body>`. On a host page, loading the module mounts nothing: the host
//! calls `mount(element, config)`.

use leptos::prelude::*;
use mandat::{App, AppConfig};

fn main() {
    let standalone = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=\"mandat-api-base\"]")
                .ok()
                .flatten()
        })
        .is_some();
    if standalone {
        let config = AppConfig::from_document();
        leptos::mount::mount_to_body(move || view! { <App config=config /> });
    }
}
