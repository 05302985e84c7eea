//! The markup of the routing editor.

use leptos::prelude::*;
use mandat_model::checkout::{selectable_services, Need};

use super::{Field, RoutingForm, SiretLookup};
use crate::i18n::{fill, marked, t, Key};

/// The inline message of a field, tied to it by `aria-describedby`.
#[component]
pub fn FieldErrorText(
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

/// The Chorus Pro routing fields of one [`RoutingForm`].
#[component]
pub fn ChorusFields(
    form: RoutingForm,
    /// The fieldset's legend.
    #[prop(default = Key::ChorusTitle)]
    legend: Key,
    /// What the page knows of the number to give (its budget year, the one
    /// given before), one line each, below the field's hint.
    #[prop(optional)]
    engagement_notes: Vec<String>,
) -> impl IntoView {
    let RoutingForm {
        siret,
        lookup,
        structure,
        code_service,
        engagement,
        needs,
        ..
    } = form;
    let siret_error = form.error_of(Field::Siret);
    let code_error = form.error_of(Field::CodeService);
    let engagement_error = form.error_of(Field::Engagement);
    let clear = move |field: Field| form.set_error(field, None);
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

    let notes = StoredValue::new(engagement_notes);
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
            <legend>{t(legend)}</legend>

            <div class="mandat-field" class:mandat-field--error=move || siret_error.get().is_some()>
                <label for=Field::Siret.id()>{marked(t(Key::SiretLabel))} {marker(Need::Required)}</label>
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
                    on:blur=move |_| form.check_siret()
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
                        {marked(t(Key::CodeServiceLabel))} {move || marker(needs.get().code_service)}
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
                        {marked(t(Key::EngagementLabel))} {move || marker(needs.get().engagement)}
                    </label>
                    <p class="mandat-hint" id="mandat-engagement-hint">{t(Key::EngagementHint)}</p>
                    {notes.with_value(|notes| {
                        notes
                            .iter()
                            .enumerate()
                            .map(|(i, note)| view! {
                                <p class="mandat-hint" id=format!("mandat-engagement-note-{i}") data-testid="engagement-note">
                                    {marked(note.clone())}
                                </p>
                            })
                            .collect_view()
                    })}
                    <FieldErrorText field=Field::Engagement message=engagement_error />
                    <input
                        type="text"
                        id=Field::Engagement.id()
                        name="numeroEngagement"
                        autocomplete="off"
                        class="mandat-input"
                        aria-invalid=move || engagement_error.get().map(|_| "true")
                        aria-describedby=move || {
                            let mut ids = vec![describe("mandat-engagement-hint", None, Field::Engagement, engagement_error)()];
                            ids.extend((0..notes.with_value(Vec::len)).map(|i| format!("mandat-engagement-note-{i}")));
                            ids.join(" ")
                        }
                        prop:value=move || engagement.get()
                        on:input=move |ev| engagement.set(event_target_value(&ev))
                    />
                </div>
            </Show>
        </fieldset>
    }
}
