//! The orders page and its to-do list.

use crate::i18n::Key;

catalogue! {
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
}
