//! The billing API under `/api`, one module per resource, each declaring its
//! routes beside its handlers. Every `/me` route answers only for the
//! signed-in account.

pub mod account;
pub mod bill_documents;
pub mod bill_routing;
pub mod bills;
pub mod mandates;
pub mod orders;
pub mod payment;
pub mod renewals;

use axum::Router;

use crate::http::error::ApiErr;
use crate::http::headers::json_errors;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(account::routes())
        .merge(orders::routes())
        .merge(payment::routes())
        .merge(mandates::routes())
        .merge(bills::routes())
        .merge(bill_documents::routes())
        .merge(bill_routing::routes())
        .merge(renewals::routes())
        .fallback(|| async { ApiErr::not_found("this API path") })
        .method_not_allowed_fallback(|| async { ApiErr::method_not_allowed() })
        .layer(axum::middleware::map_response(json_errors))
}
