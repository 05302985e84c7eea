//! Demo data: accounts, the Chorus Pro structure directory, orders, mandates and
//! invoices in every Chorus Pro state. Stable ids, documented in the README and
//! `api/openapi.yaml`; dates relative to the moment of seeding. The data is in
//! [`data`] and [`scenarios`]; here, the steps that write it, in one transaction.

pub mod data;
pub mod scenarios;

use std::path::Path;

use chrono::{DateTime, Datelike as _, Duration, Utc};
use mandat_model::chorus::{ChorusRouting, ChorusService, ChorusStatus, ChorusStructure};
use rusqlite::Connection;

use crate::db;
pub use data::*;
use scenarios::{recycled_routing, Scenario, SCENARIOS};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Wipes nothing: fills an empty database, inside the transaction `tx` the
/// caller commits (with the wipe before it, for a reset).
pub fn seed(tx: &Connection, files: &Path) -> Result {
    let now = db::now();
    structures(tx)?;
    accounts(tx)?;
    unpaid_orders(tx, now)?;
    paid_by_mandate(tx, now, files)?;
    public_invoices(tx, now)?;
    company_invoices(tx, now)?;
    renewals(tx, now)?;
    bench_invoices(tx, now)?;
    Ok(())
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn hours(n: i64) -> Duration {
    Duration::hours(n)
}

fn structures(tx: &Connection) -> Result {
    for s in STRUCTURES {
        let structure = ChorusStructure {
            siret: s.siret.into(),
            name: s.name.into(),
            code_service_doit_etre_renseigne: s.code_service_required,
            numero_ej_doit_etre_renseigne: s.engagement_required,
            gestion_numero_ej_ou_code_service: s.engagement_or_service,
            services: s
                .services
                .iter()
                .map(|(code, label, active, ej)| ChorusService {
                    code: (*code).into(),
                    label: (*label).into(),
                    active: *active,
                    numero_ej_doit_etre_renseigne: *ej,
                })
                .collect(),
            payment_deadline_days: s.deadline_days,
            statut_mise_en_paiement_nest_pas_remonte: s.mep_not_reported,
        };
        db::accounts::insert_structure(tx, &structure)?;
    }
    Ok(())
}

fn accounts(tx: &Connection) -> Result {
    for (id, code, name, email, form, kind, listed, siret) in ACCOUNTS {
        db::accounts::insert(
            tx,
            &db::accounts::NewAccount {
                id,
                customer_code: code,
                name,
                email,
                legal_form: form,
                kind,
                listed: *listed,
                structure_siret: *siret,
            },
        )?;
    }
    Ok(())
}

/// An order with its lines and its first event.
fn order(
    tx: &Connection,
    id: u64,
    account: &str,
    (date, expiration): (DateTime<Utc>, DateTime<Utc>),
    status: &str,
    lines: &[LineRow],
) -> Result {
    db::orders::insert(tx, id, account, date, expiration, status)?;
    for (description, domain, quantity, unit) in lines {
        db::orders::insert_line(tx, id, description, domain, *quantity, *unit)?;
    }
    db::orders::add_event(
        tx,
        id,
        date,
        "Commande créée",
        "La commande attend son paiement.",
    )?;
    Ok(())
}

fn unpaid_orders(tx: &Connection, now: DateTime<Utc>) -> Result {
    for (id, account, days_ago, lines) in UNPAID_ORDERS {
        let dates = (now - days(*days_ago), now + days(14));
        order(tx, *id, account, dates, "notPaid", lines)?;
    }
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

/// Paid by mandate: 1003 under review, 1004 rejected with a hostile reason.
fn paid_by_mandate(tx: &Connection, now: DateTime<Utc>, files: &Path) -> Result {
    for (id, state, reason) in [
        (1003u64, "underReview", None),
        (
            1004u64,
            "rejected",
            Some(format!("Signature manquante {HOSTILE}")),
        ),
    ] {
        let dates = (now - days(6), now + days(14));
        order(
            tx,
            id,
            "commune",
            dates,
            "documentsRequested",
            MANDATE_ORDER_LINES,
        )?;
        db::orders::insert_payment(tx, id, "ADMINISTRATIVE_MANDATE", now - days(5))?;
        db::orders::add_event(
            tx,
            id,
            now - days(5),
            "Paiement par mandat administratif",
            "Le mandat signé est attendu.",
        )?;
        let (path, size) = seed_document(files, id)?;
        let document = db::mandates::Document {
            name: "mandat-signe.pdf",
            size,
            content_type: "application/pdf",
            path: &path,
            uploaded_at: now - days(4),
        };
        let routing = (COMMUNE_SIRET, "SERV-FIN", "");
        db::mandates::insert_with_document(tx, id, state, routing, &document, reason.as_deref())?;
        db::orders::add_event(
            tx,
            id,
            now - days(4),
            "Mandat signé reçu",
            "Le mandat est en cours de vérification.",
        )?;
        if state == "rejected" {
            db::orders::add_event(
                tx,
                id,
                now - days(3),
                "Mandat refusé",
                "Un nouveau mandat signé est attendu.",
            )?;
        }
    }
    Ok(())
}

/// When a scenario's first event happened.
fn first_event(s: &Scenario, now: DateTime<Utc>) -> DateTime<Utc> {
    s.events
        .iter()
        .map(|e| now - days(e.1) - hours(e.2))
        .min()
        .unwrap_or(now)
}

/// Invoices of each public account: FR1000001.. (commune), FR2000001.. (hopital),
/// each on its own delivered order 1101.. / 2101...
fn public_invoices(tx: &Connection, now: DateTime<Utc>) -> Result {
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
            let date = first_event(s, now) - hours(1);
            let lines = [("Prestation facturée", "saint-aubin", 1, s.ht)];
            let dates = (date - days(2), date + days(12));
            order(tx, order_id, account, dates, "delivered", &lines)?;
            let recycled = s.events.iter().any(|e| e.0 == ChorusStatus::ARecycler);
            let (siret, code, ej) = if s.syndicate {
                (SYNDICATE_SIRET, "EAU", "")
            } else if recycled {
                let (code, ej, _) = recycled_routing(account);
                (siret, code, ej)
            } else {
                (siret, code, ej)
            };
            let routing = routing(siret, code, ej);
            let chorus_id = format!("CPP{:09}", prefix + n);
            db::bills::insert(
                tx,
                &db::bills::Insert {
                    id: &bill_id,
                    account,
                    order_id,
                    date,
                    category: s.category,
                    ht: s.ht,
                    chorus: Some((&chorus_id, &routing)),
                    clock: s.clock,
                },
            )?;
            for (status, d, h, reason) in s.events {
                let reason = match status {
                    ChorusStatus::ARecycler => Some(recycled_routing(account).2),
                    _ => *reason,
                };
                db::chorus::add_event(tx, &bill_id, *status, now - days(*d) - hours(*h), reason)?;
            }
            // The invoice à recycler came from its order's accepted mandate, which
            // holds the routing the order's next invoices go with: the one a
            // correction replaces. (The other orders stay without one, as the
            // orders page shows them: delivered, nothing to do.)
            if recycled {
                db::mandates::insert_accepted(tx, order_id, (siret, code, ej), &bill_id)?;
            }
        }
    }
    Ok(())
}

fn routing(siret: &str, code: &str, ej: &str) -> ChorusRouting {
    ChorusRouting {
        siret: siret.into(),
        code_service: code.into(),
        numero_engagement: ej.into(),
    }
}

/// The company's invoices do not go through Chorus Pro: FR3000001, FR3000002.
fn company_invoices(tx: &Connection, now: DateTime<Utc>) -> Result {
    for (n, ht) in [(1u64, 9588i64), (2, 1399)] {
        let order_id = 3100 + n;
        let date = now - days(30 * n as i64);
        let lines = [("Hébergement Web Pro - 12 mois", "loire-solutions.fr", 1, ht)];
        let dates = (date - days(1), date + days(13));
        order(tx, order_id, "entreprise", dates, "delivered", &lines)?;
        db::bills::insert(
            tx,
            &db::bills::Insert {
                id: &format!("FR{}", 3_000_000 + n),
                account: "entreprise",
                order_id,
                date,
                category: "purchase",
                ht,
                chorus: None,
                clock: false,
            },
        )?;
    }
    Ok(())
}

/// Services that renew automatically (`/renewals`), their next invoice routed
/// in advance: the hospital's early next calendar year with this year's
/// numéro d'engagement only (the page warns: it is needed for next year's);
/// the commune's to a code service, without an engagement. The company's
/// invoices do not go through Chorus Pro: it has none here.
fn renewals(tx: &Connection, now: DateTime<Utc>) -> Result {
    let today = mandat_model::locale::paris_day(now);
    let next_january = chrono::NaiveDate::from_ymd_opt(today.year() + 1, 1, 15)
        .ok_or("the next renewal date is out of range")?;
    let this_years = format!("EJ-{}-0042", today.year());
    let rows = [
        db::renewals::RenewalRow {
            id: 1501,
            account: "commune".into(),
            label: "Hébergement Web Performance - 12 mois".into(),
            domain: "mairie-saint-aubin-sur-loire.fr".into(),
            next: today + days(45),
            period_months: 12,
            ht: 23988,
            routing: Some(routing(COMMUNE_SIRET, "SERV-FIN", "")),
            engagement_year: None,
        },
        db::renewals::RenewalRow {
            id: 2501,
            account: "hopital".into(),
            label: "Serveur dédié Advance-2 - 12 mois".into(),
            domain: "ns3012345.ip-51-75-1.eu".into(),
            next: next_january,
            period_months: 12,
            ht: 359976,
            routing: Some(routing(HOSPITAL_SIRET, "", &this_years)),
            engagement_year: Some(today.year()),
        },
    ];
    for row in &rows {
        db::renewals::insert(tx, row)?;
    }
    Ok(())
}

/// The hidden `bench` account: 1,000 invoices FR9000001..FR9001000 cycling through
/// the scenarios, spread over a year; their orders (900001..) are not seeded.
fn bench_invoices(tx: &Connection, now: DateTime<Utc>) -> Result {
    for i in 0..1000u64 {
        let s = &SCENARIOS[(i as usize) % SCENARIOS.len()];
        let shift = days((i % 365) as i64);
        let bill_id = format!("FR{}", 9_000_001 + i);
        let siret = if s.syndicate {
            SYNDICATE_SIRET
        } else {
            COMMUNE_SIRET
        };
        let chorus_id = format!("CPP{:09}", 9_000_001 + i);
        db::bills::insert(
            tx,
            &db::bills::Insert {
                id: &bill_id,
                account: "bench",
                order_id: 900_001 + i,
                date: first_event(s, now) - shift - hours(1),
                category: s.category,
                ht: s.ht + (i as i64 % 97) * 100,
                chorus: Some((&chorus_id, &routing(siret, "SERV-FIN", ""))),
                clock: false,
            },
        )?;
        for (status, d, h, reason) in s.events {
            let date = now - shift - days(*d) - hours(*h);
            db::chorus::add_event(tx, &bill_id, *status, date, *reason)?;
        }
    }
    Ok(())
}
