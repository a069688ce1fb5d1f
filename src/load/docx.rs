//! The text of a Word document (.docx): the paragraphs of `word/document.xml`.

use super::archive::{Archive, ArchiveError};
use super::epub::attribute;
use super::paragraphs::{Extracted, Paragraphs};
use super::text::decode_part;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use rustc_hash::FxHashMap;

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
/// A paragraph styled as a title or heading (`w:pStyle`) is a heading.
pub(crate) fn docx_to_text(bytes: &[u8]) -> Result<Extracted, DocxError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(DocxError::Protected);
    }
    let mut archive = Archive::open(bytes).map_err(DocxError::Archive)?;
    let xml = archive
        .read("word/document.xml")
        .map_err(DocxError::Archive)?
        .ok_or_else(|| DocxError::Damaged("no word/document.xml".to_string()))?;
    let xml = decode_part(&xml);
    // Read after the document so that its budget goes to the text; without styles (or
    // with broken ones) the style ids still tell headings.
    let styles = match archive.read("word/styles.xml") {
        Ok(Some(styles)) => style_levels(&decode_part(&styles)),
        _ => FxHashMap::default(),
    };
    let mut reader = Reader::from_str(&xml);
    let mut out = Paragraphs::new();
    let mut in_text = false;
    // Inside `w:pPrChange`, the properties a tracked change replaced: not the style shown.
    let mut in_old_properties = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocxError::Damaged(e.to_string()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "p" => out.end_heading(),
                "pPrChange" => in_old_properties = true,
                "pStyle" if !in_old_properties => mark_heading(&mut out, &e, &styles),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push_verbatim('\t'),
                "br" | "cr" => out.line_break(),
                "p" => out.end_heading(),
                "pStyle" if !in_old_properties => mark_heading(&mut out, &e, &styles),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.end_heading(),
                "pPrChange" => in_old_properties = false,
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

/// Makes the paragraph being built a heading if its `w:pStyle` names a heading style.
fn mark_heading(out: &mut Paragraphs, style: &BytesStart<'_>, styles: &FxHashMap<String, u8>) {
    let Some(id) = attribute(style, "val") else {
        return;
    };
    if let Some(level) = styles.get(&id).copied().or_else(|| style_level(&id)) {
        out.start_heading(level);
    }
}

/// The heading level of Word's built-in styles, by id or name, any case: "Title" 1,
/// "Subtitle" 2, "Heading1" or "heading 1" to "Heading9" (levels past 6 shown as 6).
fn style_level(style: &str) -> Option<u8> {
    let style = style.trim().to_ascii_lowercase();
    match style.as_str() {
        "title" => return Some(1),
        "subtitle" => return Some(2),
        _ => {}
    }
    let digits = style.strip_prefix("heading")?.trim_start();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let level: u8 = digits.parse().ok()?;
    (level >= 1).then_some(level.min(6))
}

/// Style ids follow Word's language ("berschrift1" in German) but the names of built-in
/// styles do not ("heading 1"): the heading level of each style `word/styles.xml` defines
/// by name. Styles that do not parse give what was read before.
fn style_levels(xml: &str) -> FxHashMap<String, u8> {
    let mut levels = FxHashMap::default();
    let mut reader = Reader::from_str(xml);
    let mut id: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "style" => id = attribute(&e, "styleId"),
                "name" => {
                    if let Some(id) = id.take()
                        && let Some(level) = attribute(&e, "val").and_then(|n| style_level(&n))
                    {
                        levels.insert(id, level);
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return levels,
            Ok(_) => {}
        }
    }
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
        let extracted = docx_to_text(&bytes).unwrap();
        assert_eq!(
            extracted.text,
            "Ferry strike ends\n\nUnion leader Marta Kovač signed & left.\n\nName\tRole\nNext line"
        );
        assert_eq!(extracted.heading_texts(), [("Ferry strike ends", 1)]);
    }

    #[test]
    fn title_and_heading_styles_give_levels() {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let styled = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = [
            styled("Title", "Harbour news"),
            styled("Subtitle", "Weekly"),
            styled("heading 2", "Ferries"),
            styled("Normal", "Body text."),
            styled("berschrift3", "Lokales"),
            styled("HEADING7", "Deep"),
            styled("Heading1Char", "Not a heading"),
            styled("Heading2", ""),
            // The style a tracked change replaced is not the paragraph's.
            r#"<w:p><w:pPr><w:pPrChange><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>
            </w:pPrChange></w:pPr><w:r><w:t>Was a heading</w:t></w:r></w:p>"#
                .to_string(),
        ]
        .concat();
        let document = format!(r#"<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#);
        let styles = format!(
            r#"<w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:styleId="berschrift3">
            <w:name w:val="heading 3"/></w:style></w:styles>"#
        );
        let bytes = zip_of(&[
            ("word/document.xml", document.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
        ]);
        let extracted = docx_to_text(&bytes).unwrap();
        assert_eq!(
            extracted.text,
            "Harbour news\n\nWeekly\n\nFerries\n\nBody text.\n\nLokales\n\nDeep\n\n\
             Not a heading\n\nWas a heading"
        );
        assert_eq!(
            extracted.heading_texts(),
            [
                ("Harbour news", 1),
                ("Weekly", 2),
                ("Ferries", 2),
                ("Lokales", 3),
                ("Deep", 6),
            ]
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
