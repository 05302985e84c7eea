//! The model of mandat: the billing API's types and the domain rules that both
//! the app and the sandbox apply. Plain Rust, no browser: tested with `cargo test`.

pub mod api;
pub mod billing;
pub mod checkout;
pub mod chorus;
pub mod deadline;
pub mod documents;
pub mod error;
pub mod late_payment;
pub mod locale;
pub mod mandate;
pub mod money;
pub mod orders;
pub mod owed;
pub mod renewal;
pub mod retry;
pub mod siret;
pub mod text;
pub mod timeline;
pub mod todo;
pub mod url;
pub mod wire_time;

pub use api::*;
pub use error::{decode, ApiError};
pub use locale::Locale;
pub use siret::{Siret, SiretError};
