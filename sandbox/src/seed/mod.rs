//! Demo data: accounts, the Chorus Pro structure directory, orders, mandates and
//! invoices in every Chorus Pro state. Stable ids, documented in the README and
//! `api/openapi.yaml`; dates relative to the moment of seeding.

use std::path::Path;

use chrono::{DateTime, Datelike as _, Duration, Utc};
use mandat_model::chorus::ChorusStatus::{self, *};
use rusqlite::{params, Connection};

use crate::db::{self, ts};

pub const COMMUNE_SIRET: &str = "21445012400018";
pub const HOSPITAL_SIRET: &str = "26765432500013";
/// A syndicate that never reports `MISE_EN_PAIEMENT`, and takes a code service or an engagement.
pub const SYNDICATE_SIRET: &str = "20001123700019";
pub const EPIC_SIRET: &str = "13050001000017";
/// A La Poste establishment: valid by the digit-sum rule, not by Luhn.
pub const LA_POSTE_SIRET: &str = "35600000000001";

/// Text the app must render as text, never as markup.
pub const HOSTILE: &str = "<script>alert(1)</script> <b>gras</b>";

type Service = (&'static str, &'static str, bool, bool);

struct Structure {
    siret: &'static str,
    name: &'static str,
    code_service_required: bool,
    engagement_required: bool,
    engagement_or_service: bool,
    deadline_days: u32,
    mep_not_reported: bool,
    services: &'static [Service],
}

const STRUCTURES: &[Structure] = &[
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
type AccountRow = (
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
type LineRow = (&'static str, &'static str, u32, i64);

/// A bill scenario: category, amount before tax, whether it goes to the syndicate
/// that never reports mise en paiement, whether the clock moves it, and its events
/// as (status, days ago, hours ago, reason). Listed out of date order on purpose
/// where events arrive late.
struct Scenario {
    category: &'static str,
    ht: i64,
    syndicate: bool,
    clock: bool,
    events: &'static [(ChorusStatus, i64, i64, Option<&'static str>)],
}

const SCENARIOS: &[Scenario] = &[
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
fn recycled_routing(account: &str) -> (&'static str, &'static str, &'static str) {
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

fn insert_order(
    conn: &Connection,
    id: u64,
    account: &str,
    date: DateTime<Utc>,
    expiration: DateTime<Utc>,
    status: &str,
    lines: &[LineRow],
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO orders (id, account_id, date, expiration_date, status) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id as i64, account, ts(date), ts(expiration), status],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, description, domain, quantity, unit_cents) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (description, domain, quantity, unit) in lines {
        stmt.execute(params![id as i64, description, domain, quantity, unit])?;
    }
    db::add_order_event(
        conn,
        id,
        date,
        "Commande créée",
        "La commande attend son paiement.",
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_bill(
    conn: &Connection,
    id: &str,
    account: &str,
    order_id: u64,
    date: DateTime<Utc>,
    category: &str,
    ht: i64,
    chorus: Option<(&str, &str, &str, &str)>,
    clock: bool,
) -> rusqlite::Result<()> {
    let (chorus_id, siret, code, ej) = match chorus {
        Some((chorus_id, siret, code, ej)) => (Some(chorus_id), Some(siret), code, ej),
        None => (None, None, "", ""),
    };
    conn.execute(
        "INSERT INTO bills (id, account_id, order_id, date, category, ht_cents, chorus_invoice_id, siret,
                            code_service, numero_engagement, clock)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![id, account, order_id as i64, ts(date), category, ht, chorus_id, siret, code, ej, clock],
    )?;
    Ok(())
}

/// Writes a pre-seeded signed copy so that a mandate can be under review from the start.
fn seed_document(files: &Path, order_id: u64) -> std::io::Result<(String, u64)> {
    std::fs::create_dir_all(files)?;
    let bytes = crate::printed::seeded_signed_copy(order_id).map_err(std::io::Error::other)?;
    let path = files.join(format!("seed-mandate-{order_id}.pdf"));
    std::fs::write(&path, &bytes)?;
    Ok((path.to_string_lossy().into_owned(), bytes.len() as u64))
}

/// Wipes nothing: fills an empty database. Everything in one transaction.
pub fn seed(conn: &mut Connection, files: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let now = db::now();
    let day = Duration::days(1);
    let hour = Duration::hours(1);
    let days = Duration::days;
    let hours = Duration::hours;
    let tx = conn.transaction()?;
    for s in STRUCTURES {
        tx.execute(
            "INSERT INTO structures (siret, name, code_service_required, engagement_required,
                 engagement_or_service, deadline_days, mep_not_reported) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                s.siret,
                s.name,
                s.code_service_required,
                s.engagement_required,
                s.engagement_or_service,
                s.deadline_days,
                s.mep_not_reported
            ],
        )?;
        for (position, (code, label, active, ej)) in s.services.iter().enumerate() {
            tx.execute(
                "INSERT INTO services (siret, code, label, active, engagement_required, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s.siret, code, label, active, ej, position as i64],
            )?;
        }
    }
    for (id, code, name, email, form, kind, listed, siret) in ACCOUNTS {
        tx.execute(
            "INSERT INTO accounts (id, customer_code, name, email, legal_form, language, kind, listed, structure_siret)
             VALUES (?1, ?2, ?3, ?4, ?5, 'fr_FR', ?6, ?7, ?8)",
            params![id, code, name, email, form, kind, listed, siret],
        )?;
    }

    // Unpaid orders: 1001, 1002 (commune), 2001, 2002 (hopital), 3001 (entreprise).
    let expires = now + days(14);
    let commune_lines: &[LineRow] = &[
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
    ];
    insert_order(
        &tx,
        1001,
        "commune",
        now - days(2),
        expires,
        "notPaid",
        commune_lines,
    )?;
    insert_order(
        &tx,
        1002,
        "commune",
        now - day,
        expires,
        "notPaid",
        &[
            ("VPS Comfort - 1 mois", "vps-ecoles.saint-aubin", 3, 1399),
            (
                "Sauvegarde automatisée - 1 mois",
                "vps-ecoles.saint-aubin",
                3,
                299,
            ),
        ],
    )?;
    let hospital_lines: &[LineRow] = &[
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
    ];
    insert_order(
        &tx,
        2001,
        "hopital",
        now - days(3),
        expires,
        "notPaid",
        hospital_lines,
    )?;
    insert_order(
        &tx,
        2002,
        "hopital",
        now - day,
        expires,
        "notPaid",
        &[
            (
                "Object Storage - 1 To - 12 mois",
                "imagerie-archives",
                1,
                12000,
            ),
            ("Trafic sortant - 500 Go", "imagerie-archives", 5, 550),
        ],
    )?;
    insert_order(
        &tx,
        3001,
        "entreprise",
        now - days(2),
        expires,
        "notPaid",
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
    )?;

    // Paid by mandate: 1003 under review, 1004 rejected with a hostile reason.
    for (order, state, reason) in [
        (1003u64, "underReview", None),
        (
            1004u64,
            "rejected",
            Some(format!("Signature manquante {HOSTILE}")),
        ),
    ] {
        insert_order(
            &tx,
            order,
            "commune",
            now - days(6),
            expires,
            "documentsRequested",
            &[
                ("Nom de domaine .bzh - 1 an", "saint-aubin.bzh", 1, 1499),
                ("Zone DNS", "saint-aubin.bzh", 1, 0),
            ],
        )?;
        tx.execute(
            "INSERT INTO payments (order_id, payment_type, date) VALUES (?1, 'ADMINISTRATIVE_MANDATE', ?2)",
            params![order as i64, ts(now - days(5))],
        )?;
        db::add_order_event(
            &tx,
            order,
            now - days(5),
            "Paiement par mandat administratif",
            "Le mandat signé est attendu.",
        )?;
        let (path, size) = seed_document(files, order)?;
        tx.execute(
            "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement, doc_name, doc_size,
                                   doc_type, doc_path, uploaded_at, rejection_reason)
             VALUES (?1, ?2, ?3, 'SERV-FIN', '', 'mandat-signe.pdf', ?4, 'application/pdf', ?5, ?6, ?7)",
            params![order as i64, state, COMMUNE_SIRET, size as i64, path, ts(now - days(4)), reason],
        )?;
        db::add_order_event(
            &tx,
            order,
            now - days(4),
            "Mandat signé reçu",
            "Le mandat est en cours de vérification.",
        )?;
        if state == "rejected" {
            db::add_order_event(
                &tx,
                order,
                now - days(3),
                "Mandat refusé",
                "Un nouveau mandat signé est attendu.",
            )?;
        }
    }

    // Invoices of each public account: FR1000001.. (commune), FR2000001.. (hopital),
    // each on its own delivered order 1101.. / 2101...
    for (account, prefix, order_base, siret, code, ej) in [
        (
            "commune",
            1_000_000u64,
            1100u64,
            COMMUNE_SIRET,
            "SERV-FIN",
            "",
        ),
        (
            "hopital",
            2_000_000,
            2100,
            HOSPITAL_SIRET,
            "",
            "EJ-2026-0042",
        ),
    ] {
        for (i, s) in SCENARIOS.iter().enumerate() {
            let n = i as u64 + 1;
            let bill_id = format!("FR{}", prefix + n);
            let order_id = order_base + n;
            let first = s
                .events
                .iter()
                .map(|e| now - days(e.1) - hours(e.2))
                .min()
                .unwrap_or(now);
            let date = first - hour;
            insert_order(
                &tx,
                order_id,
                account,
                date - days(2),
                date + days(12),
                "delivered",
                &[("Prestation facturée", "saint-aubin", 1, s.ht)],
            )?;
            let recycled = s.events.iter().any(|e| e.0 == ARecycler);
            let (siret, code, ej) = if s.syndicate {
                (SYNDICATE_SIRET, "EAU", "")
            } else if recycled {
                let (code, ej, _) = recycled_routing(account);
                (siret, code, ej)
            } else {
                (siret, code, ej)
            };
            let chorus_id = format!("CPP{:09}", prefix + n);
            insert_bill(
                &tx,
                &bill_id,
                account,
                order_id,
                date,
                s.category,
                s.ht,
                Some((&chorus_id, siret, code, ej)),
                s.clock,
            )?;
            for (status, d, h, reason) in s.events {
                let reason = match status {
                    ARecycler => Some(recycled_routing(account).2),
                    _ => *reason,
                };
                db::add_chorus_event(&tx, &bill_id, *status, now - days(*d) - hours(*h), reason)?;
            }
            // The invoice à recycler came from its order's accepted mandate, which
            // holds the routing the order's next invoices go with: the one a
            // correction replaces. (The other orders stay without one, as the
            // orders page shows them: delivered, nothing to do.)
            if recycled {
                tx.execute(
                    "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement, bill_id)
                     VALUES (?1, 'accepted', ?2, ?3, ?4, ?5)",
                    params![order_id as i64, siret, code, ej, bill_id],
                )?;
            }
        }
    }

    // The company's invoices do not go through Chorus Pro: FR3000001, FR3000002.
    for (n, ht) in [(1u64, 9588i64), (2, 1399)] {
        let order_id = 3100 + n;
        let date = now - days(30 * n as i64);
        insert_order(
            &tx,
            order_id,
            "entreprise",
            date - day,
            date + days(13),
            "delivered",
            &[("Hébergement Web Pro - 12 mois", "loire-solutions.fr", 1, ht)],
        )?;
        insert_bill(
            &tx,
            &format!("FR{}", 3_000_000 + n),
            "entreprise",
            order_id,
            date,
            "purchase",
            ht,
            None,
            false,
        )?;
    }

    // Services that renew automatically (`/renewals`), their next invoice routed
    // in advance: the hospital's early next calendar year with this year's
    // numéro d'engagement only (the page warns: it is needed for next year's);
    // the commune's to a code service, without an engagement. The company's
    // invoices do not go through Chorus Pro: it has none here.
    let today = mandat_model::locale::paris_day(now);
    let next_january = chrono::NaiveDate::from_ymd_opt(today.year() + 1, 1, 15)
        .ok_or("the next renewal date is out of range")?;
    let this_years = format!("EJ-{}-0042", today.year());
    for (id, account, label, domain, next, ht, siret, code, ej, ej_year) in [
        (
            1501i64,
            "commune",
            "Hébergement Web Performance - 12 mois",
            "mairie-saint-aubin-sur-loire.fr",
            today + days(45),
            23988i64,
            COMMUNE_SIRET,
            "SERV-FIN",
            "",
            None,
        ),
        (
            2501,
            "hopital",
            "Serveur dédié Advance-2 - 12 mois",
            "ns3012345.ip-51-75-1.eu",
            next_january,
            359976,
            HOSPITAL_SIRET,
            "",
            this_years.as_str(),
            Some(today.year()),
        ),
    ] {
        tx.execute(
            "INSERT INTO renewals (id, account_id, label, domain, next_date, period_months, ht_cents,
                                   siret, code_service, numero_engagement, engagement_year)
             VALUES (?1, ?2, ?3, ?4, ?5, 12, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                account,
                label,
                domain,
                next.format("%Y-%m-%d").to_string(),
                ht,
                siret,
                code,
                ej,
                ej_year
            ],
        )?;
    }

    // The hidden `bench` account: 1,000 invoices FR9000001..FR9001000 cycling through
    // the scenarios, spread over a year; their orders (900001..) are not seeded.
    for i in 0..1000u64 {
        let s = &SCENARIOS[(i as usize) % SCENARIOS.len()];
        let shift = Duration::days((i % 365) as i64);
        let bill_id = format!("FR{}", 9_000_001 + i);
        let first = s
            .events
            .iter()
            .map(|e| now - days(e.1) - hours(e.2))
            .min()
            .unwrap_or(now);
        let ht = s.ht + (i as i64 % 97) * 100;
        let siret = if s.syndicate {
            SYNDICATE_SIRET
        } else {
            COMMUNE_SIRET
        };
        let chorus_id = format!("CPP{:09}", 9_000_001 + i);
        insert_bill(
            &tx,
            &bill_id,
            "bench",
            900_001 + i,
            first - shift - hour,
            s.category,
            ht,
            Some((&chorus_id, siret, "SERV-FIN", "")),
            false,
        )?;
        for (status, d, h, reason) in s.events {
            db::add_chorus_event(
                &tx,
                &bill_id,
                *status,
                now - shift - days(*d) - hours(*h),
                *reason,
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}
