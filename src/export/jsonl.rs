//! JSON Lines: one document a line with its text, its labelled spans (byte offsets) and
//! its entities, in the shape span-annotation tools read, for training and for piping.

use crate::analysis::Analysis;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    /// The path it was read from, which tells apart files of the same name in a batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    text: &'a str,
    spans: Vec<Span<'a>>,
    groups: Vec<Group<'a>>,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
    /// The id of the entity (group) the span belongs to.
    entity: usize,
    /// "user" and "dictionary" mark the user's corrections.
    source: &'static str,
}

#[derive(Serialize)]
struct Group<'a> {
    id: usize,
    label: &'static str,
    name: &'a str,
    /// Indices into `spans`.
    mentions: &'a [usize],
}

pub fn render(analysis: &Analysis) -> String {
    let text = analysis.text();
    let line = Line {
        file: &analysis.document.name,
        path: analysis
            .document
            .path
            .as_ref()
            .map(|p| p.display().to_string()),
        text,
        spans: analysis
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| Span {
                start: m.start,
                end: m.end,
                label: m.label.as_str(),
                text: m.text(text),
                entity: analysis.group_of[i],
                source: m.source.as_str(),
            })
            .collect(),
        groups: analysis
            .groups
            .iter()
            .map(|g| Group {
                id: g.id,
                label: g.label.as_str(),
                name: &g.name,
                mentions: &g.mentions,
            })
            .collect(),
    };
    let mut out = serde_json::to_string(&line).expect("plain data always serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyse};

    #[test]
    fn one_line_with_offsets_into_the_text() {
        let analysis = analyse(Document::from_text("t.txt", "Xi met Boluarte in Lima.\n"));
        let out = render(&analysis);
        assert_eq!(out.lines().count(), 1);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = value["text"].as_str().unwrap();
        for span in value["spans"].as_array().unwrap() {
            let (start, end) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], span["text"].as_str().unwrap());
        }
        assert!(!value["groups"].as_array().unwrap().is_empty());
    }
}
