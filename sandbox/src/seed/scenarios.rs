//! The invoices' stories: one per Chorus Pro situation the app must show,
//! each a list of events dated relative to the moment of seeding.

use mandat_model::chorus::ChorusStatus::{self, *};

/// A bill scenario: category, amount before tax, whether it goes to the syndicate
/// that never reports mise en paiement, whether the clock moves it, and its events
/// as (status, days ago, hours ago, reason). Listed out of date order on purpose
/// where events arrive late.
pub struct Scenario {
    pub category: &'static str,
    pub ht: i64,
    pub syndicate: bool,
    pub clock: bool,
    pub events: &'static [(ChorusStatus, i64, i64, Option<&'static str>)],
}

pub const SCENARIOS: &[Scenario] = &[
    // 1: with the recipient, awaiting validation.
    Scenario {
        category: "purchase",
        ht: 11988,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 3, 2, None),
            (EnCoursAcheminement, 3, 1, None),
            (MiseADisposition, 2, 0, None),
        ],
    },
    // 2: suspended, completed, then service fait.
    Scenario {
        category: "purchase",
        ht: 45000,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 40, 0, None),
            (MiseADisposition, 39, 0, None),
            (Suspendue, 30, 0, Some("Bon de commande manquant")),
            (Completee, 25, 0, Some("Bon de commande joint")),
            (ServiceFait, 20, 0, None),
        ],
    },
    // 3: suspended now, with a reason that must be shown as text.
    Scenario {
        category: "purchase",
        ht: 2399,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 12, 0, None),
            (MiseADisposition, 11, 0, None),
            (
                Suspendue,
                5,
                0,
                Some("Pièce manquante : <b>bon de livraison</b> <script>alert(1)</script>"),
            ),
        ],
    },
    // 4: to recycle (routing mistake).
    Scenario {
        category: "purchase",
        ht: 8999,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 6, 0, None),
            (MiseADisposition, 5, 0, None),
            (
                ARecycler,
                4,
                0,
                Some("Code service inconnu pour cette structure"),
            ),
        ],
    },
    // 5: rejected, terminal.
    Scenario {
        category: "purchase",
        ht: 15000,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 20, 0, None),
            (MiseADisposition, 19, 0, None),
            (Rejetee, 15, 0, Some("Facture en double")),
        ],
    },
    // 6: put in payment, with a MANDATEE dated after it and recorded first.
    Scenario {
        category: "purchase",
        ht: 60000,
        syndicate: false,
        clock: false,
        events: &[
            (Mandatee, 38, 0, None),
            (Deposee, 60, 0, None),
            (MiseADisposition, 59, 0, None),
            (ServiceFait, 50, 0, None),
            (MiseEnPaiement, 40, 0, None),
        ],
    },
    // 7: overdue: made available long ago, never paid.
    Scenario {
        category: "purchase",
        ht: 32000,
        syndicate: false,
        clock: false,
        events: &[(Deposee, 80, 0, None), (MiseADisposition, 79, 0, None)],
    },
    // 8: automatic renewal, straight to Chorus Pro, every optional step.
    Scenario {
        category: "autorenew",
        ht: 11988,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 45, 2, None),
            (EnCoursAcheminement, 45, 1, None),
            (MiseADisposition, 44, 0, None),
            (ServiceFait, 30, 0, None),
            (Mandatee, 25, 0, None),
            (MiseADispositionComptable, 22, 0, None),
            (Comptabilisee, 20, 0, None),
            (MiseEnPaiement, 18, 0, None),
        ],
    },
    // 9: a structure that never reports mise en paiement.
    Scenario {
        category: "purchase",
        ht: 7500,
        syndicate: true,
        clock: false,
        events: &[
            (Deposee, 70, 0, None),
            (MiseADisposition, 69, 0, None),
            (ServiceFait, 60, 0, None),
            (Mandatee, 50, 0, None),
            (Comptabilisee, 45, 0, None),
        ],
    },
    // 10: just deposited; the clock (--clock) moves it forward.
    Scenario {
        category: "purchase",
        ht: 4999,
        syndicate: false,
        clock: true,
        events: &[(Deposee, 0, 1, None)],
    },
    // 11: being routed.
    Scenario {
        category: "earlyrenewal",
        ht: 2999,
        syndicate: false,
        clock: false,
        events: &[(Deposee, 1, 0, None), (EnCoursAcheminement, 0, 12, None)],
    },
    // 12: put in payment after its due date (40 days late at 30 days, 20 at 50):
    // the interest and the indemnity are still owed, within 45 days of the payment.
    Scenario {
        category: "purchase",
        ht: 24000,
        syndicate: false,
        clock: false,
        events: &[
            (Deposee, 101, 0, None),
            (MiseADisposition, 100, 0, None),
            (ServiceFait, 75, 0, None),
            (Mandatee, 45, 0, None),
            (MiseEnPaiement, 30, 0, None),
        ],
    },
];

/// What the invoice à recycler of a public account was sent with, and why its
/// recipient sent it back: a closed service for the commune, an engagement the
/// hospital does not know.
pub fn recycled_routing(account: &str) -> (&'static str, &'static str, &'static str) {
    match account {
        "hopital" => (
            "",
            "EJ-2025-0999",
            "Le numéro d’engagement EJ-2025-0999 ne correspond à aucun engagement ouvert du \
             centre hospitalier.",
        ),
        _ => (
            "SERV-INFO",
            "",
            "Le service SERV-INFO est fermé : adressez la facture à un service actif de la mairie.",
        ),
    }
}
