//! Opening the library file: settings, the schema version, and what to do with a file that
//! is not a usable database. Such a file is renamed aside, never deleted (it may hold
//! months of work someone can still recover), with its `-wal` and `-shm`, and a fresh
//! library takes its place; the documents can be added again from their files.

use super::{LibraryError, schema};
use rusqlite::{Connection, ErrorCode};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a statement waits for another connection's write before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why opening stopped.
enum Failure {
    /// The file is damaged or not a database: set it aside.
    Unusable(String),
    /// Anything else (permissions, a full disk, a newer version): report it.
    Error(LibraryError),
}

/// Opens (or creates) the library, setting a damaged file aside. Returns the connection
/// and the warnings to pass on.
pub(super) fn open(path: &Path) -> Result<(Connection, Vec<String>), LibraryError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|error| LibraryError::Io {
            path: path.to_path_buf(),
            error,
        })?;
    }
    match connect(path) {
        Ok(connection) => Ok((connection, Vec::new())),
        Err(Failure::Error(error)) => Err(error),
        Err(Failure::Unusable(problem)) => {
            let aside = set_aside(path).map_err(|error| LibraryError::Io {
                path: path.to_path_buf(),
                error,
            })?;
            let warning = format!(
                "The library {} could not be read ({problem}); it was kept as {} and a new one was started. Add your folders again to fill it.",
                path.display(),
                aside.display()
            );
            match connect(path) {
                Ok(connection) => Ok((connection, vec![warning])),
                Err(Failure::Error(error)) => Err(error),
                Err(Failure::Unusable(problem)) => Err(LibraryError::Open {
                    path: path.to_path_buf(),
                    error: problem,
                }),
            }
        }
    }
}

/// What every SQLite database starts with.
const HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens, checks, configures and migrates.
fn connect(path: &Path) -> Result<Connection, Failure> {
    let failure = |error: rusqlite::Error| classify(path, error);
    // Looked at before SQLite opens it: SQLite would delete a `-wal` beside a file that
    // is not a database when it closes it.
    if !starts_like_a_database(path).map_err(|error| {
        Failure::Error(LibraryError::Io {
            path: path.to_path_buf(),
            error,
        })
    })? {
        return Err(Failure::Unusable("it is not a database".to_string()));
    }
    let mut connection = Connection::open(path).map_err(failure)?;
    connection.busy_timeout(BUSY_TIMEOUT).map_err(failure)?;
    let check: String = connection
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(failure)?;
    if check != "ok" {
        return Err(Failure::Unusable(format!(
            "it is damaged: {}",
            super::record::shorten(&check, 120)
        )));
    }
    // Read before anything writes: a newer library is left exactly as it is.
    let version = schema::version(&connection).map_err(failure)?;
    if version > schema::VERSION {
        return Err(Failure::Error(LibraryError::Newer {
            path: path.to_path_buf(),
            version,
            known: schema::VERSION,
        }));
    }
    let _mode: String = connection
        .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
        .map_err(failure)?;
    connection
        .pragma_update(None, "foreign_keys", true)
        .map_err(failure)?;
    // With WAL, NORMAL loses no committed transaction on a crash of the process, only on
    // a power cut, and makes each document's commit far cheaper.
    connection
        .pragma_update(None, "synchronous", "NORMAL")
        .map_err(failure)?;
    schema::migrate(&mut connection, version).map_err(failure)?;
    Ok(connection)
}

/// False for a file with bytes that are not a database's; a missing or empty file is a
/// new library. A FIFO or a device is refused ("not a regular file"), never read.
fn starts_like_a_database(path: &Path) -> std::io::Result<bool> {
    match crate::regular_file::read(path, HEADER.len() as u64) {
        Ok(start) => Ok(start.is_empty() || start.starts_with(HEADER)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

/// A damaged or foreign file is unusable; every other error is reported as it is.
fn classify(path: &Path, error: rusqlite::Error) -> Failure {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Failure::Unusable("it is not a database".to_string()),
        Some(ErrorCode::DatabaseCorrupt) => Failure::Unusable(format!("it is damaged: {error}")),
        _ => Failure::Error(LibraryError::Open {
            path: path.to_path_buf(),
            error: error.to_string(),
        }),
    }
}

/// Renames the file aside, then its `-wal` and `-shm` beside it under the new name (where
/// SQLite would look for them if someone opens the copy).
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let aside = crate::corrections::set_aside(path)?;
    for suffix in ["-wal", "-shm"] {
        let companion = with_suffix(path, suffix);
        let target = with_suffix(&aside, suffix);
        if companion.exists() && !target.exists() {
            std::fs::rename(&companion, &target)?;
        }
    }
    Ok(aside)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::super::Library;
    use super::super::testing::{article_folder, open_library};
    use super::*;
    use std::sync::atomic::AtomicBool;

    fn asides(folder: &Path) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".damaged-"))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_new_library_has_the_current_version_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let library = open_library(&dir.path().join("data/library.sqlite"));
        let c = &library.connection;
        assert_eq!(schema::version(c).unwrap(), schema::VERSION);
        let mode: String = c
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let keys: bool = c
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(keys);
        let fts5: bool = c
            .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(fts5);
        assert_eq!(library.document_count(), 0);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_set_aside_twice_without_losing_either() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        std::fs::write(&path, b"these are my notes, not a database").unwrap();
        std::fs::write(with_suffix(&path, "-wal"), b"a stray journal").unwrap();
        let mut library = Library::open(&path).unwrap();
        let warnings = library.take_warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("not a database"), "{}", warnings[0]);
        assert!(library.take_warnings().is_empty());
        drop(library);
        let found = asides(dir.path());
        assert_eq!(found.len(), 2, "{found:?}");
        let main = found
            .iter()
            .find(|p| !p.to_string_lossy().ends_with("-wal"))
            .unwrap();
        assert_eq!(
            std::fs::read(main).unwrap(),
            b"these are my notes, not a database"
        );
        assert_eq!(
            std::fs::read(with_suffix(main, "-wal")).unwrap(),
            b"a stray journal"
        );

        // Again within the same second: another name, nothing overwritten.
        std::fs::write(&path, b"more notes").unwrap();
        let mut library = Library::open(&path).unwrap();
        assert_eq!(library.take_warnings().len(), 1);
        let found = asides(dir.path());
        assert_eq!(found.len(), 3, "{found:?}");
        let contents: Vec<Vec<u8>> = found.iter().map(|p| std::fs::read(p).unwrap()).collect();
        assert!(contents.contains(&b"more notes".to_vec()));
        assert!(contents.contains(&b"these are my notes, not a database".to_vec()));
    }

    #[test]
    fn a_damaged_library_is_set_aside_and_its_documents_can_be_added_again() {
        let dir = tempfile::tempdir().unwrap();
        let folder = article_folder(dir.path());
        let path = dir.path().join("library.sqlite");
        let mut library = open_library(&path);
        library
            .add_folder(&folder, &mut |_| {}, &AtomicBool::new(false))
            .unwrap();
        drop(library);
        // Scribble over every page but the header.
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 8192);
        for (i, byte) in bytes.iter_mut().enumerate().skip(4096) {
            *byte = (i % 251) as u8;
        }
        std::fs::write(&path, &bytes).unwrap();

        let mut library = open_library(&path);
        let warnings = library.take_warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("damaged"), "{}", warnings[0]);
        assert_eq!(library.document_count(), 0);
        assert_eq!(asides(dir.path()).len(), 1);
        let summary = library
            .add_folder(&folder, &mut |_| {}, &AtomicBool::new(false))
            .unwrap();
        assert_eq!(summary.added, 3);
    }

    #[test]
    fn a_folder_or_a_fifo_in_the_library_s_place_is_refused_not_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("library.sqlite");
        std::fs::create_dir(&folder).unwrap();
        let error = Library::open(&folder).err().unwrap().to_string();
        assert!(
            error.contains("not a regular file") && !error.contains('\n'),
            "{error}"
        );
        assert!(folder.is_dir());
        let fifo = dir.path().join("fifo.sqlite");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            let error = Library::open(&fifo).err().unwrap().to_string();
            assert!(error.contains("not a regular file"), "{error}");
        }
        assert!(asides(dir.path()).is_empty());
    }

    #[test]
    fn a_library_from_a_newer_newslens_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        drop(open_library(&path));
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let error = Library::open(&path).err().unwrap();
        assert!(matches!(error, LibraryError::Newer { version: 99, .. }));
        let message = error.to_string();
        assert!(message.contains("newer") && message.contains("library.sqlite"));
        assert!(!message.contains('\n'));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(asides(dir.path()).is_empty());
    }
}
