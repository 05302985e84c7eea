//! A suspended invoice's answer as the user sees it: what was asked (as text),
//! the zone for several files sent one after the other, the sending of the
//! documents, and where they stand afterwards; in French and in English.

mod common;
use common::{eventually, mount, wait_for};
use leptos::prelude::*;
use mandat::invoices::DocumentsPanel;
use mandat::upload::{FileZone, DOCUMENTS_WORDS};
use mandat::AppConfig;
use mandat_model::chorus::ChorusStatus;
use mandat_model::documents::BillDocuments;
use mandat_model::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const HOSTILE: &str =
    "Bon de commande <b>signé</b> <script>alert(1)</script><img src=x onerror=alert(2)>";

fn answer(state: &str, sent_at: Option<&str>, names: &[&str]) -> String {
    let documents: Vec<serde_json::Value> = names
        .iter()
        .map(|n| {
            serde_json::json!({"name": n, "size": 2048, "contentType": "application/pdf",
                "receivedAt": "2026-02-03T09:30:00Z"})
        })
        .collect();
    serde_json::json!({
        "billId": "FR1000003", "state": state, "requested": HOSTILE,
        "documents": documents, "sentAt": sent_at,
        "uploadUrl": "/api/me/bill/FR1000003/documents",
        "sendUrl": "/api/me/bill/FR1000003/documents/send"
    })
    .to_string()
}

// A stand-in for the API's server, which cannot run inside the browser test:
// `GET .../documents` is answered `documents`, `POST .../send` is answered
// `send_status` with `send_body`; each request is kept as "METHOD url".
#[wasm_bindgen(inline_js = r#"
export function answer_documents_with(documents, sendStatus, sendBody) {
  const original = globalThis.fetch;
  const calls = [];
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const method = (init && init.method) || (typeof input === 'string' ? 'GET' : input.method);
    calls.push(`${method} ${url}`);
    const headers = { 'Content-Type': 'application/json' };
    if (method === 'POST') return new Response(sendBody, { status: sendStatus, headers });
    return new Response(documents, { status: 200, headers });
  };
  return {
    calls: () => calls.slice(),
    restore: () => { globalThis.fetch = original; },
  };
}

// Every upload is answered `status` after 30 ms with the documents received so
// far (named from `?name=`); the addresses, and the most uploads in flight at once.
export function answer_uploads_with(status, body) {
  const Original = globalThis.XMLHttpRequest;
  const sent = [];
  let inFlight = 0, most = 0;
  globalThis.XMLHttpRequest = class {
    constructor() { this.upload = {}; this.status = 0; this.responseText = ''; this.withCredentials = false; }
    open(method, url) { this.url = url; }
    setRequestHeader() {}
    getResponseHeader() { return null; }
    send() {
      sent.push(this.url);
      inFlight += 1; most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        this.status = status;
        this.responseText = body;
        if (this.onload) this.onload(new Event('load'));
      }, 30);
    }
    abort() {}
  };
  return {
    sent: () => sent.slice(),
    most: () => most,
    restore: () => { globalThis.XMLHttpRequest = Original; },
  };
}

// What a screen reader hears under `root`: the text added to or changed in a live
// region, and each alert put on the page (alone or inside what was inserted).
export function listen_as_a_screen_reader(root) {
  const heard = [];
  const live = '[aria-live]:not([aria-live=off]), [role=alert], [role=status], [role=log]';
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        const region = record.target.parentElement && record.target.parentElement.closest(live);
        if (region) heard.push(region.textContent);
        continue;
      }
      for (const node of record.addedNodes) {
        const element = node.nodeType === 1 ? node : node.parentElement;
        if (element && element.closest(live)) {
          heard.push(node.textContent);
        } else if (node.nodeType === 1) {
          for (const alert of node.querySelectorAll('[role=alert]')) heard.push(alert.textContent);
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return { heard: () => { observer.takeRecords(); return heard.filter((h) => h.trim() !== ''); } };
}
"#)]
extern "C" {
    type FetchStandIn;
    fn answer_documents_with(documents: &str, send_status: u16, send_body: &str) -> FetchStandIn;
    #[wasm_bindgen(method)]
    fn calls(this: &FetchStandIn) -> Vec<String>;
    #[wasm_bindgen(method, js_name = restore)]
    fn restore_fetch(this: &FetchStandIn);

    type UploadStandIn;
    fn answer_uploads_with(status: u16, body: &str) -> UploadStandIn;
    #[wasm_bindgen(method)]
    fn sent(this: &UploadStandIn) -> Vec<String>;
    #[wasm_bindgen(method)]
    fn most(this: &UploadStandIn) -> u32;
    #[wasm_bindgen(method, js_name = restore)]
    fn restore_uploads(this: &UploadStandIn);

    type Listener;
    fn listen_as_a_screen_reader(root: &web_sys::HtmlElement) -> Listener;
    #[wasm_bindgen(method)]
    fn heard(this: &Listener) -> Vec<String>;
}

fn file(bytes: &[u8], name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/pdf");
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap()
}

/// Chooses `files` in the zone's file picker, as a user would.
fn choose(root: &web_sys::HtmlElement, files: &[web_sys::File]) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=file]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let transfer = web_sys::DataTransfer::new().unwrap();
    for f in files {
        transfer.items().add_with_file(f).unwrap();
    }
    input.set_files(transfer.files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

fn panel(locale: Locale, status: ChorusStatus) -> web_sys::HtmlElement {
    mount(move || {
        provide_context(AppConfig {
            locale,
            ..Default::default()
        });
        view! {
            <DocumentsPanel
                bill_id="FR1000003".to_string()
                status=Signal::stored(Some(status))
                on_sent=Callback::new(|_: ()| {})
            />
        }
    })
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn what_was_asked_shows_as_text_beside_a_zone_for_several_files() {
    let api = answer_documents_with(&answer("awaitingDocuments", None, &[]), 200, "");
    let root = panel(Locale::Fr, ChorusStatus::Suspendue);
    let requested = wait_for(&root, "[data-testid=documents-requested]").await;
    api.restore_fetch();
    assert_eq!(requested.text_content().unwrap(), HOSTILE);
    assert_eq!(requested.child_element_count(), 0, "markup became elements");
    assert!(root.query_selector("script, img, b").unwrap().is_none());
    let input = root.query_selector("input[type=file]").unwrap().unwrap();
    assert!(input.has_attribute("multiple"));
    assert_eq!(
        text_of(&root, &format!("label[for={}]", input.id())),
        "Choisir les pièces à déposer"
    );
    assert_eq!(
        text_of(&root, "[data-testid=documents-state]"),
        "Pièces attendues\u{a0}: déposez-les, puis transmettez-les."
    );
    // Nothing received yet: nothing to send.
    assert!(root
        .query_selector("#documents-transmit")
        .unwrap()
        .is_none());
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(
        api.calls(),
        [format!("GET {origin}/api/me/bill/FR1000003/documents")]
    );
}

#[wasm_bindgen_test]
async fn documents_sent_show_when_they_were_received_and_take_no_more() {
    let api = answer_documents_with(
        &answer(
            "beingAdded",
            Some("2026-02-03T10:00:00Z"),
            &["devis.pdf", "bon.pdf"],
        ),
        200,
        "",
    );
    let root = panel(Locale::Fr, ChorusStatus::Suspendue);
    let state = wait_for(
        &root,
        "[data-testid=documents-state][data-state=beingAdded]",
    )
    .await;
    api.restore_fetch();
    assert_eq!(
        state.text_content().unwrap(),
        "Pièces reçues le 3 février 2026, en cours d’ajout sur Chorus Pro."
    );
    assert_eq!(state.get_attribute("aria-live").as_deref(), Some("polite"));
    let listed: Vec<String> = {
        let list = root
            .query_selector_all("[data-testid=received-document] strong")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(listed, ["devis.pdf", "bon.pdf"]);
    assert!(text_of(&root, "h3").contains("Pièces transmises"));
    assert!(root.query_selector("input[type=file]").unwrap().is_none());
    assert!(root
        .query_selector("#documents-transmit")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn in_english_the_answer_is_in_english() {
    let api = answer_documents_with(
        &answer("added", Some("2026-02-03T10:00:00Z"), &["quote.pdf"]),
        200,
        "",
    );
    let root = panel(Locale::En, ChorusStatus::Completee);
    let state = wait_for(&root, "[data-testid=documents-state][data-state=added]").await;
    api.restore_fetch();
    assert_eq!(
        state.text_content().unwrap(),
        "Documents received on 3 February 2026 and added on Chorus Pro: the invoice has been completed."
    );
    assert!(text_of(&root, "h2").contains("Answer the suspension"));
}

#[wasm_bindgen_test]
async fn sending_twice_is_explained_in_the_error_summary_and_nothing_is_lost() {
    let conflict = r#"{"class":"Client::Conflict","message":"being added","errors":[{"field":"file","code":"documents_being_added","message":"already sent"}]}"#;
    let api = answer_documents_with(
        &answer("awaitingDocuments", None, &["devis.pdf"]),
        409,
        conflict,
    );
    let root = panel(Locale::Fr, ChorusStatus::Suspendue);
    let send: web_sys::HtmlElement = wait_for(&root, "#documents-transmit")
        .await
        .unchecked_into();
    assert_eq!(
        send.text_content().unwrap(),
        "Transmettre les pièces déposées"
    );
    send.click();
    let summary = wait_for(&root, "[data-testid=error-summary]").await;
    api.restore_fetch();
    let said = summary.text_content().unwrap();
    assert!(
        said.contains(
            "Les pièces ont déjà été transmises\u{a0}: elles sont en cours d’ajout sur Chorus Pro."
        ),
        "{said}"
    );
    // The entry leads to the button, and the summary is read as it takes focus.
    let link = summary.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#documents-transmit")
    );
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(
        eventually(
            || summary.is_same_node(document.active_element().as_ref().map(|e| e.as_ref())),
            2000
        )
        .await,
        "the summary takes focus"
    );
    let calls = api.calls();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert!(
        calls.contains(&format!(
            "POST {origin}/api/me/bill/FR1000003/documents/send"
        )),
        "{calls:?}"
    );
    // The answer is read again after the refusal.
    assert!(
        calls.iter().filter(|c| c.starts_with("GET ")).count() >= 2,
        "{calls:?}"
    );
}

fn zone(uploaded: RwSignal<Vec<usize>>) -> web_sys::HtmlElement {
    mount(move || {
        let sending = RwSignal::new(false);
        view! {
            <FileZone
                url="/api/me/bill/FR1000003/documents"
                words=DOCUMENTS_WORDS
                prefix="documents"
                multiple=true
                sending=sending
                on_uploaded=Callback::new(move |docs: BillDocuments| {
                    uploaded.update(|u| u.push(docs.documents.len()))
                })
                on_conflict=Callback::new(|_: ()| {})
            />
        }
    })
}

#[wasm_bindgen_test]
async fn several_files_are_sent_one_after_the_other_long_names_shortened() {
    let uploads = answer_uploads_with(200, &answer("awaitingDocuments", None, &["x.pdf"]));
    let uploaded = RwSignal::new(Vec::new());
    let root = zone(uploaded);
    let long = format!("{}.pdf", "piece-justificative-".repeat(4));
    choose(&root, &[file(PDF, "devis.pdf"), file(PDF, &long)]);
    wait_for(
        &root,
        "[data-testid=chosen-item] + [data-testid=chosen-item]",
    )
    .await;
    let send: web_sys::HtmlElement = wait_for(&root, "#documents-send").await.unchecked_into();
    assert_eq!(send.text_content().unwrap(), "Déposer les fichiers choisis");
    send.click();
    eventually(|| uploaded.get_untracked().len() == 2, 2000).await;
    uploads.restore_uploads();
    assert_eq!(uploaded.get_untracked().len(), 2, "both received");
    assert_eq!(uploads.most(), 1, "one upload at a time");
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let base = format!("{origin}/api/me/bill/FR1000003/documents?name=");
    let sent = uploads.sent();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[0], format!("{base}devis.pdf"));
    let second = js_sys::decode_uri_component(sent[1].strip_prefix(&base).unwrap())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(second.chars().count(), 50, "{second}");
    assert!(second.ends_with(".pdf"), "{second}");
    // Received files leave the zone.
    assert!(root
        .query_selector("[data-testid=chosen-item]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_refused_upload_keeps_the_file_and_says_why() {
    let conflict = r#"{"class":"Client::Conflict","message":"being added","errors":[{"field":"file","code":"documents_being_added","message":"already sent"}]}"#;
    let uploads = answer_uploads_with(409, conflict);
    let uploaded = RwSignal::new(Vec::new());
    let root = zone(uploaded);
    choose(
        &root,
        &[file(PDF, "devis.pdf"), file(b"notes", "notes.pdf")],
    );
    // The text file is refused by its content before anything is sent.
    let refused = wait_for(&root, ".mandat-upload__error").await;
    assert!(refused
        .text_content()
        .unwrap()
        .contains("« notes.pdf » n’est ni un PDF"));
    let send: web_sys::HtmlElement = wait_for(&root, "#documents-send").await.unchecked_into();
    send.click();
    let failure = wait_for(&root, "[data-testid=upload-failure]").await;
    uploads.restore_uploads();
    assert!(failure
        .text_content()
        .unwrap()
        .starts_with("Cette facture ne prend plus de pièces"));
    assert_eq!(uploads.sent().len(), 1, "only the PDF was sent");
    // Both files are still shown; the refused one may be removed.
    let items = root
        .query_selector_all("[data-testid=chosen-item]")
        .unwrap();
    assert_eq!(items.length(), 2);
    assert!(uploaded.get_untracked().is_empty());
    let remove: web_sys::HtmlElement = root
        .query_selector("[data-testid=remove-file][aria-label*='notes.pdf']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    remove.click();
    let items = || {
        root.query_selector_all("[data-testid=chosen-item]")
            .unwrap()
            .length()
    };
    eventually(|| items() == 1, 2000).await;
    assert_eq!(items(), 1);
}

#[wasm_bindgen_test]
async fn documents_being_added_are_said_added_once_the_invoice_is_completed() {
    // The documents' answer read before the completion (or a read again that
    // failed) still says « being added »: the invoice the page follows says
    // otherwise, and it is what is true now.
    let api = answer_documents_with(
        &answer("beingAdded", Some("2026-02-03T10:00:00Z"), &["devis.pdf"]),
        200,
        "",
    );
    let status = RwSignal::new(Some(ChorusStatus::Suspendue));
    let root = mount(move || {
        view! {
            <DocumentsPanel
                bill_id="FR1000003".to_string()
                status=status
                on_sent=Callback::new(|_: ()| {})
            />
        }
    });
    wait_for(
        &root,
        "[data-testid=documents-state][data-state=beingAdded]",
    )
    .await;
    status.set(Some(ChorusStatus::Completee));
    let state = wait_for(&root, "[data-testid=documents-state][data-state=added]").await;
    api.restore_fetch();
    assert_eq!(
        state.text_content().unwrap(),
        "Pièces reçues le 3 février 2026 et ajoutées sur Chorus Pro\u{a0}: la facture a été complétée."
    );
    assert!(!root.text_content().unwrap().contains("en cours d’ajout"));
}

#[wasm_bindgen_test]
async fn a_refused_file_is_announced_once_however_many_files_follow() {
    let uploads = answer_uploads_with(200, &answer("awaitingDocuments", None, &["x.pdf"]));
    let uploaded = RwSignal::new(Vec::new());
    let root = zone(uploaded);
    let listener = listen_as_a_screen_reader(&root);
    choose(
        &root,
        &[
            file(PDF, "devis.pdf"),
            file(b"notes", "notes.pdf"),
            file(PDF, "bon.pdf"),
        ],
    );
    wait_for(&root, ".mandat-upload__error").await;
    let send: web_sys::HtmlElement = wait_for(&root, "#documents-send").await.unchecked_into();
    send.click();
    let both = eventually(|| uploaded.get_untracked().len() == 2, 3000).await;
    uploads.restore_uploads();
    assert!(both, "both PDFs received");
    // The refused file stays, alone.
    assert!(
        eventually(
            || root
                .query_selector_all("[data-testid=chosen-item]")
                .unwrap()
                .length()
                == 1,
            2000
        )
        .await
    );
    let refusals: Vec<String> = listener
        .heard()
        .into_iter()
        .filter(|h| h.contains("« notes.pdf » n’est ni un PDF"))
        .collect();
    assert_eq!(refusals.len(), 1, "{refusals:?}");
}

#[wasm_bindgen_test]
async fn after_the_last_of_several_files_the_count_is_said_and_focus_goes_to_sending_them() {
    let received = answer("awaitingDocuments", None, &["a.pdf", "b.pdf", "c.pdf"]);
    let api = answer_documents_with(&answer("awaitingDocuments", None, &[]), 200, "");
    let uploads = answer_uploads_with(200, &received);
    let root = panel(Locale::Fr, ChorusStatus::Suspendue);
    wait_for(&root, "input[type=file]").await;
    // The region is there before anything is sent, so that its news is read.
    let region = wait_for(&root, "[data-testid=upload-announce]").await;
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    let listener = listen_as_a_screen_reader(&root);
    choose(
        &root,
        &[file(PDF, "a.pdf"), file(PDF, "b.pdf"), file(PDF, "c.pdf")],
    );
    let send: web_sys::HtmlElement = wait_for(&root, "#documents-send").await.unchecked_into();
    send.click();
    let document = web_sys::window().unwrap().document().unwrap();
    let focused = || {
        document
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default()
    };
    let moved = eventually(|| focused() == "documents-transmit", 4000).await;
    uploads.restore_uploads();
    api.restore_fetch();
    assert!(moved, "focus is on #{}", focused());
    assert!(region.is_connected());
    assert_eq!(region.text_content().unwrap(), "3 pièces reçues.");
    let heard = listener.heard();
    assert!(heard.iter().any(|h| h == "3 pièces reçues."), "{heard:?}");
}
