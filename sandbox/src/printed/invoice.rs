//! An invoice, and the signed copy the demo data starts with.

use mandat_model::{Account, Price};

use super::layout::*;
use super::pdf::{Sheet, Weight, LEFT, RIGHT};

/// What an invoice prints.
pub struct Invoice<'a> {
    pub bill_id: &'a str,
    pub date: chrono::DateTime<chrono::Utc>,
    pub order_id: u64,
    pub buyer: &'a Account,
    pub without_tax: &'a Price,
    pub tax: &'a Price,
    pub with_tax: &'a Price,
    /// The Chorus Pro invoice id and the SIRET it went to, when it went there.
    pub chorus: Option<(&'a str, &'a str)>,
}

/// An invoice: who, what order, the totals, its Chorus Pro reference.
pub fn invoice(bill: &Invoice) -> Result<Vec<u8>, String> {
    let mut sheet = Sheet::new(format!("Facture {}", bill.bill_id));
    sheet.text(
        LEFT,
        66.0,
        20.0,
        Weight::Bold,
        &format!("Facture {}", bill.bill_id),
    );
    sheet.text_right(
        RIGHT,
        66.0,
        9.5,
        Weight::Regular,
        &format!("du {}", day(bill.date)),
    );
    sheet.rule(LEFT, RIGHT, 80.0);
    let provider: Vec<String> = PROVIDER.iter().map(|s| s.to_string()).collect();
    let buyer = vec![
        bill.buyer.name.clone(),
        format!("Compte client : {}", bill.buyer.customer_code),
        bill.buyer.email.clone(),
    ];
    parties(
        &mut sheet,
        92.0,
        ("FOURNISSEUR", &provider),
        ("CLIENT", &buyer),
    );
    heading(&mut sheet, &format!("Commande n° {}", bill.order_id));
    totals(&mut sheet, bill.without_tax, bill.tax, bill.with_tax);
    if let Some((chorus_id, siret)) = bill.chorus {
        heading(&mut sheet, "Chorus Pro");
        sheet.paragraph(
            LEFT,
            RIGHT - LEFT,
            9.5,
            Weight::Regular,
            &format!(
                "Facture déposée sous le n° {chorus_id}, pour la structure de SIRET {}.",
                siret_text(siret)
            ),
        );
    }
    sheet.footer(format!("Facture {} – {}", bill.bill_id, PROVIDER[0]));
    sheet.finish()
}

/// The signed copy the demo data starts with for a mandate under review.
pub fn seeded_signed_copy(order_id: u64) -> Result<Vec<u8>, String> {
    let mut sheet = Sheet::new("Mandat administratif signé");
    sheet.text(LEFT, 66.0, 20.0, Weight::Bold, "Mandat administratif signé");
    sheet.text(
        LEFT,
        90.0,
        11.0,
        Weight::Regular,
        &format!("Commande n° {order_id}"),
    );
    sheet.finish()
}
