//! The signed-in account, its Chorus Pro structure, and the structure directory.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use mandat_model::chorus::{validate_siret, ChorusStructure};

use crate::db;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::http::extract::Me;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/me/chorus", get(my_structure))
        .route("/chorus/structure/{siret}", get(structure))
}

async fn me(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.read()?;
    let account = db::accounts::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
    Ok(ok(&account))
}

/// `GET /me/chorus`: the account's structure, or `null` for an account that has
/// none (a company): a plain answer, not an error the browser would log.
async fn my_structure(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.read()?;
    let Some(siret) = db::accounts::structure_siret(&conn, &account)? else {
        return Ok(ok(&Option::<ChorusStructure>::None));
    };
    let structure = db::accounts::structure(&conn, &siret)?
        .ok_or_else(|| ApiErr::not_found("this structure"))?;
    Ok(ok(&structure))
}

async fn structure(State(st): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    let siret = validate_siret(&raw).map_err(|e| ApiErr::invalid(vec![e]))?;
    let conn = st.read()?;
    let structure = db::accounts::structure(&conn, siret.as_str())?
        .ok_or_else(|| ApiErr::not_found("a Chorus Pro structure with this SIRET"))?;
    Ok(ok(&structure))
}
