//! Where corrections live between runs: one small JSON file per document in the platform's
//! data folder (`~/.local/share/newslens/corrections/<hash>.json` on Linux), keyed by a hash
//! of the document's text so that they follow the document when the file moves, plus the
//! user dictionary (`dictionary.json`). Every save is atomic. A file that cannot be read
//! back is moved aside (never deleted) and reported.

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

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot save corrections in {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read corrections from {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
}

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

    /// The corrections saved for a document (none if it has never been corrected).
    pub fn load(&self, hash: &str) -> Result<Loaded<Vec<Correction>>, StoreError> {
        let loaded = read_or_set_aside::<CorrectionsFile>(&self.corrections_path(hash))?;
        Ok(Loaded {
            value: loaded
                .value
                .map(|file| file.corrections)
                .unwrap_or_default(),
            warning: loaded.warning,
        })
    }

    pub fn save(
        &self,
        hash: &str,
        document_name: &str,
        corrections: &[Correction],
    ) -> Result<(), StoreError> {
        let file = CorrectionsFile {
            version: VERSION,
            document: document_name.to_string(),
            corrections: corrections.to_vec(),
        };
        write_json(&self.corrections_path(hash), &file)
    }

    pub fn load_dictionary(&self) -> Result<Loaded<Dictionary>, StoreError> {
        let loaded = read_or_set_aside::<DictionaryFile>(&self.dictionary_path())?;
        Ok(Loaded {
            value: loaded.value.map(|file| file.dictionary).unwrap_or_default(),
            warning: loaded.warning,
        })
    }

    pub fn save_dictionary(&self, dictionary: &Dictionary) -> Result<(), StoreError> {
        let file = DictionaryFile {
            version: VERSION,
            dictionary: dictionary.clone(),
        };
        write_json(&self.dictionary_path(), &file)
    }
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

/// Reads a JSON file. A missing file is `None`; a file that does not parse, or comes from a
/// newer version, is renamed to `<name>.damaged-<seconds since 1970>` and reported.
fn read_or_set_aside<T: DeserializeOwned + Versioned>(
    path: &Path,
) -> Result<Loaded<Option<T>>, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let problem = match serde_json::from_slice::<T>(&bytes) {
        Ok(file) if file.version() == VERSION => {
            return Ok(Loaded {
                value: Some(file),
                warning: None,
            });
        }
        Ok(file) => format!(
            "it was written by a newer newslens (version {})",
            file.version()
        ),
        Err(error) => format!("it is damaged ({error})"),
    };
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let aside = path.with_extension(format!("json.damaged-{seconds}"));
    std::fs::rename(path, &aside).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Loaded {
        value: None,
        warning: Some(format!(
            "Saved corrections could not be read: {problem}. The file was kept as {}.",
            aside.display()
        )),
    })
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<(), StoreError> {
    let error = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(error)?;
    }
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| error(io::Error::other(e)))?;
    atomic::write(path, &bytes).map_err(error)
}
