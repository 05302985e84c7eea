//! The checks the upload zone applies to a chosen file before sending any of
//! it, on real `File`s built here, and the words the user reads.

mod common;
use common::{eventually, mount, wait_for};
use leptos::prelude::*;
use mandat::mandate::{announce_step, check_file, FormDownload, ProgressBar, UploadZone};
use mandat::AppConfig;
use mandat_model::mandate::{Mandate, UploadKind, MAX_UPLOAD_BYTES};
use mandat_model::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0,
];

/// A `File` with `bytes`, `name` and the type the browser would declare.
fn file(bytes: &[u8], name: &str, declared: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(declared);
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap()
}

/// A `File` of `size` bytes that starts with `head`.
fn sized_file(head: &[u8], size: u32, name: &str) -> web_sys::File {
    let bytes = js_sys::Uint8Array::new_with_length(size);
    bytes.subarray(0, head.len() as u32).copy_from(head);
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/pdf");
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap()
}

#[wasm_bindgen_test]
async fn a_real_pdf_passes() {
    assert_eq!(
        check_file(
            &file(PDF, "mandat-signé.pdf", "application/pdf"),
            Locale::Fr
        )
        .await,
        Ok(UploadKind::Pdf)
    );
    assert_eq!(
        check_file(&file(JPEG, "scan.jpg", "image/jpeg"), Locale::Fr).await,
        Ok(UploadKind::Jpeg)
    );
}

#[wasm_bindgen_test]
async fn a_png_renamed_pdf_is_taken_for_what_its_content_is() {
    // The name and the declared type say PDF; the bytes say PNG, and the
    // bytes decide.
    assert_eq!(
        check_file(&file(PNG, "mandat.pdf", "application/pdf"), Locale::Fr).await,
        Ok(UploadKind::Png)
    );
}

#[wasm_bindgen_test]
async fn a_text_file_renamed_pdf_is_refused_by_its_content() {
    let message = check_file(
        &file(
            b"Bon pour accord, le maire",
            "mandat.pdf",
            "application/pdf",
        ),
        Locale::Fr,
    )
    .await
    .unwrap_err();
    assert!(message.contains("« mandat.pdf »"), "{message}");
    assert!(
        message.contains("n’est ni un PDF, ni une image PNG ou JPEG"),
        "{message}"
    );
    assert!(message.contains("son contenu a été vérifié"), "{message}");
    // An HTML page saved with a .pdf name is no PDF either.
    let html = check_file(
        &file(b"<!doctype html><p>%PDF-", "facture.pdf", "application/pdf"),
        Locale::Fr,
    )
    .await
    .unwrap_err();
    assert!(html.contains("n’est ni un PDF"), "{html}");
}

#[wasm_bindgen_test]
async fn an_empty_file_is_refused_as_empty() {
    let message = check_file(&file(b"", "vide.pdf", "application/pdf"), Locale::Fr)
        .await
        .unwrap_err();
    assert!(message.contains("« vide.pdf » est vide"), "{message}");
    assert!(message.contains("0 octet"), "{message}");
}

#[wasm_bindgen_test]
async fn an_oversize_file_is_refused_for_its_size_with_its_size() {
    let eleven_mb = sized_file(b"%PDF-1.7\n", 11 * 1024 * 1024, "mandat-scanné.pdf");
    let message = check_file(&eleven_mb, Locale::Fr).await.unwrap_err();
    assert!(
        message.contains("« mandat-scanné.pdf » pèse 11\u{a0}Mo"),
        "{message}"
    );
    assert!(message.contains("taille maximale de 10 Mo"), "{message}");

    // The size is checked before the content: a large text file hears about its size.
    let big_text = sized_file(b"hello", MAX_UPLOAD_BYTES as u32 + 1, "notes.pdf");
    let message = check_file(&big_text, Locale::Fr).await.unwrap_err();
    assert!(message.contains("taille maximale"), "{message}");

    // 10 MB exactly is allowed.
    let limit = sized_file(b"%PDF-1.4\n", MAX_UPLOAD_BYTES as u32, "limite.pdf");
    assert_eq!(check_file(&limit, Locale::Fr).await, Ok(UploadKind::Pdf));
}

/// Chooses `file` in the zone's file picker, as a user would.
fn choose(root: &web_sys::HtmlElement, file: &web_sys::File) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=file]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(file).unwrap();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
}

fn zone() -> web_sys::HtmlElement {
    mount(|| {
        let sending = RwSignal::new(false);
        view! {
            <UploadZone
                url="/api/me/order/1/mandate/document"
                sending=sending
                on_uploaded=Callback::new(|_: Mandate| {})
                on_conflict=Callback::new(|_: ()| {})
            />
        }
    })
}

#[wasm_bindgen_test]
async fn the_zone_states_its_constraints_before_anything_is_chosen() {
    let root = zone();
    let text = root.text_content().unwrap();
    assert!(text.contains("PDF, PNG ou JPEG"), "{text}");
    assert!(text.contains("10 Mo"), "{text}");
    // A real file input, with its label.
    let input = root.query_selector("input[type=file]").unwrap().unwrap();
    let label = root
        .query_selector(&format!("label[for={}]", input.id()))
        .unwrap();
    assert!(label.is_some());
    assert!(root.query_selector("#mandate-send").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_zone_refuses_a_text_file_renamed_pdf_with_its_message_tied_to_the_field() {
    let root = zone();
    choose(&root, &file(b"just text", "mandat.pdf", "application/pdf"));
    let alert = wait_for(&root, "[role=alert]").await;
    let message = alert.text_content().unwrap();
    assert!(message.contains("n’est ni un PDF"), "{message}");
    let input = root.query_selector("input[type=file]").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    assert!(described.contains(&alert.id()), "{described}");
    // Nothing to send.
    assert!(root.query_selector("#mandate-send").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_zone_refuses_an_empty_file_and_an_oversize_one_before_sending() {
    let root = zone();
    choose(&root, &file(b"", "vide.pdf", "application/pdf"));
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(alert.text_content().unwrap().contains("est vide"));

    choose(
        &root,
        &sized_file(b"%PDF-1.7", 11 * 1024 * 1024, "gros.pdf"),
    );
    eventually(
        || {
            root.text_content()
                .unwrap()
                .contains("« gros.pdf » pèse 11")
        },
        2000,
    )
    .await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert
        .text_content()
        .unwrap()
        .contains("taille maximale de 10 Mo"));
    assert!(root.query_selector("#mandate-send").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_zone_offers_to_send_a_valid_file_and_says_what_its_content_is() {
    let root = zone();
    choose(&root, &file(PNG, "mandat.pdf", "application/pdf"));
    let send = wait_for(&root, "#mandate-send").await;
    assert!(send.text_content().unwrap().contains("Envoyer"));
    let chosen = root
        .query_selector("[data-testid=chosen-file]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(chosen.contains("mandat.pdf"), "{chosen}");
    assert!(chosen.contains("image PNG"), "{chosen}");
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_progress_bar_exposes_its_value() {
    let percent = RwSignal::new(42u32);
    let root = mount(move || view! { <ProgressBar percent=percent label="Envoi" /> });
    let bar = root.query_selector("[role=progressbar]").unwrap().unwrap();
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("42"));
    assert_eq!(bar.get_attribute("aria-valuemin").as_deref(), Some("0"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("100"));
    assert_eq!(bar.get_attribute("aria-label").as_deref(), Some("Envoi"));
    // Announced by quarters only.
    assert_eq!(
        [0, 24, 25, 49, 50, 99, 100, 130].map(announce_step),
        [0, 0, 25, 25, 50, 75, 100, 100]
    );
}

/// The page's own origin (`http://127.0.0.1:<port>` under the test runner).
fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// `view` mounted with the API at `api_base`, in `locale`.
fn with_api<F, N>(api_base: &str, locale: Locale, view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let api_base = api_base.to_string();
    mount(move || {
        provide_context(AppConfig {
            api_base,
            locale,
            ..Default::default()
        });
        view()
    })
}

fn form_link(root: &web_sys::HtmlElement) -> Option<String> {
    root.query_selector("[data-testid=form-download]")
        .unwrap()
        .map(|a| a.get_attribute("href").unwrap_or_default())
}

#[wasm_bindgen_test]
fn the_form_link_leads_to_the_api_itself() {
    // Standalone: the API's path on the page's own origin.
    let root = with_api("/api", Locale::Fr, || {
        view! { <FormDownload order_id=1 url="/api/me/order/1/mandate/form" /> }
    });
    assert_eq!(
        form_link(&root),
        Some(format!("{}/api/me/order/1/mandate/form", page_origin()))
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Télécharger le formulaire de mandat"));

    // Embedded in a page of another origin: the API's host, not the page's.
    let root = with_api("https://billing.example/api", Locale::Fr, || {
        view! { <FormDownload order_id=1 url="/api/me/order/1/mandate/form" /> }
    });
    assert_eq!(
        form_link(&root).as_deref(),
        Some("https://billing.example/api/me/order/1/mandate/form")
    );
}

#[wasm_bindgen_test]
fn a_form_address_that_leads_elsewhere_is_no_link_and_says_why() {
    for hostile in [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/mandat.pdf",
        "https://evil.example/api/me/order/1/mandate/form",
        "/\\evil.example/x",
    ] {
        let root = with_api("https://billing.example/api", Locale::Fr, move || {
            view! { <FormDownload order_id=1 url=hostile /> }
        });
        assert_eq!(form_link(&root), None, "{hostile}");
        assert!(root.query_selector("a").unwrap().is_none(), "{hostile}");
        let message = root
            .query_selector("[data-testid=link-refused]")
            .unwrap()
            .unwrap_or_else(|| panic!("no message for {hostile}"))
            .text_content()
            .unwrap();
        assert!(
            message.starts_with("Lien indisponible\u{a0}: l’adresse donnée par le service de facturation ne mène pas à ce service"),
            "{message}"
        );
    }
    let root = with_api("/api", Locale::En, || {
        view! { <FormDownload order_id=1 url="javascript:alert(1)" /> }
    });
    assert!(root.text_content().unwrap().starts_with(
        "Link unavailable: the address given by the billing service does not lead to that service"
    ));
}

#[wasm_bindgen_test]
fn an_upload_address_on_another_origin_gets_no_file() {
    for hostile in [
        "https://evil.example/collect",
        "//evil.example/collect",
        "javascript:alert(1)",
        "http://billing.example/api/me/order/1/mandate/document",
    ] {
        let root = with_api("https://billing.example/api", Locale::Fr, move || {
            let sending = RwSignal::new(false);
            view! {
                <UploadZone
                    url=hostile
                    sending=sending
                    on_uploaded=Callback::new(|_: Mandate| {})
                    on_conflict=Callback::new(|_: ()| {})
                />
            }
        });
        // Nothing to choose, nothing to send: the file never leaves.
        assert!(
            root.query_selector("input[type=file]").unwrap().is_none(),
            "{hostile}"
        );
        assert!(
            root.query_selector("button").unwrap().is_none(),
            "{hostile}"
        );
        let message = root
            .query_selector("[data-testid=link-refused]")
            .unwrap()
            .unwrap_or_else(|| panic!("no message for {hostile}"))
            .text_content()
            .unwrap();
        assert!(
            message.starts_with("Envoi impossible\u{a0}: l’adresse de dépôt donnée par le service de facturation ne mène pas à ce service, aucun fichier n’y sera envoyé."),
            "{message}"
        );
    }
    // Its own origin, written in full: the zone is there.
    let root = with_api("https://billing.example/api", Locale::Fr, || {
        let sending = RwSignal::new(false);
        view! {
            <UploadZone
                url="https://billing.example/api/me/order/1/mandate/document"
                sending=sending
                on_uploaded=Callback::new(|_: Mandate| {})
                on_conflict=Callback::new(|_: ()| {})
            />
        }
    });
    assert!(root.query_selector("input[type=file]").unwrap().is_some());
    assert!(root
        .query_selector("[data-testid=link-refused]")
        .unwrap()
        .is_none());
}

// A stand-in for the API's server, which cannot run inside the browser test:
// every upload is answered `status` with `Retry-After: retry_after` (none when
// null), and each address an upload was sent to is kept.
#[wasm_bindgen(inline_js = r#"
export function answer_uploads_with(status, retryAfter) {
  const Original = globalThis.XMLHttpRequest;
  const sent = [];
  globalThis.XMLHttpRequest = class {
    constructor() { this.upload = {}; this.status = 0; this.responseText = ''; this.withCredentials = false; }
    open(method, url) { this.url = url; }
    setRequestHeader() {}
    getResponseHeader(name) { return name.toLowerCase() === 'retry-after' ? retryAfter : null; }
    send() {
      sent.push(this.url);
      setTimeout(() => {
        this.status = status;
        this.responseText = '{"class":"Server::ServiceUnavailable","message":"busy"}';
        if (this.onload) this.onload(new Event('load'));
      }, 0);
    }
    abort() {}
  };
  return {
    sent: () => sent.slice(),
    restore: () => { globalThis.XMLHttpRequest = Original; },
  };
}
"#)]
extern "C" {
    type UploadStandIn;
    fn answer_uploads_with(status: u16, retry_after: Option<String>) -> UploadStandIn;
    #[wasm_bindgen(method)]
    fn sent(this: &UploadStandIn) -> Vec<String>;
    #[wasm_bindgen(method)]
    fn restore(this: &UploadStandIn);
}

/// Sends a PDF through a zone whose uploads are answered `status` with
/// `retry_after`: what the zone says while it waits, and where it sent the file.
async fn upload_answered(status: u16, retry_after: Option<&str>) -> (String, Vec<String>) {
    let stand_in = answer_uploads_with(status, retry_after.map(str::to_string));
    let root = zone();
    choose(&root, &file(PDF, "mandat.pdf", "application/pdf"));
    let send: web_sys::HtmlElement = wait_for(&root, "#mandate-send").await.unchecked_into();
    send.click();
    let mut said = String::new();
    eventually(
        || {
            said = root
                .query_selector("[data-testid=upload-status]")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap();
            !said.is_empty()
        },
        2000,
    )
    .await;
    // Stops the retry: the next attempt would go to the real XMLHttpRequest.
    let cancel: web_sys::HtmlElement = wait_for(&root, "#mandate-cancel").await.unchecked_into();
    cancel.click();
    stand_in.restore();
    (said, stand_in.sent())
}

#[wasm_bindgen_test]
async fn a_busy_api_gets_the_upload_again_no_sooner_than_its_retry_after() {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    // Without Retry-After: the zone's own first wait, one second.
    let (said, sent) = upload_answered(503, None).await;
    assert_eq!(
        said,
        "La connexion a été interrompue. Nouvel essai dans 1 s (tentative 2 sur 4)."
    );
    // The file went to the API's address, resolved on its origin.
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].starts_with(&format!("{origin}/api/me/order/1/mandate/document?name=")),
        "{sent:?}"
    );
    // 503 or 429 with Retry-After: that long.
    let (said, _) = upload_answered(503, Some("3")).await;
    assert!(
        said.contains("Nouvel essai dans 3 s (tentative 2 sur 4)"),
        "{said}"
    );
    let (said, _) = upload_answered(429, Some("2")).await;
    assert!(
        said.contains("Nouvel essai dans 2 s (tentative 2 sur 4)"),
        "{said}"
    );
    // A day, or garbage: no longer than ten seconds, or the zone's own wait.
    let (said, _) = upload_answered(503, Some("86400")).await;
    assert!(said.contains("Nouvel essai dans 10 s"), "{said}");
    let (said, _) = upload_answered(503, Some("soon")).await;
    assert!(said.contains("Nouvel essai dans 1 s"), "{said}");
}

#[wasm_bindgen_test]
async fn in_an_english_app_a_refused_file_is_explained_in_english() {
    // The check ends after reading the file, outside the view: the zone words it
    // in the language it was built in, not the catalogue's default.
    let root = with_api("/api", Locale::En, || {
        let sending = RwSignal::new(false);
        view! {
            <UploadZone
                url="/api/me/order/1004/mandate/document"
                sending=sending
                on_uploaded=Callback::new(|_: Mandate| {})
                on_conflict=Callback::new(|_: ()| {})
            />
        }
    });
    choose(
        &root,
        &file(b"Bon pour accord, le maire", "notes.txt", "text/plain"),
    );
    let error = wait_for(&root, ".mandat-upload__error").await;
    let message = error.text_content().unwrap();
    assert!(
        message.contains(
            "The file “notes.txt” is neither a PDF nor a PNG or JPEG image: its content was checked, not only its name."
        ),
        "{message}"
    );
    assert!(!message.contains("n’est ni un PDF"), "{message}");
}
