//! Reading a file into a [`Document`]: size limits, binary detection and text encodings.

use crate::document::Document;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::path::{Path, PathBuf};

/// The largest file the reader opens. Bigger files are refused up front rather than
/// leaving the window busy for a long time.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file could not be opened. Each message is one line meant for the user.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a folder, not a file")]
    IsDirectory { path: PathBuf },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: the file is {size_mb:.1} MB; newslens opens files up to {max_mb} MB")]
    TooLarge {
        path: PathBuf,
        size_mb: f64,
        max_mb: u64,
    },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Reads and decodes a text file.
pub fn load_path(path: &Path) -> Result<Document, LoadError> {
    let owned = || path.to_path_buf();
    let metadata = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path: owned() },
        _ => LoadError::Io {
            path: owned(),
            source,
        },
    })?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory { path: owned() });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: owned(),
            size_mb: metadata.len() as f64 / (1024.0 * 1024.0),
            max_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: owned(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut document = decode(&name, &bytes).map_err(|problem| match problem {
        DecodeProblem::Empty => LoadError::Empty { path: owned() },
        DecodeProblem::Binary => LoadError::Binary { path: owned() },
    })?;
    document.path = Some(owned());
    Ok(document)
}

/// Why bytes are not a readable text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    Empty,
    Binary,
}

/// Decodes bytes as text: a byte-order mark wins; otherwise UTF-8, falling back to
/// Windows-1252 (a superset of Latin-1 for printable text) when the bytes are not UTF-8.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Document, DecodeProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeProblem::Empty);
    }
    let (encoding, bom_length) = match Encoding::for_bom(bytes) {
        Some((encoding, length)) => (encoding, length),
        None => (UTF_8, 0),
    };
    let body = &bytes[bom_length..];
    let mut notice = None;
    let (text, encoding) = if encoding == UTF_16LE || encoding == UTF_16BE {
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        notice = Some(format!(
            "Decoded from {}{}; offsets refer to the decoded text.",
            encoding.name(),
            if had_errors {
                " (some characters were unreadable)"
            } else {
                ""
            }
        ));
        (text.into_owned(), encoding)
    } else {
        if looks_binary(body) {
            return Err(DecodeProblem::Binary);
        }
        match std::str::from_utf8(body) {
            Ok(text) => {
                if bom_length > 0 {
                    notice = Some(
                        "UTF-8 with a byte-order mark; offsets count from after the mark."
                            .to_string(),
                    );
                }
                (text.to_owned(), UTF_8)
            }
            Err(_) => {
                let (text, _, _) = WINDOWS_1252.decode(body);
                notice = Some(
                    "Not valid UTF-8: decoded as Windows-1252; offsets refer to the decoded text."
                        .to_string(),
                );
                (text.into_owned(), WINDOWS_1252)
            }
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    if looks_binary(text.as_bytes()) {
        return Err(DecodeProblem::Binary);
    }
    Ok(Document {
        name: name.to_string(),
        path: None,
        text,
        encoding: encoding.name(),
        notice,
    })
}

/// Text has no NUL bytes and few control characters; binary formats have both.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 100 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_byte_for_byte() {
        let doc = decode("a.txt", "Lima, Perú".as_bytes()).unwrap();
        assert_eq!(doc.text, "Lima, Perú");
        assert_eq!(doc.encoding, "UTF-8");
        assert!(doc.notice.is_none());
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_and_says_so() {
        let doc = decode("a.txt", b"Per\xfa \x93quoted\x94").unwrap();
        assert_eq!(doc.text, "Perú \u{201c}quoted\u{201d}");
        assert_eq!(doc.encoding, "windows-1252");
        assert!(doc.notice.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Xi said".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let doc = decode("a.txt", &bytes).unwrap();
        assert_eq!(doc.text, "Xi said");
        assert_eq!(doc.encoding, "UTF-16LE");

        let mut bytes = vec![0xfe, 0xff];
        for unit in "Xi said".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode("a.txt", &bytes).unwrap().text, "Xi said");
    }

    #[test]
    fn empty_and_binary_inputs_are_refused() {
        assert_eq!(decode("a", b"").unwrap_err(), DecodeProblem::Empty);
        assert_eq!(decode("a", b" \n\t ").unwrap_err(), DecodeProblem::Empty);
        assert_eq!(
            decode("a", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            DecodeProblem::Binary
        );
    }

    #[test]
    fn missing_paths_and_folders_get_their_own_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        assert!(matches!(
            load_path(&missing),
            Err(LoadError::NotFound { .. })
        ));
        assert!(matches!(
            load_path(dir.path()),
            Err(LoadError::IsDirectory { .. })
        ));
    }
}
