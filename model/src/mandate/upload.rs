//! The signed copy's upload: the types accepted, checked by content, the
//! size limit, the names a file is sent and kept under.

/// Largest signed mandate accepted: 10 MB, as Chorus Pro's attachments.
pub const MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;
/// Longest file name Chorus Pro keeps for an attachment, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 50;

/// A file type the upload accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadKind {
    Pdf,
    Png,
    Jpeg,
}

impl UploadKind {
    pub fn content_type(self) -> &'static str {
        match self {
            UploadKind::Pdf => "application/pdf",
            UploadKind::Png => "image/png",
            UploadKind::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            UploadKind::Pdf => "pdf",
            UploadKind::Png => "png",
            UploadKind::Jpeg => "jpg",
        }
    }
}

/// How many leading bytes `sniff` needs to decide.
pub const SNIFF_BYTES: usize = 8;

/// The type of a file from its first bytes (its magic number), never from its name.
pub fn sniff(head: &[u8]) -> Option<UploadKind> {
    if head.starts_with(b"%PDF-") {
        Some(UploadKind::Pdf)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(UploadKind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(UploadKind::Jpeg)
    } else {
        None
    }
}

/// Why an upload is refused before it is stored; each has a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadError {
    Empty,
    TooLarge,
    UnsupportedType,
    /// Its first bytes name a PDF, PNG or JPEG, but the whole file does not
    /// read as one (cut short, damaged, or only a disguise).
    Unreadable,
    NameTooLong,
}

impl UploadError {
    pub fn code(self) -> &'static str {
        match self {
            UploadError::Empty => "file_empty",
            UploadError::TooLarge => "file_too_large",
            UploadError::UnsupportedType => "file_type_unsupported",
            UploadError::Unreadable => "file_unreadable",
            UploadError::NameTooLong => "file_name_too_long",
        }
    }
}

/// Checks what is known before reading the body: declared size and name.
pub fn check_upload_header(declared_size: Option<u64>, name: &str) -> Result<(), UploadError> {
    if declared_size == Some(0) {
        return Err(UploadError::Empty);
    }
    if declared_size.is_some_and(|n| n > MAX_UPLOAD_BYTES) {
        return Err(UploadError::TooLarge);
    }
    if name.chars().count() > MAX_FILE_NAME_CHARS {
        return Err(UploadError::NameTooLong);
    }
    Ok(())
}

/// Checks a complete file: size and content type.
pub fn check_upload(size: u64, head: &[u8]) -> Result<UploadKind, UploadError> {
    if size == 0 {
        return Err(UploadError::Empty);
    }
    if size > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    sniff(head).ok_or(UploadError::UnsupportedType)
}

/// Whether the file's name announces another type than its content.
pub fn name_disagrees(name: &str, kind: UploadKind) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let expected: &[&str] = match kind {
        UploadKind::Pdf => &["pdf"],
        UploadKind::Png => &["png"],
        UploadKind::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
    };
    !expected.contains(&ext.as_str())
}

/// The name an upload is kept and handed back under: `sent` made a safe base
/// name ([`crate::text::safe_file_name`]), with the extension of what the file
/// is (`kind`, sniffed from its bytes) rather than the one it was sent with,
/// so that a PDF sent as `mandat.exe` is saved as `mandat.pdf`. A name whose
/// extension already says its type is kept as it is (`scan.JPEG`); a last
/// segment that is no extension (`rapport.final`, `v1.2`) stays in the name.
/// At most [`MAX_FILE_NAME_CHARS`], the stem cut to fit. `None` when nothing
/// of the name is left (the caller names it).
pub fn stored_file_name(sent: &str, kind: UploadKind) -> Option<String> {
    let name = crate::text::safe_file_name(sent);
    if !name_disagrees(&name, kind) && name.chars().count() <= MAX_FILE_NAME_CHARS {
        let stem = name.rsplit_once('.').map_or("", |(stem, _)| stem);
        if !stem.trim_end_matches(['.', ' ']).is_empty() {
            return Some(name);
        }
    }
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if is_extension(ext) => stem,
        _ => name.as_str(),
    };
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() {
        return None;
    }
    let ext = kind.extension();
    let stem: String = stem
        .chars()
        .take(MAX_FILE_NAME_CHARS - ext.len() - 1)
        .collect();
    Some(format!(
        "{}.{ext}",
        stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace())
    ))
}

/// Whether the last segment of a name is an extension (`exe`, `PDF`, `jfif`)
/// rather than a part of the name (`final`, `2`): one to four ASCII letters
/// or digits, a letter among them.
fn is_extension(segment: &str) -> bool {
    (1..=4).contains(&segment.len())
        && segment.chars().all(|c| c.is_ascii_alphanumeric())
        && segment.chars().any(|c| c.is_ascii_alphabetic())
}

/// The name sent with the file: at most the 50 characters Chorus Pro keeps,
/// its extension preserved, so that a long name is never a reason to refuse.
pub fn name_to_send(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_string();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 5 => (stem, ext),
        _ => (name, ""),
    };
    let keep = MAX_FILE_NAME_CHARS
        - if ext.is_empty() {
            0
        } else {
            ext.chars().count() + 1
        };
    let stem: String = stem.chars().take(keep).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_sent_whole_when_chorus_pro_keeps_it_whole() {
        assert_eq!(name_to_send("  mandat signé.pdf "), "mandat signé.pdf");
        let fifty = format!("{}.pdf", "é".repeat(46));
        assert_eq!(name_to_send(&fifty), fifty);
    }

    #[test]
    fn a_long_name_is_cut_to_fifty_characters_keeping_its_extension() {
        let long = format!("{}.jpeg", "Délibération ".repeat(10));
        let sent = name_to_send(&long);
        assert_eq!(sent.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(sent.ends_with(".jpeg"), "{sent}");
        assert!(sent.starts_with("Délibération Délibération"), "{sent}");
        // No extension worth the name (too long, or none): the first 50 characters.
        let odd = format!("{}.extension", "a".repeat(60));
        assert_eq!(name_to_send(&odd), "a".repeat(50));
        assert_eq!(name_to_send(&"b".repeat(70)), "b".repeat(50));
    }

    #[test]
    fn a_stored_name_takes_the_extension_of_what_the_file_is() {
        use UploadKind::*;
        for (sent, kind, stored) in [
            ("mandat.exe", Pdf, Some("mandat.pdf")),
            ("scan.PDF", Png, Some("scan.png")),
            ("rapport.final.pdf", Pdf, Some("rapport.final.pdf")),
            ("rapport.final", Pdf, Some("rapport.final.pdf")),
            ("mandat", Jpeg, Some("mandat.jpg")),
            ("mandat v1.2", Pdf, Some("mandat v1.2.pdf")),
            ("Mandat.PDF", Pdf, Some("Mandat.PDF")),
            ("photo.jpeg", Jpeg, Some("photo.jpeg")),
            ("photo.jpeg", Png, Some("photo.png")),
            ("archive.tar.gz", Pdf, Some("archive.tar.pdf")),
            ("mandat.", Pdf, Some("mandat.pdf")),
            ("mandat .exe", Pdf, Some("mandat.pdf")),
            ("..\\..\\tmp/mandat.exe", Pdf, Some("mandat.pdf")),
            ("facture\u{202e}fdp.exe", Pdf, Some("facturefdp.pdf")),
            ("signé.exe", Pdf, Some("signé.pdf")),
            (".pdf", Pdf, None),
            (".exe", Pdf, None),
            ("", Png, None),
            ("\0", Png, None),
        ] {
            assert_eq!(
                stored_file_name(sent, kind).as_deref(),
                stored,
                "{sent:?} {kind:?}"
            );
        }
    }

    #[test]
    fn a_stored_name_stays_within_fifty_characters() {
        let sent = "a".repeat(MAX_FILE_NAME_CHARS);
        let stored = stored_file_name(&sent, UploadKind::Pdf).unwrap();
        assert_eq!(stored, format!("{}.pdf", "a".repeat(46)));
        let sent = format!("{}.exe", "é".repeat(46));
        let stored = stored_file_name(&sent, UploadKind::Jpeg).unwrap();
        assert_eq!(stored, format!("{}.jpg", "é".repeat(46)));
        assert_eq!(stored.chars().count(), MAX_FILE_NAME_CHARS);
    }

    #[test]
    fn a_name_disagrees_when_its_extension_is_not_its_content_type() {
        assert!(!name_disagrees("Mandat.PDF", UploadKind::Pdf));
        assert!(!name_disagrees("scan.JPG", UploadKind::Jpeg));
        assert!(!name_disagrees("scan.jfif", UploadKind::Jpeg));
        assert!(name_disagrees("scan.png", UploadKind::Jpeg));
        assert!(name_disagrees("mandat", UploadKind::Pdf));
        assert!(name_disagrees("mandat.pdf.txt", UploadKind::Pdf));
    }

    #[test]
    fn sniffs_by_magic_bytes() {
        for (head, kind) in [
            (&b"%PDF-1.4\n"[..], Some(UploadKind::Pdf)),
            (&b"\x89PNG\r\n\x1a\n\0\0"[..], Some(UploadKind::Png)),
            (&[0xFF, 0xD8, 0xFF, 0xE0][..], Some(UploadKind::Jpeg)),
            (&b"GIF89a"[..], None),
            (&b"%PD"[..], None),
            (&b"<html>"[..], None),
            (&b""[..], None),
            // A PDF name on a PNG body is a PNG.
            (&b"\x89PNG\r\n\x1a\n"[..], Some(UploadKind::Png)),
        ] {
            assert_eq!(sniff(head), kind, "{head:?}");
        }
    }

    #[test]
    fn upload_rules_table() {
        let pdf = b"%PDF-1.7";
        for (size, head, expected) in [
            (0, &pdf[..], Err(UploadError::Empty)),
            (1, &pdf[..], Ok(UploadKind::Pdf)),
            (MAX_UPLOAD_BYTES, &pdf[..], Ok(UploadKind::Pdf)),
            (MAX_UPLOAD_BYTES + 1, &pdf[..], Err(UploadError::TooLarge)),
            (100, &b"PK\x03\x04"[..], Err(UploadError::UnsupportedType)),
        ] {
            assert_eq!(check_upload(size, head), expected, "{size}");
        }
        assert_eq!(
            check_upload_header(Some(0), "a.pdf"),
            Err(UploadError::Empty)
        );
        assert_eq!(
            check_upload_header(Some(MAX_UPLOAD_BYTES + 1), "a.pdf"),
            Err(UploadError::TooLarge)
        );
        assert_eq!(check_upload_header(None, &"é".repeat(50)), Ok(()));
        assert_eq!(
            check_upload_header(None, &"a".repeat(51)),
            Err(UploadError::NameTooLong)
        );
        assert_eq!(UploadError::TooLarge.code(), "file_too_large");
        assert_eq!(UploadError::Unreadable.code(), "file_unreadable");
    }
}
