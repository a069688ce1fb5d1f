//! The documents of the library: the list (filtered and sorted), one document, its text
//! and its stored analysis.

use super::dates::{Precision, iso};
use super::{Library, LibraryError, count, record};
use rusqlite::{OptionalExtension, Row};
use std::cmp::Ordering;
use std::path::PathBuf;

/// One document as lists show it.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRow {
    pub id: i64,
    pub path: PathBuf,
    /// The file's name.
    pub name: String,
    /// Its first heading, else its first line.
    pub headline: String,
    /// Its date as a day number (days since 1970-01-01) and how precise it is.
    pub date: Option<(i64, Precision)>,
    /// The date as ISO 8601: "2024-06-28", "2024-06" or "2024".
    pub date_text: Option<String>,
    /// The folder holding the file.
    pub folder: String,
    /// The file's size in bytes.
    pub size: u64,
    pub mentions: usize,
    /// The entities the document's own analysis found.
    pub entities: usize,
}

/// What documents can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Headline,
    Date,
    Size,
    Mentions,
    Folder,
}

/// A sort order for [`Library::documents`]. Undated documents come last either way;
/// ties go by id. The default is the newest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocumentSort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for DocumentSort {
    fn default() -> Self {
        DocumentSort {
            key: SortKey::Date,
            descending: true,
        }
    }
}

/// The columns [`document_row`] reads, of `documents` as `d`.
pub(super) const DOCUMENT_COLUMNS: &str = "d.id, d.path, d.name, d.headline, d.day, d.precision, d.folder, d.size, d.mentions, d.entities";

/// A document from [`DOCUMENT_COLUMNS`], starting at column `at`.
pub(super) fn document_row(row: &Row<'_>, at: usize) -> rusqlite::Result<DocumentRow> {
    let day: Option<i64> = row.get(at + 4)?;
    let precision: Option<i64> = row.get(at + 5)?;
    let date = day.map(|day| (day, Precision::from_code(precision.unwrap_or(0))));
    Ok(DocumentRow {
        id: row.get(at)?,
        path: PathBuf::from(row.get::<_, String>(at + 1)?),
        name: row.get(at + 2)?,
        headline: row.get(at + 3)?,
        date_text: date.map(|(day, precision)| iso(day, precision)),
        date,
        folder: row.get(at + 6)?,
        size: u64::try_from(row.get::<_, i64>(at + 7)?).unwrap_or(0),
        mentions: count(row.get(at + 8)?),
        entities: count(row.get(at + 9)?),
    })
}

impl Library {
    /// How many documents the library holds (0 if it cannot be read).
    pub fn document_count(&self) -> usize {
        self.run(|c| c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)))
            .map_or(0, count)
    }

    /// The documents whose headline, file name or folder contains `filter` (any case),
    /// in the order `sort` asks for.
    pub fn documents(
        &self,
        filter: &str,
        sort: DocumentSort,
    ) -> Result<Vec<DocumentRow>, LibraryError> {
        let mut rows: Vec<DocumentRow> = self.run(|c| {
            let mut statement =
                c.prepare_cached(&format!("SELECT {DOCUMENT_COLUMNS} FROM documents d"))?;
            let rows = statement.query_map([], |row| document_row(row, 0))?;
            rows.collect()
        })?;
        let filter = filter.trim().to_lowercase();
        if !filter.is_empty() {
            rows.retain(|d| {
                [&d.headline, &d.name, &d.folder]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&filter))
            });
        }
        sort_documents(&mut rows, sort);
        Ok(rows)
    }

    /// One document, if the library has it.
    pub fn document(&self, id: i64) -> Result<Option<DocumentRow>, LibraryError> {
        self.run(|c| {
            c.prepare_cached(&format!(
                "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?1"
            ))?
            .query_row([id], |row| document_row(row, 0))
            .optional()
        })
    }

    /// The document's text as newslens extracted it (every stored offset refers to it).
    pub fn text(&self, document: i64) -> Result<Option<String>, LibraryError> {
        self.run(|c| {
            c.prepare_cached("SELECT text FROM texts WHERE rowid = ?1")?
                .query_row([document], |row| row.get(0))
                .optional()
        })
    }

    /// The document's analysis as it was stored: the JSON object of its
    /// `newslens extract --format jsonl` line (without the line's newline): its text, its
    /// mentions and its entities.
    pub fn analysis_json(&self, document: i64) -> Result<Option<String>, LibraryError> {
        Ok(self
            .analysis_line(document)?
            .map(|line| line.trim_end_matches('\n').to_string()))
    }

    /// The JSONL line of a document, exactly as `export::render` made it when it was added.
    pub(super) fn analysis_line(&self, document: i64) -> Result<Option<String>, LibraryError> {
        let analysis = self.run(|c| record::stored_analysis(c, document))?;
        Ok(analysis.map(|a| crate::export::render(&a, crate::export::Format::Jsonl)))
    }
}

fn sort_documents(rows: &mut [DocumentRow], sort: DocumentSort) {
    let direction = |ordering: Ordering| match sort.descending {
        true => ordering.reverse(),
        false => ordering,
    };
    // Lower-cased once, not in every comparison.
    let keys: std::collections::HashMap<i64, (String, String)> = rows
        .iter()
        .map(|d| (d.id, (d.headline.to_lowercase(), d.folder.to_lowercase())))
        .collect();
    rows.sort_by(|a, b| {
        let ordering = match sort.key {
            SortKey::Headline => direction(keys[&a.id].0.cmp(&keys[&b.id].0)),
            SortKey::Date => match (a.date, b.date) {
                (Some(x), Some(y)) => direction(x.0.cmp(&y.0)),
                // Undated last, whichever the direction.
                (x, y) => y.is_some().cmp(&x.is_some()),
            },
            SortKey::Size => direction(a.size.cmp(&b.size)),
            SortKey::Mentions => direction(a.mentions.cmp(&b.mentions)),
            SortKey::Folder => direction(
                keys[&a.id]
                    .1
                    .cmp(&keys[&b.id].1)
                    .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())),
            ),
        };
        ordering.then(a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::super::dates::day_number;
    use super::super::testing::{LIMA, library_of_articles};
    use super::*;
    use crate::export::{Format, render};
    use crate::{Document, analyse};

    #[test]
    fn documents_have_headlines_dates_and_counts_and_sort_every_way() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        assert_eq!(library.document_count(), 3);
        let newest_first = library.documents("", DocumentSort::default()).unwrap();
        let names: Vec<&str> = newest_first.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["chancay.md", "lima.txt", "maersk.txt"]);
        let chancay = &newest_first[0];
        assert_eq!(
            chancay.headline, "Chancay port opens",
            "the Markdown heading"
        );
        assert_eq!(chancay.date_text.as_deref(), Some("2024-11-14"));
        assert_eq!(
            chancay.date,
            Some((day_number(2024, 11, 14).unwrap(), Precision::Day))
        );
        assert!(chancay.folder.ends_with("news"));
        let lima = &newest_first[1];
        assert_eq!(lima.headline, "Xi Jinping meets Dina Boluarte in Lima");
        assert_eq!(lima.size, LIMA.len() as u64);
        assert!(lima.mentions >= 8 && lima.entities >= 5, "{lima:?}");
        assert_eq!(library.document(lima.id).unwrap().as_ref(), Some(lima));
        assert_eq!(library.document(999).unwrap(), None);

        let sorted = |key, descending| -> Vec<String> {
            library
                .documents("", DocumentSort { key, descending })
                .unwrap()
                .into_iter()
                .map(|d| d.name)
                .collect()
        };
        assert_eq!(
            sorted(SortKey::Date, false),
            ["maersk.txt", "lima.txt", "chancay.md"]
        );
        assert_eq!(
            sorted(SortKey::Headline, false),
            ["chancay.md", "maersk.txt", "lima.txt"]
        );
        assert_eq!(sorted(SortKey::Size, true)[0], "lima.txt");
        assert_eq!(
            sorted(SortKey::Folder, false),
            ["lima.txt", "chancay.md", "maersk.txt"]
        );
        assert_eq!(sorted(SortKey::Mentions, true)[0], "lima.txt");
    }

    #[test]
    fn the_filter_matches_headline_name_and_folder_in_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let names = |filter: &str| -> Vec<String> {
            library
                .documents(filter, DocumentSort::default())
                .unwrap()
                .into_iter()
                .map(|d| d.name)
                .collect()
        };
        assert_eq!(names("PORT OPENS"), ["chancay.md"]);
        assert_eq!(names("lima.TXT"), ["lima.txt"]);
        assert_eq!(names("NEWS"), ["chancay.md", "maersk.txt"]);
        assert!(names("nothing like this").is_empty());
    }

    #[test]
    fn the_text_and_the_analysis_come_back_exactly_as_they_were_stored() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let rows = library.documents("lima", DocumentSort::default()).unwrap();
        let lima = &rows[0];
        assert_eq!(library.text(lima.id).unwrap().unwrap(), LIMA);
        let mut document = Document::from_text("lima.txt", LIMA);
        document.path = Some(lima.path.clone());
        let expected = render(&analyse(document), Format::Jsonl);
        let json = library.analysis_json(lima.id).unwrap().unwrap();
        assert_eq!(format!("{json}\n"), expected);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["text"], LIMA);
        assert_eq!(library.analysis_json(999).unwrap(), None);
        assert_eq!(library.text(999).unwrap(), None);
    }
}
