//! The Chorus Pro routing of an invoice (SIRET, code service, numéro
//! d'engagement), as one editor shared by every page that asks for it: the
//! checkout's mandate, the correction of an invoice to recycle, the routing of
//! a renewal. [`RoutingForm`] holds its state and its rules; [`ChorusFields`]
//! is its markup.

use leptos::prelude::*;
use mandat_model::checkout::{routing_needs, Need, RoutingNeeds};
use mandat_model::chorus::{validate_routing, ChorusRouting, ChorusStructure};
use mandat_model::{ApiError, FieldError, Siret, SiretError};

use crate::api::Api;
use crate::i18n::{t, Key};
use crate::ui::{Latest, SummaryEntry};

mod view;
pub use view::{ChorusFields, FieldErrorText};

/// A field of a form that routes an invoice, in the order forms show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The payment method (the checkout only).
    Method,
    Siret,
    CodeService,
    Engagement,
}

impl Field {
    /// The element's `id`, the target of the error summary's links. One
    /// routing editor is shown at a time.
    pub fn id(self) -> &'static str {
        match self {
            Field::Method => "mandat-method-0",
            Field::Siret => "mandat-siret",
            Field::CodeService => "mandat-code-service",
            Field::Engagement => "mandat-engagement",
        }
    }

    /// The `id` of the field's inline message.
    pub fn error_id(self) -> &'static str {
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
            "siret" | "chorus.siret" | "routing.siret" => Some(Field::Siret),
            "codeService" | "chorus.codeService" | "routing.codeService" => {
                Some(Field::CodeService)
            }
            "numeroEngagement" | "chorus.numeroEngagement" | "routing.numeroEngagement" => {
                Some(Field::Engagement)
            }
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
    in_page_order(&mut mapped);
    mapped
}

/// Problems in the order of their fields on the page: the one sort of them
/// (one copy of the sorting code in the bundle, not one per call).
fn in_page_order(problems: &mut [(Field, Key)]) {
    problems.sort_by_key(|(f, _)| *f);
}

/// Whether an API error is shown beside the routing's fields (a 400 naming
/// them) rather than above the form.
pub fn shown_beside_fields(error: &ApiError) -> bool {
    matches!(error, ApiError::Invalid(body) if !api_field_errors(&body.errors).is_empty())
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
    /// The look-up failed (network, server): the API checks again on submission.
    Failed,
}

/// The state of one routing editor and what it does: the SIRET's look-up as
/// the user leaves the field, the fields the structure asks for, the checks
/// before sending, and the API's field problems shown beside their fields.
#[derive(Clone, Copy)]
pub struct RoutingForm {
    pub siret: RwSignal<String>,
    pub lookup: RwSignal<SiretLookup>,
    /// The structure whose parameters decide the fields; kept while a new
    /// look-up runs.
    pub structure: RwSignal<Option<ChorusStructure>>,
    pub code_service: RwSignal<String>,
    pub engagement: RwSignal<String>,
    /// The form's problems, one per field, in the form's order.
    pub errors: RwSignal<Vec<(Field, Key)>>,
    /// Bumped at each submission that found problems (the summary takes focus).
    pub attempt: RwSignal<u32>,
    pub needs: Memo<RoutingNeeds>,
    last_checked: StoredValue<String>,
    lookups: Latest,
    api: StoredValue<Api, LocalStorage>,
}

impl RoutingForm {
    /// An editor holding `routing` (empty for a new one) and, when known, the
    /// structure of its SIRET. A valid SIRET without its structure is looked up
    /// at once, so that the fields it asks for appear.
    pub fn new(routing: ChorusRouting, structure: Option<ChorusStructure>) -> RoutingForm {
        let shown_siret = mandat_model::siret::shown(&routing.siret);
        let known = structure.is_some();
        let lookup = match &structure {
            Some(s) => SiretLookup::Found(s.clone()),
            None => SiretLookup::Unchecked,
        };
        let structure = RwSignal::new(structure);
        let code_service = RwSignal::new(routing.code_service);
        let form = RoutingForm {
            siret: RwSignal::new(shown_siret.clone()),
            lookup: RwSignal::new(lookup),
            structure,
            code_service,
            engagement: RwSignal::new(routing.numero_engagement),
            errors: RwSignal::new(Vec::new()),
            attempt: RwSignal::new(0),
            needs: Memo::new(move |_| {
                structure
                    .get()
                    .map(|s| routing_needs(&s, &code_service.get()))
                    .unwrap_or(RoutingNeeds {
                        code_service: Need::Hidden,
                        engagement: Need::Hidden,
                        one_of_both: false,
                    })
            }),
            last_checked: StoredValue::new(if known { shown_siret } else { String::new() }),
            lookups: Latest::new(),
            api: StoredValue::new_local(Api::from_context()),
        };
        if !known && Siret::parse(&routing.siret).is_ok() {
            form.check_siret();
        }
        form
    }

    /// Sets or clears `field`'s problem.
    pub fn set_error(&self, field: Field, key: Option<Key>) {
        self.errors.update(|list| {
            list.retain(|(f, _)| *f != field);
            if let Some(key) = key {
                list.push((field, key));
                in_page_order(list);
            }
        })
    }

    /// `field`'s problem, in words.
    pub fn error_of(&self, field: Field) -> Signal<Option<&'static str>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors
                .get()
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, k)| t(*k))
        })
    }

    /// Shows `problems` (and focuses the summary).
    pub fn show_problems(&self, problems: Vec<(Field, Key)>) {
        self.errors.set(problems);
        self.attempt.update(|n| *n += 1);
    }

    /// A submission of a form that is only this routing: its problems shown,
    /// or the routing to send handed to `send`.
    pub fn submit(&self, send: impl FnOnce(ChorusRouting)) {
        match self.routing() {
            Err(problems) => self.show_problems(problems),
            Ok(routing) => {
                self.errors.set(Vec::new());
                send(routing);
            }
        }
    }

    /// Shows an API 400's field problems beside their fields; false when none
    /// of them is about a field of the form (the caller shows the error).
    pub fn show_api_errors(&self, errors: &[FieldError]) -> bool {
        let mapped = api_field_errors(errors);
        if mapped.is_empty() {
            return false;
        }
        self.show_problems(mapped);
        true
    }

    /// The summary's entries, for [`crate::ui::ErrorSummary`].
    pub fn summary_entries(&self) -> Signal<Vec<SummaryEntry>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors
                .get()
                .into_iter()
                .map(|(field, key)| SummaryEntry {
                    field_id: field.id().to_string(),
                    message: t(key).to_string(),
                })
                .collect()
        })
    }

    /// Checks the SIRET as the user leaves the field: its form, then Chorus Pro.
    pub fn check_siret(&self) {
        let form = *self;
        let typed = self.siret.get_untracked();
        if self.last_checked.get_value() == typed {
            return;
        }
        self.last_checked.set_value(typed.clone());
        match Siret::parse(&typed) {
            Err(e) => {
                // The last structure's fields stay, with what was typed in them;
                // a look-up still under way is for a SIRET no longer there.
                self.lookups.forget();
                self.set_error(Field::Siret, Some(siret_message(e)));
                self.lookup.set(SiretLookup::Unchecked);
            }
            Ok(parsed) => {
                self.set_error(Field::Siret, None);
                if let Some(s) = self
                    .structure
                    .get_untracked()
                    .filter(|s| s.siret == parsed.as_str())
                {
                    self.lookups.forget();
                    self.lookup.set(SiretLookup::Found(s));
                    return;
                }
                self.lookup.set(SiretLookup::Checking);
                let api = self.api.get_value();
                let siret = parsed.as_str().to_string();
                // Another SIRET typed since, or the form gone: the answer is dropped.
                self.lookups
                    .run(
                        async move { api.structure(&siret).await },
                        move |result| match result {
                            Ok(s) => {
                                form.structure.set(Some(s.clone()));
                                form.lookup.set(SiretLookup::Found(s));
                            }
                            Err(ApiError::NotFound) => {
                                form.lookup.set(SiretLookup::Unknown);
                                form.set_error(Field::Siret, Some(Key::FieldSiretUnknown));
                            }
                            Err(ApiError::Invalid(body)) => {
                                form.lookup.set(SiretLookup::Unchecked);
                                let key = api_field_errors(&body.errors)
                                    .into_iter()
                                    .find(|(f, _)| *f == Field::Siret)
                                    .map(|(_, k)| k)
                                    .unwrap_or(Key::FieldNotAccepted);
                                form.set_error(Field::Siret, Some(key));
                            }
                            Err(_) => form.lookup.set(SiretLookup::Failed),
                        },
                    );
            }
        }
    }

    /// The routing to send, its SIRET as 14 digits and only the fields the
    /// structure asks for; or the problems to show, in the form's order.
    pub fn routing(&self) -> Result<ChorusRouting, Vec<(Field, Key)>> {
        let needs = self.needs.get_untracked();
        let lookup = self.lookup.get_untracked();
        let routing = ChorusRouting {
            siret: self.siret.get_untracked(),
            code_service: if needs.code_service.is_shown() {
                self.code_service.get_untracked().trim().to_string()
            } else {
                String::new()
            },
            numero_engagement: if needs.engagement.is_shown() {
                self.engagement.get_untracked().trim().to_string()
            } else {
                String::new()
            },
        };
        let mut problems = Vec::new();
        let parsed = Siret::parse(&routing.siret);
        match &parsed {
            Err(e) => problems.push((Field::Siret, siret_message(*e))),
            Ok(_) if lookup == SiretLookup::Unknown => {
                problems.push((Field::Siret, Key::FieldSiretUnknown))
            }
            Ok(_) => {}
        }
        // The other fields follow the structure shown; a new SIRET whose
        // structure is not known yet is left to the API's check.
        let structure = self.structure.get_untracked().filter(|s| match &parsed {
            Ok(p) => p.as_str() == s.siret || lookup == SiretLookup::Unknown,
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
        match parsed {
            Ok(digits) if problems.is_empty() => Ok(ChorusRouting {
                siret: digits.to_string(),
                ..routing
            }),
            _ => {
                in_page_order(&mut problems);
                Err(problems)
            }
        }
    }
}
