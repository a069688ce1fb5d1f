//! Exports of an analysis: JSON (for tools and the scorer), CSV (one row a mention),
//! Markdown (a readable digest), a standalone HTML page, CoNLL and JSON Lines (training
//! data), and the plain text every offset refers to.

mod conll;
mod csv;
mod html;
mod json;
mod jsonl;
mod markdown;

use crate::analysis::Analysis;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Csv,
    Markdown,
    Html,
    /// CoNLL with IOB2 tags.
    Conll,
    /// JSON Lines, one document a line.
    Jsonl,
    /// The document's extracted text, which every offset refers to.
    Text,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Html,
        Format::Conll,
        Format::Jsonl,
        Format::Text,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Conll => "conll",
            Format::Jsonl => "jsonl",
            Format::Text => "txt",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV (one row per mention)",
            Format::Markdown => "Markdown",
            Format::Html => "HTML page",
            Format::Conll => "CoNLL (IOB2 tags, for training)",
            Format::Jsonl => "JSON Lines (spans, for training)",
            Format::Text => "Plain text (what the offsets refer to)",
        }
    }

    /// Parses a format name or file extension ("json", "md", "markdown", ...).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "conll" | "iob" | "iob2" => Some(Format::Conll),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Renders the analysis in the given format.
pub fn render(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => json::render(analysis),
        Format::Csv => csv::render(analysis),
        Format::Markdown => markdown::render(analysis),
        Format::Html => html::render(analysis),
        Format::Conll => conll::render(analysis),
        Format::Jsonl => jsonl::render(analysis),
        Format::Text => analysis.text().to_string(),
    }
}

/// Writes an export to a file, through a temporary file so that a failure never leaves a
/// half-written export behind.
pub fn write_file(
    analysis: &Analysis,
    format: Format,
    path: &std::path::Path,
) -> std::io::Result<()> {
    crate::atomic::write(path, render(analysis, format).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, document::sample};

    #[test]
    fn formats_parse_from_names_and_extensions() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.extension()), Some(format));
        }
        assert_eq!(Format::parse("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::parse("pdf"), None);
        assert_eq!(Format::parse("text"), Some(Format::Text));
    }

    #[test]
    fn every_format_renders_the_sample() {
        let analysis = analyse(sample());
        for format in Format::ALL {
            let out = render(&analysis, format);
            assert!(out.contains("Boluarte"), "{format} lacks Boluarte");
        }
    }
}
