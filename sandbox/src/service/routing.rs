//! A routing as Chorus Pro would take it, for a payment, a correction, a renewal.

use mandat_model::chorus::{validate_routing, validate_siret, ChorusRouting};
use mandat_model::FieldError;
use rusqlite::Connection;

use crate::db;
use crate::http::error::{clean_text, ApiErr};

/// A valid SIRET of a known structure, and the fields that structure asks for,
/// typed as free text is (no control nor direction character; field 400s
/// otherwise). Returns the SIRET's 14 digits and the routing normalised.
pub fn checked(
    conn: &Connection,
    routing: ChorusRouting,
) -> Result<(String, ChorusRouting), ApiErr> {
    let code_service = clean_text("codeService", &routing.code_service);
    let numero_engagement = clean_text("numeroEngagement", &routing.numero_engagement);
    let (code_service, numero_engagement) = match (code_service, numero_engagement) {
        (Ok(code), Ok(ej)) => (code, ej),
        (code, ej) => {
            return Err(ApiErr::invalid(
                [code.err(), ej.err()].into_iter().flatten().collect(),
            ))
        }
    };
    let routing = ChorusRouting {
        siret: routing.siret,
        code_service,
        numero_engagement,
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
