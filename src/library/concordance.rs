//! An entity's mentions across the library in context, a page at a time: in the order of
//! the documents' dates, then documents, then offsets. A page costs a walk over the
//! entity's documents (their stored mention counts say where the page starts) and reads
//! only the documents it shows.

use super::dates::{Precision, iso};
use super::{Library, LibraryError, count, packed};
use crate::concordance::in_context;
use rusqlite::{Connection, OptionalExtension};
use std::ops::Range;

/// One mention of an entity, in its sentence, with the document it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryLine {
    pub document: i64,
    /// The document's file name.
    pub document_name: String,
    pub date: Option<(i64, Precision)>,
    /// The date as ISO 8601 ("2024-06-28").
    pub date_text: Option<String>,
    /// The mention's byte range in the document's text.
    pub range: Range<usize>,
    /// The sentence holding it.
    pub sentence: Range<usize>,
    /// The sentence's words before the mention ("…" first if cut), the mention as
    /// written, the words after it ("…" last if cut), as `concordance::line` makes them.
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// A document naming the entity, with its entities that are this one.
struct Holder {
    id: i64,
    name: String,
    date: Option<(i64, Precision)>,
    /// The packed mentions of each of them.
    spans: Vec<Vec<u8>>,
    mentions: usize,
}

impl Library {
    /// Mentions `offset .. offset + limit` of an entity, in (document date, document,
    /// offset) order; undated documents last.
    pub fn concordance(
        &self,
        entity: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<LibraryLine>, LibraryError> {
        self.run(|c| {
            let mut skip = offset;
            let mut lines = Vec::new();
            for holder in holders(c, entity)? {
                if lines.len() >= limit {
                    break;
                }
                if skip >= holder.mentions {
                    skip -= holder.mentions;
                    continue;
                }
                let wanted = limit - lines.len();
                lines.extend(holder_lines(c, &holder, skip, wanted)?);
                skip = 0;
            }
            Ok(lines)
        })
    }
}

/// The documents naming an entity, in concordance order.
fn holders(c: &Connection, entity: i64) -> rusqlite::Result<Vec<Holder>> {
    let mut statement = c.prepare_cached(
        "SELECT d.id, d.name, d.day, d.precision, g.spans, g.mentions FROM forms f
         JOIN groups g ON g.form = f.id JOIN documents d ON d.id = g.document
         WHERE f.entity = ?1 ORDER BY d.day IS NULL, d.day, d.id",
    )?;
    let mut rows = statement.query([entity])?;
    let mut holders: Vec<Holder> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let (spans, mentions): (Vec<u8>, i64) = (row.get(4)?, row.get(5)?);
        match holders.last_mut() {
            Some(last) if last.id == id => {
                last.spans.push(spans);
                last.mentions += count(mentions);
            }
            _ => {
                let day: Option<i64> = row.get(2)?;
                let precision: Option<i64> = row.get(3)?;
                holders.push(Holder {
                    id,
                    name: row.get(1)?,
                    date: day.map(|d| (d, Precision::from_code(precision.unwrap_or(0)))),
                    spans: vec![spans],
                    mentions: count(mentions),
                });
            }
        }
    }
    Ok(holders)
}

/// A document's text and sentences, for showing its mentions in context.
pub(super) fn text_and_sentences(
    c: &Connection,
    document: i64,
) -> rusqlite::Result<(String, Vec<Range<usize>>)> {
    let text: String = c
        .prepare_cached("SELECT text FROM texts WHERE rowid = ?1")?
        .query_row([document], |row| row.get(0))
        .optional()?
        .unwrap_or_default();
    let sentences: Vec<u8> = c
        .prepare_cached("SELECT ranges FROM sentences WHERE document = ?1")?
        .query_row([document], |row| row.get(0))
        .optional()?
        .unwrap_or_default();
    Ok((text, packed::unpack_ranges(&sentences)))
}

/// The sentence holding a byte offset (the whole text if none does), as
/// `Analysis::sentence_around` finds it.
pub(super) fn sentence_around(
    sentences: &[Range<usize>],
    offset: usize,
    text_length: usize,
) -> Range<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences
        .get(i)
        .filter(|s| s.start <= offset)
        .cloned()
        .unwrap_or(0..text_length)
}

/// Lines `skip .. skip + limit` of one document.
fn holder_lines(
    c: &Connection,
    holder: &Holder,
    skip: usize,
    limit: usize,
) -> rusqlite::Result<Vec<LibraryLine>> {
    let mut spans: Vec<Range<usize>> = holder
        .spans
        .iter()
        .flat_map(|packed| packed::unpack_spans(packed))
        .map(|(range, _)| range)
        .collect();
    spans.sort_unstable_by_key(|r| r.start);
    let (text, sentences) = text_and_sentences(c, holder.id)?;
    Ok(spans
        .into_iter()
        .skip(skip)
        .take(limit)
        .filter_map(|range| {
            let sentence = sentence_around(&sentences, range.start, text.len());
            let (before, hit, after) = in_context(&text, sentence.clone(), range.clone())?;
            Some(LibraryLine {
                document: holder.id,
                document_name: holder.name.clone(),
                date: holder.date,
                date_text: holder.date.map(|(day, precision)| iso(day, precision)),
                range,
                sentence,
                before,
                hit,
                after,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{entity_named, library_of_articles};

    #[test]
    fn mentions_come_in_date_order_with_their_context_a_page_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let xi = entity_named(&library, "Xi Jinping");
        let total = library.mention_count(xi).unwrap();
        let all = library.concordance(xi, 0, usize::MAX).unwrap();
        assert_eq!(all.len(), total);
        // Lima (June) before Chancay (November); offsets in order within each.
        assert_eq!(all[0].document_name, "lima.txt");
        assert_eq!(all.last().unwrap().document_name, "chancay.md");
        assert!(all.windows(2).all(|w| {
            (w[0].date, w[0].document) < (w[1].date, w[1].document)
                || (w[0].document == w[1].document && w[0].range.start < w[1].range.start)
        }));
        let first = &all[0];
        let text = library.text(first.document).unwrap().unwrap();
        assert_eq!(&text[first.range.clone()], first.hit);
        assert_eq!(first.hit, "Xi Jinping");
        assert!(first.after.starts_with(" meets"), "{first:?}");
        let chancay = all.iter().find(|l| l.hit == "Xi").unwrap();
        assert!(chancay.after.starts_with(" opened"), "{chancay:?}");

        // Pages put together are the whole list, across the document boundary.
        let mut paged = Vec::new();
        for offset in (0..total).step_by(2) {
            paged.extend(library.concordance(xi, offset, 2).unwrap());
        }
        assert_eq!(paged, all);
        assert!(library.concordance(xi, total, 10).unwrap().is_empty());
        assert!(library.concordance(-1, 0, 10).unwrap().is_empty());
    }
}
