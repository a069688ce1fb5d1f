//! A document owns its text; every span elsewhere is a byte range into it.

use std::path::PathBuf;

/// The text of an opened article, with where it came from and how it was decoded.
#[derive(Clone, Debug)]
pub struct Document {
    /// A short name for title bars and exports (the file name).
    pub name: String,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// The decoded text; all offsets refer to its UTF-8 bytes.
    pub text: String,
    /// How the bytes were decoded, e.g. "UTF-8" or "Windows-1252".
    pub encoding: &'static str,
    /// Something the reader should be told about the decoding, if anything.
    pub notice: Option<String>,
    /// What kind of file the text was extracted from; the text itself never has markup.
    pub format: DocumentFormat,
    /// The headings the file marked (Markdown `#`, HTML `<h1>`, Word heading styles), in
    /// text order and not overlapping. Plain text and PDFs have none.
    pub headings: Vec<Heading>,
}

/// A heading of the document: the reader draws it larger. Its text is in
/// [`Document::text`] like any paragraph's, so no offset depends on headings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The heading's text: one whole paragraph, without the blank lines around it. It
    /// spans lines only where the heading had a line break (`<br>` in an `<h1>`).
    pub range: std::ops::Range<usize>,
    /// 1 is the most important (a title), 6 the least.
    pub level: u8,
}

/// The kinds of file newslens reads. The reader and the exports only see extracted text,
/// but saying where it came from explains why offsets differ from the file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DocumentFormat {
    #[default]
    PlainText,
    Markdown,
    Html,
    Epub,
    Pdf,
    Docx,
}

impl DocumentFormat {
    /// Every format, e.g. for a file dialog's filters.
    pub const ALL: [DocumentFormat; 6] = [
        DocumentFormat::PlainText,
        DocumentFormat::Markdown,
        DocumentFormat::Html,
        DocumentFormat::Epub,
        DocumentFormat::Pdf,
        DocumentFormat::Docx,
    ];

    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            DocumentFormat::PlainText => "plain text",
            DocumentFormat::Markdown => "Markdown",
            DocumentFormat::Html => "HTML",
            DocumentFormat::Epub => "EPUB",
            DocumentFormat::Pdf => "PDF",
            DocumentFormat::Docx => "Word (.docx)",
        }
    }

    /// File extensions (lower case, no dot) that usually hold this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            DocumentFormat::PlainText => &["txt", "text"],
            DocumentFormat::Markdown => &["md", "markdown", "mdown", "mkd"],
            DocumentFormat::Html => &["html", "htm", "xhtml"],
            DocumentFormat::Epub => &["epub"],
            DocumentFormat::Pdf => &["pdf"],
            DocumentFormat::Docx => &["docx"],
        }
    }

    /// The format a file extension suggests, if any (case does not matter).
    pub fn from_extension(extension: &str) -> Option<DocumentFormat> {
        let extension = extension.to_ascii_lowercase();
        DocumentFormat::ALL
            .into_iter()
            .find(|format| format.extensions().contains(&extension.as_str()))
    }
}

impl std::fmt::Display for DocumentFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Document {
    /// A document made from text in memory (the built-in sample, tests).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            name: name.into(),
            path: None,
            text: text.into(),
            encoding: "UTF-8",
            notice: None,
            format: DocumentFormat::PlainText,
            headings: Vec::new(),
        }
    }
}

/// The sample article shown when the reader starts without a file.
pub const SAMPLE_NAME: &str = "china-peru-chancay.txt";

/// The sample's text, embedded so that the reader works from any directory.
pub const SAMPLE_TEXT: &str = include_str!("../seeds/china-peru-chancay.txt");

/// The built-in sample article as a document.
pub fn sample() -> Document {
    Document::from_text(SAMPLE_NAME, SAMPLE_TEXT)
}
