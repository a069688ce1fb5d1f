//! Many documents at once: folders are walked for the formats newslens reads, documents are
//! analysed in parallel (rayon), and their exports are written in input order. A document
//! that cannot be read is reported and skipped; the others go on.

use crate::analysis::analyse_with;
use crate::corrections::{Dictionary, Store, content_hash};
use crate::export::{self, Format};
use crate::load;
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// File extensions a folder walk picks up (a file named on the command line is read
/// whatever its name).
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "epub", "pdf", "docx",
];

/// Documents are analysed this many at a time, then written in order; it bounds memory
/// (finished exports waiting to be written) while keeping both cores busy.
const CHUNK: usize = 64;

/// Formats whose outputs can be concatenated into one stream.
pub fn can_concatenate(format: Format) -> bool {
    matches!(format, Format::Jsonl | Format::Conll)
}

/// The files to process: files as given, folders walked recursively (hidden entries
/// skipped) for documents, each folder's files sorted by name.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.path()));
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_document(entry.path()) => {
                    files.push(entry.into_path())
                }
                Ok(_) => {}
                Err(error) => problems.push(format!("{}: {error}", path.display())),
            }
        }
    }
    (files, problems)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

fn is_document(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        let extension = extension.to_string_lossy().to_ascii_lowercase();
        DOCUMENT_EXTENSIONS.contains(&extension.as_str())
    })
}

/// What a batch run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub done: usize,
    /// One line per document that could not be processed.
    pub failures: Vec<String>,
}

/// Where corrections come from in a batch: the store, and the dictionary read once.
pub struct Corrections {
    pub store: Store,
    pub dictionary: Dictionary,
}

/// Loads, analyses and renders one document.
pub fn process(
    path: &Path,
    format: Format,
    corrections: Option<&Corrections>,
) -> Result<String, String> {
    let document = load::load_path(path).map_err(|error| error.to_string())?;
    let empty = Dictionary::default();
    let (dictionary, saved) = match corrections {
        Some(c) => {
            let saved = c
                .store
                .load(&content_hash(&document.text))
                .map_err(|error| error.to_string())?;
            (&c.dictionary, saved.value)
        }
        None => (&empty, Vec::new()),
    };
    let analysis = analyse_with(document, dictionary, &saved);
    Ok(export::render(&analysis, format))
}

/// Processes every file, writing each export to `out` in input order. `progress` hears
/// about each document as it finishes (from worker threads), failed or not.
pub fn run(
    files: &[PathBuf],
    format: Format,
    corrections: Option<&Corrections>,
    out: &mut dyn Write,
    progress: &(dyn Fn(&Path, Option<&str>) + Sync),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Result<String, String>> = chunk
            .par_iter()
            .map(|path| {
                // A panic in one document must not take the others down.
                let result = std::panic::catch_unwind(|| process(path, format, corrections))
                    .unwrap_or_else(|_| {
                        Err(format!("{}: newslens failed on this file", path.display()))
                    });
                progress(path, result.as_ref().err().map(String::as_str));
                result
            })
            .collect();
        for result in results {
            match result {
                Ok(rendered) => {
                    out.write_all(rendered.as_bytes())?;
                    summary.done += 1;
                }
                Err(message) => summary.failures.push(message),
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_order_and_bad_files_do_not_stop_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::write(root.join("a.txt"), "Xi Jinping met Dina Boluarte in Lima.").unwrap();
        std::fs::write(root.join("b/c.md"), "Peru and China signed a deal.").unwrap();
        std::fs::write(root.join("b/empty.txt"), "").unwrap();
        std::fs::write(root.join("b/picture.png"), b"\x89PNG").unwrap();
        std::fs::write(root.join(".hidden/d.txt"), "hidden").unwrap();

        let (files, problems) = collect_inputs(&[root.to_path_buf()]);
        assert!(problems.is_empty());
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b/c.md", "b/empty.txt"]);

        let mut out = Vec::new();
        let seen = std::sync::atomic::AtomicUsize::new(0);
        let summary = run(&files, Format::Jsonl, None, &mut out, &|_, _| {
            seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        assert_eq!(summary.done, 2);
        assert_eq!(summary.failures.len(), 1);
        assert!(
            summary.failures[0].contains("empty"),
            "{:?}",
            summary.failures
        );
        assert_eq!(seen.into_inner(), 3);
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["file"], "a.txt");
        assert_eq!(lines[1]["file"], "c.md");
    }
}
