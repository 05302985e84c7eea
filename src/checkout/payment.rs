//! The payment-method step's markup: a choice among the order's payment
//! methods and, for the administrative mandate, the Chorus Pro routing fields.
//! Its state and transitions are [`Payment`]'s.

use leptos::prelude::*;
use mandat_model::billing::{
    PaymentMethod, PaymentMethods, UnavailablePaymentMethod, ADMINISTRATIVE_MANDATE,
    NOT_PUBLIC_ADMINISTRATION, NO_CHORUS_STRUCTURE, ORDER_NOT_PAYABLE,
};
use mandat_model::chorus::ChorusStructure;
use mandat_model::ApiError;

use super::outcome::{OrderNotPayable, PayProblem, PaymentConfirmation};
use super::Payment;
use crate::api::Api;
use crate::i18n::{fill, t, Key};
use crate::routing::{ChorusFields, Field, FieldErrorText};
use crate::ui::{loaded, ErrorSummary, Load};

/// Where an account declares its legal form and its Chorus Pro structure.
pub const ACCOUNT_SETTINGS_URL: &str = "https://www.ovh.com/manager/#/dedicated/useraccount/infos";
/// Where to ask the sales team about a tripartite convention.
pub const SALES_CONTACT_URL: &str = "https://www.ovhcloud.com/fr/contact/";

/// `paymentType` of card payments.
const CREDIT_CARD: &str = "CREDIT_CARD";

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

/// What the payment step needs before it shows the form: the order's payment
/// methods and the account's own structure.
pub type PaymentData = Load<Result<(PaymentMethods, Option<ChorusStructure>), ApiError>>;

/// Starts loading the payment step's data, both requests at once. The
/// checkout starts it beside the order's, so that the methods do not wait for
/// the summary.
pub fn load_payment_data(order_id: u64) -> PaymentData {
    let api = Api::from_context();
    Load::new(move || {
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
    // Once the form is on screen it stays: methods read again later (the
    // page's « Réessayer » after the order failed to load, an answer retried
    // late) must not take away what the person chose, typed or was told,
    // the payment's confirmation included. A payment the methods no longer
    // allow is refused by the API, and the form says so.
    type Loaded = Option<Result<(PaymentMethods, Option<ChorusStructure>), ApiError>>;
    let data = Memo::new(move |shown: Option<&Loaded>| match shown {
        Some(Some(Ok(form))) => Some(Ok(form.clone())),
        _ => data.get(),
    });
    view! {
        <section class="mandat-payment" aria-labelledby="mandat-payment-title">
            <h2 id="mandat-payment-title">{t(Key::PayTitle)}</h2>
            {move || {
                loaded(data.get(), Some(t(Key::PayMethodsLoading)), retry, None, |(methods, structure)| {
                    // SEPA under a tripartite convention is for public bodies only.
                    let public = !methods.not_public_administration();
                    view! {
                        <PaymentForm order_id=order_id methods=methods structure=structure />
                        {public.then(|| view! { <TripartiteNote /> })}
                    }
                })
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
    if methods.available.is_empty()
        && methods
            .unavailable
            .iter()
            .any(|m| m.reason == ORDER_NOT_PAYABLE)
    {
        return view! { <OrderNotPayable order_id=order_id /> }.into_any();
    }

    let payment = Payment::new(order_id, structure);
    let Payment {
        method,
        routing,
        mandate_chosen,
        receipt,
        ..
    } = payment;
    let pending = payment.pending();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        payment.submit();
    };
    let retry = Callback::new(move |()| payment.retry());

    let available = methods.available.clone();
    let unavailable = methods.unavailable.clone();
    let method_error = routing.error_of(Field::Method);

    let form = view! {
        <form class="mandat-pay-form" novalidate on:submit=on_submit data-testid="payment-form">
            <ErrorSummary entries=routing.summary_entries() attempt=routing.attempt />
            {move || payment.problem().map(|error| view! { <PayProblem order_id=order_id error=error on_retry=retry /> })}
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
                                    on:change=move |_| payment.choose(value.clone())
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
                <ChorusFields form=routing />
                <p class="mandat-note" data-testid="renewal-note">{crate::i18n::marked(t(Key::RenewalNote))}</p>
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
