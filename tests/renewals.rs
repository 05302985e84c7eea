//! The renewals page as the buyer meets it: the warning for a renewal missing
//! the numéro d'engagement of its budget year, the routing editor (the
//! checkout's fields and checks), and the routing saved.

mod common;
use common::{
    answer_by_path, api_answering, eventually, find, get, text, tick, type_and_leave, wait_for, El,
    FetchStandIn,
};
use leptos::prelude::*;
use mandat::renewals::RenewalList;
use mandat::AppConfig;
use mandat_model::chorus::{ChorusRouting, ChorusService, ChorusStructure};
use mandat_model::renewal::Renewal;
use mandat_model::{Locale, Price};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSPITAL: &str = "26765432500013";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn hospital() -> ChorusStructure {
    ChorusStructure {
        siret: HOSPITAL.into(),
        name: "Centre hospitalier".into(),
        code_service_doit_etre_renseigne: false,
        numero_ej_doit_etre_renseigne: true,
        gestion_numero_ej_ou_code_service: false,
        services: vec![ChorusService {
            code: "DSI".into(),
            label: "Direction des systèmes d'information".into(),
            active: true,
            numero_ej_doit_etre_renseigne: false,
        }],
        payment_deadline_days: 50,
        statut_mise_en_paiement_nest_pas_remonte: false,
    }
}

fn renewal(engagement: &str, year: i32) -> Renewal {
    let missing = year != 2027;
    Renewal {
        renewal_id: 2501,
        label: "Serveur dédié Advance-2 - 12 mois".into(),
        domain: "ns3012345.ip-51-75-1.eu".into(),
        next_renewal_date: "2027-01-15".parse().unwrap(),
        period_months: 12,
        price_without_tax: Price::eur(359_976),
        tax: Price::eur(71_995),
        price_with_tax: Price::eur(431_971),
        routing: Some(ChorusRouting {
            siret: HOSPITAL.into(),
            code_service: String::new(),
            numero_engagement: engagement.into(),
        }),
        engagement_budget_year: Some(year),
        engagement_required: true,
        engagement_missing: missing,
    }
}

fn mount_list(api_base: String, locale: Locale, renewals: Vec<Renewal>) -> El {
    let container: El = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(AppConfig {
            api_base,
            locale,
            ..Default::default()
        });
        view! { <RenewalList renewals=renewals structure=Some(hospital()) /> }
    })
    .forget();
    container
}

fn value(root: &El, selector: &str) -> String {
    get(root, selector)
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Waits (up to a second) for the focus to land on `id` inside `root`: it
/// moves on the next animation frame, which a busy browser may delay.
async fn focus_lands_on(root: &El, id: &str) -> bool {
    eventually(
        || {
            let inside = document()
                .active_element()
                .is_some_and(|e| root.contains(Some(&e)));
            inside && active_id() == id
        },
        1000,
    )
    .await
}

#[wasm_bindgen_test]
async fn a_missing_engagement_is_said_first_naming_the_renewal_and_the_year() {
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-warning]").await;
    let warning = text(&root, "[data-testid=renewal-warning]");
    assert!(
        warning.contains("Numéro d’engagement 2027 à donner"),
        "{warning}"
    );
    assert!(
        warning.contains("Serveur dédié Advance-2 - 12 mois"),
        "{warning}"
    );
    assert!(warning.contains("15 janvier 2027"), "{warning}");
    // The warning comes before the renewals.
    let first = root.first_element_child().unwrap();
    assert_eq!(
        first.get_attribute("data-testid").as_deref(),
        Some("renewal-warning")
    );
    assert_eq!(
        text(&root, "[data-testid=renewal-engagement-state]"),
        "Exigé, manquant pour l’exercice 2027"
    );
    assert_eq!(
        text(&root, "[data-testid=renewal-engagement]"),
        "EJ-2026-0042 (exercice 2026)"
    );
    assert!(text(&root, "[data-testid=renewal-routing]").contains("267 654 325 00013"));
    assert!(text(&root, "[data-testid=renewal-amount]").contains("4\u{202f}319,71"));

    root.remove();

    // With the year's number: no warning.
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::En,
        vec![renewal("EJ-2027-0001", 2027)],
    );
    // The warnings are drawn with the list, before its renewals.
    wait_for(&root, "[data-testid=renewal-engagement-state]").await;
    assert!(find(&root, "[data-testid=renewal-warning]").is_none());
    assert_eq!(
        text(&root, "[data-testid=renewal-engagement-state]"),
        "Required, given for the 2027 budget year"
    );
    assert!(text(&root, "[data-testid=renewal-next-date]").contains("15 January 2027"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_editor_checks_the_routing_as_the_checkout_does() {
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    assert!(find(&root, "[data-testid=renewal-form]").is_none());
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "[data-testid=engagement-note]").await;
    // The routing as it is, the SIRET grouped; the number's field says which
    // year's number it takes, and is described by it.
    assert_eq!(value(&root, "#mandat-siret"), "267 654 325 00013");
    assert!(text(&root, "[data-testid=engagement-note]").contains("exercice 2027"));
    assert!(get(&root, "#mandat-engagement")
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("mandat-engagement-note-0"));

    // No engagement: refused before sending, beside its field and in the summary.
    get(&root, "[data-testid=renewal-save]").click();
    wait_for(&root, "#mandat-engagement-error").await;
    assert_eq!(
        text(&root, "#mandat-engagement-error"),
        mandat::i18n::Key::FieldEngagementRequired.fr()
    );
    assert_eq!(
        get(&root, "#mandat-engagement")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(text(&root, "[data-testid=error-summary]")
        .contains(mandat::i18n::Key::FieldEngagementRequired.fr()));

    // A SIRET whose key is wrong: said as the field is left.
    type_and_leave(&get(&root, "#mandat-siret"), "267 654 325 00014");
    wait_for(&root, "#mandat-siret-error").await;
    assert_eq!(
        text(&root, "#mandat-siret-error"),
        mandat::i18n::Key::FieldSiretChecksum.fr()
    );

    // Cancelling closes the editor and gives the focus back to its button.
    let cancel = root
        .query_selector_all("[data-testid=renewal-form] button[type=button]")
        .unwrap()
        .item(0)
        .unwrap()
        .unchecked_into::<El>();
    cancel.click();
    eventually(|| find(&root, "[data-testid=renewal-form]").is_none(), 2000).await;
    assert!(find(&root, "[data-testid=renewal-form]").is_none());
    assert!(
        focus_lands_on(&root, "mandat-renewal-2501-edit").await,
        "{}",
        active_id()
    );
    // Field ids are fixed: one page shows one list at a time.
    root.remove();
}

#[wasm_bindgen_test]
async fn a_saved_routing_replaces_the_warning_and_is_announced() {
    let saved = serde_json::to_string(&renewal("EJ-2027-0001", 2027)).unwrap();
    let root = mount_list(
        api_answering(&saved),
        Locale::En,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    assert!(find(&root, "[data-testid=renewal-warning]").is_some());
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "#mandat-engagement").await;
    type_and_leave(&get(&root, "#mandat-engagement"), "EJ-2027-0001");
    get(&root, "[data-testid=renewal-save]").click();
    wait_for(&root, "[data-testid=renewal-saved]").await;
    assert!(
        find(&root, "[data-testid=renewal-form]").is_none(),
        "the editor closes"
    );
    assert!(find(&root, "[data-testid=renewal-warning]").is_none());
    assert_eq!(
        text(&root, "[data-testid=renewal-saved-status]"),
        "Routing saved for “Serveur dédié Advance-2 - 12 mois”."
    );
    assert_eq!(
        text(&root, "[data-testid=renewal-engagement]"),
        "EJ-2027-0001 (2027 budget year)"
    );
    assert!(
        focus_lands_on(&root, "mandat-renewal-2501").await,
        "{}",
        active_id()
    );
    root.remove();
}

/// The name a screen reader gives an element: its `aria-label`, or its text.
fn accessible_name(element: &El) -> String {
    element
        .get_attribute("aria-label")
        .unwrap_or_else(|| element.text_content().unwrap_or_default())
        .trim()
        .to_string()
}

#[wasm_bindgen_test]
async fn the_editor_opens_on_the_missing_number_with_last_years_as_a_reminder() {
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "#mandat-engagement").await;
    // Last year's number is not offered as this year's: the field is empty,
    // the number shown beside it, and the cursor waits there.
    assert_eq!(value(&root, "#mandat-engagement"), "");
    assert_eq!(value(&root, "#mandat-siret"), "267 654 325 00013");
    assert!(text(&root, "[data-testid=chorus-fields]").contains("Numéro 2026\u{a0}: EJ-2026-0042"));
    assert!(
        focus_lands_on(&root, "mandat-engagement").await,
        "{}",
        active_id()
    );
    // The warning's link leads to the same field.
    get(&root, "[data-testid=renewal-form] button[type=button]").click();
    wait_for(&root, "[data-testid=renewal-edit]:not([hidden])").await;
    get(&root, "[data-testid=renewal-warning] a").click();
    wait_for(&root, "#mandat-engagement").await;
    assert!(
        focus_lands_on(&root, "mandat-engagement").await,
        "{}",
        active_id()
    );
    root.remove();

    // With this year's number: it is the value, and the first field has the cursor.
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2027-0001", 2027)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "#mandat-engagement").await;
    assert_eq!(value(&root, "#mandat-engagement"), "EJ-2027-0001");
    assert!(!text(&root, "[data-testid=chorus-fields]").contains("Numéro 2026"));
    assert!(
        focus_lands_on(&root, "mandat-siret").await,
        "{}",
        active_id()
    );
    root.remove();
}

/// An API that answers every save of the renewal's routing with `saved`, and
/// counts them.
fn answer_saves_with(saved: &Renewal) -> FetchStandIn {
    let table = serde_json::json!({
        "/api/me/renewal/2501/routing": [[200, serde_json::to_string(saved).unwrap()]],
    });
    answer_by_path(&js_sys::JSON::parse(&table.to_string()).unwrap())
}

#[wasm_bindgen_test]
async fn an_unchanged_routing_is_not_said_saved() {
    // Were a request sent, it would be counted, and its answer (another number)
    // would show.
    let api = answer_saves_with(&renewal("EJ-2027-0099", 2027));
    let root = mount_list(
        "/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2027-0001", 2027)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "[data-testid=renewal-save]").await;
    get(&root, "[data-testid=renewal-save]").click();
    assert!(
        eventually(
            || find(&root, "[data-testid=renewal-unchanged]").is_some_and(|e| e
                .text_content()
                .unwrap_or_default()
                .contains("Aucune modification")),
            2000
        )
        .await,
        "{}",
        root.inner_html()
    );
    // The click's handler decides, and a request it sends reaches `fetch` in
    // the same turn of the event loop: by the next one it would be counted.
    tick().await;
    assert_eq!(api.paths(), Vec::<String>::new(), "nothing sent");
    assert!(find(&root, "[data-testid=renewal-saved]").is_none());
    assert_eq!(text(&root, "[data-testid=renewal-saved-status]"), "");
    assert_eq!(
        text(&root, "[data-testid=renewal-engagement]"),
        "EJ-2027-0001 (exercice 2027)"
    );
    // A changed number is sent and counted: the count above could have failed.
    type_and_leave(&get(&root, "#mandat-engagement"), "EJ-2027-0002");
    get(&root, "[data-testid=renewal-save]").click();
    wait_for(&root, "[data-testid=renewal-saved]").await;
    assert_eq!(api.paths().len(), 1, "{:?}", api.paths());
    root.remove();

    // Last year's number typed back: nothing changes, and the page still asks
    // for next year's.
    let root = mount_list(
        "/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "#mandat-engagement").await;
    type_and_leave(&get(&root, "#mandat-engagement"), "EJ-2026-0042");
    get(&root, "[data-testid=renewal-save]").click();
    wait_for(&root, "[data-testid=renewal-unchanged]").await;
    // As above: a request sent by the click would be counted by now.
    tick().await;
    assert_eq!(api.paths().len(), 1, "nothing more sent: {:?}", api.paths());
    assert!(find(&root, "[data-testid=renewal-saved]").is_none());
    assert!(
        text(&root, "[data-testid=renewal-warning]").contains("Numéro d’engagement 2027 à donner")
    );
    api.restore();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_warning_and_the_card_name_their_one_action_alike() {
    for locale in [Locale::Fr, Locale::En] {
        let root = mount_list(
            "http://127.0.0.1:9/api".into(),
            locale,
            vec![renewal("EJ-2026-0042", 2026)],
        );
        wait_for(&root, "[data-testid=renewal-edit]").await;
        let link = get(&root, "[data-testid=renewal-warning] a");
        let button = get(&root, "[data-testid=renewal-edit]");
        assert_eq!(
            accessible_name(&link),
            accessible_name(&button),
            "{locale:?}"
        );
        assert_eq!(
            link.text_content().unwrap_or_default().trim(),
            button.text_content().unwrap_or_default().trim(),
            "{locale:?}"
        );
        assert!(accessible_name(&button).contains("2027"), "{locale:?}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn in_english_the_french_term_is_read_as_french() {
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::En,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    wait_for(&root, "[data-testid=renewal-edit]").await;
    let french = |selector: &str| {
        let found = root.query_selector_all(selector).unwrap();
        (0..found.length())
            .filter_map(|i| found.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert!(
        french("[data-testid=renewal-warning] [lang=fr]")
            .contains(&"numéro d’engagement".to_string()),
        "{}",
        root.inner_html()
    );
    get(&root, "[data-testid=renewal-edit]").click();
    wait_for(&root, "#mandat-engagement").await;
    let label = get(&root, "label[for=mandat-engagement]");
    assert!(
        label
            .text_content()
            .unwrap_or_default()
            .contains("Commitment number"),
        "{}",
        label.inner_html()
    );
    assert!(
        french("label[for=mandat-engagement] [lang=fr]")
            .contains(&"numéro d’engagement".to_string()),
        "{}",
        label.inner_html()
    );
    root.remove();
}

/// The app's own styles, as the page loads them.
fn with_styles() -> web_sys::Element {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(concat!(
        include_str!("../style/main.css"),
        include_str!("../style/kit.css")
    )));
    document().head().unwrap().append_child(&style).unwrap();
    style
}

#[wasm_bindgen_test]
async fn at_640_px_with_text_at_200_percent_the_card_holds_its_routing() {
    let style = with_styles();
    let html: El = document().document_element().unwrap().unchecked_into();
    html.style().set_property("font-size", "200%").unwrap();
    let root = mount_list(
        "http://127.0.0.1:9/api".into(),
        Locale::Fr,
        vec![renewal("EJ-2026-0042", 2026)],
    );
    root.set_class_name("mandat");
    root.style().set_property("width", "640px").unwrap();
    wait_for(&root, "[data-testid=renewal-routing]").await;
    // Measuring a box lays the page out first: nothing to wait for.
    let card = get(&root, "[data-testid=renewal]");
    let edge = card.get_bounding_client_rect().right();
    let all = card.query_selector_all("*").unwrap();
    let sticking_out: Vec<String> = (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .filter(|e| e.get_bounding_client_rect().right() > edge + 0.5)
        .map(|e| {
            format!(
                "{} «{}»",
                e.tag_name(),
                e.text_content().unwrap_or_default()
            )
        })
        .collect();
    html.style().remove_property("font-size").unwrap();
    style.remove();
    assert!(
        sticking_out.is_empty(),
        "past the card's edge: {sticking_out:?}"
    );
    // Each value stays with its term.
    let engagement = get(&root, "[data-testid=renewal-engagement]");
    let pair = engagement
        .closest("dd")
        .unwrap()
        .unwrap()
        .parent_element()
        .unwrap();
    assert!(pair
        .text_content()
        .unwrap_or_default()
        .contains("Numéro d’engagement"));
    root.remove();
}
