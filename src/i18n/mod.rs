//! Every text the app shows, in French (the default) and English.
//!
//! One [`Key`] per message; placeholders are written `{name}` and filled with
//! [`fill`]. A message without its English text does not compile.

use mandat_model::Locale;

mod french;
pub use french::{marked, FRENCH_TERMS};

/// Declares messages as constants of [`Key`], each pointing at its two texts,
/// and lists them in `KEYS` for the checks over the whole catalogue.
macro_rules! catalogue {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        #[allow(non_upper_case_globals)]
        impl Key {
            $(pub const $key: Key = Key(&[$fr, $en]);)*
        }

        pub const KEYS: &[Key] = &[$(Key::$key),*];
    };
}

// The catalogue's files, one per part of the app that shows their messages,
// to keep each readable (where a message is used decides where its texts land
// in the bundle, see [`Key`]): declared here once, and so listed once for
// [`Key::all`].
macro_rules! catalogues {
    ($($part:ident),*) => {
        mod catalogue {
            $(pub mod $part;)*
        }

        impl Key {
            /// Every message, for checks over the whole catalogue.
            pub fn all() -> impl Iterator<Item = Key> {
                [$(catalogue::$part::KEYS),*].into_iter().flatten().copied()
            }
        }
    };
}

catalogues!(shell, orders, checkout, mandate, invoices, documents, renewals);

/// One message of the app: its French and its English text.
///
/// A message is a pointer to its two texts, not a number looked up in one
/// table: the texts are then referenced by the code that shows them, so that
/// the split build moves a view's texts into that view's part of the bundle
/// with its code, instead of keeping every view's texts in the first part.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(&'static [&'static str; 2]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({:?})", self.fr())
    }
}

impl Key {
    /// The French text.
    pub fn fr(self) -> &'static str {
        self.0[0]
    }

    /// The English text.
    pub fn en(self) -> &'static str {
        self.0[1]
    }

    /// The text in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Fr => self.fr(),
            Locale::En => self.en(),
        }
    }
}

/// The text of `key` in the app's locale.
pub fn t(key: Key) -> &'static str {
    key.text(locale())
}

/// The app's locale (French outside of the app, as in component tests).
pub fn locale() -> Locale {
    crate::config::use_config().locale
}

/// `key`'s text with each `{name}` replaced by its value.
pub fn fill(key: Key, values: &[(&str, &str)]) -> String {
    fill_in(locale(), key, values)
}

/// `key`'s text in `locale` with each `{name}` replaced: for code running outside
/// the reactive tree (after an `await`), where the app's locale is not at hand and
/// must have been captured before.
pub fn fill_in(locale: Locale, key: Key, values: &[(&str, &str)]) -> String {
    let mut text = key.text(locale).to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
