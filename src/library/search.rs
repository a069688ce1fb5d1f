//! Full-text search over the library: FTS5 queries (words, "phrases", AND / OR / NOT,
//! prefix*), ranked by bm25, plus two filters of newslens's own: `kind:PERSON` (documents
//! naming an entity of that kind) and `entity:"Xi Jinping"` or `entity:Xi` (documents
//! naming that library entity, by its name or any form of it). A word FTS5 would reject
//! for its punctuation ("U.S.", "Xi's") is searched as a phrase; a query it still rejects
//! is a [`LibraryError::Query`], never a panic.

use super::concordance::{sentence_around, text_and_sentences};
use super::documents::{DOCUMENT_COLUMNS, DocumentRow, document_row};
use super::{Library, LibraryError, count, int, label_code, packed};
use crate::concordance::in_context;
use crate::entity::Label;
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use std::collections::BTreeSet;
use std::ops::Range;

/// One document found.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub document: DocumentRow,
    /// A few words around the best match, on one line ("…" where cut).
    pub snippet: String,
    /// The byte ranges of `snippet` that matched, to highlight.
    pub highlights: Vec<Range<usize>>,
    /// The byte offset in the document's text of its first match (for a search by
    /// filters alone, of its first mention of the entity or kind).
    pub first_match: usize,
    /// bm25 (lower is better; 0 for a search by filters alone).
    pub score: f64,
}

/// Marks FTS5 puts around matches (private-use characters, which text does not use).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Words a snippet shows around the match.
const SNIPPET_WORDS: i64 = 16;

/// A query taken apart.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    /// What goes to FTS5 (empty for filters alone).
    fts: String,
    kinds: Vec<Label>,
    entities: Vec<String>,
}

const OPERATORS: [&str; 4] = ["AND", "OR", "NOT", "NEAR"];

/// Splits a query into FTS5's part and the filters.
fn parse(query: &str) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut tokens: Vec<String> = Vec::new();
    let mut rest = query.trim_start();
    while let Some(c) = rest.chars().next() {
        let (token, after) = match c {
            '"' => quoted(rest),
            '(' | ')' => rest.split_at(1),
            _ => rest.split_at(
                rest.find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
                    .unwrap_or(rest.len()),
            ),
        };
        rest = after;
        let lower = token.to_lowercase();
        let filter = ["kind:", "entity:"]
            .into_iter()
            .find(|prefix| lower.starts_with(prefix));
        if let Some(prefix) = filter {
            let mut value = token[prefix.len()..].to_string();
            if value.is_empty() && rest.starts_with('"') {
                let (string, after) = quoted(rest);
                value = unquote(string);
                rest = after;
            }
            if value.trim().is_empty() {
                return Err(format!("{prefix} needs a value, as in {prefix}PERSON"));
            }
            if tokens.last().is_some_and(|t| t == "AND") {
                tokens.pop();
            }
            match prefix {
                "kind:" => parsed.kinds.push(Label::parse(value.trim()).ok_or_else(|| {
                    let kinds: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
                    format!("no kind {value} (the kinds are {})", kinds.join(", "))
                })?),
                _ => parsed.entities.push(value.trim().to_string()),
            }
        } else if matches!(c, '"' | '(' | ')') || OPERATORS.contains(&token) || is_bareword(token) {
            tokens.push(token.to_string());
        } else {
            tokens.push(format!("\"{}\"", token.replace('"', "\"\"")));
        }
        rest = rest.trim_start();
    }
    // An operator left dangling by a filter taken out.
    while tokens
        .last()
        .is_some_and(|t| OPERATORS.contains(&t.as_str()))
    {
        tokens.pop();
    }
    while tokens.first().is_some_and(|t| t == "AND" || t == "OR") {
        tokens.remove(0);
    }
    parsed.fts = tokens.join(" ");
    Ok(parsed)
}

/// A string in double quotes at the start of `text` (`""` inside is a quotation mark),
/// and what follows it; unterminated, the rest of the text (FTS5 will say so).
fn quoted(text: &str) -> (&str, &str) {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if chars.peek().is_some_and(|&(_, next)| next == '"') {
                chars.next();
                continue;
            }
            return text.split_at(i + 1);
        }
    }
    (text, "")
}

fn unquote(string: &str) -> String {
    let inner = string.strip_prefix('"').unwrap_or(string);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    inner.replace("\"\"", "\"")
}

/// A word FTS5 takes as it is: letters, digits, `_`, anything beyond ASCII; a trailing `*`
/// asks for a prefix.
fn is_bareword(word: &str) -> bool {
    let word = word.strip_suffix('*').unwrap_or(word);
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || !c.is_ascii())
}

impl Library {
    /// The documents matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, LibraryError> {
        let rejected = |message: String| LibraryError::Query {
            path: self.path.clone(),
            query: query.to_string(),
            message,
        };
        let parsed = parse(query).map_err(rejected)?;
        if parsed.fts.is_empty() && parsed.kinds.is_empty() && parsed.entities.is_empty() {
            return Ok(Vec::new());
        }
        let within = self.run(|c| filtered_documents(c, &parsed))?;
        if within.as_ref().is_some_and(BTreeSet::is_empty) {
            return Ok(Vec::new());
        }
        if parsed.fts.is_empty() {
            let restriction = match &within {
                Some(ids) => format!(
                    "AND rowid IN ({})",
                    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
                ),
                None => String::new(),
            };
            return self.run(|c| filter_hits(c, &parsed, &restriction, limit));
        }
        // The filters are applied to the ranked matches as they come: FTS5 given a long
        // `rowid IN (...)` list looks each one up alone (seconds on 10,000 documents).
        let ranked: Vec<(i64, f64)> = self
            .connection
            .prepare("SELECT rowid, rank FROM texts WHERE texts MATCH ?1 ORDER BY rank")
            .and_then(|mut statement| {
                let rows = statement.query_map(params![parsed.fts], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, f64>(1)?))
                })?;
                let mut kept = Vec::new();
                for row in rows {
                    let (id, rank) = row?;
                    if within.as_ref().is_none_or(|ids| ids.contains(&id)) {
                        kept.push((id, rank));
                        if kept.len() >= limit {
                            break;
                        }
                    }
                }
                Ok(kept)
            })
            .map_err(|error| match error.sqlite_error_code() {
                // A query FTS5 does not take: SQLite's generic error, with its reason.
                Some(ErrorCode::Unknown) => rejected(sqlite_message(&error)),
                _ => self.error(error),
            })?;
        self.run(|c| {
            let mut hits = Vec::with_capacity(ranked.len());
            for (id, score) in ranked {
                if let Some(hit) = text_hit(c, &parsed.fts, id, score)? {
                    hits.push(hit);
                }
            }
            Ok(hits)
        })
    }
}

/// SQLite's own words for an error, without rusqlite's wrapping.
fn sqlite_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    }
}

/// The documents the filters allow (None: no filter).
fn filtered_documents(c: &Connection, parsed: &Parsed) -> rusqlite::Result<Option<BTreeSet<i64>>> {
    let mut sets: Vec<BTreeSet<i64>> = Vec::new();
    for &kind in &parsed.kinds {
        let mut statement = c.prepare_cached("SELECT id FROM documents WHERE kinds & ?1 != 0")?;
        let ids = statement.query_map([1i64 << label_code(kind)], |row| row.get(0))?;
        sets.push(ids.collect::<rusqlite::Result<_>>()?);
    }
    for name in &parsed.entities {
        let mut documents = BTreeSet::new();
        for entity in entities_named(c, name)? {
            let mut statement = c.prepare_cached(
                "SELECT DISTINCT g.document FROM forms f JOIN groups g ON g.form = f.id
                 WHERE f.entity = ?1",
            )?;
            for id in statement.query_map([entity], |row| row.get(0))? {
                documents.insert(id?);
            }
        }
        sets.push(documents);
    }
    Ok(sets
        .into_iter()
        .reduce(|a, b| a.intersection(&b).copied().collect()))
}

/// The library entities a name names: by their name or by any form of them.
fn entities_named(c: &Connection, name: &str) -> rusqlite::Result<Vec<i64>> {
    let mut statement = c.prepare_cached(
        "SELECT entity FROM forms WHERE form = ?1 COLLATE NOCASE AND entity IS NOT NULL
         UNION SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE",
    )?;
    let ids = statement.query_map([name], |row| row.get(0))?;
    ids.collect()
}

/// A document found by text: its snippet, and where its first match is.
fn text_hit(c: &Connection, fts: &str, id: i64, score: f64) -> rusqlite::Result<Option<SearchHit>> {
    let found: Option<(String, i64)> = c
        .prepare_cached(
            "SELECT snippet(texts, 0, ?3, ?4, '…', ?5),
                 instr(CAST(highlight(texts, 0, ?3, '') AS BLOB), CAST(?3 AS BLOB))
             FROM texts WHERE texts MATCH ?1 AND rowid = ?2",
        )?
        .query_row(
            params![fts, id, OPEN.to_string(), CLOSE.to_string(), SNIPPET_WORDS],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((marked, at)) = found else {
        return Ok(None);
    };
    let Some(document) = document(c, id)? else {
        return Ok(None);
    };
    let (snippet, highlights) = strip_marks(&marked);
    Ok(Some(SearchHit {
        document,
        snippet,
        highlights,
        // instr counts from 1, and says 0 when there is no mark.
        first_match: count(at - 1),
        score,
    }))
}

fn document(c: &Connection, id: i64) -> rusqlite::Result<Option<DocumentRow>> {
    c.prepare_cached(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?1"
    ))?
    .query_row([id], |row| document_row(row, 0))
    .optional()
}

/// Documents found by filters alone: the newest first, each shown at its first mention of
/// the entity (or of the kind).
fn filter_hits(
    c: &Connection,
    parsed: &Parsed,
    restriction: &str,
    limit: usize,
) -> rusqlite::Result<Vec<SearchHit>> {
    let restriction = restriction.replacen("rowid", "d.id", 1);
    let mut statement = c.prepare(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE 1 {restriction}
         ORDER BY d.day IS NULL, d.day DESC, d.id LIMIT ?1"
    ))?;
    let documents: Vec<DocumentRow> = statement
        .query_map([int(limit)], |row| document_row(row, 0))?
        .collect::<rusqlite::Result<_>>()?;
    let which = match parsed.entities.first() {
        Some(name) => format!(
            "SELECT g.spans FROM groups g JOIN forms f ON f.id = g.form
             WHERE g.document = ?1 AND f.entity IN ({})",
            join(&entities_named(c, name)?)
        ),
        None => {
            let codes: Vec<i64> = parsed.kinds.iter().map(|&k| label_code(k)).collect();
            format!(
                "SELECT g.spans FROM groups g WHERE g.document = ?1 AND g.label IN ({})",
                join(&codes)
            )
        }
    };
    let mut spans_of = c.prepare(&which)?;
    let mut hits = Vec::with_capacity(documents.len());
    for document in documents {
        let mut first: Option<Range<usize>> = None;
        let mut rows = spans_of.query([document.id])?;
        while let Some(row) = rows.next()? {
            let spans = packed::unpack_spans(&row.get::<_, Vec<u8>>(0)?);
            if let Some((range, _)) = spans.into_iter().next()
                && first.as_ref().is_none_or(|f| range.start < f.start)
            {
                first = Some(range);
            }
        }
        let (text, sentences) = text_and_sentences(c, document.id)?;
        let shown = first.as_ref().and_then(|range| {
            let sentence = sentence_around(&sentences, range.start, text.len());
            in_context(&text, sentence, range.clone())
        });
        let (snippet, highlights) = match shown {
            Some((before, hit, after)) => {
                let range = before.len()..before.len() + hit.len();
                (format!("{before}{hit}{after}"), vec![range])
            }
            None => (String::new(), Vec::new()),
        };
        hits.push(SearchHit {
            document,
            snippet,
            highlights,
            first_match: first.map_or(0, |r| r.start),
            score: 0.0,
        });
    }
    Ok(hits)
}

fn join(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// The snippet without FTS5's marks, on one line, and the ranges the marks enclosed.
fn strip_marks(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut plain = String::with_capacity(marked.len());
    let mut ranges = Vec::new();
    let mut open = None;
    let mut space = false;
    for c in marked.trim().chars() {
        match c {
            OPEN => {
                if space {
                    plain.push(' ');
                    space = false;
                }
                open = Some(plain.len());
            }
            CLOSE => {
                if let Some(start) = open.take() {
                    ranges.push(start..plain.len());
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space {
                    plain.push(' ');
                    space = false;
                }
                plain.push(c);
            }
        }
    }
    (plain, ranges)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{LIMA, library_of_articles};
    use super::*;

    fn names(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|h| h.document.name.as_str()).collect()
    }

    #[test]
    fn queries_are_split_into_fts5_and_filters() {
        let parsed = parse(r#"port AND kind:PERSON entity:"Xi Jinping" U.S. "sea route""#).unwrap();
        assert_eq!(parsed.fts, r#"port "U.S." "sea route""#);
        assert_eq!(parsed.kinds, [Label::Person]);
        assert_eq!(parsed.entities, ["Xi Jinping"]);
        assert_eq!(parse("entity:Xi OR").unwrap().fts, "");
        assert_eq!(parse("Chan* NOT Lima").unwrap().fts, "Chan* NOT Lima");
        assert!(parse("kind:ANIMAL").unwrap_err().contains("PERSON"));
        assert!(parse("kind:").is_err());
    }

    #[test]
    fn words_phrases_and_operators_find_documents_with_snippets_and_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let hits = library.search("port", 10).unwrap();
        assert_eq!(names(&hits).len(), 2, "{hits:#?}");
        assert!(
            hits.windows(2).all(|w| w[0].score <= w[1].score),
            "ranked by bm25"
        );
        for hit in &hits {
            let text = library.text(hit.document.id).unwrap().unwrap();
            assert_eq!(
                text[hit.first_match..]
                    .get(..4)
                    .map(str::to_lowercase)
                    .as_deref(),
                Some("port")
            );
            assert!(!hit.highlights.is_empty());
            for range in &hit.highlights {
                assert_eq!(hit.snippet[range.clone()].to_lowercase(), "port");
            }
            assert!(!hit.snippet.contains('\n'));
        }

        let phrase = library.search("\"sea route\"", 10).unwrap();
        assert_eq!(names(&phrase), ["lima.txt"]);
        assert_eq!(phrase[0].first_match, LIMA.find("sea route").unwrap());
        assert_eq!(
            names(&library.search("port NOT Lima", 10).unwrap()),
            ["chancay.md"]
        );
        assert_eq!(library.search("ships OR Shanghai", 10).unwrap().len(), 2);
        assert_eq!(library.search("shipping AND demand", 10).unwrap().len(), 0);
        assert!(library.search("   ", 10).unwrap().is_empty());
        assert_eq!(library.search("port", 1).unwrap().len(), 1);
    }

    #[test]
    fn kind_and_entity_filters_narrow_the_documents() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let mut xi = names(&library.search("entity:Xi", 10).unwrap())
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        xi.sort();
        assert_eq!(xi, ["chancay.md", "lima.txt"], "\"Xi\" is Xi Jinping");
        let full = library.search("entity:\"xi jinping\"", 10).unwrap();
        assert_eq!(full.len(), 2);
        // Newest first, shown at the first mention.
        assert_eq!(full[0].document.name, "chancay.md");
        assert_eq!(full[0].highlights.len(), 1);
        assert_eq!(&full[0].snippet[full[0].highlights[0].clone()], "Xi");
        assert_eq!(
            names(
                &library
                    .search("port entity:\"Xi Jinping\" NOT Lima", 10)
                    .unwrap()
            ),
            ["chancay.md"]
        );
        assert_eq!(
            names(&library.search("ships kind:PERSON", 10).unwrap()),
            ["maersk.txt"]
        );
        assert!(library.search("entity:Nobody", 10).unwrap().is_empty());
        assert!(names(&library.search("kind:ORG", 10).unwrap()).contains(&"maersk.txt"));
        assert_eq!(library.search("kind:DATE kind:PLACE", 10).unwrap().len(), 3);
    }

    #[test]
    fn a_query_fts5_rejects_is_a_one_line_error() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        for query in ["\"unterminated", "port AND (Lima", "NEAR(", "kind:ANIMAL"] {
            match library.search(query, 10) {
                Err(error @ LibraryError::Query { .. }) => {
                    let message = error.to_string();
                    assert!(
                        !message.contains('\n') && message.contains("library.sqlite"),
                        "{message}"
                    );
                }
                other => panic!("{query}: {other:?}"),
            }
        }
        // Punctuation FTS5 would refuse is searched as a phrase.
        assert_eq!(
            names(&library.search("Xi's U.S. $10", 10).unwrap()).len(),
            0
        );
        assert_eq!(
            names(&library.search("Boluarte,", 10).unwrap()),
            ["lima.txt"]
        );
    }

    #[test]
    fn marks_become_ranges_of_a_one_line_snippet() {
        let (plain, ranges) =
            strip_marks("…the \u{E000}port\u{E001}\n\nof \u{E000}Chancay\u{E001}…");
        assert_eq!(plain, "…the port of Chancay…");
        assert_eq!(ranges, [7..11, 15..22], "bytes, and … is three");
    }
}
