//! The component kit as a person meets it: what each component says, to the
//! eye and to a screen reader.

mod common;
use common::{eventually, focused, get, mount, text};
use leptos::prelude::*;
use mandat::ui::{
    Alert, AlertKind, Badge, Cell, CellKind, Column, DataTable, ErrorSummary, RowHeader, Stepper,
    SummaryEntry, SummaryList, SummaryRow, Tone,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn attr(el: &web_sys::HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

#[wasm_bindgen_test]
fn alerts_differ_by_icon_as_well_as_colour_and_only_errors_interrupt() {
    let root = mount(|| {
        view! {
            <Alert kind=AlertKind::Error title="Erreur">
                <p>"a"</p>
            </Alert>
            <Alert kind=AlertKind::Warning title="Attention">
                <p>"b"</p>
            </Alert>
            <Alert kind=AlertKind::Success title="Fait" quiet=true>
                <p>"c"</p>
            </Alert>
        }
    });
    let alerts = root.query_selector_all(".mandat-alert").unwrap();
    assert_eq!(alerts.length(), 3);
    let icons: Vec<String> = (0..3)
        .map(|i| {
            let alert: web_sys::Element = alerts.get(i).unwrap().unchecked_into();
            let path = alert
                .query_selector("svg path")
                .unwrap()
                .expect("a drawn icon");
            path.get_attribute("d").unwrap()
        })
        .collect();
    assert_ne!(icons[0], icons[1], "an error and a warning look alike");
    assert_ne!(icons[1], icons[2]);
    let role = |i: u32| -> Option<String> {
        let alert: web_sys::Element = alerts.get(i).unwrap().unchecked_into();
        alert.get_attribute("role")
    };
    assert_eq!(role(0).as_deref(), Some("alert"));
    assert_eq!(role(1).as_deref(), Some("status"));
    assert_eq!(role(2), None, "a standing fact is not news");
}

#[wasm_bindgen_test]
async fn an_outcome_alert_is_read_from_its_title_which_takes_focus_once_painted() {
    let root = mount(|| {
        view! {
            <Alert kind=AlertKind::Success title="Paiement enregistré" level=3 takes_focus=true testid="outcome">
                <p>"La suite"</p>
            </Alert>
        }
    });
    let alert = get(&root, "[data-testid=outcome]");
    let title = get(&root, "[data-testid=outcome] h3");
    assert!(
        eventually(
            || title.is_same_node(focused().as_ref().map(|f| f.as_ref())),
            2000
        )
        .await,
        "focus moves to the outcome's title"
    );
    assert_eq!(
        text(&root, "[data-testid=outcome] h3"),
        "Paiement enregistré"
    );
    // Read once, from the focus: a live region as well would read it twice.
    assert_eq!(attr(&alert, "role"), None);
    assert_eq!(attr(&title, "tabindex").as_deref(), Some("-1"));
}

#[wasm_bindgen_test]
fn a_badge_is_words_with_an_icon_hidden_from_screen_readers() {
    let root = mount(|| view! { <Badge tone=Tone::Warning label="Suspendue" code="SUSPENDUE" /> });
    let badge = get(&root, ".mandat-badge");
    assert_eq!(badge.text_content().unwrap(), "Suspendue");
    assert_eq!(attr(&badge, "data-status").as_deref(), Some("SUSPENDUE"));
    assert_eq!(
        get(&root, ".mandat-badge svg")
            .get_attribute("aria-hidden")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn each_value_of_a_summary_list_sits_in_one_box_with_its_term() {
    let root = mount(|| {
        view! {
            <SummaryList>
                <SummaryRow term="Date">"12 novembre 2026"</SummaryRow>
                <SummaryRow term="Commande" testid="order">"n°\u{a0}1107"</SummaryRow>
            </SummaryList>
        }
    });
    let rows = root.query_selector_all("dl > div").unwrap();
    assert_eq!(rows.length(), 2);
    let second: web_sys::Element = rows.get(1).unwrap().unchecked_into();
    assert_eq!(
        second
            .query_selector("dt")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Commande"
    );
    assert_eq!(text(&root, "[data-testid=order]"), "n°\u{a0}1107");
}

#[wasm_bindgen_test]
fn a_table_cell_names_its_column_for_the_card_it_becomes() {
    let root = mount(|| {
        view! {
            <DataTable
                caption="Factures"
                caption_id="t-caption"
                columns=vec![Column::text("Numéro"), Column::number("Montant"), Column::text("Statut")]
            >
                <tbody>
                    <tr>
                        <RowHeader label="Numéro">"FR1"</RowHeader>
                        <Cell label="Montant" kind=CellKind::Amount>"12,00 €"</Cell>
                        <Cell label="Statut" kind=CellKind::State>"Payée"</Cell>
                    </tr>
                </tbody>
            </DataTable>
        }
    });
    let headers: Vec<String> = {
        let list = root.query_selector_all("thead th").unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(headers, ["Numéro", "Montant", "Statut"]);
    assert_eq!(
        attr(&get(&root, "td.mandat-cell--amount"), "data-label").as_deref(),
        Some("Montant")
    );
    assert_eq!(
        attr(&get(&root, "th[scope=row]"), "data-label").as_deref(),
        Some("Numéro")
    );
    assert_eq!(
        attr(&get(&root, ".mandat-table-wrap"), "aria-labelledby").as_deref(),
        Some("t-caption")
    );
}

#[wasm_bindgen_test]
fn the_stepper_marks_the_current_step_for_screen_readers() {
    let root = mount(|| {
        let steps = vec![
            "Choisir".to_string(),
            "Signer".to_string(),
            "Envoyer".to_string(),
        ];
        view! { <Stepper steps=steps current=1 note="Avant le 20 décembre 2026." /> }
    });
    assert_eq!(
        text(&root, ".mandat-stepper__title"),
        "Étape 2 sur 3\u{a0}: Signer"
    );
    assert_eq!(
        get(&root, "[aria-current=step]").text_content().unwrap(),
        "En cours\u{a0}: Signer"
    );
    assert_eq!(
        text(&root, "[data-testid=stepper-note]"),
        "Avant le 20 décembre 2026."
    );
}

#[wasm_bindgen_test]
async fn the_error_summary_is_read_when_it_takes_focus_not_again_at_each_correction() {
    let entries = RwSignal::new(Vec::<SummaryEntry>::new());
    let attempt = RwSignal::new(0u32);
    let root = mount(move || view! { <ErrorSummary entries=entries attempt=attempt /> });
    let entry = |id: &str, message: &str| SummaryEntry {
        field_id: id.into(),
        message: message.into(),
    };
    entries.set(vec![
        entry("siret", "Le SIRET est incomplet"),
        entry("ej", "Numéro requis"),
    ]);
    attempt.set(1);
    assert!(
        eventually(
            || focused().is_some_and(|f| {
                f.get_attribute("data-testid").as_deref() == Some("error-summary")
            }),
            2000
        )
        .await,
        "the summary takes focus at a failed submission"
    );
    let summary = get(&root, "[data-testid=error-summary]");
    // Not a live region: correcting one field changes the list without reading it out again.
    assert_eq!(attr(&summary, "role").as_deref(), Some("group"));
    assert_eq!(attr(&summary, "aria-live"), None);
    assert!(summary
        .closest("[aria-live], [role=alert], [role=status]")
        .unwrap()
        .is_none());
    entries.set(vec![entry("ej", "Numéro requis")]);
    assert!(
        eventually(
            || root.query_selector_all("li").unwrap().length() == 1,
            2000
        )
        .await
    );
}

use wasm_bindgen::JsCast;
