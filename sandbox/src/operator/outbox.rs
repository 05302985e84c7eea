//! The e-mails the provider sends along the journey, recorded instead of sent:
//! the mandate chosen (with the form's link and what to do), the mandate accepted
//! or refused (with the reason), an invoice deposited on Chorus Pro, an invoice
//! suspended or to recycle. `GET /sandbox/outbox` lists them as JSON, newest
//! first, dated as instants; `/sandbox/outbox/` shows them as a page (their text
//! as text, their dates in Paris time).

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use mandat_model::locale::{self, Locale};
use serde::Deserialize;

use crate::db::{self, ts};
use crate::http::csp;
use crate::http::error::{ok, ApiErr, ApiResult};
use crate::state::AppState;

pub use crate::db::outbox::Mail;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/outbox", get(list))
        .route("/outbox/", get(page))
}

#[derive(Deserialize)]
pub struct OutboxQuery {
    account: Option<String>,
}

/// `GET /sandbox/outbox[?account=ID]`: the e-mails recorded, newest first.
pub async fn list(State(st): State<AppState>, Query(q): Query<OutboxQuery>) -> ApiResult {
    let mails = db::outbox::list(&st.db(), q.account.as_deref())?;
    Ok(ok(&mails))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page's one stylesheet: a long URL or word would widen the page past a
/// narrow screen, so a mail breaks it, and its text keeps its line breaks but wraps.
const STYLE: &str = "article { overflow-wrap: anywhere; } pre { white-space: pre-wrap; }";

/// `GET /sandbox/outbox/`: the same, as a page to read.
pub async fn page(State(st): State<AppState>) -> Response {
    let mails = db::outbox::list(&st.db(), None);
    let mails = match mails {
        Ok(mails) => mails,
        Err(e) => return ApiErr::from(e).into_response(),
    };
    let mut body = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Boîte d’envoi du bac à sable</title>\
         <style>{STYLE}</style>\
         </head><body><main>\
         <h1>Boîte d’envoi du bac à sable</h1>\
         <p>Les e-mails que le fournisseur enverrait, du plus récent au plus ancien.</p>",
    );
    if mails.is_empty() {
        body.push_str("<p>Aucun e-mail pour le moment.</p>");
    }
    for mail in &mails {
        // Paris time, as the app dates everything; the instant itself for a date
        // too far out to be shown so.
        let shown = locale::format_date_time(mail.date, Locale::Fr);
        let machine = locale::paris_iso(mail.date);
        body.push_str(&format!(
            "<article><h2>{}</h2><p>À : {} — le <time datetime=\"{}\">{}</time></p><pre>{}</pre></article>",
            escape(&mail.subject),
            escape(&mail.to),
            machine.unwrap_or_else(|| ts(mail.date)),
            shown.unwrap_or_else(|| ts(mail.date)),
            escape(&mail.text)
        ));
    }
    body.push_str("</main></body></html>");
    let mut res = Html(body).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The app's policy, its one inline stylesheet allowed by its hash: a mail's
    // text runs nothing, and no other site frames the page.
    if let Ok(csp) = HeaderValue::from_str(&csp::with_inline_styles(&[STYLE])) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}
