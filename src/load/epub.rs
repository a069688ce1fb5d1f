//! The text of an EPUB book: its chapters in reading (spine) order.

use super::archive::{Archive, ArchiveError};
use super::html::{Scope, html_to_text};
use super::paragraphs::Extracted;
use super::text::decode_part;
use crate::document::Heading;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rustc_hash::{FxHashMap, FxHashSet};

/// Why an EPUB gave no text.
#[derive(Debug)]
pub(crate) enum EpubError {
    Archive(ArchiveError),
    /// Content encrypted by a DRM scheme.
    Drm,
    /// Missing or broken container, package or chapter.
    Damaged(String),
}

/// Font obfuscation (IDPF and Adobe) is listed in `encryption.xml` too, but only hides
/// fonts: the text is still readable.
const FONT_OBFUSCATION: &[&str] = &[
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

/// `META-INF/container.xml` names the package (OPF); its spine orders the chapters,
/// whose whole bodies are the book's text. Chapters are joined by a blank line.
pub(crate) fn epub_to_text(bytes: &[u8]) -> Result<Extracted, EpubError> {
    let mut archive = Archive::open(bytes).map_err(EpubError::Archive)?;
    if let Some(encryption) = read(&mut archive, "META-INF/encryption.xml")?
        && encrypts_content(&encryption)?
    {
        return Err(EpubError::Drm);
    }
    let container = read(&mut archive, "META-INF/container.xml")?
        .ok_or_else(|| damaged("no META-INF/container.xml"))?;
    let package_path = first_attribute(&container, "rootfile", "full-path")?
        .ok_or_else(|| damaged("container.xml names no package"))?;
    let package = read(&mut archive, &package_path)?
        .ok_or_else(|| damaged(format!("no package file {package_path}")))?;
    let base = match package_path.rfind('/') {
        Some(slash) => package_path.get(..=slash).unwrap_or_default(),
        None => "",
    };
    let mut book = Extracted::default();
    for href in spine(&package)? {
        let path = resolve(base, &href);
        let xhtml = read(&mut archive, &path)?
            .ok_or_else(|| damaged(format!("the spine names {path}, which is missing")))?;
        let chapter = html_to_text(&xhtml, Scope::Whole);
        if chapter.text.is_empty() {
            continue;
        }
        if !book.text.is_empty() {
            book.text.push_str("\n\n");
        }
        // The chapter's headings, moved to where it starts in the book.
        let at = book.text.len();
        book.text.push_str(&chapter.text);
        book.headings
            .extend(chapter.headings.into_iter().map(|heading| Heading {
                range: heading.range.start + at..heading.range.end + at,
                level: heading.level,
            }));
    }
    Ok(book)
}

fn damaged(why: impl Into<String>) -> EpubError {
    EpubError::Damaged(why.into())
}

fn read(archive: &mut Archive<'_>, name: &str) -> Result<Option<String>, EpubError> {
    Ok(archive
        .read(name)
        .map_err(EpubError::Archive)?
        .map(|bytes| decode_part(&bytes)))
}

/// Does `encryption.xml` encrypt anything but fonts?
fn encrypts_content(xml: &str) -> Result<bool, EpubError> {
    let mut encrypted = false;
    for_each_element(xml, |element| {
        if element.local_name().as_ref() == "EncryptionMethod" {
            let algorithm = attribute(element, "Algorithm").unwrap_or_default();
            if !FONT_OBFUSCATION.contains(&algorithm.as_str()) {
                encrypted = true;
            }
        }
    })?;
    Ok(encrypted)
}

/// The hrefs of the spine's items, in reading order. Items marked `linear="no"` (notes,
/// covers shown out of order) are still part of the book and are kept.
fn spine(opf: &str) -> Result<Vec<String>, EpubError> {
    let mut manifest = FxHashMap::default();
    let mut order = Vec::new();
    for_each_element(opf, |element| match element.local_name().as_ref() {
        "item" => {
            if let (Some(id), Some(href)) = (attribute(element, "id"), attribute(element, "href")) {
                let media_type = attribute(element, "media-type").unwrap_or_default();
                manifest.entry(id).or_insert((href, media_type));
            }
        }
        "itemref" => {
            if let Some(idref) = attribute(element, "idref") {
                order.push(idref);
            }
        }
        _ => {}
    })?;
    // A chapter listed twice is read once: a spine repeating one item a million times
    // would otherwise be slow.
    let mut seen = FxHashSet::default();
    Ok(order
        .iter()
        .filter_map(|idref| manifest.get(idref))
        .filter(|(_, media_type)| media_type.contains("html") || media_type.is_empty())
        .filter(|(href, _)| seen.insert(href.clone()))
        .map(|(href, _)| href.clone())
        .collect())
}

/// A manifest href relative to the package's folder, with `..`, `%20` and `#fragment`
/// handled.
fn resolve(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let href = percent_decode(href);
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Calls `visit` with every start or empty element of an XML text.
fn for_each_element(xml: &str, mut visit: impl FnMut(&BytesStart<'_>)) -> Result<(), EpubError> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(element) | Event::Empty(element)) => visit(&element),
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(damaged(e.to_string())),
        }
    }
}

pub(super) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn first_attribute(xml: &str, element: &str, name: &str) -> Result<Option<String>, EpubError> {
    let mut found = None;
    for_each_element(xml, |e| {
        if found.is_none() && e.local_name().as_ref() == element {
            found = attribute(e, name);
        }
    })?;
    Ok(found)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::archive::tests::zip_of;

    const CONTAINER: &[u8] = br#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

    const PACKAGE: &[u8] = br#"<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<manifest>
<item id="c2" href="text/two%20b.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>"#;

    /// A minimal EPUB with these two chapters.
    pub(crate) fn book(one: &str, two: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER),
            ("OEBPS/content.opf", PACKAGE),
            ("OEBPS/text/one.xhtml", one.as_bytes()),
            ("OEBPS/text/two b.xhtml", two.as_bytes()),
        ];
        entries.extend_from_slice(extra);
        zip_of(&entries)
    }

    #[test]
    fn chapters_come_in_spine_order() {
        let bytes = book(
            "<html><body><h1>One</h1><p>First &amp; best.</p></body></html>",
            "<html><body><h2>Two</h2><p>Second.</p></body></html>",
            &[],
        );
        let book = epub_to_text(&bytes).unwrap();
        assert_eq!(book.text, "One\n\nFirst & best.\n\nTwo\n\nSecond.");
        assert_eq!(book.heading_texts(), [("One", 1), ("Two", 2)]);
    }

    #[test]
    fn drm_is_refused_but_font_obfuscation_is_not() {
        let encryption = |algorithm: &str| {
            format!(
                r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
                xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
                <enc:EncryptionMethod Algorithm="{algorithm}"/>
                <enc:CipherData><enc:CipherReference URI="OEBPS/text/one.xhtml"/></enc:CipherData>
                </enc:EncryptedData></encryption>"#
            )
        };
        let drm = encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
        let bytes = book(
            "<p>a</p>",
            "<p>b</p>",
            &[("META-INF/encryption.xml", drm.as_bytes())],
        );
        assert!(matches!(epub_to_text(&bytes), Err(EpubError::Drm)));
        let fonts = encryption("http://www.idpf.org/2008/embedding");
        let bytes = book(
            "<p>a</p>",
            "<p>b</p>",
            &[("META-INF/encryption.xml", fonts.as_bytes())],
        );
        assert_eq!(epub_to_text(&bytes).unwrap().text, "a\n\nb");
    }

    #[test]
    fn paths_resolve_against_the_package() {
        assert_eq!(
            resolve("OEBPS/", "text/a%20b.xhtml#c"),
            "OEBPS/text/a b.xhtml"
        );
        assert_eq!(resolve("OEBPS/x/", "../t.xhtml"), "OEBPS/t.xhtml");
        assert_eq!(resolve("", "t.xhtml"), "t.xhtml");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn a_missing_container_is_damage() {
        let bytes = zip_of(&[("mimetype", b"application/epub+zip")]);
        assert!(matches!(epub_to_text(&bytes), Err(EpubError::Damaged(_))));
    }
}
