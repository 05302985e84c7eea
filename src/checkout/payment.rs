//! The payment-method step: a choice among the order's payment methods and,
//! for the administrative mandate, the Chorus Pro routing fields.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use mandat_model::billing::{
    PayRequest, PaymentMethod, PaymentMethodChoice, PaymentMethods, PaymentReceipt,
    UnavailablePaymentMethod, ADMINISTRATIVE_MANDATE, NOT_PUBLIC_ADMINISTRATION,
    NO_CHORUS_STRUCTURE, ORDER_NOT_PAYABLE,
};
use mandat_model::checkout::{routing_needs, selectable_services, Need, RoutingNeeds};
use mandat_model::chorus::{validate_routing, ChorusRouting, ChorusStructure};
use mandat_model::{ApiError, FieldError, OrderStatus, Siret, SiretError};

use crate::api::{new_idempotency_key, Api};
use crate::i18n::{fill, t, Key};
use crate::ui::{Alert, AlertKind, ApiErrorView, ErrorSummary, Loading, SummaryEntry};

/// Where an account declares its legal form and its Chorus Pro structure.
pub const ACCOUNT_SETTINGS_URL: &str = "https://www.ovh.com/manager/#/dedicated/useraccount/infos";
/// Where to ask the sales team about a tripartite convention.
pub const SALES_CONTACT_URL: &str = "https://www.ovhcloud.com/fr/contact/";

/// `paymentType` of card payments.
const CREDIT_CARD: &str = "CREDIT_CARD";

/// A field of the payment form, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Method,
    Siret,
    CodeService,
    Engagement,
}

impl Field {
    /// The element's `id`, the target of the error summary's links.
    pub fn id(self) -> &'static str {
        match self {
            Field::Method => "mandat-method-0",
            Field::Siret => "mandat-siret",
            Field::CodeService => "mandat-code-service",
            Field::Engagement => "mandat-engagement",
        }
    }

    fn error_id(self) -> &'static str {
        match self {
            Field::Method => "mandat-method-error",
            Field::Siret => "mandat-siret-error",
            Field::CodeService => "mandat-code-service-error",
            Field::Engagement => "mandat-engagement-error",
        }
    }

    /// The form field an API field error is about (`codeService`...).
    pub fn from_api(name: &str) -> Option<Field> {
        match name {
            "paymentMethod" => Some(Field::Method),
            "siret" | "chorus.siret" => Some(Field::Siret),
            "codeService" | "chorus.codeService" => Some(Field::CodeService),
            "numeroEngagement" | "chorus.numeroEngagement" => Some(Field::Engagement),
            _ => None,
        }
    }
}

/// The words for a field problem's stable code (the model's and the API's).
pub fn field_message(code: &str) -> Key {
    match code {
        "method_required" | "payment_type_unsupported" => Key::FieldMethodRequired,
        "siret_required" => Key::FieldSiretRequired,
        "siret_not_digits" => Key::FieldSiretNotDigits,
        "siret_length" => Key::FieldSiretLength,
        "siret_checksum" => Key::FieldSiretChecksum,
        "siren_checksum" => Key::FieldSirenChecksum,
        "siret_unknown" => Key::FieldSiretUnknown,
        "code_service_required" => Key::FieldCodeServiceRequired,
        "code_service_reserved" | "code_service_unknown" | "code_service_inactive" => {
            Key::FieldCodeServiceInvalid
        }
        "engagement_required" => Key::FieldEngagementRequired,
        "engagement_too_long" => Key::FieldEngagementTooLong,
        "engagement_or_service_required" => Key::FieldEngagementOrService,
        _ => Key::FieldNotAccepted,
    }
}

fn siret_message(error: SiretError) -> Key {
    field_message(error.code())
}

/// The field problems of an API 400, one per field, in the form's order.
pub fn api_field_errors(errors: &[FieldError]) -> Vec<(Field, Key)> {
    let mut mapped: Vec<(Field, Key)> = Vec::new();
    for e in errors {
        if let Some(field) = Field::from_api(&e.field) {
            if !mapped.iter().any(|(f, _)| *f == field) {
                mapped.push((field, field_message(&e.code)));
            }
        }
    }
    mapped.sort_by_key(|(f, _)| *f);
    mapped
}

/// What the SIRET field learnt from Chorus Pro.
#[derive(Clone, Debug, PartialEq)]
pub enum SiretLookup {
    /// Not looked up (invalid, or not left yet).
    Unchecked,
    Checking,
    Found(ChorusStructure),
    /// No structure has this SIRET.
    Unknown,
    /// The look-up failed (network, server): the API checks again on payment.
    Failed,
}

/// The label of a payment method and its hint.
fn method_words(method: &PaymentMethod) -> (String, &'static str) {
    match method.payment_type.as_str() {
        ADMINISTRATIVE_MANDATE => (t(Key::MethodMandate).into(), t(Key::MethodMandateHint)),
        CREDIT_CARD => (t(Key::MethodCard).into(), t(Key::MethodCardHint)),
        other => (
            fill(Key::MethodOther, &[("type", other)]),
            t(Key::MethodOtherHint),
        ),
    }
}

/// The order's status, in words.
pub fn status_words(status: OrderStatus) -> &'static str {
    t(match status {
        OrderStatus::NotPaid => Key::StatusNotPaid,
        OrderStatus::Checking => Key::StatusChecking,
        OrderStatus::DocumentsRequested => Key::StatusDocumentsRequested,
        OrderStatus::Delivering => Key::StatusDelivering,
        OrderStatus::Delivered => Key::StatusDelivered,
        OrderStatus::Cancelling => Key::StatusCancelling,
        OrderStatus::Cancelled => Key::StatusCancelled,
        OrderStatus::Unknown => Key::StatusUnknown,
    })
}

/// What the payment step needs before it shows the form: the order's payment
/// methods and the account's own structure.
pub type PaymentData = LocalResource<Result<(PaymentMethods, Option<ChorusStructure>), ApiError>>;

/// Starts loading the payment step's data, both requests at once. The
/// checkout starts it beside the order's, so that the methods do not wait for
/// the summary.
pub fn load_payment_data(order_id: u64) -> PaymentData {
    let api = Api::from_context();
    LocalResource::new(move || {
        let api = api.clone();
        async move {
            let (methods, structure) =
                futures::future::join(api.payment_methods(order_id), api.my_structure()).await;
            Ok((methods?, structure?))
        }
    })
}

/// Shows the payment form once its data is loaded, or why it could not be.
#[component]
pub fn PaymentStep(
    /// The order being paid.
    order_id: u64,
    /// From [`load_payment_data`].
    data: PaymentData,
) -> impl IntoView {
    let retry = Callback::new(move |()| data.refetch());
    // Rebuilt only when the data changes: the same methods loaded again must
    // not reset the form.
    let loaded = Memo::new(move |_| data.get());
    view! {
        <section class="mandat-payment" aria-labelledby="mandat-payment-title">
            <h2 id="mandat-payment-title">{t(Key::PayTitle)}</h2>
            {move || match loaded.get() {
                None => view! { <Loading label=t(Key::PayMethodsLoading) /> }.into_any(),
                Some(Err(error)) => view! { <ApiErrorView error=error on_retry=retry /> }.into_any(),
                Some(Ok((methods, structure))) => {
                    // SEPA under a tripartite convention is for public bodies only.
                    let public = !methods.not_public_administration();
                    view! {
                        <PaymentForm order_id=order_id methods=methods structure=structure />
                        {public.then(|| view! { <TripartiteNote /> })}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// SEPA direct debit needs a signed tripartite convention: not self-service.
#[component]
pub fn TripartiteNote() -> impl IntoView {
    view! {
        <p class="mandat-note" data-testid="tripartite-note">
            {t(Key::TripartiteNote)}
            " "
            <a href=SALES_CONTACT_URL on:click=crate::host::leave_link("sales-contact", SALES_CONTACT_URL)>{t(Key::TripartiteLink)}</a>
        </p>
    }
}

/// The payment form, for loaded methods: the radio group, the Chorus Pro fields
/// when the mandate is chosen, the error summary, the submission and its outcome.
#[component]
pub fn PaymentForm(
    /// The order being paid.
    order_id: u64,
    /// The methods the API offers, and those it does not with their reason.
    methods: PaymentMethods,
    /// The account's own Chorus Pro structure, to pre-fill the SIRET.
    structure: Option<ChorusStructure>,
) -> impl IntoView {
    let api = Api::from_context();
    let host = crate::host::use_host();
    if methods.available.is_empty()
        && methods
            .unavailable
            .iter()
            .any(|m| m.reason == ORDER_NOT_PAYABLE)
    {
        return view! { <OrderNotPayable order_id=order_id /> }.into_any();
    }

    let method = RwSignal::new(None::<String>);
    let siret = RwSignal::new(
        structure
            .as_ref()
            .map(|s| {
                Siret::parse(&s.siret)
                    .map(|parsed| parsed.grouped())
                    .unwrap_or_else(|_| s.siret.clone())
            })
            .unwrap_or_default(),
    );
    let last_checked = StoredValue::new(siret.get_untracked());
    let lookup = RwSignal::new(match &structure {
        Some(s) => SiretLookup::Found(s.clone()),
        None => SiretLookup::Unchecked,
    });
    // The structure whose parameters decide the fields; kept while a new look-up runs.
    let current = RwSignal::new(structure);
    let lookup_run = StoredValue::new(0u32);
    let code_service = RwSignal::new(String::new());
    let engagement = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(Field, Key)>::new());
    let attempt = RwSignal::new(0u32);
    // The request and the key of the last attempt: the same request is sent
    // with the same key, so a repeat is applied once.
    let last_attempt = StoredValue::new(None::<(PayRequest, String)>);

    let mandate_chosen =
        Memo::new(move |_| method.get().as_deref() == Some(ADMINISTRATIVE_MANDATE));
    let needs = Memo::new(move |_| {
        current
            .get()
            .map(|s| routing_needs(&s, &code_service.get()))
            .unwrap_or(RoutingNeeds {
                code_service: Need::Hidden,
                engagement: Need::Hidden,
                one_of_both: false,
            })
    });

    let set_error = move |field: Field, key: Option<Key>| {
        errors.update(|list| {
            list.retain(|(f, _)| *f != field);
            if let Some(key) = key {
                list.push((field, key));
                list.sort_by_key(|(f, _)| *f);
            }
        })
    };
    let error_of = move |field: Field| {
        Signal::derive(move || {
            errors
                .get()
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, k)| t(*k))
        })
    };

    // Checks the SIRET as the user leaves the field: its form, then Chorus Pro.
    let check_siret = {
        let api = api.clone();
        move || {
            let typed = siret.get_untracked();
            if last_checked.get_value() == typed {
                return;
            }
            last_checked.set_value(typed.clone());
            lookup_run.update_value(|n| *n += 1);
            let run = lookup_run.get_value();
            match Siret::parse(&typed) {
                Err(e) => {
                    // The last structure's fields stay, with what was typed in them.
                    set_error(Field::Siret, Some(siret_message(e)));
                    lookup.set(SiretLookup::Unchecked);
                }
                Ok(parsed) => {
                    set_error(Field::Siret, None);
                    if let Some(s) = current
                        .get_untracked()
                        .filter(|s| s.siret == parsed.as_str())
                    {
                        lookup.set(SiretLookup::Found(s));
                        return;
                    }
                    lookup.set(SiretLookup::Checking);
                    let api = api.clone();
                    spawn_local(async move {
                        let result = api.structure(parsed.as_str()).await;
                        if lookup_run.try_get_value() != Some(run) {
                            return; // the user typed another SIRET since
                        }
                        match result {
                            Ok(s) => {
                                current.set(Some(s.clone()));
                                lookup.set(SiretLookup::Found(s));
                            }
                            Err(ApiError::NotFound) => {
                                lookup.set(SiretLookup::Unknown);
                                set_error(Field::Siret, Some(Key::FieldSiretUnknown));
                            }
                            Err(ApiError::Invalid(body)) => {
                                lookup.set(SiretLookup::Unchecked);
                                let key = api_field_errors(&body.errors)
                                    .into_iter()
                                    .find(|(f, _)| *f == Field::Siret)
                                    .map(|(_, k)| k)
                                    .unwrap_or(Key::FieldNotAccepted);
                                set_error(Field::Siret, Some(key));
                            }
                            Err(_) => lookup.set(SiretLookup::Failed),
                        }
                    });
                }
            }
        }
    };

    let pay = Action::new_local(move |(request, key): &(PayRequest, String)| {
        let api = api.clone();
        let request = request.clone();
        let key = key.clone();
        async move { api.pay(order_id, &request, &key).await }
    });
    let pending = pay.pending();

    // A 400's field details go beside their fields and into the summary.
    Effect::new(move |_| {
        if let Some(Err(ApiError::Invalid(body))) = pay.value().get() {
            let mapped = api_field_errors(&body.errors);
            if !mapped.is_empty() {
                errors.set(mapped);
                attempt.update(|n| *n += 1);
            }
        }
    });

    let build_request = move || -> Result<PayRequest, Vec<(Field, Key)>> {
        let Some(payment_type) = method.get_untracked() else {
            return Err(vec![(Field::Method, Key::FieldMethodRequired)]);
        };
        if payment_type != ADMINISTRATIVE_MANDATE {
            return Ok(PayRequest {
                payment_method: PaymentMethodChoice {
                    payment_type,
                    id: None,
                },
                chorus: None,
            });
        }
        let needs = needs.get_untracked();
        let routing = ChorusRouting {
            siret: siret.get_untracked(),
            code_service: if needs.code_service.is_shown() {
                code_service.get_untracked().trim().to_string()
            } else {
                String::new()
            },
            numero_engagement: if needs.engagement.is_shown() {
                engagement.get_untracked().trim().to_string()
            } else {
                String::new()
            },
        };
        let mut problems = Vec::new();
        let parsed = Siret::parse(&routing.siret);
        match &parsed {
            Err(e) => problems.push((Field::Siret, siret_message(*e))),
            Ok(_) if lookup.get_untracked() == SiretLookup::Unknown => {
                problems.push((Field::Siret, Key::FieldSiretUnknown))
            }
            Ok(_) => {}
        }
        // The other fields follow the structure shown; a new SIRET whose structure is
        // not known yet is left to the API's check.
        let structure = current.get_untracked().filter(|s| match &parsed {
            Ok(p) => p.as_str() == s.siret || lookup.get_untracked() == SiretLookup::Unknown,
            Err(_) => true,
        });
        if let Some(s) = structure {
            let same_siret = ChorusRouting {
                siret: s.siret.clone(),
                ..routing.clone()
            };
            if let Err(found) = validate_routing(&s, &same_siret) {
                for (field, key) in api_field_errors(&found) {
                    if field != Field::Siret {
                        problems.push((field, key));
                    }
                }
            }
        }
        if problems.is_empty() {
            let digits = Siret::parse(&routing.siret)
                .map(|s| s.to_string())
                .unwrap_or_default();
            Ok(PayRequest {
                payment_method: PaymentMethodChoice {
                    payment_type,
                    id: None,
                },
                chorus: Some(ChorusRouting {
                    siret: digits,
                    ..routing
                }),
            })
        } else {
            problems.sort_by_key(|(f, _)| *f);
            Err(problems)
        }
    };

    let send = move |request: PayRequest| {
        let key = match last_attempt.get_value() {
            Some((previous, key)) if previous == request => key,
            _ => new_idempotency_key(),
        };
        last_attempt.set_value(Some((request.clone(), key.clone())));
        pay.dispatch_local((request, key));
    };

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return; // one payment at a time, however often the button is pressed
        }
        match build_request() {
            Err(problems) => {
                errors.set(problems);
                attempt.update(|n| *n += 1);
            }
            Ok(request) => {
                errors.set(Vec::new());
                send(request);
            }
        }
    };

    let retry = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        if let Some((request, _)) = last_attempt.get_value() {
            send(request);
        }
    });

    let summary_entries = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|(field, key)| SummaryEntry {
                field_id: field.id().to_string(),
                message: t(key).to_string(),
            })
            .collect::<Vec<_>>()
    });

    let receipt = Memo::new(move |_| match pay.value().get() {
        Some(Ok(receipt)) => Some(receipt),
        _ => None,
    });
    // Tell the host once per receipt.
    Effect::new(move |told: Option<bool>| match receipt.get() {
        Some(r) if told != Some(true) => {
            host.emit(
                crate::host::ORDER_PAID,
                &crate::host::OrderPaid {
                    order_id: r.order_id,
                    payment_type: r.payment_type.clone(),
                    order_status: serde_json::to_value(r.order_status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                },
                false,
            );
            true
        }
        Some(_) => true,
        None => false,
    });

    let server_problem = move || match pay.value().get() {
        Some(Err(ApiError::Invalid(body))) if !api_field_errors(&body.errors).is_empty() => None,
        Some(Err(error)) if !pending.get() => Some(error),
        _ => None,
    };

    let available = methods.available.clone();
    let unavailable = methods.unavailable.clone();
    let method_error = error_of(Field::Method);

    let form = view! {
        <form class="mandat-pay-form" novalidate on:submit=on_submit data-testid="payment-form">
            <ErrorSummary entries=summary_entries attempt=attempt />
            {move || server_problem().map(|error| view! { <PayProblem order_id=order_id error=error on_retry=retry /> })}
            <fieldset
                class="mandat-fieldset mandat-methods"
                aria-describedby=move || method_error.get().map(|_| Field::Method.error_id())
            >
                <legend>{t(Key::PayLegend)}</legend>
                <FieldErrorText field=Field::Method message=method_error />
                {available
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let (label, hint) = method_words(&m);
                        let id = format!("mandat-method-{i}");
                        let hint_id = format!("mandat-method-{i}-hint");
                        let value = m.payment_type.clone();
                        let value_checked = value.clone();
                        view! {
                            <div class="mandat-radio">
                                <input
                                    type="radio"
                                    name="mandat-method"
                                    id=id.clone()
                                    value=value.clone()
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || method.get().as_deref() == Some(value_checked.as_str())
                                    on:change=move |_| {
                                        method.set(Some(value.clone()));
                                        host.emit(
                                            crate::host::PAYMENT_METHOD_CHOSEN,
                                            &crate::host::MethodChosen {
                                                order_id,
                                                payment_type: value.clone(),
                                            },
                                            false,
                                        );
                                        set_error(Field::Method, None);
                                    }
                                />
                                <label for=id>{label}</label>
                                <p class="mandat-hint" id=hint_id>{hint}</p>
                            </div>
                        }
                    })
                    .collect_view()}
                {unavailable
                    .into_iter()
                    .filter(|m| m.payment_type == ADMINISTRATIVE_MANDATE)
                    .map(|m| view! { <MandateUnavailable method=m /> })
                    .collect_view()}
            </fieldset>
            <Show when=move || mandate_chosen.get()>
                <ChorusFields
                    siret=siret
                    lookup=lookup
                    code_service=code_service
                    engagement=engagement
                    structure=current
                    needs=needs
                    errors=errors
                    on_siret_leave=check_siret.clone()
                />
                <p class="mandat-note" data-testid="renewal-note">{t(Key::RenewalNote)}</p>
            </Show>
            <p>
                <button
                    type="submit"
                    class="mandat-button"
                    aria-disabled=move || pending.get().then_some("true")
                    data-testid="pay-submit"
                >
                    {move || {
                        if pending.get() {
                            t(Key::PayBusy)
                        } else if mandate_chosen.get() {
                            t(Key::PaySubmitMandate)
                        } else {
                            t(Key::PaySubmit)
                        }
                    }}
                </button>
            </p>
            <p class="mandat-visually-hidden" role="status" aria-live="polite">
                {move || pending.get().then(|| t(Key::PayBusy))}
            </p>
        </form>
    };

    view! {
        <div hidden=move || receipt.get().is_some()>{form}</div>
        {move || receipt.get().map(|r| view! { <PaymentConfirmation receipt=r /> })}
    }
    .into_any()
}

/// The inline message of a field, tied to it by `aria-describedby`.
#[component]
fn FieldErrorText(
    field: Field,
    #[prop(into)] message: Signal<Option<&'static str>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="mandat-field-error" id=field.error_id()>
                    {text}
                </p>
            }
        })
    }
}

/// The mandate, when it does not apply to this account: as text, with its reason
/// and where to fix it.
#[component]
pub fn MandateUnavailable(
    /// The unavailable method and the API's reason code.
    method: UnavailablePaymentMethod,
) -> impl IntoView {
    let (reason, fix) = match method.reason.as_str() {
        NOT_PUBLIC_ADMINISTRATION => (
            Key::ReasonNotPublicAdministration,
            Some(Key::ReasonNotPublicAdministrationFix),
        ),
        NO_CHORUS_STRUCTURE => (
            Key::ReasonNoChorusStructure,
            Some(Key::ReasonNoChorusStructureFix),
        ),
        _ => (Key::ReasonOther, None),
    };
    view! {
        <div class="mandat-unavailable" data-testid="mandate-unavailable">
            <p class="mandat-unavailable__title">{t(Key::MandateUnavailableTitle)}</p>
            <p>{t(reason)}</p>
            {fix.map(|fix| view! {
                <p>
                    <a href=ACCOUNT_SETTINGS_URL on:click=crate::host::leave_link("legal-form-settings", ACCOUNT_SETTINGS_URL)>{t(fix)}</a>
                </p>
            })}
        </div>
    }
}

/// The Chorus Pro routing fields of the mandate.
#[component]
fn ChorusFields(
    siret: RwSignal<String>,
    lookup: RwSignal<SiretLookup>,
    code_service: RwSignal<String>,
    engagement: RwSignal<String>,
    structure: RwSignal<Option<ChorusStructure>>,
    needs: Memo<RoutingNeeds>,
    errors: RwSignal<Vec<(Field, Key)>>,
    on_siret_leave: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let error_of = move |field: Field| {
        Signal::derive(move || {
            errors
                .get()
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, k)| t(*k))
        })
    };
    let siret_error = error_of(Field::Siret);
    let code_error = error_of(Field::CodeService);
    let engagement_error = error_of(Field::Engagement);
    let clear = move |field: Field| errors.update(|l| l.retain(|(f, _)| *f != field));
    let marker = |need: Need| {
        let key = if need == Need::Required {
            Key::Required
        } else {
            Key::Optional
        };
        view! { <span class="mandat-label-marker">" (" {t(key)} ")"</span> }
    };
    let describe = |hint: &'static str,
                    status: Option<&'static str>,
                    field: Field,
                    err: Signal<Option<&'static str>>| {
        move || {
            let mut ids = vec![hint];
            if err.get().is_some() {
                ids.push(field.error_id());
            }
            if let Some(status) = status {
                ids.push(status);
            }
            ids.join(" ")
        }
    };

    let services = move || {
        structure
            .get()
            .map(|s| {
                selectable_services(&s)
                    .into_iter()
                    .map(|svc| (svc.code.clone(), format!("{} ({})", svc.label, svc.code)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <fieldset class="mandat-fieldset mandat-chorus" data-testid="chorus-fields">
            <legend>{t(Key::ChorusTitle)}</legend>
            <p class="mandat-hint">{t(Key::ChorusIntro)}</p>

            <div class="mandat-field" class:mandat-field--error=move || siret_error.get().is_some()>
                <label for=Field::Siret.id()>{t(Key::SiretLabel)} {marker(Need::Required)}</label>
                <p class="mandat-hint" id="mandat-siret-hint">{t(Key::SiretHint)}</p>
                <FieldErrorText field=Field::Siret message=siret_error />
                <input
                    type="text"
                    id=Field::Siret.id()
                    name="siret"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    class="mandat-input mandat-input--siret"
                    aria-invalid=move || siret_error.get().map(|_| "true")
                    aria-describedby=describe("mandat-siret-hint", Some("mandat-siret-status"), Field::Siret, siret_error)
                    prop:value=move || siret.get()
                    on:input=move |ev| siret.set(event_target_value(&ev))
                    on:blur={
                        let leave = on_siret_leave.clone();
                        move |_| leave()
                    }
                />
                <p class="mandat-siret-status" id="mandat-siret-status" aria-live="polite" data-testid="siret-status">
                    {move || match lookup.get() {
                        SiretLookup::Checking => Some(t(Key::SiretChecking).to_string()),
                        SiretLookup::Found(s) => Some(fill(Key::SiretFound, &[("name", &s.name)])),
                        SiretLookup::Failed => Some(t(Key::SiretLookupFailed).to_string()),
                        SiretLookup::Unchecked | SiretLookup::Unknown => None,
                    }}
                </p>
            </div>

            <Show when=move || needs.get().one_of_both>
                <p class="mandat-hint" id="mandat-one-of-both">{t(Key::OneOfBothHint)}</p>
            </Show>

            <Show when=move || needs.get().code_service.is_shown()>
                <div class="mandat-field" class:mandat-field--error=move || code_error.get().is_some()>
                    <label for=Field::CodeService.id()>
                        {t(Key::CodeServiceLabel)} {move || marker(needs.get().code_service)}
                    </label>
                    <p class="mandat-hint" id="mandat-code-service-hint">{t(Key::CodeServiceHint)}</p>
                    <FieldErrorText field=Field::CodeService message=code_error />
                    <select
                        id=Field::CodeService.id()
                        name="codeService"
                        class="mandat-select"
                        aria-invalid=move || code_error.get().map(|_| "true")
                        aria-describedby=describe("mandat-code-service-hint", None, Field::CodeService, code_error)
                        prop:value=move || code_service.get()
                        on:change=move |ev| {
                            code_service.set(event_target_value(&ev));
                            clear(Field::CodeService);
                        }
                    >
                        <option value="">{t(Key::CodeServiceChoose)}</option>
                        {move || {
                            let chosen = code_service.get_untracked();
                            services()
                                .into_iter()
                                .map(|(code, label)| {
                                    let selected = code == chosen;
                                    view! { <option value=code selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </Show>

            <Show when=move || needs.get().engagement.is_shown()>
                <div class="mandat-field" class:mandat-field--error=move || engagement_error.get().is_some()>
                    <label for=Field::Engagement.id()>
                        {t(Key::EngagementLabel)} {move || marker(needs.get().engagement)}
                    </label>
                    <p class="mandat-hint" id="mandat-engagement-hint">{t(Key::EngagementHint)}</p>
                    <FieldErrorText field=Field::Engagement message=engagement_error />
                    <input
                        type="text"
                        id=Field::Engagement.id()
                        name="numeroEngagement"
                        autocomplete="off"
                        class="mandat-input"
                        aria-invalid=move || engagement_error.get().map(|_| "true")
                        aria-describedby=describe("mandat-engagement-hint", None, Field::Engagement, engagement_error)
                        prop:value=move || engagement.get()
                        on:input=move |ev| engagement.set(event_target_value(&ev))
                    />
                </div>
            </Show>
        </fieldset>
    }
}

/// A payment the API did not take, other than field problems.
#[component]
fn PayProblem(order_id: u64, error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    match error {
        ApiError::Conflict(_) => {
            let id = order_id.to_string();
            view! {
                <Alert kind=AlertKind::Warning title=t(Key::PayConflictTitle)>
                    <p>{t(Key::PayConflictBody)}</p>
                    <ul class="mandat-inline-list">
                        <li>
                            <a href=crate::nav::href(&format!("/orders/{id}/mandate"))>{fill(Key::PayConflictLink, &[("id", &id)])}</a>
                        </li>
                        <li>
                            <a href=crate::nav::href("/")>{t(Key::BackToOrders)}</a>
                        </li>
                    </ul>
                </Alert>
            }
            .into_any()
        }
        ApiError::Forbidden(_) => view! {
            <Alert kind=AlertKind::Error title=t(Key::ErrForbiddenTitle)>
                <p>{t(Key::PayForbiddenBody)}</p>
            </Alert>
        }
        .into_any(),
        error => view! {
            <div data-testid="pay-problem">
                <ApiErrorView error=error on_retry=on_retry />
            </div>
        }
        .into_any(),
    }
}

/// The order no longer awaits a payment.
#[component]
fn OrderNotPayable(order_id: u64) -> impl IntoView {
    let id = order_id.to_string();
    view! {
        <Alert kind=AlertKind::Info title=t(Key::OrderNotPayableTitle) level=3>
            <p>{t(Key::OrderNotPayableBody)}</p>
            <ul class="mandat-inline-list">
                <li>
                    <a href=crate::nav::href(&format!("/orders/{id}/mandate"))>{fill(Key::PayConflictLink, &[("id", &id)])}</a>
                </li>
                <li>
                    <a href=crate::nav::href("/")>{t(Key::BackToOrders)}</a>
                </li>
            </ul>
        </Alert>
    }
}

/// What happens next, once the payment is recorded.
#[component]
pub fn PaymentConfirmation(
    /// The API's receipt.
    receipt: PaymentReceipt,
) -> impl IntoView {
    let heading = NodeRef::<html::H3>::new();
    // Focus moves to the outcome once it is painted, so that it is read out.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            request_animation_frame(move || {
                let _ = h.focus();
            });
        }
    });
    let id = receipt.order_id.to_string();
    let is_mandate = receipt.payment_type == ADMINISTRATIVE_MANDATE;
    let title = if is_mandate {
        t(Key::ConfirmMandateTitle)
    } else {
        t(Key::ConfirmCardTitle)
    };
    let status = fill(
        Key::ConfirmStatus,
        &[("status", status_words(receipt.order_status))],
    );
    let steps = is_mandate.then(|| {
        let link = format!("/orders/{id}/mandate");
        view! {
            <h4>{t(Key::ConfirmNextSteps)}</h4>
            <ol class="mandat-steps">
                <li data-testid="confirm-email">
                    {match &receipt.email_sent_to {
                        Some(to) => fill(Key::ConfirmStepEmailTo, &[("to", to)]),
                        None => t(Key::ConfirmStepEmail).to_string(),
                    }}
                </li>
                <li>
                    {t(Key::ConfirmStepForm)}
                    " "
                    <a href=crate::nav::href(&link) data-testid="mandate-upload-link">{fill(Key::ConfirmStepFormLink, &[("id", &id)])}</a>
                </li>
                <li>{t(Key::ConfirmStepReview)}</li>
                <li>{t(Key::ConfirmStepInvoice)}</li>
            </ol>
        }
    });
    view! {
        <div class="mandat-alert mandat-alert--success mandat-confirmation" data-testid="payment-confirmation">
            <h3 class="mandat-alert__title" tabindex="-1" node_ref=heading>{title}</h3>
            <p data-testid="order-status">{status}</p>
            {steps}
        </div>
    }
}
