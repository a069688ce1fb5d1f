//! Every document format through the real command line: the fixtures in
//! `tests/fixtures/formats/` open and show their entities; bad inputs are refused with
//! one line on standard error.

use crate::run::{assert_refused, newslens};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

const FIXTURES: &str = "tests/fixtures/formats";

/// Extracts a fixture as JSON and returns it with the texts of its entities.
fn extract(path: &str) -> (Value, Vec<String>) {
    let output = newslens(&["extract", path, "--format", "json"]);
    assert!(
        output.status.success(),
        "{path}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let texts = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| e["text"].as_str().unwrap_or_default().to_string())
        .collect();
    (json, texts)
}

#[test]
fn every_format_opens_and_shows_its_entities() {
    for (file, entity) in [
        ("article.md", "Elena Varga"),
        ("article.html", "Elena Varga"),
        ("article.epub", "Elena Varga"),
        ("article.pdf", "Elena Varga"),
        ("article.docx", "Elena Varga"),
        ("latin1.txt", "José Ortega"),
        ("utf16be.txt", "Maren Solberg"),
        ("cp1251.txt", "Иван Петров"),
    ] {
        let (_, texts) = extract(&format!("{FIXTURES}/{file}"));
        assert!(
            texts.iter().any(|t| t.contains(entity)),
            "{file}: {entity} not in {texts:?}"
        );
    }
}

#[test]
fn html_boilerplate_is_left_out() {
    let (_, texts) = extract(&format!("{FIXTURES}/article.html"));
    for furniture in ["Peter Menuman", "Olaf Strand", "Karl Mott", "Mona Lisberg"] {
        assert!(!texts.iter().any(|t| t.contains(furniture)), "{texts:?}");
    }
}

#[test]
fn bad_inputs_are_refused_with_one_line() {
    let fixtures = Path::new(FIXTURES);
    for (file, expected) in [
        (
            "truncated.pdf",
            "truncated.pdf: the file is damaged or not a PDF",
        ),
        (
            "scanned.pdf",
            "has no text layer (a scanned PDF?); newslens does not do OCR",
        ),
        ("encrypted.pdf", "the PDF is password-protected"),
        (
            "corrupt.docx",
            "corrupt.docx: the file is damaged or not a Word (.docx) document",
        ),
        (
            "encrypted.docx",
            "is password-protected or an old .doc file",
        ),
        ("drm.epub", "the EPUB is locked with DRM"),
    ] {
        assert_refused(&fixtures.join(file), expected);
    }
}

#[test]
fn zip_bombs_and_huge_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.docx");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..100 {
        writer.write_all(&zeros).unwrap();
    }
    writer.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1024 * 1024);
    assert_refused(&bomb, "expands to more than 64 MB (a zip bomb?)");

    let huge = dir.path().join("huge.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    assert_refused(
        &huge,
        "the file is 314,572,800 bytes (300 MB); newslens opens files up to 268,435,456 bytes (256 MB)",
    );
}

#[test]
fn a_format_is_found_by_content_when_the_name_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    for (fixture, renamed) in [("article.pdf", "article.txt"), ("article.docx", "article")] {
        let path = dir.path().join(renamed);
        std::fs::copy(Path::new(FIXTURES).join(fixture), &path).unwrap();
        let (_, texts) = extract(path.to_str().unwrap());
        assert!(
            texts.iter().any(|t| t == "Elena Varga"),
            "{renamed}: {texts:?}"
        );
    }
}

#[test]
fn an_encoding_can_be_chosen() {
    let path = format!("{FIXTURES}/cp1251.txt");
    let output = newslens(&["extract", &path, "--encoding", "koi8-r"]);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["encoding"], "KOI8-R");
    let output = newslens(&["extract", &path, "--encoding", "klingon"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown encoding"));
}
