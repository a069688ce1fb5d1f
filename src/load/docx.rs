//! The text of a Word document (.docx): the paragraphs of `word/document.xml`.

use super::archive::{Archive, ArchiveError};
use super::paragraphs::Paragraphs;
use super::text::decode_part;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};

/// The first bytes of an OLE compound file: what Word writes for an encrypted .docx (and
/// for every old binary .doc).
pub(crate) const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Why a .docx gave no text.
#[derive(Debug)]
pub(crate) enum DocxError {
    Archive(ArchiveError),
    /// An OLE file: a password-protected .docx or a .doc.
    Protected,
    /// A zip without `word/document.xml`, or XML that does not parse.
    Damaged(String),
}

/// Each `w:p` is a paragraph; `w:t` is text, `w:tab` a tab, `w:br`/`w:cr` a line break.
/// Field instructions and deleted text (tracked changes) are not part of what is shown.
pub(crate) fn docx_to_text(bytes: &[u8]) -> Result<String, DocxError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(DocxError::Protected);
    }
    let mut archive = Archive::open(bytes).map_err(DocxError::Archive)?;
    let xml = archive
        .read("word/document.xml")
        .map_err(DocxError::Archive)?
        .ok_or_else(|| DocxError::Damaged("no word/document.xml".to_string()))?;
    let xml = decode_part(&xml);
    let mut reader = Reader::from_str(&xml);
    let mut out = Paragraphs::new();
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocxError::Damaged(e.to_string()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "p" => out.end_paragraph(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push_verbatim('\t'),
                "br" | "cr" => out.line_break(),
                "p" => out.end_paragraph(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.end_paragraph(),
                _ => {}
            },
            Event::Text(text) if in_text => push_run(&mut out, &text.xml10_content()),
            Event::CData(text) if in_text => push_run(&mut out, &text.xml10_content()),
            Event::GeneralRef(reference) if in_text => {
                if let Some(c) = resolve(&reference) {
                    out.push_verbatim(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.finish())
}

/// `w:t` text is shown as written (Word keeps spaces that matter with `xml:space`), but
/// newlines inside it are only XML layout.
fn push_run(out: &mut Paragraphs, text: &str) {
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push_verbatim(' '),
            c => out.push_verbatim(c),
        }
    }
}

/// The character an entity or character reference stands for (`&amp;`, `&#233;`).
pub(crate) fn resolve(reference: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c);
    }
    match reference.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::archive::tests::zip_of;

    const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Ferry strike ends</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Union leader </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Marta Kovač</w:t></w:r>
<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t xml:space="preserve"> signed &amp; left.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t>Next line</w:t></w:r>
<w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_runs_tabs_and_breaks() {
        let bytes = zip_of(&[("word/document.xml", DOCUMENT.as_bytes())]);
        assert_eq!(
            docx_to_text(&bytes).unwrap(),
            "Ferry strike ends\n\nUnion leader Marta Kovač signed & left.\n\nName\tRole\nNext line"
        );
    }

    #[test]
    fn protected_missing_and_broken_documents_are_told_apart() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 512]);
        assert!(matches!(docx_to_text(&ole), Err(DocxError::Protected)));
        let no_document = zip_of(&[("word/styles.xml", b"<x/>")]);
        assert!(matches!(
            docx_to_text(&no_document),
            Err(DocxError::Damaged(_))
        ));
        let broken = zip_of(&[("word/document.xml", b"<w:p><w:t>a</w:x>")]);
        assert!(matches!(docx_to_text(&broken), Err(DocxError::Damaged(_))));
        assert!(matches!(
            docx_to_text(b"PK\x03\x04junk"),
            Err(DocxError::Archive(ArchiveError::Damaged(_)))
        ));
    }
}
