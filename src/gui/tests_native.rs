//! The reader's native basics driven through the real UI: reading from the keyboard, state
//! that must not go stale, the colour key, help, the concordance, the in-window file
//! chooser, accessibility labels, headings and other scripts.

use super::app::ReaderApp;
use super::command::Command;
use super::jobs::{Dialog, JobResult};
use super::tests::{group_named, reader, right_click_text, run_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newslens::Label;

/// The reader on a document written to a temporary file, once it is read.
fn reader_on(name: &str, text: &str) -> (Harness<'static, ReaderApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(Command::Open(path), &ctx);
    run_until(&mut harness, "the document", |app| {
        app.analysis.document.name == name && !app.is_loading()
    });
    (harness, dir)
}

/// A long document: numbered paragraphs, each a few lines.
fn long_text(paragraphs: usize) -> String {
    (1..=paragraphs)
        .map(|i| {
            format!(
                "Paragraph {i}. The port of Chancay opened on a Thursday, and the ships \
                 came in from Shanghai one after another while the officials watched.\n\n"
            )
        })
        .collect()
}

#[test]
fn page_keys_space_arrows_home_and_end_scroll_the_reader() {
    let (mut harness, _dir) = reader_on("long.txt", &long_text(300));
    let text_len = harness.state().analysis.text().len();
    let top = |h: &Harness<'_, ReaderApp>| h.state().reader.top_byte;
    assert_eq!(top(&harness), 0);

    harness.key_press(Key::PageDown);
    harness.run();
    let after_page = top(&harness);
    assert!(after_page > 0, "Page Down moved the view");
    let visible_before = harness.state().reader.visible.clone();

    harness.key_press(Key::Space);
    harness.run();
    assert!(top(&harness) > after_page, "Space moves a screen on");
    assert!(
        harness.state().reader.visible.start < visible_before.end,
        "a page keeps the last lines of the one before in view"
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Space);
    harness.run();
    assert_eq!(top(&harness), after_page, "Shift+Space goes back");

    let before_arrow = top(&harness);
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::ArrowDown);
    harness.run();
    let after_arrows = top(&harness);
    assert!(after_arrows > before_arrow && after_arrows < after_page * 2);
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(top(&harness), before_arrow);

    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(top(&harness), 0);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run();
    let visible = harness.state().reader.visible.clone();
    assert!(
        visible.end + 2 >= text_len,
        "Ctrl+End shows the end: {visible:?} of {text_len}"
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(top(&harness), 0, "Home goes back to the start");
    harness.key_press(Key::End);
    harness.run();
    assert!(harness.state().reader.visible.end + 2 >= text_len);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    harness.run();
    assert_eq!(top(&harness), 0);
}

#[test]
fn a_new_text_size_keeps_the_top_paragraph_in_place() {
    let (mut harness, _dir) = reader_on("long.txt", &long_text(300));
    for _ in 0..6 {
        harness.key_press(Key::PageDown);
    }
    harness.run();
    let paragraph_at = |h: &Harness<'_, ReaderApp>| {
        let app = h.state();
        let text = app.analysis.text();
        let top = app.reader.top_byte;
        // The paragraph holding the top line (which may start with its number).
        let upto = (top + "Paragraph ".len()).min(text.len());
        text[..upto]
            .rfind("Paragraph ")
            .map(|i| text[i..].split('.').next().unwrap().to_string())
    };
    let before = paragraph_at(&harness).expect("the view is inside the document");
    assert_ne!(before, "Paragraph 1");
    for shortcut in [Key::Equals, Key::Equals, Key::Minus] {
        harness.key_press_modifiers(Modifiers::COMMAND, shortcut);
        harness.run();
        assert_eq!(paragraph_at(&harness).as_ref(), Some(&before));
    }
}

#[test]
fn escape_and_a_click_on_plain_text_clear_the_selected_entity() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    harness.get_by_label("Dina Boluarte").click();
    harness.run();
    assert_eq!(harness.state().selection.group, Some(boluarte));
    harness.get_by_label_contains("Mentions ·");
    // The focus is on the entry: Escape still clears.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selection.group, None);
    assert!(harness.query_by_label_contains("Mentions ·").is_none());
    assert!(!harness.state().status.contains("mention 1 of"));

    harness.get_by_label("Dina Boluarte").click();
    harness.run();
    // A plain word in view, away from every highlight.
    let (_, occurrences) = super::tests::unhighlighted_word(harness.state());
    let pos = {
        let app = harness.state();
        app.reader
            .screen_pos_of(app.analysis.text(), occurrences[0] + 1)
            .unwrap()
    };
    harness.hover_at(pos);
    harness.step();
    super::tests::press_and_release(&mut harness, pos, egui::PointerButton::Primary);
    harness.run();
    assert_eq!(harness.state().selection.group, None);
}

#[test]
fn closing_find_clears_its_count_and_gives_the_keys_back_to_the_reader() {
    let mut harness = reader();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(egui::Event::Text("Chancay".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().status.starts_with("Find: 2 of"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().status.contains("Find:"));
    assert_eq!(
        harness.ctx.memory(|m| m.focused()),
        None,
        "nothing keeps the focus"
    );
    harness.key_press(Key::PageDown);
    harness.run();
    assert!(
        harness.state().reader.top_byte > 0,
        "the reader has the keys"
    );
}

#[test]
fn status_and_menus_say_what_is_true_after_undo_and_with_one_name() {
    let mut harness = reader();
    harness.run();
    let (word, occurrences) = super::tests::unhighlighted_word(harness.state());
    harness.state_mut().reader.text_selection = Some(occurrences[0]..occurrences[0] + word.len());
    harness.state_mut().settings.mark_everywhere = true;
    harness.key_press(Key::Num4);
    harness.run();
    assert!(harness.state().status.contains("Ctrl+Z undoes"));
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Your dictionary (1 name)…");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let status = harness.state().status.clone();
    assert!(status.starts_with("Undone"), "{status}");
    assert!(!status.contains("Ctrl+Z undoes"), "{status}");
    assert!(status.contains("redoes"), "{status}");
}

#[test]
fn the_error_banner_goes_once_an_export_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = reader();
    harness.run();
    harness.state_mut().error = Some("cannot write /nowhere/x.json".into());
    harness.run();
    harness.get_by_label("Dismiss");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        Command::Export(
            dir.path().join("out.md"),
            newslens::export::Format::Markdown,
        ),
        &ctx,
    );
    run_until(&mut harness, "the export", |app| {
        app.status.starts_with("Exported")
    });
    assert!(harness.state().error.is_none());
    assert!(harness.query_by_label("Dismiss").is_none());
}

#[test]
fn no_tooltip_covers_an_open_context_menu() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let start = {
        let app = harness.state();
        let first = app.analysis.groups[boluarte].mentions[0];
        app.analysis.mentions[first].start
    };
    harness.state_mut().reader.scroll_to(start);
    harness.run();
    right_click_text(&mut harness, start + 1);
    assert!(harness.query_by_label("Remove this highlight").is_some());
    // The pointer still rests on the highlight.
    assert!(
        harness
            .query_by_label("Right-click to correct it")
            .is_none()
    );
}

#[test]
fn a_long_entity_name_is_cut_short_before_its_count() {
    let name = "International Federation of Red Cross and Red Crescent Societies";
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-name.txt");
    std::fs::write(
        &path,
        format!("The {name} said on Monday that the port would open. The {name} agreed."),
    )
    .unwrap();
    harness.state_mut().apply(Command::Open(path), &ctx);
    run_until(&mut harness, "the document", |app| {
        app.analysis.document.name == "long-name.txt" && !app.is_loading()
    });
    let group = harness
        .state()
        .analysis
        .groups
        .iter()
        .max_by_key(|g| g.name.len())
        .unwrap()
        .clone();
    assert!(
        group.name.len() > 40,
        "a long name is found: {}",
        group.name
    );
    let entry = harness.get_by_label(&group.name);
    // The filter box spans the panel.
    let panel = harness.get_by_role(egui::accesskit::Role::TextInput).rect();
    assert!(
        entry.rect().max.x <= panel.max.x,
        "the name stays inside the panel: {:?} vs {:?}",
        entry.rect(),
        panel
    );
}

#[test]
fn without_a_system_dialog_the_window_offers_its_own_chooser_and_asks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("note.txt"), "Angela Merkel visited Paris.").unwrap();
    std::fs::write(dir.path().join("picture.png"), "not a document").unwrap();
    std::fs::create_dir(dir.path().join("older")).unwrap();
    let mut harness = reader();
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .accept(JobResult::DialogUnavailable(Dialog::Open), &ctx);
    harness.run();
    assert!(harness.state().chooser.is_open());
    harness.get_by_label("Open a document");
    assert!(
        harness.state().error.is_none(),
        "no dead end: no error banner"
    );

    // Go to the folder, see its documents (not the picture), open one.
    let folder = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Folder");
    folder.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(dir.path().display().to_string()));
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("older/");
    assert!(harness.query_by_label("picture.png").is_none());
    harness.get_by_label("note.txt").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    run_until(&mut harness, "the chosen document", |app| {
        app.analysis.document.name == "note.txt"
    });
    assert!(!harness.state().chooser.is_open());

    // Later asks go straight to it; Escape closes it.
    harness.state_mut().apply(Command::ExportDialog, &ctx);
    harness.run();
    harness.get_by_label("Export highlights");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().chooser.is_open());

    // A name whose extension says no format: the user picks one.
    let path = dir.path().join("notes.txt2");
    harness
        .state_mut()
        .accept(JobResult::PickedExportWithoutFormat(path.clone()), &ctx);
    harness.run();
    harness.get_by_label("Export as");
    harness.get_by_label("Markdown").click();
    harness.run();
    run_until(&mut harness, "the export", |app| {
        app.status.starts_with("Exported")
    });
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with('#'),
        "written as Markdown: {written:.40}"
    );
}

#[test]
fn a_fast_drag_selects_from_where_the_button_went_down() {
    let mut harness = reader();
    harness.run();
    let (word, occurrences) = super::tests::unhighlighted_word(harness.state());
    let start = occurrences[0];
    let (from, to, end) = {
        let app = harness.state();
        let text = app.analysis.text();
        // From the word's first letter to three words on, in one jump of the mouse.
        let end = text[start..]
            .match_indices(' ')
            .nth(2)
            .map(|(i, _)| start + i - 1)
            .unwrap();
        (
            app.reader.screen_pos_of(text, start).unwrap(),
            app.reader.screen_pos_of(text, end).unwrap(),
            end,
        )
    };
    harness.hover_at(from);
    harness.step();
    for (pos, pressed) in [(from, true), (to, false)] {
        if !pressed {
            harness.hover_at(to);
            harness.step();
        }
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    let selection = harness
        .state()
        .reader
        .text_selection
        .clone()
        .expect("a selection");
    let selected = &harness.state().analysis.text()[selection.clone()];
    assert!(
        selected.starts_with(&word),
        "{selected:?} starts with {word:?}"
    );
    assert!(selection.end >= end);
}

#[test]
fn f1_and_the_help_menu_show_the_shortcuts_and_the_about_line() {
    let mut harness = reader();
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Next screen");
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.query_by_label("Next screen").is_none());
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Questionmark);
    harness.run();
    harness.get_by_label("Next screen");
    harness.key_press(Key::F1);
    harness.run();

    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About newslens").click();
    harness.run();
    harness.get_by_label(&format!("newslens {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label("Data folder");
}

#[test]
fn highlights_have_accessible_names_and_can_be_clicked_through_them() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let first = harness.state().analysis.groups[boluarte].mentions[0];
    let start = harness.state().analysis.mentions[first].start;
    harness.state_mut().reader.scroll_to(start);
    harness.run();
    let nodes: Vec<_> = harness.get_all_by_label("PERSON Dina Boluarte").collect();
    assert!(!nodes.is_empty());
    nodes[0].click_accesskit();
    harness.run();
    assert_eq!(harness.state().selection.group, Some(boluarte));
    // The legend's chips say their kind and count.
    let count = harness.state().analysis.counts_by_label()[1].1;
    harness.get_by_label(&format!("{} {count}", Label::Place.as_str()));
}

#[test]
fn the_concordance_lists_mentions_in_context_jumps_and_exports() {
    let mut harness = reader();
    harness.run();
    let boluarte = group_named(&harness, "Dina Boluarte");
    let mentions = harness.state().analysis.groups[boluarte].mentions.clone();
    harness.get_by_label("Dina Boluarte").click();
    harness.run();
    harness.get_by_label(&format!("Mentions · {} mentions", mentions.len()));
    // Rows read "… Dina Boluarte said …": the name with words after it.
    let rows = harness.get_all_by_label_contains("Boluarte ").count();
    assert!(rows >= 3, "a row per mention in view: {rows}");
    // The third row opens the third mention.
    let third = {
        let app = harness.state();
        newslens::concordance::lines(&app.analysis, boluarte).unwrap()[2].clone()
    };
    let label = format!("{}{}{}", third.before, third.hit, third.after);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selection.mention, Some(mentions[2]));
    assert!(harness.state().reader.visible.contains(&third.range.start));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boluarte.csv");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(Command::ExportConcordance(path.clone(), boluarte), &ctx);
    run_until(&mut harness, "the export", |app| {
        app.status.starts_with("Exported")
    });
    let csv = std::fs::read_to_string(&path).unwrap();
    assert_eq!(csv.lines().count(), mentions.len() + 1);
}

#[test]
fn markdown_headings_are_drawn_larger_than_the_body() {
    let (mut harness, _dir) = reader_on(
        "article.md",
        "# Port opens in Peru\n\nThe port of Chancay opened on Thursday.\n\n## Trade\n\nShips came in.\n",
    );
    harness.run();
    let app = harness.state();
    assert_eq!(app.analysis.document.headings.len(), 2);
    let title = app.reader.painted_row_height(0).unwrap();
    let body = app.reader.painted_row_height(1).unwrap();
    let subtitle = app.reader.painted_row_height(2).unwrap();
    assert!(
        title > subtitle && subtitle > body,
        "{title} > {subtitle} > {body}"
    );
}

#[test]
fn a_right_to_left_run_is_drawn_in_visual_order_and_maps_back_to_the_text() {
    let (mut harness, _dir) = reader_on(
        "mixed.txt",
        "The word שלום עולם means hello world.\n\nשלום עולם, said Dina Boluarte.\n",
    );
    harness.run();
    let app = harness.state();
    let drawn = app.reader.painted_text(0).unwrap();
    assert!(
        drawn.starts_with("The word םלוע םולש means"),
        "the Hebrew run reads right to left: {drawn}"
    );
    let second = app.reader.painted_text(1).unwrap();
    assert!(second.contains("Dina Boluarte"), "{second}");
    // Aiming at a character of the Hebrew run finds that character again.
    let text = app.analysis.text();
    let offset = text.find("עולם").unwrap();
    let pos = app.reader.screen_pos_of(text, offset).unwrap();
    let found = app.reader.byte_at_screen_pos(text, pos).unwrap();
    assert_eq!(found, offset);
}

#[test]
fn a_marked_sentence_and_a_selection_are_outlined_and_keep_the_highlights_inside_them() {
    let mut harness = reader();
    harness.run();
    let facts = harness.state().analysis.facts.len();
    harness.get_by_label(&format!("Facts ({facts})")).click();
    harness.run();
    // A fact whose sentence holds a highlight.
    let (fact, mention) = {
        let app = harness.state();
        app.analysis
            .facts
            .iter()
            .find_map(|f| {
                let m = app
                    .analysis
                    .mentions
                    .iter()
                    .position(|m| f.start <= m.start && m.end <= f.end)?;
                Some((f.clone(), m))
            })
            .expect("a fact with an entity in its sentence")
    };
    harness
        .get_all_by_label(&fact.summary)
        .next()
        .unwrap()
        .click();
    harness.run();
    let backgrounds = |harness: &Harness<'_, ReaderApp>, at: usize| {
        let app = harness.state();
        let (p, range) = app.reader.paragraph_of(at).unwrap();
        let local = at - range.start;
        let runs = app.reader.painted_backgrounds(p).expect("painted");
        runs.iter()
            .find(|(r, _)| r.contains(&local))
            .map(|(_, colour)| *colour)
            .unwrap()
    };
    let (label, start) = {
        let m = &harness.state().analysis.mentions[mention];
        (m.label, m.start)
    };
    let tint = super::style::tint(label, false, false);
    assert_eq!(
        backgrounds(&harness, start),
        tint,
        "the highlight keeps its tint"
    );
    // Plain words of the sentence are not filled: the mark is an outline.
    let plain = (fact.start..fact.end)
        .find(|&i| {
            harness.state().analysis.mention_at(i).is_none()
                && harness.state().analysis.text()[i..].starts_with(char::is_alphabetic)
        })
        .unwrap();
    assert_eq!(backgrounds(&harness, plain), egui::Color32::TRANSPARENT);

    // A selection over the highlight leaves its tint too.
    let end = harness.state().analysis.mentions[mention].end;
    harness.state_mut().reader.text_selection = Some(start..end);
    harness.run();
    assert_eq!(backgrounds(&harness, start), tint);
}

#[test]
fn fact_chips_are_nearly_body_size() {
    let mut harness = reader();
    harness.run();
    let facts = harness.state().analysis.facts.len();
    let tab_label = format!("Facts ({facts})");
    let tab = harness.get_by_label(&tab_label);
    let body_height = tab.rect().height();
    tab.click();
    harness.run();
    let chip = harness
        .get_all_by_label("Xi Jinping")
        .next()
        .expect("a chip of Xi Jinping");
    assert!(
        chip.rect().height() >= body_height - 2.0,
        "chip {} vs body {body_height}",
        chip.rect().height()
    );
}
