//! The app's frame, values from the API that cannot be shown, and the API's errors: every view shows them.

use crate::i18n::Key;

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
}
