//! Reading a file into a [`Document`]: size limits, which format it is, and each format's
//! text. One file per format; this one decides which to use and words the errors.

mod archive;
mod docx;
mod epub;
mod html;
mod html_limits;
mod markdown;
mod paragraphs;
mod pdf;
mod pdf_structure;
mod quiet_panic;
mod text;

pub use archive::{MAX_ENTRIES, MAX_EXPANDED_BYTES};
pub use pdf::MAX_PAGES;
pub use text::{ENCODING_CHOICES, encoding_by_name};

use crate::document::{Document, DocumentFormat};
use archive::ArchiveError;
use encoding_rs::{Encoding, UTF_8};
use paragraphs::Extracted;
use std::path::{Path, PathBuf};

/// The largest file the reader opens. Bigger files are refused up front rather than
/// leaving the window busy for a long time.
pub const MAX_FILE_BYTES: u64 = 256 * MB;

/// The most extracted text kept. A text file can grow when decoded (one byte of
/// Windows-1252 can be three of UTF-8), and an archive expands; memory is budgeted on it.
pub const MAX_TEXT_BYTES: usize = 256 * MB as usize;

const MB: u64 = 1024 * 1024;

/// "268,435,456": a size in bytes, exactly, for messages where rounding would mislead.
fn thousands(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "256 MB", "32.5 MB", "4.2 KB": a size for people, in units of 1,024.
fn megabytes(bytes: u64) -> String {
    let (value, unit) = if bytes >= MB {
        (bytes as f64 / MB as f64, "MB")
    } else {
        (bytes as f64 / 1024.0, "KB")
    };
    if value.fract() == 0.0 {
        format!("{value:.0} {unit}")
    } else {
        format!("{value:.1} {unit}")
    }
}

/// Why a file could not be opened. Each message is one line meant for the user; `name`
/// is the path as given (or the name passed to [`load_bytes`]).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a folder, not a file")]
    IsDirectory { path: PathBuf },
    #[error("{path}: not a regular file")]
    NotRegular { path: PathBuf },
    /// The OS error is part of the message, not a source: printing the chain would say
    /// it twice.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{name}: the file is {} bytes ({}); newslens opens files up to {} bytes ({})",
        thousands(*size), megabytes(*size), thousands(*max), megabytes(*max)
    )]
    TooLarge { name: String, size: u64, max: u64 },
    #[error("{name}: the file is empty")]
    Empty { name: String },
    #[error("{name}: the {format} file has no text")]
    NoText {
        name: String,
        format: DocumentFormat,
    },
    #[error("{name}: looks like a binary file, not text")]
    Binary { name: String },
    #[error(
        "{name}: the extracted text is {} bytes ({}); newslens opens texts up to {} bytes ({})",
        thousands(*size), megabytes(*size), thousands(*max), megabytes(*max)
    )]
    TextTooLong { name: String, size: u64, max: u64 },
    #[error("{name}: the file is damaged or not {expected}")]
    Damaged {
        name: String,
        /// "a PDF", "an EPUB", ...
        expected: &'static str,
        /// What the parser said, for bug reports; not shown.
        detail: String,
    },
    #[error("{name}: the PDF is password-protected")]
    PdfPassword { name: String },
    #[error("{name}: the PDF has no text layer (a scanned PDF?); newslens does not do OCR")]
    NoTextLayer { name: String },
    #[error("{name}: the PDF has {pages} pages; newslens opens PDFs up to {max} pages")]
    TooManyPages {
        name: String,
        pages: usize,
        max: usize,
    },
    #[error("{name}: the document is password-protected or an old .doc file")]
    ProtectedOrOldDoc { name: String },
    #[error("{name}: the archive is password-protected")]
    ZipPassword { name: String },
    #[error("{name}: the EPUB is locked with DRM; newslens cannot read it")]
    Drm { name: String },
    #[error("{name}: expands to more than {max_mb} MB (a zip bomb?)")]
    ZipBomb { name: String, max_mb: u64 },
    #[error("{name}: the archive has more than {max} entries (a zip bomb?)")]
    TooManyEntries { name: String, max: usize },
    #[error("{name}: a zip archive, but not an EPUB or Word (.docx) document")]
    UnknownArchive { name: String },
}

/// Choices that override what newslens would detect.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Decode text (plain text, Markdown, HTML) with this encoding instead of detecting
    /// one, e.g. from the reader's Encoding menu or `--encoding`.
    pub encoding: Option<&'static Encoding>,
    /// Read the bytes as this format whatever their name and content say (the fuzz
    /// targets use it to reach one loader).
    pub format: Option<DocumentFormat>,
}

/// Reads a file and extracts its text, detecting the format.
pub fn load_path(path: &Path) -> Result<Document, LoadError> {
    load_path_with(path, &LoadOptions::default())
}

/// Reads a file and extracts its text with these options.
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Result<Document, LoadError> {
    let owned = || path.to_path_buf();
    let label = path.display().to_string();
    let io_error = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path: owned() },
        _ if crate::regular_file::is_not_regular(&error) => LoadError::NotRegular { path: owned() },
        _ => LoadError::Io {
            path: owned(),
            error,
        },
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory { path: owned() });
    }
    check_size(&label, metadata.len())?;
    // Read at most one byte past the limit: the file may have grown since `metadata`.
    let bytes = crate::regular_file::read(path, MAX_FILE_BYTES).map_err(io_error)?;
    check_size(&label, bytes.len() as u64)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.clone());
    let mut document = load_named(&name, &label, &bytes, options)?;
    document.path = Some(owned());
    Ok(document)
}

/// Extracts the text of a file's bytes. `name` is the file name: its extension is a hint
/// to the format, and errors start with it.
pub fn load_bytes(name: &str, bytes: &[u8], options: &LoadOptions) -> Result<Document, LoadError> {
    check_size(name, bytes.len() as u64)?;
    load_named(name, name, bytes, options)
}

/// Decodes a plain-text file's bytes (BOM, UTF-8, else a detected encoding).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    let options = LoadOptions {
        format: Some(DocumentFormat::PlainText),
        ..LoadOptions::default()
    };
    load_bytes(name, bytes, &options)
}

fn check_size(name: &str, size: u64) -> Result<(), LoadError> {
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
            size,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// The format to read the bytes as. The content decides for formats with a signature
/// (a PDF named .txt is a PDF); the extension decides between text formats, and a
/// text file that starts like a web page is read as one.
pub fn detect_format(name: &str, bytes: &[u8]) -> DocumentFormat {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let by_name = extension
        .as_deref()
        .and_then(DocumentFormat::from_extension);
    let head = bytes.get(..1024).unwrap_or(bytes);
    // A PDF starts with its signature; one named .pdf may have junk before it (readers
    // accept it within the first kilobyte). A text that only mentions "%PDF-" is text.
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let pdf_named = by_name == Some(DocumentFormat::Pdf);
    if start.starts_with(b"%PDF-") || (pdf_named && head.windows(5).any(|w| w == b"%PDF-")) {
        return DocumentFormat::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04")
        && let Some(format) = sniff_zip(bytes)
    {
        return format;
    }
    // Excel and Outlook files are OLE too: only a Word-like name gets the Word message.
    if bytes.starts_with(docx::OLE_MAGIC)
        && matches!(extension.as_deref(), None | Some("doc" | "docx" | "dot"))
    {
        return DocumentFormat::Docx;
    }
    match by_name {
        Some(DocumentFormat::Markdown) => DocumentFormat::Markdown,
        Some(format @ (DocumentFormat::Pdf | DocumentFormat::Epub | DocumentFormat::Docx)) => {
            format
        }
        _ if looks_like_html(head) => DocumentFormat::Html,
        Some(format) => format,
        None => DocumentFormat::PlainText,
    }
}

/// An EPUB names its type in a `mimetype` entry (or has a container); a Word document has
/// `word/document.xml`.
fn sniff_zip(bytes: &[u8]) -> Option<DocumentFormat> {
    let mut archive = archive::Archive::open(bytes).ok()?;
    if archive.contains("word/document.xml") {
        return Some(DocumentFormat::Docx);
    }
    if archive.contains("META-INF/container.xml") {
        return Some(DocumentFormat::Epub);
    }
    match archive.read("mimetype") {
        Ok(Some(kind)) if kind.trim_ascii() == b"application/epub+zip" => {
            Some(DocumentFormat::Epub)
        }
        _ => None,
    }
}

fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let text = match text.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or("", |(_, r)| r).trim_start(),
        None => text,
    };
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

fn load_named(
    name: &str,
    label: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Document, LoadError> {
    let label_owned = || label.to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            name: label_owned(),
        });
    }
    let format = options.format.unwrap_or_else(|| detect_format(name, bytes));
    let expected = match format {
        DocumentFormat::PlainText => "text",
        DocumentFormat::Markdown => "Markdown",
        DocumentFormat::Html => "HTML",
        DocumentFormat::Epub => "an EPUB",
        DocumentFormat::Pdf => "a PDF",
        DocumentFormat::Docx => "a Word (.docx) document",
    };
    let damaged = |detail: String| LoadError::Damaged {
        name: label_owned(),
        expected,
        detail,
    };
    let archive_error = |error: ArchiveError| match error {
        ArchiveError::Damaged(detail) => damaged(detail),
        ArchiveError::TooBig => LoadError::ZipBomb {
            name: label_owned(),
            max_mb: MAX_EXPANDED_BYTES / MB,
        },
        ArchiveError::TooManyEntries => LoadError::TooManyEntries {
            name: label_owned(),
            max: MAX_ENTRIES,
        },
        ArchiveError::Encrypted => LoadError::ZipPassword {
            name: label_owned(),
        },
    };
    // The text is not changed after this, so the headings' ranges stay true.
    let (Extracted { text, headings }, encoding, notice) = match format {
        DocumentFormat::PlainText | DocumentFormat::Markdown | DocumentFormat::Html => {
            let declared = match format {
                DocumentFormat::Html => html::declared_charset(bytes),
                _ => None,
            };
            let decoded = text::decode_text(bytes, options.encoding, declared).map_err(
                |text::TextProblem::Binary| LoadError::Binary {
                    name: label_owned(),
                },
            )?;
            let extracted = match format {
                DocumentFormat::Markdown => markdown::markdown_to_text(&decoded.text),
                DocumentFormat::Html => html::html_to_text(&decoded.text, html::Scope::Article),
                _ => Extracted::plain(decoded.text),
            };
            (extracted, decoded.encoding, decoded.notice)
        }
        DocumentFormat::Epub => {
            let extracted = epub::epub_to_text(bytes).map_err(|error| match error {
                epub::EpubError::Archive(error) => archive_error(error),
                epub::EpubError::Drm => LoadError::Drm {
                    name: label_owned(),
                },
                epub::EpubError::Damaged(detail) => damaged(detail),
            })?;
            (extracted, UTF_8, None)
        }
        DocumentFormat::Docx => {
            let extracted = docx::docx_to_text(bytes).map_err(|error| match error {
                docx::DocxError::Archive(error) => archive_error(error),
                docx::DocxError::Protected => LoadError::ProtectedOrOldDoc {
                    name: label_owned(),
                },
                docx::DocxError::Damaged(detail) => damaged(detail),
            })?;
            (extracted, UTF_8, None)
        }
        DocumentFormat::Pdf => {
            let text = pdf::pdf_to_text(bytes).map_err(|error| match error {
                pdf::PdfError::Damaged(detail) => damaged(detail),
                pdf::PdfError::Protected => LoadError::PdfPassword {
                    name: label_owned(),
                },
                pdf::PdfError::NoText => LoadError::NoTextLayer {
                    name: label_owned(),
                },
                pdf::PdfError::TooManyPages(pages) => LoadError::TooManyPages {
                    name: label_owned(),
                    pages,
                    max: MAX_PAGES,
                },
                pdf::PdfError::TooBig => LoadError::ZipBomb {
                    name: label_owned(),
                    max_mb: MAX_EXPANDED_BYTES / MB,
                },
            })?;
            (Extracted::plain(text), UTF_8, None)
        }
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(LoadError::TextTooLong {
            name: label_owned(),
            size: text.len() as u64,
            max: MAX_TEXT_BYTES as u64,
        });
    }
    if text.trim().is_empty() {
        return Err(match format {
            DocumentFormat::PlainText => LoadError::Empty {
                name: label_owned(),
            },
            format => LoadError::NoText {
                name: label_owned(),
                format,
            },
        });
    }
    // In order, apart and inside the text (the fuzz targets run with debug assertions).
    debug_assert!(
        headings
            .windows(2)
            .all(|w| w[0].range.end < w[1].range.start)
            && headings
                .iter()
                .all(|h| h.range.start < h.range.end && text.get(h.range.clone()).is_some())
    );
    Ok(Document {
        name: name.to_string(),
        path: None,
        text,
        encoding: encoding.name(),
        notice,
        format,
        headings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forced(format: DocumentFormat) -> LoadOptions {
        LoadOptions {
            format: Some(format),
            ..LoadOptions::default()
        }
    }

    #[test]
    fn utf8_text_is_kept_byte_for_byte() {
        let doc = decode("a.txt", "Lima, Perú".as_bytes()).unwrap();
        assert_eq!(doc.text, "Lima, Perú");
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.format, DocumentFormat::PlainText);
        assert!(doc.notice.is_none());
    }

    #[test]
    fn empty_and_binary_inputs_are_refused() {
        let refuse = |bytes: &[u8]| decode("a", bytes).unwrap_err().to_string();
        assert_eq!(refuse(b""), "a: the file is empty");
        assert_eq!(refuse(b" \n\t "), "a: the file is empty");
        assert_eq!(
            refuse(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "a: looks like a binary file, not text"
        );
    }

    #[test]
    fn the_format_comes_from_content_then_extension() {
        assert_eq!(detect_format("x.txt", b"%PDF-1.7\n"), DocumentFormat::Pdf);
        assert_eq!(detect_format("x", b" \n%PDF-1.7\n"), DocumentFormat::Pdf);
        let mentions = b"Notes on the %PDF-1.7 header.";
        assert_eq!(detect_format("x.txt", mentions), DocumentFormat::PlainText);
        assert_eq!(detect_format("x.md", mentions), DocumentFormat::Markdown);
        assert_eq!(
            detect_format("x.pdf", b"junk\n%PDF-1.4"),
            DocumentFormat::Pdf
        );
        assert_eq!(
            detect_format("x", b"  <!DOCTYPE html><p>"),
            DocumentFormat::Html
        );
        assert_eq!(detect_format("x.txt", b"<html><p>"), DocumentFormat::Html);
        assert_eq!(detect_format("x.md", b"<html>"), DocumentFormat::Markdown);
        assert_eq!(detect_format("x.MD", b"# a"), DocumentFormat::Markdown);
        assert_eq!(detect_format("x.htm", b"<p>a"), DocumentFormat::Html);
        assert_eq!(detect_format("x", b"plain"), DocumentFormat::PlainText);
        assert_eq!(detect_format("x.pdf", b"plain"), DocumentFormat::Pdf);
        let docx = archive::tests::zip_of(&[("word/document.xml", b"<w:document/>")]);
        assert_eq!(detect_format("x.zip", &docx), DocumentFormat::Docx);
        let epub = archive::tests::zip_of(&[("mimetype", b"application/epub+zip")]);
        assert_eq!(detect_format("x.docx", &epub), DocumentFormat::Epub);
    }

    #[test]
    fn errors_are_one_line_and_name_the_file() {
        let cases: Vec<(DocumentFormat, &[u8], &str)> = vec![
            (
                DocumentFormat::Pdf,
                b"%PDF-1.4 truncated",
                "r.pdf: the file is damaged or not a PDF",
            ),
            (
                DocumentFormat::Docx,
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0",
                "r.pdf: the document is password-protected or an old .doc file",
            ),
            (
                DocumentFormat::Epub,
                b"PK\x03\x04junk",
                "r.pdf: the file is damaged or not an EPUB",
            ),
            (
                DocumentFormat::Html,
                b"<script>only()</script>",
                "r.pdf: the HTML file has no text",
            ),
        ];
        for (format, bytes, message) in cases {
            let error = load_bytes("r.pdf", bytes, &forced(format)).unwrap_err();
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_expansion() {
        let zeros = vec![0u8; 70 * 1024 * 1024];
        let bomb = archive::tests::zip_of(&[("word/document.xml", &zeros)]);
        let error = load_bytes("bomb.docx", &bomb, &LoadOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "bomb.docx: expands to more than 64 MB (a zip bomb?)"
        );
    }

    #[test]
    fn big_inputs_are_refused_before_parsing_with_exact_sizes() {
        let error = check_size("big.txt", MAX_FILE_BYTES + 1).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.txt: the file is 268,435,457 bytes (256.0 MB); \
             newslens opens files up to 268,435,456 bytes (256 MB)"
        );
        assert!(check_size("fits.txt", MAX_FILE_BYTES).is_ok());
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(megabytes(1536), "1.5 KB");
    }

    fn fixture(name: &str) -> Result<Document, LoadError> {
        load_path(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/formats")
                .join(name),
        )
    }

    #[test]
    fn each_fixture_gives_paragraphs_without_markup() {
        let heading = "Tarvik opens its new harbour bridge\n\n";
        for (name, format, starts) in [
            ("article.md", DocumentFormat::Markdown, heading),
            ("article.html", DocumentFormat::Html, heading),
            ("article.pdf", DocumentFormat::Pdf, heading),
            ("article.docx", DocumentFormat::Docx, heading),
            (
                "article.epub",
                DocumentFormat::Epub,
                "Chapter 1: The opening\n\n",
            ),
        ] {
            let doc = fixture(name).unwrap();
            assert_eq!(doc.format, format, "{name}");
            assert!(doc.text.starts_with(starts), "{name}: {:?}", doc.text);
            assert!(
                doc.text.contains("transportation in our region"),
                "{name}: {:?}",
                doc.text
            );
            assert!(
                !doc.text.contains(['<', '*', '#']),
                "{name}: {:?}",
                doc.text
            );
            assert_eq!(doc.encoding, "UTF-8");
            // The title is a heading wherever the format can say so.
            let first = doc
                .headings
                .first()
                .map(|h| (&doc.text[h.range.clone()], h.level));
            let expected = (format != DocumentFormat::Pdf).then_some((starts.trim_end(), 1));
            assert_eq!(first, expected, "{name}");
        }
        let pdf = fixture("article.pdf").unwrap().text;
        assert!(
            pdf.contains("\n\nMayor Elena Varga opened the new harbour bridge in Tarvik on Monday, three years after construction began.\n\n"),
            "{pdf:?}"
        );
    }

    #[test]
    fn text_fixtures_are_decoded() {
        let doc = fixture("latin1.txt").unwrap();
        assert_eq!(doc.encoding, "windows-1252");
        assert!(doc.headings.is_empty());
        assert!(doc.text.starts_with("Café owner José Ortega"));
        let doc = fixture("utf16be.txt").unwrap();
        assert_eq!(doc.encoding, "UTF-16BE");
        let doc = fixture("cp1251.txt").unwrap();
        assert_eq!(doc.encoding, "windows-1251");
        assert!(doc.text.contains("Иван Петров"));
        let doc = fixture("shift_jis.txt").unwrap();
        assert_eq!(doc.encoding, "Shift_JIS");
        assert!(doc.text.contains("山田太郎"));
        let chosen = LoadOptions {
            encoding: encoding_by_name("koi8-r"),
            ..LoadOptions::default()
        };
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/cp1251.txt");
        assert_eq!(load_path_with(&path, &chosen).unwrap().encoding, "KOI8-R");
    }

    #[test]
    fn bad_fixtures_give_their_messages() {
        for (name, message) in [
            ("truncated.pdf", "the file is damaged or not a PDF"),
            (
                "scanned.pdf",
                "the PDF has no text layer (a scanned PDF?); newslens does not do OCR",
            ),
            ("encrypted.pdf", "the PDF is password-protected"),
            (
                "corrupt.docx",
                "the file is damaged or not a Word (.docx) document",
            ),
            (
                "encrypted.docx",
                "the document is password-protected or an old .doc file",
            ),
            (
                "drm.epub",
                "the EPUB is locked with DRM; newslens cannot read it",
            ),
        ] {
            let error = fixture(name).unwrap_err().to_string();
            assert!(error.ends_with(&format!("{name}: {message}")), "{error}");
        }
    }

    #[test]
    fn missing_paths_and_folders_get_their_own_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        assert!(matches!(
            load_path(&missing),
            Err(LoadError::NotFound { .. })
        ));
        assert!(matches!(
            load_path(dir.path()),
            Err(LoadError::IsDirectory { .. })
        ));
    }
}
