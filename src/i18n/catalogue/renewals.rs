//! The renewals and their invoice's routing.

use crate::i18n::Key;

catalogue! {
    // Renewals: services that renew automatically, and their invoice's routing.
    RenewalsTitle => "Renouvellements", "Renewals";
    RenewalsIntro => "Ces services se renouvellent automatiquement\u{a0}: à la date indiquée, leur facture est déposée sur Chorus Pro avec l’acheminement affiché. Un numéro d’engagement vaut pour un exercice budgétaire, l’année civile\u{a0}: donnez celui de l’année du prochain renouvellement avant cette date, sinon la facture revient « à recycler ».", "These services renew automatically: on the date shown, their invoice is deposited on Chorus Pro with the routing shown. A numéro d’engagement is valid for one budget year, the calendar year: give the one for the year of the next renewal before that date, or the invoice comes back “to recycle”.";
    RenewalsNone => "Aucun de vos services ne se renouvelle automatiquement avec une facture sur Chorus Pro.", "None of your services renews automatically with an invoice on Chorus Pro.";
    RenewalsLoading => "Chargement des renouvellements…", "Loading the renewals…";
    RenewalsListLabel => "Vos services renouvelés automatiquement", "Your services that renew automatically";
    RenewalMissingTitle => "Numéro d’engagement {year} à donner", "{year} numéro d’engagement to give";
    RenewalMissingBody => "« {label} » se renouvelle le {date}. Votre structure exige un numéro d’engagement de l’exercice {year}\u{a0}: sans lui, la facture reviendra « à recycler ».", "“{label}” renews on {date}. Your structure requires a numéro d’engagement for the {year} budget year: without it, the invoice will come back “to recycle”.";
    RenewalNextDate => "Prochain renouvellement", "Next renewal";
    RenewalPeriod => "Périodicité", "Period";
    RenewalEveryMonths => "tous les {count} mois", "every {count} months";
    RenewalEveryMonth => "tous les mois", "every month";
    RenewalAmount => "Montant", "Amount";
    RenewalAmountValue => "{ttc} TTC ({ht} HT)", "{ttc} incl. VAT ({ht} excl. VAT)";
    RenewalRouting => "Acheminement de la facture", "Invoice routing";
    RenewalNotOnChorus => "Facture hors Chorus Pro", "Invoice outside Chorus Pro";
    RenewalNone => "aucun", "none";
    RenewalEngagementFor => "{number} (exercice {year})", "{number} ({year} budget year)";
    RenewalEngagementOk => "Exigé, donné pour l’exercice {year}", "Required, given for the {year} budget year";
    RenewalEngagementMissing => "Exigé, manquant pour l’exercice {year}", "Required, missing for the {year} budget year";
    RenewalEngagementNotRequired => "Non exigé", "Not required";
    RenewalEdit => "Modifier l’acheminement", "Change the routing";
    // One action, one name: the warning's link and the card's button.
    RenewalGiveEngagement => "Donner le numéro d’engagement {year}", "Give the {year} numéro d’engagement";
    // Completes an action's name for a screen reader, after the words above.
    RenewalActionOf => "de « {label} »", "of “{label}”";
    RenewalFormLegend => "Acheminement de la facture de renouvellement", "Routing of the renewal invoice";
    RenewalFormYear => "Celui de l’exercice {year}, pour le renouvellement du {date}.", "The one for the {year} budget year, for the renewal on {date}.";
    RenewalOutdatedEngagement => "Numéro {year}\u{a0}: {number}", "{year} number: {number}";
    RenewalOutdatedEngagementNoYear => "Numéro précédent\u{a0}: {number}", "Previous number: {number}";
    RenewalSave => "Enregistrer l’acheminement", "Save the routing";
    RenewalSaving => "Enregistrement en cours…", "Saving…";
    RenewalCancel => "Annuler", "Cancel";
    RenewalSaved => "Acheminement enregistré pour « {label} ».", "Routing saved for “{label}”.";
    RenewalUnchanged => "Aucune modification\u{a0}: cet acheminement est déjà celui de la facture.", "No change: this is already the invoice’s routing.";
}
