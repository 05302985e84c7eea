//! `/invoices` and `/invoices/:billId`: invoices and their Chorus Pro statuses.

mod detail;
mod documents;
mod labels;
mod list;
mod recycle;
mod timeline;

pub use detail::{InvoiceData, InvoiceDetail, InvoicePage, CHORUS_PRO_URL};
pub use documents::DocumentsPanel;
pub use labels::{actor_key, category_key, status_key, StatusBadge};
pub use list::{BillTable, InvoicesPage, FILTER_MEASURE};
pub use recycle::RecyclePanel;
pub use timeline::{Timeline, TIMELINE_MEASURE};
