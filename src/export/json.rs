//! The JSON export, also what `score.py` reads:
//! `{"file", "text_bytes", "entities": [...], "groups": [...], "facts": [...]}`.

use crate::analysis::Analysis;
use serde::Serialize;
use std::cell::RefCell;
use std::io;

/// The lists are written as they are made, one item at a time: a long document has
/// millions of mentions, and a list of them built first would cost more than its text.
#[derive(Serialize)]
#[serde(bound(
    serialize = "Streamed<E>: Serialize, Streamed<G>: Serialize, Streamed<F>: Serialize"
))]
struct Export<'a, E, G, F> {
    file: &'a str,
    text_bytes: usize,
    /// What the document was read as: "plain text", "PDF", ...
    format: &'static str,
    encoding: &'a str,
    entities: Streamed<E>,
    groups: Streamed<G>,
    facts: Streamed<F>,
}

/// A JSON array written from an iterator, which it uses up.
struct Streamed<I>(RefCell<Option<I>>);

impl<I> Streamed<I> {
    fn new(items: I) -> Self {
        Streamed(RefCell::new(Some(items)))
    }
}

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Streamed<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.borrow_mut().take().into_iter().flatten())
    }
}

#[derive(Serialize)]
struct Entity<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
    entity: usize,
    source: &'static str,
    score: f32,
}

#[derive(Serialize)]
struct Group<'a> {
    id: usize,
    label: &'static str,
    name: &'a str,
    mentions: usize,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Fact<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    /// The sentence, or a long one's part around the fact's figures (see
    /// [`super::fact_context`]); `start` and `end` give the whole span.
    text: std::borrow::Cow<'a, str>,
    summary: &'a str,
    confidence: f32,
    figures: Vec<Span<'a>>,
    dates: Vec<Span<'a>>,
    entities: &'a [usize],
    /// The kind's own fields (from/to, speaker, who/when/where, ...).
    detail: &'a crate::facts::Detail,
}

pub fn write(analysis: &Analysis, out: &mut dyn io::Write) -> io::Result<()> {
    let text = analysis.text();
    let span = |i: usize| {
        let m = &analysis.mentions[i];
        Span {
            start: m.start,
            end: m.end,
            text: m.text(text),
        }
    };
    let export = Export {
        file: &analysis.document.name,
        text_bytes: text.len(),
        format: analysis.document.format.name(),
        encoding: analysis.document.encoding,
        entities: Streamed::new(analysis.mentions.iter().enumerate().map(|(i, m)| Entity {
            start: m.start,
            end: m.end,
            label: m.label.as_str(),
            text: m.text(text),
            entity: analysis.group_of[i],
            source: m.source.as_str(),
            score: (m.score * 100.0).round() / 100.0,
        })),
        groups: Streamed::new(analysis.groups.iter().map(|g| Group {
            id: g.id,
            label: g.label.as_str(),
            name: &g.name,
            mentions: g.mention_count(),
        })),
        facts: Streamed::new(analysis.facts.iter().map(|f| Fact {
            kind: f.kind.as_str(),
            start: f.start,
            end: f.end,
            text: super::fact_context(analysis, f),
            summary: &f.summary,
            confidence: (f.confidence * 100.0).round() / 100.0,
            detail: &f.detail,
            figures: f.figures.iter().map(|&i| span(i)).collect(),
            dates: f.dates.iter().map(|&i| span(i)).collect(),
            entities: &f.entities,
        })),
    };
    serde_json::to_writer_pretty(&mut *out, &export).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
