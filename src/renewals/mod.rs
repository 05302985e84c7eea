//! `/renewals`: the services that renew automatically, the routing their next
//! invoice will carry, and an editor to change it before the renewal, so that
//! the numéro d'engagement of the next budget year is on the invoice.

use leptos::prelude::*;
use mandat_model::chorus::{ChorusRouting, ChorusStructure};
use mandat_model::locale::{format_day, iso_day};
use mandat_model::renewal::{engagements_to_give, Renewal};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, locale, t, Key};
use crate::routing::{shown_beside_fields, ChorusFields, RoutingForm};
use crate::ui::{loaded, price_text, Alert, AlertKind, ApiErrorView, ErrorSummary, Submission};

/// The `id` of a renewal's heading (the target of the warnings' links, and of
/// the focus once its routing is saved).
pub fn heading_id(renewal_id: u64) -> String {
    format!("mandat-renewal-{renewal_id}")
}

fn day_view(day: chrono::NaiveDate) -> impl IntoView {
    view! { <time datetime=iso_day(day)>{format_day(day, locale())}</time> }
}

/// `/renewals`
#[component]
pub fn RenewalsPage() -> impl IntoView {
    crate::set_page_title(t(Key::RenewalsTitle));
    let api = Api::from_context();
    let data = LocalResource::new(move || {
        let api = api.clone();
        async move {
            let (renewals, structure) =
                futures::future::join(api.renewals(), api.my_structure()).await;
            Ok::<_, ApiError>((renewals?, structure?))
        }
    });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <h1>{t(Key::RenewalsTitle)}</h1>
        {move || {
            loaded(data.get(), Some(t(Key::RenewalsLoading)), retry, None, |(renewals, structure)| {
                view! { <RenewalList renewals=renewals structure=structure /> }
            })
        }}
    }
}

/// The renewals, what needs the buyer first (an alert per missing numéro
/// d'engagement, naming the renewal and the year), and one routing editor open
/// at a time (its fields' ids are fixed).
#[component]
pub fn RenewalList(
    /// The account's renewals, soonest first.
    renewals: Vec<Renewal>,
    /// The account's own structure, so that its renewals' editor does not look
    /// it up again.
    structure: Option<ChorusStructure>,
) -> impl IntoView {
    let list = RwSignal::new(renewals);
    let open = RwSignal::new(None::<u64>);
    let saved = RwSignal::new(None::<String>);
    let structure = StoredValue::new(structure);

    let on_saved = Callback::new(move |renewal: Renewal| {
        let id = renewal.renewal_id;
        saved.set(Some(fill(Key::RenewalSaved, &[("label", &renewal.label)])));
        list.update(|l| {
            if let Some(r) = l.iter_mut().find(|r| r.renewal_id == id) {
                *r = renewal;
            }
        });
        open.set(None);
        // Back to the renewal once its editor is gone: its heading is read out
        // with the new routing below it.
        request_animation_frame(move || {
            crate::ui::focus_by_id(&heading_id(id));
        });
    });
    let on_cancel = Callback::new(move |id: u64| {
        open.set(None);
        request_animation_frame(move || {
            crate::ui::focus_by_id(&edit_button_id(id));
        });
    });

    let warnings = move || {
        let renewals = list.get();
        let views: Vec<_> = engagements_to_give(&renewals)
            .into_iter()
            .map(|r| {
                let year = r.budget_year().to_string();
                let date = format_day(r.next_renewal_date, locale());
                let vars = [
                    ("year", year.as_str()),
                    ("label", r.label.as_str()),
                    ("date", date.as_str()),
                ];
                let title = fill(Key::RenewalMissingTitle, &vars);
                let body = fill(Key::RenewalMissingBody, &vars);
                let link = fill(Key::RenewalMissingLink, &vars);
                let target = format!("#{}", heading_id(r.renewal_id));
                let id = r.renewal_id;
                view! {
                    <div data-testid="renewal-warning">
                        <Alert kind=AlertKind::Warning title=title>
                            <p>{body}</p>
                            <p>
                                <a
                                    href=target
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        saved.set(None);
                                        open.set(Some(id));
                                        request_animation_frame(|| {
                                            crate::ui::focus_by_id(crate::routing::Field::Siret.id());
                                        });
                                    }
                                >
                                    {link}
                                </a>
                            </p>
                        </Alert>
                    </div>
                }
            })
            .collect();
        views
    };

    view! {
        {warnings}
        <p class="mandat-lead">{t(Key::RenewalsIntro)}</p>
        <p class="mandat-visually-hidden" role="status" aria-live="polite" data-testid="renewal-saved-status">
            {move || saved.get()}
        </p>
        {move || saved.get().map(|text| view! {
            <p class="mandat-alert mandat-alert--success" data-testid="renewal-saved">{text}</p>
        })}
        <Show
            when=move || !list.with(Vec::is_empty)
            fallback=|| view! { <p data-testid="renewals-none">{t(Key::RenewalsNone)}</p> }
        >
            <ul class="mandat-renewals" aria-label=t(Key::RenewalsListLabel)>
                <For
                    each=move || list.get()
                    // A saved renewal is drawn again, with its new routing.
                    key=|r| serde_json::to_string(r).unwrap_or_default()
                    let:renewal
                >
                    <RenewalItem
                        renewal=renewal
                        structure=structure.get_value()
                        open=open
                        saved=saved
                        on_saved=on_saved
                        on_cancel=on_cancel
                    />
                </For>
            </ul>
        </Show>
    }
}

fn edit_button_id(renewal_id: u64) -> String {
    format!("mandat-renewal-{renewal_id}-edit")
}

/// One renewal: its date, amount and routing, and its editor when open.
#[component]
fn RenewalItem(
    renewal: Renewal,
    structure: Option<ChorusStructure>,
    open: RwSignal<Option<u64>>,
    saved: RwSignal<Option<String>>,
    on_saved: Callback<Renewal>,
    on_cancel: Callback<u64>,
) -> impl IntoView {
    let id = renewal.renewal_id;
    let heading = heading_id(id);
    let editor_id = format!("mandat-renewal-{id}-editor");
    let year = renewal.budget_year().to_string();
    let period = match renewal.period_months {
        1 => t(Key::RenewalEveryMonth).to_string(),
        n => fill(Key::RenewalEveryMonths, &[("count", &n.to_string())]),
    };
    let amount = fill(
        Key::RenewalAmountValue,
        &[
            ("ttc", &price_text(&renewal.price_with_tax)),
            ("ht", &price_text(&renewal.price_without_tax)),
        ],
    );
    let engagement_state = if !renewal.engagement_required {
        t(Key::RenewalEngagementNotRequired).to_string()
    } else if renewal.engagement_missing {
        fill(Key::RenewalEngagementMissing, &[("year", &year)])
    } else {
        fill(Key::RenewalEngagementOk, &[("year", &year)])
    };
    let routing_view = match &renewal.routing {
        None => view! { <dd>{t(Key::RenewalNotOnChorus)}</dd> }.into_any(),
        Some(routing) => {
            let none = t(Key::RenewalNone);
            let code = if routing.code_service.is_empty() {
                none.to_string()
            } else {
                routing.code_service.clone()
            };
            let engagement = match (
                routing.numero_engagement.is_empty(),
                renewal.engagement_budget_year,
            ) {
                (true, _) => none.to_string(),
                (false, Some(y)) => fill(
                    Key::RenewalEngagementFor,
                    &[
                        ("number", &routing.numero_engagement),
                        ("year", &y.to_string()),
                    ],
                ),
                (false, None) => routing.numero_engagement.clone(),
            };
            let siret = mandat_model::Siret::parse(&routing.siret)
                .map(|s| s.grouped())
                .unwrap_or_else(|_| routing.siret.clone());
            view! {
                <dd>
                    <dl class="mandat-renewal__routing" data-testid="renewal-routing">
                        <dt>{t(Key::SiretLabel)}</dt>
                        <dd>{siret}</dd>
                        <dt>{t(Key::CodeServiceLabel)}</dt>
                        <dd>{code}</dd>
                        <dt>{t(Key::EngagementLabel)}</dt>
                        <dd data-testid="renewal-engagement">{engagement}</dd>
                    </dl>
                </dd>
            }
            .into_any()
        }
    };
    let on_chorus = renewal.routing.is_some();
    let is_open = move || open.get() == Some(id);
    let label = renewal.label.clone();
    let editor_renewal = renewal.clone();
    let state_class = if renewal.engagement_missing {
        "mandat-order-state mandat-order-state--todo"
    } else {
        "mandat-order-state"
    };
    view! {
        <li class="mandat-renewal" data-testid="renewal" data-renewal=id.to_string()>
            <h2 id=heading.clone() tabindex="-1">{renewal.label.clone()}</h2>
            <p class="mandat-hint">{renewal.domain.clone()}</p>
            <dl class="mandat-renewal__facts">
                <dt>{t(Key::RenewalNextDate)}</dt>
                <dd data-testid="renewal-next-date">{day_view(renewal.next_renewal_date)}</dd>
                <dt>{t(Key::RenewalPeriod)}</dt>
                <dd>{period}</dd>
                <dt>{t(Key::RenewalAmount)}</dt>
                <dd data-testid="renewal-amount">{amount}</dd>
                <dt>{t(Key::RenewalEngagementState)}</dt>
                <dd>
                    <span class=state_class data-testid="renewal-engagement-state">{engagement_state}</span>
                </dd>
                <dt>{t(Key::RenewalRouting)}</dt>
                {routing_view}
            </dl>
            {on_chorus.then(|| view! {
                <p hidden=is_open>
                    <button
                        type="button"
                        class="mandat-button mandat-button--secondary"
                        id=edit_button_id(id)
                        aria-label=fill(Key::RenewalEditLabel, &[("label", &label)])
                        data-testid="renewal-edit"
                        on:click=move |_| {
                            saved.set(None);
                            open.set(Some(id));
                            request_animation_frame(|| {
                                crate::ui::focus_by_id(crate::routing::Field::Siret.id());
                            });
                        }
                    >
                        {t(Key::RenewalEdit)}
                    </button>
                </p>
            })}
            <div id=editor_id>
                {move || is_open().then(|| {
                    view! {
                        <RenewalEditor
                            renewal=editor_renewal.clone()
                            structure=structure.clone()
                            on_saved=on_saved
                            on_cancel=Callback::new(move |()| on_cancel.run(id))
                        />
                    }
                })}
            </div>
        </li>
    }
}

/// The routing editor of one renewal: the checkout's routing fields and
/// checks, the error summary, and the API's answer.
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
    let routing_now = renewal.routing.clone().unwrap_or_default();
    let structure = structure.filter(|s| s.siret == routing_now.siret);
    let routing = RoutingForm::new(routing_now, structure);
    let save = Submission::new(move |request: ChorusRouting, key: String| {
        let api = api.clone();
        async move { api.set_renewal_routing(id, &request, &key).await }
    });
    let pending = save.pending();

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
            // One at a time: a press while one is under way sends nothing.
            save.submit(request);
        });
    };
    let retry = Callback::new(move |()| save.retry());
    let server_problem = move || save.failure().filter(|error| !shown_beside_fields(error));
    let year = renewal.budget_year().to_string();
    let date = format_day(renewal.next_renewal_date, locale());
    view! {
        <form class="mandat-renewal__editor" novalidate on:submit=on_submit data-testid="renewal-form">
            <ErrorSummary entries=routing.summary_entries() attempt=routing.attempt />
            {move || server_problem().map(|error| view! { <ApiErrorView error=error on_retry=retry /> })}
            <ChorusFields form=routing legend=Key::RenewalFormLegend />
            <p class="mandat-hint" data-testid="renewal-form-year">
                {fill(Key::RenewalFormYear, &[("year", &year), ("date", &date)])}
            </p>
            <p class="mandat-inline-list">
                <button
                    type="submit"
                    class="mandat-button"
                    aria-disabled=move || pending.get().then_some("true")
                    data-testid="renewal-save"
                >
                    {move || if pending.get() { t(Key::RenewalSaving) } else { t(Key::RenewalSave) }}
                </button>
                " "
                <button
                    type="button"
                    class="mandat-button mandat-button--secondary"
                    on:click=move |_| on_cancel.run(())
                >
                    {t(Key::RenewalCancel)}
                </button>
            </p>
            <p class="mandat-visually-hidden" role="status" aria-live="polite">
                {move || pending.get().then(|| t(Key::RenewalSaving))}
            </p>
        </form>
    }
}
