//! What several resources need to know of the stored data, as the API shows it:
//! an order with its amounts, a mandate, a bill with its Chorus Pro tracking and
//! its deadline, a suspended bill's documents, a renewal, a routing checked as
//! Chorus Pro would, an e-mail sent. Built on the storage layer with the
//! model's rules; no HTTP here but the error each lookup answers with.

pub mod bills;
pub mod documents;
pub mod mail;
pub mod mandates;
pub mod orders;
pub mod renewals;
pub mod routing;

/// Today as Chorus Pro's deadlines count it: a Paris date.
pub fn today() -> chrono::NaiveDate {
    mandat_model::locale::paris_day(crate::db::now())
}
