//! A suspended invoice's documents and the shared upload zone.

use crate::i18n::Key;

catalogue! {
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
}
