//! Exports of an analysis: JSON (for tools and the scorer), CSV (one row a mention),
//! Markdown (a readable digest) and a standalone HTML page.

mod csv;
mod html;
mod json;
mod markdown;

use crate::analysis::Analysis;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Csv,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Csv, Format::Markdown, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV (one row per mention)",
            Format::Markdown => "Markdown",
            Format::Html => "HTML page",
        }
    }

    /// Parses a format name or file extension ("json", "md", "markdown", ...).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
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
