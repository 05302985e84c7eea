//! Signing in and out as a demo account, the list of demo accounts, and the
//! reset of the demo data.

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::from_fn;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::{session_token, SESSION_COOKIE};
use crate::http::guard;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login))
        .route("/logout", get(logout))
        .route("/accounts", get(accounts))
        .route(
            "/reset",
            post(reset).route_layer(from_fn(guard::no_form_body)),
        )
}

/// Only a same-site path: one leading `/`, not `//` nor `/\` (which browsers read as
/// another host), and no control characters.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(|c| c.is_control()) =>
        {
            n
        }
        _ => "/",
    }
}

fn redirect(to: &str, cookie: Option<String>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(to) {
        h.insert(header::LOCATION, v);
    } else {
        h.insert(header::LOCATION, HeaderValue::from_static("/"));
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        h.insert(header::SET_COOKIE, cookie);
    }
    res
}

fn param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, v)| v.as_str())
}

const UNKNOWN_ACCOUNT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unknown demo account</title></head>\
<body><main><h1>Unknown demo account</h1><p>See <a href=\"/sandbox/accounts\">/sandbox/accounts</a>.</p></main></body></html>";

async fn login(
    State(st): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, ApiErr> {
    let account = param(&query, "account").unwrap_or("");
    let next = safe_next(param(&query, "next")).to_string();
    let mut token = [0u8; 32];
    getrandom::fill(&mut token).map_err(ApiErr::internal)?;
    let token: String = token.iter().map(|b| format!("{b:02x}")).collect();
    {
        let conn = st.db();
        if db::accounts::account(&conn, account)?.is_none() {
            let mut res = (StatusCode::NOT_FOUND, Html(UNKNOWN_ACCOUNT)).into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            return Ok(res);
        }
        // Expired sessions go at each sign-in: the table holds only live ones.
        db::sessions::sweep(&conn, &st.session_cutoff())?;
        db::sessions::open(&conn, &token, account, &db::ts(db::now()))?;
    }
    // The browser forgets the cookie when the session expires.
    let max_age = st.limits.session.num_seconds();
    Ok(redirect(
        &next,
        Some(format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}"
        )),
    ))
}

async fn logout(
    State(st): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    req: Request,
) -> Result<Response, ApiErr> {
    let (parts, _) = req.into_parts();
    if let Some(token) = session_token(&parts) {
        db::sessions::close(&st.db(), &token)?;
    }
    let next = safe_next(param(&query, "next"));
    Ok(redirect(
        next,
        Some(format!(
            "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        )),
    ))
}

async fn accounts(State(st): State<AppState>) -> ApiResult {
    let conn = st.read()?;
    let list = db::accounts::listed(&conn)?;
    Ok(ok(&list))
}

async fn reset(State(st): State<AppState>) -> ApiResult {
    st.reseed().map_err(ApiErr::internal)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
