//! Drawn icons: inline SVG that needs no font (a character some fonts lack
//! shows as an empty box) and takes the text's colour, also in forced colours.

use leptos::prelude::*;

/// One of the kit's icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconName {
    Info,
    Success,
    Warning,
    Error,
    Download,
    Copy,
    Clock,
    Arrow,
}

impl IconName {
    /// The path, drawn on a 24 × 24 grid with a 2-unit stroke.
    fn path(self) -> &'static str {
        match self {
            IconName::Info => "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16v-5M12 8h.01",
            IconName::Success => "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM8 12.5l3 3 5-6",
            IconName::Warning => "M12 3 2 21h20L12 3zM12 10v5M12 18h.01",
            IconName::Error => "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM9 9l6 6M15 9l-6 6",
            IconName::Download => "M12 3v12M7 10l5 5 5-5M4 20h16",
            IconName::Copy => "M9 9h11v11H9zM5 15H4V4h11v1",
            IconName::Clock => "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 7v5l3 2",
            IconName::Arrow => "M5 12h14M13 6l6 6-6 6",
        }
    }
}

/// An icon beside words that say the same: hidden from screen readers.
#[component]
pub fn Icon(
    /// Which icon.
    name: IconName,
) -> impl IntoView {
    view! {
        <svg
            class="mandat-icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
        >
            <path d=name.path() />
        </svg>
    }
}
