//! mandat sandbox: a local billing API that plays the provider's one (see
//! `api/openapi.yaml`), with demo accounts in SQLite, and the built app served
//! from `dist/`.
//!
//! Layers, each using only those below it: the routes (`api`, one module per
//! resource; `operator`; `app`, `demo_host`) → `service` (what several
//! resources need, as the API shows it) → `db` (all the SQL) and `files`; the
//! HTTP layer (`http`) and the model (`mandat_model`) under them all.

pub mod api;
pub mod app;
pub mod db;
pub mod demo_host;
pub mod files;
pub mod http;
pub mod operator;
pub mod printed;
pub mod routes;
pub mod seed;
pub mod server;
pub mod service;
pub mod state;

pub use routes::router;
pub use server::serve;
pub use state::AppState;
