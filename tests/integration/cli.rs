//! The command line as users and the scorer run it: `newslens extract FILE --format ...`.

use crate::run::{assert_refused, newslens, newslens_with_data, stderr};
use serde_json::Value;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Output;

const SAMPLE: &str = "seeds/china-peru-chancay.txt";

fn extract_json(path: &str) -> Value {
    let output = newslens(&["extract", "--format", "json", path]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn json_follows_the_schema_and_offsets_slice_to_the_text() {
    let json = extract_json(SAMPLE);
    let text = std::fs::read(SAMPLE).unwrap();
    assert_eq!(json["file"], "china-peru-chancay.txt");
    assert_eq!(json["text_bytes"].as_u64(), Some(text.len() as u64));
    let groups: HashSet<u64> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_u64().unwrap())
        .collect();
    let mut previous_end = 0;
    for entity in json["entities"].as_array().unwrap() {
        let (start, end) = (
            entity["start"].as_u64().unwrap() as usize,
            entity["end"].as_u64().unwrap() as usize,
        );
        assert!(previous_end <= start && start < end, "sorted and disjoint");
        previous_end = end;
        assert_eq!(
            entity["text"].as_str().unwrap().as_bytes(),
            &text[start..end]
        );
        assert!(groups.contains(&entity["entity"].as_u64().unwrap()));
        assert!(
            ["PERSON", "PLACE", "ORG", "PROJECT", "FIGURE", "DATE"]
                .contains(&entity["label"].as_str().unwrap())
        );
        let score = entity["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(entity["source"].is_string());
    }
    for group in json["groups"].as_array().unwrap() {
        let id = group["id"].as_u64().unwrap();
        let count = json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["entity"].as_u64() == Some(id))
            .count();
        assert_eq!(group["mentions"].as_u64(), Some(count as u64));
    }
    for fact in json["facts"].as_array().unwrap() {
        let (start, end) = (
            fact["start"].as_u64().unwrap() as usize,
            fact["end"].as_u64().unwrap() as usize,
        );
        // The sentence, or a long one's part around the fact, marked "…" where cut.
        let shown = fact["text"].as_str().unwrap();
        let sentence = std::str::from_utf8(&text[start..end]).unwrap();
        if shown.len() < end - start {
            assert!(shown.len() <= newslens::export::MAX_CONTEXT_BYTES + 6);
            assert!(sentence.contains(shown.trim_matches('…')), "{shown:?}");
        } else {
            assert_eq!(shown, sentence);
        }
    }
}

#[test]
fn every_format_prints_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let json = extract_json(SAMPLE);
    let entities = json["entities"].as_array().unwrap().len();
    let facts = json["facts"].as_array().unwrap().len();
    for (format, check) in [
        ("csv", "kind,text,entity,start,end,sentence"),
        ("md", "## People (PERSON)"),
        ("html", "<!DOCTYPE html>"),
        ("json", "\"entities\""),
    ] {
        let output = newslens(&["extract", SAMPLE, "--format", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let printed = String::from_utf8(output.stdout).unwrap();
        assert!(printed.contains(check), "{format} output lacks {check}");
        if format == "csv" {
            let mut reader = csv::Reader::from_reader(printed.as_bytes());
            let kinds: Vec<String> = reader
                .records()
                .map(|r| r.unwrap()[0].to_string())
                .collect();
            let mention_rows = kinds.iter().filter(|k| !k.starts_with("fact:")).count();
            assert_eq!(mention_rows, entities, "one row per mention");
            assert_eq!(kinds.len() - mention_rows, facts, "then one row per fact");
        }
        let out: PathBuf = dir.path().join(format!("out.{format}"));
        let output = newslens(&[
            "extract",
            SAMPLE,
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(output.status.success());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), printed);
    }
}

#[test]
fn unreadable_inputs_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(&dir.path().join("missing.txt"), "no such file");
    // A folder is a batch, which needs a format that concatenates.
    assert_refused(dir.path(), "--format jsonl");
    let output = newslens(&["extract", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("no documents found"));

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_refused(&empty, "empty");

    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    assert_refused(&binary, "binary");

    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(257 * 1024 * 1024)
        .unwrap();
    assert_refused(
        &huge,
        "the file is 269,484,032 bytes (257 MB); newslens opens files up to 268,435,456 bytes (256 MB)",
    );
}

#[test]
fn other_encodings_are_decoded_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let latin = dir.path().join("latin.txt");
    std::fs::write(&latin, b"President Jos\xe9 Arista visited Lima on Monday.").unwrap();
    let output = newslens(&["extract", latin.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(stderr(&output).contains("Decoded as windows-1252 (detected)"));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["encoding"], "windows-1252");
    let texts: Vec<&str> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"José Arista"), "{texts:?}");

    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Xi Jinping spoke in Beijing on Friday.".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let output = newslens(&["extract", utf16.to_str().unwrap()]);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["encoding"], "UTF-16LE");
    assert!(
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Beijing")
    );
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let output = newslens(&["extract", SAMPLE, "--format", "pdf"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("pdf"));
}

#[test]
fn saved_corrections_shape_every_export_unless_turned_off() {
    use newslens::Label;
    use newslens::corrections::{Correction, Store, Target, content_hash};
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let start = text.find("Chancay").unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    let corrections = vec![
        Correction::Relabel {
            target: Target::Names {
                names: vec!["Peru".into()],
            },
            label: Label::Org,
        },
        Correction::Remove {
            target: Target::Names {
                names: vec!["Chancay".into()],
            },
        },
    ];
    store
        .save(&content_hash(&text), "anything", &corrections)
        .unwrap();
    assert!(text[start..].starts_with("Chancay"));

    let labels_of = |output: &Output, name: &str| -> Vec<String> {
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["text"] == name)
            .map(|e| e["label"].as_str().unwrap().to_string())
            .collect()
    };
    let corrected = newslens_with_data(&["extract", SAMPLE], data.path());
    assert!(corrected.status.success(), "{}", stderr(&corrected));
    let peru = labels_of(&corrected, "Peru");
    assert!(
        !peru.is_empty() && peru.iter().all(|l| l == "ORG"),
        "{peru:?}"
    );
    assert!(labels_of(&corrected, "Chancay").is_empty());

    let plain = newslens_with_data(&["extract", "--corrections", "false", SAMPLE], data.path());
    assert!(labels_of(&plain, "Peru").iter().all(|l| l == "PLACE"));

    let conll = newslens_with_data(&["extract", "--format", "conll", SAMPLE], data.path());
    let conll = String::from_utf8(conll.stdout).unwrap();
    assert!(conll.contains("Peru\tB-ORG\n"), "corrections reach CoNLL");
}

#[test]
fn text_conll_and_jsonl_agree_on_offsets() {
    let text = newslens(&["extract", "--format", "text", SAMPLE]);
    assert!(text.status.success());
    assert_eq!(text.stdout, std::fs::read(SAMPLE).unwrap());

    let jsonl = newslens(&["extract", "--format", "jsonl", SAMPLE]);
    let jsonl = String::from_utf8(jsonl.stdout).unwrap();
    assert_eq!(jsonl.lines().count(), 1);
    let line: Value = serde_json::from_str(&jsonl).unwrap();
    let document = std::str::from_utf8(&text.stdout).unwrap();
    for span in line["spans"].as_array().unwrap() {
        let start = span["start"].as_u64().unwrap() as usize;
        let end = span["end"].as_u64().unwrap() as usize;
        assert_eq!(&document[start..end], span["text"].as_str().unwrap());
    }

    let conll = newslens(&["extract", "--format", "conll", SAMPLE]);
    let conll = String::from_utf8(conll.stdout).unwrap();
    assert!(conll.starts_with("-DOCSTART-"));
    let tags: Vec<&str> = conll
        .lines()
        .filter_map(|line| line.split('\t').nth(1))
        .collect();
    let begins = tags.iter().filter(|t| t.starts_with("B-")).count();
    assert_eq!(begins, line["spans"].as_array().unwrap().len());
    assert!(
        tags.iter()
            .all(|t| *t == "O" || t.starts_with("B-") || t.starts_with("I-"))
    );
}

#[test]
fn a_folder_is_processed_into_one_jsonl_stream_past_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("article-{i}.txt")), &sample).unwrap();
    }
    std::fs::write(dir.path().join("broken.txt"), b"\0\x01\x02\x03binary\0\0").unwrap();
    std::fs::write(dir.path().join("notes.png"), b"\x89PNG").unwrap();
    let out = dir.path().join("out.jsonl");
    let output = newslens(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        !output.status.success(),
        "a bad file makes the exit non-zero"
    );
    let message = stderr(&output);
    assert!(message.contains("broken.txt"), "{message}");
    assert!(message.contains("1 of 6 documents"), "{message}");
    assert!(!message.contains("panicked"));
    let written = std::fs::read_to_string(&out).unwrap();
    let files: Vec<String> = written
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        files,
        (0..5)
            .map(|i| format!("article-{i}.txt"))
            .collect::<Vec<_>>(),
        "one line per good document, in order"
    );

    let mixed = newslens(&["extract", SAMPLE, SAMPLE, "--format", "json"]);
    assert!(!mixed.status.success());
    assert!(stderr(&mixed).contains("--format jsonl"));
}
