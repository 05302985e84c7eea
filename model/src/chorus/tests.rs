use super::*;
use chrono::TimeZone;
use ChorusStatus::*;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 10, 0, 0).unwrap()
}

fn ev(status: ChorusStatus, day: u32) -> ChorusEvent {
    ChorusEvent {
        status,
        date: at(day),
        actor: status.actor(),
        reason: None,
    }
}

#[test]
fn statuses_round_trip_and_unknown_ones_are_tolerated() {
    for s in ChorusStatus::ALL {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.code()));
        assert_eq!(serde_json::from_str::<ChorusStatus>(&json).unwrap(), s);
        assert_eq!(ChorusStatus::from_code(s.code()), s);
    }
    assert_eq!(
        serde_json::from_str::<ChorusStatus>("\"ENCAISSEE\"").unwrap(),
        Unknown
    );
    assert_eq!(ChorusStatus::from_code("nope"), Unknown);
}

#[test]
fn each_status_has_its_actor() {
    for (status, actor) in [
        (Deposee, ChorusActor::ChorusPro),
        (EnCoursAcheminement, ChorusActor::ChorusPro),
        (MiseADisposition, ChorusActor::ChorusPro),
        (ARecycler, ChorusActor::Recipient),
        (Suspendue, ChorusActor::Recipient),
        (Completee, ChorusActor::Supplier),
        (Rejetee, ChorusActor::Recipient),
        (ServiceFait, ChorusActor::Recipient),
        (Mandatee, ChorusActor::Recipient),
        (MiseADispositionComptable, ChorusActor::Recipient),
        (Comptabilisee, ChorusActor::Recipient),
        (MiseEnPaiement, ChorusActor::PublicAccountant),
    ] {
        assert_eq!(status.actor(), actor, "{status:?}");
    }
    assert!(Rejetee.is_terminal());
    assert!(ChorusStatus::ALL
        .iter()
        .filter(|s| s.is_terminal())
        .eq([&Rejetee]));
}

#[test]
fn lifecycle_codes_of_the_reform() {
    for (status, code) in [
        (Deposee, Some(200)),
        (EnCoursAcheminement, None),
        (MiseADisposition, Some(203)),
        (ServiceFait, Some(205)),
        (Mandatee, Some(205)),
        (Suspendue, Some(208)),
        (Completee, Some(209)),
        (Rejetee, Some(210)),
        (ARecycler, Some(210)),
        (MiseEnPaiement, Some(211)),
        (Comptabilisee, None),
        (Unknown, None),
    ] {
        assert_eq!(status.lifecycle_code(), code, "{status:?}");
    }
}

#[test]
fn transitions_table() {
    for (from, to, allowed) in [
        (None, Deposee, true),
        (None, MiseADisposition, false),
        (Some(Deposee), EnCoursAcheminement, true),
        (Some(Deposee), MiseADisposition, true),
        (Some(Deposee), Deposee, false),
        (Some(EnCoursAcheminement), MiseADisposition, true),
        (Some(MiseADisposition), Suspendue, true),
        (Some(MiseADisposition), Completee, false),
        (Some(Suspendue), Completee, true),
        (Some(Suspendue), MiseEnPaiement, false),
        (Some(Completee), MiseEnPaiement, true),
        (Some(MiseADisposition), ARecycler, true),
        (Some(ARecycler), MiseADisposition, true),
        (Some(ARecycler), MiseEnPaiement, false),
        (Some(MiseADisposition), Rejetee, true),
        (Some(Suspendue), Rejetee, true),
        (Some(Rejetee), MiseADisposition, false),
        (Some(Rejetee), Completee, false),
        (Some(Rejetee), MiseEnPaiement, false),
        (Some(MiseADisposition), MiseEnPaiement, true),
        (Some(ServiceFait), Mandatee, true),
        (Some(MiseEnPaiement), Mandatee, true),
        (Some(MiseEnPaiement), Suspendue, false),
        (Some(MiseEnPaiement), Rejetee, false),
        (Some(MiseADisposition), Unknown, false),
        (Some(Deposee), ServiceFait, false),
    ] {
        assert_eq!(can_transition(from, to), allowed, "{from:?} -> {to:?}");
    }
}

#[test]
fn current_status_follows_dates_not_arrival() {
    // MANDATEE dated after MISE_EN_PAIEMENT, and listed out of order.
    let events = vec![
        ev(Mandatee, 20),
        ev(Deposee, 1),
        ev(MiseEnPaiement, 15),
        ev(MiseADisposition, 2),
    ];
    assert_eq!(current_status(&events), Some(MiseEnPaiement));
    let events = vec![ev(MiseADisposition, 2), ev(Deposee, 1), ev(Suspendue, 5)];
    assert_eq!(current_status(&events), Some(Suspendue));
    assert_eq!(current_status(&[]), None);
}

#[test]
fn r2192_27_a_suspension_is_refused_a_second_time_and_after_ordonnancement() {
    let base = vec![ev(Deposee, 1), ev(MiseADisposition, 2)];
    assert!(can_append(&base, Suspendue));
    let mut once = base.clone();
    once.extend([ev(Suspendue, 3), ev(Completee, 4)]);
    assert!(can_transition(Some(Completee), Suspendue));
    assert!(!can_append(&once, Suspendue));
    for ordered in [Mandatee, MiseADispositionComptable, Comptabilisee] {
        let mut after = base.clone();
        after.push(ev(ordered, 5));
        assert!(!can_append(&after, Suspendue), "{ordered:?}");
        // Other steps still follow.
        assert!(can_append(&after, MiseEnPaiement), "{ordered:?}");
    }
    let mut service_fait = base.clone();
    service_fait.push(ev(ServiceFait, 5));
    assert!(can_append(&service_fait, Suspendue));
    assert!(!can_append(&base, Completee));
}

fn structure() -> ChorusStructure {
    ChorusStructure {
        siret: "21310555400017".into(),
        name: "Commune".into(),
        code_service_doit_etre_renseigne: true,
        numero_ej_doit_etre_renseigne: false,
        gestion_numero_ej_ou_code_service: false,
        services: vec![
            ChorusService {
                code: "SERV-FIN".into(),
                label: "Finances".into(),
                active: true,
                numero_ej_doit_etre_renseigne: false,
            },
            ChorusService {
                code: "SERV-TRAV".into(),
                label: "Travaux".into(),
                active: true,
                numero_ej_doit_etre_renseigne: true,
            },
            ChorusService {
                code: "SERV-OLD".into(),
                label: "Ancien".into(),
                active: false,
                numero_ej_doit_etre_renseigne: false,
            },
        ],
        payment_deadline_days: 30,
        statut_mise_en_paiement_nest_pas_remonte: false,
    }
}

fn codes(s: &ChorusStructure, siret: &str, code: &str, ej: &str) -> Vec<(String, String)> {
    let routing = ChorusRouting {
        siret: siret.into(),
        code_service: code.into(),
        numero_engagement: ej.into(),
    };
    match validate_routing(s, &routing) {
        Ok(()) => vec![],
        Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

#[test]
fn routing_table() {
    let commune = structure();
    let mut hospital = structure();
    hospital.code_service_doit_etre_renseigne = false;
    hospital.numero_ej_doit_etre_renseigne = true;
    let mut either = structure();
    either.code_service_doit_etre_renseigne = false;
    either.gestion_numero_ej_ou_code_service = true;
    let long = "E".repeat(51);
    let max = "E".repeat(50);
    let ok = "21310555400017";
    for (s, siret, code, ej, expected) in [
        (&commune, ok, "SERV-FIN", "", vec![]),
        (&commune, "213 105 554 00017", "SERV-FIN", "", vec![]),
        (
            &commune,
            "21310555400018",
            "SERV-FIN",
            "",
            vec![("siret", "siret_checksum")],
        ),
        (
            &commune,
            "",
            "SERV-FIN",
            "",
            vec![("siret", "siret_required")],
        ),
        (
            &commune,
            "2131055540001",
            "SERV-FIN",
            "",
            vec![("siret", "siret_length")],
        ),
        (
            &commune,
            "73282932000074",
            "SERV-FIN",
            "",
            vec![("siret", "siret_mismatch")],
        ),
        (
            &commune,
            ok,
            "",
            "",
            vec![("codeService", "code_service_required")],
        ),
        (
            &commune,
            ok,
            "SERV-OLD",
            "",
            vec![("codeService", "code_service_inactive")],
        ),
        (
            &commune,
            ok,
            "NOPE",
            "",
            vec![("codeService", "code_service_unknown")],
        ),
        (
            &commune,
            ok,
            "FACTURES_PUBLIQUES",
            "",
            vec![("codeService", "code_service_reserved")],
        ),
        (
            &commune,
            ok,
            "SERV-TRAV",
            "",
            vec![("numeroEngagement", "engagement_required")],
        ),
        (&commune, ok, "SERV-TRAV", "EJ-1", vec![]),
        (&commune, ok, "SERV-FIN", &max, vec![]),
        (
            &commune,
            ok,
            "SERV-FIN",
            &long,
            vec![("numeroEngagement", "engagement_too_long")],
        ),
        (
            &hospital,
            ok,
            "",
            "",
            vec![("numeroEngagement", "engagement_required")],
        ),
        (&hospital, ok, "", "EJ-2026-001", vec![]),
        (
            &either,
            ok,
            "",
            "",
            vec![("numeroEngagement", "engagement_or_service_required")],
        ),
        (&either, ok, "SERV-FIN", "", vec![]),
        (&either, ok, "", "EJ-1", vec![]),
        (
            &commune,
            "x",
            "",
            &long,
            vec![
                ("siret", "siret_not_digits"),
                ("codeService", "code_service_required"),
                ("numeroEngagement", "engagement_too_long"),
            ],
        ),
    ] {
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(codes(s, siret, code, ej), expected, "{siret} {code} {ej}");
    }
}

#[test]
fn structure_uses_chorus_parameter_names() {
    let json = serde_json::to_value(structure()).unwrap();
    for key in [
        "codeServiceDoitEtreRenseigne",
        "numeroEJDoitEtreRenseigne",
        "gestionNumeroEJOuCodeService",
        "paymentDeadlineDays",
        "statutMiseEnPaiementNestPasRemonte",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[test]
fn events_are_dated_at_most_a_day_ahead_of_the_clock() {
    let now = DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert!(event_date_allowed(now, now));
    assert!(event_date_allowed(now - chrono::Duration::days(400), now));
    assert!(event_date_allowed(now + chrono::Duration::hours(24), now));
    assert!(!event_date_allowed(
        now + chrono::Duration::hours(24) + chrono::Duration::seconds(1),
        now
    ));
    let far = DateTime::parse_from_rfc3339("9999-12-31T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert!(!event_date_allowed(far, now));
}
