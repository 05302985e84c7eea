//! What the printed documents share: the provider's identity, how a SIRET and
//! a day are printed, a section's heading, the boxes, the parties, the totals.

use mandat_model::siret::Siret;
use mandat_model::Price;

use super::pdf::{wrap, Sheet, Weight, LEFT, MUTED, RIGHT};

/// Who the sandbox plays: the provider's identity as its documents print it.
/// Fictitious (a reserved `.example` address) so that no real company is named.
pub const PROVIDER: [&str; 3] = [
    "Nuage Démo SAS",
    "Service des mandats administratifs",
    "mandats@nuage-demo.example",
];

/// A SIRET grouped 3-3-3-5 as French documents print it; as stored when it is
/// not a valid one (it is printed, not judged, here).
pub(super) fn siret_text(raw: &str) -> String {
    Siret::parse(raw)
        .map(|s| s.grouped())
        .unwrap_or_else(|_| raw.to_string())
}

pub(super) fn day(instant: chrono::DateTime<chrono::Utc>) -> String {
    let locale = mandat_model::locale::Locale::Fr;
    mandat_model::locale::format_date(instant, locale)
        .unwrap_or_else(|| instant.format("%d/%m/%Y").to_string())
}

/// A section's title, with a rule under it; moves `y` below.
pub(super) fn heading(sheet: &mut Sheet, text: &str) {
    sheet.room(40.0);
    sheet.y += 19.0;
    sheet.text(LEFT, sheet.y, 11.5, Weight::Bold, text);
    sheet.y += 5.0;
    sheet.rule(LEFT, RIGHT, sheet.y);
    sheet.y += 3.0;
}

/// A box with a small label at its top left, for the ordonnateur to fill in.
pub(super) fn field_box(sheet: &mut Sheet, x: f32, y: f32, w: f32, h: f32, label: &str) {
    sheet.frame(x, y, w, h);
    sheet.text_grey(x + 5.0, y + 11.0, 8.0, Weight::Bold, MUTED, label);
}

/// Two framed blocks of identity lines side by side, of one height, each under
/// its label, the first line in bold, every line wrapped to its box. Moves `y`
/// below them.
pub(super) fn parties(
    sheet: &mut Sheet,
    y: f32,
    left: (&str, &[String]),
    right: (&str, &[String]),
) {
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

/// HT, TVA and TTC, right-aligned under the lines, TTC in a shaded band.
pub(super) fn totals(sheet: &mut Sheet, without_tax: &Price, tax: &Price, with_tax: &Price) {
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
