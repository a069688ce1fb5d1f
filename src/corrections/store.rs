//! Where corrections live between runs: one small JSON file per document in the platform's
//! data folder (`~/.local/share/newslens/corrections/<hash>.json` on Linux), keyed by a hash
//! of the document's text so that they follow the document when the file moves, plus the
//! user dictionary (`dictionary.json`). Every save is atomic. A file that cannot be read
//! back is moved aside (never deleted) and reported.
//!
//! Several windows and processes may share one store. Every change is a read-modify-write
//! under an advisory lock on `<dir>/.lock` (flock, which also orders threads of one
//! process): the change is applied to what is on disk at that moment, so no writer wipes
//! another's work, and a damaged file is set aside exactly once.

use super::{Correction, Dictionary};
use crate::atomic;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io;
use std::path::{Path, PathBuf};

/// The version written into every file; a file from a newer newslens is kept aside too.
const VERSION: u32 = 1;

/// Set this to keep newslens's data somewhere else (tests, portable installs).
pub const DATA_DIR_VARIABLE: &str = "NEWSLENS_DATA_DIR";

/// The OS error is part of each message rather than a source, so that printing the
/// chain says it once.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot save corrections in {path}: {error}")]
    Write { path: PathBuf, error: io::Error },
    #[error("cannot read corrections from {path}: {error}")]
    Read { path: PathBuf, error: io::Error },
}

/// A store file larger than this is not one newslens wrote: it is set aside as damaged
/// rather than read into memory.
const MAX_STORE_BYTES: u64 = 64 * 1024 * 1024;

/// What was read, and anything the user should hear about it.
#[derive(Debug, Default)]
pub struct Loaded<T> {
    pub value: T,
    /// Set when a damaged file was moved aside.
    pub warning: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CorrectionsFile {
    version: u32,
    /// The document's name when last saved, for a person browsing the folder.
    document: String,
    corrections: Vec<Correction>,
}

#[derive(Serialize, Deserialize)]
struct DictionaryFile {
    version: u32,
    #[serde(flatten)]
    dictionary: Dictionary,
}

/// A folder of saved corrections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// A stable key for a document: the first 128 bits of the SHA-256 of its text, in hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `$NEWSLENS_DATA_DIR` when set, else the platform's data folder; None when the
    /// platform has no home folder.
    pub fn default_location() -> Option<Store> {
        if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|d| !d.is_empty()) {
            return Some(Store::at(dir));
        }
        directories::ProjectDirs::from("", "", "newslens").map(|dirs| Store::at(dirs.data_dir()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn corrections_path(&self, hash: &str) -> PathBuf {
        self.dir.join("corrections").join(format!("{hash}.json"))
    }

    fn dictionary_path(&self) -> PathBuf {
        self.dir.join("dictionary.json")
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(".lock")
    }

    /// The corrections saved for a document (none if it has never been corrected).
    /// Corrections that could never apply (an empty span) are dropped as they are read.
    pub fn load(&self, hash: &str) -> Result<Loaded<Vec<Correction>>, StoreError> {
        let loaded = self.read::<CorrectionsFile>(&self.corrections_path(hash))?;
        Ok(Loaded {
            value: loaded
                .value
                .map(|file| usable(file.corrections))
                .unwrap_or_default(),
            warning: loaded.warning,
        })
    }

    /// Replaces a document's corrections with `corrections`, whatever is on disk.
    pub fn save(
        &self,
        hash: &str,
        document_name: &str,
        corrections: &[Correction],
    ) -> Result<(), StoreError> {
        self.update(hash, document_name, |_| corrections.to_vec())
            .map(|_| ())
    }

    /// Changes a document's corrections under the store's lock: `change` gets what is on
    /// disk now and returns what to write. Returns what was written, and a warning when a
    /// damaged file had to be set aside first.
    pub fn update(
        &self,
        hash: &str,
        document_name: &str,
        change: impl FnOnce(Vec<Correction>) -> Vec<Correction>,
    ) -> Result<Loaded<Vec<Correction>>, StoreError> {
        let path = self.corrections_path(hash);
        let _lock = self.lock(&path)?;
        let current = read_or_set_aside::<CorrectionsFile>(&path)?;
        let corrections = change(
            current
                .value
                .map(|file| usable(file.corrections))
                .unwrap_or_default(),
        );
        let file = CorrectionsFile {
            version: VERSION,
            document: document_name.to_string(),
            corrections,
        };
        write_json(&path, &file)?;
        Ok(Loaded {
            value: file.corrections,
            warning: current.warning,
        })
    }

    pub fn load_dictionary(&self) -> Result<Loaded<Dictionary>, StoreError> {
        let loaded = self.read::<DictionaryFile>(&self.dictionary_path())?;
        Ok(Loaded {
            value: loaded
                .value
                .map(|file| file.dictionary.without_empty_names())
                .unwrap_or_default(),
            warning: loaded.warning,
        })
    }

    /// Replaces the dictionary with `dictionary`, whatever is on disk.
    pub fn save_dictionary(&self, dictionary: &Dictionary) -> Result<(), StoreError> {
        self.update_dictionary(|_| dictionary.clone()).map(|_| ())
    }

    /// Changes the dictionary under the store's lock, like [`Store::update`].
    pub fn update_dictionary(
        &self,
        change: impl FnOnce(Dictionary) -> Dictionary,
    ) -> Result<Loaded<Dictionary>, StoreError> {
        let path = self.dictionary_path();
        let _lock = self.lock(&path)?;
        let current = read_or_set_aside::<DictionaryFile>(&path)?;
        let dictionary = change(
            current
                .value
                .map(|file| file.dictionary.without_empty_names())
                .unwrap_or_default(),
        );
        let file = DictionaryFile {
            version: VERSION,
            dictionary,
        };
        write_json(&path, &file)?;
        Ok(Loaded {
            value: file.dictionary,
            warning: current.warning,
        })
    }

    /// When the dictionary and a document's corrections last changed (None for a missing
    /// file): a window polls them to pick up what another window saved.
    pub fn stamps(&self, hash: &str) -> (Option<Stamp>, Option<Stamp>) {
        (
            stamp(&self.dictionary_path()),
            stamp(&self.corrections_path(hash)),
        )
    }

    /// Reads a store file. Reading needs no lock (files are replaced by renames, so a
    /// reader sees a whole old or a whole new one), but setting a damaged one aside does.
    fn read<T: DeserializeOwned + Versioned>(
        &self,
        path: &Path,
    ) -> Result<Loaded<Option<T>>, StoreError> {
        match read_file::<T>(path)? {
            Readable::Missing => Ok(Loaded::default()),
            Readable::Read(value) => Ok(Loaded {
                value: Some(value),
                warning: None,
            }),
            Readable::Damaged(_) => {
                let _lock = self.lock(path)?;
                read_or_set_aside(path)
            }
        }
    }

    /// Takes the store's advisory lock (released when the guard drops); creates the folder.
    fn lock(&self, for_path: &Path) -> Result<std::fs::File, StoreError> {
        let error = |error| StoreError::Write {
            path: for_path.to_path_buf(),
            error,
        };
        std::fs::create_dir_all(&self.dir).map_err(error)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_path())
            .map_err(error)?;
        file.lock().map_err(error)?;
        Ok(file)
    }
}

/// A file's modification time and size: every save renames a new file in, so either
/// changes when another writer saved.
pub type Stamp = (std::time::SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

/// Corrections as loaded, without those that could never apply: a zero-length mark or
/// mention would become an empty entity in every export.
fn usable(corrections: Vec<Correction>) -> Vec<Correction> {
    corrections
        .into_iter()
        .filter(Correction::is_usable)
        .collect()
}

trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for CorrectionsFile {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for DictionaryFile {
    fn version(&self) -> u32 {
        self.version
    }
}

/// What a store file holds.
enum Readable<T> {
    Missing,
    Read(T),
    /// Why it cannot be used.
    Damaged(String),
}

fn read_file<T: DeserializeOwned + Versioned>(path: &Path) -> Result<Readable<T>, StoreError> {
    let bytes = match crate::regular_file::read(path, MAX_STORE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Readable::Missing),
        Err(error) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    if bytes.len() as u64 > MAX_STORE_BYTES {
        return Ok(Readable::Damaged(format!(
            "it is larger than {} MB",
            MAX_STORE_BYTES / (1024 * 1024)
        )));
    }
    Ok(match serde_json::from_slice::<T>(&bytes) {
        Ok(file) if file.version() == VERSION => Readable::Read(file),
        Ok(file) => Readable::Damaged(format!(
            "it was written by a newer newslens (version {})",
            file.version()
        )),
        Err(error) => Readable::Damaged(format!("it is damaged ({error})")),
    })
}

/// Reads a JSON file, with the store locked. A missing file is `None`; a file that does
/// not parse, or comes from a newer version, is renamed to
/// `<name>.damaged-<seconds since 1970>` (with `-2`, `-3`, ... when that name is taken)
/// and reported.
fn read_or_set_aside<T: DeserializeOwned + Versioned>(
    path: &Path,
) -> Result<Loaded<Option<T>>, StoreError> {
    let problem = match read_file::<T>(path)? {
        Readable::Missing => return Ok(Loaded::default()),
        Readable::Read(value) => {
            return Ok(Loaded {
                value: Some(value),
                warning: None,
            });
        }
        Readable::Damaged(problem) => problem,
    };
    let aside = set_aside(path).map_err(|error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(Loaded {
        value: None,
        warning: Some(format!(
            "Saved corrections could not be read: {problem}. The file was kept as {}.",
            aside.display()
        )),
    })
}

/// Renames a damaged file to `<name>.damaged-<seconds since 1970>` (`-2`, `-3`, ... when
/// that name is taken), a name no other file has; the library sets its damaged database
/// aside with it too. A hard link fails rather than replace an existing file, which a
/// rename would do silently.
pub(crate) fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name to set aside"))?
        .to_string_lossy();
    let base = format!("{name}.damaged-{seconds}");
    for attempt in 1..=1000 {
        let aside_name = match attempt {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        };
        let aside = path.with_file_name(aside_name);
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // A file system without hard links: a rename, after checking the name is free.
            Err(_) if !aside.exists() => {
                std::fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(
        "no free name to set the damaged file aside",
    ))
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<(), StoreError> {
    let error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(error)?;
    }
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| error(io::Error::other(e)))?;
    atomic::write(path, &bytes).map_err(error)
}
