//! The demo data itself: the structure directory, the accounts, the orders'
//! lines, the renewals. [`super`] writes it; the invoices' stories are in
//! [`super::scenarios`].

pub const COMMUNE_SIRET: &str = "21445012400018";
pub const HOSPITAL_SIRET: &str = "26765432500013";
/// A syndicate that never reports `MISE_EN_PAIEMENT`, and takes a code service or an engagement.
pub const SYNDICATE_SIRET: &str = "20001123700019";
pub const EPIC_SIRET: &str = "13050001000017";
/// A La Poste establishment: valid by the digit-sum rule, not by Luhn.
pub const LA_POSTE_SIRET: &str = "35600000000001";

/// Text the app must render as text, never as markup.
pub const HOSTILE: &str = "<script>alert(1)</script> <b>gras</b>";

pub type Service = (&'static str, &'static str, bool, bool);

pub struct Structure {
    pub siret: &'static str,
    pub name: &'static str,
    pub code_service_required: bool,
    pub engagement_required: bool,
    pub engagement_or_service: bool,
    pub deadline_days: u32,
    pub mep_not_reported: bool,
    pub services: &'static [Service],
}

pub const STRUCTURES: &[Structure] = &[
    Structure {
        siret: COMMUNE_SIRET,
        name: "Commune de Saint-Aubin-sur-Loire",
        code_service_required: true,
        engagement_required: false,
        engagement_or_service: false,
        deadline_days: 30,
        mep_not_reported: false,
        services: &[
            ("SERV-FIN", "Direction des finances", true, false),
            ("SERV-TECH", "Services techniques", true, true),
            ("SERV-ECOLE", "Affaires scolaires", true, false),
            (
                "SERV-CULT",
                "Culture <b>et</b> patrimoine <script>alert(1)</script>",
                true,
                false,
            ),
            ("SERV-INFO", "Ancien service informatique", false, false),
        ],
    },
    Structure {
        siret: HOSPITAL_SIRET,
        name: "Centre hospitalier de Saint-Aubin-sur-Loire",
        code_service_required: false,
        engagement_required: true,
        engagement_or_service: false,
        deadline_days: 50,
        mep_not_reported: false,
        services: &[
            ("DSI", "Direction des systèmes d'information", true, false),
            ("PHARMA", "Pharmacie à usage intérieur", true, false),
            ("ACHATS-2019", "Cellule achats (fermée)", false, false),
        ],
    },
    Structure {
        siret: SYNDICATE_SIRET,
        // Markup the app must show as text (its invoices, its SIRET's lookup).
        name: "Syndicat intercommunal des eaux du Val de Loire <img src=x onerror=alert(1)> <i>SIVU</i>",
        code_service_required: false,
        engagement_required: false,
        engagement_or_service: true,
        deadline_days: 30,
        mep_not_reported: true,
        services: &[("EAU", "Service de l'eau", true, false)],
    },
    Structure {
        siret: EPIC_SIRET,
        name: "Établissement public des ports de la Loire",
        code_service_required: false,
        engagement_required: false,
        engagement_or_service: false,
        deadline_days: 60,
        mep_not_reported: false,
        services: &[],
    },
    Structure {
        siret: LA_POSTE_SIRET,
        name: "La Poste – Plateforme courrier de Saint-Aubin",
        code_service_required: true,
        engagement_required: false,
        engagement_or_service: false,
        deadline_days: 60,
        mep_not_reported: false,
        services: &[("COURRIER", "Plateforme courrier", true, false)],
    },
];

/// (id, customer code, name, e-mail, legal form, kind, listed, structure)
pub type AccountRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    Option<&'static str>,
);

pub const ACCOUNTS: &[AccountRow] = &[
    (
        "commune",
        "sa10001-ovh",
        "Mairie de Saint-Aubin-sur-Loire",
        "finances@mairie-saint-aubin-sur-loire.fr",
        "administration",
        "commune",
        true,
        Some(COMMUNE_SIRET),
    ),
    (
        "hopital",
        "ch20001-ovh",
        "Centre hospitalier de Saint-Aubin-sur-Loire",
        "achats@ch-saint-aubin-sur-loire.fr",
        "administration",
        "hospital",
        true,
        Some(HOSPITAL_SIRET),
    ),
    (
        "entreprise",
        "ls30001-ovh",
        "Loire Solutions SAS",
        "compta@loire-solutions.fr",
        "corporation",
        "company",
        true,
        None,
    ),
    // Hidden (not in /sandbox/accounts): 1,000 invoices for list benchmarks.
    (
        "bench",
        "gb90001-ovh",
        "Commune de Grandbourg (1 000 factures)",
        "finances@grandbourg.fr",
        "administration",
        "commune",
        false,
        Some(COMMUNE_SIRET),
    ),
];

/// (description, domain, quantity, unit price in cents)
pub type LineRow = (&'static str, &'static str, u32, i64);

/// An order seeded unpaid: (id, account, days ago, lines).
pub type UnpaidOrder = (u64, &'static str, i64, &'static [LineRow]);

/// Unpaid orders: 1001, 1002 (commune), 2001, 2002 (hopital), 3001 (entreprise),
/// each expiring in 14 days.
pub const UNPAID_ORDERS: &[UnpaidOrder] = &[
    (
        1001,
        "commune",
        2,
        &[
            (
                "Hébergement Web Performance - 12 mois",
                "mairie-saint-aubin-sur-loire.fr",
                1,
                23988,
            ),
            (
                "Nom de domaine .fr - 1 an",
                "saint-aubin-sur-loire.fr",
                2,
                799,
            ),
            (
                "Exchange 2016 Hosted - 1 mois",
                "exchange-mairie-sal",
                25,
                320,
            ),
            (
                "Certificat SSL DV - 1 an",
                "mairie-saint-aubin-sur-loire.fr",
                1,
                4999,
            ),
        ],
    ),
    (
        1002,
        "commune",
        1,
        &[
            ("VPS Comfort - 1 mois", "vps-ecoles.saint-aubin", 3, 1399),
            (
                "Sauvegarde automatisée - 1 mois",
                "vps-ecoles.saint-aubin",
                3,
                299,
            ),
        ],
    ),
    (
        2001,
        "hopital",
        3,
        &[
            (
                "Serveur dédié Advance-2 - 12 mois",
                "ns3012345.ip-51-75-1.eu",
                2,
                179988,
            ),
            (
                "Licence Windows Server Standard - 12 mois",
                "ns3012345.ip-51-75-1.eu",
                2,
                35988,
            ),
            ("IP failover", "ns3012345.ip-51-75-1.eu", 4, 300),
        ],
    ),
    (
        2002,
        "hopital",
        1,
        &[
            (
                "Object Storage - 1 To - 12 mois",
                "imagerie-archives",
                1,
                12000,
            ),
            ("Trafic sortant - 500 Go", "imagerie-archives", 5, 550),
        ],
    ),
    (
        3001,
        "entreprise",
        2,
        &[
            (
                "Hébergement Web Pro - 12 mois",
                "loire-solutions.fr",
                1,
                9588,
            ),
            ("Nom de domaine .com - 1 an", "loire-solutions.com", 1, 1399),
            ("E-mail Pro - 12 mois", "loire-solutions.fr", 5, 2388),
        ],
    ),
];

/// The lines of the commune's orders paid by mandate (1003, 1004).
pub const MANDATE_ORDER_LINES: &[LineRow] = &[
    ("Nom de domaine .bzh - 1 an", "saint-aubin.bzh", 1, 1499),
    ("Zone DNS", "saint-aubin.bzh", 1, 0),
];
