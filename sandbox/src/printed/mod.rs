//! The PDFs the provider hands out: the pre-filled mandate form that the
//! buyer's *ordonnateur* prints, signs and stamps, an invoice, and the signed
//! copy the demo data starts with. Laid out with [`crate::pdf`].

use mandat_model::mandate::Mandate;
use mandat_model::siret::Siret;
use mandat_model::{Account, Order, OrderDetail, Price};

use crate::pdf::{fit, wrap, Sheet, Weight, LEFT, MUTED, RIGHT};

/// Who the sandbox plays: the provider's identity as its documents print it.
/// Fictitious (a reserved `.example` address) so that no real company is named.
pub const PROVIDER: [&str; 3] = [
    "Nuage Démo SAS",
    "Service des mandats administratifs",
    "mandats@nuage-demo.example",
];

/// What the mandate form prints.
pub struct MandateForm<'a> {
    pub order: &'a Order,
    pub lines: &'a [OrderDetail],
    pub buyer: &'a Account,
    /// The buyer's own SIRET, when its account has one.
    pub buyer_siret: Option<&'a str>,
    pub mandate: &'a Mandate,
}

/// A SIRET grouped 3-3-3-5 as French documents print it; as stored when it is
/// not a valid one (it is printed, not judged, here).
fn siret_text(raw: &str) -> String {
    Siret::parse(raw)
        .map(|s| s.grouped())
        .unwrap_or_else(|_| raw.to_string())
}

fn day(instant: chrono::DateTime<chrono::Utc>) -> String {
    let locale = mandat_model::locale::Locale::Fr;
    mandat_model::locale::format_date(instant, locale)
        .unwrap_or_else(|| instant.format("%d/%m/%Y").to_string())
}

/// A section's title, with a rule under it; moves `y` below.
fn heading(sheet: &mut Sheet, text: &str) {
    sheet.room(40.0);
    sheet.y += 19.0;
    sheet.text(LEFT, sheet.y, 11.5, Weight::Bold, text);
    sheet.y += 5.0;
    sheet.rule(LEFT, RIGHT, sheet.y);
    sheet.y += 3.0;
}

/// A box with a small label at its top left, for the ordonnateur to fill in.
fn field_box(sheet: &mut Sheet, x: f32, y: f32, w: f32, h: f32, label: &str) {
    sheet.frame(x, y, w, h);
    sheet.text_grey(x + 5.0, y + 11.0, 8.0, Weight::Bold, MUTED, label);
}

/// Two framed blocks of identity lines side by side, of one height, each under
/// its label, the first line in bold, every line wrapped to its box. Moves `y`
/// below them.
fn parties(sheet: &mut Sheet, y: f32, left: (&str, &[String]), right: (&str, &[String])) {
    let gap = 14.0;
    let w = (RIGHT - LEFT - gap) / 2.0;
    let rows = |lines: &[String]| {
        let mut rows = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let weight = if i == 0 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            for row in wrap(line, w - 16.0, 9.5, weight) {
                rows.push((row, weight));
            }
        }
        rows
    };
    let blocks = [
        (LEFT, left.0, rows(left.1)),
        (LEFT + w + gap, right.0, rows(right.1)),
    ];
    let most = blocks.iter().map(|b| b.2.len()).max().unwrap_or(0);
    let h = 24.0 + 13.0 * most as f32;
    for (x, label, rows) in blocks {
        sheet.frame(x, y, w, h);
        sheet.text_grey(x + 8.0, y + 14.0, 8.0, Weight::Bold, MUTED, label);
        for (i, (row, weight)) in rows.iter().enumerate() {
            sheet.text(x + 8.0, y + 29.0 + 13.0 * i as f32, 9.5, *weight, row);
        }
    }
    sheet.y = y + h;
}

/// The mandate form of an order: one A4 page for a usual order (the lines
/// table flows onto more pages for a long one, the signature block never cut).
pub fn mandate_form(form: &MandateForm) -> Result<Vec<u8>, String> {
    let order = form.order;
    let id = order.order_id;
    let mut sheet = Sheet::new(format!("Mandat administratif – commande n° {id}"));

    // Title and the order's reference.
    sheet.text(LEFT, 66.0, 20.0, Weight::Bold, "Mandat administratif");
    sheet.text_right(
        RIGHT,
        56.0,
        12.0,
        Weight::Bold,
        &format!("Commande n° {id}"),
    );
    sheet.text_right(
        RIGHT,
        71.0,
        9.5,
        Weight::Regular,
        &format!("du {}", day(order.date)),
    );
    sheet.text_grey(
        LEFT,
        84.0,
        9.0,
        Weight::Regular,
        MUTED,
        "Formulaire pré-rempli de paiement par mandat administratif, à faire signer par l’ordonnateur",
    );
    sheet.rule(LEFT, RIGHT, 92.0);

    // The two parties.
    let provider: Vec<String> = PROVIDER.iter().map(|s| s.to_string()).collect();
    let mut buyer = vec![form.buyer.name.clone()];
    if let Some(siret) = form.buyer_siret {
        buyer.push(format!("SIRET : {}", siret_text(siret)));
    }
    buyer.push(format!("Compte client : {}", form.buyer.customer_code));
    buyer.push(form.buyer.email.clone());
    parties(
        &mut sheet,
        102.0,
        ("FOURNISSEUR", &provider),
        ("ACHETEUR PUBLIC", &buyer),
    );

    // The order's lines and totals.
    heading(&mut sheet, "Détail de la commande");
    let qty_right = LEFT + 305.0;
    let unit_right = LEFT + 400.0;
    let desc_width = qty_right - LEFT - 40.0;
    sheet.room(20.0);
    sheet.shade(LEFT, sheet.y + 4.0, RIGHT - LEFT, 18.0);
    let header = sheet.y + 16.5;
    sheet.text(LEFT + 6.0, header, 8.5, Weight::Bold, "Désignation");
    sheet.text_right(qty_right, header, 8.5, Weight::Bold, "Qté");
    sheet.text_right(unit_right, header, 8.5, Weight::Bold, "Prix unitaire HT");
    sheet.text_right(RIGHT - 6.0, header, 8.5, Weight::Bold, "Total HT");
    sheet.y += 22.0;
    for line in form.lines {
        sheet.room(26.0);
        let y = sheet.y;
        let description = fit(&line.description, desc_width, 9.5, Weight::Regular);
        sheet.text(LEFT + 6.0, y + 12.0, 9.5, Weight::Regular, &description);
        let domain = fit(&line.domain, desc_width, 8.0, Weight::Regular);
        sheet.text_grey(LEFT + 6.0, y + 22.0, 8.0, Weight::Regular, MUTED, &domain);
        let qty = line.quantity.to_string();
        sheet.text_right(qty_right, y + 12.0, 9.5, Weight::Regular, &qty);
        sheet.text_right(
            unit_right,
            y + 12.0,
            9.5,
            Weight::Regular,
            &line.unit_price.text,
        );
        sheet.text_right(
            RIGHT - 6.0,
            y + 12.0,
            9.5,
            Weight::Regular,
            &line.total_price.text,
        );
        sheet.y += 27.0;
        sheet.rule(LEFT, RIGHT, sheet.y);
    }
    totals(
        &mut sheet,
        &order.price_without_tax,
        &order.tax,
        &order.price_with_tax,
    );

    // The Chorus Pro routing the invoice will carry.
    heading(&mut sheet, "Facturation sur Chorus Pro");
    let mandate = form.mandate;
    let routing = [
        ("Structure destinataire", mandate.structure_name.clone()),
        ("SIRET", siret_text(&mandate.siret)),
        ("Code service", mandate.code_service.clone()),
        ("Numéro d’engagement", mandate.numero_engagement.clone()),
    ];
    for (label, value) in routing.iter().filter(|(_, v)| !v.trim().is_empty()) {
        sheet.room(16.0);
        sheet.y += 15.0;
        sheet.text_grey(LEFT, sheet.y, 9.5, Weight::Regular, MUTED, label);
        let value = fit(value, RIGHT - LEFT - 150.0, 9.5, Weight::Bold);
        sheet.text(LEFT + 150.0, sheet.y, 9.5, Weight::Bold, &value);
    }

    // What to do with it, and what happens next.
    heading(&mut sheet, "Que faire de ce formulaire ?");
    let steps = [
        "Faites vérifier, compléter, dater et signer ce formulaire par l’ordonnateur, \
         et apposer le cachet de l’administration dans le cadre ci-dessous."
            .to_string(),
        format!(
            "Numérisez-le (PDF, PNG ou JPEG, 10 Mo au plus) et déposez-le sur la page \
             « Mandat administratif » de la commande n° {id}, dans votre espace client."
        ),
        format!(
            "La commande expire le {} : déposez le formulaire signé avant cette date.",
            day(order.expiration_date)
        ),
        "Nous vérifions le formulaire : dès qu’il est validé, la facture est émise et \
         déposée sur Chorus Pro pour la structure ci-dessus, qui la valide avant son \
         paiement par le comptable public."
            .to_string(),
    ];
    sheet.y += 2.0;
    for (i, step) in steps.iter().enumerate() {
        sheet.room(14.0);
        // On the paragraph's first baseline (see `Sheet::paragraph`).
        let first = sheet.y + 9.5 * 1.35 - 9.5 * 0.3;
        sheet.text(LEFT, first, 9.5, Weight::Bold, &format!("{}.", i + 1));
        sheet.paragraph(LEFT + 16.0, RIGHT - LEFT - 16.0, 9.5, Weight::Regular, step);
    }

    signature_block(&mut sheet);
    sheet.footer(format!(
        "Mandat administratif – commande n° {id} – {}",
        PROVIDER[0]
    ));
    sheet.finish()
}

/// HT, TVA and TTC, right-aligned under the lines, TTC in a shaded band.
fn totals(sheet: &mut Sheet, without_tax: &Price, tax: &Price, with_tax: &Price) {
    let label_x = LEFT + 305.0;
    let rows: [(&str, &Price, Weight); 3] = [
        ("Total HT", without_tax, Weight::Regular),
        ("TVA (20 %)", tax, Weight::Regular),
        ("Total TTC", with_tax, Weight::Bold),
    ];
    sheet.room(56.0);
    sheet.y += 4.0;
    for (label, price, weight) in rows {
        if weight == Weight::Bold {
            sheet.shade(label_x - 6.0, sheet.y + 2.0, RIGHT - label_x + 6.0, 18.0);
        }
        sheet.y += 15.5;
        sheet.text(label_x, sheet.y, 10.0, weight, label);
        sheet.text_right(RIGHT - 6.0, sheet.y, 10.0, weight, &price.text);
    }
    sheet.y += 4.0;
}

/// The ordonnateur's part: a certification, then boxes for the date, the
/// signatory's name and role, the signature and the stamp. Kept on one page.
fn signature_block(sheet: &mut Sheet) {
    sheet.room(200.0);
    heading(sheet, "Cadre réservé à l’ordonnateur");
    sheet.paragraph(
        LEFT,
        RIGHT - LEFT,
        9.5,
        Weight::Regular,
        "Je soussigné(e), ordonnateur, certifie que la dépense ci-dessus est engagée \
         et en autorise le paiement par mandat administratif.",
    );
    let gap = 10.0;
    let full = RIGHT - LEFT;
    let y = sheet.y + 8.0;
    let date_w = 110.0;
    let name_w = (full - date_w - 2.0 * gap) / 2.0;
    field_box(sheet, LEFT, y, date_w, 40.0, "Date");
    field_box(
        sheet,
        LEFT + date_w + gap,
        y,
        name_w,
        40.0,
        "Nom et prénom du signataire",
    );
    field_box(
        sheet,
        LEFT + date_w + name_w + 2.0 * gap,
        y,
        name_w,
        40.0,
        "Qualité du signataire",
    );
    let y = y + 40.0 + gap;
    let half = (full - gap) / 2.0;
    field_box(sheet, LEFT, y, half, 85.0, "Signature");
    field_box(
        sheet,
        LEFT + half + gap,
        y,
        half,
        85.0,
        "Cachet de l’administration",
    );
    sheet.y = y + 85.0;
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use mandat_model::mandate::MandateState;
    use mandat_model::LegalForm;

    fn page_texts(pdf: &[u8]) -> Vec<String> {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        doc.get_pages()
            .keys()
            .map(|&n| doc.extract_text(&[n]).unwrap())
            .collect()
    }

    #[test]
    fn a_long_order_flows_onto_a_second_page_with_the_signature_boxes_whole() {
        let when = chrono::Utc::now();
        let order = Order {
            order_id: 4242,
            date: when,
            expiration_date: when,
            price_without_tax: Price::eur(4000),
            tax: Price::eur(800),
            price_with_tax: Price::eur(4800),
        };
        let lines: Vec<OrderDetail> = (1..=30)
            .map(|n| OrderDetail {
                order_detail_id: n,
                description: format!("Nom de domaine n° {n} - 1 an"),
                domain: format!("domaine-{n}.fr"),
                quantity: 1,
                unit_price: Price::eur(100),
                total_price: Price::eur(100),
            })
            .collect();
        let buyer = Account {
            customer_code: "xx1-ovh".into(),
            name: "Mairie d’Écully".into(),
            email: "mairie@example.fr".into(),
            legal_form: LegalForm::Administration,
            language: "fr_FR".into(),
        };
        let mandate = Mandate {
            order_id: 4242,
            state: MandateState::AwaitingDocument,
            siret: "21445012400018".into(),
            structure_name: "Mairie d’Écully".into(),
            code_service: String::new(),
            numero_engagement: String::new(),
            form_url: String::new(),
            upload_url: String::new(),
            document: None,
            rejection_reason: None,
            bill_id: None,
        };
        let pdf = mandate_form(&MandateForm {
            order: &order,
            lines: &lines,
            buyer: &buyer,
            buyer_siret: None,
            mandate: &mandate,
        })
        .unwrap();
        let pages = page_texts(&pdf);
        assert_eq!(pages.len(), 2);
        assert!(pages[0].contains("Mairie d’Écully"));
        assert!(pages[0].contains("Nom de domaine n° 1 - 1 an"));
        assert!(!pages[0].contains("Cachet de l’administration"));
        for label in [
            "Cadre réservé à l’ordonnateur",
            "Date",
            "Signature",
            "Cachet de l’administration",
        ] {
            assert!(
                pages[1].contains(label),
                "{label} not on page 2: {}",
                pages[1]
            );
        }
        assert!(pages[1].contains("Nom de domaine n° 30 - 1 an"));
        assert!(pages[1].contains("page 2/2"));
    }
}
