//! Reading parts of a zip file (EPUB, DOCX) with bounded memory: a few kilobytes of
//! compressed data can claim to expand to gigabytes, so every read goes through a budget.

use std::io::{Cursor, Read};
use zip::ZipArchive;

/// The most a single document may expand to, summed over every part read.
pub const MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;

/// More entries than any real book or letter has; a zip listing millions of entries costs
/// memory before anything is read.
pub const MAX_ENTRIES: usize = 10_000;

/// What can go wrong inside an archive.
#[derive(Debug)]
pub(crate) enum ArchiveError {
    /// Not a zip file, or a broken one.
    Damaged(String),
    /// Reading would expand past [`MAX_EXPANDED_BYTES`].
    TooBig,
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries,
    /// The part is encrypted with a zip password.
    Encrypted,
}

/// An open zip file with a decompression budget shared by all its reads.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ArchiveError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ArchiveError::Damaged(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(ArchiveError::TooManyEntries);
        }
        Ok(Archive {
            zip,
            budget: MAX_EXPANDED_BYTES,
        })
    }

    /// Is there an entry with this exact name?
    pub fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The entry's bytes, `None` if there is no such entry. Reads at most what is left of
    /// the budget (plus one byte, to tell "exactly at the limit" from "past it").
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ArchiveError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let entry = match self.zip.by_index(index) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::UnsupportedArchive(message))
                if message.to_ascii_lowercase().contains("password") =>
            {
                return Err(ArchiveError::Encrypted);
            }
            Err(zip::result::ZipError::InvalidPassword) => return Err(ArchiveError::Encrypted),
            Err(e) => return Err(ArchiveError::Damaged(e.to_string())),
        };
        if entry.size() > self.budget {
            return Err(ArchiveError::TooBig);
        }
        let mut bytes = Vec::new();
        entry
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| ArchiveError::Damaged(e.to_string()))?;
        let read = bytes.len() as u64;
        if read > self.budget {
            return Err(ArchiveError::TooBig);
        }
        self.budget -= read;
        Ok(Some(bytes))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A zip file in memory with these entries, deflated.
    pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn entries_are_read_and_missing_ones_are_none() {
        let bytes = zip_of(&[("a.txt", b"hello")]);
        let mut archive = Archive::open(&bytes).unwrap();
        assert!(archive.contains("a.txt"));
        assert_eq!(archive.read("a.txt").unwrap().unwrap(), b"hello");
        assert!(archive.read("b.txt").unwrap().is_none());
    }

    #[test]
    fn expansion_past_the_budget_is_refused() {
        let big = vec![b'a'; 40 * 1024 * 1024];
        let bytes = zip_of(&[("one", &big), ("two", &big)]);
        assert!(bytes.len() < 1024 * 1024, "compresses well");
        let mut archive = Archive::open(&bytes).unwrap();
        assert!(archive.read("one").is_ok());
        assert!(matches!(archive.read("two"), Err(ArchiveError::TooBig)));
    }

    #[test]
    fn not_a_zip_is_damaged() {
        assert!(matches!(
            Archive::open(b"PK\x03\x04 not really"),
            Err(ArchiveError::Damaged(_))
        ));
    }
}
