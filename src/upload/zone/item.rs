//! One chosen file and where its sending stands: every field is a reactive
//! handle, so that an item is `Copy` and safe to move into callbacks and timers.

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use mandat_model::mandate::UploadKind;
use mandat_model::ApiError;

use super::super::xhr::Upload;
use crate::ui::Latest;

/// The result of the checks on a chosen file.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Check {
    Pending,
    Ok(UploadKind),
    Refused(String),
}

/// A file the user chose, as shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chosen {
    pub name: String,
    pub size: u64,
    pub check: Check,
}

/// Where the sending of a chosen file stands.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Phase {
    /// Not sending (a file ready to send).
    Idle,
    /// Attempt `attempt` of [`super::ATTEMPTS`] in flight.
    Sending { attempt: u32 },
    /// Attempt `next` starts in `seconds`.
    Waiting { next: u32, seconds: u64 },
    /// Stopped by the user; the file is kept.
    Cancelled,
    /// Stopped by an error; the file is kept.
    Failed(ApiError),
}

/// One chosen file and its sending.
#[derive(Clone, Copy)]
pub(super) struct Item {
    /// Tells the items of a zone apart in element ids.
    pub key: u32,
    pub chosen: RwSignal<Chosen>,
    pub file: StoredValue<web_sys::File, LocalStorage>,
    pub phase: RwSignal<Phase>,
    pub percent: RwSignal<u32>,
    pub last_step: StoredValue<Option<u32>>,
    /// The check, then each attempt, takes a ticket: a stop outdates them all,
    /// so that an earlier check, request or timer changes nothing.
    pub tries: Latest,
    pub inflight: StoredValue<Option<Upload>, LocalStorage>,
    pub timer: StoredValue<Option<TimeoutHandle>>,
}

impl Item {
    /// A file just chosen, its check pending; created under the caller's owner.
    pub fn new(key: u32, file: web_sys::File) -> Item {
        Item {
            key,
            chosen: RwSignal::new(Chosen {
                name: file.name(),
                size: file.size() as u64,
                check: Check::Pending,
            }),
            file: StoredValue::new_local(file),
            phase: RwSignal::new(Phase::Idle),
            percent: RwSignal::new(0),
            last_step: StoredValue::new(None),
            tries: Latest::new(),
            inflight: StoredValue::new_local(None),
            timer: StoredValue::new(None),
        }
    }

    pub fn busy(self) -> bool {
        matches!(
            self.phase.try_get_untracked(),
            Some(Phase::Sending { .. } | Phase::Waiting { .. })
        )
    }

    pub fn busy_tracked(self) -> bool {
        matches!(
            self.phase.get(),
            Phase::Sending { .. } | Phase::Waiting { .. }
        )
    }

    pub fn refused(self) -> bool {
        matches!(self.chosen.get().check, Check::Refused(_))
    }

    /// Checked and never tried, or stopped in a way that sending again may mend.
    pub fn ready(self) -> bool {
        matches!(self.chosen.get().check, Check::Ok(_))
            && match self.phase.get() {
                Phase::Idle | Phase::Cancelled => true,
                Phase::Failed(error) => error.may_succeed_again(),
                _ => false,
            }
    }

    /// Stops whatever is in flight or waiting, without touching the file.
    pub fn stop(self) {
        self.tries.forget();
        if let Some(handle) = self.timer.try_update_value(|t| t.take()).flatten() {
            handle.clear();
        }
        // Dropping the upload aborts the request.
        let _ = self.inflight.try_update_value(|u| u.take());
    }
}
