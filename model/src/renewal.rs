//! Services that renew automatically, and the numéro d'engagement their
//! invoice needs. A numéro d'engagement belongs to one budget year (the French
//! public budget year is the calendar year): a structure that requires one needs
//! a new one for each year, or the renewal's invoice comes back « à recycler ».

use chrono::{Datelike as _, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::api::Price;
use crate::checkout::{routing_needs, Need};
use crate::chorus::{ChorusRouting, ChorusStatus, ChorusStructure};

/// `GET /me/renewal`: one service of the account that renews automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Renewal {
    pub renewal_id: u64,
    /// What renews (`Serveur dédié Advance-2 - 12 mois`).
    pub label: String,
    /// The service's name (a domain, a server).
    pub domain: String,
    /// The day its next invoice is issued.
    #[serde(deserialize_with = "crate::wire_time::day")]
    pub next_renewal_date: NaiveDate,
    /// How far each renewal moves the next one, in months.
    pub period_months: u32,
    pub price_without_tax: Price,
    pub tax: Price,
    pub price_with_tax: Price,
    /// The Chorus Pro routing its invoice will carry; absent when its invoice
    /// does not go through Chorus Pro (a company).
    #[serde(default)]
    pub routing: Option<ChorusRouting>,
    /// The budget year the numéro d'engagement was given for.
    #[serde(default)]
    pub engagement_budget_year: Option<i32>,
    /// The structure, or the service chosen, requires a numéro d'engagement.
    #[serde(default)]
    pub engagement_required: bool,
    /// Required, and none was given for the budget year of the next renewal.
    #[serde(default)]
    pub engagement_missing: bool,
}

/// `POST /sandbox/renewals/{renewalId}/issue`: the invoice a renewal issued, and
/// the renewal after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewalIssued {
    pub bill_id: String,
    pub chorus_status: ChorusStatus,
    pub renewal: Renewal,
}

impl Renewal {
    /// The budget year of the next renewal's invoice.
    pub fn budget_year(&self) -> i32 {
        budget_year(self.next_renewal_date)
    }

    /// The number on hand when the next renewal misses its budget year's: one
    /// given for another year (with that year when known). A reminder for the
    /// buyer, never the number to send.
    pub fn outdated_engagement(&self) -> Option<(&str, Option<i32>)> {
        let routing = self.routing.as_ref()?;
        let number = routing.numero_engagement.trim();
        (self.engagement_missing && !number.is_empty())
            .then_some((number, self.engagement_budget_year))
    }

    /// The routing its editor opens with: the one on hand, less a number that
    /// is not for the next renewal's budget year (sent again unchanged, it
    /// would keep its year and the invoice would come back « à recycler »).
    pub fn routing_to_edit(&self) -> ChorusRouting {
        let mut routing = self.routing.clone().unwrap_or_default();
        if self.outdated_engagement().is_some() {
            routing.numero_engagement.clear();
        }
        routing
    }
}

/// Whether `new` routes an invoice as `current` does: the same SIRET digits,
/// code service and numéro d'engagement, spaces aside.
pub fn same_routing(current: &ChorusRouting, new: &ChorusRouting) -> bool {
    let digits = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    digits(&current.siret) == digits(&new.siret)
        && current.code_service.trim() == new.code_service.trim()
        && current.numero_engagement.trim() == new.numero_engagement.trim()
}

/// The budget year (exercice) a day belongs to: its calendar year.
pub fn budget_year(day: NaiveDate) -> i32 {
    day.year()
}

/// Whether an invoice routed to `structure` with `code_service` must carry a
/// numéro d'engagement: the structure requires one, or the chosen service does.
pub fn engagement_required(structure: &ChorusStructure, code_service: &str) -> bool {
    routing_needs(structure, code_service).engagement == Need::Required
}

/// Whether the numéro d'engagement on hand serves an invoice issued on `next`:
/// one is set, and it was given for that day's budget year.
pub fn engagement_present(engagement: &str, year: Option<i32>, next: NaiveDate) -> bool {
    !engagement.trim().is_empty() && year == Some(budget_year(next))
}

/// Required, and none serves the renewal issued on `next`.
pub fn engagement_missing(
    structure: &ChorusStructure,
    routing: &ChorusRouting,
    year: Option<i32>,
    next: NaiveDate,
) -> bool {
    engagement_required(structure, &routing.code_service)
        && !engagement_present(&routing.numero_engagement, year, next)
}

/// The budget year recorded with a routing saved for the renewal issued on
/// `next`: a new numéro d'engagement is given for that renewal's year; the same
/// one as before keeps the year it was given for (saving another SIRET or code
/// service does not make last year's number this year's); none has no year.
pub fn engagement_year_after_update(
    previous_engagement: &str,
    previous_year: Option<i32>,
    new_engagement: &str,
    next: NaiveDate,
) -> Option<i32> {
    let new_engagement = new_engagement.trim();
    if new_engagement.is_empty() {
        None
    } else if new_engagement == previous_engagement.trim() {
        previous_year
    } else {
        Some(budget_year(next))
    }
}

/// The renewal after the one on `date`: a period later (the 31st of a shorter
/// month is its last day).
pub fn next_renewal(date: NaiveDate, period_months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(period_months.max(1)))
}

/// The renewals needing a numéro d'engagement from the buyer, soonest first.
pub fn engagements_to_give(renewals: &[Renewal]) -> Vec<&Renewal> {
    let mut due: Vec<&Renewal> = renewals.iter().filter(|r| r.engagement_missing).collect();
    due.sort_by_key(|r| (r.next_renewal_date, r.renewal_id));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chorus::ChorusService;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn structure(requires_ej: bool, services: &[(&str, bool)]) -> ChorusStructure {
        ChorusStructure {
            siret: "26765432500013".into(),
            name: "CH".into(),
            code_service_doit_etre_renseigne: false,
            numero_ej_doit_etre_renseigne: requires_ej,
            gestion_numero_ej_ou_code_service: false,
            services: services
                .iter()
                .map(|(code, ej)| ChorusService {
                    code: (*code).into(),
                    label: (*code).into(),
                    active: true,
                    numero_ej_doit_etre_renseigne: *ej,
                })
                .collect(),
            payment_deadline_days: 50,
            statut_mise_en_paiement_nest_pas_remonte: false,
        }
    }

    fn routing(code: &str, ej: &str) -> ChorusRouting {
        ChorusRouting {
            siret: "26765432500013".into(),
            code_service: code.into(),
            numero_engagement: ej.into(),
        }
    }

    #[test]
    fn the_structure_or_the_chosen_service_requires_an_engagement() {
        let by_structure = structure(true, &[("DSI", false)]);
        assert!(engagement_required(&by_structure, ""));
        assert!(engagement_required(&by_structure, "DSI"));
        let by_service = structure(false, &[("FIN", false), ("TECH", true)]);
        assert!(!engagement_required(&by_service, ""));
        assert!(!engagement_required(&by_service, "FIN"));
        assert!(engagement_required(&by_service, "TECH"));
        assert!(engagement_required(&by_service, " TECH "));
    }

    #[test]
    fn an_engagement_serves_only_its_budget_year() {
        let next = day(2027, 1, 15);
        assert!(engagement_present("EJ-2027-1", Some(2027), next));
        assert!(!engagement_present("EJ-2026-42", Some(2026), next));
        assert!(!engagement_present("", Some(2027), next));
        assert!(!engagement_present("  ", Some(2027), next));
        assert!(!engagement_present("EJ-2027-1", None, next));
        // The last day of a year is still that year's.
        assert!(engagement_present("EJ", Some(2026), day(2026, 12, 31)));
    }

    #[test]
    fn missing_when_required_and_none_for_the_next_renewals_year() {
        let hospital = structure(true, &[]);
        let next = day(2027, 1, 15);
        assert!(engagement_missing(
            &hospital,
            &routing("", "EJ-2026-0042"),
            Some(2026),
            next
        ));
        assert!(!engagement_missing(
            &hospital,
            &routing("", "EJ-2027-0001"),
            Some(2027),
            next
        ));
        assert!(engagement_missing(&hospital, &routing("", ""), None, next));
        // Not required: never missing, with or without one.
        let commune = structure(false, &[("FIN", false), ("TECH", true)]);
        assert!(!engagement_missing(
            &commune,
            &routing("FIN", ""),
            None,
            next
        ));
        assert!(engagement_missing(
            &commune,
            &routing("TECH", ""),
            None,
            next
        ));
    }

    #[test]
    fn a_new_number_is_for_the_next_renewals_year_and_the_same_keeps_its_year() {
        let next = day(2027, 1, 15);
        assert_eq!(
            engagement_year_after_update("EJ-2026-0042", Some(2026), "EJ-2027-0001", next),
            Some(2027)
        );
        assert_eq!(
            engagement_year_after_update("EJ-2026-0042", Some(2026), " EJ-2026-0042 ", next),
            Some(2026)
        );
        assert_eq!(
            engagement_year_after_update("EJ-2026-0042", Some(2026), "", next),
            None
        );
        assert_eq!(
            engagement_year_after_update("", None, "EJ-1", day(2026, 12, 31)),
            Some(2026)
        );
    }

    fn hospital_renewal(engagement: &str, year: Option<i32>, missing: bool) -> Renewal {
        Renewal {
            renewal_id: 2501,
            label: String::new(),
            domain: String::new(),
            next_renewal_date: day(2027, 1, 15),
            period_months: 12,
            price_without_tax: Price::eur(100),
            tax: Price::eur(20),
            price_with_tax: Price::eur(120),
            routing: Some(routing("", engagement)),
            engagement_budget_year: year,
            engagement_required: true,
            engagement_missing: missing,
        }
    }

    #[test]
    fn the_editor_never_offers_another_years_number() {
        let last_year = hospital_renewal("EJ-2026-0042", Some(2026), true);
        assert_eq!(
            last_year.outdated_engagement(),
            Some(("EJ-2026-0042", Some(2026)))
        );
        assert_eq!(last_year.routing_to_edit().numero_engagement, "");
        assert_eq!(last_year.routing_to_edit().siret, "26765432500013");
        // The year's own number is the one to edit.
        let this_year = hospital_renewal("EJ-2027-0001", Some(2027), false);
        assert_eq!(this_year.outdated_engagement(), None);
        assert_eq!(
            this_year.routing_to_edit().numero_engagement,
            "EJ-2027-0001"
        );
        // Missing with none on hand: nothing to remind.
        assert_eq!(hospital_renewal("", None, true).outdated_engagement(), None);
        // Outside Chorus Pro: an empty routing.
        let company = Renewal {
            routing: None,
            ..hospital_renewal("", None, false)
        };
        assert_eq!(company.routing_to_edit(), ChorusRouting::default());
    }

    #[test]
    fn a_routing_is_the_same_whatever_its_spaces() {
        let current = routing("DSI", "EJ-2027-0001");
        let typed = ChorusRouting {
            siret: "267 654 325 00013".into(),
            code_service: " DSI".into(),
            numero_engagement: "EJ-2027-0001 ".into(),
        };
        assert!(same_routing(&current, &typed));
        assert!(!same_routing(&current, &routing("DSI", "EJ-2027-0002")));
        assert!(!same_routing(&current, &routing("", "EJ-2027-0001")));
        let other_siret = ChorusRouting {
            siret: "21445012300010".into(),
            ..current.clone()
        };
        assert!(!same_routing(&current, &other_siret));
    }

    #[test]
    fn the_next_renewal_moves_on_a_period() {
        assert_eq!(next_renewal(day(2027, 1, 15), 12), Some(day(2028, 1, 15)));
        assert_eq!(next_renewal(day(2026, 12, 10), 1), Some(day(2027, 1, 10)));
        assert_eq!(next_renewal(day(2027, 1, 31), 1), Some(day(2027, 2, 28)));
        // A period of 0 would never move on: one month at least.
        assert_eq!(next_renewal(day(2027, 1, 15), 0), Some(day(2027, 2, 15)));
    }

    #[test]
    fn the_renewals_to_act_on_come_soonest_first() {
        let make = |id: u64, next: NaiveDate, missing: bool| Renewal {
            renewal_id: id,
            label: String::new(),
            domain: String::new(),
            next_renewal_date: next,
            period_months: 12,
            price_without_tax: Price::eur(100),
            tax: Price::eur(20),
            price_with_tax: Price::eur(120),
            routing: None,
            engagement_budget_year: None,
            engagement_required: missing,
            engagement_missing: missing,
        };
        let list = [
            make(1, day(2027, 3, 1), true),
            make(2, day(2027, 1, 1), false),
            make(3, day(2027, 2, 1), true),
        ];
        let ids: Vec<u64> = engagements_to_give(&list)
            .iter()
            .map(|r| r.renewal_id)
            .collect();
        assert_eq!(ids, [3, 1]);
        assert_eq!(list[0].budget_year(), 2027);
    }
}
