//! Help: the keyboard-shortcut sheet (F1 or ?) and the About window.

use egui::RichText;

/// Every key the reader answers to, as the sheet lists them: (keys, what they do).
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Reading",
        &[
            ("Page Down, Space", "Next screen"),
            ("Page Up, Shift+Space", "Previous screen"),
            ("Down, Up", "Scroll a line"),
            ("Home, Ctrl+Home", "Start of the document"),
            ("End, Ctrl+End", "End of the document"),
            (
                "Ctrl+=, Ctrl+-",
                "Larger, smaller text (the top line stays in place)",
            ),
        ],
    ),
    (
        "Entities",
        &[
            ("Click a highlight or an entity", "Select it"),
            ("N, F3", "Next mention of the selected entity"),
            ("Shift+N, Shift+F3", "Previous mention"),
            ("Escape", "Clear the selection"),
            ("Right-click", "Correct a highlight or an entity"),
            ("Drag an entity onto another", "Merge them"),
        ],
    ),
    (
        "Marking text",
        &[
            ("Drag over text, double-click a word", "Select text"),
            ("1 to 6", "Mark the selection as PERSON … DATE"),
            ("Ctrl+Z", "Undo"),
            ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
        ],
    ),
    (
        "Files and finding",
        &[
            ("Ctrl+O", "Open a document"),
            ("Ctrl+E", "Export the highlights"),
            ("Ctrl+F", "Find text"),
            ("Enter, Shift+Enter", "Next, previous match"),
            ("Escape", "Close Find"),
            ("F1, ?", "This sheet"),
        ],
    ),
];

/// The shortcut sheet, while `open`.
pub fn shortcut_sheet(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            // One grid, so that the columns of every section line up.
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    for (i, (section, keys)) in SHORTCUTS.iter().enumerate() {
                        if i > 0 {
                            ui.end_row();
                        }
                        ui.label(RichText::new(*section).strong());
                        ui.end_row();
                        for (key, what) in *keys {
                            ui.label(RichText::new(*key).monospace());
                            ui.label(*what);
                            ui.end_row();
                        }
                    }
                });
        });
}

/// What the About window tells.
pub struct AboutFacts {
    pub data_folder: Option<std::path::PathBuf>,
    pub fonts: String,
}

pub fn about(ctx: &egui::Context, open: &mut bool, facts: &AboutFacts) {
    egui::Window::new("About newslens")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("newslens {}", env!("CARGO_PKG_VERSION"))).heading());
            ui.label("Who and what an article is about, offline.");
            ui.add_space(6.0);
            egui::Grid::new("about").num_columns(2).show(ui, |ui| {
                ui.strong("Data folder");
                ui.label(facts.data_folder.as_ref().map_or_else(
                    || "none (corrections are kept in memory)".to_string(),
                    |d| d.display().to_string(),
                ));
                ui.end_row();
                ui.strong("Model");
                ui.label(
                    "An averaged perceptron tagger trained on CoNLL-2003 (train) and Wikigold \
                     (CC BY 4.0); see assets/training/README.md",
                );
                ui.end_row();
                ui.strong("Word lists");
                ui.label(
                    "GeoNames (CC BY 4.0), SCOWL word lists, wordfreq and hand-written lists; \
                     see assets/gazetteer/SOURCES.md",
                );
                ui.end_row();
                ui.strong("Fonts");
                ui.label(&facts.fonts);
                ui.end_row();
            });
        });
}
