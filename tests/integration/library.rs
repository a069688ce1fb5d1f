//! `newslens library ...` as a user runs it: adding a folder, listing, following an entity,
//! searching and exporting; and a kill in the middle of adding loses nothing but the
//! documents in flight.

use crate::run::{newslens_with_data, stderr};
use newslens::library::Library;
use std::path::Path;
use std::time::{Duration, Instant};

/// Three short articles in two folders: "Xi Jinping" in one and "Xi" in another, a quote
/// and a figure.
fn articles(folder: &Path) {
    let beijing = folder.join("beijing");
    let lima = folder.join("lima");
    std::fs::create_dir_all(&beijing).unwrap();
    std::fs::create_dir_all(&lima).unwrap();
    std::fs::write(
        beijing.join("talks.md"),
        "# Xi meets Boluarte in Beijing\n\nPublished 28 June 2024\n\n\
         Chinese President Xi Jinping held talks with Peruvian President Dina Boluarte on \
         Friday in Beijing. \"Cooperation has achieved fruitful results,\" Xi Jinping said.\n",
    )
    .unwrap();
    std::fs::write(
        lima.join("port.md"),
        "# Chancay port opens\n\nPublished 14 November 2024\n\n\
         Xi and Boluarte opened the port of Chancay by video link. The port will cut the \
         shipping time to Shanghai from 35 days to 23 days, Boluarte said.\n",
    )
    .unwrap();
    std::fs::write(
        lima.join("trade.txt"),
        "Peru's exports to China rose 10% to $11 billion in 2023, the ministry said on \
         Monday in Lima.\n",
    )
    .unwrap();
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_folder_is_added_listed_searched_and_exported() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    articles(folder.path());
    let folder_arg = folder.path().to_str().unwrap();

    let added = newslens_with_data(&["library", "add", folder_arg], data.path());
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(stderr(&added).contains("3 added"), "{}", stderr(&added));
    // Again: nothing changed, nothing analysed.
    let again = newslens_with_data(&["library", "add", folder_arg], data.path());
    assert!(stderr(&again).contains("0 added, 0 analysed again, 3 unchanged"));

    // "Xi" of one article and "Xi Jinping" of another are one entity, in two documents.
    let entities = newslens_with_data(&["library", "entities", "--kind", "person"], data.path());
    let listed = stdout(&entities);
    let xi = listed
        .lines()
        .find(|l| l.contains("Xi Jinping"))
        .unwrap_or_else(|| panic!("Xi Jinping is listed: {listed}"));
    assert!(xi.contains("2 documents"), "{xi}");
    assert!(!listed.lines().any(|l| l.split('\t').nth(1) == Some("Xi")));

    let show = newslens_with_data(&["library", "show", "Xi Jinping"], data.path());
    let shown = stdout(&show);
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(
        shown.contains("Cooperation has achieved fruitful results"),
        "{shown}"
    );
    assert!(shown.contains("[Xi]"), "the mention in context: {shown}");

    let search = newslens_with_data(&["library", "search", "\"video link\""], data.path());
    let hits = stdout(&search);
    assert_eq!(hits.lines().count(), 1, "{hits}");
    assert!(
        hits.contains("port.md") || hits.contains("Chancay"),
        "{hits}"
    );
    let bad = newslens_with_data(&["library", "search", "\"unclosed"], data.path());
    assert!(!bad.status.success());
    assert_eq!(
        stderr(&bad).trim_end().lines().count(),
        1,
        "{}",
        stderr(&bad)
    );

    let csv = newslens_with_data(
        &["library", "export", "--format", "entities-csv"],
        data.path(),
    );
    let rows = stdout(&csv);
    assert!(rows.lines().count() > 5, "{rows}");
    let jsonl = newslens_with_data(&["library", "export", "--format", "jsonl"], data.path());
    let lines: Vec<serde_json::Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let quotes = newslens_with_data(
        &["library", "export", "--format", "quotes-jsonl"],
        data.path(),
    );
    assert!(stdout(&quotes).contains("Cooperation has achieved fruitful results"));
}

#[test]
fn a_kill_while_adding_loses_only_the_documents_in_flight() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let sample = newslens::document::SAMPLE_TEXT;
    let count = 400;
    for i in 0..count {
        let text = format!(
            "# Article {i}\n\n{}",
            sample.replace("Boluarte", &format!("B{i}"))
        );
        std::fs::write(folder.path().join(format!("a{i:04}.md")), text).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["library", "add", folder.path().to_str().unwrap()])
        .env("NEWSLENS_DATA_DIR", data.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs");
    let database = data.path().join(newslens::library::FILE_NAME);
    // Kill it once some documents are in, well before the end.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        assert!(Instant::now() < deadline, "adding never got going");
        std::thread::sleep(Duration::from_millis(50));
        if let Some(status) = child.try_wait().unwrap() {
            panic!("adding finished before it could be killed: {status}");
        }
        let done = Library::open(&database).map_or(0, |l| l.document_count());
        if done >= 20 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let library = Library::open(&database).expect("the library opens after a kill");
    let kept = library.document_count();
    assert!(kept >= 20 && kept < count, "{kept} documents kept");
    // Every document kept is whole: its text and its analysis.
    for document in library
        .documents("", newslens::library::DocumentSort::default())
        .unwrap()
    {
        assert!(library.text(document.id).unwrap().is_some());
        assert!(library.analysis_json(document.id).unwrap().is_some());
    }
    drop(library);
    let resumed = newslens_with_data(
        &["library", "add", folder.path().to_str().unwrap()],
        data.path(),
    );
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert!(
        stderr(&resumed).contains(&format!("{kept} unchanged")),
        "what was kept is not analysed again: {}",
        stderr(&resumed)
    );
    let library = Library::open(&database).unwrap();
    assert_eq!(library.document_count(), count);
}
