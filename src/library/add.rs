//! Adding documents to the library, and dropping those whose file is gone.
//!
//! A file whose stamp (path, size, modification time) is unchanged is skipped without
//! being read; a changed one is read, and analysed again only if its text changed. The
//! analyses run on every core a chunk at a time (as `batch::run` does, bounded by count
//! and bytes); the calling thread writes each document in its own transaction as the
//! chunk comes back, so a crash loses at most the documents in flight. Entities are merged
//! across documents once at the end.

use super::record::{self, FileStamp, Record};
use super::{Library, LibraryError, merge, schema};
use crate::batch::{self, Corrections};
use crate::corrections::content_hash;
use crate::load;
use rayon::prelude::*;
use rusqlite::params;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// Where an add is, after each document.
#[derive(Clone, Debug, PartialEq)]
pub struct AddProgress {
    /// Documents handled so far, whatever came of them.
    pub done: usize,
    pub total: usize,
    /// Documents found unchanged.
    pub skipped: usize,
    pub failed: usize,
    pub elapsed: Duration,
    /// The document just handled.
    pub current: PathBuf,
}

impl AddProgress {
    /// Documents handled per second.
    pub fn rate(&self) -> f64 {
        match self.elapsed.as_secs_f64() {
            0.0 => 0.0,
            seconds => self.done as f64 / seconds,
        }
    }

    /// The time the remaining documents should take at the rate so far (None before the
    /// first document).
    pub fn remaining(&self) -> Option<Duration> {
        let rate = self.rate();
        (self.done > 0 && rate > 0.0)
            .then(|| Duration::from_secs_f64(self.total.saturating_sub(self.done) as f64 / rate))
    }
}

/// What an add did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AddSummary {
    /// New documents.
    pub added: usize,
    /// Documents whose text changed, analysed again.
    pub updated: usize,
    /// Documents whose file, or at least whose text, had not changed.
    pub unchanged: usize,
    /// One line per file that could not be added.
    pub failed: Vec<String>,
    /// True when `cancel` stopped the add before the last document.
    pub cancelled: bool,
}

/// A document the library already holds.
struct Known {
    id: i64,
    size: u64,
    mtime: i64,
    hash: String,
}

/// A file to read.
struct Work {
    file: FileStamp,
    known: Option<Known>,
}

/// What came of reading one file.
enum Outcome {
    /// The text is the same: only the stamp changes.
    Restamp,
    Analysed(Box<Record>, Vec<String>),
    Failed(String),
    Cancelled,
}

impl Library {
    /// Adds every document newslens reads under `folder` (walked as `newslens extract`
    /// walks folders: hidden entries skipped), as [`Library::add_files`] does.
    pub fn add_folder(
        &mut self,
        folder: &Path,
        progress: &mut dyn FnMut(&AddProgress),
        cancel: &AtomicBool,
    ) -> Result<AddSummary, LibraryError> {
        let (files, problems) = batch::collect_inputs(&[folder.to_path_buf()]);
        let mut summary = self.add_files(&files, progress, cancel)?;
        summary.failed.splice(0..0, problems);
        Ok(summary)
    }

    /// Adds or updates the documents in `files`: an unchanged stamp (path, size, mtime) is
    /// skipped without reading, a changed file is read and analysed again only if its
    /// text's `content_hash` changed. `progress` hears after each document (on this
    /// thread); `cancel` stops between documents. Documents are analysed with the user's
    /// dictionary and corrections (see [`Library::set_corrections`]). Entities are merged
    /// across the whole library at the end.
    pub fn add_files(
        &mut self,
        files: &[PathBuf],
        progress: &mut dyn FnMut(&AddProgress),
        cancel: &AtomicBool,
    ) -> Result<AddSummary, LibraryError> {
        let started = Instant::now();
        let mut known = self.known_documents()?;
        let corrections = self.batch_corrections();
        let mut summary = AddSummary::default();
        let mut state = AddProgress {
            done: 0,
            total: files.len(),
            skipped: 0,
            failed: 0,
            elapsed: Duration::ZERO,
            current: PathBuf::new(),
        };
        let mut report = |state: &mut AddProgress, path: &Path| {
            state.done += 1;
            state.elapsed = started.elapsed();
            state.current = path.to_path_buf();
            progress(state);
        };

        // Stamps first: unchanged files are done with at once.
        let mut work: Vec<Work> = Vec::new();
        let mut seen: HashSet<PathBuf> = HashSet::new();
        for path in files {
            let file = stamp(path);
            if !seen.insert(file.path.clone()) {
                state.total -= 1;
                continue;
            }
            let Some(key) = file.path.to_str().map(str::to_string) else {
                summary.failed.push(format!(
                    "{}: the library keeps only files whose path is valid UTF-8",
                    path.display()
                ));
                state.failed += 1;
                report(&mut state, path);
                continue;
            };
            let known = known.remove(&key);
            if known
                .as_ref()
                .is_some_and(|k| k.size == file.size && k.mtime == file.mtime)
            {
                summary.unchanged += 1;
                state.skipped += 1;
                report(&mut state, &file.path);
                continue;
            }
            work.push(Work { file, known });
        }

        let paths: Vec<PathBuf> = work.iter().map(|w| w.file.path.clone()).collect();
        let lengths: Vec<usize> = batch::chunks(&paths).iter().map(|c| c.len()).collect();
        let mut rest = work.as_slice();
        let mut changed = false;
        'chunks: for length in lengths {
            let (chunk, after) = rest.split_at(length);
            rest = after;
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let outcomes: Vec<Outcome> = chunk
                .par_iter()
                .map(|work| {
                    if cancel.load(Ordering::Relaxed) {
                        return Outcome::Cancelled;
                    }
                    // A panic in one document must not take the others down.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        analyse(work, corrections.as_ref())
                    }))
                    .unwrap_or_else(|_| {
                        Outcome::Failed(format!(
                            "{}: newslens failed on this file",
                            work.file.path.display()
                        ))
                    })
                })
                .collect();
            for (work, outcome) in chunk.iter().zip(outcomes) {
                if cancel.load(Ordering::Relaxed) {
                    break 'chunks;
                }
                let id = work.known.as_ref().map(|k| k.id);
                match outcome {
                    Outcome::Cancelled => break 'chunks,
                    Outcome::Failed(message) => {
                        summary.failed.push(message);
                        state.failed += 1;
                    }
                    Outcome::Restamp => {
                        let (size, mtime) = (work.file.size, work.file.mtime);
                        self.change(|t| {
                            t.execute(
                                "UPDATE documents SET size = ?1, mtime = ?2 WHERE id = ?3",
                                params![i64::try_from(size).unwrap_or(i64::MAX), mtime, id],
                            )
                        })?;
                        summary.unchanged += 1;
                        state.skipped += 1;
                    }
                    Outcome::Analysed(record, warnings) => {
                        self.warnings.extend(warnings);
                        match self.change(|t| record::write(t, id, &work.file, &record)) {
                            Ok(_) if id.is_some() => summary.updated += 1,
                            Ok(_) => summary.added += 1,
                            Err(error) => {
                                summary.failed.push(format!(
                                    "{}: cannot be kept in the library: {error}",
                                    work.file.path.display()
                                ));
                                state.failed += 1;
                            }
                        }
                        changed = true;
                    }
                }
                report(&mut state, &work.file.path);
            }
        }
        summary.cancelled = state.done < state.total;
        if changed {
            self.change(merge::remerge)?;
        }
        Ok(summary)
    }

    /// Removes the documents whose file no longer exists; returns how many. A file that
    /// cannot be looked at (a folder without permission) is kept.
    pub fn remove_missing(&mut self) -> Result<usize, LibraryError> {
        let documents: Vec<(i64, String)> = self.run(|c| {
            let mut statement = c.prepare("SELECT id, path FROM documents ORDER BY id")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        })?;
        let gone: Vec<i64> = documents
            .into_iter()
            .filter(|(_, path)| {
                matches!(std::fs::symlink_metadata(path),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound)
            })
            .map(|(id, _)| id)
            .collect();
        if gone.is_empty() {
            return Ok(0);
        }
        self.change(|t| {
            for &id in &gone {
                schema::delete_rows(t, id)?;
                t.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            }
            merge::remerge(t)
        })?;
        Ok(gone.len())
    }

    /// The stamp and hash of every document, by path.
    fn known_documents(&self) -> Result<HashMap<String, Known>, LibraryError> {
        self.run(|c| {
            let mut statement = c.prepare("SELECT id, path, size, mtime, hash FROM documents")?;
            let rows = statement.query_map([], |row| {
                Ok((
                    row.get::<_, String>(1)?,
                    Known {
                        id: row.get(0)?,
                        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
                        mtime: row.get(3)?,
                        hash: row.get(4)?,
                    },
                ))
            })?;
            rows.collect()
        })
    }

    /// The store and the dictionary for this add (the dictionary read once).
    fn batch_corrections(&mut self) -> Option<Corrections> {
        let store = self.corrections.clone()?;
        let dictionary = match store.load_dictionary() {
            Ok(loaded) => {
                self.warnings.extend(loaded.warning);
                loaded.value
            }
            Err(error) => {
                self.warnings.push(error.to_string());
                Default::default()
            }
        };
        Some(Corrections { store, dictionary })
    }
}

/// The file's stamp, under its canonical path. A file that cannot be looked at gets an
/// empty stamp, and reading it says why.
fn stamp(path: &Path) -> FileStamp {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let metadata = std::fs::metadata(&path).ok();
    let mtime = metadata
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    FileStamp {
        size: metadata.map_or(0, |m| m.len()),
        mtime,
        path,
    }
}

/// Reads a file and, if its text is new to the library, analyses it.
fn analyse(work: &Work, corrections: Option<&Corrections>) -> Outcome {
    let path = &work.file.path;
    let document = match load::load_path(path) {
        Ok(document) => document,
        Err(error) => return Outcome::Failed(error.to_string()),
    };
    if work
        .known
        .as_ref()
        .is_some_and(|k| k.hash == content_hash(&document.text))
    {
        return Outcome::Restamp;
    }
    match batch::analyse_loaded(path, document, corrections) {
        Ok((analysis, warnings)) => Outcome::Analysed(Box::new(Record::of(&analysis)), warnings),
        Err(message) => Outcome::Failed(message),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CHANCAY, article_folder, library_of_articles, open_library};
    use super::*;

    fn no_cancel() -> AtomicBool {
        AtomicBool::new(false)
    }

    #[test]
    fn adding_again_skips_unchanged_files_and_reanalyses_changed_texts_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = library_of_articles(dir.path());
        let folder = dir.path().join("articles");
        let before = library.documents("", Default::default()).unwrap();

        let mut reports = Vec::new();
        let summary = library
            .add_folder(&folder, &mut |p| reports.push(p.clone()), &no_cancel())
            .unwrap();
        assert_eq!(
            (summary.added, summary.updated, summary.unchanged),
            (0, 0, 3)
        );
        assert_eq!(reports.len(), 3);
        assert_eq!(reports[2].done, 3);
        assert_eq!(reports[2].skipped, 3);

        // Same text, new stamp: not analysed again. New text: analysed again, same id.
        let chancay = folder.join("news/chancay.md");
        std::fs::write(&chancay, format!("{CHANCAY}\n")).unwrap();
        std::fs::write(folder.join("news/maersk.txt"), "Maersk cut 2,400 jobs.\n").unwrap();
        let summary = library
            .add_folder(&folder, &mut |_| {}, &no_cancel())
            .unwrap();
        assert_eq!(
            (summary.added, summary.updated, summary.unchanged),
            (0, 1, 2)
        );
        let after = library.documents("", Default::default()).unwrap();
        assert_eq!(
            before.iter().map(|d| d.id).collect::<Vec<_>>(),
            after.iter().map(|d| d.id).collect::<Vec<_>>()
        );
        let maersk = after.iter().find(|d| d.name == "maersk.txt").unwrap();
        assert_eq!(
            library.text(maersk.id).unwrap().unwrap(),
            "Maersk cut 2,400 jobs.\n"
        );
        assert!(
            library
                .entities(None, "Vincent Clerc", 10)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unreadable_files_are_reported_and_the_rest_added() {
        let dir = tempfile::tempdir().unwrap();
        let folder = article_folder(dir.path());
        std::fs::write(folder.join("empty.txt"), "").unwrap();
        let mut library = open_library(&dir.path().join("library.sqlite"));
        let mut last = None;
        let summary = library
            .add_files(
                &[
                    folder.join("lima.txt"),
                    folder.join("empty.txt"),
                    folder.join("gone.txt"),
                    folder.join("lima.txt"),
                ],
                &mut |p| last = Some(p.clone()),
                &no_cancel(),
            )
            .unwrap();
        assert_eq!(summary.added, 1);
        assert_eq!(summary.failed.len(), 2, "{:?}", summary.failed);
        assert!(summary.failed.iter().all(|f| !f.contains('\n')));
        let last = last.unwrap();
        assert_eq!((last.done, last.total, last.failed), (3, 3, 2));
        assert!(!summary.cancelled);
    }

    #[test]
    fn cancelling_stops_between_documents_and_keeps_those_written() {
        let dir = tempfile::tempdir().unwrap();
        let folder = article_folder(dir.path());
        let mut library = open_library(&dir.path().join("library.sqlite"));
        let cancel = AtomicBool::new(false);
        let summary = library
            .add_folder(
                &folder,
                &mut |_| cancel.store(true, Ordering::Relaxed),
                &cancel,
            )
            .unwrap();
        assert!(summary.cancelled);
        assert_eq!(summary.added, 1);
        assert_eq!(library.document_count(), 1);
        // The one written is merged: its entities are listed.
        assert!(!library.entities(None, "", 100).unwrap().is_empty());
    }

    #[test]
    fn documents_whose_file_is_gone_are_removed_with_their_entities() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = library_of_articles(dir.path());
        assert_eq!(library.remove_missing().unwrap(), 0);
        std::fs::remove_file(dir.path().join("articles/news/maersk.txt")).unwrap();
        assert_eq!(library.remove_missing().unwrap(), 1);
        assert_eq!(library.document_count(), 2);
        assert!(library.entities(None, "Clerc", 10).unwrap().is_empty());
        assert!(!library.entities(None, "Xi Jinping", 10).unwrap().is_empty());
    }

    #[test]
    fn a_library_closed_before_its_merge_merges_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        drop(library_of_articles(dir.path()));
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(
                "DELETE FROM entities; UPDATE forms SET entity = NULL;
                 INSERT INTO meta VALUES ('entities_stale', 1);",
            )
            .unwrap();
        }
        let library = open_library(&path);
        assert!(!library.entities(None, "Xi Jinping", 10).unwrap().is_empty());
    }

    #[test]
    fn progress_estimates_the_time_left_from_the_rate() {
        let progress = AddProgress {
            done: 10,
            total: 30,
            skipped: 0,
            failed: 0,
            elapsed: Duration::from_secs(5),
            current: PathBuf::new(),
        };
        assert_eq!(progress.rate(), 2.0);
        assert_eq!(progress.remaining(), Some(Duration::from_secs(10)));
        let start = AddProgress {
            done: 0,
            elapsed: Duration::ZERO,
            ..progress
        };
        assert_eq!(start.rate(), 0.0);
        assert_eq!(start.remaining(), None);
    }
}
