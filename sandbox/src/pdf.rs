//! A minimal PDF 1.4 writer: one A4 page of Helvetica text lines, enough for a
//! pre-filled mandate form and an invoice that any reader opens.

/// Text in WinAnsiEncoding (what the standard Helvetica font expects), escaped for a
/// PDF string literal.
fn pdf_string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let byte = match c {
            '€' => 0x80,
            '\u{202f}' | '\u{a0}' => b' ',
            '’' => b'\'',
            '–' | '—' => b'-',
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            c if (c as u32) < 0x20 => b' ',
            c if (c as u32) < 0x7f => c as u8,
            c if (0xa0..=0xff).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        };
        out.push(byte);
    }
    out.push(b')');
    out
}

/// One line of the page: its text and its font size (a larger size for titles).
pub struct Line {
    pub text: String,
    pub size: u32,
}

impl Line {
    pub fn title(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            size: 16,
        }
    }
    pub fn text(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            size: 11,
        }
    }
}

/// A one-page PDF with these lines from the top, and a document title.
pub fn document(title: &str, lines: &[Line]) -> Vec<u8> {
    let mut content = Vec::new();
    content.extend_from_slice(b"BT\n50 790 Td\n");
    for line in lines {
        content.extend_from_slice(
            format!("/F1 {} Tf\n0 -{} Td\n", line.size, line.size + 7).as_bytes(),
        );
        content.extend(pdf_string(&line.text));
        content.extend_from_slice(b" Tj\n");
    }
    content.extend_from_slice(b"ET\n");

    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"endstream");
    objects.push(stream);
    let mut info = b"<< /Title ".to_vec();
    info.extend(pdf_string(title));
    info.extend_from_slice(b" /Producer (mandat sandbox) >>");
    objects.push(info);

    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info {} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            objects.len()
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_encoded() {
        assert_eq!(pdf_string("a(b)\\"), b"(a\\(b\\)\\\\)".to_vec());
        assert_eq!(pdf_string("12,50\u{a0}€ é"), b"(12,50 \x80 \xe9)".to_vec());
        assert_eq!(pdf_string("日"), b"(?)".to_vec());
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let pdf = document(
            "Mandat",
            &[Line::title("Mandat"), Line::text("Commande 1001")],
        );
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf).to_string();
        let startxref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(pdf[startxref..].starts_with(b"xref\n0 7\n"));
        let table = String::from_utf8_lossy(&pdf[startxref..]).to_string();
        for (i, line) in table.lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let header = format!("{} 0 obj", i + 1);
            assert!(pdf[offset..].starts_with(header.as_bytes()), "{header}");
        }
        assert!(text.contains("(Commande 1001) Tj"));
    }
}
