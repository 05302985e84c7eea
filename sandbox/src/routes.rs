//! The composition root: the routers of `/api`, `/sandbox`, the demo host and
//! the built app merged into one, under the layers every request goes through.

use axum::middleware::{from_fn_with_state, map_request_with_state, map_response};
use axum::Router;

use crate::state::AppState;
use crate::{api, app, demo_host, http, operator};

/// The whole server: `/api` (the billing API), `/sandbox` (sign-in and operator
/// routes), and the app from `dist` for everything else; answering only requests
/// addressed to it on `port`, the port it listens on (see [`http::guard`]).
pub fn router(state: AppState, port: u16) -> Router {
    let site = http::guard::Site::new(port);
    let api = api::router().layer(from_fn_with_state(
        state.faults.clone(),
        http::faults::inject,
    ));
    Router::new()
        .nest("/api", api)
        .nest("/sandbox", operator::router())
        .merge(demo_host::router())
        .fallback(app::static_app)
        .layer(from_fn_with_state(state.clone(), app::with_csp))
        .layer(map_request_with_state(
            (state.limits.body_idle, state.limits.body_min_rate),
            http::limits::idle_bodies,
        ))
        // Routes that write the sandbox's address (the links of e-mails) read it here.
        .layer(axum::Extension(site))
        // Outermost but for the headers every answer carries: a request not meant
        // for this sandbox is refused first.
        .layer(from_fn_with_state(site, http::guard::check))
        .layer(map_response(http::headers::security))
        .with_state(state)
}
