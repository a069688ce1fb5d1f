//! An entity's mentions in context (a concordance, "keyword in context"): for each
//! mention, the words before and after it in its sentence, as the side panel lists them
//! and the concordance CSV exports them.

use crate::analysis::Analysis;
use std::ops::Range;

/// How much of the sentence each side of a mention shows, in characters, before it is cut
/// at a space and marked with "…".
pub const CONTEXT_CHARS: usize = 60;

/// One mention with its surroundings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConcordanceLine {
    /// The mention's index in the analysis.
    pub mention: usize,
    /// The mention's byte range in the text.
    pub range: Range<usize>,
    /// The sentence holding it.
    pub sentence: Range<usize>,
    /// The sentence's words just before the mention, "…" first if cut.
    pub before: String,
    /// The mention as written.
    pub hit: String,
    /// The sentence's words just after it, "…" last if cut.
    pub after: String,
}

/// The mentions of the entity `group`, in document order. None for an unknown group.
pub fn lines(analysis: &Analysis, group: usize) -> Option<Vec<ConcordanceLine>> {
    let group = analysis.groups.get(group)?;
    Some(
        group
            .mentions
            .iter()
            .filter_map(|&m| line(analysis, m))
            .collect(),
    )
}

/// One mention in its context (a window shows only the lines in view, of thousands).
pub fn line(analysis: &Analysis, mention: usize) -> Option<ConcordanceLine> {
    let text = analysis.text();
    let found = analysis.mentions.get(mention)?;
    let sentence = analysis.sentence_around(found.start);
    let (before, hit, after) = in_context(text, sentence.clone(), found.range())?;
    Some(ConcordanceLine {
        mention,
        range: found.start..found.end,
        before,
        hit,
        after,
        sentence,
    })
}

/// The words of `sentence` before `range`, the text of `range`, and the words after it,
/// as a concordance line shows them (the library's concordance too). None if a range does
/// not slice the text.
pub(crate) fn in_context(
    text: &str,
    sentence: Range<usize>,
    range: Range<usize>,
) -> Option<(String, String, String)> {
    let start = range.start.max(sentence.start);
    let end = range.end.min(sentence.end.max(start));
    Some((
        left_context(text.get(sentence.start..start)?),
        collapse_spaces(text.get(range)?),
        right_context(text.get(end..sentence.end)?),
    ))
}

/// The last words of `before`, at most about [`CONTEXT_CHARS`].
fn left_context(before: &str) -> String {
    let before = collapse_spaces(before);
    let count = before.chars().count();
    if count <= CONTEXT_CHARS {
        return before;
    }
    let cut = before
        .char_indices()
        .nth(count - CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    // Start after a space, so that no word is cut.
    let from = before[cut..].find(' ').map_or(cut, |i| cut + i + 1);
    format!("…{}", &before[from..])
}

/// The first words of `after`, at most about [`CONTEXT_CHARS`].
fn right_context(after: &str) -> String {
    let after = collapse_spaces(after);
    let Some((cut, _)) = after.char_indices().nth(CONTEXT_CHARS) else {
        return after;
    };
    let to = after[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", &after[..to])
}

/// Line breaks and runs of spaces become one space, keeping a leading or trailing one (it
/// separates the context from the mention).
pub(crate) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Writes the concordance as CSV: entity, kind, the mention and its byte offsets, the
/// context on each side, and the sentence's byte offsets.
pub fn write_csv(
    analysis: &Analysis,
    group: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let Some(lines) = lines(analysis, group) else {
        return Err(std::io::Error::other(format!("no entity number {group}")));
    };
    let entity = &analysis.groups[group];
    let mut writer = csv::Writer::from_writer(out);
    let mut write = || -> Result<(), csv::Error> {
        writer.write_record([
            "entity",
            "kind",
            "mention",
            "start",
            "end",
            "before",
            "after",
            "sentence_start",
            "sentence_end",
        ])?;
        for line in &lines {
            writer.write_record([
                entity.name.as_str(),
                entity.label.as_str(),
                &line.hit,
                &line.range.start.to_string(),
                &line.range.end.to_string(),
                line.before.trim(),
                line.after.trim(),
                &line.sentence.start.to_string(),
                &line.sentence.end.to_string(),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    write().map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyse};

    fn group_named(analysis: &Analysis, name: &str) -> usize {
        analysis
            .groups
            .iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .id
    }

    #[test]
    fn each_mention_comes_with_its_sentence_around_it() {
        let text = "Peruvian President Dina Boluarte met Xi Jinping on Friday.\n\n\
                    Later, Boluarte said the port would open.";
        let analysis = analyse(Document::from_text("t", text));
        let lines = lines(&analysis, group_named(&analysis, "Dina Boluarte")).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].before, "Peruvian President ");
        assert_eq!(lines[0].hit, "Dina Boluarte");
        assert_eq!(lines[0].after, " met Xi Jinping on Friday.");
        assert_eq!(&text[lines[1].range.clone()], "Boluarte");
        assert_eq!(lines[1].before, "Later, ");
        assert!(lines[1].sentence.start > lines[0].sentence.end);
    }

    #[test]
    fn long_sentences_are_cut_at_spaces_on_both_sides() {
        let words = "one two three four five six seven eight nine ten ".repeat(4);
        let text = format!("{words}Xi Jinping arrived, {words}end.");
        let analysis = analyse(Document::from_text("t", text));
        let lines = lines(&analysis, group_named(&analysis, "Xi Jinping")).unwrap();
        let line = &lines[0];
        assert!(line.before.starts_with('…') && line.after.ends_with('…'));
        assert!(line.before.chars().count() <= CONTEXT_CHARS + 1);
        assert!(line.after.chars().count() <= CONTEXT_CHARS + 1);
        // Whole words only.
        let first = line
            .before
            .trim_start_matches('…')
            .split(' ')
            .next()
            .unwrap();
        assert!(words.split(' ').any(|w| w == first), "{first}");
    }

    #[test]
    fn the_csv_has_a_row_per_mention_with_byte_offsets() {
        let text = "Xi Jinping spoke. Then Xi left, said \"goodbye, all\".";
        let analysis = analyse(Document::from_text("t", text));
        let mut out = Vec::new();
        write_csv(&analysis, group_named(&analysis, "Xi Jinping"), &mut out).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        for row in &rows {
            let (start, end): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
            assert_eq!(&text[start..end], &row[2]);
            assert_eq!(&row[0], "Xi Jinping");
        }
        assert!(write_csv(&analysis, 999, &mut Vec::new()).is_err());
    }
}
