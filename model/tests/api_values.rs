//! Whatever values the API sends (dates over chrono's whole range, huge and
//! negative amounts, NaN and infinite prices, any sizes, counts, pages, links
//! and `Retry-After`), every rule the views apply to them answers, never
//! panics, and says "unknown" rather than a figure the value does not hold.
//! The release build aborts on a panic: in the host's control panel, the whole
//! app would be gone.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use mandat_model::billing::{debt_status, Bill, BillCategory, ChorusTracking};
use mandat_model::checkout::{routing_needs, selectable_services};
use mandat_model::chorus::{
    current_status, ChorusActor, ChorusEvent, ChorusService, ChorusStatus, ChorusStructure,
};
use mandat_model::deadline::{Deadline, Interruption};
use mandat_model::late_payment::LateInterest;
use mandat_model::locale::{
    format_count, format_date, format_date_time, format_day, format_euros, format_rate,
    format_size, iso_day, paris_day, paris_iso, to_paris, SHOWN_YEARS,
};
use mandat_model::mandate::{Mandate, MandateDocument, MandateState};
use mandat_model::retry::{retry_delay_ms, Answer, MAX_RETRY_AFTER_MS};
use mandat_model::timeline::{
    keeps_changing, new_events, next_step, page_count, page_position, poll_delay_ms, timeline,
    POLL_FIRST_MS, POLL_MAX_MS,
};
use mandat_model::url::resolve_api_url;
use mandat_model::{Locale, Order, OrderDetail, Price, PLAUSIBLE_CENTS};
use proptest::prelude::*;

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- values

/// Any instant chrono can hold, its two ends and the four-digit edges often.
fn instant() -> BoxedStrategy<DateTime<Utc>> {
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp(),
    );
    let edge = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    prop_oneof![
        Just(DateTime::<Utc>::MAX_UTC),
        Just(DateTime::<Utc>::MIN_UTC),
        Just(edge("9999-12-31T22:59:59Z")),
        Just(edge("9999-12-31T23:00:00Z")),
        Just(edge("0000-12-31T22:59:59Z")),
        Just(edge("0000-12-31T23:00:00Z")),
        (min..=max, 0u32..1_000_000_000).prop_map(|(s, n)| Utc.timestamp_opt(s, n).unwrap()),
        // Around now, where the summer-time switches are.
        (1_700_000_000i64..1_900_000_000).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap()),
    ]
    .boxed()
}

/// Any calendar day chrono can hold.
fn day() -> BoxedStrategy<NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MAX),
        Just(NaiveDate::MIN),
        any::<i32>()
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MAX)),
        (0i32..80_000).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(730_000 + n).unwrap()),
    ]
    .boxed()
}

fn float() -> BoxedStrategy<f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(-0.0),
        Just(1e12),
        Just(1e12 + 0.01),
        Just(92_233_720_368_547_758.07),
        any::<f64>(),
        -1e7f64..1e7,
    ]
    .boxed()
}

fn price() -> BoxedStrategy<Price> {
    (
        prop_oneof![
            Just("EUR".to_string()),
            Just("USD".to_string()),
            any::<String>()
        ],
        float(),
        any::<String>(),
    )
        .prop_map(|(currency_code, value, text)| Price {
            currency_code,
            value,
            text,
        })
        .boxed()
}

fn status() -> BoxedStrategy<ChorusStatus> {
    (0usize..13)
        .prop_map(|i| {
            ChorusStatus::ALL
                .into_iter()
                .chain([ChorusStatus::Unknown])
                .nth(i)
                .unwrap()
        })
        .boxed()
}

fn event() -> BoxedStrategy<ChorusEvent> {
    (
        status(),
        instant(),
        any::<bool>(),
        proptest::option::of(any::<String>()),
    )
        .prop_map(|(status, date, unknown_actor, reason)| ChorusEvent {
            status,
            date,
            actor: if unknown_actor {
                ChorusActor::Unknown
            } else {
                status.actor()
            },
            reason,
        })
        .boxed()
}

fn history() -> BoxedStrategy<Vec<ChorusEvent>> {
    proptest::collection::vec(event(), 0..10).boxed()
}

fn interruption() -> BoxedStrategy<Interruption> {
    (
        day(),
        any::<i64>(),
        any::<i64>(),
        proptest::option::of(day()),
    )
        .prop_map(|(since, balance_days, new_days, resumed_on)| Interruption {
            since,
            balance_days,
            new_days,
            resumed_on,
        })
        .boxed()
}

fn interest() -> BoxedStrategy<LateInterest> {
    (
        any::<i64>(),
        day(),
        day(),
        any::<u32>(),
        any::<u32>(),
        (any::<i64>(), any::<i64>(), any::<i64>()),
    )
        .prop_map(
            |(days_late, half_year, rate_from, ecb_rate_bp, annual_rate_bp, cents)| LateInterest {
                days_late,
                half_year,
                rate_from,
                ecb_rate_bp,
                annual_rate_bp,
                amount_cents: cents.0,
                interest_cents: cents.1,
                indemnity_cents: cents.2,
            },
        )
        .boxed()
}

/// Any deadline the API could send, each field anything.
fn deadline() -> BoxedStrategy<Deadline> {
    let days = || prop_oneof![any::<i64>(), 0i64..400];
    prop_oneof![
        any::<bool>().prop_map(|after_recycling| Deadline::NotStarted { after_recycling }),
        (
            day(),
            days(),
            proptest::option::of(interruption()),
            day(),
            days()
        )
            .prop_map(|(start_date, days, interruption, due_date, days_left)| {
                Deadline::Running {
                    start_date,
                    days,
                    interruption,
                    due_date,
                    days_left,
                }
            }),
        (day(), days(), interruption()).prop_map(|(start_date, days, interruption)| {
            Deadline::Interrupted {
                start_date,
                days,
                interruption,
            }
        }),
        (
            day(),
            days(),
            proptest::option::of(interruption()),
            day(),
            days(),
            proptest::option::of(interest()),
        )
            .prop_map(
                |(start_date, days, interruption, due_date, days_late, interest)| {
                    Deadline::Overdue {
                        start_date,
                        days,
                        interruption,
                        due_date,
                        days_late,
                        interest,
                    }
                }
            ),
        (day(), day()).prop_map(|(due_date, paid_on)| Deadline::PaidOnTime { due_date, paid_on }),
        (
            day(),
            day(),
            days(),
            proptest::option::of(interest()),
            day()
        )
            .prop_map(|(due_date, paid_on, days_late, interest, pay_by)| {
                Deadline::PaidLate {
                    due_date,
                    paid_on,
                    days_late,
                    interest,
                    pay_by,
                }
            }),
        Just(Deadline::Void),
        (day(), days(), proptest::option::of(interruption()), day()).prop_map(
            |(start_date, days, interruption, due_date)| Deadline::PaymentNotReported {
                start_date,
                days,
                interruption,
                due_date,
            }
        ),
        Just(Deadline::Unknown),
    ]
    .boxed()
}

/// An address as the API might write one.
fn api_url() -> BoxedStrategy<String> {
    prop_oneof![
        Just("/api/me/bill/FR1000001/pdf".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("//evil.example/x".to_string()),
        "(https?|javascript|data|HTTPS|JavaScript)?:?(//)?(billing\\.example|evil\\.example|127\\.0\\.0\\.1)?(:[0-9]{0,6})?(@evil\\.example)?[/\\\\]?[a-z/.?#]{0,12}",
        any::<String>(),
    ]
    .boxed()
}

fn bill() -> BoxedStrategy<Bill> {
    (
        any::<String>(),
        instant(),
        any::<u64>(),
        (price(), price(), price()),
        api_url(),
        proptest::option::of(status()),
        proptest::option::of(day()),
        proptest::option::of(deadline()),
    )
        .prop_map(
            |(bill_id, date, order_id, prices, pdf_url, chorus_status, due_date, deadline)| Bill {
                bill_id,
                date,
                order_id,
                category: BillCategory::Other,
                price_without_tax: prices.0,
                tax: prices.1,
                price_with_tax: prices.2,
                pdf_url,
                chorus_status,
                due_date,
                deadline,
            },
        )
        .boxed()
}

fn tracking() -> BoxedStrategy<ChorusTracking> {
    (
        proptest::option::of(status()),
        history(),
        proptest::option::of(deadline()),
        any::<bool>(),
    )
        .prop_map(|(status, history, deadline, not_reported)| ChorusTracking {
            bill_id: "FR1".into(),
            chorus_invoice_id: "CPP1".into(),
            siret: String::new(),
            structure_name: String::new(),
            code_service: String::new(),
            numero_engagement: String::new(),
            status,
            history,
            deadline,
            statut_mise_en_paiement_nest_pas_remonte: not_reported,
        })
        .boxed()
}

fn mandate() -> BoxedStrategy<Mandate> {
    let state = prop_oneof![
        Just(MandateState::AwaitingDocument),
        Just(MandateState::UnderReview),
        Just(MandateState::Accepted),
        Just(MandateState::Rejected),
        Just(MandateState::Unknown),
    ];
    let document =
        (any::<String>(), any::<u64>(), instant()).prop_map(|(name, size, at)| MandateDocument {
            name,
            size,
            content_type: "application/pdf".into(),
            uploaded_at: at,
        });
    (
        any::<u64>(),
        state,
        api_url(),
        api_url(),
        proptest::option::of(document),
    )
        .prop_map(
            |(order_id, state, form_url, upload_url, document)| Mandate {
                order_id,
                state,
                siret: String::new(),
                structure_name: String::new(),
                code_service: String::new(),
                numero_engagement: String::new(),
                form_url,
                upload_url,
                document,
                rejection_reason: None,
                bill_id: None,
            },
        )
        .boxed()
}

fn order() -> BoxedStrategy<(Order, OrderDetail)> {
    (
        any::<u64>(),
        instant(),
        instant(),
        (price(), price(), price(), price(), price()),
        any::<u32>(),
    )
        .prop_map(|(order_id, date, expiration_date, p, quantity)| {
            (
                Order {
                    order_id,
                    date,
                    expiration_date,
                    price_without_tax: p.0,
                    tax: p.1,
                    price_with_tax: p.2,
                },
                OrderDetail {
                    order_detail_id: order_id,
                    description: String::new(),
                    domain: String::new(),
                    quantity,
                    unit_price: p.3,
                    total_price: p.4,
                },
            )
        })
        .boxed()
}

// ---------------------------------------------------------------- what the views call

/// What the views show of an instant: its date, date and time, and
/// `<time datetime>`, all three or none.
fn shown_instant(instant: DateTime<Utc>) -> Result<(), TestCaseError> {
    let _ = paris_day(instant);
    let shown = to_paris(instant);
    for locale in [Locale::Fr, Locale::En] {
        prop_assert_eq!(format_date(instant, locale).is_some(), shown.is_some());
        prop_assert_eq!(format_date_time(instant, locale).is_some(), shown.is_some());
    }
    let iso = paris_iso(instant);
    prop_assert_eq!(iso.is_some(), shown.is_some());
    if let (Some(local), Some(iso)) = (shown, iso) {
        prop_assert!(SHOWN_YEARS.contains(&local.year()));
        // What `<time datetime>` says is the very instant, to the second.
        let back = DateTime::parse_from_rfc3339(&iso)
            .map_err(|e| TestCaseError::fail(format!("{iso}: {e}")))?;
        prop_assert_eq!(back.timestamp(), instant.timestamp(), "{}", iso);
    }
    Ok(())
}

/// What the views show of a price: a euro figure whose digits are its cents,
/// or unknown.
fn shown_price(price: &Price) -> Result<(), TestCaseError> {
    match price.checked_cents() {
        Some(cents) => {
            prop_assert!(price.value.is_finite());
            prop_assert_eq!(price.currency_code.as_str(), "EUR");
            prop_assert!(cents.abs() <= PLAUSIBLE_CENTS);
            prop_assert!(
                (cents as f64 - price.value * 100.0).abs() <= 0.5 + 1e-6 * cents.abs() as f64
            );
            for locale in [Locale::Fr, Locale::En] {
                let text = format_euros(cents, locale);
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let figure = cents.unsigned_abs().to_string();
                prop_assert_eq!(
                    digits.trim_start_matches('0'),
                    figure.trim_start_matches('0')
                );
            }
        }
        None => prop_assert!(
            !price.value.is_finite()
                || price.currency_code != "EUR"
                || (price.value * 100.0).round().abs() > PLAUSIBLE_CENTS as f64
        ),
    }
    Ok(())
}

/// What the views show of a deadline: only once checked, every day of it in
/// the plausible years, every count in range.
fn shown_deadline(deadline: &Deadline) -> Result<(), TestCaseError> {
    let checked = deadline.clone().checked();
    prop_assert_eq!(checked.clone().checked(), checked.clone());
    let _ = debt_status(&checked);
    let _ = checked.code();
    for locale in [Locale::Fr, Locale::En] {
        if let Some(due) = checked.due_date() {
            prop_assert!((2000..=2199).contains(&due.year()));
            let _ = (format_day(due, locale), iso_day(due));
        }
        if let Some(interest) = checked.late_interest() {
            let total = interest.total_cents();
            prop_assert!(total.is_some());
            let _ = format_euros(total.unwrap_or_default(), locale);
            let _ = format_euros(interest.interest_cents, locale);
            let _ = format_rate(interest.ecb_rate_bp, locale);
            let _ = format_rate(interest.annual_rate_bp, locale);
            let _ = format_day(interest.half_year, locale);
            let _ = interest.rate_is_last_known();
        }
    }
    // The raw state too: formatting any day never panics.
    if let Some(due) = deadline.due_date() {
        let _ = (format_day(due, Locale::Fr), iso_day(due));
    }
    Ok(())
}

/// An address the views would render or send to: only on the API's origin.
fn shown_url(url: &str) -> Result<(), TestCaseError> {
    for (base, origin) in [
        ("/api", "http://127.0.0.1:8080"),
        ("https://billing.example/api", "https://billing.example"),
    ] {
        if let Ok(resolved) = resolve_api_url(base, "http://127.0.0.1:8080", url) {
            let rest = resolved.strip_prefix(origin);
            prop_assert!(
                rest.is_some_and(|r| r.is_empty() || r.starts_with(['/', '?', '#'])),
                "{:?} → {}",
                url,
                resolved
            );
            prop_assert!(!resolved
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn any_instant_is_shown_or_unknown(instant in instant()) {
        shown_instant(instant)?;
    }

    #[test]
    fn any_day_formats(day in day()) {
        for locale in [Locale::Fr, Locale::En] {
            let _ = format_day(day, locale);
        }
        let _ = iso_day(day);
    }

    #[test]
    fn any_price_is_a_figure_it_holds_or_unknown(price in price()) {
        shown_price(&price)?;
    }

    #[test]
    fn any_count_size_and_rate_formats(n in any::<u64>(), bp in any::<u32>()) {
        for locale in [Locale::Fr, Locale::En] {
            let count = format_count(n, locale);
            let digits: String = count.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits, n.to_string());
            // The size shown is the size, to the tenth of its unit.
            let size = format_size(n, locale);
            let (figure, unit) = size.split_once('\u{a0}').unwrap_or_default();
            let divisor = match unit {
                "octets" | "bytes" => 1.0,
                "Ko" | "KB" => 1024.0,
                "Mo" | "MB" => 1024.0 * 1024.0,
                _ => return Err(TestCaseError::fail(format!("unit of {size}"))),
            };
            let figure: f64 = figure.replace(',', ".").parse().unwrap_or(f64::NAN);
            let exact = n as f64 / divisor;
            prop_assert!((figure - exact).abs() <= 0.05 + exact * 1e-12, "{} for {} bytes", size, n);
            let rate = format_rate(bp, locale);
            prop_assert_eq!(rate.len(), (bp / 100).to_string().len() + 3);
        }
        let _ = format_euros(n as i64, Locale::Fr);
    }

    #[test]
    fn any_deadline_is_shown_checked(deadline in deadline()) {
        shown_deadline(&deadline)?;
    }

    #[test]
    fn any_url_is_resolved_on_the_api_origin_or_refused(url in api_url()) {
        shown_url(&url)?;
    }
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn any_bill_renders(bill in bill()) {
        shown_instant(bill.date)?;
        shown_price(&bill.price_without_tax)?;
        shown_price(&bill.tax)?;
        shown_price(&bill.price_with_tax)?;
        shown_url(&bill.pdf_url)?;
        let _ = next_step(bill.chorus_status, false, bill.deadline.as_ref());
        if let Some(deadline) = &bill.deadline {
            shown_deadline(deadline)?;
        }
        if let Some(day) = bill.due_date {
            let _ = format_day(day, Locale::En);
        }
    }

    #[test]
    fn any_tracking_renders_and_polls(
        tracking in tracking(),
        later in history(),
        quiet in any::<u32>(),
    ) {
        let history = &tracking.history;
        let shown = timeline(history);
        prop_assert_eq!(shown.len(), history.len());
        prop_assert!(shown.windows(2).all(|w| w[0].date <= w[1].date));
        for event in &shown {
            shown_instant(event.date)?;
            prop_assert!(history.contains(event));
        }
        let _ = current_status(history);
        let _ = next_step(
            tracking.status,
            tracking.statut_mise_en_paiement_nest_pas_remonte,
            tracking.deadline.as_ref(),
        );
        let _ = keeps_changing(tracking.status);
        if let Some(deadline) = &tracking.deadline {
            shown_deadline(deadline)?;
        }
        // A refresh: what it brings is among the new list, never more than it.
        let mut after = history.clone();
        after.extend(later.iter().cloned());
        let news = new_events(history, &after);
        prop_assert_eq!(news.len(), later.len());
        prop_assert!(new_events(&after, &after).is_empty());
        prop_assert!(new_events(&after, history).is_empty());
        let _ = new_events(&later, history);
        let delay = poll_delay_ms(quiet);
        prop_assert!((POLL_FIRST_MS..=POLL_MAX_MS).contains(&delay));
    }

    #[test]
    fn any_mandate_renders(mandate in mandate()) {
        let _ = mandate.state.accepts_upload();
        shown_url(&mandate.form_url)?;
        shown_url(&mandate.upload_url)?;
        if let Some(document) = &mandate.document {
            shown_instant(document.uploaded_at)?;
            for locale in [Locale::Fr, Locale::En] {
                let _ = format_size(document.size, locale);
            }
        }
    }

    #[test]
    fn any_order_renders((order, line) in order()) {
        shown_instant(order.date)?;
        shown_instant(order.expiration_date)?;
        for price in [&order.price_without_tax, &order.tax, &order.price_with_tax, &line.unit_price, &line.total_price] {
            shown_price(price)?;
        }
    }

    #[test]
    fn any_page_of_bills_has_a_page_to_show(page in any::<u32>(), total in any::<u64>(), size in any::<u32>()) {
        let pages = page_count(total, size);
        let at = page_position(page, total, size);
        prop_assert_eq!(at.pages, pages);
        prop_assert!((1..=pages).contains(&at.current));
        prop_assert_eq!(at.previous, (at.current > 1).then(|| at.current - 1));
        prop_assert_eq!(at.next, (at.current < pages).then(|| at.current + 1));
    }

    #[test]
    fn any_structure_gives_routing_needs(
        flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<u32>()),
        services in proptest::collection::vec((any::<String>(), any::<bool>(), any::<bool>()), 0..6),
        chosen in any::<String>(),
    ) {
        let structure = ChorusStructure {
            siret: String::new(),
            name: String::new(),
            code_service_doit_etre_renseigne: flags.0,
            numero_ej_doit_etre_renseigne: flags.1,
            gestion_numero_ej_ou_code_service: flags.2,
            services: services
                .into_iter()
                .map(|(code, active, ej)| ChorusService {
                    label: code.clone(),
                    code,
                    active,
                    numero_ej_doit_etre_renseigne: ej,
                })
                .collect(),
            payment_deadline_days: flags.3,
            statut_mise_en_paiement_nest_pas_remonte: false,
        };
        prop_assert!(selectable_services(&structure).iter().all(|s| s.active));
        let _ = routing_needs(&structure, &chosen);
    }

    #[test]
    fn any_retry_after_waits_the_schedule_at_least_and_the_cap_at_most(
        status in prop_oneof![Just(None), Just(Some(503u16)), Just(Some(429)), any::<u16>().prop_map(Some)],
        retry_after in proptest::option::of(prop_oneof![
            any::<String>(),
            "[0-9]{1,30}",
            "(Mon|Tue|Sun), [0-9]{2} (Jan|Mar|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
        ]),
        now in instant(),
        retries in 0usize..5,
    ) {
        let schedule = [400u64, 1_200, 4_000];
        let answer = Answer { status, retry_after };
        match retry_delay_ms(&schedule, retries, &answer, now) {
            Some(wait) => {
                prop_assert!(wait >= schedule[retries]);
                prop_assert!(wait <= schedule[retries].max(MAX_RETRY_AFTER_MS));
                if !matches!(status, Some(429 | 503)) {
                    prop_assert_eq!(wait, schedule[retries]);
                }
            }
            None => prop_assert!(retries >= schedule.len()),
        }
    }
}
