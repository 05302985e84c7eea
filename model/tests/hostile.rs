//! Hostile input against the model's rules: whatever a user types or the API sends,
//! parsing and validation answer (accept or refuse with a code), never panic.

use mandat_model::billing::{
    Bill, BillCategory, BillPage, ChorusTracking, Debt, DebtStatus, FollowUp, PaymentMethods,
    PaymentReceipt,
};
use mandat_model::chorus::{
    validate_routing, ChorusActor, ChorusRouting, ChorusService, ChorusStatus, ChorusStructure,
    ENGAGEMENT_MAX_CHARS,
};
use mandat_model::mandate::{
    check_upload, check_upload_header, sniff, Mandate, MandateState, UploadError, UploadKind,
    MAX_FILE_NAME_CHARS, MAX_UPLOAD_BYTES,
};
use mandat_model::{
    decode, Account, ApiError, ErrorBody, LegalForm, Order, OrderDetail, OrderStatus, Siret,
    SiretError,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// `n` cases; failures are reported, not saved beside the sources.
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- SIRET

/// The rules, restated independently of the model: Luhn over the 14 digits, or the
/// digit sum for La Poste's establishments other than its head office; and Luhn
/// over the SIREN (the first nine digits).
fn rules_hold(digits: &str) -> bool {
    whole_rule_holds(digits) && luhn_holds(&digits[..9])
}

fn whole_rule_holds(digits: &str) -> bool {
    if digits.starts_with("356000000") && digits != "35600000000048" {
        let sum: u32 = digits.bytes().map(|b| u32::from(b - b'0')).sum();
        return sum.is_multiple_of(5);
    }
    luhn_holds(digits)
}

fn luhn_holds(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .rev()
        .enumerate()
        .map(|(i, x)| match (i % 2, x * 2) {
            (1, y) if y > 9 => y - 9,
            (1, y) => y,
            _ => x,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A valid SIRET, not in La Poste's range: 8 digits completed into a Luhn-valid
/// SIREN, then 4 digits completed into a Luhn-valid SIRET.
fn luhn_siret() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(0u8..10, 8),
        proptest::collection::vec(0u8..10, 4),
    )
        .prop_filter_map("La Poste range", |(head, nic)| {
            let text = |d: &[u8]| d.iter().map(|d| char::from(b'0' + d)).collect::<String>();
            let siren = (0..10)
                .map(|check| format!("{}{check}", text(&head)))
                .find(|s| luhn_holds(s))?;
            if siren == "356000000" {
                return None;
            }
            (0..10)
                .map(|last| format!("{siren}{}{last}", text(&nic)))
                .find(|s| rules_hold(s))
        })
}

/// A La Poste establishment valid by the digit sum.
fn la_poste_siret() -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, 4).prop_filter_map("head office", |tail| {
        let head: String = tail.iter().map(|d| char::from(b'0' + d)).collect();
        (0..10)
            .map(|last| format!("356000000{head}{last}"))
            .find(|s| s != "35600000000048" && rules_hold(s))
    })
}

fn spacing() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just("  "),
        Just("\u{a0}"),
        Just("\u{202f}"),
        Just("\t"),
        Just("\u{2009}"),
        Just(""),
    ]
}

/// `digits` with a space (of any kind) or none before each digit and at the end.
fn with_spaces(digits: String) -> impl Strategy<Value = (String, String)> {
    proptest::collection::vec(spacing(), 15).prop_map(move |spaces| {
        let mut typed = String::new();
        for (c, s) in digits.chars().zip(&spaces) {
            typed.push_str(s);
            typed.push(c);
        }
        typed.push_str(spaces[14]);
        (typed, digits.clone())
    })
}

#[test]
fn the_independent_rules_agree_with_known_sirets() {
    for ok in [
        "21310555400017",
        "73282932000074",
        "35600000000048",
        "35600000049837",
    ] {
        assert!(rules_hold(ok), "{ok}");
    }
    // The last one passes over 14 digits, but its SIREN 214 450 123 does not.
    for bad in ["21310555400018", "35600000049838", "21445012300010"] {
        assert!(!rules_hold(bad), "{bad}");
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn siret_parsing_never_panics_and_accepts_only_valid_digits(input in any::<String>()) {
        if let Ok(siret) = Siret::parse(&input) {
            let s = siret.as_str();
            prop_assert_eq!(s.len(), 14);
            prop_assert!(s.bytes().all(|b| b.is_ascii_digit()));
            prop_assert!(rules_hold(s), "{} accepted", s);
            prop_assert_eq!(siret.grouped().replace(' ', ""), s);
        }
    }

    #[test]
    fn digit_strings_are_judged_by_length_then_checksum(input in "[0-9]{0,20}") {
        match Siret::parse(&input) {
            Ok(s) => prop_assert_eq!(s.as_str(), input.as_str()),
            Err(SiretError::Empty) => prop_assert!(input.is_empty()),
            Err(SiretError::WrongLength(n)) => {
                prop_assert_eq!(n, input.len());
                prop_assert_ne!(n, 14);
            }
            Err(SiretError::Checksum) => {
                prop_assert_eq!(input.len(), 14);
                prop_assert!(!whole_rule_holds(&input));
            }
            Err(SiretError::SirenChecksum) => {
                prop_assert!(whole_rule_holds(&input));
                prop_assert!(!luhn_holds(&input[..9]));
            }
            Err(SiretError::NotDigits) => prop_assert!(false, "digits only: {}", input),
        }
    }

    #[test]
    fn anything_but_digits_and_spaces_is_not_digits(
        (typed, _) in luhn_siret().prop_flat_map(with_spaces),
        at in 0usize..30,
        intruder in "[^0-9\\s\u{202f}]",
    ) {
        let mut chars: Vec<char> = typed.chars().collect();
        let at = at.min(chars.len());
        chars.splice(at..at, intruder.chars());
        let typed: String = chars.into_iter().collect();
        prop_assert_eq!(Siret::parse(&typed), Err(SiretError::NotDigits));
    }

    #[test]
    fn spaces_anywhere_in_a_valid_siret_keep_its_digits(
        (typed, digits) in prop_oneof![luhn_siret(), la_poste_siret()].prop_flat_map(with_spaces)
    ) {
        let parsed = Siret::parse(&typed);
        prop_assert_eq!(parsed.map(String::from), Ok(digits));
    }

    #[test]
    fn one_wrong_digit_is_caught(siret in luhn_siret(), at in 0usize..14, delta in 1u8..10) {
        let mut bytes = siret.into_bytes();
        bytes[at] = b'0' + (bytes[at] - b'0' + delta) % 10;
        let typo = String::from_utf8(bytes).unwrap();
        prop_assume!(!typo.starts_with("356000000"));
        prop_assert_eq!(Siret::parse(&typo), Err(SiretError::Checksum));
    }
}

// ---------------------------------------------------------------- routing

fn structure(code_required: bool, ej_required: bool, either: bool) -> ChorusStructure {
    ChorusStructure {
        siret: "21310555400017".into(),
        name: "Commune <b>test</b>".into(),
        code_service_doit_etre_renseigne: code_required,
        numero_ej_doit_etre_renseigne: ej_required,
        gestion_numero_ej_ou_code_service: either,
        services: vec![
            ChorusService {
                code: "SERV-FIN".into(),
                label: "Finances".into(),
                active: true,
                numero_ej_doit_etre_renseigne: false,
            },
            ChorusService {
                code: "SERV-TECH".into(),
                label: "<script>alert(1)</script>".into(),
                active: true,
                numero_ej_doit_etre_renseigne: true,
            },
            ChorusService {
                code: "OLD".into(),
                label: "Ancien".into(),
                active: false,
                numero_ej_doit_etre_renseigne: false,
            },
        ],
        payment_deadline_days: 30,
        statut_mise_en_paiement_nest_pas_remonte: false,
    }
}

const KNOWN_CODES: &[(&str, &str)] = &[
    ("siret", "siret_required"),
    ("siret", "siret_not_digits"),
    ("siret", "siret_length"),
    ("siret", "siret_checksum"),
    ("siret", "siret_mismatch"),
    ("codeService", "code_service_required"),
    ("codeService", "code_service_reserved"),
    ("codeService", "code_service_unknown"),
    ("codeService", "code_service_inactive"),
    ("numeroEngagement", "engagement_too_long"),
    ("numeroEngagement", "engagement_required"),
    ("numeroEngagement", "engagement_or_service_required"),
];

fn routing_codes(s: &ChorusStructure, r: &ChorusRouting) -> Vec<(String, String)> {
    match validate_routing(s, r) {
        Ok(()) => vec![],
        Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

/// Engagement-like text: ASCII, accented letters, CJK, emoji, markup, spaces.
fn engagement_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-z0-9/ -]{0,70}",
        "[éèàçœ€]{0,70}",
        "[\u{4e00}-\u{4e50}\u{1f600}-\u{1f640}]{0,70}",
        "(<script>|<b>|&amp;|\u{0}|\u{200b}){0,15}",
    ]
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn routing_validation_never_panics_and_answers_known_codes(
        siret in prop_oneof![Just("21310555400017".to_string()), any::<String>()],
        code in prop_oneof![
            Just("SERV-FIN".to_string()),
            Just("SERV-TECH".to_string()),
            Just("OLD".to_string()),
            Just("factures_publiques".to_string()),
            any::<String>(),
        ],
        ej in engagement_text(),
        flags in (any::<bool>(), any::<bool>(), any::<bool>()),
    ) {
        let s = structure(flags.0, flags.1, flags.2);
        let r = ChorusRouting { siret, code_service: code, numero_engagement: ej.clone() };
        let codes = routing_codes(&s, &r);
        for (field, code) in &codes {
            prop_assert!(
                KNOWN_CODES.contains(&(field.as_str(), code.as_str())),
                "unexpected {}/{}", field, code
            );
        }
        // Counted in characters, not bytes, after trimming.
        let too_long = ej.trim().chars().count() > ENGAGEMENT_MAX_CHARS;
        let flagged = codes.iter().any(|(f, c)| f == "numeroEngagement" && c == "engagement_too_long");
        prop_assert_eq!(flagged, too_long, "{:?} ({} chars)", ej, ej.trim().chars().count());
    }

    #[test]
    fn fifty_characters_of_any_script_fit(c in any::<char>().prop_filter("not whitespace", |c| !c.is_whitespace())) {
        let s = structure(false, true, false);
        let fits: String = std::iter::repeat_n(c, ENGAGEMENT_MAX_CHARS).collect();
        let over: String = std::iter::repeat_n(c, ENGAGEMENT_MAX_CHARS + 1).collect();
        let r = |ej: &str| ChorusRouting {
            siret: "21310555400017".into(),
            code_service: String::new(),
            numero_engagement: ej.into(),
        };
        prop_assert_eq!(validate_routing(&s, &r(&fits)), Ok(()));
        prop_assert_eq!(
            routing_codes(&s, &r(&over)),
            vec![("numeroEngagement".to_string(), "engagement_too_long".to_string())]
        );
    }
}

// ---------------------------------------------------------------- uploads

fn magic() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"%PDF-".to_vec()),
        Just(b"\x89PNG\r\n\x1a\n".to_vec()),
        Just(vec![0xFF, 0xD8, 0xFF]),
        Just(b"%PD".to_vec()),
        Just(b"\x89PNG".to_vec()),
        Just(vec![]),
    ]
}

fn expected_kind(head: &[u8]) -> Option<UploadKind> {
    if head.len() >= 5 && &head[..5] == b"%PDF-" {
        Some(UploadKind::Pdf)
    } else if head.len() >= 8 && &head[..8] == b"\x89PNG\r\n\x1a\n" {
        Some(UploadKind::Png)
    } else if head.len() >= 3 && head[..3] == [0xFF, 0xD8, 0xFF] {
        Some(UploadKind::Jpeg)
    } else {
        None
    }
}

fn size() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(MAX_UPLOAD_BYTES),
        Just(MAX_UPLOAD_BYTES + 1),
        Just(u64::MAX),
        1u64..=MAX_UPLOAD_BYTES,
        any::<u64>(),
    ]
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn sniff_and_check_upload_agree_with_the_magic_bytes(
        prefix in magic(),
        rest in proptest::collection::vec(any::<u8>(), 0..64),
        size in size(),
    ) {
        let head: Vec<u8> = prefix.into_iter().chain(rest).collect();
        let kind = sniff(&head);
        prop_assert_eq!(kind, expected_kind(&head));
        let checked = check_upload(size, &head);
        let expected = if size == 0 {
            Err(UploadError::Empty)
        } else if size > MAX_UPLOAD_BYTES {
            Err(UploadError::TooLarge)
        } else {
            kind.ok_or(UploadError::UnsupportedType)
        };
        prop_assert_eq!(checked, expected);
        if let Ok(kind) = checked {
            prop_assert!(!kind.content_type().is_empty() && !kind.extension().is_empty());
        }
    }

    #[test]
    fn upload_headers_never_panic(declared in proptest::option::of(size()), name in any::<String>()) {
        let result = check_upload_header(declared, &name);
        let expected = if declared == Some(0) {
            Err(UploadError::Empty)
        } else if declared.is_some_and(|n| n > MAX_UPLOAD_BYTES) {
            Err(UploadError::TooLarge)
        } else if name.chars().count() > MAX_FILE_NAME_CHARS {
            Err(UploadError::NameTooLong)
        } else {
            Ok(())
        };
        prop_assert_eq!(result, expected);
    }
}

// ---------------------------------------------------------------- API decoding

const PRICE: &str = r#"{"currencyCode":"EUR","value":120.0,"text":"120,00 €"}"#;

fn bill_json(status: &str, category: &str) -> Value {
    json!({
        "billId": "FR1000003", "date": "2026-11-02T09:00:00Z", "orderId": 1003,
        "category": category,
        "priceWithoutTax": serde_json::from_str::<Value>(PRICE).unwrap(),
        "tax": serde_json::from_str::<Value>(PRICE).unwrap(),
        "priceWithTax": serde_json::from_str::<Value>(PRICE).unwrap(),
        "pdfUrl": "/api/me/bill/FR1000003/pdf",
        "chorusStatus": status, "dueDate": "2026-12-02"
    })
}

fn tracking_json(status: &str, actor: &str) -> Value {
    json!({
        "billId": "FR1000003", "chorusInvoiceId": "CPP-1", "siret": "21445012400018",
        "structureName": "<img src=x onerror=alert(1)>", "codeService": "SERV-FIN",
        "numeroEngagement": "", "status": status,
        "history": [{"status": status, "date": "2026-11-02T09:00:00Z", "actor": actor,
                     "reason": "<script>alert(1)</script>"}],
        "deadline": null, "statutMiseEnPaiementNestPasRemonte": false
    })
}

fn mandate_json(state: &str) -> Value {
    json!({
        "orderId": 1004, "state": state, "siret": "21445012400018",
        "structureName": "Commune", "formUrl": "/f", "uploadUrl": "/u",
        "rejectionReason": "<b>illisible</b><script>alert(1)</script>"
    })
}

/// Every type the app decodes from the API, each decoded from `body`.
fn decode_all(status: u16, body: &str) -> Vec<Result<(), ApiError>> {
    fn one<T: serde::de::DeserializeOwned>(status: u16, body: &str) -> Result<(), ApiError> {
        decode::<T>(status, body).map(|_| ())
    }
    vec![
        one::<Order>(status, body),
        one::<Vec<OrderDetail>>(status, body),
        one::<OrderStatus>(status, body),
        one::<FollowUp>(status, body),
        one::<Account>(status, body),
        one::<Bill>(status, body),
        one::<BillPage>(status, body),
        one::<Debt>(status, body),
        one::<ChorusTracking>(status, body),
        one::<ChorusStructure>(status, body),
        one::<Mandate>(status, body),
        one::<PaymentMethods>(status, body),
        one::<PaymentReceipt>(status, body),
        one::<ErrorBody>(status, body),
        one::<Vec<u64>>(status, body),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "(orderId|billId|status|state|history|bills|available|[a-z]{1,8})".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(
                "(orderId|billId|date|status|state|chorusStatus|history|bills|page|pageSize|total|available|registered|unavailable|category|[a-zA-Z]{1,10})",
                inner,
                0..10,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn decoding_arbitrary_text_gives_a_value_or_malformed(status in 100u16..600, body in any::<String>()) {
        for result in decode_all(status, &body) {
            match result {
                Ok(()) => prop_assert!((200..300).contains(&status)),
                Err(ApiError::Malformed(_)) => prop_assert!((200..300).contains(&status)),
                Err(_) => prop_assert!(!(200..300).contains(&status)),
            }
        }
    }

    #[test]
    fn decoding_arbitrary_json_gives_a_value_or_malformed(value in json_value()) {
        let body = value.to_string();
        for result in decode_all(200, &body) {
            prop_assert!(matches!(result, Ok(()) | Err(ApiError::Malformed(_))), "{:?}", result);
        }
    }

    #[test]
    fn unknown_enum_values_decode_to_their_unknown_variant(value in "[A-Za-z_ <>/()]{0,24}") {
        let quoted = serde_json::to_string(&value).unwrap();
        let known_order = ["notPaid", "checking", "documentsRequested", "delivering", "delivered", "cancelling", "cancelled"];
        let order: OrderStatus = decode(200, &quoted).unwrap();
        prop_assert!(order != OrderStatus::Unknown || !known_order.contains(&value.as_str()));
        if !known_order.contains(&value.as_str()) {
            prop_assert_eq!(order, OrderStatus::Unknown);
        }

        let chorus: ChorusStatus = decode(200, &quoted).unwrap();
        prop_assert_eq!(chorus, ChorusStatus::from_code(&value));
        if ChorusStatus::ALL.iter().all(|s| s.code() != value) {
            prop_assert_eq!(chorus, ChorusStatus::Unknown);
        }

        let known_states = ["awaitingDocument", "underReview", "accepted", "rejected"];
        let state: MandateState = decode(200, &quoted).unwrap();
        prop_assert_eq!(state == MandateState::Unknown, !known_states.contains(&value.as_str()));

        let known_debts = ["PAID", "UNPAID", "TO_BE_PAID", "UNMATURED", "REFUNDED"];
        let debt: DebtStatus = decode(200, &quoted).unwrap();
        prop_assert_eq!(debt == DebtStatus::Unknown, !known_debts.contains(&value.as_str()));

        let category: BillCategory = decode(200, &quoted).unwrap();
        prop_assert_eq!(
            category == BillCategory::Other,
            !["purchase", "autorenew", "earlyrenewal"].contains(&value.as_str())
        );
        let _: LegalForm = decode(200, &quoted).unwrap();
        let _: ChorusActor = decode(200, &quoted).unwrap();

        // Inside the documents that carry them.
        let bill: Bill = decode(200, &bill_json(&value, &value).to_string()).unwrap();
        prop_assert_eq!(bill.chorus_status, Some(chorus));
        let page = json!({"bills": [bill_json(&value, "purchase")], "page": 1, "pageSize": 50, "total": 1});
        let page: BillPage = decode(200, &page.to_string()).unwrap();
        prop_assert_eq!(page.bills[0].chorus_status, Some(chorus));
        let tracking: ChorusTracking = decode(200, &tracking_json(&value, &value).to_string()).unwrap();
        prop_assert_eq!(tracking.status, Some(chorus));
        prop_assert_eq!(tracking.history[0].status, chorus);
        let mandate: Mandate = decode(200, &mandate_json(&value).to_string()).unwrap();
        prop_assert_eq!(mandate.state, state);
        let debt_doc = json!({"status": value, "amount": serde_json::from_str::<Value>(PRICE).unwrap(),
                              "pendingAmount": serde_json::from_str::<Value>(PRICE).unwrap()});
        let debt_doc: Debt = decode(200, &debt_doc.to_string()).unwrap();
        prop_assert_eq!(debt_doc.status, debt);
        let follow = json!({"step": value, "status": value, "history": []});
        let follow: FollowUp = decode(200, &follow.to_string()).unwrap();
        prop_assert_eq!(follow.status, order);
    }
}

#[test]
fn markup_in_api_strings_is_kept_verbatim_as_data() {
    let tracking: ChorusTracking =
        decode(200, &tracking_json("SUSPENDUE", "recipient").to_string()).unwrap();
    assert_eq!(tracking.structure_name, "<img src=x onerror=alert(1)>");
    assert_eq!(
        tracking.history[0].reason.as_deref(),
        Some("<script>alert(1)</script>")
    );
    let mandate: Mandate = decode(200, &mandate_json("rejected").to_string()).unwrap();
    assert_eq!(mandate.state, MandateState::Rejected);
    assert_eq!(
        mandate.rejection_reason.as_deref(),
        Some("<b>illisible</b><script>alert(1)</script>")
    );
}

#[test]
fn payment_methods_tolerate_unknown_types_and_missing_lists() {
    let methods: PaymentMethods = decode(
        200,
        r#"{"available":[{"paymentType":"CRYPTO_<b>","integration":"?","oneshot":true,"registerable":false}],
            "registered":[]}"#,
    )
    .unwrap();
    assert_eq!(methods.available[0].payment_type, "CRYPTO_<b>");
    assert!(methods.unavailable.is_empty());
    // A wrong type inside is a clear Malformed, not a panic.
    assert!(matches!(
        decode::<PaymentMethods>(200, r#"{"available":"all","registered":[]}"#),
        Err(ApiError::Malformed(_))
    ));
}
