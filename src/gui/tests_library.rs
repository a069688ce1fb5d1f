//! The Library view driven through the real UI: a folder of generated articles is opened,
//! an entity followed across them, a concordance row opens its document at the mention,
//! search finds and opens a document, and the timeline filters the documents.

use super::app::ReaderApp;
use super::command::Command;
use super::library_view::LibraryState;
use super::tests::{reader, run_until};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Twelve dated articles in two folders; every one names Xi Jinping twice (some first
/// only as "Xi").
fn articles(folder: &std::path::Path) {
    for i in 0..12 {
        let outlet = folder.join(if i % 2 == 0 { "daily" } else { "weekly" });
        std::fs::create_dir_all(&outlet).unwrap();
        let xi = if i % 3 == 0 { "Xi" } else { "Xi Jinping" };
        let text = format!(
            "# Port talks, part {i}\n\nPublished {} March 2024\n\n\
             Chinese President {xi} met Peruvian President Dina Boluarte in Lima on Friday. \
             \"The Chancay port will change trade with Asia,\" Boluarte said. \
             Shipping time to Shanghai will fall from {} days to 23 days. Later, Xi Jinping \
             visited the port.\n",
            i + 1,
            30 + i
        );
        std::fs::write(outlet.join(format!("talks-{i:02}.md")), text).unwrap();
    }
}

/// The reader with its library in a temporary folder, on the folder of articles, once
/// they are all in.
fn library_on_articles() -> (Harness<'static, ReaderApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    articles(&folder);
    let mut harness = reader();
    harness.state_mut().library =
        LibraryState::at(Some(dir.path().join(newslens::library::FILE_NAME)));
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(Command::OpenFolder(folder), &ctx);
    run_until(&mut harness, "the articles to be added", |app| {
        app.library.indexing.is_none() && app.library_shown
    });
    harness.run();
    (harness, dir)
}

#[test]
fn a_folder_opens_as_a_library_and_an_entity_is_followed_into_a_document() {
    let (mut harness, _dir) = library_on_articles();
    harness.get_by_label("Library (12)");
    harness.get_by_label_contains("Documents · 12");
    // "Xi" and "Xi Jinping" are one entity, in all twelve.
    // Through AccessKit: a click that no slow frame can turn into a long press.
    harness.get_by_label("Xi Jinping").click_accesskit();
    harness.run();
    harness.get_by_label_contains("12 documents");
    harness.get_by_label_contains("Mentions · 24 mentions");
    harness.get_by_label_contains("Quotes ·");
    harness.get_by_label_contains("Appears with ·");
    // A mention in context opens its document at the mention; N goes on from there.
    let line = harness
        .get_all_by_label_contains("met Peruvian President")
        .next()
        .expect("a concordance row");
    line.click_accesskit();
    harness.run();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !{
        let app = harness.state();
        !app.library_shown && app.selection.mention.is_some() && !app.is_loading()
    } {
        let app = harness.state();
        assert!(
            std::time::Instant::now() < deadline,
            "no jump to the mention: library shown {}, document {}, mention {:?}, status {:?}, loading {}, error {:?}",
            app.library_shown,
            app.analysis.document.name,
            app.selection.mention,
            app.status,
            app.is_loading(),
            app.error
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let app = harness.state();
    let mention = app.selection.mention.unwrap();
    assert!(app.analysis.mention_text(mention).starts_with("Xi"));
    assert!(
        app.reader
            .visible
            .contains(&app.analysis.mentions[mention].start)
    );
    harness.key_press(Key::N);
    harness.run();
    assert_ne!(harness.state().selection.mention, Some(mention));
}

#[test]
fn search_finds_phrases_and_opens_the_document_at_the_match() {
    let (mut harness, _dir) = library_on_articles();
    let search = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    search.focus();
    harness.run();
    harness.event(egui::Event::Text("\"part 7\"".into()));
    harness.run();
    harness.get_by_label_contains("Search · 1 documents");
    harness.get_by_label("Port talks, part 7").click_accesskit();
    harness.run();
    run_until(&mut harness, "the document", |app| {
        app.analysis.document.name == "talks-07.md" && !app.is_loading()
    });
    assert!(!harness.state().library_shown);
}

#[test]
fn the_timeline_range_filters_the_documents_and_reopening_is_instant() {
    let (mut harness, dir) = library_on_articles();
    harness.get_by_label_contains("Timeline ·");
    harness.get_by_label("Use this range").click_accesskit();
    harness.run();
    let range = harness.state().library.day_range.expect("a range picked");
    assert!(range.0 <= range.1);
    harness.get_by_label("Clear dates");
    // The library is kept: a new window opens it with its documents, analysing nothing.
    let mut again = reader();
    again.state_mut().library =
        LibraryState::at(Some(dir.path().join(newslens::library::FILE_NAME)));
    again.run();
    again.get_by_label("Library (12)");
}
