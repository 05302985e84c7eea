//! Files the tests upload: the sandbox reads every upload whole with a
//! parser of its type, so these are real PDFs and images, not magic bytes.

/// A minimal PDF that readers open, of exactly `size` bytes (at least
/// [`MIN_PDF_BYTES`]): header, catalog, page tree, one page whose content
/// stream pads it to `size`, a cross-reference table with each object's
/// offset, trailer, `startxref` and `%%EOF`.
pub fn pdf(size: usize) -> Vec<u8> {
    // A content stream of comments: a page that draws nothing.
    pdf_filled(size, |i| match i % 64 {
        0 => b'%',
        63 => b'\n',
        _ => b'x',
    })
}

/// A [`pdf`] whose padding stream's `i`th byte is `fill(i)`: a stream is
/// read by its `/Length`, whatever it holds.
pub fn pdf_filled(size: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    assert!(size >= MIN_PDF_BYTES, "a PDF of {size} bytes is too small");
    let bytes = pdf_with_padding(size - MIN_PDF_BYTES, fill);
    assert_eq!(bytes.len(), size);
    bytes
}

/// The smallest [`pdf`]: its padding empty.
pub const MIN_PDF_BYTES: usize = 436;

fn pdf_with_padding(padding: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    pdf_with_tree(1, padding, fill)
}

/// A well-formed PDF whose page tree names its one page `times` times, as a
/// hostile file does to make a reader walk it for long, with as many small
/// objects besides (readers bound the walk by the number of objects).
pub fn pdf_naming_its_page(times: usize) -> Vec<u8> {
    pdf_with_tree(times, 0, |_| b' ')
}

fn pdf_with_tree(kids: usize, padding: usize, fill: impl FnMut(usize) -> u8) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {kids} >>",
            vec!["3 0 R"; kids].join(" ")
        ),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        // Zero-padded: the same width whatever the length.
        format!("<< /Length {padding:010} >>"),
    ];
    objects.extend((1..kids).map(|_| "null".to_string()));
    let mut offsets = Vec::new();
    let mut fill = Some(fill);
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\n", i + 1).as_bytes());
        if i == 3 {
            out.extend_from_slice(b"stream\n");
            out.extend((0..padding).map(fill.take().unwrap()));
            out.extend_from_slice(b"\nendstream\n");
        }
        out.extend_from_slice(b"endobj\n");
    }
    let xref = out.len();
    let size = objects.len() + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref:010}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

/// A valid 1×1 grey PNG.
pub const PNG: &str = "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c63f80f0001010100b138f6140000000049454e44ae426082";

/// A valid 8×8 grey JPEG (JFIF).
pub const JPEG: &str = "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080008000801011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00e92bffd9";

/// A tiny valid PNG image.
pub fn png() -> Vec<u8> {
    from_hex(PNG)
}

/// A tiny valid JPEG image.
pub fn jpeg() -> Vec<u8> {
    from_hex(JPEG)
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}
