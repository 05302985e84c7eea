//! `/renewals`: the services that renew automatically, the routing their next
//! invoice will carry, and an editor to change it before the renewal, so that
//! the numéro d'engagement of the next budget year is on the invoice.

use leptos::prelude::*;
use mandat_model::chorus::ChorusStructure;
use mandat_model::locale::{format_day, iso_day};
use mandat_model::renewal::{engagements_to_give, Renewal};
use mandat_model::ApiError;

use crate::api::Api;
use crate::i18n::{fill, locale, marked, t, Key};
use crate::ui::{
    loaded, price_text, Alert, AlertKind, Emphasis, Load, PageHeader, SummaryList, SummaryRow,
};

mod editor;
use editor::focus_first_field;
pub use editor::RenewalEditor;

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
    let data = Load::new(move || {
        let api = api.clone();
        async move {
            let (renewals, structure) =
                futures::future::join(api.renewals(), api.my_structure()).await;
            Ok::<_, ApiError>((renewals?, structure?))
        }
    });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <PageHeader title=t(Key::RenewalsTitle)>
            <p class="mandat-lead">{marked(t(Key::RenewalsIntro))}</p>
        </PageHeader>
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
                let link = action_words(r);
                let target = format!("#{}", heading_id(r.renewal_id));
                let id = r.renewal_id;
                let renewal = r.clone();
                view! {
                    <div data-testid="renewal-warning">
                        <Alert kind=AlertKind::Warning title=title>
                            <p>{marked(body)}</p>
                            <p>
                                <a
                                    href=target
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        saved.set(None);
                                        open.set(Some(id));
                                        focus_first_field(&renewal);
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
        <p class="mandat-visually-hidden" role="status" aria-live="polite" data-testid="renewal-saved-status">
            {move || saved.get()}
        </p>
        {move || saved.get().map(|text| view! {
            <Alert kind=AlertKind::Success title=text quiet=true testid="renewal-saved" />
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

/// The one name of the action that opens a renewal's editor, in its warning
/// and on its card: what it is for (giving the year's number when that is
/// missing), and the renewal's label for a screen reader, which may meet the
/// action out of its card.
fn action_words(renewal: &Renewal) -> impl IntoView {
    let words = if renewal.engagement_missing {
        fill(
            Key::RenewalGiveEngagement,
            &[("year", &renewal.budget_year().to_string())],
        )
    } else {
        t(Key::RenewalEdit).to_string()
    };
    let of = fill(Key::RenewalActionOf, &[("label", &renewal.label)]);
    view! {
        {marked(words)}
        <span class="mandat-visually-hidden">" " {of}</span>
    }
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
    let state_class = if renewal.engagement_missing {
        "mandat-order-state mandat-order-state--todo"
    } else {
        "mandat-order-state"
    };
    // Each term with its value, in boxes that wrap with the card's width and
    // the text's size: a long routing never pushes the card wider.
    let routing_view = match &renewal.routing {
        None => view! { <p>{t(Key::RenewalNotOnChorus)}</p> }.into_any(),
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
            let siret = mandat_model::siret::shown(&routing.siret);
            view! {
                <SummaryList testid="renewal-routing">
                    <SummaryRow term=t(Key::SiretLabel)>
                        <span class="mandat-nowrap">{siret}</span>
                    </SummaryRow>
                    <SummaryRow term=t(Key::CodeServiceLabel)>{code}</SummaryRow>
                    <SummaryRow term=t(Key::EngagementLabel)>
                        <span data-testid="renewal-engagement">{engagement}</span>
                        " "
                        <span class=state_class data-testid="renewal-engagement-state">{engagement_state}</span>
                    </SummaryRow>
                </SummaryList>
            }
            .into_any()
        }
    };
    let on_chorus = renewal.routing.is_some();
    let is_open = move || open.get() == Some(id);
    let editor_renewal = renewal.clone();
    let opened = renewal.clone();
    // The card's one action stands out while it waits for the buyer.
    let emphasis = if renewal.engagement_missing {
        Emphasis::Primary
    } else {
        Emphasis::Secondary
    };
    view! {
        <li class="mandat-renewal" data-testid="renewal" data-renewal=id.to_string()>
            <h2 id=heading.clone() tabindex="-1">{renewal.label.clone()}</h2>
            <p>{renewal.domain.clone()}</p>
            <SummaryList>
                <SummaryRow term=t(Key::RenewalNextDate) testid="renewal-next-date">
                    {day_view(renewal.next_renewal_date)}
                </SummaryRow>
                <SummaryRow term=t(Key::RenewalPeriod)>{period}</SummaryRow>
                <SummaryRow term=t(Key::RenewalAmount) testid="renewal-amount">{amount}</SummaryRow>
            </SummaryList>
            <h3>{t(Key::RenewalRouting)}</h3>
            {routing_view}
            {on_chorus.then(|| view! {
                <p hidden=is_open>
                    <button
                        type="button"
                        class=emphasis.class()
                        id=edit_button_id(id)
                        data-testid="renewal-edit"
                        on:click=move |_| {
                            saved.set(None);
                            open.set(Some(id));
                            focus_first_field(&opened);
                        }
                    >
                        {action_words(&renewal)}
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
