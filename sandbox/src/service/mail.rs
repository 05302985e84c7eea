//! The e-mails the provider sends along the journey, recorded in the outbox.

use rusqlite::Connection;

use crate::db::{self, outbox::Mail};
use crate::http::error::ApiErr;
use crate::http::guard::Site;

/// What an e-mail is about: an order, a bill, or both.
#[derive(Clone, Copy, Debug, Default)]
pub struct About<'a> {
    pub order_id: Option<u64>,
    pub bill_id: Option<&'a str>,
}

/// `path` (`/orders/1001/mandate`) as an e-mail links it: an e-mail is opened
/// from a mailbox, where a path alone leads nowhere, so its links name the
/// sandbox's origin.
pub fn link(site: &Site, path: &str) -> String {
    format!("{}{path}", site.origin())
}

/// Records an e-mail to `account`'s address; returns that address. Part of the
/// caller's transaction when it has one: no e-mail for a change that did not
/// happen.
pub fn send(
    conn: &Connection,
    account: &str,
    subject: &str,
    text: &str,
    about: About<'_>,
) -> Result<String, ApiErr> {
    let to =
        db::accounts::email(conn, account)?.ok_or_else(|| ApiErr::internal("no such account"))?;
    db::outbox::insert(
        conn,
        &Mail {
            account: account.to_string(),
            to: to.clone(),
            subject: subject.to_string(),
            text: text.to_string(),
            date: db::now(),
            order_id: about.order_id,
            bill_id: about.bill_id.map(String::from),
        },
    )?;
    Ok(to)
}
