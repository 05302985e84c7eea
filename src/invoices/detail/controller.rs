//! The invoice page's state: the bill's tracking on Chorus Pro and its debt,
//! read again while they may change (the app's poller: backoff, not while the
//! tab is hidden, not after a final status), and the words that announce what
//! a refresh brought.

use leptos::prelude::*;
use mandat_model::billing::{Bill, ChorusTracking, Debt};
use mandat_model::chorus::{ChorusEvent, ChorusStatus};
use mandat_model::deadline::Deadline;
use mandat_model::documents::DocumentsState;
use mandat_model::locale::format_date_time;
use mandat_model::timeline::{keeps_changing, new_events, timeline, POLL_FIRST_MS};
use mandat_model::{ApiError, Locale};

use super::super::labels::{fill_in, status_key};
use crate::api::Api;
use crate::i18n::Key;
use crate::ui::{Load, Polled, Poller};

/// What the invoice page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceData {
    pub bill: Bill,
    /// Absent when the API could not say (the page still shows the rest).
    pub debt: Option<Debt>,
    /// Absent for a bill that does not go through Chorus Pro.
    pub tracking: Option<ChorusTracking>,
}

/// Reads the bill, its tracking (none off Chorus Pro) and its debt.
pub async fn load(api: Api, id: String) -> Result<InvoiceData, ApiError> {
    let bill: Bill = api.bill(&id).await?;
    let tracking = match api.bill_tracking(&id).await {
        Ok(tracking) => Some(tracking),
        Err(ApiError::NotFound) => None,
        Err(e) => return Err(e),
    };
    let debt = api.bill_debt(&id).await.ok();
    Ok(InvoiceData {
        bill,
        debt,
        tracking,
    })
}

/// The open invoice: what the views read. Copy: hand it to views and callbacks.
#[derive(Clone, Copy)]
pub struct Invoice {
    /// Its journey on Chorus Pro; none for a bill that does not go through it.
    pub tracking: RwSignal<Option<ChorusTracking>>,
    /// Its debt, read again whenever the tracking changes; the last one read
    /// stays when a read fails.
    pub debt: Memo<Option<Debt>>,
    /// The status on Chorus Pro, or the bill's own off Chorus Pro.
    pub status: Memo<Option<ChorusStatus>>,
    /// The deadline, values out of any plausible range as unknown; none off
    /// Chorus Pro.
    pub deadline: Memo<Option<Deadline>>,
    /// What the live region says of the latest refresh.
    pub announcement: RwSignal<String>,
    /// Where the answer to a suspension stands, as its panel read it.
    pub documents: RwSignal<Option<DocumentsState>>,
    /// Bumped when the tracking changed: the debt follows it (put in payment,
    /// rejected...).
    debt_reads: RwSignal<u32>,
    locale: Locale,
    live: Option<Poller>,
}

impl Invoice {
    /// Starts following `data`'s tracking, when it is on Chorus Pro.
    pub fn start(data: &InvoiceData, locale: Locale) -> Invoice {
        let api = Api::from_context();
        let on_chorus = data.tracking.is_some();
        let tracking = RwSignal::new(data.tracking.clone());
        let announcement = RwSignal::new(String::new());
        let debt_reads = RwSignal::new(0u32);
        let bill_id = data.bill.bill_id.clone();
        let fresh_debt = {
            let api = api.clone();
            Load::new(move || {
                let n = debt_reads.get();
                let (api, id) = (api.clone(), bill_id.clone());
                async move {
                    if n == 0 {
                        None
                    } else {
                        api.bill_debt(&id).await.ok()
                    }
                }
            })
        };
        let first_debt = data.debt.clone();
        let debt = Memo::new(move |shown: Option<&Option<Debt>>| {
            fresh_debt
                .get()
                .flatten()
                .or_else(|| shown.cloned().flatten())
                .or_else(|| first_debt.clone())
        });
        let bill_status = data.bill.chorus_status;
        let status = Memo::new(move |_| {
            if on_chorus {
                tracking.with(|t| t.as_ref().and_then(|t| t.status))
            } else {
                bill_status
            }
        });
        let deadline = Memo::new(move |_| {
            tracking.with(|t| {
                t.as_ref().map(|t| {
                    t.deadline
                        .clone()
                        .map_or(Deadline::Unknown, Deadline::checked)
                })
            })
        });
        let mut invoice = Invoice {
            tracking,
            debt,
            status,
            deadline,
            announcement,
            documents: RwSignal::new(None),
            debt_reads,
            locale,
            live: None,
        };
        if on_chorus {
            let bill_id = data.bill.bill_id.clone();
            let read = move || {
                let (api, id) = (api.clone(), bill_id.clone());
                async move { api.bill_tracking(&id).await }
            };
            let apply = move |answer: Result<ChorusTracking, ApiError>| match answer {
                Ok(fresh) => invoice.take(fresh),
                Err(_) => Polled::Nothing,
            };
            let poller = Poller::new(POLL_FIRST_MS, read, apply);
            if keeps_changing(status.get_untracked()) {
                poller.schedule();
            }
            invoice.live = Some(poller);
        }
        invoice
    }

    /// Whether the bill goes through Chorus Pro.
    pub fn on_chorus(self) -> bool {
        self.live.is_some()
    }

    /// Reads the tracking now: the page did something that shows there soon
    /// (documents sent).
    pub fn refresh_now(self) {
        if let Some(poller) = self.live {
            poller.now();
        }
    }

    /// Shows a tracking the API gave in answer to the page's own request (a
    /// read under way is older), then follows it as after news.
    pub fn apply(self, fresh: ChorusTracking) {
        let Some(poller) = self.live else { return };
        poller.stop();
        if self.take(fresh) != Polled::Done {
            poller.restart();
        }
    }

    /// Shows `fresh`, has the debt read again when it changed, announces its
    /// new events; what the poller does next.
    fn take(self, fresh: ChorusTracking) -> Polled {
        let before = self
            .tracking
            .try_with_untracked(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
            .unwrap_or_default();
        let news = new_events(&before, &fresh.history);
        let status = fresh.status;
        let changed = self
            .tracking
            .try_with_untracked(|t| t.as_ref() != Some(&fresh))
            .unwrap_or(false);
        if changed {
            self.tracking.try_set(Some(fresh));
            self.debt_reads.try_update(|n| *n += 1);
        }
        if !news.is_empty() {
            self.announcement.try_set(announce(&news, self.locale));
        }
        if !keeps_changing(status) {
            Polled::Done
        } else if news.is_empty() {
            Polled::Nothing
        } else {
            Polled::News
        }
    }
}

/// The words for what a refresh brought, for the live region.
fn announce(news: &[ChorusEvent], locale: Locale) -> String {
    timeline(news)
        .iter()
        .map(|e| {
            fill_in(
                locale,
                Key::InvLiveNew,
                &[
                    ("status", status_key(e.status).text(locale)),
                    (
                        "date",
                        &format_date_time(e.date, locale)
                            .unwrap_or_else(|| Key::DateUnknown.text(locale).to_string()),
                    ),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
