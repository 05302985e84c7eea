//! The HTTP layer, below every route: the error shape, the extractors (the
//! session, ids, the `Idempotency-Key`, a JSON body), what a request must show
//! before a route sees it (the guard), the bounds on what a client can hold,
//! the fault mode, the headers of every answer, downloads and uploads.

pub mod csp;
pub mod download;
pub mod error;
pub mod extract;
pub mod faults;
pub mod guard;
pub mod headers;
pub mod idempotency;
pub mod limits;
pub mod upload;
