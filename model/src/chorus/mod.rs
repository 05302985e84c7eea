//! Chorus Pro: invoice statuses and who sets them, allowed transitions, the payment
//! deadline, and routing an invoice to a structure (SIRET, code service, numéro
//! d'engagement). Pure rules, shared by the app and the sandbox.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::FieldError;
use crate::siret::Siret;

/// The status of an invoice on Chorus Pro, as the supplier sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChorusStatus {
    Deposee,
    EnCoursAcheminement,
    MiseADisposition,
    ARecycler,
    Suspendue,
    Completee,
    Rejetee,
    ServiceFait,
    Mandatee,
    MiseADispositionComptable,
    Comptabilisee,
    MiseEnPaiement,
    /// A status this version does not know yet: shown as such, never a decoding failure.
    #[serde(other)]
    Unknown,
}

/// Who sets a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChorusActor {
    /// The platform itself.
    ChorusPro,
    /// The public structure the invoice is addressed to.
    Recipient,
    /// The provider (us).
    Supplier,
    /// The public accountant (DGFiP) who pays.
    PublicAccountant,
    #[serde(other)]
    Unknown,
}

impl ChorusStatus {
    pub const ALL: [ChorusStatus; 12] = [
        ChorusStatus::Deposee,
        ChorusStatus::EnCoursAcheminement,
        ChorusStatus::MiseADisposition,
        ChorusStatus::ARecycler,
        ChorusStatus::Suspendue,
        ChorusStatus::Completee,
        ChorusStatus::Rejetee,
        ChorusStatus::ServiceFait,
        ChorusStatus::Mandatee,
        ChorusStatus::MiseADispositionComptable,
        ChorusStatus::Comptabilisee,
        ChorusStatus::MiseEnPaiement,
    ];

    /// The code Chorus Pro uses (`MISE_A_DISPOSITION`...).
    pub fn code(self) -> &'static str {
        match self {
            ChorusStatus::Deposee => "DEPOSEE",
            ChorusStatus::EnCoursAcheminement => "EN_COURS_ACHEMINEMENT",
            ChorusStatus::MiseADisposition => "MISE_A_DISPOSITION",
            ChorusStatus::ARecycler => "A_RECYCLER",
            ChorusStatus::Suspendue => "SUSPENDUE",
            ChorusStatus::Completee => "COMPLETEE",
            ChorusStatus::Rejetee => "REJETEE",
            ChorusStatus::ServiceFait => "SERVICE_FAIT",
            ChorusStatus::Mandatee => "MANDATEE",
            ChorusStatus::MiseADispositionComptable => "MISE_A_DISPOSITION_COMPTABLE",
            ChorusStatus::Comptabilisee => "COMPTABILISEE",
            ChorusStatus::MiseEnPaiement => "MISE_EN_PAIEMENT",
            ChorusStatus::Unknown => "UNKNOWN",
        }
    }

    /// From a Chorus Pro code; `Unknown` for anything else.
    pub fn from_code(code: &str) -> ChorusStatus {
        ChorusStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or(ChorusStatus::Unknown)
    }

    /// Chorus Pro's French label.
    pub fn label_fr(self) -> &'static str {
        match self {
            ChorusStatus::Deposee => "Déposée",
            ChorusStatus::EnCoursAcheminement => "En cours d'acheminement",
            ChorusStatus::MiseADisposition => "Mise à disposition du destinataire",
            ChorusStatus::ARecycler => "À recycler",
            ChorusStatus::Suspendue => "Suspendue",
            ChorusStatus::Completee => "Complétée",
            ChorusStatus::Rejetee => "Rejetée",
            ChorusStatus::ServiceFait => "Service fait",
            ChorusStatus::Mandatee => "Mandatée",
            ChorusStatus::MiseADispositionComptable => "Mise à disposition du comptable",
            ChorusStatus::Comptabilisee => "Comptabilisée",
            ChorusStatus::MiseEnPaiement => "Mise en paiement",
            ChorusStatus::Unknown => "Statut inconnu",
        }
    }

    /// The 2026 e-invoicing reform's lifecycle code this status maps to, roughly
    /// (200 Déposée, 203 Mise à disposition, 205 Approuvée, 208 Suspendue, 209 Complétée,
    /// 210 Refusée, 211 Paiement transmis). `None` for steps the reform has no code for.
    pub fn lifecycle_code(self) -> Option<u16> {
        match self {
            ChorusStatus::Deposee => Some(200),
            ChorusStatus::MiseADisposition => Some(203),
            ChorusStatus::ServiceFait | ChorusStatus::Mandatee => Some(205),
            ChorusStatus::Suspendue => Some(208),
            ChorusStatus::Completee => Some(209),
            ChorusStatus::Rejetee | ChorusStatus::ARecycler => Some(210),
            ChorusStatus::MiseEnPaiement => Some(211),
            _ => None,
        }
    }

    /// Who sets this status.
    pub fn actor(self) -> ChorusActor {
        match self {
            ChorusStatus::Deposee
            | ChorusStatus::EnCoursAcheminement
            | ChorusStatus::MiseADisposition => ChorusActor::ChorusPro,
            ChorusStatus::Completee => ChorusActor::Supplier,
            ChorusStatus::MiseEnPaiement => ChorusActor::PublicAccountant,
            ChorusStatus::Unknown => ChorusActor::Unknown,
            _ => ChorusActor::Recipient,
        }
    }

    /// Nothing can follow: a new invoice is needed.
    pub fn is_terminal(self) -> bool {
        self == ChorusStatus::Rejetee
    }

    /// A status whose event must carry a reason.
    pub fn requires_reason(self) -> bool {
        matches!(
            self,
            ChorusStatus::Suspendue | ChorusStatus::Rejetee | ChorusStatus::ARecycler
        )
    }

    /// Optional steps of the recipient's processing, which may be skipped and may
    /// arrive late (after `MISE_EN_PAIEMENT`).
    pub fn is_optional_step(self) -> bool {
        matches!(
            self,
            ChorusStatus::ServiceFait
                | ChorusStatus::Mandatee
                | ChorusStatus::MiseADispositionComptable
                | ChorusStatus::Comptabilisee
        )
    }

    /// The invoice is with the recipient, who may act on it.
    fn with_recipient(self) -> bool {
        matches!(
            self,
            ChorusStatus::MiseADisposition | ChorusStatus::Completee
        ) || self.is_optional_step()
    }
}

/// Whether `to` may follow the invoice's current status `from` (`None`: no event yet).
pub fn can_transition(from: Option<ChorusStatus>, to: ChorusStatus) -> bool {
    use ChorusStatus::*;
    let Some(from) = from else {
        return to == Deposee;
    };
    if from == to || to == Unknown || from == Unknown || from.is_terminal() {
        return false;
    }
    match to {
        Deposee => false,
        EnCoursAcheminement => matches!(from, Deposee | ARecycler),
        MiseADisposition => matches!(from, Deposee | EnCoursAcheminement | ARecycler),
        ARecycler => matches!(from, EnCoursAcheminement | MiseADisposition | Completee),
        Suspendue => from.with_recipient(),
        Completee => from == Suspendue,
        Rejetee => from.with_recipient() || from == Suspendue,
        ServiceFait | Mandatee | MiseADispositionComptable | Comptabilisee => {
            from.with_recipient() || from == MiseEnPaiement
        }
        MiseEnPaiement => from.with_recipient(),
        Unknown => false,
    }
}

/// Whether `to` may be appended to an invoice's `history`: it must follow the
/// current status, and a suspension is refused when the invoice was already
/// suspended once, or after ordonnancement (`MANDATEE`,
/// `MISE_A_DISPOSITION_COMPTABLE`, `COMPTABILISEE`): Code de la commande
/// publique, R2192-27.
pub fn can_append(history: &[ChorusEvent], to: ChorusStatus) -> bool {
    if !can_transition(current_status(history), to) {
        return false;
    }
    if to != ChorusStatus::Suspendue {
        return true;
    }
    !history.iter().any(|e| {
        matches!(
            e.status,
            ChorusStatus::Suspendue
                | ChorusStatus::Mandatee
                | ChorusStatus::MiseADispositionComptable
                | ChorusStatus::Comptabilisee
        )
    })
}

/// One status event of an invoice on Chorus Pro.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChorusEvent {
    pub status: ChorusStatus,
    /// When the event happened (its own date: events may arrive out of order).
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub date: DateTime<Utc>,
    pub actor: ChorusActor,
    /// The reason or comment, required for a suspension, a rejection, a recycling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Sorts events by their own date, oldest first (stable for equal dates).
pub fn sort_history(events: &mut [ChorusEvent]) {
    events.sort_by_key(|e| e.date);
}

/// The invoice's current status: the latest event by date, except that an optional
/// step reported after `MISE_EN_PAIEMENT` does not take the invoice back.
pub fn current_status(events: &[ChorusEvent]) -> Option<ChorusStatus> {
    let mut sorted = events.to_vec();
    sort_history(&mut sorted);
    let last = sorted.last()?.status;
    let paid = sorted
        .iter()
        .any(|e| e.status == ChorusStatus::MiseEnPaiement);
    if paid && last.is_optional_step() {
        Some(ChorusStatus::MiseEnPaiement)
    } else {
        Some(last)
    }
}

/// One service of a Chorus Pro structure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChorusService {
    pub code: String,
    pub label: String,
    pub active: bool,
    /// This service requires a numéro d'engagement even if the structure does not.
    #[serde(rename = "numeroEJDoitEtreRenseigne", default)]
    pub numero_ej_doit_etre_renseigne: bool,
}

/// A public structure on Chorus Pro, with the parameters that decide what an invoice
/// addressed to it must carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChorusStructure {
    pub siret: String,
    pub name: String,
    pub code_service_doit_etre_renseigne: bool,
    #[serde(rename = "numeroEJDoitEtreRenseigne")]
    pub numero_ej_doit_etre_renseigne: bool,
    /// At least one of the code service and the numéro d'engagement is required.
    #[serde(rename = "gestionNumeroEJOuCodeService")]
    pub gestion_numero_ej_ou_code_service: bool,
    /// The structure's services; only active ones can receive invoices.
    pub services: Vec<ChorusService>,
    /// Délai global de paiement: 30, 50 or 60 days.
    pub payment_deadline_days: u32,
    /// The structure never reports `MISE_EN_PAIEMENT`: do not wait for it.
    pub statut_mise_en_paiement_nest_pas_remonte: bool,
}

/// What routes an invoice: typed by the customer when paying by mandate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChorusRouting {
    #[serde(default)]
    pub siret: String,
    #[serde(default)]
    pub code_service: String,
    #[serde(default)]
    pub numero_engagement: String,
}

/// Reserved for invoices between public entities; never for a supplier.
pub const RESERVED_CODE_SERVICE: &str = "FACTURES_PUBLIQUES";
/// Longest numéro d'engagement Chorus Pro accepts, in characters.
pub const ENGAGEMENT_MAX_CHARS: usize = 50;

fn field_error(field: &str, code: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Checks the SIRET alone; the field error carries `SiretError::code()`.
pub fn validate_siret(input: &str) -> Result<Siret, FieldError> {
    Siret::parse(input).map_err(|e| field_error("siret", e.code(), "the SIRET is not valid"))
}

/// Checks a routing against the structure's parameters (its SIRET must be the one
/// typed; look the structure up first). Returns every field's problem at once.
pub fn validate_routing(
    structure: &ChorusStructure,
    routing: &ChorusRouting,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    match validate_siret(&routing.siret) {
        Err(e) => errors.push(e),
        Ok(siret) if siret.as_str() != structure.siret => errors.push(field_error(
            "siret",
            "siret_mismatch",
            "the SIRET is not the structure's",
        )),
        Ok(_) => {}
    }
    let code = routing.code_service.trim();
    let engagement = routing.numero_engagement.trim();
    let mut service_needs_engagement = false;
    if code.is_empty() {
        if structure.code_service_doit_etre_renseigne {
            errors.push(field_error(
                "codeService",
                "code_service_required",
                "this structure requires a code service",
            ));
        }
    } else if code.eq_ignore_ascii_case(RESERVED_CODE_SERVICE) {
        errors.push(field_error(
            "codeService",
            "code_service_reserved",
            "FACTURES_PUBLIQUES is reserved for invoices between public entities",
        ));
    } else {
        match structure.services.iter().find(|s| s.code == code) {
            None => errors.push(field_error(
                "codeService",
                "code_service_unknown",
                "the structure has no such service",
            )),
            Some(s) if !s.active => errors.push(field_error(
                "codeService",
                "code_service_inactive",
                "this service no longer receives invoices",
            )),
            Some(s) => service_needs_engagement = s.numero_ej_doit_etre_renseigne,
        }
    }
    if engagement.chars().count() > ENGAGEMENT_MAX_CHARS {
        errors.push(field_error(
            "numeroEngagement",
            "engagement_too_long",
            "the numéro d'engagement has at most 50 characters",
        ));
    } else if engagement.is_empty()
        && (structure.numero_ej_doit_etre_renseigne || service_needs_engagement)
    {
        errors.push(field_error(
            "numeroEngagement",
            "engagement_required",
            "this structure requires a numéro d'engagement",
        ));
    } else if engagement.is_empty()
        && code.is_empty()
        && structure.gestion_numero_ej_ou_code_service
    {
        errors.push(field_error(
            "numeroEngagement",
            "engagement_or_service_required",
            "this structure requires a code service or a numéro d'engagement",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// How far ahead of the clock an event may be dated: a day, for a recipient in
/// another time zone or a clock a little fast. Later than that is a typo (a
/// year 9999): once recorded, no status could ever follow it.
pub const EVENT_DATE_LEEWAY_HOURS: i64 = 24;

/// Whether an event dated `date` may be recorded at `now`.
pub fn event_date_allowed(date: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    date <= now + chrono::Duration::hours(EVENT_DATE_LEEWAY_HOURS)
}

#[cfg(test)]
mod tests;
