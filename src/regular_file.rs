//! Opening files that may not be files. A FIFO, a character device or a socket named as a
//! document or a store would block a read for ever or stream without end; they are refused
//! up front with "not a regular file", and the check is made again on the opened handle so
//! that a path swapped between the two steps is caught too.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The error every refusal carries (callers prefix the path).
pub const NOT_REGULAR: &str = "not a regular file";

/// Opens `path` for reading if it is a regular file (following symlinks).
pub fn open(path: &Path) -> io::Result<File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    // A FIFO swapped in after the check must not block the open.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// Reads at most `limit` bytes of a regular file. A file longer than that gives
/// `limit + 1` bytes, so the caller can tell it was cut.
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open(path)?;
    let expected = file.metadata().map_or(0, |m| m.len()).min(limit + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// True when the error is a refusal of a special file.
pub fn is_not_regular(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::InvalidInput && error.to_string() == NOT_REGULAR
}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NOT_REGULAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_read_and_special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, b"hello").unwrap();
        assert_eq!(read(&file, 100).unwrap(), b"hello");
        assert_eq!(read(&file, 2).unwrap(), b"hel", "one byte past the limit");
        for special in [Path::new("/dev/zero"), Path::new("/dev/null"), dir.path()] {
            let error = read(special, 100).unwrap_err();
            assert!(is_not_regular(&error), "{}: {error}", special.display());
        }
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            let error = read(&fifo, 100).unwrap_err();
            assert_eq!(error.to_string(), NOT_REGULAR);
        }
    }
}
