//! A routing as Chorus Pro would take it, for a payment, a correction, a renewal.

use mandat_model::chorus::{validate_routing, validate_siret, ChorusRouting};
use mandat_model::FieldError;
use rusqlite::Connection;

use crate::db;
use crate::http::error::ApiErr;

/// A valid SIRET of a known structure, and the fields that structure asks for
/// (field 400s otherwise). Returns the SIRET's 14 digits and the routing trimmed.
pub fn checked(
    conn: &Connection,
    routing: ChorusRouting,
) -> Result<(String, ChorusRouting), ApiErr> {
    let routing = ChorusRouting {
        siret: routing.siret,
        code_service: routing.code_service.trim().to_string(),
        numero_engagement: routing.numero_engagement.trim().to_string(),
    };
    let siret = validate_siret(&routing.siret).map_err(|e| ApiErr::invalid(vec![e]))?;
    let structure = db::accounts::structure(conn, siret.as_str())?.ok_or_else(|| {
        ApiErr::invalid(vec![FieldError {
            field: "siret".into(),
            code: "siret_unknown".into(),
            message: "no Chorus Pro structure has this SIRET".into(),
        }])
    })?;
    validate_routing(&structure, &routing).map_err(ApiErr::invalid)?;
    Ok((siret.as_str().to_string(), routing))
}
