//! The payment step's state and transitions: the method chosen, the Chorus Pro
//! routing, the request built from them and sent once, the receipt, and what
//! the host page is told. The markup is `payment.rs`'s.

use leptos::prelude::*;
use mandat_model::billing::{
    PayRequest, PaymentMethodChoice, PaymentReceipt, ADMINISTRATIVE_MANDATE,
};
use mandat_model::chorus::{ChorusRouting, ChorusStructure};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::Key;
use crate::routing::{shown_beside_fields, Field, RoutingForm};
use crate::ui::Submission;

/// One order's payment form.
#[derive(Clone, Copy)]
pub struct Payment {
    pub order_id: u64,
    /// The `paymentType` chosen, if any.
    pub method: RwSignal<Option<String>>,
    /// The routing fields shown when the mandate is chosen; also holds the
    /// form's problems (the method's too) for the error summary.
    pub routing: RoutingForm,
    pub mandate_chosen: Memo<bool>,
    /// The receipt once the API took the payment.
    pub receipt: Memo<Option<PaymentReceipt>>,
    pay: Submission<PayRequest, PaymentReceipt>,
}

impl Payment {
    /// The form of `order_id`, its SIRET pre-filled from the account's own
    /// `structure`.
    pub fn new(order_id: u64, structure: Option<ChorusStructure>) -> Payment {
        let api = Api::from_context();
        let host = crate::host::use_host();
        let method = RwSignal::new(None::<String>);
        let routing = RoutingForm::new(
            ChorusRouting {
                siret: structure
                    .as_ref()
                    .map(|s| s.siret.clone())
                    .unwrap_or_default(),
                ..ChorusRouting::default()
            },
            structure,
        );
        let pay = Submission::new(move |request: PayRequest, key: String| {
            let api = api.clone();
            async move { api.pay(order_id, &request, &key).await }
        });
        // A 400's field details go beside their fields and into the summary.
        Effect::new(move |_| {
            if let Some(Err(ApiError::Invalid(body))) = pay.answer().get() {
                routing.show_api_errors(&body.errors);
            }
        });
        let receipt = Memo::new(move |_| match pay.answer().get() {
            Some(Ok(receipt)) => Some(receipt),
            _ => None,
        });
        // The host is told once per receipt.
        Effect::new(move |told: Option<bool>| match receipt.get() {
            Some(r) if told != Some(true) => {
                host.emit(
                    crate::host::ORDER_PAID,
                    &crate::host::OrderPaid {
                        order_id: r.order_id,
                        payment_type: r.payment_type.clone(),
                        order_status: r.order_status.code().to_string(),
                    },
                    false,
                );
                true
            }
            Some(_) => true,
            None => false,
        });
        Payment {
            order_id,
            method,
            routing,
            mandate_chosen: Memo::new(move |_| {
                method.get().as_deref() == Some(ADMINISTRATIVE_MANDATE)
            }),
            receipt,
            pay,
        }
    }

    /// The user chose `payment_type`: the host hears of it.
    pub fn choose(&self, payment_type: String) {
        self.method.set(Some(payment_type.clone()));
        crate::host::use_host().emit(
            crate::host::PAYMENT_METHOD_CHOSEN,
            &crate::host::MethodChosen {
                order_id: self.order_id,
                payment_type,
            },
            false,
        );
        self.routing.set_error(Field::Method, None);
    }

    /// Whether the payment is under way.
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pay.pending()
    }

    /// The form's submission: its problems shown, or the payment sent (one
    /// at a time, however often the button is pressed).
    pub fn submit(&self) {
        if self.pending().get_untracked() {
            return;
        }
        match self.request() {
            Err(problems) => self.routing.show_problems(problems),
            Ok(request) => {
                self.routing.errors.set(Vec::new());
                self.pay.submit(request);
            }
        }
    }

    /// « Réessayer »: the last payment again, with its key.
    pub fn retry(&self) {
        self.pay.retry();
    }

    /// What the API answered other than field problems (shown beside their
    /// fields), once no payment is under way.
    pub fn problem(&self) -> Option<ApiError> {
        self.pay
            .failure()
            .filter(|error| !shown_beside_fields(error))
    }

    fn request(&self) -> Result<PayRequest, Vec<(Field, Key)>> {
        let Some(payment_type) = self.method.get_untracked() else {
            return Err(vec![(Field::Method, Key::FieldMethodRequired)]);
        };
        let chorus = if payment_type == ADMINISTRATIVE_MANDATE {
            Some(self.routing.routing()?)
        } else {
            None
        };
        Ok(PayRequest {
            payment_method: PaymentMethodChoice {
                payment_type,
                id: None,
            },
            chorus,
        })
    }
}
