//! The library on one time axis: each document at its date, and each event or date fact
//! with an absolute date at that date.

use super::dates::Precision;
use super::record::fact_from;
use super::{Library, LibraryError, count};
use crate::facts::FactKind;
use std::path::PathBuf;

/// What a point of the timeline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimelineKind {
    /// A document, at its date.
    Document,
    /// An event fact ("Xi Jinping met Dina Boluarte").
    Event,
    /// A sentence that places something in time.
    Date,
}

impl TimelineKind {
    /// Its row on a timeline drawn in lanes: documents, then events, then dates.
    pub fn lane(self) -> u8 {
        match self {
            TimelineKind::Document => 0,
            TimelineKind::Event => 1,
            TimelineKind::Date => 2,
        }
    }
}

/// One point of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineItem {
    /// Days since 1970-01-01 (a month or a year at its first day).
    pub day: i64,
    pub precision: Precision,
    /// The document's headline, the event's summary, or the date's sentence.
    pub label: String,
    pub document: i64,
    /// The document's file, to open it there.
    pub document_path: PathBuf,
    /// Where in the document's text (0 for the document itself).
    pub offset: usize,
    pub kind: TimelineKind,
}

impl Library {
    /// Every dated document and every dated event and date fact, in date order (then by
    /// document and offset).
    pub fn timeline(&self) -> Result<Vec<TimelineItem>, LibraryError> {
        let mut items: Vec<TimelineItem> = self.run(|c| {
            let mut documents = c.prepare_cached(
                "SELECT id, day, precision, headline, path FROM documents WHERE day IS NOT NULL",
            )?;
            let mut items: Vec<TimelineItem> = documents
                .query_map([], |row| {
                    Ok(TimelineItem {
                        document: row.get(0)?,
                        day: row.get(1)?,
                        precision: Precision::from_code(row.get::<_, Option<i64>>(2)?.unwrap_or(0)),
                        label: row.get(3)?,
                        document_path: PathBuf::from(row.get::<_, String>(4)?),
                        offset: 0,
                        kind: TimelineKind::Document,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut facts = c.prepare_cached(
                "SELECT t.document, t.day, t.precision, t.label, t.offset, t.kind, d.path
                 FROM timeline t JOIN documents d ON d.id = t.document",
            )?;
            let rows = facts.query_map([], |row| {
                Ok(TimelineItem {
                    document: row.get(0)?,
                    day: row.get(1)?,
                    precision: Precision::from_code(row.get(2)?),
                    label: row.get(3)?,
                    document_path: PathBuf::from(row.get::<_, String>(6)?),
                    offset: count(row.get(4)?),
                    kind: match fact_from(row.get(5)?) {
                        FactKind::Event => TimelineKind::Event,
                        _ => TimelineKind::Date,
                    },
                })
            })?;
            for row in rows {
                items.push(row?);
            }
            Ok(items)
        })?;
        items.sort_by_key(|i| (i.day, i.document, i.offset, i.kind));
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::super::dates::day_number;
    use super::super::testing::{document_named, library_of_articles};
    use super::*;

    #[test]
    fn documents_and_dated_facts_are_on_one_axis_in_date_order() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let items = library.timeline().unwrap();
        assert!(items.windows(2).all(|w| w[0].day <= w[1].day));
        let documents: Vec<&TimelineItem> = items
            .iter()
            .filter(|i| i.kind == TimelineKind::Document)
            .collect();
        assert_eq!(documents.len(), 3);
        assert_eq!(documents[0].label, "Maersk adds ships");
        let lima = document_named(&library, "lima.txt");
        let june = day_number(2024, 6, 28).unwrap();
        assert!(
            items
                .iter()
                .any(|i| i.document == lima && i.day == june && i.kind != TimelineKind::Document),
            "{items:#?}"
        );
        // "in 2019" dates its sentence to the year.
        let year = day_number(2019, 1, 1).unwrap();
        assert!(
            items
                .iter()
                .any(|i| i.day == year && i.precision == Precision::Year),
            "{items:#?}"
        );
        let text = library.text(lima).unwrap().unwrap();
        let path = library.document(lima).unwrap().unwrap().path;
        for item in items.iter().filter(|i| i.document == lima) {
            assert!(item.offset < text.len());
            assert_eq!(item.document_path, path);
        }
        let lanes: Vec<u8> = [
            TimelineKind::Document,
            TimelineKind::Event,
            TimelineKind::Date,
        ]
        .map(TimelineKind::lane)
        .to_vec();
        assert_eq!(lanes, [0, 1, 2]);
    }
}
