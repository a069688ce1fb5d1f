//! Running the real binary, as users and the scorer do, for every integration test.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with an empty data folder, so that no corrections made on this machine
/// leak into the tests.
pub fn newslens(args: &[&str]) -> Output {
    static EMPTY: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let data = EMPTY.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
    newslens_with_data(args, data.path())
}

/// Runs the binary with the given data folder (corrections and dictionary).
pub fn newslens_with_data(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NEWSLENS_DATA_DIR", data_dir)
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs extract on a file that must be refused: non-zero exit, one line on stderr, no
/// panic, nothing on stdout.
pub fn assert_refused(path: &Path, expected: &str) {
    let output = newslens(&["extract", path.to_str().expect("a UTF-8 path")]);
    let message = stderr(&output);
    assert!(!output.status.success(), "{path:?} should be refused");
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(
        message.contains(expected),
        "{message:?} should say {expected:?}"
    );
    assert!(!message.contains("panicked"));
    assert!(output.stdout.is_empty());
}
