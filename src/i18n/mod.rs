//! Every text the app shows, in French (the default) and English.
//!
//! One [`Key`] per message; placeholders are written `{name}` and filled with
//! [`fill`]. A message without its English text does not compile.

use mandat_model::Locale;

mod french;
pub use french::{marked, FRENCH_TERMS};

macro_rules! catalogue {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// One message of the app.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every message, for checks over the whole catalogue.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The French text.
            pub fn fr(self) -> &'static str {
                match self { $(Key::$key => $fr),* }
            }

            /// The English text.
            pub fn en(self) -> &'static str {
                match self { $(Key::$key => $en),* }
            }
        }
    };
}

impl Key {
    /// The text in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Fr => self.fr(),
            Locale::En => self.en(),
        }
    }
}

/// The text of `key` in the app's locale.
pub fn t(key: Key) -> &'static str {
    key.text(locale())
}

/// The app's locale (French outside of the app, as in component tests).
pub fn locale() -> Locale {
    crate::config::use_config().locale
}

/// `key`'s text with each `{name}` replaced by its value.
pub fn fill(key: Key, values: &[(&str, &str)]) -> String {
    fill_in(locale(), key, values)
}

/// `key`'s text in `locale` with each `{name}` replaced: for code running outside
/// the reactive tree (after an `await`), where the app's locale is not at hand and
/// must have been captured before.
pub fn fill_in(locale: Locale, key: Key, values: &[(&str, &str)]) -> String {
    let mut text = key.text(locale).to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

catalogue! {
    // Every account sees it, a company too: it names what the pages hold, not
    // a way of paying that only public administrations have.
    AppName => "Commandes et factures", "Orders and invoices";
    SkipToContent => "Aller au contenu", "Skip to content";
    MainNav => "Navigation principale", "Main navigation";
    NavOrders => "Mes commandes", "My orders";
    NavInvoices => "Mes factures", "My invoices";
    NavRenewals => "Renouvellements", "Renewals";
    Loading => "Chargement en cours…", "Loading…";
    PartMissingTitle => "Cette page n’a pas pu être chargée", "This page could not be loaded";
    PartMissingBody => "Son code n’est pas arrivé, malgré plusieurs essais\u{a0}: la connexion a peut-être été coupée, ou une nouvelle version vient d’être installée. Réessayez dans un instant.", "Its code did not arrive, after several attempts: the connection may have dropped, or a new version was just installed. Try again in a moment.";
    Retry => "Réessayer", "Try again";
    UploadFileAnnounce => "{name}\u{a0}: {text}", "{name}: {text}";
    StepOf => "Étape {n} sur {total}\u{a0}: {name}", "Step {n} of {total}: {name}";
    StepsDone => "Toutes les étapes sont faites", "Every step is done";
    StepDone => "Fait\u{a0}:", "Done:";
    StepCurrent => "En cours\u{a0}:", "Current:";
    StepToDo => "À venir\u{a0}:", "To come:";
    StepChoose => "Choisir le mandat", "Choose the mandate";
    StepSign => "Signer le formulaire", "Sign the form";
    StepUpload => "Envoyer la copie signée", "Send the signed copy";
    StepReview => "Vérification", "Review";
    StepInvoice => "Facture sur Chorus Pro", "Invoice on Chorus Pro";
    StepsExpiry => "À faire avant le {date}, date d’expiration de la commande.", "To be done before {date}, when the order expires.";
    Copy => "Copier", "Copy";
    Copied => "Copié", "Copied";
    CopyFailed => "Copie impossible\u{a0}: sélectionnez le texte pour le copier.", "Could not copy: select the text to copy it.";
    BackToOrders => "Retour à mes commandes", "Back to my orders";
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundBody => "L’adresse demandée ne correspond à aucune page de cet espace. Elle a pu être mal saisie ou la page a été déplacée.", "The address does not match any page of this area. It may have been mistyped, or the page has moved.";

    // Values from the API that cannot be shown as they are.
    AmountUnknown => "Montant inconnu", "Unknown amount";
    DateUnknown => "Date inconnue", "Unknown date";
    LinkRefused => "Lien indisponible\u{a0}: l’adresse donnée par le service de facturation ne mène pas à ce service, elle n’est donc pas proposée. Réessayez plus tard ; si cela continue, contactez le support.", "Link unavailable: the address given by the billing service does not lead to that service, so it is not offered. Try again later; if this goes on, contact support.";
    UploadRefused => "Envoi impossible\u{a0}: l’adresse de dépôt donnée par le service de facturation ne mène pas à ce service, aucun fichier n’y sera envoyé. Réessayez plus tard ; si cela continue, contactez le support.", "Sending is not possible: the upload address given by the billing service does not lead to that service, so no file will be sent to it. Try again later; if this goes on, contact support.";

    ErrorSummaryTitle => "Des informations sont à compléter ou à corriger", "Some information needs completing or correcting";

    // Errors of the API, by kind.
    ErrUnauthorizedTitle => "Votre session a expiré", "Your session has expired";
    ErrUnauthorizedBody => "Pour protéger votre compte, la session se ferme après un temps d’inactivité. Reconnectez-vous à votre espace client, puis revenez sur cette page et choisissez « Réessayer ».", "To protect your account, the session closes after a period of inactivity. Sign in again to your customer area, then come back to this page and choose “Try again”.";
    ErrNotFoundTitle => "Élément introuvable", "Not found";
    ErrNotFoundBody => "Ce que vous cherchez n’existe pas ou n’est pas rattaché au compte avec lequel vous êtes connecté.", "What you are looking for does not exist, or does not belong to the account you are signed in with.";
    ErrOrderNotFoundTitle => "Commande introuvable", "Order not found";
    ErrOrderNotFoundBody => "Cette commande n’existe pas ou n’est pas rattachée au compte avec lequel vous êtes connecté. Vérifiez le lien, ou retrouvez la commande dans la liste de vos commandes.", "This order does not exist, or does not belong to the account you are signed in with. Check the link, or find the order in the list of your orders.";
    ErrUnreachableTitle => "Le service est injoignable", "The service cannot be reached";
    ErrUnreachableBody => "Nous n’avons pas pu joindre le service de facturation. Vérifiez votre connexion à internet, puis réessayez. Ce que vous avez saisi est conservé.", "We could not reach the billing service. Check your internet connection, then try again. What you have typed is kept.";
    ErrMalformedTitle => "Réponse illisible du service", "Unreadable response from the service";
    ErrMalformedBody => "Le service de facturation a renvoyé une réponse que nous ne savons pas lire. Réessayez dans quelques instants ; si le problème continue, contactez le support.", "The billing service sent a response we cannot read. Try again in a few moments; if the problem goes on, contact support.";
    ErrServerTitle => "Le service rencontre un problème", "The service has a problem";
    ErrServerBody => "Une erreur est survenue de notre côté. Réessayez dans quelques instants.", "Something went wrong on our side. Try again in a few moments.";
    ErrForbiddenTitle => "Accès refusé", "Access denied";
    ErrForbiddenBody => "Le compte avec lequel vous êtes connecté n’a pas les droits nécessaires pour cette action.", "The account you are signed in with is not allowed to do this.";
    ErrConflictTitle => "Action déjà effectuée", "Already done";
    ErrConflictBody => "Cette action a déjà été effectuée ou n’est plus possible dans l’état actuel. Rechargez la page pour voir l’état à jour.", "This has already been done, or is no longer possible in the current state. Reload the page to see the current state.";
    ErrInvalidTitle => "Certaines informations sont à corriger", "Some information needs correcting";
    ErrInvalidBody => "Le service n’a pas accepté la demande. Vérifiez les informations saisies.", "The service did not accept the request. Check the information entered.";
    ErrTooLargeTitle => "Fichier trop volumineux", "File too large";
    ErrTooLargeBody => "Le fichier dépasse la taille acceptée.", "The file is larger than accepted.";
    ErrUnsupportedTypeTitle => "Type de fichier non accepté", "File type not accepted";
    ErrUnsupportedTypeBody => "Ce type de fichier n’est pas accepté.", "This type of file is not accepted.";
    ErrUnreadableFileTitle => "Fichier illisible", "File cannot be read";
    ErrUnreadableFileBody => "Le fichier se présente comme un PDF ou une image, mais il ne peut pas être lu\u{a0}: il est endommagé ou incomplet.", "The file presents itself as a PDF or an image, but it cannot be read: it is damaged or incomplete.";
    ErrUnexpectedTitle => "Erreur inattendue", "Unexpected error";
    ErrUnexpectedBody => "Le service a répondu de façon inattendue (code {status}). Réessayez dans quelques instants.", "The service answered unexpectedly (code {status}). Try again in a few moments.";

    // Home: the account's orders.
    HomeTitle => "Mes commandes", "My orders";
    HomeIntro => "Compte\u{a0}: {name}", "Account: {name}";
    HomeNoOrders => "Vous n’avez aucune commande pour le moment.", "You have no orders yet.";
    HomeOrdersCaption => "Vos commandes", "Your orders";
    HomeInvoicesLink => "Voir mes factures", "See my invoices";
    ColOrder => "Commande", "Order";
    ColDate => "Date", "Date";
    ColTotalTtc => "Montant TTC", "Amount incl. VAT";
    ColActions => "Actions", "Actions";
    ColState => "État", "State";
    ColExpiry => "Expire le", "Expires on";
    // Home: the to-do list (see `mandat_model::todo`).
    HomeTodoTitle => "À faire", "To do";
    HomeTodoNone => "Rien n’attend d’action de votre part.", "Nothing is waiting for you.";
    HomeTodoIncomplete => "Vos factures ou vos renouvellements n’ont pas pu être lus\u{a0}: ce qu’ils attendent de vous n’apparaît pas ici. Réessayez plus tard.", "Your invoices or renewals could not be read: what they wait for is not listed here. Try again later.";
    TodoWhatPayOrder => "Commande n°\u{a0}{id} à payer", "Order no. {id} to pay";
    TodoWhatSendMandate => "Commande n°\u{a0}{id}\u{a0}: mandat signé à envoyer", "Order no. {id}: signed mandate to send";
    TodoWhatSendNewMandate => "Commande n°\u{a0}{id}\u{a0}: mandat refusé, un nouveau mandat signé est à envoyer", "Order no. {id}: mandate refused, a new signed mandate is to be sent";
    TodoWhatSendDocuments => "Facture {id} suspendue\u{a0}: les pièces demandées sont à envoyer", "Invoice {id} suspended: the documents asked for are to be sent";
    TodoWhatCorrectRouting => "Facture {id} à recycler\u{a0}: son acheminement est à corriger", "Invoice {id} to recycle: its routing is to be corrected";
    TodoWhatPayLateInterest => "Facture {id} payée en retard\u{a0}: les intérêts moratoires et l’indemnité forfaitaire de 40 € sont dus", "Invoice {id} paid late: the late-payment interest and the fixed €40 indemnity are owed";
    TodoWhatGiveEngagement => "Numéro d’engagement {year} à donner pour « {label} »", "{year} numéro d’engagement to give for “{label}”";
    TodoActPayOrder => "Payer", "Pay";
    TodoActSendMandate => "Envoyer le mandat signé", "Send the signed mandate";
    TodoActSendNewMandate => "Envoyer un nouveau mandat", "Send a new mandate";
    TodoActSendDocuments => "Envoyer les pièces", "Send the documents";
    TodoActCorrectRouting => "Corriger l’acheminement", "Correct the routing";
    TodoActPayLateInterest => "Voir les intérêts dus", "See the interest owed";
    TodoActGiveEngagement => "Donner le numéro d’engagement", "Give the numéro d’engagement";
    TodoRenewsOn => "Renouvelé le", "Renews on";
    TodoPayBy => "À payer au plus tard le", "To pay by";
    TodoAmount => "Montant\u{a0}:", "Amount:";
    TodoSendNewMandate => "Mandat refusé\u{a0}: envoyez-en un nouveau", "Mandate refused: send a new one";
    TodoSendMandate => "Mandat signé à envoyer", "Signed mandate to send";
    TodoPay => "À payer", "To pay";
    TodoMandateUnderReview => "Mandat en cours de vérification", "Mandate under review";
    TodoPaid => "Payée, en cours de livraison", "Paid, being delivered";
    TodoDelivered => "Livrée", "Delivered";
    TodoExpired => "Expirée sans paiement", "Expired unpaid";
    TodoCancelled => "Annulée", "Cancelled";
    TodoUnknown => "État inconnu", "Unknown state";
    OrderNumber => "Commande n°\u{a0}{id}", "Order no. {id}";
    PayOrderLink => "Payer la commande n°\u{a0}{id}", "Pay order no. {id}";
    MandateOrderLink => "Mandat de la commande n°\u{a0}{id}", "Mandate for order no. {id}";

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
    // The mandate page: download, upload of the signed copy, review.
    MandateLoading => "Chargement du mandat…", "Loading the mandate…";
    MandateNotFoundTitle => "Aucun mandat pour cette commande", "No mandate for this order";
    MandateNotFoundBody => "Cette commande n’a pas été payée par mandat administratif, ou elle n’est pas rattachée au compte avec lequel vous êtes connecté. Le formulaire de mandat est proposé après avoir choisi « Payer par mandat administratif » à l’étape du paiement.", "This order was not paid by administrative mandate, or it does not belong to the account you are signed in with. The mandate form is offered after choosing “Pay by administrative mandate” at the payment step.";
    MandateStateLabel => "État\u{a0}:", "Status:";
    MandateStateAwaiting => "En attente du formulaire signé", "Awaiting the signed form";
    MandateStateUploading => "Envoi du formulaire en cours", "Uploading the form";
    MandateStateUnderReview => "En cours de vérification", "Under review";
    MandateStateAccepted => "Accepté", "Accepted";
    MandateStateRejected => "Refusé", "Rejected";
    MandateStateUnknown => "État inconnu", "Unknown status";
    MandateAwaitingHelp => "Téléchargez le formulaire pré-rempli, faites-le compléter et signer par l’ordonnateur, puis déposez-le ci-dessous. La facture est émise dès que nous avons validé le mandat.", "Download the pre-filled form, have it completed and signed by the authorising officer, then upload it below. The invoice is issued as soon as we have validated the mandate.";
    MandateUnderReviewHelp => "Nous vérifions le formulaire signé. Cette page se met à jour d’elle-même ; vous pouvez aussi la quitter et revenir plus tard.", "We are checking the signed form. This page updates by itself; you can also leave it and come back later.";
    MandateUnknownHelp => "L’état de ce mandat n’est pas reconnu. Rechargez la page dans quelques instants ; si cela continue, contactez le support.", "The status of this mandate is not recognised. Reload the page in a few moments; if this goes on, contact support.";
    MandateAcceptedHelp => "Le mandat a été validé. La facture {billId} a été émise et déposée sur Chorus Pro.", "The mandate has been validated. Invoice {billId} has been issued and deposited on Chorus Pro.";
    MandateInvoiceLink => "Voir la facture {billId}", "See invoice {billId}";
    MandateRejectedTitle => "Le formulaire envoyé a été refusé", "The form sent was refused";
    MandateRejectedReason => "Motif du refus\u{a0}:", "Reason for the refusal:";
    MandateRejectedHelp => "Corrigez le formulaire en tenant compte de ce motif, puis déposez la nouvelle version signée ci-dessous.", "Correct the form with this reason in mind, then upload the new signed version below.";
    MandateRoutingTitle => "Destinataire de la facture sur Chorus Pro", "Invoice recipient on Chorus Pro";
    MandateStructure => "Structure", "Structure";
    MandateSiret => "SIRET", "SIRET";
    MandateCodeService => "Code service", "Service code";
    MandateEngagement => "Numéro d’engagement", "Commitment number";
    MandateNotGiven => "Non renseigné", "Not given";
    MandateDocumentTitle => "Dernier formulaire envoyé", "Last form sent";
    MandateDocumentSent => "envoyé le", "sent on";
    MandateDownloadTitle => "1. Télécharger le formulaire pré-rempli", "1. Download the pre-filled form";
    MandateDownloadHelp => "Imprimez-le, faites-le compléter, signer et tamponner par l’ordonnateur, puis numérisez-le.", "Print it, have it completed, signed and stamped by the authorising officer, then scan it.";
    MandateDownload => "Télécharger le formulaire de mandat (PDF)", "Download the mandate form (PDF)";
    MandateUploadTitle => "2. Déposer le formulaire signé", "2. Upload the signed form";
    MandateConstraints => "Formats acceptés\u{a0}: PDF, PNG ou JPEG. Taille maximale\u{a0}: 10 Mo. Un seul fichier.", "Accepted formats: PDF, PNG or JPEG. Maximum size: 10 MB. One file.";
    MandateChooseLabel => "Choisir le formulaire signé", "Choose the signed form";
    MandateDropHint => "Vous pouvez aussi glisser-déposer le fichier dans ce cadre, ou le coller (Ctrl+V) après l’avoir copié.", "You can also drag and drop the file into this box, or paste it (Ctrl+V) after copying it.";
    MandateChosenTitle => "Fichier choisi\u{a0}:", "File chosen:";
    MandateChecking => "Vérification du fichier…", "Checking the file…";
    MandateKindPdf => "document PDF", "PDF document";
    MandateKindPng => "image PNG", "PNG image";
    MandateKindJpeg => "image JPEG", "JPEG image";
    MandateKindMismatch => "Son contenu est celui d’une {kind}\u{a0}: il sera envoyé comme tel, quel que soit son nom.", "Its content is that of a {kind}: it will be sent as such, whatever its name.";
    MandateErrEmpty => "Le fichier « {name} » est vide (0 octet). Choisissez le formulaire signé, enregistré en PDF, PNG ou JPEG.", "The file “{name}” is empty (0 bytes). Choose the signed form, saved as PDF, PNG or JPEG.";
    MandateErrTooLarge => "Le fichier « {name} » pèse {size}, au-delà de la taille maximale de 10 Mo. Numérisez le formulaire en 150 ou 200 ppp, en noir et blanc, ou enregistrez-le en PDF compressé, puis choisissez-le à nouveau.", "The file “{name}” is {size}, over the 10 MB maximum. Scan the form at 150 or 200 dpi, in black and white, or save it as a compressed PDF, then choose it again.";
    MandateErrType => "Le fichier « {name} » n’est ni un PDF, ni une image PNG ou JPEG\u{a0}: son contenu a été vérifié, pas seulement son nom. Enregistrez le formulaire signé dans l’un de ces formats, puis choisissez-le à nouveau.", "The file “{name}” is neither a PDF nor a PNG or JPEG image: its content was checked, not only its name. Save the signed form in one of these formats, then choose it again.";
    MandateErrUnreadable => "Le fichier « {name} » n’a pas pu être lu. Vérifiez qu’il est toujours présent sur votre poste, puis choisissez-le à nouveau.", "The file “{name}” could not be read. Check that it is still on your computer, then choose it again.";
    MandateSend => "Envoyer le formulaire signé", "Send the signed form";
    MandateCancel => "Annuler l’envoi", "Cancel the upload";
    MandateRetrySend => "Réessayer l’envoi", "Try sending again";
    MandateProgressLabel => "Envoi du formulaire signé", "Uploading the signed form";
    MandateProgressValue => "{percent} %", "{percent}%";
    MandateProgressAnnounce => "Envoi en cours\u{a0}: {percent} %", "Uploading: {percent}%";
    MandateRetrying => "La connexion a été interrompue. Nouvel essai dans {seconds} s (tentative {attempt} sur {total}).", "The connection was interrupted. Trying again in {seconds} s (attempt {attempt} of {total}).";
    MandateCancelled => "Envoi annulé. Votre fichier est conservé\u{a0}: vous pouvez l’envoyer à nouveau ou en choisir un autre.", "Upload cancelled. Your file is kept: you can send it again or choose another one.";
    MandateFailedTitle => "L’envoi n’a pas abouti", "The upload did not go through";
    MandateFailedNetwork => "Le formulaire n’a pas pu être envoyé après {total} tentatives\u{a0}: le service est injoignable. Votre fichier est conservé ; vérifiez votre connexion, puis choisissez « Réessayer l’envoi ».", "The form could not be sent after {total} attempts: the service cannot be reached. Your file is kept; check your connection, then choose “Try sending again”.";
    MandateFailedServer => "Le service n’a pas pu enregistrer le formulaire après {total} tentatives. Votre fichier est conservé ; réessayez dans quelques minutes.", "The service could not store the form after {total} attempts. Your file is kept; try again in a few minutes.";
    MandateServerTooLarge => "Le service a refusé le fichier\u{a0}: il dépasse la taille maximale de 10 Mo. Réduisez sa taille (numérisation en 150 ou 200 ppp, en noir et blanc), puis choisissez-le à nouveau.", "The service refused the file: it is over the 10 MB maximum. Reduce its size (scan at 150 or 200 dpi, in black and white), then choose it again.";
    MandateServerType => "Le service a refusé le fichier\u{a0}: son contenu n’est pas celui d’un PDF ni d’une image PNG ou JPEG. Enregistrez le formulaire signé dans l’un de ces formats, puis choisissez-le à nouveau.", "The service refused the file: its content is not that of a PDF or of a PNG or JPEG image. Save the signed form in one of these formats, then choose it again.";
    MandateServerUnreadable => "Le service a refusé le fichier\u{a0}: il se présente comme un PDF ou une image PNG ou JPEG, mais il ne peut pas être lu (fichier endommagé ou incomplet). Ouvrez-le sur votre poste pour le vérifier, enregistrez à nouveau le formulaire signé, puis choisissez-le à nouveau.", "The service refused the file: it presents itself as a PDF or a PNG or JPEG image, but it cannot be read (a damaged or incomplete file). Open it on your computer to check it, save the signed form again, then choose it again.";
    MandateServerEmpty => "Le service a reçu un fichier vide. Choisissez à nouveau le formulaire signé, puis envoyez-le.", "The service received an empty file. Choose the signed form again, then send it.";
    MandateServerConflict => "Ce mandat n’attend plus de formulaire\u{a0}: un envoi a déjà été reçu. L’état affiché a été mis à jour.", "This mandate no longer awaits a form: one has already been received. The status shown has been updated.";
    MandateFileKept => "Votre fichier est conservé.", "Your file is kept.";
    MandateSent => "Formulaire signé reçu. Il est maintenant en cours de vérification.", "Signed form received. It is now under review.";
    MandateRefreshFailed => "La mise à jour automatique de l’état a échoué ; elle reprendra d’elle-même dans quelques instants.", "The automatic update of the status failed; it will resume by itself in a few moments.";

    // Invoices: list, invoice page, status timeline (src/invoices/).
    InvStatusDeposee => "Déposée", "Deposited";
    InvStatusEnCoursAcheminement => "En cours d’acheminement", "Being routed";
    InvStatusMiseADisposition => "Mise à disposition du destinataire", "Made available to the recipient";
    InvStatusARecycler => "À recycler", "To be recycled";
    InvStatusSuspendue => "Suspendue", "Suspended";
    InvStatusCompletee => "Complétée", "Completed";
    InvStatusRejetee => "Rejetée", "Rejected";
    InvStatusServiceFait => "Service fait", "Service done";
    InvStatusMandatee => "Mandatée", "Payment order issued";
    InvStatusMiseADispositionComptable => "Mise à disposition du comptable", "Made available to the accountant";
    InvStatusComptabilisee => "Comptabilisée", "Recorded in the accounts";
    InvStatusMiseEnPaiement => "Mise en paiement", "Put in payment";
    InvStatusUnknown => "Statut inconnu", "Unknown status";
    InvStatusNone => "Hors Chorus Pro", "Not through Chorus Pro";
    InvActorChorusPro => "Chorus Pro", "Chorus Pro";
    InvActorRecipient => "L’administration destinataire", "The recipient administration";
    InvActorSupplier => "Le fournisseur", "The supplier";
    InvActorPublicAccountant => "Le comptable public (DGFiP)", "The public accountant (DGFiP)";
    InvActorUnknown => "Non précisé", "Not stated";
    InvCategoryPurchase => "Commande", "Order";
    InvCategoryAutorenew => "Renouvellement automatique", "Automatic renewal";
    InvCategoryEarlyrenewal => "Renouvellement anticipé", "Early renewal";
    InvCategoryOther => "Autre", "Other";
    InvFiltersTitle => "Filtrer et trier", "Filter and sort";
    InvFiltersActiveOne => "1 filtre actif", "1 filter on";
    InvFiltersActiveMany => "{count} filtres actifs", "{count} filters on";
    InvFilterStatus => "Statut Chorus Pro", "Chorus Pro status";
    InvFilterStatusAll => "Tous les statuts", "All statuses";
    InvFilterFrom => "Émises à partir du", "Issued from";
    InvFilterTo => "Émises jusqu’au", "Issued until";
    InvFilterDateHint => "Format\u{a0}: jj/mm/aaaa", "Format: dd/mm/yyyy";
    InvFilterSort => "Ordre", "Order";
    InvSortDateDesc => "Les plus récentes d’abord", "Newest first";
    InvSortDateAsc => "Les plus anciennes d’abord", "Oldest first";
    InvFilterPageSize => "Factures par page", "Invoices per page";
    InvFilterReset => "Effacer les filtres", "Clear filters";
    InvRangeReversedTitle => "Dates inversées", "Dates the wrong way round";
    InvRangeReversed => "La date de début est postérieure à la date de fin\u{a0}: aucune facture ne peut correspondre. Corrigez l’une des deux dates.", "The start date is after the end date: no invoice can match. Correct one of the two dates.";
    InvCount => "{count} factures", "{count} invoices";
    InvAnnounceStatus => ", statut {status}", ", status {status}";
    InvCountOne => "1 facture", "1 invoice";
    InvCountNone => "Aucune facture ne correspond à ces critères.", "No invoice matches these criteria.";
    InvListCaption => "Vos factures, page {page} sur {pages}", "Your invoices, page {page} of {pages}";
    InvColNumber => "Numéro", "Number";
    InvColDate => "Date", "Date";
    InvColOrder => "Commande", "Order";
    InvColType => "Type", "Type";
    InvColAmount => "Montant TTC", "Amount incl. VAT";
    InvColStatus => "Statut Chorus Pro", "Chorus Pro status";
    InvColDue => "Échéance", "Due date";
    InvNoDue => "Pas encore fixée", "Not set yet";
    InvDueNone => "Sans objet (hors Chorus Pro)", "Not applicable (outside Chorus Pro)";
    InvDueInterrupted => "Délai interrompu", "Deadline interrupted";
    InvDueVoid => "Aucune (facture rejetée)", "None (invoice rejected)";
    InvDueUnknown => "Inconnue", "Unknown";
    InvLateBadge => "en retard", "late";
    InvPaidLateBadge => "payée en retard\u{a0}: intérêts dus", "paid late: interest owed";
    InvPagination => "Pages de la liste des factures", "Pages of the invoice list";
    InvPrev => "Page précédente", "Previous page";
    InvNext => "Page suivante", "Next page";
    InvPageOf => "Page {page} sur {pages}", "Page {page} of {pages}";
    InvBack => "Retour à mes factures", "Back to my invoices";
    InvNotFoundTitle => "Facture introuvable", "Invoice not found";
    InvNotFoundBody => "Cette facture n’existe pas ou n’est pas rattachée au compte avec lequel vous êtes connecté. Retrouvez-la dans la liste de vos factures.", "This invoice does not exist, or does not belong to the account you are signed in with. Find it in the list of your invoices.";
    InvNotFoundLink => "Voir la liste de vos factures", "See the list of your invoices";
    InvOwedAmount => "Montant dû", "Amount due";
    InvOwedLateDetail => "dont {interest} d’intérêts moratoires et {indemnity} d’indemnité forfaitaire pour frais de recouvrement", "including {interest} of late-payment interest and a {indemnity} fixed recovery indemnity";
    InvOwedInterestUnknown => "intérêts moratoires impossibles à calculer à partir des informations reçues, plus l’indemnité forfaitaire de {indemnity}", "late-payment interest that cannot be computed from the information received, plus the {indemnity} fixed indemnity";
    InvOwedGrowing => "À ce jour\u{a0}: les intérêts courent chaque jour jusqu’à la mise en paiement.", "So far: interest grows each day until the payment.";
    InvOwedPayBy => "À payer au plus tard le {date}.", "To be paid by {date}.";
    InvDueLabel => "Échéance", "Due date";
    InvDueIn => "{date}, dans {days}", "{date}, in {days}";
    InvDueToday => "{date}, aujourd’hui", "{date}, today";
    InvDueLate => "{date}, dépassée de {days}", "{date}, {days} late";
    InvDuePaidOnTime => "{date}, respectée\u{a0}: mise en paiement le {paid}", "{date}, met: put in payment on {paid}";
    InvDuePaidLate => "{date}, dépassée de {days}\u{a0}: mise en paiement le {paid}", "{date}, missed by {days}: put in payment on {paid}";
    InvDueNotReported => "{date} (votre structure ne transmet pas ses paiements à Chorus Pro)", "{date} (your structure does not report its payments to Chorus Pro)";
    InvHeadDueInterrupted => "Aucune pour l’instant\u{a0}: délai interrompu par la suspension", "None for now: the deadline is interrupted by the suspension";
    InvHeadDueVoid => "Aucune\u{a0}: facture rejetée", "None: invoice rejected";
    InvDueNotStarted => "Pas encore\u{a0}: le délai n’a pas commencé", "Not yet: the deadline has not started";
    InvChorusCopyLabel => "Copier le numéro de la facture sur Chorus Pro", "Copy the invoice number on Chorus Pro";
    InvActionSendDocuments => "Répondre à la suspension\u{a0}: envoyer les pièces", "Answer the suspension: send the documents";
    InvActionCorrectRouting => "Corriger l’acheminement de la facture", "Correct the invoice’s routing";
    InvSummaryTitle => "Informations de la facture", "Invoice details";
    InvFieldDate => "Date de facturation", "Invoice date";
    InvFieldOrder => "Commande", "Order";
    InvFieldOrderValue => "n°\u{a0}{id}", "no. {id}";
    InvFieldType => "Type", "Type";
    InvFieldHt => "Montant HT", "Amount excl. VAT";
    InvFieldTva => "TVA", "VAT";
    InvFieldTtc => "Montant TTC", "Amount incl. VAT";
    InvFieldStatus => "Statut sur Chorus Pro", "Status on Chorus Pro";
    InvFieldDebt => "Règlement", "Settlement";
    InvDebtPaid => "Réglée", "Paid";
    InvDebtUnpaid => "Impayée", "Unpaid";
    InvDebtToBePaid => "À régler", "To be paid";
    InvDebtUnmatured => "Non échue", "Not yet due";
    InvDebtRefunded => "Remboursée", "Refunded";
    InvDebtUnknown => "Inconnu", "Unknown";
    InvPendingUnknown => "Inconnu\u{a0}: votre structure ne transmet pas ses paiements à Chorus Pro", "Unknown: your structure does not report its payments to Chorus Pro";
    InvDebtCancelled => "Annulée (facture rejetée)", "Cancelled (invoice rejected)";
    InvPdf => "Télécharger la facture {id} (PDF)", "Download invoice {id} (PDF)";
    InvNotOnChorus => "Cette facture ne passe pas par Chorus Pro\u{a0}: elle a été réglée lors de la commande.", "This invoice does not go through Chorus Pro: it was paid when ordering.";
    InvNextTitle => "Prochaine étape", "Next step";
    InvNextRouting => "Chorus Pro achemine la facture vers votre structure. Vous n’avez rien à faire\u{a0}: elle vous sera mise à disposition dans les prochains jours.", "Chorus Pro is routing the invoice to your structure. You have nothing to do: it will be made available to you within a few days.";
    InvNextValidate => "La facture attend votre validation. Connectez-vous à Chorus Pro pour la valider, afin que le comptable public puisse la payer.", "The invoice is awaiting your validation. Sign in to Chorus Pro to validate it, so that the public accountant can pay it.";
    InvNextValidateLink => "Valider la facture sur Chorus Pro (nouvelle fenêtre)", "Validate the invoice on Chorus Pro (new window)";
    InvNextSuspended => "Votre structure a suspendu la facture\u{a0}: des pièces manquent. Nous les ajoutons sur Chorus Pro et la facture vous revient complétée ; ce que devient le délai de paiement est indiqué plus bas.", "Your structure has suspended the invoice: documents are missing. We add them on Chorus Pro and the invoice comes back to you completed; what becomes of the payment deadline is shown below.";
    InvNextSuspendedReason => "Pièces demandées\u{a0}:", "Documents requested:";
    InvNextRecycle => "La facture est à recycler\u{a0}: ses informations d’acheminement ne correspondent pas à votre structure. Vérifiez-les ci-dessous et corrigez-les\u{a0}: la même facture est aussitôt réacheminée.", "The invoice is to be recycled: its routing details do not match your structure. Check them below and correct them: the same invoice is routed again at once.";
    InvNextRecycleReason => "Motif\u{a0}:", "Reason:";
    InvNextRejected => "La facture a été rejetée ; ce rejet est définitif. Une nouvelle facture sera émise et déposée sur Chorus Pro\u{a0}: vous n’avez rien à faire.", "The invoice was rejected; this is final. A new invoice will be issued and deposited on Chorus Pro: you have nothing to do.";
    InvNextRejectedReason => "Motif du rejet\u{a0}:", "Reason for rejection:";
    InvNextProcessing => "La facture est validée et suit son traitement jusqu’au comptable public. Vous n’avez rien à faire.", "The invoice is validated and on its way to the public accountant. You have nothing to do.";
    InvNextNotReported => "Votre structure ne transmet pas à Chorus Pro la mise en paiement de ses factures\u{a0}: ce statut n’apparaîtra pas ici. Le paiement se constate à réception du virement ; inutile d’attendre une mise à jour de ce suivi.", "Your structure does not report to Chorus Pro when its invoices are put in payment: that status will not appear here. The payment shows when the transfer arrives; there is no need to wait for this tracking to change.";
    InvNotReportedNote => "À noter\u{a0}: votre structure ne transmet pas la mise en paiement à Chorus Pro ; ce dernier statut n’apparaîtra pas dans ce suivi.", "Note: your structure does not report payment to Chorus Pro; that last status will not appear in this tracking.";
    InvNextPayLateInterest => "La facture a été mise en paiement après son échéance\u{a0}: les intérêts moratoires et l’indemnité forfaitaire de 40 € sont dus de plein droit et doivent être payés dans les 45 jours qui suivent ; leur montant et la date limite sont indiqués plus bas.", "The invoice was put in payment after its due date: the late-payment interest and the fixed €40 indemnity are owed by law and must be paid within the following 45 days; their amount and the deadline are shown below.";
    InvNextPaid => "Le comptable public a mis la facture en paiement. Le virement arrive sous quelques jours ; vous n’avez plus rien à faire.", "The public accountant has put the invoice in payment. The transfer arrives within a few days; you have nothing left to do.";
    InvNextUnknown => "Le statut de la facture sur Chorus Pro n’est pas encore connu. Cette page se met à jour d’elle-même.", "The invoice’s status on Chorus Pro is not known yet. This page updates itself.";
    InvRoutingTitle => "Acheminement sur Chorus Pro", "Routing on Chorus Pro";
    InvChorusId => "Numéro de la facture sur Chorus Pro", "Invoice number on Chorus Pro";
    InvRoutingStructure => "Structure destinataire", "Recipient structure";
    InvRoutingSiret => "SIRET", "SIRET";
    InvRoutingService => "Code service", "Service code";
    InvRoutingEj => "Numéro d’engagement", "Commitment number";
    InvRoutingNone => "Non renseigné", "Not provided";
    RecycleTitle => "Corriger l’acheminement", "Correct the routing";
    RecycleIntro => "Indiquez à quelle structure, à quel service et, s’il est demandé, sous quel numéro d’engagement adresser la facture. Elle est redéposée aussitôt sur Chorus Pro, et la commande n°\u{a0}{order} garde ce nouvel acheminement pour ses prochaines factures.", "Say which structure, which service and, when asked for, which commitment number the invoice goes to. It is deposited on Chorus Pro again at once, and order no. {order} keeps this routing for its next invoices.";
    RecycleLegend => "Nouvel acheminement de la facture", "New routing of the invoice";
    RecycleSubmit => "Réacheminer la facture", "Route the invoice again";
    RecycleBusy => "Envoi de la correction…", "Sending the correction…";
    RecycleDoneTitle => "Acheminement corrigé\u{a0}: la facture est réacheminée", "Routing corrected: the invoice is routed again";
    RecycleDoneBody => "La facture {id} est redéposée sur Chorus Pro pour {structure} (SIRET {siret}).", "Invoice {id} is deposited on Chorus Pro again for {structure} (SIRET {siret}).";
    RecycleDoneService => "Code service\u{a0}: {code}.", "Service code: {code}.";
    RecycleDoneEngagement => "Numéro d’engagement\u{a0}: {ej}.", "Commitment number: {ej}.";
    RecycleDoneOrder => "Les prochaines factures de la commande n°\u{a0}{order} iront à la même adresse. Le délai de paiement recommencera quand la facture sera mise à disposition de la structure ; cette page suit son acheminement.", "The next invoices of order no. {order} will go to the same place. The payment deadline starts again when the invoice is made available to the structure; this page follows its routing.";
    RecycleConflictTitle => "Cette facture n’est plus à recycler", "This invoice is no longer to be recycled";
    RecycleConflictBody => "Son statut sur Chorus Pro a changé depuis l’ouverture de la page (elle a peut-être déjà été corrigée)\u{a0}: la correction n’a pas été prise. Le suivi ci-dessous est à jour.", "Its status on Chorus Pro changed since the page was opened (it may have been corrected already): the correction was not taken. The tracking below is up to date.";
    InvDeadlineTitle => "Délai de paiement", "Payment deadline";
    InvDeadlineStart => "Début du délai (mise à disposition)", "Deadline starts (made available)";
    InvDeadlineDays => "Délai global de paiement", "Overall payment deadline";
    InvDeadlineInterruptedOn => "Interrompu le (suspension)", "Interrupted on (suspension)";
    InvDeadlineBalance => "Solde du délai ce jour-là", "Days of the deadline left that day";
    InvDeadlineResumedOn => "Pièces reçues le (complétée)", "Documents received on (completed)";
    InvDeadlineNewDays => "Nouveau délai ouvert", "New deadline opened";
    InvDeadlineNewDaysPending => "Nouveau délai à réception des pièces", "New deadline once the documents arrive";
    InvDeadlineDue => "Date d’échéance", "Due date";
    InvDeadlinePaidOn => "Mise en paiement le", "Put in payment on";
    InvDays => "{days} jours", "{days} days";
    InvDayOne => "1 jour", "1 day";
    InvDayZero => "0 jour", "0 days";
    InvDeadlineLeft => "Il reste {days} jours avant l’échéance.", "{days} days left before the due date.";
    InvDeadlineLeftOne => "Il reste 1 jour avant l’échéance.", "1 day left before the due date.";
    InvDeadlineToday => "L’échéance est aujourd’hui.", "The invoice is due today.";
    InvDeadlineLate => "En retard de {days} jours.", "{days} days late.";
    InvDeadlineLateOne => "En retard de 1 jour.", "1 day late.";
    InvDeadlineNotStarted => "Le délai de paiement n’a pas encore commencé\u{a0}: il commence quand la facture est mise à disposition de votre structure.", "The payment deadline has not started yet: it starts when the invoice is made available to your structure.";
    InvDeadlineRoutedAgain => "Le délai de paiement n’a pas encore commencé\u{a0}: la facture a été réacheminée. Un délai complet commencera quand elle sera de nouveau mise à disposition de votre structure.", "The payment deadline has not started yet: the invoice has been routed again. A full deadline will start when it is made available to your structure anew.";
    InvDeadlineRestarts => "Le délai de paiement n’a pas commencé\u{a0}: la facture est revenue pour être recyclée. Un délai complet commencera quand, réacheminée, elle sera de nouveau mise à disposition de votre structure.", "The payment deadline has not started: the invoice came back to be recycled. A full deadline will start when, routed again, it is made available to your structure anew.";
    InvDeadlineInterrupted => "Délai interrompu depuis le {date}\u{a0}: aucun compte à rebours ne court tant que les pièces demandées ne sont pas reçues.", "Deadline interrupted since {date}: no countdown runs until the requested documents are received.";
    InvDeadlineInterruptedNext => "À leur réception s’ouvrira un nouveau délai de {days} jours\u{a0}: la loi prévoit 30 jours, ou le solde qui restait le jour de l’interruption s’il est plus long (Code de la commande publique, art. R2192-29).", "Once they arrive, a new deadline of {days} days will open: the law provides 30 days, or the balance left on the day of the interruption when it is longer (Public Procurement Code, art. R2192-29).";
    InvDeadlineResumed => "Les pièces demandées ont été reçues le {date}\u{a0}: un nouveau délai de {days} jours s’est ouvert ce jour-là (art. R2192-29).", "The requested documents were received on {date}: a new deadline of {days} days opened that day (art. R2192-29).";
    InvDeadlinePaidOnTime => "Mise en paiement le {date}, dans le délai.", "Put in payment on {date}, within the deadline.";
    InvDeadlinePaidLate => "Mise en paiement le {date}, {days} jours après l’échéance.", "Put in payment on {date}, {days} days after the due date.";
    InvDeadlinePaidLateOne => "Mise en paiement le {date}, 1 jour après l’échéance.", "Put in payment on {date}, 1 day after the due date.";
    InvDeadlineVoid => "Facture rejetée\u{a0}: rien n’est dû sur cette facture et aucun délai de paiement ne court. Un avoir l’annulera ou une nouvelle facture la remplacera, avec son propre délai.", "Invoice rejected: nothing is owed on this invoice and no payment deadline runs. A credit note will cancel it or a new invoice will replace it, with its own deadline.";
    InvDeadlineNotReported => "Votre structure ne transmet pas la mise en paiement à Chorus Pro\u{a0}: ce suivi ne peut pas savoir si la facture a été payée, ni donc dire si elle l’a été en retard. Aucun retard ni intérêt n’est calculé ici.", "Your structure does not report payment to Chorus Pro: this tracking cannot know whether the invoice was paid, nor therefore say whether it was paid late. No lateness or interest is computed here.";
    InvDeadlineUnknown => "Le délai de paiement de cette facture ne peut pas être établi à partir des informations reçues.", "The payment deadline of this invoice cannot be established from the information received.";
    InvLateSoFarTitle => "Intérêts moratoires à ce jour", "Late-payment interest so far";
    InvLateOwedTitle => "Intérêts moratoires et indemnité dus", "Late-payment interest and indemnity owed";
    InvLateInterest => "Intérêts moratoires", "Late-payment interest";
    InvLateIndemnity => "Indemnité forfaitaire pour frais de recouvrement", "Fixed recovery indemnity";
    InvLateTotal => "Total", "Total";
    InvLateExplain => "Dus de plein droit dès le lendemain de l’échéance (Code de la commande publique, art. L2192-13)\u{a0}: taux de la Banque centrale européenne en vigueur au {from} ({ecb}\u{a0}%), majoré de 8 points, soit {rate}\u{a0}% par an (art. R2192-31), sur le montant TTC ({amount}), pendant {days}, sur une base de 365 jours ; s’y ajoute une indemnité forfaitaire de 40\u{a0}€ pour frais de recouvrement (art. D2192-35).", "Owed by law from the day after the due date (Public Procurement Code, art. L2192-13): the European Central Bank rate in force on {from} ({ecb}%), plus 8 points, that is {rate}% a year (art. R2192-31), on the amount including VAT ({amount}), for {days}, on a 365-day basis; plus a fixed €40 recovery indemnity (art. D2192-35).";
    InvLateRunning => "Ces intérêts courent chaque jour jusqu’à la mise en paiement, qui en arrête le montant.", "This interest grows each day until the payment, which sets its amount.";
    InvLatePayBy => "À payer au plus tard le {date}, 45 jours après la mise en paiement (art. R2192-36).", "To be paid by {date}, 45 days after the principal was put in payment (art. R2192-36).";
    InvLateLastKnownRate => "Le taux de la BCE du semestre commençant le {half} n’a pas encore été ajouté à ce service\u{a0}: le calcul retient le dernier taux qu’il connaît, celui du {from}. Le montant exact est arrêté par votre comptable public.", "The ECB rate of the half-year starting on {half} has not been added to this service yet: the computation uses the last rate it knows, that of {from}. Your public accountant sets the exact amount.";
    InvLateUnknown => "Le montant des intérêts moratoires ne peut pas être calculé à partir des informations reçues ; l’indemnité forfaitaire de 40\u{a0}€ pour frais de recouvrement est due.", "The late-payment interest cannot be computed from the information received; the fixed €40 recovery indemnity is owed.";
    InvTimelineTitle => "Historique sur Chorus Pro", "History on Chorus Pro";
    InvTimelineEmpty => "Aucun événement pour le moment.", "No event yet.";
    InvEventActor => "Par\u{a0}:", "By:";
    InvEventReason => "Motif\u{a0}:", "Reason:";
    InvLiveNew => "Nouveau statut sur Chorus Pro\u{a0}: {status}, le {date}.", "New status on Chorus Pro: {status}, on {date}.";
    InvLiveWatching => "Cette page se met à jour automatiquement tant qu’elle est ouverte.", "This page updates itself while it is open.";

    // A suspended invoice's documents (src/invoices/documents.rs) and the shared upload zone.
    UploadRemove => "Retirer le fichier « {name} »", "Remove the file “{name}”";
    UploadRemoveShort => "Retirer", "Remove";
    DocsTitle => "Répondre à la suspension", "Answer the suspension";
    DocsRequested => "Pièces demandées par votre structure\u{a0}:", "Documents requested by your structure:";
    DocsRequestedNone => "Votre structure n’a pas précisé les pièces demandées\u{a0}: consultez la facture sur Chorus Pro.", "Your structure did not say which documents it needs: see the invoice on Chorus Pro.";
    DocsHelp => "Déposez ci-dessous les pièces demandées, puis transmettez-les\u{a0}: nous les ajoutons à la facture sur Chorus Pro, qui vous revient complétée.", "Upload the documents requested below, then send them: we add them to the invoice on Chorus Pro, and it comes back to you completed.";
    DocsStateAwaiting => "Pièces attendues\u{a0}: déposez-les, puis transmettez-les.", "Documents awaited: upload them, then send them.";
    DocsStateBeingAdded => "Pièces reçues le {date}, en cours d’ajout sur Chorus Pro.", "Documents received on {date}, being added on Chorus Pro.";
    DocsStateAdded => "Pièces reçues le {date} et ajoutées sur Chorus Pro\u{a0}: la facture a été complétée.", "Documents received on {date} and added on Chorus Pro: the invoice has been completed.";
    DocsStateUnknown => "L’état des pièces n’est pas reconnu. Rechargez la page dans quelques instants.", "The status of the documents is not recognised. Reload the page in a few moments.";
    DocsSentNotice => "Pièces transmises. Cette page se met à jour quand la facture est complétée.", "Documents sent. This page updates when the invoice is completed.";
    DocsReceivedTitle => "Pièces déposées, à transmettre", "Documents uploaded, to send";
    DocsSentTitle => "Pièces transmises", "Documents sent";
    DocsReceivedOn => "reçue le", "received on";
    DocsKindOther => "type inconnu", "unknown type";
    DocsTransmit => "Transmettre les pièces déposées", "Send the uploaded documents";
    DocsTransmitHint => "Une fois transmises, aucune pièce ne peut être ajoutée tant que la facture n’a pas été complétée sur Chorus Pro.", "Once they are sent, no document can be added until the invoice has been completed on Chorus Pro.";
    DocsWaitingFiles => "Des fichiers choisis n’ont pas encore été déposés\u{a0}: déposez-les ou retirez-les avant de transmettre.", "Some chosen files have not been uploaded yet: upload or remove them before sending.";
    DocsConflictBeingAdded => "Les pièces ont déjà été transmises\u{a0}: elles sont en cours d’ajout sur Chorus Pro. Rien n’a été perdu ; l’état affiché a été mis à jour.", "The documents were already sent: they are being added on Chorus Pro. Nothing was lost; the status shown has been updated.";
    DocsConflictNoDocuments => "Aucune pièce n’a encore été reçue\u{a0}: déposez au moins un fichier avant de transmettre.", "No document has been received yet: upload at least one file before sending.";
    DocsConflictNotSuspended => "La facture n’est plus suspendue\u{a0}: aucune pièce n’est plus demandée. L’état affiché a été mis à jour.", "The invoice is no longer suspended: no document is asked for any more. The status shown has been updated.";
    DocsUploadTitle => "Déposer les pièces demandées", "Upload the documents requested";
    DocsConstraints => "Formats acceptés\u{a0}: PDF, PNG ou JPEG. Taille maximale\u{a0}: 10 Mo par fichier. Plusieurs fichiers possibles, 10 au plus.", "Accepted formats: PDF, PNG or JPEG. Maximum size: 10 MB per file. Several files allowed, 10 at most.";
    DocsChooseLabel => "Choisir les pièces à déposer", "Choose the documents to upload";
    DocsDropHint => "Vous pouvez aussi glisser-déposer les fichiers dans ce cadre, ou les coller (Ctrl+V) après les avoir copiés.", "You can also drag and drop the files into this box, or paste them (Ctrl+V) after copying them.";
    DocsChosenTitle => "Fichier\u{a0}:", "File:";
    DocsSend => "Déposer les fichiers choisis", "Upload the chosen files";
    DocsRetrySend => "Réessayer l’envoi de ce fichier", "Try sending this file again";
    DocsProgressLabel => "Envoi de la pièce", "Uploading the document";
    DocsErrEmpty => "Le fichier « {name} » est vide (0 octet). Choisissez la pièce demandée, enregistrée en PDF, PNG ou JPEG.", "The file “{name}” is empty (0 bytes). Choose the document requested, saved as PDF, PNG or JPEG.";
    DocsErrTooLarge => "Le fichier « {name} » pèse {size}, au-delà de la taille maximale de 10 Mo. Numérisez la pièce en 150 ou 200 ppp, ou enregistrez-la en PDF compressé, puis choisissez-la à nouveau.", "The file “{name}” is {size}, over the 10 MB maximum. Scan the document at 150 or 200 dpi, or save it as a compressed PDF, then choose it again.";
    DocsErrType => "Le fichier « {name} » n’est ni un PDF, ni une image PNG ou JPEG\u{a0}: son contenu a été vérifié, pas seulement son nom. Enregistrez la pièce dans l’un de ces formats, puis choisissez-la à nouveau.", "The file “{name}” is neither a PDF nor a PNG or JPEG image: its content was checked, not only its name. Save the document in one of these formats, then choose it again.";
    DocsFailedNetwork => "La pièce n’a pas pu être envoyée après {total} tentatives\u{a0}: le service est injoignable. Votre fichier est conservé ; vérifiez votre connexion, puis choisissez « Réessayer l’envoi de ce fichier ».", "The document could not be sent after {total} attempts: the service cannot be reached. Your file is kept; check your connection, then choose “Try sending this file again”.";
    DocsFailedServer => "Le service n’a pas pu enregistrer la pièce après {total} tentatives. Votre fichier est conservé ; réessayez dans quelques minutes.", "The service could not store the document after {total} attempts. Your file is kept; try again in a few minutes.";
    DocsServerType => "Le service a refusé le fichier\u{a0}: son contenu n’est pas celui d’un PDF ni d’une image PNG ou JPEG. Enregistrez la pièce dans l’un de ces formats, puis choisissez-la à nouveau.", "The service refused the file: its content is not that of a PDF or of a PNG or JPEG image. Save the document in one of these formats, then choose it again.";
    DocsServerUnreadable => "Le service a refusé le fichier\u{a0}: il se présente comme un PDF ou une image PNG ou JPEG, mais il ne peut pas être lu (fichier endommagé ou incomplet). Ouvrez-le sur votre poste pour le vérifier, enregistrez à nouveau la pièce, puis choisissez-la à nouveau.", "The service refused the file: it presents itself as a PDF or a PNG or JPEG image, but it cannot be read (a damaged or incomplete file). Open it on your computer to check it, save the document again, then choose it again.";
    DocsServerEmpty => "Le service a reçu un fichier vide. Choisissez à nouveau la pièce, puis envoyez-la.", "The service received an empty file. Choose the document again, then send it.";
    DocsServerConflict => "Cette facture ne prend plus de pièces\u{a0}: celles déjà transmises sont en cours d’ajout sur Chorus Pro, ou la facture n’est plus suspendue. Votre fichier est conservé sur votre poste ; l’état affiché a été mis à jour.", "This invoice takes no more documents: those already sent are being added on Chorus Pro, or the invoice is no longer suspended. Your file is still on your computer; the status shown has been updated.";
    DocsReceivedOne => "1 pièce reçue.", "1 document received.";
    DocsReceivedMany => "{count} pièces reçues.", "{count} documents received.";
    DocsLeftOne => "1 fichier n’a pas été déposé\u{a0}: il reste dans la liste.", "1 file was not uploaded: it is still in the list.";
    DocsLeftMany => "{count} fichiers n’ont pas été déposés\u{a0}: ils restent dans la liste.", "{count} files were not uploaded: they are still in the list.";
    InvFirstPage => "Cette page de la liste n’existe plus. Revenir à la première page", "This page of the list no longer exists. Go back to the first page";

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
