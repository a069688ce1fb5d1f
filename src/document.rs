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
