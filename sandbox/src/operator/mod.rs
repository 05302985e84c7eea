//! Sandbox-only routes under `/sandbox`: signing in as a demo account, the
//! outbox, and what the provider's back office and Chorus Pro would do (accept
//! or reject a mandate, append a Chorus Pro status event, complete a suspended
//! invoice, issue a renewal's invoice). Also the demo clock. One module per
//! resource, each declaring its routes.

pub mod bills;
pub mod clock;
pub mod mandates;
pub mod outbox;
pub mod renewals;
pub mod session;

use axum::Router;

use crate::http::error::ApiErr;
use crate::http::headers::json_errors;
use crate::state::AppState;

pub use clock::tick;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(session::routes())
        .merge(outbox::routes())
        .merge(mandates::routes())
        .merge(bills::routes())
        .merge(renewals::routes())
        .fallback(|| async { ApiErr::not_found("this sandbox path") })
        .method_not_allowed_fallback(|| async { ApiErr::method_not_allowed() })
        .layer(axum::middleware::map_response(json_errors))
}
