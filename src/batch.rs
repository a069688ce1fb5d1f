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

/// Documents are analysed a chunk at a time, then written in order: at most this many
/// documents, and at most [`CHUNK_BYTES`] of files unless one file alone is bigger. It
/// bounds memory (finished exports waiting to be written, which grow with their files)
/// while keeping both cores busy.
const CHUNK: usize = 64;
const CHUNK_BYTES: u64 = 16 * 1024 * 1024;

/// Splits the files into chunks by count and by size on disk (the library's adds too).
pub(crate) fn chunks(files: &[PathBuf]) -> Vec<&[PathBuf]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, file) in files.iter().enumerate() {
        let size = std::fs::metadata(file).map_or(0, |m| m.len());
        if i > start && (i - start >= CHUNK || bytes + size > CHUNK_BYTES) {
            chunks.push(&files[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < files.len() {
        chunks.push(&files[start..]);
    }
    chunks
}

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

/// Hears about each document as it finishes: its warnings, or why it failed.
pub type Progress<'a> = dyn Fn(&Path, Result<&[String], &str>) + Sync + 'a;

/// What a batch run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub done: usize,
    /// One line per document that could not be processed.
    pub failures: Vec<String>,
    /// Things the user should hear about that did not stop a document, e.g. a damaged
    /// corrections file set aside (once, by the worker that set it aside).
    pub warnings: Vec<String>,
}

/// One document's export, and what to tell the user about it.
pub struct Processed {
    pub rendered: String,
    pub warnings: Vec<String>,
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
) -> Result<Processed, String> {
    let document = load::load_path(path).map_err(|error| error.to_string())?;
    let mut warnings = Vec::new();
    if let Some(notice) = &document.notice {
        warnings.push(format!("{}: {notice}", path.display()));
    }
    let (analysis, saved_warnings) = analyse_loaded(path, document, corrections)?;
    warnings.extend(saved_warnings);
    Ok(Processed {
        rendered: export::render(&analysis, format),
        warnings,
    })
}

/// Analyses a loaded document with the dictionary and the corrections saved for its text
/// (the library analyses this way too). Returns the warnings about the saved corrections
/// (a damaged file set aside); an unreadable store fails the document.
pub fn analyse_loaded(
    path: &Path,
    document: crate::Document,
    corrections: Option<&Corrections>,
) -> Result<(crate::Analysis, Vec<String>), String> {
    let empty = Dictionary::default();
    let mut warnings = Vec::new();
    let (dictionary, saved) = match corrections {
        Some(c) => {
            let saved = c
                .store
                .load(&content_hash(&document.text))
                .map_err(|error| format!("{}: {error}", path.display()))?;
            warnings.extend(saved.warning);
            (&c.dictionary, saved.value)
        }
        None => (&empty, Vec::new()),
    };
    Ok((analyse_with(document, dictionary, &saved), warnings))
}

/// Processes every file, writing each export to `out` in input order. `progress` hears
/// about each document as it finishes (from worker threads): its failure or its warnings.
pub fn run(
    files: &[PathBuf],
    format: Format,
    corrections: Option<&Corrections>,
    out: &mut dyn Write,
    progress: &Progress<'_>,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    for chunk in chunks(files) {
        let results: Vec<Result<Processed, String>> = chunk
            .par_iter()
            .map(|path| {
                // A panic in one document must not take the others down.
                let result = std::panic::catch_unwind(|| process(path, format, corrections))
                    .unwrap_or_else(|_| {
                        Err(format!("{}: newslens failed on this file", path.display()))
                    });
                progress(
                    path,
                    result
                        .as_ref()
                        .map(|p| p.warnings.as_slice())
                        .map_err(String::as_str),
                );
                result
            })
            .collect();
        for result in results {
            match result {
                Ok(processed) => {
                    out.write_all(processed.rendered.as_bytes())?;
                    summary.done += 1;
                    summary.warnings.extend(processed.warnings);
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

    #[test]
    fn chunks_are_bounded_by_count_and_by_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for i in 0..70 {
            let path = dir.path().join(format!("{i}.txt"));
            let size = if i == 3 || i == 4 {
                CHUNK_BYTES as usize
            } else {
                10
            };
            std::fs::write(&path, vec![b'a'; size]).unwrap();
            files.push(path);
        }
        let sizes: Vec<usize> = chunks(&files).iter().map(|c| c.len()).collect();
        assert_eq!(sizes, [3, 1, 1, 64, 1]);
        assert_eq!(sizes.iter().sum::<usize>(), files.len());
    }

    #[test]
    fn workers_sharing_a_damaged_store_set_it_aside_once_and_lose_no_document() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Xi Jinping met Dina Boluarte in Lima.";
        let files: Vec<PathBuf> = (0..8)
            .map(|i| {
                let path = dir.path().join(format!("copy{i}.txt"));
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect();
        let store = Store::at(dir.path().join("data"));
        let damaged = dir
            .path()
            .join("data/corrections")
            .join(format!("{}.json", content_hash(text)));
        std::fs::create_dir_all(damaged.parent().unwrap()).unwrap();
        std::fs::write(&damaged, b"{ not json").unwrap();
        let corrections = Corrections {
            store,
            dictionary: Dictionary::default(),
        };
        let mut out = Vec::new();
        let summary = run(
            &files,
            Format::Jsonl,
            Some(&corrections),
            &mut out,
            &|_, _| {},
        )
        .unwrap();
        assert_eq!(summary.done, 8, "{:?}", summary.failures);
        assert_eq!(summary.warnings.len(), 1, "{:?}", summary.warnings);
        assert!(summary.warnings[0].contains("damaged"));
        let aside: Vec<_> = std::fs::read_dir(damaged.parent().unwrap())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
            .collect();
        assert_eq!(aside.len(), 1);
    }
}
