//! The library's entities: the list, one entity, the documents that name it, and the
//! entities named in the same sentences. Counts are stored by the merge, so a list costs a
//! walk down an index, whatever the size of the library.

use super::documents::{DOCUMENT_COLUMNS, DocumentRow, document_row};
use super::{Library, LibraryError, count, label_code, label_from, packed};
use crate::entity::Label;
use rusqlite::{OptionalExtension, Row};
use std::collections::HashMap;

/// One entity across the library.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    pub id: i64,
    pub label: Label,
    /// Its fullest name ("Xi Jinping").
    pub name: String,
    /// How many documents name it.
    pub documents: usize,
    /// Its mentions in all of them.
    pub mentions: usize,
}

const ENTITY_COLUMNS: &str = "e.id, e.label, e.name, e.documents, e.mentions";

fn entity_row(row: &Row<'_>, at: usize) -> rusqlite::Result<EntityRow> {
    Ok(EntityRow {
        id: row.get(at)?,
        label: label_from(row.get(at + 1)?)?,
        name: row.get(at + 2)?,
        documents: count(row.get(at + 3)?),
        mentions: count(row.get(at + 4)?),
    })
}

impl Library {
    /// Entities of one kind (or all), whose name contains `filter` (any case): the ones
    /// named by most documents first, then the most mentioned, then by name; at most
    /// `limit`.
    pub fn entities(
        &self,
        kind: Option<Label>,
        filter: &str,
        limit: usize,
    ) -> Result<Vec<EntityRow>, LibraryError> {
        let filter = filter.trim().to_lowercase();
        self.run(|c| {
            let order = "ORDER BY e.documents DESC, e.mentions DESC, e.name";
            let mut statement = c.prepare_cached(&match kind {
                Some(_) => {
                    format!("SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.label = ?1 {order}")
                }
                None => format!("SELECT {ENTITY_COLUMNS} FROM entities e {order}"),
            })?;
            let mut rows = match kind {
                Some(label) => statement.query([label_code(label)])?,
                None => statement.query([])?,
            };
            // Filtered here, not with LIKE, which ignores case in ASCII only.
            let mut found = Vec::new();
            while found.len() < limit
                && let Some(row) = rows.next()?
            {
                let entity = entity_row(row, 0)?;
                if filter.is_empty() || entity.name.to_lowercase().contains(&filter) {
                    found.push(entity);
                }
            }
            Ok(found)
        })
    }

    /// One entity, if the library has it.
    pub fn entity(&self, id: i64) -> Result<Option<EntityRow>, LibraryError> {
        self.run(|c| {
            c.prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.id = ?1"
            ))?
            .query_row([id], |row| entity_row(row, 0))
            .optional()
        })
    }

    /// The documents naming an entity, with its mentions in each: the most first.
    pub fn entity_documents(&self, entity: i64) -> Result<Vec<(DocumentRow, usize)>, LibraryError> {
        self.run(|c| {
            let mut statement = c.prepare_cached(&format!(
                "SELECT {DOCUMENT_COLUMNS}, SUM(g.mentions) AS n FROM forms f
                 JOIN groups g ON g.form = f.id JOIN documents d ON d.id = g.document
                 WHERE f.entity = ?1 GROUP BY d.id ORDER BY n DESC, d.id"
            ))?;
            let rows = statement.query_map([entity], |row| {
                Ok((document_row(row, 0)?, count(row.get(10)?)))
            })?;
            rows.collect()
        })
    }

    /// How many mentions an entity has in the library (0 for an unknown one).
    pub fn mention_count(&self, entity: i64) -> Result<usize, LibraryError> {
        self.run(|c| {
            c.prepare_cached("SELECT mentions FROM entities WHERE id = ?1")?
                .query_row([entity], |row| row.get(0))
                .optional()
        })
        .map(|n| n.map_or(0, count))
    }

    /// The named entities (people, places, organisations, projects) that appear in the
    /// same sentences as `entity`, with how many sentences they share: the most first, at
    /// most `limit`.
    pub fn cooccurring(
        &self,
        entity: i64,
        limit: usize,
    ) -> Result<Vec<(EntityRow, usize)>, LibraryError> {
        self.run(|c| {
            // Sentences shared with each name form, over the entity's document entities.
            let mut shared: HashMap<i64, usize> = HashMap::new();
            let mut statement = c.prepare_cached(
                "SELECT g.partners FROM forms f JOIN groups g ON g.form = f.id
                 WHERE f.entity = ?1",
            )?;
            let mut rows = statement.query([entity])?;
            while let Some(row) = rows.next()? {
                for (form, n) in packed::unpack_counts(&row.get::<_, Vec<u8>>(0)?) {
                    *shared.entry(form).or_default() += n;
                }
            }
            // The forms' entities, then those entities.
            let mut by_entity: HashMap<i64, usize> = HashMap::new();
            let mut entity_of = c.prepare_cached("SELECT entity FROM forms WHERE id = ?1")?;
            for (form, n) in shared {
                let other: Option<Option<i64>> =
                    entity_of.query_row([form], |row| row.get(0)).optional()?;
                if let Some(Some(other)) = other.filter(|&e| e != Some(entity)) {
                    *by_entity.entry(other).or_default() += n;
                }
            }
            let mut row_of = c.prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.id = ?1"
            ))?;
            let mut found: Vec<(EntityRow, usize)> = Vec::with_capacity(by_entity.len());
            for (other, n) in by_entity {
                if let Some(row) = row_of
                    .query_row([other], |row| entity_row(row, 0))
                    .optional()?
                {
                    found.push((row, n));
                }
            }
            found.sort_by(|(a, n), (b, m)| {
                m.cmp(n)
                    .then(b.documents.cmp(&a.documents))
                    .then_with(|| a.name.cmp(&b.name))
                    .then(a.id.cmp(&b.id))
            });
            found.truncate(limit);
            Ok(found)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{entity_named, library_of_articles};
    use super::*;

    #[test]
    fn xi_and_the_bri_are_one_entity_each_across_documents() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let xi = library
            .entity(entity_named(&library, "Xi Jinping"))
            .unwrap()
            .unwrap();
        assert_eq!(xi.label, Label::Person);
        assert_eq!(xi.documents, 2, "\"Xi\" of the Chancay article joined him");
        assert_eq!(library.mention_count(xi.id).unwrap(), xi.mentions);
        assert!(xi.mentions >= 4, "{xi:?}");
        let bri = entity_named(&library, "Belt and Road Initiative");
        assert_eq!(library.entity(bri).unwrap().unwrap().documents, 2);
        let people = library.entities(Some(Label::Person), "", 100).unwrap();
        for name in ["Xi", "BRI"] {
            assert!(
                library
                    .entities(None, "", 100)
                    .unwrap()
                    .iter()
                    .all(|e| e.name != name),
                "{name} stands alone"
            );
        }
        assert!(people.iter().all(|e| e.label == Label::Person));
        let clerc = people.iter().find(|e| e.name == "Vincent Clerc").unwrap();
        assert_ne!(clerc.id, xi.id, "people sharing no name word stay apart");
        assert_eq!(people[0].id, xi.id, "the most documents first");
    }

    #[test]
    fn the_list_filters_by_name_in_any_case_and_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let found = library.entities(None, "jinPING", 10).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Xi Jinping");
        assert_eq!(library.entities(None, "", 2).unwrap().len(), 2);
        assert!(
            library
                .entities(Some(Label::Org), "Jinping", 10)
                .unwrap()
                .is_empty()
        );
        assert_eq!(library.entity(-5).unwrap(), None);
        assert_eq!(library.mention_count(-5).unwrap(), 0);
    }

    #[test]
    fn an_entity_lists_its_documents_most_mentions_first() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let xi = entity_named(&library, "Xi Jinping");
        let documents = library.entity_documents(xi).unwrap();
        let names: Vec<(&str, usize)> = documents
            .iter()
            .map(|(d, n)| (d.name.as_str(), *n))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].1 >= names[1].1);
        let total: usize = names.iter().map(|(_, n)| n).sum();
        assert_eq!(total, library.mention_count(xi).unwrap());
    }

    #[test]
    fn entities_in_the_same_sentences_come_most_shared_first() {
        let dir = tempfile::tempdir().unwrap();
        let library = library_of_articles(dir.path());
        let xi = entity_named(&library, "Xi Jinping");
        let together = library.cooccurring(xi, 10).unwrap();
        let names: Vec<&str> = together.iter().map(|(e, _)| e.name.as_str()).collect();
        assert!(names.contains(&"Dina Boluarte"), "{names:?}");
        assert!(!names.contains(&"Vincent Clerc"), "{names:?}");
        assert!(!names.contains(&"Xi Jinping"));
        assert!(together.windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(library.cooccurring(xi, 1).unwrap().len(), 1);
    }
}
