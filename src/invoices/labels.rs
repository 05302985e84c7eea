//! The catalogue's words for the model's codes: statuses, actors, categories,
//! debts; and the status badge.

use leptos::prelude::*;
use mandat_model::billing::{BillCategory, DebtStatus};
use mandat_model::chorus::{ChorusActor, ChorusStatus};

use crate::i18n::{t, Key};
use crate::ui::{Badge, Tone};

/// The label of a Chorus Pro status.
pub fn status_key(status: ChorusStatus) -> Key {
    match status {
        ChorusStatus::Deposee => Key::InvStatusDeposee,
        ChorusStatus::EnCoursAcheminement => Key::InvStatusEnCoursAcheminement,
        ChorusStatus::MiseADisposition => Key::InvStatusMiseADisposition,
        ChorusStatus::ARecycler => Key::InvStatusARecycler,
        ChorusStatus::Suspendue => Key::InvStatusSuspendue,
        ChorusStatus::Completee => Key::InvStatusCompletee,
        ChorusStatus::Rejetee => Key::InvStatusRejetee,
        ChorusStatus::ServiceFait => Key::InvStatusServiceFait,
        ChorusStatus::Mandatee => Key::InvStatusMandatee,
        ChorusStatus::MiseADispositionComptable => Key::InvStatusMiseADispositionComptable,
        ChorusStatus::Comptabilisee => Key::InvStatusComptabilisee,
        ChorusStatus::MiseEnPaiement => Key::InvStatusMiseEnPaiement,
        ChorusStatus::Unknown => Key::InvStatusUnknown,
    }
}

/// Who acted, in words.
pub fn actor_key(actor: ChorusActor) -> Key {
    match actor {
        ChorusActor::ChorusPro => Key::InvActorChorusPro,
        ChorusActor::Recipient => Key::InvActorRecipient,
        ChorusActor::Supplier => Key::InvActorSupplier,
        ChorusActor::PublicAccountant => Key::InvActorPublicAccountant,
        ChorusActor::Unknown => Key::InvActorUnknown,
    }
}

/// What the bill is for.
pub fn category_key(category: BillCategory) -> Key {
    match category {
        BillCategory::Purchase => Key::InvCategoryPurchase,
        BillCategory::Autorenew => Key::InvCategoryAutorenew,
        BillCategory::Earlyrenewal => Key::InvCategoryEarlyrenewal,
        BillCategory::Other => Key::InvCategoryOther,
    }
}

/// The settlement of the bill.
pub fn debt_key(status: DebtStatus) -> Key {
    match status {
        DebtStatus::Paid => Key::InvDebtPaid,
        DebtStatus::Unpaid => Key::InvDebtUnpaid,
        DebtStatus::ToBePaid => Key::InvDebtToBePaid,
        DebtStatus::Unmatured => Key::InvDebtUnmatured,
        DebtStatus::Refunded => Key::InvDebtRefunded,
        DebtStatus::Cancelled => Key::InvDebtCancelled,
        DebtStatus::Unknown => Key::InvDebtUnknown,
    }
}

/// The badge's tone: its colour and icon only repeat what its text says.
fn tone(status: Option<ChorusStatus>) -> Tone {
    use ChorusStatus::*;
    match status {
        Some(MiseEnPaiement) => Tone::Success,
        Some(Rejetee) => Tone::Error,
        Some(Suspendue | ARecycler) => Tone::Warning,
        None | Some(Unknown) => Tone::Neutral,
        Some(_) => Tone::Info,
    }
}

/// A status as a labelled badge (the text carries the meaning, not the colour).
#[component]
pub fn StatusBadge(
    /// The Chorus Pro status; none for a bill that does not go through Chorus Pro.
    status: Option<ChorusStatus>,
) -> impl IntoView {
    let label = match status {
        Some(s) => t(status_key(s)),
        None => t(Key::InvStatusNone),
    };
    let code = status.map(|s| s.code()).unwrap_or("NONE");
    view! { <Badge tone=tone(status) label=label code=code /> }
}

pub use crate::i18n::fill_in;
