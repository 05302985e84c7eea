//! The mandate page: download, upload of the signed copy, review.

use crate::i18n::Key;

catalogue! {
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
}
