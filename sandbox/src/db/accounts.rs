//! Accounts and the Chorus Pro structure directory.

use mandat_model::chorus::{ChorusService, ChorusStructure};
use mandat_model::{Account, DemoAccount, DemoAccountKind, LegalForm};
use rusqlite::{params, Connection, OptionalExtension};

use super::from_code;

pub fn account(conn: &Connection, id: &str) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT customer_code, name, email, legal_form, language FROM accounts WHERE id = ?1",
        [id],
        |r| {
            Ok(Account {
                customer_code: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
                legal_form: from_code(&r.get::<_, String>(3)?).unwrap_or(LegalForm::Other),
                language: r.get(4)?,
            })
        },
    )
    .optional()
}

/// The address an account's e-mails go to.
pub fn email(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT email FROM accounts WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
}

/// The SIRET an account is registered with, if it has one.
pub fn structure_siret(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT structure_siret FROM accounts WHERE id = ?1",
            [id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// The demo accounts listed on the sign-in page, in the order they were seeded.
pub fn listed(conn: &Connection) -> rusqlite::Result<Vec<DemoAccount>> {
    let mut stmt =
        conn.prepare("SELECT id, name, kind FROM accounts WHERE listed = 1 ORDER BY rowid")?;
    let list = stmt
        .query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(DemoAccount {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: from_code(&kind).unwrap_or(DemoAccountKind::Commune),
            })
        })?
        .collect();
    list
}

pub fn structure(conn: &Connection, siret: &str) -> rusqlite::Result<Option<ChorusStructure>> {
    let Some(mut s) = conn
        .query_row(
            "SELECT siret, name, code_service_required, engagement_required, engagement_or_service,
                    deadline_days, mep_not_reported FROM structures WHERE siret = ?1",
            [siret],
            |r| {
                Ok(ChorusStructure {
                    siret: r.get(0)?,
                    name: r.get(1)?,
                    code_service_doit_etre_renseigne: r.get(2)?,
                    numero_ej_doit_etre_renseigne: r.get(3)?,
                    gestion_numero_ej_ou_code_service: r.get(4)?,
                    services: Vec::new(),
                    payment_deadline_days: r.get(5)?,
                    statut_mise_en_paiement_nest_pas_remonte: r.get(6)?,
                })
            },
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT code, label, active, engagement_required FROM services WHERE siret = ?1 ORDER BY position",
    )?;
    s.services = stmt
        .query_map([siret], |r| {
            Ok(ChorusService {
                code: r.get(0)?,
                label: r.get(1)?,
                active: r.get(2)?,
                numero_ej_doit_etre_renseigne: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(s))
}

/// Adds a structure to the directory, with its services in their order.
pub fn insert_structure(conn: &Connection, s: &ChorusStructure) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO structures (siret, name, code_service_required, engagement_required,
             engagement_or_service, deadline_days, mep_not_reported) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            s.siret,
            s.name,
            s.code_service_doit_etre_renseigne,
            s.numero_ej_doit_etre_renseigne,
            s.gestion_numero_ej_ou_code_service,
            s.payment_deadline_days,
            s.statut_mise_en_paiement_nest_pas_remonte
        ],
    )?;
    for (position, service) in s.services.iter().enumerate() {
        conn.execute(
            "INSERT INTO services (siret, code, label, active, engagement_required, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                s.siret,
                service.code,
                service.label,
                service.active,
                service.numero_ej_doit_etre_renseigne,
                position as i64
            ],
        )?;
    }
    Ok(())
}

/// A demo account as seeded.
pub struct NewAccount<'a> {
    pub id: &'a str,
    pub customer_code: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    /// `administration`, `corporation`…
    pub legal_form: &'a str,
    /// `commune`, `hospital`, `company`.
    pub kind: &'a str,
    /// Whether `/sandbox/accounts` lists it.
    pub listed: bool,
    pub structure_siret: Option<&'a str>,
}

pub fn insert(conn: &Connection, a: &NewAccount) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO accounts (id, customer_code, name, email, legal_form, language, kind, listed, structure_siret)
         VALUES (?1, ?2, ?3, ?4, ?5, 'fr_FR', ?6, ?7, ?8)",
        params![
            a.id,
            a.customer_code,
            a.name,
            a.email,
            a.legal_form,
            a.kind,
            a.listed,
            a.structure_siret
        ],
    )?;
    Ok(())
}
