//! The account's to-do list on `/`: everything that waits for the buyer, orders,
//! invoices and renewals together, each with the one page where it is done,
//! the most urgent first.
//!
//! What waits, and the date that matters:
//! - an order to pay, or whose signed mandate is to be sent (again after a
//!   refusal): its expiry date ([`crate::orders::order_todo`] says which);
//! - an invoice whose next step is the buyer's ([`crate::timeline::next_step`]):
//!   suspended (documents to send, unless they were sent and are being added),
//!   à recycler (its routing to correct), paid late (interest and indemnity owed,
//!   by the deadline's `pay_by`, 45 days after the payment: R2192-36);
//! - a renewal missing its numéro d'engagement
//!   ([`crate::renewal::engagements_to_give`]): its renewal date.
//!
//! Order: by date, soonest first; what is already past its date comes first.
//! A suspended invoice or one à recycler has no date of its own (no deadline
//! runs while it waits, R2192-27 and R2192-29), yet it holds the invoice's
//! payment up now: it counts as due today, after what is already late and
//! before what falls due later. On the same day, by kind (the order of
//! [`TodoKind`]), then by subject.

use chrono::NaiveDate;

use crate::api::Order;
use crate::billing::Bill;
use crate::chorus::ChorusStatus;
use crate::deadline::Deadline;
use crate::locale::paris_day;
use crate::orders::OrderTodo;
use crate::renewal::{engagements_to_give, Renewal};
use crate::timeline::{next_step, with_query, NextStep};
use crate::url::encode_component;

/// The Chorus Pro statuses of the invoices that can wait for the buyer:
/// suspended, à recycler, and put in payment (late, interest is owed; once put
/// in payment, later optional steps leave the status there, see
/// [`crate::chorus::current_status`]).
pub const BILL_STATUSES: [ChorusStatus; 3] = [
    ChorusStatus::Suspendue,
    ChorusStatus::ARecycler,
    ChorusStatus::MiseEnPaiement,
];

/// The largest page `GET /me/bill` gives: most accounts need one request.
pub const BILL_PAGE_SIZE: u32 = 1000;

/// `GET /me/bill?...`: page `page` of the invoices that can wait for the buyer.
pub fn bills_path(page: u32) -> String {
    let statuses: Vec<&str> = BILL_STATUSES.iter().map(|s| s.code()).collect();
    with_query(
        "/me/bill",
        [
            ("chorusStatus", statuses.join(",")),
            ("page", page.to_string()),
            ("pageSize", BILL_PAGE_SIZE.to_string()),
        ]
        .into_iter(),
    )
}

/// What is to be done. Declared in the order that breaks ties on the same day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TodoKind {
    /// The mandate was refused: a new signed copy is to be sent.
    SendNewMandate,
    /// The signed mandate is to be sent.
    SendMandate,
    /// The order is to be paid.
    PayOrder,
    /// The invoice is suspended: the documents asked for are to be sent.
    SendDocuments,
    /// The invoice is à recycler: its routing is to be corrected.
    CorrectRouting,
    /// The invoice was paid late: interest and the indemnity are owed.
    PayLateInterest,
    /// The renewal needs the numéro d'engagement of its budget year.
    GiveEngagement,
}

impl TodoKind {
    /// A stable code, for tests and styles.
    pub fn code(self) -> &'static str {
        match self {
            TodoKind::SendNewMandate => "send-new-mandate",
            TodoKind::SendMandate => "send-mandate",
            TodoKind::PayOrder => "pay-order",
            TodoKind::SendDocuments => "send-documents",
            TodoKind::CorrectRouting => "correct-routing",
            TodoKind::PayLateInterest => "pay-late-interest",
            TodoKind::GiveEngagement => "give-engagement",
        }
    }
}

/// What an entry is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TodoSubject {
    Order(u64),
    Bill(String),
    Renewal {
        renewal_id: u64,
        label: String,
        /// The budget year whose numéro d'engagement is missing.
        budget_year: i32,
    },
}

impl TodoSubject {
    /// The order number, bill id or renewal id, as the entry names it.
    pub fn id(&self) -> String {
        match self {
            TodoSubject::Order(id) => id.to_string(),
            TodoSubject::Bill(id) => id.clone(),
            TodoSubject::Renewal { renewal_id, .. } => renewal_id.to_string(),
        }
    }
}

/// One thing waiting for the buyer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Todo {
    pub kind: TodoKind,
    pub subject: TodoSubject,
    /// The date that matters (a Paris day): the order's expiry, the renewal's
    /// date, the day interest must be paid by; none for a suspended invoice or
    /// one à recycler.
    pub date: Option<NaiveDate>,
    /// In cents: the order's total, or the interest plus the indemnity; none
    /// where no amount applies or it is not known.
    pub amount_cents: Option<i64>,
    /// The app's page where it is done.
    pub path: String,
}

impl Todo {
    /// The day it counts as due for the list's order: its date, or `today`.
    fn due(&self, today: NaiveDate) -> NaiveDate {
        self.date.unwrap_or(today)
    }
}

/// The account's to-do list, the most urgent first (see the module's doc).
///
/// - `orders`: each order with where it stands (`order_todo` on the same day);
/// - `bills`: the invoices as `GET /me/bill` gives them (others are ignored);
/// - `documents_sent`: the ids of suspended invoices whose documents the buyer
///   has already sent (they stay `SUSPENDUE` until the provider adds them);
/// - `renewals`: the account's renewals;
/// - `today`: today's Paris date.
pub fn todo_list<'a>(
    orders: impl IntoIterator<Item = (&'a Order, OrderTodo)>,
    bills: &[Bill],
    documents_sent: &[String],
    renewals: &[Renewal],
    today: NaiveDate,
) -> Vec<Todo> {
    let mut list: Vec<Todo> = orders.into_iter().filter_map(order_todo).collect();
    list.extend(
        bills
            .iter()
            .filter_map(|bill| bill_todo(bill, documents_sent)),
    );
    list.extend(engagements_to_give(renewals).into_iter().map(renewal_todo));
    list.sort_by(|a, b| {
        (a.due(today), a.kind, &a.subject).cmp(&(b.due(today), b.kind, &b.subject))
    });
    list
}

fn order_todo((order, todo): (&Order, OrderTodo)) -> Option<Todo> {
    let id = order.order_id;
    let (kind, page) = match todo {
        OrderTodo::Pay => (TodoKind::PayOrder, "checkout"),
        OrderTodo::SendMandate => (TodoKind::SendMandate, "mandate"),
        OrderTodo::SendNewMandate => (TodoKind::SendNewMandate, "mandate"),
        _ => return None,
    };
    Some(Todo {
        kind,
        subject: TodoSubject::Order(id),
        date: Some(paris_day(order.expiration_date)),
        amount_cents: order.price_with_tax.checked_cents(),
        path: format!("/orders/{id}/{page}"),
    })
}

fn bill_todo(bill: &Bill, documents_sent: &[String]) -> Option<Todo> {
    // As the invoice list shows it: figures out of any plausible range are unknown.
    let deadline = bill.deadline.clone().map(Deadline::checked);
    let (kind, date, amount_cents) = match next_step(bill.chorus_status, false, deadline.as_ref()) {
        NextStep::SendDocuments if documents_sent.contains(&bill.bill_id) => return None,
        NextStep::SendDocuments => (TodoKind::SendDocuments, None, None),
        NextStep::CorrectRouting => (TodoKind::CorrectRouting, None, None),
        NextStep::PayLateInterest => {
            let Some(Deadline::PaidLate {
                pay_by, interest, ..
            }) = &deadline
            else {
                return None;
            };
            let owed = interest.as_ref().and_then(|i| i.total_cents());
            (TodoKind::PayLateInterest, Some(*pay_by), owed)
        }
        _ => return None,
    };
    Some(Todo {
        kind,
        subject: TodoSubject::Bill(bill.bill_id.clone()),
        date,
        amount_cents,
        path: format!("/invoices/{}", encode_component(&bill.bill_id)),
    })
}

fn renewal_todo(renewal: &Renewal) -> Todo {
    Todo {
        kind: TodoKind::GiveEngagement,
        subject: TodoSubject::Renewal {
            renewal_id: renewal.renewal_id,
            label: renewal.label.clone(),
            budget_year: renewal.budget_year(),
        },
        date: Some(renewal.next_renewal_date),
        amount_cents: None,
        path: "/renewals".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Price;
    use crate::billing::BillCategory;
    use crate::late_payment::late_interest;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn order(id: u64, expires: &str, cents: i64) -> Order {
        Order {
            order_id: id,
            date: "2026-11-02T09:00:00Z".parse().unwrap(),
            expiration_date: expires.parse().unwrap(),
            price_without_tax: Price::eur(cents * 5 / 6),
            tax: Price::eur(cents / 6),
            price_with_tax: Price::eur(cents),
        }
    }

    fn bill(id: &str, status: Option<ChorusStatus>, deadline: Option<Deadline>) -> Bill {
        Bill {
            bill_id: id.into(),
            date: "2026-10-01T09:00:00Z".parse().unwrap(),
            order_id: 1001,
            category: BillCategory::Purchase,
            price_without_tax: Price::eur(100_000),
            tax: Price::eur(20_000),
            price_with_tax: Price::eur(120_000),
            pdf_url: String::new(),
            chorus_status: status,
            due_date: deadline.as_ref().and_then(Deadline::due_date),
            deadline,
        }
    }

    /// Due 1 April 2026, put in payment 21 April: 20 days late on 1 200 €.
    fn paid_late() -> Deadline {
        Deadline::PaidLate {
            due_date: day("2026-04-01"),
            paid_on: day("2026-04-21"),
            days_late: 20,
            interest: late_interest(120_000, day("2026-04-01"), day("2026-04-21")),
            pay_by: day("2026-06-05"),
        }
    }

    fn renewal(id: u64, next: &str, missing: bool) -> Renewal {
        Renewal {
            renewal_id: id,
            label: format!("Serveur {id}"),
            domain: "ns1.example.fr".into(),
            next_renewal_date: day(next),
            period_months: 12,
            price_without_tax: Price::eur(10_000),
            tax: Price::eur(2_000),
            price_with_tax: Price::eur(12_000),
            routing: None,
            engagement_budget_year: None,
            engagement_required: missing,
            engagement_missing: missing,
        }
    }

    const TODAY: &str = "2026-05-20";

    fn one(todo: &Todo) -> (TodoKind, String, Option<NaiveDate>, Option<i64>, &str) {
        (
            todo.kind,
            todo.subject.id(),
            todo.date,
            todo.amount_cents,
            todo.path.as_str(),
        )
    }

    #[test]
    fn each_kind_has_its_date_amount_and_page() {
        use ChorusStatus::*;
        let expires = "2026-06-14T08:00:00Z";
        let o = |id, todo| (order(id, expires, 12_000), todo);
        let b = |id: &str, status, deadline| bill(id, Some(status), deadline);
        for (orders, bills, renewals, expected) in [
            (
                vec![o(1001, OrderTodo::Pay)],
                vec![],
                vec![],
                (
                    TodoKind::PayOrder,
                    "1001",
                    Some("2026-06-14"),
                    Some(12_000),
                    "/orders/1001/checkout",
                ),
            ),
            (
                vec![o(1003, OrderTodo::SendMandate)],
                vec![],
                vec![],
                (
                    TodoKind::SendMandate,
                    "1003",
                    Some("2026-06-14"),
                    Some(12_000),
                    "/orders/1003/mandate",
                ),
            ),
            (
                vec![o(1004, OrderTodo::SendNewMandate)],
                vec![],
                vec![],
                (
                    TodoKind::SendNewMandate,
                    "1004",
                    Some("2026-06-14"),
                    Some(12_000),
                    "/orders/1004/mandate",
                ),
            ),
            (
                vec![],
                vec![b("FR1000003", Suspendue, None)],
                vec![],
                (
                    TodoKind::SendDocuments,
                    "FR1000003",
                    None,
                    None,
                    "/invoices/FR1000003",
                ),
            ),
            (
                vec![],
                vec![b(
                    "FR1000004",
                    ARecycler,
                    Some(Deadline::NotStarted {
                        after_recycling: true,
                    }),
                )],
                vec![],
                (
                    TodoKind::CorrectRouting,
                    "FR1000004",
                    None,
                    None,
                    "/invoices/FR1000004",
                ),
            ),
            (
                // 1 200 € × 10.15 % × 20 / 365 = 6.67 €, plus 40 €; within 45 days of 21 April.
                vec![],
                vec![b("FR1000012", MiseEnPaiement, Some(paid_late()))],
                vec![],
                (
                    TodoKind::PayLateInterest,
                    "FR1000012",
                    Some("2026-06-05"),
                    Some(4_667),
                    "/invoices/FR1000012",
                ),
            ),
            (
                vec![],
                vec![],
                vec![renewal(7, "2027-01-15", true)],
                (
                    TodoKind::GiveEngagement,
                    "7",
                    Some("2027-01-15"),
                    None,
                    "/renewals",
                ),
            ),
        ] {
            let list = todo_list(
                orders.iter().map(|(o, t)| (o, *t)),
                &bills,
                &[],
                &renewals,
                day(TODAY),
            );
            let (kind, id, date, amount, path) = expected;
            assert_eq!(
                list.iter().map(one).collect::<Vec<_>>(),
                [(kind, id.to_string(), date.map(day), amount, path)]
            );
        }
    }

    #[test]
    fn the_expiry_is_the_paris_day_of_the_instant() {
        // 23:30 UTC on 13 June is 01:30 on 14 June in Paris (summer time).
        let late = order(1001, "2026-06-13T23:30:00Z", 100);
        let list = todo_list([(&late, OrderTodo::Pay)], &[], &[], &[], day(TODAY));
        assert_eq!(list[0].date, Some(day("2026-06-14")));
    }

    #[test]
    fn a_renewal_names_the_budget_year_of_its_date() {
        let list = todo_list([], &[], &[], &[renewal(7, "2027-01-15", true)], day(TODAY));
        assert_eq!(
            list[0].subject,
            TodoSubject::Renewal {
                renewal_id: 7,
                label: "Serveur 7".into(),
                budget_year: 2027
            }
        );
    }

    #[test]
    fn what_does_not_wait_for_the_buyer_gives_no_entry() {
        use ChorusStatus::*;
        let running = Deadline::Running {
            start_date: day("2026-05-01"),
            days: 30,
            interruption: None,
            due_date: day("2026-05-31"),
            days_left: 11,
        };
        let on_time = Deadline::PaidOnTime {
            due_date: day("2026-05-31"),
            paid_on: day("2026-05-15"),
        };
        let bills = [
            // Awaiting validation, its deadline running.
            bill("FR1000001", Some(MiseADisposition), Some(running)),
            // Paid on time.
            bill("FR1000006", Some(MiseEnPaiement), Some(on_time)),
            // Rejected: void, nothing owed.
            bill("FR1000005", Some(Rejetee), Some(Deadline::Void)),
            // Outside Chorus Pro.
            bill("FR3000001", None, None),
            // Suspended, its documents already sent: the provider adds them.
            bill("FR1000013", Some(Suspendue), None),
            // Paid late, but the API's figures are absurd: unknown, not a to-do.
            bill(
                "FR1000014",
                Some(MiseEnPaiement),
                Some(Deadline::PaidLate {
                    due_date: day("2026-04-01"),
                    paid_on: day("2026-04-21"),
                    days_late: 20,
                    interest: None,
                    pay_by: day("2026-04-22"),
                }),
            ),
        ];
        let orders = [
            (
                order(1003, "2026-06-14T08:00:00Z", 100),
                OrderTodo::MandateUnderReview,
            ),
            (order(1009, "2026-05-01T08:00:00Z", 100), OrderTodo::Expired),
            (
                order(1101, "2026-05-01T08:00:00Z", 100),
                OrderTodo::Delivered,
            ),
            (order(1102, "2026-05-01T08:00:00Z", 100), OrderTodo::Paid),
            (
                order(1103, "2026-05-01T08:00:00Z", 100),
                OrderTodo::Cancelled,
            ),
            (order(1104, "2026-05-01T08:00:00Z", 100), OrderTodo::Unknown),
        ];
        let list = todo_list(
            orders.iter().map(|(o, t)| (o, *t)),
            &bills,
            &["FR1000013".to_string()],
            &[renewal(8, "2026-12-01", false)],
            day(TODAY),
        );
        assert_eq!(list, []);
    }

    #[test]
    fn the_soonest_date_first_and_an_undated_invoice_counts_as_due_today() {
        use ChorusStatus::*;
        // Today is 20 May 2026. In the order expected:
        // - 1003's mandate to send: its order expired on 10 May (already late);
        // - the suspended invoices and the one à recycler, undated: due today;
        //   suspended first (kind order), then by id;
        // - FR1000012's interest, to pay by 5 June;
        // - 1004's new mandate and 1001's payment, both expiring 14 June: the
        //   refused mandate first (kind order);
        // - the renewal on 15 January 2027.
        let orders = [
            (order(1001, "2026-06-14T08:00:00Z", 100), OrderTodo::Pay),
            (
                order(1003, "2026-05-10T08:00:00Z", 100),
                OrderTodo::SendMandate,
            ),
            (
                order(1004, "2026-06-14T08:00:00Z", 100),
                OrderTodo::SendNewMandate,
            ),
        ];
        let bills = [
            bill("FR1000012", Some(MiseEnPaiement), Some(paid_late())),
            bill("FR1000004", Some(ARecycler), None),
            bill("FR2000003", Some(Suspendue), None),
            bill("FR1000003", Some(Suspendue), None),
        ];
        let list = todo_list(
            orders.iter().map(|(o, t)| (o, *t)),
            &bills,
            &[],
            &[renewal(7, "2027-01-15", true)],
            day(TODAY),
        );
        let order: Vec<_> = list.iter().map(|t| (t.kind, t.subject.id())).collect();
        use TodoKind::*;
        assert_eq!(
            order,
            [
                (SendMandate, "1003".to_string()),
                (SendDocuments, "FR1000003".to_string()),
                (SendDocuments, "FR2000003".to_string()),
                (CorrectRouting, "FR1000004".to_string()),
                (PayLateInterest, "FR1000012".to_string()),
                (SendNewMandate, "1004".to_string()),
                (PayOrder, "1001".to_string()),
                (GiveEngagement, "7".to_string()),
            ]
        );
    }

    #[test]
    fn an_invoice_id_is_one_path_segment() {
        let list = todo_list(
            [],
            &[bill("FR 1/2", Some(ChorusStatus::Suspendue), None)],
            &[],
            &[],
            day(TODAY),
        );
        assert_eq!(list[0].path, "/invoices/FR%201%2F2");
    }

    #[test]
    fn the_bills_are_asked_for_by_the_statuses_that_can_wait_for_the_buyer() {
        assert_eq!(
            bills_path(2),
            "/me/bill?chorusStatus=SUSPENDUE,A_RECYCLER,MISE_EN_PAIEMENT&page=2&pageSize=1000"
        );
    }
}
