//! The PDFs the provider hands out: the pre-filled mandate form that the
//! buyer's *ordonnateur* prints, signs and stamps, an invoice, and the signed
//! copy the demo data starts with. Laid out with [`pdf`].

pub mod pdf;

mod invoice;
mod layout;
mod mandate_form;

pub use invoice::{invoice, seeded_signed_copy, Invoice};
pub use mandate_form::{mandate_form, MandateForm};

pub use layout::PROVIDER;

#[cfg(test)]
mod tests {
    use super::*;
    use mandat_model::mandate::{Mandate, MandateState};
    use mandat_model::LegalForm;
    use mandat_model::{Account, Order, OrderDetail, Price};

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
