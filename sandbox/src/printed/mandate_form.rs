//! The pre-filled mandate form the buyer's ordonnateur prints, signs and stamps.

use mandat_model::mandate::Mandate;
use mandat_model::{Account, Order, OrderDetail};

use super::layout::*;
use super::pdf::{fit, Sheet, Weight, LEFT, MUTED, RIGHT};

/// What the mandate form prints.
pub struct MandateForm<'a> {
    pub order: &'a Order,
    pub lines: &'a [OrderDetail],
    pub buyer: &'a Account,
    /// The buyer's own SIRET, when its account has one.
    pub buyer_siret: Option<&'a str>,
    pub mandate: &'a Mandate,
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
