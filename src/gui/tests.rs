//! The reader driven through its real UI with egui_kittest: widgets are found by their
//! labels and clicked, keys are pressed, and the app's state is checked after each frame.

use super::app::ReaderApp;
use super::command::Command;
use super::settings::Settings;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newslens::Label;
use std::time::{Duration, Instant};

pub(super) fn reader() -> Harness<'static, ReaderApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_max_steps(64)
        .build_ui_state(
            |ui, app: &mut ReaderApp| app.show(ui),
            ReaderApp::new(Settings::default(), None),
        )
}

/// The id of the group named `name`.
pub(super) fn group_named(harness: &Harness<'_, ReaderApp>, name: &str) -> usize {
    let app = harness.state();
    app.analysis
        .groups
        .iter()
        .find(|g| g.name == name)
        .unwrap_or_else(|| panic!("no entity named {name}"))
        .id
}

/// Steps frames until the condition holds, for work done on other threads.
pub(super) fn run_until(
    harness: &mut Harness<'_, ReaderApp>,
    what: &str,
    done: impl Fn(&ReaderApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
}

#[test]
fn clicking_an_entity_jumps_to_its_first_mention_and_n_steps_through_the_rest() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let mentions = harness.state().analysis.groups[boluarte].mentions.clone();
    assert!(
        mentions.len() >= 8,
        "Boluarte is mentioned often: {mentions:?}"
    );

    harness.get_by_label("Dina Boluarte").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection.group, Some(boluarte));
    assert_eq!(app.selection.mention, Some(mentions[0]));
    assert_eq!(
        app.status,
        format!("Dina Boluarte: mention 1 of {}", mentions.len())
    );
    let first = &app.analysis.mentions[mentions[0]];
    assert!(app.reader.visible.start <= first.start && first.end <= app.reader.visible.end);

    // In the window a click leaves the keyboard focus on the entry; N must still work.
    harness.get_by_label("Dina Boluarte").focus();
    harness.run();
    harness.key_press(Key::N);
    harness.run();
    assert_eq!(harness.state().selection.mention, Some(mentions[1]));
    let second = harness.state().analysis.mentions[mentions[1]].clone();
    let visible = harness.state().reader.visible.clone();
    assert!(
        visible.start <= second.start && second.end <= visible.end,
        "the reader scrolled to it"
    );

    // Clicking the entity again also moves on; Shift+N goes back; stepping wraps round.
    harness.get_by_label("Dina Boluarte").click();
    harness.run();
    assert_eq!(harness.state().selection.mention, Some(mentions[2]));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::N);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::N);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::N);
    harness.run();
    assert_eq!(harness.state().selection.mention, mentions.last().copied());
    harness.key_press(Key::F3);
    harness.run();
    assert_eq!(harness.state().selection.mention, Some(mentions[0]));
}

#[test]
fn the_last_paragraph_comes_into_view_when_its_mention_is_chosen() {
    let mut harness = reader();
    harness.run();
    let last_mention = harness.state().analysis.mentions.len() - 1;
    harness.state_mut().apply(
        Command::SelectMention(last_mention),
        &egui::Context::default(),
    );
    let start = harness.state().analysis.mentions[last_mention].start;
    harness.state_mut().reader.scroll_to(start);
    harness.run();
    let visible = harness.state().reader.visible.clone();
    assert!(visible.contains(&start), "{visible:?} should hold {start}");
}

#[test]
fn exporting_json_writes_the_entities_to_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.json");
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        Command::Export(path.clone(), newslens::export::Format::Json),
        &ctx,
    );
    run_until(&mut harness, "the export", |app| {
        app.status.starts_with("Exported")
    });
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(json["entities"].as_array().unwrap().len() > 100);
    assert_eq!(json["file"], "china-peru-chancay.txt");
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_open_document_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(Command::Open(empty), &ctx);
    run_until(&mut harness, "the error", |app| app.error.is_some());
    let app = harness.state();
    assert!(app.error.as_deref().unwrap().contains("empty"));
    assert_eq!(app.analysis.document.name, "china-peru-chancay.txt");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().error.is_none());
}

#[test]
fn a_readable_file_opens_and_becomes_a_recent_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.txt");
    std::fs::write(&path, "Angela Merkel visited Paris on Monday.").unwrap();
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(Command::Open(path.clone()), &ctx);
    run_until(&mut harness, "the document", |app| {
        app.analysis.document.name == "note.txt"
    });
    let app = harness.state();
    assert!(
        app.analysis
            .groups
            .iter()
            .any(|g| g.name == "Angela Merkel" && g.label == Label::Person)
    );
    assert!(app.settings.recent[0].ends_with("note.txt"));
}

#[test]
fn the_legend_hides_and_shows_a_kind() {
    let mut harness = reader();
    harness.run();
    let count = harness.state().analysis.counts_by_label()[0].1;
    harness.get_by_label(&format!("PERSON {count}")).click();
    harness.run();
    assert!(harness.state().settings.is_hidden(Label::Person));
    harness.get_by_label(&format!("PERSON {count}")).click();
    harness.run();
    assert!(!harness.state().settings.is_hidden(Label::Person));
}

#[test]
fn a_fact_click_marks_its_sentence() {
    let mut harness = reader();
    harness.run();
    let facts = harness.state().analysis.facts.len();
    harness.get_by_label(&format!("Facts ({facts})")).click();
    harness.run();
    let change = harness
        .state()
        .analysis
        .facts
        .iter()
        .find(|f| f.summary.contains("45 days -> 23 days"))
        .expect("the sample's change of transport time")
        .clone();
    harness.get_by_label(&change.summary).click();
    harness.run();
    assert_eq!(
        harness.state().selection.marked,
        Some(change.start..change.end)
    );
}

#[test]
fn find_counts_matches_and_enter_moves_between_them() {
    let mut harness = reader();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.state().find.open);
    // The find box has the keyboard focus: typing goes into it.
    harness.event(egui::Event::Text("Chancay".into()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.find.query, "Chancay");
    assert_eq!(app.find.matches.len(), 6);
    assert_eq!(app.find.summary(), "1 of 6");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().find.summary(), "2 of 6");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    assert_eq!(harness.state().find.summary(), "6 of 6");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().find.open);
}

#[test]
fn font_size_follows_ctrl_plus_and_minus() {
    let mut harness = reader();
    harness.run();
    let before = harness.state().settings.font_size;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    assert_eq!(harness.state().settings.font_size, before + 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert_eq!(harness.state().settings.font_size, before - 1.0);
}

#[test]
fn quotes_are_grouped_by_speaker_and_say_direct_or_reported() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let quotes = harness
        .state()
        .analysis
        .facts
        .iter()
        .filter(|f| f.speaker() == Some(boluarte))
        .count();
    assert!(quotes >= 2, "Boluarte is quoted in the sample");
    let facts = harness.state().analysis.facts.len();
    harness.get_by_label(&format!("Facts ({facts})")).click();
    harness.run();
    harness.get_by_label(&format!("Dina Boluarte · {quotes} quotes"));
    assert!(harness.get_all_by_label("direct").count() > 0);
    assert!(harness.get_all_by_label("reported").count() > 0);
}

#[test]
fn a_selected_entity_lists_its_own_facts_and_chips_select_entities() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(Command::SelectGroup(boluarte), &ctx);
    let facts = harness.state().analysis.facts.len();
    harness.get_by_label(&format!("Facts ({facts})")).click();
    harness.run();
    let own = harness
        .state()
        .analysis
        .facts
        .iter()
        .filter(|f| f.entities.contains(&boluarte) || f.speaker() == Some(boluarte))
        .count();
    assert!(own >= 5, "Boluarte speaks and travels in the sample");
    harness.get_by_label(&format!("About Dina Boluarte · {own}"));

    // A chip selects its entity.
    let xi = group_named(&harness, "Xi Jinping");
    harness
        .get_all_by_label("Xi Jinping")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().selection.group, Some(xi));
}

/// The first lower-case word of 6+ letters that occurs at least twice, never inside a
/// highlight, first inside the visible text: something to mark by hand.
pub(super) fn unhighlighted_word(app: &ReaderApp) -> (String, Vec<usize>) {
    let analysis = &app.analysis;
    let text = analysis.text();
    let mut offset = 0;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let start = offset;
        offset += word.len()
            + text[offset + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.len() < 6 || !word.chars().all(|c| c.is_lowercase()) {
            continue;
        }
        if !app.reader.visible.contains(&start) {
            continue;
        }
        let occurrences: Vec<usize> = text
            .match_indices(word)
            .map(|(i, _)| i)
            .filter(|&i| {
                let before = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                let after = text[i + word.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
                !before && !after
            })
            .collect();
        if occurrences.len() >= 2
            && occurrences
                .iter()
                .all(|&i| analysis.mention_at(i).is_none())
        {
            return (word.to_string(), occurrences);
        }
    }
    panic!("the sample has no plain repeated word on its first screen");
}

pub(super) fn press_and_release(
    harness: &mut Harness<'_, ReaderApp>,
    pos: egui::Pos2,
    button: egui::PointerButton,
) {
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
}

pub(super) fn right_click_text(harness: &mut Harness<'_, ReaderApp>, offset: usize) {
    let pos = {
        let app = harness.state();
        app.reader
            .screen_pos_of(app.analysis.text(), offset)
            .expect("the offset is on screen")
    };
    harness.hover_at(pos);
    harness.step();
    press_and_release(harness, pos, egui::PointerButton::Secondary);
    harness.run();
}

#[test]
fn dragging_over_a_word_and_pressing_a_number_marks_it_everywhere_and_undo_takes_it_back() {
    let mut harness = reader();
    harness.run();
    let (word, occurrences) = unhighlighted_word(harness.state());
    let (from, to) = {
        let app = harness.state();
        let text = app.analysis.text();
        // Start inside the word and stop on its last letter: the selection snaps to it.
        (
            app.reader.screen_pos_of(text, occurrences[0] + 1).unwrap(),
            app.reader
                .screen_pos_of(text, occurrences[0] + word.len() - 1)
                .unwrap(),
        )
    };
    harness.hover_at(from);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for i in 1..=4 {
        harness.hover_at(from + (to - from) * (i as f32 / 4.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let selection = harness
        .state()
        .reader
        .text_selection
        .clone()
        .expect("text is selected");
    assert_eq!(&harness.state().analysis.text()[selection], word);

    harness.key_press(Key::Num4);
    harness.run();
    let app = harness.state();
    for &at in &occurrences {
        let m = app
            .analysis
            .mention_at(at)
            .expect("every occurrence is marked");
        assert_eq!(app.analysis.mentions[m].label, Label::Project);
        assert_eq!(app.analysis.mentions[m].source, newslens::Source::User);
    }
    assert_eq!(
        app.session.dictionary().names.get(&word),
        Some(&Label::Project)
    );
    assert!(app.status.starts_with("Done: mark every"), "{}", app.status);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .analysis
            .mention_at(occurrences[0])
            .is_none()
    );
    assert!(harness.state().session.dictionary().is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .analysis
            .mention_at(occurrences[1])
            .is_some()
    );
}

#[test]
fn a_highlight_menu_changes_the_kind_of_every_mention_and_removes_one() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let first = harness.state().analysis.groups[boluarte].mentions[0];
    let start = harness.state().analysis.mentions[first].start;

    right_click_text(&mut harness, start + 1);
    harness.get_by_label("Change kind").click();
    harness.run();
    harness.get_by_label("ORG").click();
    harness.run();
    let app = harness.state();
    let group = app
        .analysis
        .groups
        .iter()
        .find(|g| g.name == "Dina Boluarte")
        .unwrap();
    assert_eq!(group.label, Label::Org);
    assert!(group.mentions.len() >= 8);
    assert!(
        group
            .mentions
            .iter()
            .all(|&m| app.analysis.mentions[m].label == Label::Org)
    );

    right_click_text(&mut harness, start + 1);
    harness.get_by_label("Remove this highlight").click();
    harness.run();
    assert!(harness.state().analysis.mention_at(start + 1).is_none());
    assert!(harness.state().status.starts_with("Done: remove"));
}

#[test]
fn removing_an_entity_from_the_panel_menu_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = newslens::corrections::Store::at(dir.path());
    let build = |store: newslens::corrections::Store| {
        Harness::builder()
            .with_size(egui::vec2(1280.0, 820.0))
            .with_max_steps(64)
            .build_ui_state(
                |ui, app: &mut ReaderApp| app.show(ui),
                ReaderApp::new(Settings::default(), Some(store)),
            )
    };
    let mut harness = build(store.clone());
    harness.run();
    harness.get_by_label("Dina Boluarte").click_secondary();
    harness.run();
    harness.get_by_label("Remove every mention").click();
    harness.run();
    let gone = |app: &ReaderApp| {
        app.analysis
            .groups
            .iter()
            .all(|g| g.name != "Dina Boluarte")
    };
    assert!(gone(harness.state()));
    drop(harness);

    let mut reopened = build(store);
    reopened.run();
    assert!(
        gone(reopened.state()),
        "the correction was saved and re-applied"
    );
    assert!(reopened.state().error.is_none());
}

#[test]
fn a_long_document_shows_its_text_first_and_fills_in_highlights_part_by_part() {
    use super::jobs::JobResult;
    use newslens::corrections::{Dictionary, Session};
    let text = newslens::document::SAMPLE_TEXT.repeat(60);
    let document = newslens::Document::from_text("long.txt", text.clone());
    let parts = std::sync::Mutex::new(Vec::new());
    let full = newslens::analyse_progressively(
        document.clone(),
        &Dictionary::default(),
        &[],
        &|partial| parts.lock().unwrap().push(partial),
    );
    let parts = parts.into_inner().unwrap();
    assert!(parts.len() >= 2, "a 400 kB text comes in several parts");

    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().accept(
        JobResult::Opened {
            generation: 0,
            document: Box::new(document),
        },
        &ctx,
    );
    harness.run();
    let app = harness.state();
    assert!(app.analysis.provisional && app.analysis.mentions.is_empty());
    assert_eq!(app.reader.visible.start, 0, "the first page is shown");
    assert!(!app.reader.visible.is_empty());
    harness.get_by_label("Entities are listed when the whole document is read.");

    let first_part_end = parts[0].span.end;
    for part in parts {
        harness.state_mut().accept(
            JobResult::Progress {
                generation: 0,
                partial: part,
            },
            &ctx,
        );
        harness.run();
        let app = harness.state();
        assert!(
            app.analysis
                .mentions
                .last()
                .is_some_and(|m| m.end <= app.analysis.text().len())
        );
    }
    let app = harness.state();
    assert!(
        app.analysis
            .mentions
            .iter()
            .any(|m| m.end <= first_part_end)
    );

    harness.state_mut().accept(
        JobResult::Loaded {
            generation: 0,
            path: "long.txt".into(),
            analysis: Box::new(full.clone()),
            session: Box::new(Session::unsaved(&text, "long.txt")),
            warnings: Vec::new(),
        },
        &ctx,
    );
    harness.run();
    let app = harness.state();
    assert!(!app.analysis.provisional);
    assert_eq!(app.analysis.groups.len(), full.groups.len());
    harness.get_by_label("Dina Boluarte");
}

#[test]
fn the_encoding_menu_reads_the_file_again_with_the_chosen_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.txt");
    std::fs::write(
        &path,
        b"Caf\xe9 owner Jos\xe9 Ortega opened a bakery in Valdemora.",
    )
    .unwrap();
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(Command::Open(path.clone()), &ctx);
    run_until(&mut harness, "the document", |app| {
        app.analysis.document.name == "latin.txt"
    });
    assert_eq!(harness.state().analysis.document.encoding, "windows-1252");
    assert!(
        harness
            .state()
            .analysis
            .text()
            .starts_with("Café owner José")
    );
    harness.get_by_label_contains("plain text · windows-1252");

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Text encoding").click();
    harness.run();
    harness.get_by_label("windows-1251").click();
    run_until(&mut harness, "the document read again", |app| {
        app.analysis.document.encoding == "windows-1251"
    });
    let text = harness.state().analysis.text().to_string();
    assert!(text.starts_with("Cafй owner Josй"), "{text}");
}
