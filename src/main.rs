//! Standalone entry: read the page's configuration and mount the app on `<body>`.

use leptos::prelude::*;
use mandat::{App, AppConfig};

fn main() {
    let config = AppConfig::from_document();
    leptos::mount::mount_to_body(move || view! { <App config=config /> });
}
