//! The demo clock (`--clock`): invoices move one Chorus Pro step forward on
//! their own, and the documents sent for a suspended invoice are added.

use mandat_model::chorus::{can_append, current_status, ChorusStatus};

use crate::db;
use crate::http::error::ApiErr;
use crate::service::documents;
use crate::state::AppState;

/// The step the demo clock takes after `status`, on the happy path.
pub fn clock_step(status: Option<ChorusStatus>, reports_payment: bool) -> Option<ChorusStatus> {
    use ChorusStatus::*;
    match status? {
        Deposee => Some(EnCoursAcheminement),
        EnCoursAcheminement => Some(MiseADisposition),
        MiseADisposition | Completee => Some(ServiceFait),
        ServiceFait => Some(Mandatee),
        Mandatee if reports_payment => Some(MiseEnPaiement),
        _ => None,
    }
}

/// Moves every clock-driven invoice one step forward, and completes the invoices
/// whose documents were sent since the last tick. Returns how many moved.
pub fn tick(st: &AppState) -> Result<usize, ApiErr> {
    let conn = st.db();
    let completed = documents::complete_sent(&conn)?;
    let mut moved = completed;
    for (bill, reports_payment) in db::bills::clock_driven(&conn)? {
        let events = db::chorus::events(&conn, &bill)?;
        let current = current_status(&events);
        if let Some(next) = clock_step(current, reports_payment) {
            if can_append(&events, next) {
                db::chorus::add_event(&conn, &bill, next, db::now(), None)?;
                moved += 1;
            }
        }
    }
    Ok(moved)
}
