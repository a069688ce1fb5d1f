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
use std::ops::Range;

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
    let mut bytes = Vec::new();
    // Writing to memory fails only on allocation, which aborts anyway.
    let _ = write_to(analysis, format, &mut bytes);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the analysis in the given format. JSON and CSV are written as they are made,
/// so a long document's export never sits in memory whole.
pub fn write_to(
    analysis: &Analysis,
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(analysis, out),
        Format::Csv => csv::write(analysis, out),
        Format::Markdown => out.write_all(markdown::render(analysis).as_bytes()),
        Format::Html => out.write_all(html::render(analysis).as_bytes()),
        Format::Conll => out.write_all(conll::render(analysis).as_bytes()),
        Format::Jsonl => out.write_all(jsonl::render(analysis).as_bytes()),
        Format::Text => out.write_all(analysis.text().as_bytes()),
    }
}

/// The most of a sentence an export repeats with each mention or fact. A sentence can be
/// [`crate::text::MAX_SENTENCE_BYTES`] long and carry hundreds of mentions: repeating it
/// whole with each would make the export grow with the square of the sentence.
pub const MAX_CONTEXT_BYTES: usize = 600;

/// The part of `sentence` to show with `focus` (a mention, a fact's figures): the whole
/// sentence when it is short, else a window of at most [`MAX_CONTEXT_BYTES`] around the
/// focus, cut at spaces and marked with "…" where it was cut.
pub(crate) fn context(
    text: &str,
    sentence: Range<usize>,
    focus: Range<usize>,
) -> std::borrow::Cow<'_, str> {
    let sentence = sentence.start.min(text.len())..sentence.end.min(text.len());
    if sentence.len() <= MAX_CONTEXT_BYTES {
        return text.get(sentence).unwrap_or_default().into();
    }
    let focus = focus.start.clamp(sentence.start, sentence.end)
        ..focus.end.clamp(sentence.start, sentence.end);
    let room = MAX_CONTEXT_BYTES.saturating_sub(focus.len()) / 2;
    let mut start = focus.start.saturating_sub(room).max(sentence.start);
    let mut end = (start + MAX_CONTEXT_BYTES).min(sentence.end);
    start = end.saturating_sub(MAX_CONTEXT_BYTES).max(sentence.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    // Whole words only: drop the partial word at a cut end.
    let from = match start > sentence.start {
        true => window.find(' ').map_or(0, |i| i + 1),
        false => 0,
    };
    let to = match end < sentence.end {
        true => window
            .rfind(' ')
            .filter(|&i| i > from)
            .unwrap_or(window.len()),
        false => window.len(),
    };
    let mut out = String::with_capacity(to - from + 6);
    if start > sentence.start {
        out.push('…');
    }
    out.push_str(window[from..to].trim());
    if end < sentence.end {
        out.push('…');
    }
    out.into()
}

/// What an export shows of a fact's sentence: a quote's own words whole (quotes do not
/// overlap, so they add up to the text at most), any other fact's sentence around its
/// figures and dates.
pub(crate) fn fact_context<'t>(
    analysis: &'t Analysis,
    fact: &crate::facts::Fact,
) -> std::borrow::Cow<'t, str> {
    let text = analysis.text();
    if fact.kind == crate::facts::FactKind::Quote {
        return text.get(fact.range()).unwrap_or_default().into();
    }
    let spans = fact
        .figures
        .iter()
        .chain(&fact.dates)
        .filter_map(|&i| analysis.mentions.get(i));
    let focus = spans
        .map(|m| m.start..m.end)
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        .unwrap_or(fact.start..fact.start);
    context(text, fact.range(), focus)
}

/// Writes an export to a file, through a temporary file so that a failure never leaves a
/// half-written export behind.
pub fn write_file(
    analysis: &Analysis,
    format: Format,
    path: &std::path::Path,
) -> std::io::Result<()> {
    crate::atomic::write_with(path, |file| {
        let mut writer = std::io::BufWriter::new(file);
        write_to(analysis, format, &mut writer)?;
        std::io::Write::flush(&mut writer)
    })
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
    fn context_is_the_sentence_or_a_bounded_window_around_the_focus() {
        let short = "Xi met Boluarte in Lima.";
        assert_eq!(context(short, 0..short.len(), 3..6), short);
        let long = format!("{} Boluarte {}", "word ".repeat(200), "más ".repeat(200));
        let at = long.find("Boluarte").unwrap();
        let window = context(&long, 0..long.len(), at..at + 8);
        assert!(window.len() <= MAX_CONTEXT_BYTES + 6, "{}", window.len());
        assert!(window.contains("Boluarte"));
        assert!(
            window.starts_with("…word ") && window.ends_with(" más…"),
            "{window}"
        );
        let start = context(&long, 0..long.len(), 0..4);
        assert!(start.starts_with("word") && start.ends_with('…'));
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
