//! The routing editor of one renewal.

use leptos::prelude::*;
use mandat_model::chorus::{ChorusRouting, ChorusStructure};
use mandat_model::locale::format_day;
use mandat_model::renewal::{same_routing, Renewal};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::routing::{shown_beside_fields, ChorusFields, Field, RoutingForm};
use crate::ui::{ApiErrorView, Emphasis, ErrorSummary, Submission};

/// The field an opened editor puts the cursor in: the one that needs the
/// person, the numéro d'engagement when the renewal misses its year's, or else
/// the first one.
pub fn focus_first_field(renewal: &Renewal) {
    let missing = renewal.engagement_missing;
    request_animation_frame(move || {
        // The number's field is there once the structure is known; until
        // then, the SIRET's.
        let on_number = missing && crate::ui::focus_by_id(Field::Engagement.id());
        if !on_number {
            crate::ui::focus_by_id(Field::Siret.id());
        }
    });
}

/// The checkout's routing fields and checks, the error summary, and the
/// API's answer. It opens without a number of another budget year than the
/// next renewal's (shown as a reminder beside the field).
#[component]
pub fn RenewalEditor(
    renewal: Renewal,
    /// The account's structure; used when it is the renewal's.
    structure: Option<ChorusStructure>,
    on_saved: Callback<Renewal>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = Api::from_context();
    let id = renewal.renewal_id;
    let current = renewal.routing.clone().unwrap_or_default();
    let to_edit = renewal.routing_to_edit();
    let structure = structure.filter(|s| s.siret == to_edit.siret);
    let routing = RoutingForm::new(to_edit, structure);
    let save = Submission::new(move |request: ChorusRouting, key: String| {
        let api = api.clone();
        async move { api.set_renewal_routing(id, &request, &key).await }
    });
    let pending = save.pending();
    // Saving what is already on record changes nothing: it is said so, and
    // nothing is sent. The button stays enabled rather than disabled until a
    // change: a disabled button says nothing of why, and the keyboard skips it.
    // What was typed when it was found unchanged: said until the fields change.
    let typed = move || {
        (
            routing.siret.get(),
            routing.code_service.get(),
            routing.engagement.get(),
        )
    };
    let unchanged_at = RwSignal::new(None);
    let unchanged = move || unchanged_at.get().is_some_and(|at| at == typed());

    Effect::new(move |_| match save.answer().get() {
        Some(Err(ApiError::Invalid(body))) => {
            routing.show_api_errors(&body.errors);
        }
        Some(Ok(renewal)) => on_saved.run(renewal),
        _ => {}
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        routing.submit(|request| {
            if same_routing(&current, &request) {
                unchanged_at.set(Some(untrack(typed)));
            } else {
                // One at a time: a press while one is under way sends nothing.
                save.submit(request);
            }
        });
    };
    let retry = Callback::new(move |()| save.retry());
    let server_problem = move || save.failure().filter(|error| !shown_beside_fields(error));
    let year = renewal.budget_year().to_string();
    let date = format_day(renewal.next_renewal_date, locale());
    let mut notes = vec![fill(
        Key::RenewalFormYear,
        &[("year", &year), ("date", &date)],
    )];
    notes.extend(
        renewal
            .outdated_engagement()
            .map(|(number, year)| match year {
                Some(year) => fill(
                    Key::RenewalOutdatedEngagement,
                    &[("year", &year.to_string()), ("number", number)],
                ),
                None => fill(Key::RenewalOutdatedEngagementNoYear, &[("number", number)]),
            }),
    );
    view! {
        <form class="mandat-renewal__editor" novalidate on:submit=on_submit data-testid="renewal-form">
            <ErrorSummary entries=routing.summary_entries() attempt=routing.attempt />
            {move || server_problem().map(|error| view! { <ApiErrorView error=error on_retry=retry /> })}
            <ChorusFields form=routing legend=Key::RenewalFormLegend engagement_notes=notes />
            <p class="mandat-inline-list">
                <button
                    type="submit"
                    class=Emphasis::Primary.class()
                    aria-disabled=move || pending.get().then_some("true")
                    data-testid="renewal-save"
                >
                    {move || if pending.get() { t(Key::RenewalSaving) } else { t(Key::RenewalSave) }}
                </button>
                " "
                <button
                    type="button"
                    class=Emphasis::Secondary.class()
                    on:click=move |_| on_cancel.run(())
                >
                    {t(Key::RenewalCancel)}
                </button>
            </p>
            <p role="status" aria-live="polite">
                {move || unchanged().then(|| view! {
                    <span data-testid="renewal-unchanged">{t(Key::RenewalUnchanged)}</span>
                })}
                <span class="mandat-visually-hidden">{move || pending.get().then(|| t(Key::RenewalSaving))}</span>
            </p>
        </form>
    }
}
