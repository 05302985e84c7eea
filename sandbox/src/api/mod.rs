//! The billing API under `/api`: account, Chorus structures, orders, payment,
//! mandate, bills. Every `/me` route answers only for the signed-in account.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::from_fn;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Router};
use chrono::{Datelike as _, NaiveDate, NaiveTime};
use mandat_model::billing::{
    debt_status, Bill, BillCategory, BillPage, ChorusTracking, Debt, DebtStatus, FollowUp,
    FollowUpEvent, PayRequest, PaymentIcon, PaymentMethod, PaymentMethods, PaymentReceipt,
    UnavailablePaymentMethod, ADMINISTRATIVE_MANDATE, CHORUS, NOT_PUBLIC_ADMINISTRATION,
    NO_CHORUS_STRUCTURE, ORDER_NOT_PAYABLE,
};
use mandat_model::chorus::{validate_routing, validate_siret, ChorusRouting, ChorusStatus};
use mandat_model::deadline::{deadline, Deadline, DeadlineTerms};
use mandat_model::mandate::{Mandate, MandateDocument, MandateState};
use mandat_model::{FieldError, LegalForm, Order, OrderDetail, OrderStatus, Price};
use rusqlite::{params, Connection, OptionalExtension};

use crate::db::{self, ts};
use crate::error::{ok, ApiErr, ApiResult};
use crate::guard;
use crate::printed;
use crate::store;
use crate::{AppState, Me};

/// Largest JSON body the API reads.
const JSON_LIMIT: usize = 64 * 1024;
/// Card payments: the only other method the sandbox plays.
const CREDIT_CARD: &str = "CREDIT_CARD";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/me/chorus", get(my_structure))
        .route("/me/order", get(orders))
        .route("/me/order/{orderId}", get(order))
        .route("/me/order/{orderId}/details", get(details))
        .route("/me/order/{orderId}/status", get(status))
        .route("/me/order/{orderId}/followUp", get(follow_up))
        .route("/me/order/{orderId}/paymentMethods", get(payment_methods))
        .route(
            "/me/order/{orderId}/pay",
            post(pay).route_layer(from_fn(guard::json_body)),
        )
        .route("/me/order/{orderId}/mandate", get(mandate))
        .route("/me/order/{orderId}/mandate/form", get(mandate_form))
        .route(
            "/me/order/{orderId}/mandate/document",
            get(mandate_document).put(upload),
        )
        .route("/me/bill", get(bills))
        .route("/me/bill/{billId}", get(bill))
        .route("/me/bill/{billId}/debt", get(debt))
        .route("/me/bill/{billId}/chorus", get(chorus_tracking))
        .route(
            "/me/bill/{billId}/chorus/routing",
            put(crate::recycle::correct_routing).route_layer(from_fn(guard::json_body)),
        )
        .route("/me/bill/{billId}/pdf", get(bill_pdf))
        .route(
            "/me/bill/{billId}/documents",
            get(crate::documents::list).put(crate::documents::upload),
        )
        .route(
            "/me/bill/{billId}/documents/send",
            post(crate::documents::send).route_layer(from_fn(guard::no_form_body)),
        )
        .route("/chorus/structure/{siret}", get(structure))
        .merge(crate::renewals::api_routes())
        .fallback(|| async { ApiErr::not_found("this API path") })
        .method_not_allowed_fallback(|| async { ApiErr::method_not_allowed() })
        .layer(axum::middleware::map_response(json_errors))
}

/// Whatever answered (an extractor's rejection included), an error leaves the API as an
/// `ErrorBody`, and nothing the API returns is cached.
pub async fn json_errors(mut res: Response) -> Response {
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if (status.is_client_error() || status.is_server_error()) && !is_json && !is_html {
        let err = match status {
            StatusCode::NOT_FOUND => ApiErr::not_found("this resource"),
            StatusCode::METHOD_NOT_ALLOWED => ApiErr::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => ApiErr::too_large("the body is too large"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ApiErr::unsupported_type("unsupported media type")
            }
            s if s.is_server_error() => ApiErr::internal(format!("status {s}")),
            s => ApiErr::new(s, "Client::BadRequest", "the request is not valid"),
        };
        return err.into_response();
    }
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    res
}

/// Reads a JSON body; 400 (never a 500) when it is not the expected shape.
pub async fn read_json<T: serde::de::DeserializeOwned>(body: Body) -> Result<T, ApiErr> {
    let bytes = axum::body::to_bytes(body, JSON_LIMIT).await.map_err(|e| {
        match crate::limits::is_body_timeout(&e) {
            true => ApiErr::request_timeout(e.to_string()),
            false => ApiErr::too_large("the JSON body is larger than 64 KiB"),
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiErr::bad_request(format!("the body is not the expected JSON: {e}")).field(
            "body",
            "invalid_json",
            "the body is not the expected JSON",
        )
    })
}

/// An order id from the path: anything that is not one is simply not found.
pub fn order_id(raw: &str) -> Result<u64, ApiErr> {
    raw.parse::<u64>()
        .ok()
        .filter(|id| *id <= i64::MAX as u64)
        .ok_or_else(|| ApiErr::not_found("this order"))
}

/// Today as Chorus Pro's deadlines count it: a Paris date.
fn today() -> NaiveDate {
    mandat_model::locale::paris_day(db::now())
}

async fn me(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.db();
    let account = db::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
    Ok(ok(&account))
}

/// `GET /me/chorus`: the account's structure, or `null` for an account that has
/// none (a company): a plain answer, not an error the browser would log.
async fn my_structure(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.db();
    let Some(siret) = db::account_structure_siret(&conn, &account)? else {
        return Ok(ok(&Option::<mandat_model::chorus::ChorusStructure>::None));
    };
    let structure =
        db::structure(&conn, &siret)?.ok_or_else(|| ApiErr::not_found("this structure"))?;
    Ok(ok(&structure))
}

async fn structure(State(st): State<AppState>, Path(raw): Path<String>) -> ApiResult {
    let siret = validate_siret(&raw).map_err(|e| ApiErr::invalid(vec![e]))?;
    let conn = st.db();
    let structure = db::structure(&conn, siret.as_str())?
        .ok_or_else(|| ApiErr::not_found("a Chorus Pro structure with this SIRET"))?;
    Ok(ok(&structure))
}

/// The account's order and its status; 404 for another account's order.
fn own_order(conn: &Connection, account: &str, id: u64) -> Result<(Order, OrderStatus), ApiErr> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT date, expiration_date, status FROM orders WHERE id = ?1 AND account_id = ?2",
            params![id as i64, account],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (date, expiration, status) = row.ok_or_else(|| ApiErr::not_found("this order"))?;
    let out_of_range = || ApiErr::amount_out_of_range(format!("order {id}"));
    let ht = db::order_ht(conn, id)?.ok_or_else(out_of_range)?;
    let (tax, ttc) = db::with_vat(ht).ok_or_else(out_of_range)?;
    let order = Order {
        order_id: id,
        date: db::parse_ts(&date),
        expiration_date: db::parse_ts(&expiration),
        price_without_tax: Price::eur(ht),
        tax: Price::eur(tax),
        price_with_tax: Price::eur(ttc),
    };
    let status =
        serde_json::from_value(serde_json::Value::String(status)).unwrap_or(OrderStatus::Unknown);
    Ok((order, status))
}

async fn orders(Me(account): Me, State(st): State<AppState>) -> ApiResult {
    let conn = st.db();
    let mut stmt = conn.prepare("SELECT id FROM orders WHERE account_id = ?1 ORDER BY id")?;
    let ids: Vec<u64> = stmt
        .query_map([&account], |r| r.get::<_, i64>(0))?
        .map(|r| r.map(|id| id as u64))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ok(&ids))
}

async fn order(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = order_id(&id)?;
    let (order, _) = own_order(&st.db(), &account, id)?;
    Ok(ok(&order))
}

async fn details(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = order_id(&id)?;
    let conn = st.db();
    own_order(&conn, &account, id)?;
    Ok(ok(&order_lines(&conn, id)?))
}

/// An order's lines with their totals (the order is known to be the account's).
fn order_lines(conn: &Connection, id: u64) -> Result<Vec<OrderDetail>, ApiErr> {
    let mut stmt = conn.prepare(
        "SELECT id, description, domain, quantity, unit_cents FROM order_lines WHERE order_id = ?1 ORDER BY id",
    )?;
    type Row = (i64, String, String, u32, i64);
    let rows: Vec<Row> = stmt
        .query_map([id as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(line, description, domain, quantity, unit)| {
            let total = db::line_total(i64::from(quantity), unit)
                .ok_or_else(|| ApiErr::amount_out_of_range(format!("line {line} of order {id}")))?;
            Ok(OrderDetail {
                order_detail_id: line as u64,
                description,
                domain,
                quantity,
                unit_price: Price::eur(unit),
                total_price: Price::eur(total),
            })
        })
        .collect()
}

async fn status(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = order_id(&id)?;
    let (_, status) = own_order(&st.db(), &account, id)?;
    Ok(ok(&status))
}

async fn follow_up(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = order_id(&id)?;
    let conn = st.db();
    let (_, status) = own_order(&conn, &account, id)?;
    let mut stmt = conn.prepare(
        "SELECT date, label, description FROM order_events WHERE order_id = ?1 ORDER BY date, id",
    )?;
    let history: Vec<FollowUpEvent> = stmt
        .query_map([id as i64], |r| {
            Ok(FollowUpEvent {
                date: db::parse_ts(&r.get::<_, String>(0)?),
                label: r.get(1)?,
                description: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mandate_state: Option<String> = conn
        .query_row(
            "SELECT state FROM mandates WHERE order_id = ?1",
            [id as i64],
            |r| r.get(0),
        )
        .optional()?;
    let step = match status {
        OrderStatus::NotPaid => "payment",
        OrderStatus::DocumentsRequested if mandate_state.as_deref() == Some("underReview") => {
            "review"
        }
        OrderStatus::DocumentsRequested => "mandate",
        OrderStatus::Checking => "review",
        OrderStatus::Delivering => "invoice",
        _ => "done",
    };
    Ok(ok(&FollowUp {
        step: step.into(),
        status,
        history,
        mandate_state: mandate_state.map(|s| {
            serde_json::from_value(serde_json::Value::String(s)).unwrap_or(MandateState::Unknown)
        }),
    }))
}

fn mandate_method() -> PaymentMethod {
    PaymentMethod {
        payment_type: ADMINISTRATIVE_MANDATE.into(),
        payment_sub_type: Some(CHORUS.into()),
        integration: "NONE".into(),
        oneshot: true,
        registerable: false,
        icon: Some(PaymentIcon {
            name: "administrative-mandate".into(),
            url: None,
        }),
    }
}

fn card_method() -> PaymentMethod {
    PaymentMethod {
        payment_type: CREDIT_CARD.into(),
        payment_sub_type: None,
        integration: "REDIRECT".into(),
        oneshot: true,
        registerable: true,
        icon: Some(PaymentIcon {
            name: "credit-card".into(),
            url: None,
        }),
    }
}

fn unavailable(method: &PaymentMethod, reason: &str) -> UnavailablePaymentMethod {
    UnavailablePaymentMethod {
        payment_type: method.payment_type.clone(),
        payment_sub_type: method.payment_sub_type.clone(),
        reason: reason.into(),
    }
}

/// Why the account cannot pay by mandate, if it cannot.
fn mandate_refusal(conn: &Connection, account: &str) -> Result<Option<&'static str>, ApiErr> {
    let acc = db::account(conn, account)?.ok_or_else(ApiErr::unauthorized)?;
    if acc.legal_form != LegalForm::Administration {
        return Ok(Some(NOT_PUBLIC_ADMINISTRATION));
    }
    if db::account_structure_siret(conn, account)?.is_none() {
        return Ok(Some(NO_CHORUS_STRUCTURE));
    }
    Ok(None)
}

async fn payment_methods(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = order_id(&id)?;
    let conn = st.db();
    let (_, status) = own_order(&conn, &account, id)?;
    let mut methods = PaymentMethods {
        available: Vec::new(),
        registered: Vec::new(),
        unavailable: Vec::new(),
    };
    if status != OrderStatus::NotPaid {
        for m in [mandate_method(), card_method()] {
            methods.unavailable.push(unavailable(&m, ORDER_NOT_PAYABLE));
        }
        return Ok(ok(&methods));
    }
    match mandate_refusal(&conn, &account)? {
        None => methods.available.push(mandate_method()),
        Some(reason) => methods
            .unavailable
            .push(unavailable(&mandate_method(), reason)),
    }
    methods.available.push(card_method());
    Ok(ok(&methods))
}

/// The mandate of an order of the account, as the API shows it.
pub fn load_mandate(conn: &Connection, order_id: u64) -> Result<Option<Mandate>, ApiErr> {
    type Row = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT state, siret, code_service, numero_engagement, doc_name, doc_size, doc_type,
                    uploaded_at, rejection_reason, bill_id FROM mandates WHERE order_id = ?1",
            [order_id as i64],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            },
        )
        .optional()?;
    let Some((state, siret, code, ej, name, size, kind, uploaded, reason, bill)) = row else {
        return Ok(None);
    };
    let structure_name = db::structure(conn, &siret)?
        .map(|s| s.name)
        .unwrap_or_default();
    let document = match (name, size, kind, uploaded) {
        (Some(name), Some(size), Some(content_type), Some(uploaded)) => Some(MandateDocument {
            name,
            size: size as u64,
            content_type,
            uploaded_at: db::parse_ts(&uploaded),
        }),
        _ => None,
    };
    Ok(Some(Mandate {
        order_id,
        state: serde_json::from_value(serde_json::Value::String(state))
            .unwrap_or(MandateState::Unknown),
        siret,
        structure_name,
        code_service: code,
        numero_engagement: ej,
        form_url: format!("/api/me/order/{order_id}/mandate/form"),
        upload_url: format!("/api/me/order/{order_id}/mandate/document"),
        document,
        rejection_reason: reason,
        bill_id: bill,
    }))
}

fn own_mandate(conn: &Connection, account: &str, id: u64) -> Result<Mandate, ApiErr> {
    own_order(conn, account, id)?;
    load_mandate(conn, id)?.ok_or_else(|| ApiErr::not_found("a mandate for this order"))
}

const IDEMPOTENCY_KEY: &str = "idempotency-key";

async fn pay(
    Me(account): Me,
    State(st): State<AppState>,
    Extension(site): Extension<guard::Site>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let id = order_id(&id)?;
    let key = idempotency_key(&headers)?;
    {
        let conn = st.db();
        own_order(&conn, &account, id)?;
    }
    let request: PayRequest = read_json(body).await?;
    let fingerprint = request_fingerprint(id, &request)?;
    let mut conn = st.db();
    if let Some(replayed) = replay(&conn, &account, key.as_deref(), &fingerprint, id)? {
        return Ok(replayed);
    }
    let (_, status) = own_order(&conn, &account, id)?;
    if status != OrderStatus::NotPaid {
        return Err(ApiErr::conflict("this order is already paid").field(
            "orderId",
            "order_already_paid",
            "the order is no longer awaiting payment",
        ));
    }
    let now = db::now();
    let payment_type = request.payment_method.payment_type.as_str();
    let receipt = match payment_type {
        ADMINISTRATIVE_MANDATE => {
            if let Some(reason) = mandate_refusal(&conn, &account)? {
                return Err(ApiErr::forbidden(
                    "the administrative mandate is for accounts declared as a public administration",
                )
                .field("paymentMethod", reason, "the mandate is not available to this account"));
            }
            let (siret, routing) = checked_routing(&conn, request.chorus.unwrap_or_default())?;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO payments (order_id, payment_type, date) VALUES (?1, ?2, ?3)",
                params![id as i64, ADMINISTRATIVE_MANDATE, ts(now)],
            )?;
            tx.execute(
                "INSERT INTO mandates (order_id, state, siret, code_service, numero_engagement)
                 VALUES (?1, 'awaitingDocument', ?2, ?3, ?4)",
                params![
                    id as i64,
                    siret,
                    routing.code_service,
                    routing.numero_engagement
                ],
            )?;
            tx.execute(
                "UPDATE orders SET status = 'documentsRequested' WHERE id = ?1",
                [id as i64],
            )?;
            db::add_order_event(
                &tx,
                id,
                now,
                "Paiement par mandat administratif",
                "Le mandat pré-rempli est à signer et à renvoyer.",
            )?;
            let mandate = load_mandate(&tx, id)?;
            let form_url = mandate
                .as_ref()
                .map(|m| crate::outbox::link(&site, &m.form_url))
                .unwrap_or_default();
            let mandate_page = crate::outbox::link(&site, &format!("/orders/{id}/mandate"));
            let sent_to = crate::outbox::send(
                &tx,
                &account,
                &format!("Commande n° {id} : votre mandat administratif à signer"),
                &format!(
                    "Bonjour,\n\nVous avez choisi de payer la commande n° {id} par mandat administratif.\n\n\
                     1. Téléchargez le formulaire de mandat pré-rempli : {form_url}\n\
                     2. Faites-le signer par votre ordonnateur, puis déposez-le sur la page du mandat \
                     de la commande ({mandate_page}).\n\
                     3. Nous le vérifions ; la facture est alors générée et déposée sur Chorus Pro \
                     pour la structure de SIRET {}.\n\n\
                     La commande attend le mandat signé.",
                    mandat_model::siret::shown(&siret)
                ),
                crate::outbox::About {
                    order_id: Some(id),
                    bill_id: None,
                },
            )?;
            let receipt = PaymentReceipt {
                order_id: id,
                payment_type: ADMINISTRATIVE_MANDATE.into(),
                order_status: OrderStatus::DocumentsRequested,
                mandate,
                email_sent_to: Some(sent_to),
            };
            store_idempotent(&tx, &account, key.as_deref(), id, &fingerprint, &receipt)?;
            tx.commit()?;
            receipt
        }
        CREDIT_CARD => {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO payments (order_id, payment_type, date) VALUES (?1, ?2, ?3)",
                params![id as i64, CREDIT_CARD, ts(now)],
            )?;
            tx.execute(
                "UPDATE orders SET status = 'delivering' WHERE id = ?1",
                [id as i64],
            )?;
            db::add_order_event(
                &tx,
                id,
                now,
                "Paiement par carte",
                "La commande est en cours de livraison.",
            )?;
            let receipt = PaymentReceipt {
                order_id: id,
                payment_type: CREDIT_CARD.into(),
                order_status: OrderStatus::Delivering,
                mandate: None,
                email_sent_to: None,
            };
            store_idempotent(&tx, &account, key.as_deref(), id, &fingerprint, &receipt)?;
            tx.commit()?;
            receipt
        }
        _ => {
            return Err(ApiErr::invalid(vec![FieldError {
                field: "paymentMethod".into(),
                code: "payment_type_unsupported".into(),
                message: "use ADMINISTRATIVE_MANDATE or CREDIT_CARD".into(),
            }]))
        }
    };
    Ok(ok(&receipt))
}

/// What makes two payment requests the same: the order, and the body as parsed and
/// written again (so that spacing and the order of keys do not count).
fn request_fingerprint(order: u64, request: &PayRequest) -> Result<String, ApiErr> {
    serde_json::to_string(&(order, request)).map_err(ApiErr::internal)
}

/// The `Idempotency-Key` of a request that may be sent again: none, or 1 to 255
/// visible characters (a 400 otherwise).
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiErr> {
    match headers.get(IDEMPOTENCY_KEY) {
        None => Ok(None),
        Some(v) => match v.to_str() {
            Ok(k) if !k.trim().is_empty() && k.len() <= 255 => Ok(Some(k.trim().to_string())),
            _ => Err(
                ApiErr::bad_request("the Idempotency-Key header is not valid").field(
                    "Idempotency-Key",
                    "idempotency_key_invalid",
                    "1 to 255 visible ASCII characters",
                ),
            ),
        },
    }
}

/// The first answer to `key`, when the same request comes again with it; a 422
/// when the key was used for another request. `order` tells a key stored before
/// requests were recorded.
pub(crate) fn replay(
    conn: &Connection,
    account: &str,
    key: Option<&str>,
    fingerprint: &str,
    order: u64,
) -> Result<Option<Response>, ApiErr> {
    let Some(key) = key else {
        return Ok(None);
    };
    let stored: Option<(i64, u16, String, Option<String>)> = conn
        .query_row(
            "SELECT order_id, status, body, request FROM idempotency WHERE account_id = ?1 AND key = ?2",
            params![account, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((stored_order, status, body, request)) = stored else {
        return Ok(None);
    };
    let same = match request {
        Some(request) => request == fingerprint,
        None => stored_order as u64 == order,
    };
    if !same {
        return Err(ApiErr::unprocessable(
            "this Idempotency-Key was already used for another request",
        )
        .field(
            "Idempotency-Key",
            "idempotency_key_reused",
            "this key was already used for another request (another order, bill or renewal, or \
             another body): a new request needs a new key",
        ));
    }
    let mut res = (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(Some(res))
}

/// Keeps the answer to `key`, in the transaction that made it, for [`replay`].
pub(crate) fn store_idempotent<T: serde::Serialize>(
    conn: &Connection,
    account: &str,
    key: Option<&str>,
    order: u64,
    fingerprint: &str,
    answer: &T,
) -> Result<(), ApiErr> {
    if let Some(key) = key {
        let body = serde_json::to_string(answer).map_err(ApiErr::internal)?;
        conn.execute(
            "INSERT INTO idempotency (account_id, key, order_id, status, body, request)
             VALUES (?1, ?2, ?3, 200, ?4, ?5)",
            params![account, key, order as i64, body, fingerprint],
        )?;
    }
    Ok(())
}

/// A routing as Chorus Pro would take it: a valid SIRET of a known structure, and
/// the fields that structure asks for (field 400s otherwise). Returns the SIRET's
/// 14 digits and the routing trimmed.
pub(crate) fn checked_routing(
    conn: &Connection,
    routing: ChorusRouting,
) -> Result<(String, ChorusRouting), ApiErr> {
    let routing = ChorusRouting {
        siret: routing.siret,
        code_service: routing.code_service.trim().to_string(),
        numero_engagement: routing.numero_engagement.trim().to_string(),
    };
    let siret = validate_siret(&routing.siret).map_err(|e| ApiErr::invalid(vec![e]))?;
    let structure = db::structure(conn, siret.as_str())?.ok_or_else(|| {
        ApiErr::invalid(vec![FieldError {
            field: "siret".into(),
            code: "siret_unknown".into(),
            message: "no Chorus Pro structure has this SIRET".into(),
        }])
    })?;
    validate_routing(&structure, &routing).map_err(ApiErr::invalid)?;
    Ok((siret.as_str().to_string(), routing))
}

async fn mandate(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = order_id(&id)?;
    let mandate = own_mandate(&st.db(), &account, id)?;
    Ok(ok(&mandate))
}

fn pdf_response(bytes: Vec<u8>, file_name: &str) -> Response {
    crate::download::bytes(bytes, "application/pdf", file_name)
}

async fn mandate_form(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = order_id(&id)?;
    let conn = st.db();
    let mandate = own_mandate(&conn, &account, id)?;
    let (order, _) = own_order(&conn, &account, id)?;
    let lines = order_lines(&conn, id)?;
    let buyer = db::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
    let buyer_siret = db::account_structure_siret(&conn, &account)?;
    let bytes = printed::mandate_form(&printed::MandateForm {
        order: &order,
        lines: &lines,
        buyer: &buyer,
        buyer_siret: buyer_siret.as_deref(),
        mandate: &mandate,
    })
    .map_err(ApiErr::internal)?;
    Ok(pdf_response(bytes, &format!("mandat-{id}.pdf")))
}

async fn mandate_document(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = order_id(&id)?;
    let (file, doc) = {
        let conn = st.db();
        let mandate = own_mandate(&conn, &account, id)?;
        let path: Option<String> = conn.query_row(
            "SELECT doc_path FROM mandates WHERE order_id = ?1",
            [id as i64],
            |r| r.get(0),
        )?;
        let (Some(path), Some(doc)) = (path, mandate.document) else {
            return Err(ApiErr::not_found("a signed copy of this mandate"));
        };
        // Opened under the lock: a new copy replaces (and deletes) this one only
        // under it, and an open file stays readable once deleted.
        (std::fs::File::open(path)?, doc)
    };
    let len = file.metadata()?.len();
    Ok(crate::download::file(
        tokio::fs::File::from_std(file),
        len,
        &doc.content_type,
        &doc.name,
    ))
}

/// The signed copy, as the raw request body (what XMLHttpRequest sends); its name in
/// `?name=` or the `X-File-Name` header.
async fn upload(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    // Uploads at once are capped; one more is turned away before a byte of it is read.
    let Some(_slot) = store::upload_slot(&st) else {
        return Ok(store::too_many_uploads(&st));
    };
    let mut stream = body.into_data_stream();
    let ready = order_id(&id).and_then(|id| {
        let conn = st.db();
        let mandate = own_mandate(&conn, &account, id)?;
        if mandate.state.accepts_upload() {
            Ok(id)
        } else {
            Err(
                ApiErr::conflict("the mandate is not awaiting a signed copy").field(
                    "file",
                    "mandate_not_awaiting_document",
                    "a copy is under review or already accepted",
                ),
            )
        }
    });
    let id = match ready {
        Ok(id) => id,
        Err(e) => return Err(store::refuse(&mut stream, e).await),
    };
    let name = match store::upload_name(&query, &headers) {
        Ok(name) => name,
        Err(e) => return Err(store::refuse(&mut stream, e).await),
    };
    let stored = store::receive(&st, &mut stream, &format!("mandate-{id}-")).await?;
    let kind = stored.kind;
    let size = stored.size;
    let final_path = stored.path.clone();
    let name = name.unwrap_or_else(|| format!("mandat-{id}-signe.{}", kind.extension()));

    let now = db::now();
    let conn = st.db();
    // The state may have changed while the body was read.
    let current = own_mandate(&conn, &account, id)?;
    if !current.state.accepts_upload() {
        stored.discard();
        return Err(ApiErr::conflict(
            "the mandate is not awaiting a signed copy",
        ));
    }
    // The copy and its event recorded together, or not at all (a file stored but not
    // recorded is swept at the next start).
    let tx = conn.unchecked_transaction()?;
    let replaced: Option<String> = tx.query_row(
        "SELECT doc_path FROM mandates WHERE order_id = ?1",
        [id as i64],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE mandates SET state = 'underReview', doc_name = ?2, doc_size = ?3, doc_type = ?4,
                doc_path = ?5, uploaded_at = ?6 WHERE order_id = ?1",
        params![
            id as i64,
            name,
            size as i64,
            kind.content_type(),
            final_path.to_string_lossy(),
            ts(now)
        ],
    )?;
    db::add_order_event(
        &tx,
        id,
        now,
        "Mandat signé reçu",
        "Le mandat est en cours de vérification.",
    )?;
    tx.commit()?;
    // The copy this one replaces goes now rather than at the next start, with any
    // copy an interrupted upload stored but never recorded.
    if let Some(old) = replaced.map(std::path::PathBuf::from) {
        if old.parent() == Some(st.files.as_path()) {
            let _ = std::fs::remove_file(old);
        }
    }
    if let Err(e) = st.sweep_orphans(&conn) {
        eprintln!("mandat sandbox: sweeping stored copies: {e}");
    }
    let mandate = own_mandate(&conn, &account, id)?;
    Ok(ok(&mandate))
}

pub(crate) struct BillRow {
    pub(crate) id: String,
    pub(crate) order_id: u64,
    date: String,
    category: String,
    ht: i64,
    chorus_id: Option<String>,
    siret: Option<String>,
    code_service: String,
    numero_engagement: String,
    chorus_status: Option<String>,
}

const BILL_COLUMNS: &str = "id, order_id, date, category, ht_cents, chorus_invoice_id, siret, code_service, numero_engagement, chorus_status";

fn bill_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BillRow> {
    Ok(BillRow {
        id: r.get(0)?,
        order_id: r.get::<_, i64>(1)? as u64,
        date: r.get(2)?,
        category: r.get(3)?,
        ht: r.get(4)?,
        chorus_id: r.get(5)?,
        siret: r.get(6)?,
        code_service: r.get(7)?,
        numero_engagement: r.get(8)?,
        chorus_status: r.get(9)?,
    })
}

pub(crate) fn own_bill(conn: &Connection, account: &str, bill_id: &str) -> Result<BillRow, ApiErr> {
    conn.query_row(
        &format!("SELECT {BILL_COLUMNS} FROM bills WHERE id = ?1 AND account_id = ?2"),
        params![bill_id, account],
        bill_row,
    )
    .optional()?
    .ok_or_else(|| ApiErr::not_found("this bill"))
}

/// The amount including VAT of a bill; `None` if it overflows.
fn amount_with_tax(row: &BillRow) -> Option<i64> {
    db::with_vat(row.ht).map(|(_, ttc)| ttc)
}

/// The Chorus Pro tracking of a bill that goes through it, with its deadline.
pub(crate) fn tracking(conn: &Connection, row: &BillRow) -> Result<Option<ChorusTracking>, ApiErr> {
    let (Some(chorus_id), Some(siret)) = (&row.chorus_id, &row.siret) else {
        return Ok(None);
    };
    let structure = db::structure(conn, siret)?;
    let history = db::chorus_events(conn, &row.id)?;
    let status = mandat_model::chorus::current_status(&history);
    let deadline = bill_deadline(row, structure.as_ref(), &history);
    Ok(Some(ChorusTracking {
        bill_id: row.id.clone(),
        chorus_invoice_id: chorus_id.clone(),
        siret: siret.clone(),
        structure_name: structure
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        code_service: row.code_service.clone(),
        numero_engagement: row.numero_engagement.clone(),
        status,
        history,
        deadline: Some(deadline),
        statut_mise_en_paiement_nest_pas_remonte: structure
            .map(|s| s.statut_mise_en_paiement_nest_pas_remonte)
            .unwrap_or(false),
    }))
}

/// The bill's deadline by the model's rules, from its history and its structure's
/// parameters (a structure missing from the directory: unknown).
fn bill_deadline(
    row: &BillRow,
    structure: Option<&mandat_model::chorus::ChorusStructure>,
    history: &[mandat_model::chorus::ChorusEvent],
) -> Deadline {
    let (Some(structure), Some(amount_cents)) = (structure, amount_with_tax(row)) else {
        return Deadline::Unknown;
    };
    let terms = DeadlineTerms {
        days: structure.payment_deadline_days,
        payment_not_reported: structure.statut_mise_en_paiement_nest_pas_remonte,
        amount_cents,
    };
    deadline(history, terms, today())
}

/// A bill tracking as the operator route returns it, whoever owns it.
pub fn tracking_of(conn: &Connection, bill_id: &str) -> Result<Option<ChorusTracking>, ApiErr> {
    let row = conn
        .query_row(
            &format!("SELECT {BILL_COLUMNS} FROM bills WHERE id = ?1"),
            [bill_id],
            bill_row,
        )
        .optional()?
        .ok_or_else(|| ApiErr::not_found("this bill"))?;
    tracking(conn, &row)
}

fn bill_view(conn: &Connection, row: &BillRow) -> Result<Bill, ApiErr> {
    let (tax, ttc) = db::with_vat(row.ht)
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("bill {}", row.id)))?;
    let deadline = tracking(conn, row)?.and_then(|t| t.deadline);
    Ok(Bill {
        bill_id: row.id.clone(),
        date: db::parse_ts(&row.date),
        order_id: row.order_id,
        category: serde_json::from_value(serde_json::Value::String(row.category.clone()))
            .unwrap_or(BillCategory::Other),
        price_without_tax: Price::eur(row.ht),
        tax: Price::eur(tax),
        price_with_tax: Price::eur(ttc),
        pdf_url: format!("/api/me/bill/{}/pdf", row.id),
        chorus_status: row.chorus_status.as_deref().map(ChorusStatus::from_code),
        due_date: deadline.as_ref().and_then(Deadline::due_date),
        deadline,
    })
}

/// Most status codes one list request may name (there are 12; a few repeats are fine).
const MAX_STATUS_ITEMS: usize = 100;

/// A day of the bill filters: `YYYY-MM-DD` with the year on 4 digits from 0001, as
/// the stored timestamps write it (a year 10000 or a sign would not compare as text
/// with them).
fn filter_day(value: &str) -> Option<NaiveDate> {
    let (year, _) = value.split_once('-')?;
    if year.len() != 4 || year == "0000" {
        return None;
    }
    mandat_model::locale::parse_iso_day(value)
}

fn bad_query(field: &str, code: &str, message: &str) -> ApiErr {
    ApiErr::bad_request(format!("the query parameter {field} is not valid"))
        .field(field, code, message)
}

/// `GET /me/bill?chorusStatus=A,B&from=YYYY-MM-DD&to=YYYY-MM-DD&orderId=N&sort=desc&page=1&pageSize=50`
async fn bills(
    Me(account): Me,
    State(st): State<AppState>,
    query: Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>,
) -> ApiResult {
    let Query(query) = query.map_err(|_| ApiErr::bad_request("the query string is not valid"))?;
    let mut sql = String::from(" FROM bills WHERE account_id = ?");
    let mut args: Vec<rusqlite::types::Value> = vec![account.clone().into()];
    let mut page: u32 = 1;
    let mut page_size: u32 = 50;
    let mut descending = true;
    let mut status_items = 0usize;
    let mut seen = std::collections::HashSet::new();
    for (key, value) in &query {
        // One value each: a thousand repeated filters would each add a condition,
        // past what SQLite nests (a 500); `chorusStatus` is capped by its items.
        let single = matches!(
            key.as_str(),
            "from" | "to" | "orderId" | "page" | "pageSize" | "sort"
        );
        if single && !seen.insert(key.as_str()) {
            return Err(bad_query(
                key,
                "parameter_repeated",
                "give this parameter once",
            ));
        }
        match key.as_str() {
            "chorusStatus" => {
                // Each status once: the query's variables stay few, whatever the list.
                let mut codes = std::collections::BTreeSet::new();
                for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    status_items += 1;
                    if status_items > MAX_STATUS_ITEMS {
                        return Err(bad_query(
                            "chorusStatus",
                            "status_too_many",
                            "at most 100 status codes",
                        ));
                    }
                    let status = ChorusStatus::from_code(code);
                    if status == ChorusStatus::Unknown {
                        return Err(bad_query(
                            "chorusStatus",
                            "status_unknown",
                            "not a Chorus Pro status code",
                        ));
                    }
                    codes.insert(status.code());
                }
                if !codes.is_empty() {
                    sql.push_str(&format!(
                        " AND chorus_status IN ({})",
                        vec!["?"; codes.len()].join(",")
                    ));
                    args.extend(codes.into_iter().map(|c| c.to_string().into()));
                }
            }
            "from" | "to" => {
                let day = filter_day(value).ok_or_else(|| {
                    bad_query(
                        key,
                        "date_invalid",
                        "a date as YYYY-MM-DD, from 0001 to 9999",
                    )
                })?;
                if key == "from" {
                    sql.push_str(" AND date >= ?");
                    args.push(ts(day.and_time(NaiveTime::MIN).and_utc()).into());
                } else if let Some(next) = day.succ_opt().filter(|d| d.year() <= 9999) {
                    // (After 9999-12-31 there is no bound to write: every date is before.)
                    sql.push_str(" AND date < ?");
                    args.push(ts(next.and_time(NaiveTime::MIN).and_utc()).into());
                }
            }
            "orderId" => {
                let id: i64 = value
                    .parse()
                    .ok()
                    .filter(|n| *n >= 0)
                    .ok_or_else(|| bad_query("orderId", "order_id_invalid", "an order id"))?;
                sql.push_str(" AND order_id = ?");
                args.push(id.into());
            }
            "page" => {
                page = value
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| bad_query("page", "page_invalid", "a page number from 1"))?;
            }
            "sort" => {
                descending = match value.as_str() {
                    "desc" => true,
                    "asc" => false,
                    _ => return Err(bad_query("sort", "sort_invalid", "asc or desc")),
                };
            }
            "pageSize" => {
                page_size = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| bad_query("pageSize", "page_size_invalid", "from 1 to 1000"))?;
            }
            _ => {}
        }
    }
    let conn = st.db();
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*){sql}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let offset = i64::from(page - 1) * i64::from(page_size);
    let direction = if descending { "DESC" } else { "ASC" };
    let mut stmt = conn.prepare(&format!(
        "SELECT {BILL_COLUMNS}{sql} ORDER BY date {direction}, id {direction} LIMIT {page_size} OFFSET {offset}"
    ))?;
    let rows: Vec<BillRow> = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), bill_row)?
        .collect::<rusqlite::Result<_>>()?;
    let bills = rows
        .iter()
        .map(|row| bill_view(&conn, row))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ok(&BillPage {
        bills,
        page,
        page_size,
        total: total as u64,
    }))
}

async fn bill(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let conn = st.db();
    let row = own_bill(&conn, &account, &id)?;
    Ok(ok(&bill_view(&conn, &row)?))
}

async fn debt(Me(account): Me, State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let conn = st.db();
    let row = own_bill(&conn, &account, &id)?;
    let ttc = amount_with_tax(&row)
        .ok_or_else(|| ApiErr::amount_out_of_range(format!("bill {}", row.id)))?;
    let (status, due_date) = match tracking(&conn, &row)?.and_then(|t| t.deadline) {
        Some(deadline) => (debt_status(&deadline), deadline.due_date()),
        // Not through Chorus Pro: paid by card at order time.
        None => (DebtStatus::Paid, None),
    };
    // Nothing is left of a paid principal, nor of a rejected (void) invoice; what
    // a structure that does not report its payments still owes is not known.
    let pending = match status {
        DebtStatus::Paid | DebtStatus::Cancelled => Some(0),
        DebtStatus::Unknown => None,
        _ => Some(ttc),
    };
    Ok(ok(&Debt {
        status,
        due_date,
        amount: Price::eur(ttc),
        pending_amount: pending.map(Price::eur),
    }))
}

async fn chorus_tracking(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let conn = st.db();
    let row = own_bill(&conn, &account, &id)?;
    let tracking = tracking(&conn, &row)?
        .ok_or_else(|| ApiErr::not_found("Chorus Pro tracking of this bill"))?;
    Ok(ok(&tracking))
}

async fn bill_pdf(
    Me(account): Me,
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let conn = st.db();
    let row = own_bill(&conn, &account, &id)?;
    let bill = bill_view(&conn, &row)?;
    let buyer = db::account(&conn, &account)?.ok_or_else(ApiErr::unauthorized)?;
    let bytes = printed::invoice(&printed::Invoice {
        bill_id: &bill.bill_id,
        date: bill.date,
        order_id: bill.order_id,
        buyer: &buyer,
        without_tax: &bill.price_without_tax,
        tax: &bill.tax,
        with_tax: &bill.price_with_tax,
        chorus: row.chorus_id.as_deref().zip(row.siret.as_deref()),
    })
    .map_err(ApiErr::internal)?;
    Ok(pdf_response(bytes, &format!("{}.pdf", bill.bill_id)))
}
