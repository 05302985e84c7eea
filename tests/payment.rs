//! The payment-method step as the user meets it: the SIRET field and the error summary.

mod common;
use common::{api_answering, eventually, find, get, text, tick, type_and_leave, El};
use leptos::prelude::*;
use mandat::checkout::PaymentForm;
use mandat::AppConfig;
use mandat_model::billing::{
    PaymentMethod, PaymentMethods, UnavailablePaymentMethod, ADMINISTRATIVE_MANDATE, CHORUS,
    NOT_PUBLIC_ADMINISTRATION,
};
use mandat_model::chorus::{ChorusService, ChorusStructure};
use mandat_model::retry::REQUEST_RETRY_DELAYS_MS as RETRY_DELAYS_MS;
use mandat_model::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the form for an order, the API at `api_base`.
fn mount_form(api_base: String, methods: PaymentMethods, structure: Option<ChorusStructure>) -> El {
    let container: El = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(AppConfig {
            api_base,
            locale: Locale::Fr,
            ..Default::default()
        });
        view! { <PaymentForm order_id=42 methods=methods structure=structure /> }
    })
    .forget();
    container
}

/// How long an API nobody answers at takes to be reported: the client's own
/// new attempts, then a margin.
const UNREACHABLE_AFTER_MS: i32 = (RETRY_DELAYS_MS[0] + RETRY_DELAYS_MS[1] + 300) as i32;

fn mandate() -> PaymentMethod {
    PaymentMethod {
        payment_type: ADMINISTRATIVE_MANDATE.into(),
        payment_sub_type: Some(CHORUS.into()),
        integration: "NONE".into(),
        oneshot: true,
        registerable: false,
        icon: None,
    }
}

fn card() -> PaymentMethod {
    PaymentMethod {
        payment_type: "CREDIT_CARD".into(),
        payment_sub_type: None,
        integration: "REDIRECT".into(),
        oneshot: true,
        registerable: true,
        icon: None,
    }
}

fn commune() -> ChorusStructure {
    ChorusStructure {
        siret: "21310555400017".into(),
        name: "Commune de Saint-Exemple".into(),
        code_service_doit_etre_renseigne: true,
        numero_ej_doit_etre_renseigne: false,
        gestion_numero_ej_ou_code_service: false,
        services: vec![
            ChorusService {
                code: "FINANCES".into(),
                label: "Service des finances".into(),
                active: true,
                numero_ej_doit_etre_renseigne: false,
            },
            ChorusService {
                code: "ANCIEN".into(),
                label: "Ancien service".into(),
                active: false,
                numero_ej_doit_etre_renseigne: false,
            },
        ],
        payment_deadline_days: 30,
        statut_mise_en_paiement_nest_pas_remonte: false,
    }
}

fn both_methods() -> PaymentMethods {
    PaymentMethods {
        available: vec![mandate(), card()],
        registered: vec![],
        unavailable: vec![],
    }
}

fn choose_mandate(root: &El) {
    let radio = get(root, "input[type=radio][value=ADMINISTRATIVE_MANDATE]");
    radio.click();
}

fn submit(root: &El) {
    get(root, "button[type=submit]").click();
}

#[wasm_bindgen_test]
async fn methods_are_a_radio_group_with_none_chosen() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 2);
    for i in 0..radios.length() {
        let radio: web_sys::HtmlInputElement = radios.item(i).unwrap().unchecked_into();
        assert!(!radio.checked(), "nothing is chosen for the user");
    }
    assert_eq!(
        text(&root, "label[for=mandat-method-0]"),
        "Payer par mandat administratif"
    );
    assert!(find(&root, "[data-testid=chorus-fields]").is_none());

    choose_mandate(&root);
    tick().await;
    let siret: web_sys::HtmlInputElement = get(&root, "#mandat-siret").unchecked_into();
    assert_eq!(
        siret.value(),
        "213 105 554 00017",
        "pre-filled from the account's structure"
    );
    assert_eq!(
        text(&root, "[data-testid=siret-status]"),
        "Structure trouvée\u{a0}: Commune de Saint-Exemple"
    );
    // The commune requires a code service: a choice among its active services only.
    let options = root
        .query_selector_all("#mandat-code-service option")
        .unwrap();
    assert_eq!(
        options.length(),
        2,
        "the empty choice and the one active service"
    );
    assert!(text(&root, "label[for=mandat-code-service]").contains("obligatoire"));
    assert!(
        find(&root, "#mandat-engagement").is_none(),
        "not asked by this structure"
    );
}

#[wasm_bindgen_test]
async fn the_mandate_unavailable_is_text_with_its_reason_and_a_fix() {
    let methods = PaymentMethods {
        available: vec![card()],
        registered: vec![],
        unavailable: vec![UnavailablePaymentMethod {
            payment_type: ADMINISTRATIVE_MANDATE.into(),
            payment_sub_type: Some(CHORUS.into()),
            reason: NOT_PUBLIC_ADMINISTRATION.into(),
        }],
    };
    let root = mount_form("http://127.0.0.1:9/api".into(), methods, None);
    assert!(find(&root, "input[value=ADMINISTRATIVE_MANDATE]").is_none());
    let block = get(&root, "[data-testid=mandate-unavailable]");
    let words = block.text_content().unwrap();
    assert!(
        words.contains("réservé aux comptes déclarés comme administration publique"),
        "{words}"
    );
    assert!(
        find(&block, "a[href]").is_some(),
        "a link to where the legal form is declared"
    );
}

#[wasm_bindgen_test]
async fn a_mistyped_siret_is_explained_beside_the_field_when_leaving_it() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    choose_mandate(&root);
    tick().await;
    let input = get(&root, "#mandat-siret");

    type_and_leave(&input, "213 105 554 00018");
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = text(&root, "#mandat-siret-error");
    assert!(
        message.starts_with("Ce SIRET n’est pas valide"),
        "{message}"
    );
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .split(' ')
        .any(|id| id == "mandat-siret-error"));

    type_and_leave(&input, "2131055540");
    tick().await;
    assert_eq!(
        text(&root, "#mandat-siret-error"),
        "Le SIRET comporte 14 chiffres\u{a0}: vérifiez le numéro saisi."
    );

    type_and_leave(&input, "21A");
    tick().await;
    assert!(text(&root, "#mandat-siret-error").contains("que des chiffres"));

    // 14 digits that pass, a SIREN (first 9) that does not: a typo all the same.
    type_and_leave(&input, "214 450 123 00010");
    tick().await;
    assert_eq!(
        text(&root, "#mandat-siret-error"),
        "Ce SIRET n’est pas valide\u{a0}: ses 9 premiers chiffres (le SIREN) ne forment pas un SIREN valide, un chiffre a sans doute été mal recopié. Vérifiez-le sur vos documents."
    );
    let typed: &web_sys::HtmlInputElement = input.unchecked_ref();
    assert_eq!(typed.value(), "214 450 123 00010", "what was typed is kept");

    // Back to a valid one: the message goes away.
    type_and_leave(&input, "21310555400017");
    tick().await;
    assert!(find(&root, "#mandat-siret-error").is_none());
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_valid_siret_is_looked_up_and_the_structure_named() {
    let other = ChorusStructure {
        siret: "35600000000048".into(),
        name: "Centre hospitalier d’Exemple".into(),
        code_service_doit_etre_renseigne: false,
        numero_ej_doit_etre_renseigne: true,
        services: vec![],
        ..commune()
    };
    let root = mount_form(
        api_answering(&serde_json::to_string(&other).unwrap()),
        both_methods(),
        Some(commune()),
    );
    choose_mandate(&root);
    tick().await;
    // La Poste's head office: spaces accepted.
    type_and_leave(&get(&root, "#mandat-siret"), "356 000 000 00048");
    eventually(
        || text(&root, "[data-testid=siret-status]").contains("Centre hospitalier"),
        3_000,
    )
    .await;
    assert_eq!(
        text(&root, "[data-testid=siret-status]"),
        "Structure trouvée\u{a0}: Centre hospitalier d’Exemple"
    );
    // Its parameters decide the fields: an engagement number, no code service.
    assert!(find(&root, "#mandat-code-service").is_none());
    assert!(text(&root, "label[for=mandat-engagement]").contains("obligatoire"));
}

#[wasm_bindgen_test]
async fn a_siret_the_lookup_cannot_reach_is_left_to_the_payment_check() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    choose_mandate(&root);
    tick().await;
    type_and_leave(&get(&root, "#mandat-siret"), "35600000000048");
    assert!(
        eventually(
            || text(&root, "[data-testid=siret-status]").contains("n’a pas pu être vérifié"),
            UNREACHABLE_AFTER_MS + 2_000
        )
        .await,
        "the look-up's failure is said"
    );
    assert!(
        find(&root, "#mandat-siret-error").is_none(),
        "no blame on the user"
    );
}

#[wasm_bindgen_test]
async fn submitting_nothing_shows_a_focused_summary_linking_to_the_field() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    assert!(find(&root, "[data-testid=error-summary]").is_none());
    submit(&root);
    tick().await;
    let summary = get(&root, "[data-testid=error-summary]");
    let active = document().active_element().expect("something has focus");
    assert!(
        summary.is_same_node(Some(&active)),
        "the summary takes focus"
    );
    let link = get(&summary, "a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#mandat-method-0")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Choisissez un moyen de paiement."
    );
    assert_eq!(
        text(&root, "#mandat-method-error"),
        "Choisissez un moyen de paiement."
    );

    link.click();
    let active = document().active_element().unwrap();
    assert_eq!(
        active.id(),
        "mandat-method-0",
        "the link leads to the field"
    );
}

#[wasm_bindgen_test]
async fn the_summary_lists_each_field_with_the_same_words_as_inline() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    choose_mandate(&root);
    tick().await;
    // The commune requires a code service, none chosen.
    submit(&root);
    tick().await;
    let summary = get(&root, "[data-testid=error-summary]");
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: El = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#mandat-code-service")
    );
    let inline = text(&root, "#mandat-code-service-error");
    assert_eq!(link.text_content().unwrap(), inline);
    assert_eq!(inline, "Choisissez le service auquel adresser la facture.");
    assert_eq!(
        get(&root, "#mandat-code-service")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // A wrong SIRET as well: both listed, in the order of the form.
    type_and_leave(&get(&root, "#mandat-siret"), "123");
    submit(&root);
    tick().await;
    let summary = get(&root, "[data-testid=error-summary]");
    let hrefs: Vec<String> = {
        let links = summary.query_selector_all("a").unwrap();
        (0..links.length())
            .map(|i| {
                links
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::Element>()
                    .get_attribute("href")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(hrefs, ["#mandat-siret", "#mandat-code-service"]);
}

#[wasm_bindgen_test]
async fn a_failed_payment_keeps_everything_typed_and_offers_a_retry() {
    let root = mount_form(
        "http://127.0.0.1:9/api".into(),
        both_methods(),
        Some(commune()),
    );
    choose_mandate(&root);
    tick().await;
    let select: web_sys::HtmlSelectElement = get(&root, "#mandat-code-service").unchecked_into();
    select.set_value("FINANCES");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    submit(&root);
    submit(&root);
    assert!(
        eventually(
            || find(&root, "[data-testid=pay-problem]").is_some(),
            UNREACHABLE_AFTER_MS + 2_000
        )
        .await,
        "the failure is said"
    );
    assert!(find(&root, "[data-testid=error-summary]").is_none());
    let problem = get(&root, "[data-testid=pay-problem]");
    assert!(problem
        .text_content()
        .unwrap()
        .contains("Le service est injoignable"));
    assert!(find(&problem, "button").is_some(), "a retry");
    let siret: web_sys::HtmlInputElement = get(&root, "#mandat-siret").unchecked_into();
    assert_eq!(siret.value(), "213 105 554 00017");
    let select: web_sys::HtmlSelectElement = get(&root, "#mandat-code-service").unchecked_into();
    assert_eq!(select.value(), "FINANCES");
}

#[wasm_bindgen_test]
async fn the_confirmation_takes_focus_and_links_to_the_mandate_upload() {
    use mandat::checkout::PaymentConfirmation;
    use mandat_model::billing::PaymentReceipt;
    use mandat_model::OrderStatus;

    let container: El = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let receipt = PaymentReceipt {
        order_id: 42,
        payment_type: ADMINISTRATIVE_MANDATE.into(),
        order_status: OrderStatus::DocumentsRequested,
        mandate: None,
        email_sent_to: Some("finances@<b>mairie</b>.fr".into()),
    };
    leptos::mount::mount_to(
        container.clone(),
        move || view! { <PaymentConfirmation receipt=receipt /> },
    )
    .forget();
    let heading = get(&container, "h3");
    // Focus moves to the outcome once it is painted.
    assert!(
        eventually(
            || heading.is_same_node(document().active_element().as_ref().map(|e| e.as_ref())),
            2_000
        )
        .await
    );
    assert_eq!(
        heading.text_content().unwrap(),
        "Paiement par mandat administratif enregistré"
    );
    assert!(heading.is_same_node(document().active_element().as_ref().map(|e| e.as_ref())));
    assert_eq!(
        text(&container, "[data-testid=order-status]"),
        "Statut de la commande\u{a0}: en attente du mandat signé"
    );
    let link = get(&container, "[data-testid=mandate-upload-link]");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/orders/42/mandate")
    );
    // The address the e-mail went to, as text.
    assert_eq!(
        text(&container, "[data-testid=confirm-email]"),
        "Un e-mail avec le formulaire pré-rempli et la marche à suivre vient d’être envoyé à finances@<b>mairie</b>.fr."
    );
    assert!(find(&container, "[data-testid=confirm-email] b").is_none());
}

#[wasm_bindgen_test]
fn server_field_errors_land_on_the_form_fields_in_order() {
    use mandat::i18n::Key;
    use mandat::routing::{api_field_errors, Field};
    use mandat_model::FieldError;

    let error = |field: &str, code: &str| FieldError {
        field: field.into(),
        code: code.into(),
        message: "ignored: the app has its own words".into(),
    };
    let mapped = api_field_errors(&[
        error("numeroEngagement", "engagement_too_long"),
        error("siret", "siret_unknown"),
        error("codeService", "code_service_reserved"),
        error("siret", "siret_checksum"),
        error("somethingElse", "whatever"),
    ]);
    assert_eq!(
        mapped,
        vec![
            (Field::Siret, Key::FieldSiretUnknown),
            (Field::CodeService, Key::FieldCodeServiceInvalid),
            (Field::Engagement, Key::FieldEngagementTooLong),
        ]
    );
    // A code the app does not know yet still gets words, never the API's text.
    assert_eq!(
        api_field_errors(&[error("siret", "new_rule")]),
        vec![(Field::Siret, Key::FieldNotAccepted)]
    );
}
