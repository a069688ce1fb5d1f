//! Facts across the library: what was said (quotes, by speaker) and the figures about an
//! entity (changes and quantities), each with its document and date.

use super::dates::{Precision, iso};
use super::record::fact_from;
use super::{Library, LibraryError, count, int, packed};
use crate::facts::FactKind;
use rusqlite::{OptionalExtension, Row, params};
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// One quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    pub document: i64,
    pub document_name: String,
    pub path: PathBuf,
    pub date: Option<(i64, Precision)>,
    /// The date as ISO 8601 ("2024-06-28").
    pub date_text: Option<String>,
    /// The speaker's library entity, when the speaker is named.
    pub speaker: Option<i64>,
    /// The entity's name, else the speaker as written ("officials").
    pub speaker_name: String,
    /// What was said: the quote's span of the text.
    pub text: String,
    /// In quotation marks, or reported ("said that ...").
    pub direct: bool,
    /// The quote's byte range in the document's text.
    pub range: Range<usize>,
}

/// One change or quantity fact.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    pub document: i64,
    pub document_name: String,
    pub date: Option<(i64, Precision)>,
    /// The date as ISO 8601 ("2024-06-28").
    pub date_text: Option<String>,
    /// [`FactKind::Change`] or [`FactKind::Quantity`].
    pub kind: FactKind,
    /// The fact on one line ("Exports: $10 billion -> $11 billion (+10%)").
    pub summary: String,
    /// The fact's sentence, as a byte range of the document's text.
    pub range: Range<usize>,
}

/// Undated documents last; then by document and offset.
const IN_DATE_ORDER: &str = "ORDER BY d.day IS NULL, d.day, d.id";

fn date(row: &Row<'_>, at: usize) -> rusqlite::Result<Option<(i64, Precision)>> {
    let day: Option<i64> = row.get(at)?;
    let precision: Option<i64> = row.get(at + 1)?;
    Ok(day.map(|d| (d, Precision::from_code(precision.unwrap_or(0)))))
}

fn date_text(date: Option<(i64, Precision)>) -> Option<String> {
    date.map(|(day, precision)| iso(day, precision))
}

fn quote_row(row: &Row<'_>) -> rusqlite::Result<QuoteRow> {
    let speaker_text: String = row.get(8)?;
    Ok(QuoteRow {
        document: row.get(0)?,
        document_name: row.get(1)?,
        path: PathBuf::from(row.get::<_, String>(2)?),
        date: date(row, 3)?,
        date_text: date_text(date(row, 3)?),
        range: count(row.get(5)?)..count(row.get(6)?),
        text: String::new(),
        direct: row.get(7)?,
        speaker: row.get(9)?,
        speaker_name: row.get::<_, Option<String>>(10)?.unwrap_or(speaker_text),
    })
}

/// A document as a quote shows it: id, name, path and date.
type QuotedDocument = (i64, String, PathBuf, Option<(i64, Precision)>);

/// Every quote, a document at a time in date order (sorting the documents, not the
/// quotes), each speaker's entity looked up once.
fn every_quote(c: &rusqlite::Connection) -> rusqlite::Result<Vec<QuoteRow>> {
    let mut documents = c.prepare_cached(&format!(
        "SELECT d.id, d.name, d.path, d.day, d.precision FROM documents d {IN_DATE_ORDER}"
    ))?;
    let documents: Vec<QuotedDocument> = documents
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                PathBuf::from(row.get::<_, String>(2)?),
                date(row, 3)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut quotes_of = c.prepare_cached(
        "SELECT start, end, direct, speaker_text, speaker_form FROM quotes WHERE document = ?1",
    )?;
    let mut speaker_of = c.prepare_cached(
        "SELECT e.id, e.name FROM forms f JOIN entities e ON e.id = f.entity WHERE f.id = ?1",
    )?;
    let mut speakers: HashMap<i64, Option<(i64, String)>> = HashMap::new();
    let mut quotes = Vec::new();
    for (document, name, path, date) in documents {
        let mut rows = quotes_of.query([document])?;
        while let Some(row) = rows.next()? {
            let form: Option<i64> = row.get(4)?;
            let speaker = match form {
                Some(form) => match speakers.get(&form) {
                    Some(known) => known.clone(),
                    None => {
                        let found = speaker_of
                            .query_row([form], |r| Ok((r.get(0)?, r.get(1)?)))
                            .optional()?;
                        speakers.insert(form, found.clone());
                        found
                    }
                },
                None => None,
            };
            quotes.push(QuoteRow {
                document,
                document_name: name.clone(),
                path: path.clone(),
                date,
                date_text: date_text(date),
                range: count(row.get(0)?)..count(row.get(1)?),
                text: String::new(),
                direct: row.get(2)?,
                speaker: speaker.as_ref().map(|s| s.0),
                speaker_name: match speaker {
                    Some((_, name)) => name,
                    None => row.get(3)?,
                },
            });
        }
    }
    Ok(quotes)
}

impl Library {
    /// The quotes of one speaker (a library entity), or every quote: in the order of the
    /// documents' dates, then documents, then offsets.
    pub fn quotes(&self, speaker: Option<i64>) -> Result<Vec<QuoteRow>, LibraryError> {
        self.run(|c| {
            let mut quotes = match speaker {
                Some(entity) => {
                    let mut statement = c.prepare_cached(&format!(
                        "SELECT d.id, d.name, d.path, d.day, d.precision, q.start, q.end,
                             q.direct, q.speaker_text, e.id, e.name
                         FROM forms f JOIN quotes q ON q.speaker_form = f.id
                         JOIN documents d ON d.id = q.document
                         JOIN entities e ON e.id = f.entity
                         WHERE f.entity = ?1 {IN_DATE_ORDER}, q.start"
                    ))?;
                    let rows = statement.query_map([entity], quote_row)?;
                    rows.collect::<rusqlite::Result<Vec<_>>>()?
                }
                None => every_quote(c)?,
            };
            // The words are the text's: each document's text is read once (rows come a
            // document at a time).
            let mut text = (i64::MIN, String::new());
            let mut read = c.prepare_cached("SELECT text FROM texts WHERE rowid = ?1")?;
            for quote in &mut quotes {
                if text.0 != quote.document {
                    let found: Option<String> = read
                        .query_row([quote.document], |row| row.get(0))
                        .optional()?;
                    text = (quote.document, found.unwrap_or_default());
                }
                quote.text = text
                    .1
                    .get(quote.range.clone())
                    .unwrap_or_default()
                    .to_string();
            }
            Ok(quotes)
        })
    }

    /// The change and quantity facts involving an entity (named in them, what a quantity
    /// is about, or the figure itself), in the order of the documents' dates.
    pub fn figures(&self, entity: i64) -> Result<Vec<FigureRow>, LibraryError> {
        self.run(|c| {
            let mut facts: Vec<(i64, usize)> = Vec::new();
            let mut statement = c.prepare_cached(
                "SELECT g.document, g.facts FROM forms f JOIN groups g ON g.form = f.id
                 WHERE f.entity = ?1",
            )?;
            let mut rows = statement.query([entity])?;
            while let Some(row) = rows.next()? {
                let document: i64 = row.get(0)?;
                let packed: Vec<u8> = row.get(1)?;
                facts.extend(
                    packed::unpack_indices(&packed)
                        .into_iter()
                        .map(|f| (document, f)),
                );
            }
            facts.sort_unstable();
            facts.dedup();
            let mut read = c.prepare_cached(
                "SELECT d.id, d.name, d.day, d.precision, x.kind, x.summary, x.start, x.end
                 FROM figures x JOIN documents d ON d.id = x.document
                 WHERE x.document = ?1 AND x.fact = ?2",
            )?;
            let mut figures = Vec::with_capacity(facts.len());
            for (document, fact) in facts {
                let figure = read
                    .query_row(params![document, int(fact)], |row| {
                        Ok(FigureRow {
                            document: row.get(0)?,
                            document_name: row.get(1)?,
                            date: date(row, 2)?,
                            date_text: date_text(date(row, 2)?),
                            kind: fact_from(row.get(4)?),
                            summary: row.get(5)?,
                            range: count(row.get(6)?)..count(row.get(7)?),
                        })
                    })
                    .optional()?;
                figures.extend(figure);
            }
            figures.sort_by_key(|f| {
                (
                    f.date.is_none(),
                    f.date.map(|d| d.0),
                    f.document,
                    f.range.start,
                )
            });
            Ok(figures)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{entity_named, library_of_articles};
    use super::*;

    #[test]
    fn quotes_are_listed_by_speaker_with_their_words_and_documents() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let xi = entity_named(&library, "Xi Jinping");
        let quotes = library.quotes(Some(xi)).unwrap();
        assert_eq!(quotes.len(), 2, "{quotes:#?}");
        assert_eq!(quotes[0].document_name, "lima.txt");
        assert_eq!(quotes[0].date_text.as_deref(), Some("2024-06-28"));
        assert_eq!(quotes[1].document_name, "chancay.md");
        for quote in &quotes {
            assert_eq!(quote.speaker, Some(xi));
            assert_eq!(quote.speaker_name, "Xi Jinping");
            let text = library.text(quote.document).unwrap().unwrap();
            assert_eq!(&text[quote.range.clone()], quote.text);
        }
        assert!(quotes[0].direct);
        assert!(
            quotes[0].text.contains("new sea route"),
            "{:?}",
            quotes[0].text
        );

        let all = library.quotes(None).unwrap();
        assert!(all.len() >= 4, "{all:#?}");
        assert!(all.iter().any(|q| q.speaker_name == "Vincent Clerc"));
        assert!(library.quotes(Some(-1)).unwrap().is_empty());
    }

    #[test]
    fn figures_about_an_entity_come_with_their_documents() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let maersk = entity_named(&library, "Maersk");
        let figures = library.figures(maersk).unwrap();
        assert!(!figures.is_empty());
        assert!(figures.iter().all(|f| f.document_name == "maersk.txt"));
        assert!(
            figures.iter().any(|f| f.summary.contains("12 ships")),
            "{figures:#?}"
        );
        let all_kinds = [FactKind::Change, FactKind::Quantity];
        assert!(figures.iter().all(|f| all_kinds.contains(&f.kind)));
        let days = entity_named(&library, "45 days");
        let change = library.figures(days).unwrap();
        assert_eq!(change.len(), 1, "{change:#?}");
        assert_eq!(change[0].kind, FactKind::Change);
        assert_eq!(change[0].document_name, "chancay.md");
        assert_eq!(change[0].date_text.as_deref(), Some("2024-11-14"));
    }
}
