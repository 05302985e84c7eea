//! What the app is told by the page that shows it: the API's base, the
//! language, the credentials mode and, embedded, the view and the base path.
//! Provided as context by the app's root; read with [`use_config`].

use leptos::prelude::*;
use mandat_model::Locale;

use crate::nav::Page;

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
