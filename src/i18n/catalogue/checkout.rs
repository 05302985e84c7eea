//! The checkout: the order's summary, the payment-method step and the Chorus Pro routing fields.

use crate::i18n::Key;

catalogue! {
    // Checkout: order summary.
    CheckoutTitle => "Paiement de la commande n°\u{a0}{id}", "Payment of order no. {id}";
    SummaryTitle => "Récapitulatif de la commande", "Order summary";
    SummaryOrderNumber => "Numéro de commande", "Order number";
    SummaryOrderDate => "Date de la commande", "Order date";
    SummaryExpiry => "Date d’expiration", "Expiry date";
    SummaryExpiryHint => "Passée cette date, la commande est annulée si elle n’est pas payée.", "After this date, the order is cancelled if it is not paid.";
    SummaryCaption => "Détail de la commande n°\u{a0}{id}", "Details of order no. {id}";
    SummaryNoLines => "Cette commande ne comporte aucune ligne.", "This order has no lines.";
    ColDescription => "Description", "Description";
    ColService => "Service", "Service";
    ColQuantity => "Quantité", "Quantity";
    ColUnitPrice => "Prix unitaire HT", "Unit price excl. VAT";
    ColLineTotal => "Total HT", "Total excl. VAT";
    TotalHt => "Total HT", "Total excl. VAT";
    TotalTva => "TVA", "VAT";
    TotalTtc => "Total TTC", "Total incl. VAT";

    // Checkout: the payment-method step.
    PayTitle => "Moyen de paiement", "Payment method";
    PayLegend => "Choisissez comment payer cette commande", "Choose how to pay this order";
    PayMethodsLoading => "Chargement des moyens de paiement…", "Loading payment methods…";
    MethodMandate => "Payer par mandat administratif", "Pay by administrative mandate";
    MethodMandateHint => "Pour les administrations publiques\u{a0}: la facture est déposée sur Chorus Pro et réglée par votre comptable public. Il faut un compte Chorus Pro pour la valider, et que votre compte client soit déclaré comme administration publique.", "For public administrations: the invoice is deposited on Chorus Pro and paid by your public accountant. You need a Chorus Pro account to validate it, and your customer account declared as a public administration.";
    MethodCard => "Payer par carte bancaire", "Pay by card";
    MethodCardHint => "Paiement immédiat, la commande est livrée dès sa validation.", "Immediate payment; the order is delivered as soon as it is confirmed.";
    MethodOther => "Autre moyen de paiement ({type})", "Other payment method ({type})";
    MethodOtherHint => "Suivez les instructions après validation.", "Follow the instructions after confirming.";
    MandateUnavailableTitle => "Paiement par mandat administratif\u{a0}: non disponible pour ce compte", "Payment by administrative mandate: not available for this account";
    ReasonNotPublicAdministration => "Ce moyen de paiement est réservé aux comptes déclarés comme administration publique. Votre compte est déclaré avec une autre forme juridique.", "This payment method is for accounts declared as a public administration. Your account is declared with another legal form.";
    ReasonNotPublicAdministrationFix => "Modifier la forme juridique de votre compte", "Change your account’s legal form";
    ReasonNoChorusStructure => "Aucune structure Chorus Pro n’est rattachée à votre compte\u{a0}: la facture ne pourrait pas être acheminée.", "No Chorus Pro structure is linked to your account: the invoice could not be routed.";
    ReasonNoChorusStructureFix => "Renseigner la structure Chorus Pro de votre compte", "Enter your account’s Chorus Pro structure";
    ReasonOther => "Ce moyen de paiement ne s’applique pas à cette commande.", "This payment method does not apply to this order.";
    OrderNotPayableTitle => "Cette commande n’attend plus de paiement", "This order is no longer awaiting payment";
    NotPayableSendMandate => "Le paiement par mandat administratif a été choisi\u{a0}: il reste à envoyer le formulaire signé avant le {date}, date d’expiration de la commande.", "Payment by administrative mandate was chosen: the signed form is still to be sent before {date}, when the order expires.";
    NotPayableSendNewMandate => "Le formulaire signé envoyé a été refusé\u{a0}: envoyez-en un nouveau avant le {date}, date d’expiration de la commande.", "The signed form sent was refused: send a new one before {date}, when the order expires.";
    NotPayableUnderReview => "Le formulaire signé a été reçu\u{a0}: il est en cours de vérification. Rien n’est à faire pour l’instant.", "The signed form was received: it is being checked. Nothing is to be done for now.";
    NotPayablePaid => "Elle a été payée.", "It has been paid.";
    NotPayableExpired => "Elle a expiré le {date} sans avoir été payée.", "It expired on {date} without being paid.";
    NotPayableCancelled => "Elle a été annulée.", "It has been cancelled.";
    NotPayableOther => "Son état ne permet plus de la payer ici.", "Its state no longer lets it be paid here.";
    SendMandateAction => "Envoyer le mandat signé", "Send the signed mandate";
    RenewalNote => "Renouvellement automatique\u{a0}: la facture est déposée directement sur Chorus Pro sous quelques jours. Si votre structure exige un numéro d’engagement, il en faut un par exercice budgétaire\u{a0}: donnez celui de l’année du renouvellement sur la page Renouvellements.", "Automatic renewal: the invoice is deposited straight on Chorus Pro within a few days. If your structure requires a numéro d’engagement, each budget year needs its own: give the one for the renewal’s year on the Renewals page.";
    TripartiteNote => "Prélèvement SEPA\u{a0}: il demande une convention tripartite signée entre votre ordonnateur, votre comptable public et nous. Elle ne se souscrit pas en ligne.", "SEPA direct debit: it needs a tripartite convention signed by your authorising officer, your public accountant and us. It cannot be set up online.";
    TripartiteLink => "Contacter le service commercial au sujet de la convention tripartite", "Contact the sales team about the tripartite convention";
    ChorusTitle => "Acheminement de la facture sur Chorus Pro", "Routing of the invoice on Chorus Pro";
    Required => "obligatoire", "required";
    Optional => "facultatif", "optional";
    SiretLabel => "SIRET de la structure à facturer", "SIRET of the structure to invoice";
    SiretHint => "14 chiffres, espaces acceptés. Exemple\u{a0}: 213 105 554 00017", "14 digits, spaces allowed. Example: 213 105 554 00017";
    SiretChecking => "Vérification du SIRET auprès de Chorus Pro…", "Checking the SIRET with Chorus Pro…";
    SiretFound => "Structure trouvée\u{a0}: {name}", "Structure found: {name}";
    SiretLookupFailed => "Le SIRET n’a pas pu être vérifié auprès de Chorus Pro pour le moment. Il le sera à la validation.", "The SIRET could not be checked with Chorus Pro for now. It will be when you confirm.";
    CodeServiceLabel => "Code service", "Service code";
    CodeServiceHint => "Le service de la structure qui traitera la facture.", "The structure’s department that will handle the invoice.";
    CodeServiceChoose => "Choisissez un service", "Choose a service";
    EngagementLabel => "Numéro d’engagement", "Commitment number (numéro d’engagement)";
    EngagementHint => "Aussi appelé numéro de bon de commande, fourni par votre service financier. 50 caractères au plus.", "Also called purchase order number, given by your finance department. At most 50 characters.";
    OneOfBothHint => "Cette structure demande au moins l’un des deux\u{a0}: un code service ou un numéro d’engagement.", "This structure asks for at least one of the two: a service code or a commitment number.";
    PaySubmit => "Confirmer le paiement", "Confirm payment";
    PaySubmitMandate => "Confirmer le paiement par mandat administratif", "Confirm payment by administrative mandate";
    PayBusy => "Paiement en cours…", "Payment in progress…";
    // Field problems, same words in the summary and beside the field.
    FieldMethodRequired => "Choisissez un moyen de paiement.", "Choose a payment method.";
    FieldSiretRequired => "Indiquez le SIRET de la structure à facturer.", "Enter the SIRET of the structure to invoice.";
    FieldSiretNotDigits => "Le SIRET ne contient que des chiffres (les espaces sont acceptés).", "A SIRET contains only digits (spaces are allowed).";
    FieldSiretLength => "Le SIRET comporte 14 chiffres\u{a0}: vérifiez le numéro saisi.", "A SIRET has 14 digits: check the number entered.";
    FieldSiretChecksum => "Ce SIRET n’est pas valide\u{a0}: un chiffre a peut-être été mal recopié. Vérifiez-le sur vos documents.", "This SIRET is not valid: a digit may have been mistyped. Check it against your documents.";
    FieldSirenChecksum => "Ce SIRET n’est pas valide\u{a0}: ses 9 premiers chiffres (le SIREN) ne forment pas un SIREN valide, un chiffre a sans doute été mal recopié. Vérifiez-le sur vos documents.", "This SIRET is not valid: its first 9 digits (the SIREN) are not a valid SIREN, a digit was probably mistyped. Check it against your documents.";
    FieldSiretUnknown => "Aucune structure Chorus Pro ne correspond à ce SIRET. Vérifiez-le, ou demandez le SIRET de facturation à votre service financier.", "No Chorus Pro structure matches this SIRET. Check it, or ask your finance department for the invoicing SIRET.";
    FieldCodeServiceRequired => "Choisissez le service auquel adresser la facture.", "Choose the department to address the invoice to.";
    FieldCodeServiceInvalid => "Ce code service ne peut pas recevoir la facture\u{a0}: choisissez un service dans la liste.", "This service code cannot receive the invoice: choose a service from the list.";
    FieldEngagementRequired => "Indiquez le numéro d’engagement fourni par votre service financier.", "Enter the commitment number given by your finance department.";
    FieldEngagementTooLong => "Le numéro d’engagement comporte au plus 50 caractères.", "The commitment number has at most 50 characters.";
    FieldEngagementOrService => "Indiquez un code service ou un numéro d’engagement\u{a0}: cette structure demande au moins l’un des deux.", "Enter a service code or a commitment number: this structure asks for at least one of the two.";
    FieldNotAccepted => "Cette information n’a pas été acceptée\u{a0}: vérifiez-la.", "This information was not accepted: check it.";
    PayConflictTitle => "Cette commande est déjà payée", "This order is already paid";
    PayConflictBody => "Un paiement a déjà été enregistré pour cette commande, par exemple depuis un autre onglet. Aucun second paiement n’a été fait.", "A payment has already been recorded for this order, for instance from another tab. No second payment was made.";
    PayConflictLink => "Voir le mandat de la commande n°\u{a0}{id}", "See the mandate for order no. {id}";
    PayForbiddenBody => "Le paiement par mandat administratif n’est pas disponible pour ce compte. Choisissez un autre moyen de paiement.", "Payment by administrative mandate is not available for this account. Choose another payment method.";
    PayKeptNote => "Vos saisies sont conservées.", "What you typed is kept.";
    ConfirmMandateTitle => "Paiement par mandat administratif enregistré", "Payment by administrative mandate recorded";
    ConfirmCardTitle => "Paiement enregistré", "Payment recorded";
    ConfirmStatus => "Statut de la commande\u{a0}: {status}", "Order status: {status}";
    ConfirmNextSteps => "Prochaines étapes", "Next steps";
    ConfirmStepEmail => "Vous recevez un e-mail avec les informations nécessaires.", "You receive an e-mail with the information you need.";
    ConfirmStepEmailTo => "Un e-mail avec le formulaire pré-rempli et la marche à suivre vient d’être envoyé à {to}.", "An e-mail with the pre-filled form and what to do has just been sent to {to}.";
    ConfirmStepForm => "Complétez le formulaire de mandat pré-rempli, faites-le signer, puis déposez-le.", "Complete the pre-filled mandate form, have it signed, then upload it.";
    ConfirmStepFormLink => "Déposer le mandat signé de la commande n°\u{a0}{id}", "Upload the signed mandate for order no. {id}";
    ConfirmStepReview => "Nous vérifions le mandat reçu.", "We check the mandate received.";
    ConfirmStepInvoice => "La facture est alors générée et déposée sur Chorus Pro, où elle est validée puis payée par votre comptable public.", "The invoice is then generated and deposited on Chorus Pro, where it is approved and then paid by your public accountant.";
    StatusNotPaid => "non payée", "not paid";
    StatusChecking => "paiement en cours de vérification", "payment being checked";
    StatusDocumentsRequested => "en attente du mandat signé", "awaiting the signed mandate";
    StatusDelivering => "en cours de livraison", "being delivered";
    StatusDelivered => "livrée", "delivered";
    StatusCancelling => "en cours d’annulation", "being cancelled";
    StatusCancelled => "annulée", "cancelled";
    StatusUnknown => "inconnu", "unknown";

    // Placeholders of later pages.
    MandateTitle => "Mandat de la commande n°\u{a0}{id}", "Mandate for order no. {id}";
    InvoicesTitle => "Mes factures", "My invoices";
    InvoicesComing => "La liste de vos factures et leur suivi sur Chorus Pro seront bientôt disponibles sur cette page.", "The list of your invoices and their tracking on Chorus Pro will soon be available on this page.";
    InvoiceTitle => "Facture {id}", "Invoice {id}";
    InvoiceComing => "Le suivi de cette facture sur Chorus Pro sera bientôt disponible sur cette page.", "Tracking of this invoice on Chorus Pro will soon be available on this page.";
}
