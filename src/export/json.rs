//! The JSON export, also what `score.py` reads:
//! `{"file", "text_bytes", "entities": [...], "groups": [...], "facts": [...]}`.

use crate::analysis::Analysis;
use serde::Serialize;

#[derive(Serialize)]
struct Export<'a> {
    file: &'a str,
    text_bytes: usize,
    /// What the document was read as: "plain text", "PDF", ...
    format: &'static str,
    encoding: &'a str,
    entities: Vec<Entity<'a>>,
    groups: Vec<Group<'a>>,
    facts: Vec<Fact<'a>>,
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
    text: &'a str,
    summary: &'a str,
    confidence: f32,
    figures: Vec<Span<'a>>,
    dates: Vec<Span<'a>>,
    entities: &'a [usize],
    /// The kind's own fields (from/to, speaker, who/when/where, ...).
    detail: &'a crate::facts::Detail,
}

pub fn render(analysis: &Analysis) -> String {
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
        entities: analysis
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| Entity {
                start: m.start,
                end: m.end,
                label: m.label.as_str(),
                text: m.text(text),
                entity: analysis.group_of[i],
                source: m.source.as_str(),
                score: (m.score * 100.0).round() / 100.0,
            })
            .collect(),
        groups: analysis
            .groups
            .iter()
            .map(|g| Group {
                id: g.id,
                label: g.label.as_str(),
                name: &g.name,
                mentions: g.mention_count(),
            })
            .collect(),
        facts: analysis
            .facts
            .iter()
            .map(|f| Fact {
                kind: f.kind.as_str(),
                start: f.start,
                end: f.end,
                text: &text[f.start..f.end],
                summary: &f.summary,
                confidence: (f.confidence * 100.0).round() / 100.0,
                detail: &f.detail,
                figures: f.figures.iter().map(|&i| span(i)).collect(),
                dates: f.dates.iter().map(|&i| span(i)).collect(),
                entities: &f.entities,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&export).expect("plain data always serialises");
    out.push('\n');
    out
}
