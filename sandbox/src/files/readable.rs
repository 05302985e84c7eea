//! Whether a received file is the document its first bytes announce: a PDF
//! that a reader opens (a catalog, at least one page, its end-of-file marker),
//! a PNG or a JPEG image that decodes whole. The sniff (`mandat_model::mandate`)
//! says what a file claims to be; this says whether it is, with real parsers,
//! which is why it lives here and not in the model (compiled to wasm too).
//!
//! The parsers are bounded, since a hostile file of a few megabytes can ask for
//! gigabytes or hours: images of at most [`MAX_PIXELS`] pixels, PNG decoded a
//! row at a time; JPEG, whose progressive decoding keeps two bytes per pixel
//! and component whatever colour is asked for, at most [`MAX_JPEG_PIXELS`];
//! PDF streams decompressed to at most [`MAX_PDF_STREAM`] each, and the page
//! tree walked for at most [`MAX_PDF_PAGE_ENTRIES`] page and content entries
//! (a `Kids` array may name one page again and again). A parser that panics
//! on a file has not read it.

use mandat_model::mandate::UploadKind;

/// Largest image accepted, in pixels: an A4 page scanned at 600 dpi in colour
/// is 35 million; a decompression bomb declares billions.
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

/// Largest JPEG accepted, in pixels: 16 M pixels of four components take
/// 128 MB while decoded progressively; an A4 page at 400 dpi is 15 M pixels.
pub const MAX_JPEG_PIXELS: u64 = 16 * 1024 * 1024;

/// Largest size one PDF stream may inflate to (lopdf's own default is 256 MB).
const MAX_PDF_STREAM: usize = 32 * 1024 * 1024;

/// Pages, and content streams of those pages, looked at in all: a signed form
/// or a scan has a few pages of a few streams each.
const MAX_PDF_PAGE_ENTRIES: usize = 100_000;

/// How far from the end a PDF's `%%EOF` may be: readers look in the last
/// kilobyte, as the spec's implementation notes allow.
const EOF_WINDOW: usize = 1024;

/// Whether `bytes`, sniffed as `kind`, read as a whole `kind`. Slow (it
/// parses the whole file): run it off the async runtime.
pub fn is_readable(kind: UploadKind, bytes: &[u8]) -> bool {
    std::panic::catch_unwind(|| match kind {
        UploadKind::Pdf => pdf_is_readable(bytes),
        UploadKind::Png => png_is_readable(bytes),
        UploadKind::Jpeg => jpeg_is_readable(bytes),
    })
    .unwrap_or(false)
}

/// `kind` named in a sentence: "a PDF", "a PNG image".
pub fn named(kind: UploadKind) -> &'static str {
    match kind {
        UploadKind::Pdf => "a PDF",
        UploadKind::Png => "a PNG image",
        UploadKind::Jpeg => "a JPEG image",
    }
}

/// A PDF as a reader opens it: its `%%EOF` at the end (a file cut short has
/// none), its objects loaded (a damaged cross-reference table is rebuilt, as
/// readers do), a catalog, at least one page in its page tree, and every
/// page's content streams there (a file cut short, its end marker added back,
/// has lost some).
fn pdf_is_readable(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(EOF_WINDOW)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return false;
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_PDF_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let Ok(doc) = lopdf::Document::load_mem_with_options(bytes, options) else {
        return false;
    };
    if doc.catalog().is_err() {
        return false;
    }
    let mut entries = 0usize;
    let mut pages = 0usize;
    for page in doc.page_iter() {
        pages += 1;
        entries += 1;
        if entries > MAX_PDF_PAGE_ENTRIES || doc.get_dictionary(page).is_err() {
            return false;
        }
        for id in doc.get_page_contents(page) {
            entries += 1;
            if entries > MAX_PDF_PAGE_ENTRIES
                || !matches!(doc.objects.get(&id), Some(lopdf::Object::Stream(_)))
            {
                return false;
            }
        }
    }
    pages > 0
}

/// A PNG whose every chunk checks (CRC, order) and whose image data inflates
/// to every row of every frame, up to its `IEND`.
fn png_is_readable(bytes: &[u8]) -> bool {
    let limits = png::Limits {
        bytes: 64 * 1024 * 1024,
    };
    let decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    let Ok(mut reader) = decoder.read_info() else {
        return false;
    };
    let info = reader.info();
    if u64::from(info.width) * u64::from(info.height) > MAX_PIXELS {
        return false;
    }
    loop {
        match reader.next_row() {
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return false,
        }
    }
    reader.finish().is_ok()
}

/// A JPEG whose headers read and whose scans decode to the end, strictly (a
/// file cut short is not padded with grey).
fn jpeg_is_readable(bytes: &[u8]) -> bool {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;

    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .jpeg_set_out_colorspace(ColorSpace::Luma)
        .set_max_width(1 << 16)
        .set_max_height(1 << 16);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    if decoder.decode_headers().is_err() {
        return false;
    }
    let Some((width, height)) = decoder.dimensions() else {
        return false;
    };
    if width as u64 * height as u64 > MAX_JPEG_PIXELS {
        return false;
    }
    decoder.decode().is_ok()
}
