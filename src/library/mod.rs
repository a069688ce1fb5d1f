//! The library: every article of some folders, analysed once and kept in one SQLite file
//! (`<data dir>/library.sqlite`), so that people, places and organisations can be followed
//! across documents: which documents name an entity, its mentions in context, what it
//! said, its figures, who appears with it, a full-text search and a timeline. Nothing
//! here knows about the window.
//!
//! One concept a file: opening and setting a damaged file aside (`open`), the tables
//! (`schema`), adding documents (`add`) as rows (`record`), merging entities across
//! documents (`merge`), dates (`dates`), and one file per kind of question.

mod add;
mod concordance;
pub mod dates;
mod documents;
mod entities;
mod export;
mod facts;
mod merge;
mod open;
mod packed;
mod record;
mod schema;
mod search;
mod timeline;

#[cfg(test)]
mod testing;

pub use add::{AddProgress, AddSummary};
pub use concordance::LibraryLine;
pub use dates::Precision;
pub use documents::{DocumentRow, DocumentSort, SortKey};
pub use entities::EntityRow;
pub use export::LibraryExport;
pub use facts::{FigureRow, QuoteRow};
pub use search::SearchHit;
pub use timeline::{TimelineItem, TimelineKind};

use crate::corrections::Store;
use crate::entity::Label;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The file name of the library in the data folder.
pub const FILE_NAME: &str = "library.sqlite";

/// An open library. Every method answers from the file; none keeps results in memory.
pub struct Library {
    connection: Connection,
    path: PathBuf,
    warnings: Vec<String>,
    /// Where the user's dictionary and corrections are read from when documents are
    /// analysed.
    corrections: Option<Store>,
}

/// What can go wrong. Each message is one line and names the library's file. The error
/// itself is part of the message rather than a source, so that printing the chain says it
/// once.
#[derive(thiserror::Error, Debug)]
pub enum LibraryError {
    #[error("cannot open the library {path}: {error}")]
    Open { path: PathBuf, error: String },
    #[error(
        "the library {path} was made by a newer newslens (version {version}, this one knows up to {known}); it was left as it is"
    )]
    Newer {
        path: PathBuf,
        version: i64,
        known: i64,
    },
    #[error("library {path}: {error}")]
    Database {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("library {path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A search that FTS5 (or the filters) could not take.
    #[error("library {path}: cannot search for {query}: {message}")]
    Query {
        path: PathBuf,
        query: String,
        message: String,
    },
}

impl Library {
    /// `<data dir>/library.sqlite`: `$NEWSLENS_DATA_DIR` if set, else the platform data dir
    /// (as [`Store::default_location`] does). None when the platform has no home folder.
    pub fn default_path() -> Option<PathBuf> {
        // The corrections' folder is the data folder, and honours NEWSLENS_DATA_DIR.
        Store::default_location().map(|store| store.dir().join(FILE_NAME))
    }

    /// Opens the library at `path`, or creates it. WAL journal, foreign keys on, a busy
    /// timeout, and the schema version in `PRAGMA user_version` brought up to date by the
    /// migrations; a library of a newer version is an error and is not touched. A file
    /// that is not a database or fails `PRAGMA quick_check` is renamed aside
    /// (`library.sqlite.damaged-<secs>`, `-N` if taken, with its `-wal` and `-shm`), never
    /// deleted, and a fresh library is created; the warning waits in
    /// [`Library::take_warnings`]. Its documents can then be added again from their files.
    ///
    /// Documents added are analysed with the user's dictionary and corrections from
    /// [`Store::default_location`] ([`Library::set_corrections`] changes that).
    pub fn open(path: &Path) -> Result<Library, LibraryError> {
        let (connection, warnings) = open::open(path)?;
        let mut library = Library {
            connection,
            path: path.to_path_buf(),
            warnings,
            corrections: Store::default_location(),
        };
        library.merge_if_stale()?;
        Ok(library)
    }

    /// Warnings since the last call (a damaged library or corrections file set aside).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// The library's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where documents added from now on take the dictionary and corrections from (None:
    /// the automatic analysis alone).
    pub fn set_corrections(&mut self, store: Option<Store>) {
        self.corrections = store;
    }

    /// Runs a query, naming the library in its error.
    fn run<T>(
        &self,
        query: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, LibraryError> {
        query(&self.connection).map_err(|error| self.error(error))
    }

    fn error(&self, error: rusqlite::Error) -> LibraryError {
        LibraryError::Database {
            path: self.path.clone(),
            error,
        }
    }

    /// Runs `change` in one transaction (committed only if it succeeds).
    fn change<T>(
        &mut self,
        change: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, LibraryError> {
        let path = self.path.clone();
        let error = |error| LibraryError::Database {
            path: path.clone(),
            error,
        };
        let transaction = self.connection.transaction().map_err(&error)?;
        let value = change(&transaction).map_err(&error)?;
        transaction.commit().map_err(error)?;
        Ok(value)
    }

    /// Merges entities when documents were written after the last merge (a crash or a
    /// kill in between).
    fn merge_if_stale(&mut self) -> Result<(), LibraryError> {
        let stale: bool = self.run(|c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'entities_stale')",
                [],
                |row| row.get(0),
            )
        })?;
        if stale {
            self.change(merge::remerge)?;
        }
        Ok(())
    }
}

/// How a label is stored: its index in [`Label::ALL`].
fn label_code(label: Label) -> i64 {
    Label::ALL.iter().position(|&l| l == label).map_or(0, int)
}

/// The label a stored code names; an unknown code is an error, not a guess.
fn label_from(code: i64) -> rusqlite::Result<Label> {
    usize::try_from(code)
        .ok()
        .and_then(|i| Label::ALL.get(i).copied())
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(0, code))
}

/// An offset or count as SQLite stores it.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A stored offset or count (never negative in rows the library wrote).
fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}
