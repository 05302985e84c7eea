//! What the checkout's Chorus Pro fields ask for, decided from the structure's
//! parameters (never from an error's text).

use crate::chorus::{ChorusService, ChorusStructure, RESERVED_CODE_SERVICE};

/// Whether the form shows a field, and whether it must be filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Hidden,
    Optional,
    Required,
}

impl Need {
    pub fn is_shown(self) -> bool {
        self != Need::Hidden
    }
}

/// What the routing fields ask for, for one structure and the service chosen so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoutingNeeds {
    pub code_service: Need,
    pub engagement: Need,
    /// Neither is required alone, but at least one of the two is.
    pub one_of_both: bool,
}

/// The services an invoice can be addressed to: active ones, never the reserved
/// `FACTURES_PUBLIQUES`.
pub fn selectable_services(structure: &ChorusStructure) -> Vec<&ChorusService> {
    structure
        .services
        .iter()
        .filter(|s| s.active && !s.code.eq_ignore_ascii_case(RESERVED_CODE_SERVICE))
        .collect()
}

/// The fields to show for `structure`, given the code service chosen so far
/// (a service may require a numéro d'engagement on its own).
pub fn routing_needs(structure: &ChorusStructure, chosen_code_service: &str) -> RoutingNeeds {
    let chosen = chosen_code_service.trim();
    let service_needs_engagement = !chosen.is_empty()
        && structure
            .services
            .iter()
            .any(|s| s.code == chosen && s.active && s.numero_ej_doit_etre_renseigne);
    let either = structure.gestion_numero_ej_ou_code_service;
    let code_service = if structure.code_service_doit_etre_renseigne {
        Need::Required
    } else if either && !selectable_services(structure).is_empty() {
        Need::Optional
    } else {
        Need::Hidden
    };
    let engagement = if structure.numero_ej_doit_etre_renseigne || service_needs_engagement {
        Need::Required
    } else if either {
        Need::Optional
    } else {
        Need::Hidden
    };
    RoutingNeeds {
        code_service,
        engagement,
        one_of_both: either && code_service != Need::Required && engagement != Need::Required,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(code: &str, active: bool, needs_ej: bool) -> ChorusService {
        ChorusService {
            code: code.into(),
            label: code.into(),
            active,
            numero_ej_doit_etre_renseigne: needs_ej,
        }
    }

    fn structure(code_required: bool, ej_required: bool, either: bool) -> ChorusStructure {
        ChorusStructure {
            siret: "21310555400017".into(),
            name: "Commune".into(),
            code_service_doit_etre_renseigne: code_required,
            numero_ej_doit_etre_renseigne: ej_required,
            gestion_numero_ej_ou_code_service: either,
            services: vec![
                service("FINANCES", true, false),
                service("TRAVAUX", true, true),
                service("ANCIEN", false, false),
                service("FACTURES_PUBLIQUES", true, false),
            ],
            payment_deadline_days: 30,
            statut_mise_en_paiement_nest_pas_remonte: false,
        }
    }

    #[test]
    fn only_active_non_reserved_services_can_be_chosen() {
        let s = structure(true, false, false);
        let codes: Vec<&str> = selectable_services(&s)
            .iter()
            .map(|s| s.code.as_str())
            .collect();
        assert_eq!(codes, ["FINANCES", "TRAVAUX"]);
    }

    #[test]
    fn needs_follow_the_structure_parameters() {
        let cases = [
            // (code required, ej required, either) -> (code service, engagement, one of both)
            ((false, false, false), (Need::Hidden, Need::Hidden, false)),
            ((true, false, false), (Need::Required, Need::Hidden, false)),
            ((false, true, false), (Need::Hidden, Need::Required, false)),
            ((true, true, false), (Need::Required, Need::Required, false)),
            ((false, false, true), (Need::Optional, Need::Optional, true)),
            ((true, false, true), (Need::Required, Need::Optional, false)),
        ];
        for ((c, e, either), (code, engagement, one_of_both)) in cases {
            let needs = routing_needs(&structure(c, e, either), "");
            assert_eq!(
                needs,
                RoutingNeeds {
                    code_service: code,
                    engagement,
                    one_of_both
                },
                "{c} {e} {either}"
            );
        }
    }

    #[test]
    fn a_service_can_require_the_engagement_number() {
        let s = structure(true, false, false);
        assert_eq!(routing_needs(&s, "FINANCES").engagement, Need::Hidden);
        assert_eq!(routing_needs(&s, " TRAVAUX ").engagement, Need::Required);
    }
}
