//! The library's tables, and the migrations that bring an older file up to date. The
//! version is kept in `PRAGMA user_version`: migration `i` takes a library from version `i`
//! to `i + 1`, in one transaction, so a crash leaves the old version whole.
//!
//! Everything an entity query needs is reached from the entity's *forms* (the distinct
//! (kind, name) pairs documents wrote): a document's entity (a row of `groups`) names the
//! form of its name, not the library entity, so that merging again after an add rewrites
//! only `forms.entity` and `entities`, never the rows of the documents. Counts the lists
//! show (an entity's documents and mentions, a document's mentions) are stored, not
//! counted per query. What is read only through its document entity (mentions, sentence
//! partners, facts) is packed into blobs on its row: the library stays under three times
//! its text.

use rusqlite::{Connection, Transaction};

/// Version 1: the first library.
const V1: &str = "
-- One row a file. The stamp (size, mtime) says whether the file changed since it was
-- read; the hash whether its text did. `kinds` has bit i set when the document names an
-- entity of kind i (`kind:` searches).
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash TEXT NOT NULL,
    headline TEXT NOT NULL,
    day INTEGER,
    precision INTEGER,
    kinds INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    entities INTEGER NOT NULL
);

-- The text, the only copy of it: rowid = documents.id.
CREATE VIRTUAL TABLE texts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

-- The sentences of each document, packed (see `packed`), for mentions in context.
CREATE TABLE sentences (
    document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    ranges BLOB NOT NULL
);

-- Every (kind, name) a document's entity was written as, and the library entity it
-- belongs to (rewritten by each merge; NULL for a form no document's entity is named by
-- and that merged with none).
CREATE TABLE forms (
    id INTEGER PRIMARY KEY,
    label INTEGER NOT NULL,
    form TEXT NOT NULL,
    entity INTEGER,
    UNIQUE (label, form)
);
CREATE INDEX forms_by_entity ON forms(entity);
CREATE INDEX forms_by_text ON forms(form COLLATE NOCASE);

-- Library entities with their stored counts, in the order lists show them.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    label INTEGER NOT NULL,
    name TEXT NOT NULL,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX entities_by_rank ON entities(documents DESC, mentions DESC, name);
CREATE INDEX entities_by_label ON entities(label, documents DESC, mentions DESC, name);

-- Each document's own entities (its analysis's groups), named by the form of their name,
-- with what belongs to them packed (see `packed`): `spans` their mentions and each one's
-- source, `written` the forms they were written as with how many mentions each,
-- `partners` the name forms of the entities sharing their sentences with how many
-- sentences, `facts` the change and quantity facts involving them.
CREATE TABLE groups (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    grp INTEGER NOT NULL,
    label INTEGER NOT NULL,
    form INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    spans BLOB NOT NULL,
    written BLOB NOT NULL,
    partners BLOB NOT NULL,
    facts BLOB NOT NULL,
    PRIMARY KEY (document, grp)
) WITHOUT ROWID;
CREATE INDEX groups_by_form ON groups(form);

-- Quotes; their words are the text's, at start..end.
CREATE TABLE quotes (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_form INTEGER,
    speaker_text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    PRIMARY KEY (document, start)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes(speaker_form);

-- Change and quantity facts; `fact` is the fact's index in the analysis.
CREATE TABLE figures (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    fact INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (document, fact)
) WITHOUT ROWID;

-- Event and date facts with an absolute date.
CREATE TABLE timeline (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    fact INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    day INTEGER NOT NULL,
    precision INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (document, fact)
) WITHOUT ROWID;

-- Flags: 'entities_stale' is set with every document written and cleared by the merge,
-- so that a library closed between the two is merged when it is opened again.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
";

/// Each migration takes the library from its index to the next version.
const MIGRATIONS: &[&str] = &[V1];

/// The version this newslens writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// The file's schema version (0 for a new file).
pub fn version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Runs the migrations a library of version `from` still needs.
pub fn migrate(connection: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (version, migration) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        // Immediate: the write lock first, then the version read again, so that two
        // processes (the window and its indexing thread) opening a new library at once do
        // not both run a migration.
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now: i64 = transaction.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if now > version as i64 {
            continue;
        }
        transaction.execute_batch(migration)?;
        transaction.pragma_update(None, "user_version", version as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

/// Deletes a document's rows everywhere but `documents` itself: what replacing it needs
/// (removing it cascades).
pub fn delete_rows(transaction: &Transaction<'_>, document: i64) -> rusqlite::Result<()> {
    for table in ["sentences", "groups", "quotes", "figures", "timeline"] {
        transaction
            .prepare_cached(&format!("DELETE FROM {table} WHERE document = ?1"))?
            .execute([document])?;
    }
    transaction
        .prepare_cached("DELETE FROM texts WHERE rowid = ?1")?
        .execute([document])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::record::{self, FileStamp, Record};
    use super::super::testing::{Generator, generated_article, open_library};
    use super::super::{DocumentSort, merge};
    use crate::entity::Label;
    use std::sync::atomic::AtomicBool;
    use std::time::{Duration, Instant};

    #[test]
    fn the_library_stays_under_three_times_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("articles");
        std::fs::create_dir_all(&folder).unwrap();
        let mut generator = Generator::new(7);
        let mut text_bytes = 0;
        for i in 0..300 {
            let article = generated_article(&mut generator);
            text_bytes += article.len();
            std::fs::write(folder.join(format!("{i:03}.txt")), article).unwrap();
        }
        let path = dir.path().join("library.sqlite");
        let mut library = open_library(&path);
        let summary = library
            .add_folder(&folder, &mut |_| {}, &AtomicBool::new(false))
            .unwrap();
        assert_eq!(summary.added, 300, "{:?}", summary.failed);
        let c = &library.connection;
        let _: (i64, i64, i64) = c
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        let mut statement = c
            .prepare("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
            .unwrap();
        let tables: Vec<(String, i64)> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let size: u64 = ["", "-wal"]
            .iter()
            .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
            .map(|m| m.len())
            .sum();
        let ratio = size as f64 / text_bytes as f64;
        eprintln!("{text_bytes} bytes of text, library {size} bytes: {ratio:.2}x");
        for (table, bytes) in &tables {
            eprintln!("  {table:<28} {:>5.2}x", *bytes as f64 / text_bytes as f64);
        }
        assert!(ratio < 3.0, "{ratio:.2}x");
    }

    /// 10,000 documents: 40 generated articles analysed, then written 250 times each with
    /// their people renamed, so that some places and dates are in thousands of documents
    /// and people in dozens. Prints how long each query takes. Slow to build in a debug
    /// build: run it with `cargo test --release --lib --no-default-features library --
    /// --ignored --nocapture`.
    #[test]
    #[ignore]
    fn every_query_answers_quickly_on_ten_thousand_documents() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = open_library(&dir.path().join("library.sqlite"));
        let mut generator = Generator::new(11);
        let records: Vec<Record> = (0..40)
            .map(|_| {
                let text = generated_article(&mut generator);
                Record::of(&crate::analyse(crate::Document::from_text("a.txt", text)))
            })
            .collect();
        let started = Instant::now();
        for batch in 0..10 {
            library
                .change(|t| {
                    for i in batch * 1000..(batch + 1) * 1000 {
                        let mut record = records[i % records.len()].clone();
                        let variant = i / records.len() % 50;
                        for (label, form) in &mut record.forms {
                            if *label == Label::Person {
                                form.push_str(&format!("{variant}"));
                            }
                        }
                        let file = FileStamp {
                            path: format!("/library/{}/{i}.txt", i % 97).into(),
                            size: record.text.len() as u64,
                            mtime: i as i64,
                        };
                        record::write(t, None, &file, &record)?;
                    }
                    Ok(())
                })
                .unwrap();
        }
        let written = started.elapsed();
        let started = Instant::now();
        library.change(merge::remerge).unwrap();
        eprintln!("written in {written:?}, merged in {:?}", started.elapsed());
        assert_eq!(library.document_count(), 10_000);

        let top = library.entities(Some(Label::Place), "", 1).unwrap()[0].clone();
        let person = library.entities(Some(Label::Person), "", 1).unwrap()[0].clone();
        eprintln!("most widespread: {top:?}; person: {person:?}");
        let mut slowest = Duration::ZERO;
        let mut time = |what: &str, run: &mut dyn FnMut() -> usize| {
            let started = Instant::now();
            let n = run();
            let took = started.elapsed();
            slowest = slowest.max(took);
            eprintln!("  {what:<42} {took:>10.2?}  ({n} results)");
        };
        time("documents", &mut || {
            library
                .documents("", DocumentSort::default())
                .unwrap()
                .len()
        });
        time("documents filtered", &mut || {
            library
                .documents("library/5", DocumentSort::default())
                .unwrap()
                .len()
        });
        time("entities", &mut || {
            library.entities(None, "", 200).unwrap().len()
        });
        time("entities of a kind, filtered", &mut || {
            library
                .entities(Some(Label::Person), "larsen", 50)
                .unwrap()
                .len()
        });
        time("entities filtered, rare", &mut || {
            library.entities(None, "no such name", 50).unwrap().len()
        });
        time("entity", &mut || {
            library.entity(top.id).unwrap().into_iter().count()
        });
        time("entity_documents (widespread)", &mut || {
            library.entity_documents(top.id).unwrap().len()
        });
        time("mention_count", &mut || {
            library.mention_count(top.id).unwrap()
        });
        time("concordance page 1 (widespread)", &mut || {
            library.concordance(top.id, 0, 50).unwrap().len()
        });
        time("concordance deep page (widespread)", &mut || {
            library
                .concordance(top.id, top.mentions / 2, 50)
                .unwrap()
                .len()
        });
        time("cooccurring (widespread)", &mut || {
            library.cooccurring(top.id, 20).unwrap().len()
        });
        time("cooccurring (person)", &mut || {
            library.cooccurring(person.id, 20).unwrap().len()
        });
        time("quotes of a person", &mut || {
            library.quotes(Some(person.id)).unwrap().len()
        });
        time("figures (widespread)", &mut || {
            library.figures(top.id).unwrap().len()
        });
        time("figures (person)", &mut || {
            library.figures(person.id).unwrap().len()
        });
        time("search a common word", &mut || {
            library.search("port", 50).unwrap().len()
        });
        time("search a phrase", &mut || {
            library.search("\"fishing communities\"", 50).unwrap().len()
        });
        time("search with filters", &mut || {
            library
                .search(&format!("loan entity:\"{}\" kind:ORG", person.name), 50)
                .unwrap()
                .len()
        });
        time("search by entity alone", &mut || {
            library
                .search(&format!("entity:\"{}\"", top.name), 50)
                .unwrap()
                .len()
        });
        time("text", &mut || {
            library.text(5000).unwrap().map_or(0, |t| t.len())
        });
        time("analysis_json", &mut || {
            library.analysis_json(5000).unwrap().map_or(0, |t| t.len())
        });
        eprintln!("every query but the whole-library ones: slowest {slowest:?}");
        let whole = |what: &str, run: &mut dyn FnMut() -> usize| {
            let started = Instant::now();
            let n = run();
            eprintln!("  {what:<42} {:>10.2?}  ({n} results)", started.elapsed());
        };
        whole("timeline (everything)", &mut || {
            library.timeline().unwrap().len()
        });
        whole("quotes (every quote)", &mut || {
            library.quotes(None).unwrap().len()
        });
        let file = dir.path().join("one.txt");
        std::fs::write(&file, "Xi Jinping met Dina Boluarte in Lima.").unwrap();
        let files = [file];
        whole("add_files of one new file (merges all)", &mut || {
            library
                .add_files(&files, &mut |_| {}, &AtomicBool::new(false))
                .unwrap()
                .added
        });
        whole("add_files of it again, unchanged", &mut || {
            library
                .add_files(&files, &mut |_| {}, &AtomicBool::new(false))
                .unwrap()
                .unchanged
        });
        let path = library.path().to_path_buf();
        drop(library);
        let started = Instant::now();
        let library = open_library(&path);
        eprintln!(
            "  {:<42} {:>10.2?}  ({} documents)",
            "open again (with quick_check)",
            started.elapsed(),
            library.document_count()
        );
        assert!(slowest < Duration::from_millis(50), "{slowest:?}");
    }
}
