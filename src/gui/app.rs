//! The reader's state and its frame: panels draw, return commands, and `apply` carries
//! them out in one place.

use super::chooser::FileChooser;
use super::command::{Command, ScrollStep};
use super::find::FindState;
use super::fonts::{FontSetup, Scripts};
use super::help;
use super::jobs::{Dialog, JobResult, Jobs};
use super::library_view::LibraryState;
use super::panel::{self, PanelState};
use super::reader::{ReaderView, Selection};
use super::settings::{STORAGE_KEY, Settings};
use super::style;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use newslens::corrections::{Session, Store};
use newslens::{Analysis, Label, analyse_with, document};
use std::sync::Arc;
use std::time::Duration;

/// Progress is shown for work that takes longer than a blink.
const BLINK: Duration = Duration::from_millis(150);

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
const OPEN_FOLDER: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const LIBRARY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
/// Keys 1 to 6 mark the selected text as the kinds in `Label::ALL` order.
const KIND_KEYS: [Key; 6] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
];

pub struct ReaderApp {
    pub(super) settings: Settings,
    pub(super) analysis: Arc<Analysis>,
    pub(super) reader: ReaderView,
    pub(super) selection: Selection,
    pub(super) panel: PanelState,
    pub(super) find: FindState,
    pub(super) jobs: Jobs,
    pub(super) status: String,
    pub(super) error: Option<String>,
    /// The open document's corrections, undo history and the user dictionary.
    pub(super) session: Session,
    /// Where corrections are saved; None keeps them in memory only.
    pub(super) store: Option<Store>,
    pub(super) dictionary_window: bool,
    /// When the store was last checked for others' changes.
    pub(super) last_refresh: Option<std::time::Instant>,
    applied_theme: Option<bool>,
    pub(super) shortcuts_open: bool,
    pub(super) about_open: bool,
    /// The in-window file chooser, when the system has no file dialog.
    pub(super) chooser: FileChooser,
    /// The fonts beyond egui's own, and the scripts the open document needs.
    fonts: FontSetup,
    scripts: Scripts,
    /// The library of articles, and whether its view is the one shown.
    pub(super) library: LibraryState,
    pub(super) library_shown: bool,
    /// Where to jump once the document being opened is read (a library row's mention).
    pending_jump: Option<(std::path::PathBuf, usize)>,
}

impl ReaderApp {
    /// Starts with the built-in sample article (and the corrections saved for it).
    pub fn new(settings: Settings, store: Option<Store>) -> Self {
        let sample = document::sample();
        let opened = Session::open(store.clone(), &sample.text, &sample.name);
        let session = opened.session;
        let analysis = Arc::new(analyse_with(
            sample,
            session.dictionary(),
            &session.corrections(),
        ));
        let status = opened_status(&analysis);
        let library = LibraryState::at(
            store
                .as_ref()
                .map(|s| s.dir().join(newslens::library::FILE_NAME)),
        );
        let error = (!opened.warnings.is_empty()).then(|| opened.warnings.join(" "));
        ReaderApp {
            session,
            store,
            dictionary_window: false,
            last_refresh: None,
            settings,
            reader: ReaderView::new(&analysis),
            scripts: scripts_of(&analysis),
            analysis,
            selection: Selection::default(),
            panel: PanelState::default(),
            find: FindState::default(),
            jobs: Jobs::default(),
            status,
            error,
            applied_theme: None,
            shortcuts_open: false,
            about_open: false,
            chooser: FileChooser::default(),
            fonts: FontSetup::new(),
            library,
            library_shown: false,
            pending_jump: None,
        }
    }

    /// The open document's analysis (for `benches/frames.rs`, which drives the window).
    #[allow(dead_code)]
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Whether a document is being read or analysed in the background.
    #[allow(dead_code)]
    pub fn is_loading(&self) -> bool {
        self.jobs.loading.is_some()
    }

    /// The byte range of the text painted in the last frame.
    #[allow(dead_code)]
    pub fn visible_bytes(&self) -> std::ops::Range<usize> {
        self.reader.visible.clone()
    }

    /// Scrolls the reader to a byte offset, as a jump does.
    #[allow(dead_code)]
    pub fn apply_jump(&mut self, offset: usize) {
        self.reader.scroll_to(offset);
    }

    /// Draws one frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.options_mut(|options| options.zoom_with_keyboard = false);
        if self.applied_theme != Some(self.settings.dark) {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark);
        }
        self.receive_jobs(&ctx);
        self.pick_up_others_changes(&ctx);
        // After a new document came in and before anything is laid out, so that the fonts
        // it needs apply in this very frame.
        self.fonts
            .ensure(&ctx, self.scripts | Scripts::of(&self.find.query));
        let mut commands = self.shortcuts(&ctx);
        if let Some(path) = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        }) {
            commands.push(Command::Open(path));
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        if self.library_shown {
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
            egui::CentralPanel::default()
                .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
                .show(ui, |ui| commands.extend(self.library.show(ui)));
            self.windows(&ctx, &mut commands);
            for command in commands {
                self.apply(command, &ctx);
            }
            return;
        }
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| self.find_bar(ui, &mut commands));
        }
        egui::Panel::top("legend").show(ui, |ui| self.legend(ui, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("side-panel")
            .resizable(true)
            .default_size(340.0)
            .min_size(200.0)
            .show(ui, |ui| {
                commands.extend(panel::show(
                    ui,
                    &mut self.panel,
                    &self.analysis,
                    &self.settings,
                    &self.selection,
                ));
            });
        let paper = style::paper(self.settings.dark);
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).fill(paper))
            .show(ui, |ui| {
                if let Some(error) = &self.error {
                    egui::Frame::new()
                        .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
                        .inner_margin(8.0)
                        .corner_radius(4.0)
                        .show(ui, |ui| {
                            ui.horizontal(|ui| {
                                ui.colored_label(ui.visuals().error_fg_color, error);
                                if ui.button("Dismiss").clicked() {
                                    commands.push(Command::DismissError);
                                }
                            });
                        });
                }
                commands.extend(self.reader.show(
                    ui,
                    &self.analysis,
                    &self.settings,
                    &self.selection,
                    &self.find,
                ));
            });

        self.windows(&ctx, &mut commands);
        for command in commands {
            self.apply(command, &ctx);
        }
    }

    /// The windows over either view: the dictionary, help, the file chooser.
    fn windows(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.dictionary_window {
            self.dictionary_window(ctx, commands);
        }
        help::shortcut_sheet(ctx, &mut self.shortcuts_open);
        let facts = help::AboutFacts {
            data_folder: self.store.as_ref().map(|s| s.dir().to_path_buf()),
            fonts: self.fonts.description(),
        };
        help::about(ctx, &mut self.about_open, &facts);
        commands.extend(self.chooser.show(ctx));
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenDialog if self.chooser.system_dialog_missing => self.chooser.open_file(),
            Command::OpenDialog => self.jobs.pick_file_to_open(ctx),
            Command::Open(path) if path.is_dir() => self.apply(Command::OpenFolder(path), ctx),
            Command::Open(path) => {
                self.library_shown = false;
                self.status = format!("Reading {}…", path.display());
                self.jobs
                    .load(path, Default::default(), self.store.clone(), ctx);
            }
            Command::Reopen { encoding } => {
                match (
                    self.analysis.document.path.clone(),
                    newslens::load::encoding_by_name(encoding),
                ) {
                    (Some(path), Some(encoding)) => {
                        self.status = format!("Reading {} as {}…", path.display(), encoding.name());
                        let options = newslens::load::LoadOptions {
                            encoding: Some(encoding),
                            ..Default::default()
                        };
                        self.jobs.load(path, options, self.store.clone(), ctx);
                    }
                    (None, _) => {
                        self.status = "The built-in sample has no file to read again.".into()
                    }
                    (_, None) => self.status = format!("Unknown encoding {encoding}."),
                }
            }
            Command::ExportDialog if self.chooser.system_dialog_missing => {
                self.chooser.save_export(&self.analysis.document.name)
            }
            Command::ExportDialog => self
                .jobs
                .pick_export_file(&self.analysis.document.name, ctx),
            Command::ExportConcordanceDialog => match self.selection.group {
                Some(group) => {
                    let name = &self.analysis.groups[group].name;
                    if self.chooser.system_dialog_missing {
                        self.chooser.save_concordance(name, group);
                    } else {
                        self.jobs.pick_concordance_file(name, group, ctx);
                    }
                }
                None => self.status = "Select an entity first.".into(),
            },
            Command::ExportConcordance(path, group) => {
                self.status = "Exporting the mentions…".into();
                self.jobs
                    .export_concordance(self.analysis.clone(), group, path, ctx);
            }
            Command::Export(..) if self.analysis.provisional => {
                self.status = "The export waits until the document is read.".into();
            }
            Command::Export(path, format) => {
                self.status = format!("Exporting {}…", format.description());
                self.jobs.export(self.analysis.clone(), path, format, ctx);
            }
            Command::SelectGroup(group) => {
                if self.selection.group == Some(group) {
                    self.step_mention(1);
                } else if let Some(&first) = self
                    .analysis
                    .groups
                    .get(group)
                    .and_then(|g| g.mentions.first())
                {
                    self.select_mention(first);
                    self.reader.scroll_to(self.analysis.mentions[first].start);
                }
            }
            Command::SelectMention(mention) => self.select_mention(mention),
            Command::JumpToMention(mention) => {
                if let Some(found) = self.analysis.mentions.get(mention) {
                    let start = found.start;
                    self.select_mention(mention);
                    self.reader.scroll_to(start);
                }
            }
            Command::StepMention(delta) => self.step_mention(delta),
            Command::JumpToFact(i) => {
                if let Some(fact) = self.analysis.facts.get(i) {
                    self.selection.marked = Some(fact.start..fact.end);
                    self.reader.scroll_to(fact.start);
                    self.status = format!(
                        "Fact {} of {}: {}",
                        i + 1,
                        self.analysis.facts.len(),
                        fact.summary
                    );
                }
            }
            Command::ToggleLabel(label) => self.settings.toggle(label),
            Command::ZoomIn => {
                self.reader.keep_top_line();
                self.settings.zoom(1.0);
            }
            Command::ZoomOut => {
                self.reader.keep_top_line();
                self.settings.zoom(-1.0);
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::OpenFind => {
                self.find.open = true;
                self.find.focus_requested = true;
            }
            Command::CloseFind => {
                self.find.open = false;
                self.find.query.clear();
                self.find.reset_matches();
                // Keys go back to the reader, not to whatever widget egui focuses next.
                surrender_focus(ctx);
                self.status = self.resting_status();
            }
            Command::StepMatch(delta) => {
                self.find.step(delta);
                self.show_current_match();
            }
            Command::DismissError => self.error = None,
            Command::Correct(_) | Command::MarkSelection(_) | Command::Undo | Command::Redo
                if self.analysis.provisional =>
            {
                self.status = "Corrections wait until the document is read.".into();
            }
            Command::Correct(correction) => self.correct(correction),
            Command::MarkSelection(label) => match self.reader.text_selection.clone() {
                Some(range) => {
                    if let Command::Correct(correction) = super::correct_menu::mark(
                        &self.analysis,
                        range,
                        label,
                        self.settings.mark_everywhere,
                    ) {
                        self.correct(correction);
                    }
                }
                None => {
                    self.status = "Select text first (drag over it, or double-click a word).".into()
                }
            },
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ToggleMarkEverywhere => {
                self.settings.mark_everywhere = !self.settings.mark_everywhere
            }
            Command::Forget(name) => self.forget(&name),
            Command::ToggleDictionaryWindow => self.dictionary_window = !self.dictionary_window,
            Command::Scroll(step) => self.reader.scroll(step),
            Command::ClearSelection => {
                self.selection = Selection::default();
                self.reader.text_selection = None;
                self.status = self.resting_status();
            }
            Command::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            Command::OpenFolderDialog if self.chooser.system_dialog_missing => {
                self.chooser.open_folder()
            }
            Command::OpenFolderDialog => self.jobs.pick_folder(ctx),
            Command::OpenFolder(folder) => {
                self.library_shown = true;
                self.library.add_folder(folder, ctx);
            }
            Command::OpenAt(path, offset) => {
                let open = self.analysis.document.path.as_ref() == Some(&path)
                    && !self.analysis.provisional;
                self.library_shown = false;
                if open {
                    self.jump_to_offset(offset);
                } else {
                    self.pending_jump = Some((path.clone(), offset));
                    self.apply(Command::Open(path), ctx);
                }
            }
            Command::LibrarySelect(entity) => {
                self.library_shown = true;
                self.library.select(entity);
            }
            Command::ToggleLibrary => self.library_shown = !self.library_shown,
            Command::ToggleAbout => self.about_open = !self.about_open,
        }
    }

    fn select_mention(&mut self, mention: usize) {
        let Some(&group) = self.analysis.group_of.get(mention) else {
            return;
        };
        self.selection.group = Some(group);
        self.selection.mention = Some(mention);
        self.selection.marked = None;
        self.status = self.mention_status();
    }

    /// Moves to the next (+1) or previous (-1) mention of the selected entity, wrapping.
    fn step_mention(&mut self, delta: i32) {
        let Some(group) = self
            .selection
            .group
            .and_then(|g| self.analysis.groups.get(g))
        else {
            self.status = "Select an entity first (click it in the panel or the text).".into();
            return;
        };
        let count = group.mentions.len() as i64;
        let position = self
            .selection
            .mention
            .and_then(|m| group.mentions.iter().position(|&x| x == m))
            .map_or(if delta > 0 { -1 } else { 0 }, |p| p as i64);
        let next = group.mentions[(position + i64::from(delta)).rem_euclid(count) as usize];
        self.select_mention(next);
        self.reader.scroll_to(self.analysis.mentions[next].start);
    }

    /// Shows the mention at a byte offset (or the place, if no mention is there), selecting
    /// its entity so that N and Shift+N go on through the document.
    fn jump_to_offset(&mut self, offset: usize) {
        self.reader.scroll_to(offset);
        match self.analysis.mention_at(offset) {
            Some(mention) => self.select_mention(mention),
            None => self.status = format!("At byte {offset} of {}", self.analysis.document.name),
        }
    }

    /// What the status line says when nothing is going on: the selected mention, or the
    /// document's summary.
    fn resting_status(&self) -> String {
        match self.mention_status() {
            status if status.is_empty() => opened_status(&self.analysis),
            status => status,
        }
    }

    fn mention_status(&self) -> String {
        let (Some(group), Some(mention)) = (
            self.selection
                .group
                .and_then(|g| self.analysis.groups.get(g)),
            self.selection.mention,
        ) else {
            return String::new();
        };
        let position = group
            .mentions
            .iter()
            .position(|&m| m == mention)
            .map_or(0, |p| p + 1);
        format!(
            "{}: mention {position} of {}",
            group.name,
            group.mentions.len()
        )
    }

    fn show_current_match(&mut self) {
        if let Some(found) = self.find.current_match() {
            self.reader.scroll_to(found.start);
        }
        self.status = format!("Find: {}", self.find.summary());
    }

    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.text_edit_focused();
        let no_focus = ctx.memory(|m| m.focused()).is_none();
        let something_selected = self.selection != Selection::default();
        ctx.input_mut(|input| {
            let mut commands = Vec::new();
            // Ctrl+Shift+O first: Ctrl+O's shortcut also matches it.
            if input.consume_shortcut(&OPEN_FOLDER) {
                commands.push(Command::OpenFolderDialog);
            }
            if input.consume_shortcut(&OPEN) {
                commands.push(Command::OpenDialog);
            }
            if input.consume_shortcut(&EXPORT) {
                commands.push(Command::ExportDialog);
            }
            if input.consume_shortcut(&FIND) {
                commands.push(Command::OpenFind);
            }
            if input.consume_shortcut(&ZOOM_IN) || input.consume_shortcut(&ZOOM_IN_PLUS) {
                commands.push(Command::ZoomIn);
            }
            if input.consume_shortcut(&ZOOM_OUT) {
                commands.push(Command::ZoomOut);
            }
            if input.consume_shortcut(&LIBRARY) {
                commands.push(Command::ToggleLibrary);
            }
            if input.consume_shortcut(&HELP) {
                commands.push(Command::ToggleShortcuts);
            }
            if self.find.open && input.consume_key(Modifiers::NONE, Key::Escape) {
                commands.push(Command::CloseFind);
            }
            if !typing {
                commands.extend(reading_keys(input, no_focus));
                if input.consume_key(Modifiers::SHIFT, Key::Questionmark)
                    || input.consume_key(Modifiers::NONE, Key::Questionmark)
                {
                    commands.push(Command::ToggleShortcuts);
                }
            }
            if !typing {
                // Redo first: Ctrl+Shift+Z also matches Ctrl+Z's logical modifiers.
                if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
                    commands.push(Command::Redo);
                }
                if input.consume_shortcut(&UNDO) {
                    commands.push(Command::Undo);
                }
                if self.reader.text_selection.is_some() {
                    for (key, label) in KIND_KEYS.into_iter().zip(Label::ALL) {
                        if input.consume_key(Modifiers::NONE, key) {
                            commands.push(Command::MarkSelection(label));
                        }
                    }
                    if input.consume_key(Modifiers::NONE, Key::Escape) {
                        self.reader.text_selection = None;
                    }
                }
                if something_selected && input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::ClearSelection);
                }
            }
            if input.consume_key(Modifiers::SHIFT, Key::F3) {
                commands.push(Command::StepMention(-1));
            }
            if input.consume_key(Modifiers::NONE, Key::F3) {
                commands.push(Command::StepMention(1));
            }
            if !typing {
                if input.consume_key(Modifiers::SHIFT, Key::N) {
                    commands.push(Command::StepMention(-1));
                }
                if input.consume_key(Modifiers::NONE, Key::N) {
                    commands.push(Command::StepMention(1));
                }
            }
            commands
        })
    }

    fn receive_jobs(&mut self, ctx: &egui::Context) {
        for result in self.jobs.finished() {
            self.accept(result, ctx);
        }
    }

    /// Takes in one result of background work.
    pub(super) fn accept(&mut self, result: JobResult, ctx: &egui::Context) {
        {
            match result {
                JobResult::Opened {
                    generation,
                    document,
                } if self.jobs.is_current(generation) => {
                    self.set_analysis(Analysis::provisional(*document));
                    if let Some(loading) = &mut self.jobs.loading {
                        loading.done = Some(0.0);
                    }
                }
                JobResult::Progress {
                    generation,
                    partial,
                } if self.jobs.is_current(generation) && self.analysis.provisional => {
                    let done = partial.span.end as f32 / self.analysis.text().len().max(1) as f32;
                    Arc::make_mut(&mut self.analysis).extend_provisional(partial);
                    self.reader.refresh_mentions(&self.analysis);
                    if let Some(loading) = &mut self.jobs.loading {
                        loading.done = Some(done);
                    }
                }
                JobResult::Loaded {
                    generation,
                    path,
                    analysis,
                    session,
                    warnings,
                } if self.jobs.is_current(generation) => {
                    self.jobs.loading = None;
                    self.settings.remember(&path);
                    self.session = *session;
                    let same_text = self.analysis.provisional
                        && self.analysis.text().len() == analysis.text().len();
                    if same_text {
                        // The text is on screen already: keep the scroll position and the
                        // measured paragraphs, swap in the finished analysis.
                        self.analysis = Arc::new(*analysis);
                        self.reader.refresh_mentions(&self.analysis);
                        self.selection = Selection::default();
                        self.status = opened_status(&self.analysis);
                    } else {
                        self.set_analysis(*analysis);
                    }
                    if !warnings.is_empty() {
                        self.error = Some(warnings.join(" "));
                    }
                    if let Some((wanted, offset)) = self.pending_jump.take()
                        && wanted == path
                    {
                        self.jump_to_offset(offset);
                    }
                }
                JobResult::LoadFailed {
                    generation,
                    message,
                } if self.jobs.is_current(generation) => {
                    self.jobs.loading = None;
                    self.status = "The open document stays open.".into();
                    self.error = Some(message);
                }
                JobResult::Loaded { .. }
                | JobResult::LoadFailed { .. }
                | JobResult::Opened { .. }
                | JobResult::Progress { .. } => {}
                JobResult::PickedOpen(path) => self.apply(Command::Open(path), ctx),
                JobResult::PickedExport(path, format) => {
                    self.apply(Command::Export(path, format), ctx)
                }
                JobResult::PickedExportWithoutFormat(path) => self.chooser.ask_format(path),
                JobResult::PickedFolder(folder) => self.apply(Command::OpenFolder(folder), ctx),
                JobResult::PickedConcordance(path, group) => {
                    self.apply(Command::ExportConcordance(path, group), ctx)
                }
                JobResult::Exported(path) => {
                    // An earlier failure is no longer news.
                    self.error = None;
                    self.status = format!("Exported to {}", path.display())
                }
                JobResult::ExportFailed(message) => self.error = Some(message),
                JobResult::DialogUnavailable(wanted) => {
                    // No portal and no zenity: newslens's own chooser, now and from now on.
                    self.chooser.system_dialog_missing = true;
                    self.status =
                        "No system file dialog (xdg-desktop-portal or zenity): using newslens's own."
                            .into();
                    let command = match wanted {
                        Dialog::Open => Command::OpenDialog,
                        Dialog::Folder => Command::OpenFolderDialog,
                        Dialog::Export => Command::ExportDialog,
                        Dialog::Concordance => Command::ExportConcordanceDialog,
                    };
                    self.apply(command, ctx);
                }
            }
        }
    }

    /// Shows a newly analysed document.
    pub(super) fn set_analysis(&mut self, analysis: Analysis) {
        self.status = opened_status(&analysis);
        if let Some(notice) = &analysis.document.notice {
            self.status = format!("{} {notice}", self.status);
        }
        self.scripts = scripts_of(&analysis);
        self.analysis = Arc::new(analysis);
        self.reader = ReaderView::new(&self.analysis);
        self.selection = Selection::default();
        self.find.reset_matches();
        self.error = None;
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
                    .clicked()
                {
                    commands.push(Command::OpenDialog);
                }
                if ui
                    .add(
                        egui::Button::new("Open folder as a library…")
                            .shortcut_text(ui.ctx().format_shortcut(&OPEN_FOLDER)),
                    )
                    .clicked()
                {
                    commands.push(Command::OpenFolderDialog);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::Open(path.clone()));
                        }
                    }
                });
                if ui
                    .add(
                        egui::Button::new("Export…")
                            .shortcut_text(ui.ctx().format_shortcut(&EXPORT)),
                    )
                    .clicked()
                {
                    commands.push(Command::ExportDialog);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            self.edit_menu(ui, commands);
            ui.menu_button("View", |ui| {
                let (text, shown) = ("Library", self.library_shown);
                if ui
                    .add(
                        egui::Button::selectable(shown, text)
                            .shortcut_text(ui.ctx().format_shortcut(&LIBRARY)),
                    )
                    .clicked()
                {
                    commands.push(Command::ToggleLibrary);
                }
                if ui
                    .add(egui::Button::new("Find…").shortcut_text(ui.ctx().format_shortcut(&FIND)))
                    .clicked()
                {
                    commands.push(Command::OpenFind);
                }
                if ui
                    .add(
                        egui::Button::new("Larger text")
                            .shortcut_text(ui.ctx().format_shortcut(&ZOOM_IN)),
                    )
                    .clicked()
                {
                    commands.push(Command::ZoomIn);
                }
                if ui
                    .add(
                        egui::Button::new("Smaller text")
                            .shortcut_text(ui.ctx().format_shortcut(&ZOOM_OUT)),
                    )
                    .clicked()
                {
                    commands.push(Command::ZoomOut);
                }
                ui.menu_button("Text encoding", |ui| {
                    let current = self.analysis.document.encoding;
                    ui.weak(format!("Now: {current}"));
                    for &name in newslens::load::ENCODING_CHOICES {
                        let chosen = newslens::load::encoding_by_name(name)
                            .is_some_and(|e| e.name().eq_ignore_ascii_case(current));
                        if ui.add(egui::Button::selectable(chosen, name)).clicked() {
                            commands.push(Command::Reopen { encoding: name });
                        }
                    }
                });
                let theme = if self.settings.dark {
                    "Light theme"
                } else {
                    "Dark theme"
                };
                if ui.button(theme).clicked() {
                    commands.push(Command::ToggleTheme);
                }
                ui.separator();
                let has_entity = self.selection.group.is_some();
                for (text, keys, command) in [
                    ("Next mention", "N", Command::StepMention(1)),
                    ("Previous mention", "Shift+N", Command::StepMention(-1)),
                    ("Clear selection", "Esc", Command::ClearSelection),
                ] {
                    if ui
                        .add_enabled(has_entity, egui::Button::new(text).shortcut_text(keys))
                        .clicked()
                    {
                        commands.push(command);
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .add(
                        egui::Button::new("Keyboard shortcuts")
                            .shortcut_text(ui.ctx().format_shortcut(&HELP)),
                    )
                    .clicked()
                {
                    commands.push(Command::ToggleShortcuts);
                }
                if ui.button("About newslens").clicked() {
                    commands.push(Command::ToggleAbout);
                }
            });
            ui.separator();
            // The two views as tabs.
            if ui
                .selectable_label(!self.library_shown, &self.analysis.document.name)
                .on_hover_text("The open document")
                .clicked()
                && self.library_shown
            {
                commands.push(Command::ToggleLibrary);
            }
            let count = self.library.document_count();
            if ui
                .selectable_label(self.library_shown, format!("Library ({count})"))
                .on_hover_text("The articles of the folders you added")
                .clicked()
                && !self.library_shown
            {
                commands.push(Command::ToggleLibrary);
            }
        });
    }

    fn edit_menu(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.menu_button("Edit", |ui| {
            let undo = self.session.undo_description();
            let label = undo
                .as_ref()
                .map_or("Undo".to_string(), |d| format!("Undo {d}"));
            if ui
                .add_enabled(
                    undo.is_some(),
                    egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&UNDO)),
                )
                .clicked()
            {
                commands.push(Command::Undo);
            }
            let redo = self.session.redo_description();
            let label = redo
                .as_ref()
                .map_or("Redo".to_string(), |d| format!("Redo {d}"));
            if ui
                .add_enabled(
                    redo.is_some(),
                    egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&REDO)),
                )
                .clicked()
            {
                commands.push(Command::Redo);
            }
            ui.separator();
            ui.menu_button("Mark selection as", |ui| {
                let has_selection = self.reader.text_selection.is_some();
                for (i, label) in Label::ALL.into_iter().enumerate() {
                    let button =
                        egui::Button::new(label.as_str()).shortcut_text((i + 1).to_string());
                    if ui.add_enabled(has_selection, button).clicked() {
                        commands.push(Command::MarkSelection(label));
                    }
                }
            });
            let mut everywhere = self.settings.mark_everywhere;
            if ui
                .checkbox(&mut everywhere, "Apply to all mentions")
                .clicked()
            {
                commands.push(Command::ToggleMarkEverywhere);
            }
            if ui
                .button(format!(
                    "Your dictionary ({})…",
                    count_of(self.session.dictionary().len(), "name", "names")
                ))
                .clicked()
            {
                commands.push(Command::ToggleDictionaryWindow);
            }
        });
    }

    /// The names the user taught newslens, with a way to take each back.
    fn dictionary_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut open = self.dictionary_window;
        egui::Window::new("Your dictionary")
            .open(&mut open)
            .default_width(320.0)
            .show(ctx, |ui| {
                ui.weak("Names you marked or relabelled for all mentions; they are highlighted in every document.");
                if self.session.dictionary().is_empty() {
                    ui.label("No names yet.");
                }
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for (name, label) in &self.session.dictionary().names {
                        ui.horizontal(|ui| {
                            ui.colored_label(style::solid(*label), label.as_str());
                            ui.label(name);
                            if ui.small_button("Forget").clicked() {
                                commands.push(Command::Forget(name.clone()));
                            }
                        });
                    }
                });
            });
        self.dictionary_window = open;
    }

    /// The colour key: a chip per kind, filled with its colour while shown, hollow and struck
    /// through while hidden; a click toggles it.
    fn legend(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            for (label, count) in self.analysis.counts_by_label() {
                let shown = !self.settings.is_hidden(label);
                let text = RichText::new(format!("{} {count}", label.as_str()));
                let chip = if shown {
                    egui::Button::new(text.color(style::text_on(label)).strong())
                        .fill(style::solid(label))
                        .stroke(egui::Stroke::new(1.0, style::solid(label)))
                } else {
                    egui::Button::new(text.strikethrough().color(ui.visuals().weak_text_color()))
                        .fill(egui::Color32::TRANSPARENT)
                        .stroke(egui::Stroke::new(1.5, style::solid(label)))
                };
                let response = ui.add(chip.corner_radius(8.0)).on_hover_text(if shown {
                    format!("Hide {} highlights", label.as_str())
                } else {
                    format!("Show {} highlights", label.as_str())
                });
                if response.clicked() {
                    commands.push(Command::ToggleLabel(label));
                }
            }
        });
    }

    fn find_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label("Find");
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.find.query)
                    .id_salt("find-box")
                    .hint_text("text to find")
                    .desired_width(260.0),
            );
            if self.find.focus_requested {
                response.request_focus();
                self.find.focus_requested = false;
            }
            if self.find.refresh(self.analysis.text()) {
                self.show_current_match();
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                commands.push(Command::StepMatch(if back { -1 } else { 1 }));
                response.request_focus();
            }
            ui.label(self.find.summary());
            if ui
                .button("Previous")
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(-1));
            }
            if ui
                .button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(1));
            }
            if ui.button("Close").clicked() {
                commands.push(Command::CloseFind);
            }
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        if self.analysis.provisional {
            ui.ctx().request_repaint_after(BLINK);
        }
        ui.horizontal(|ui| {
            if let Some(loading) = &self.jobs.loading
                && let Some(done) = loading.done
            {
                ui.add(
                    egui::ProgressBar::new(done)
                        .desired_width(220.0)
                        .text(format!("Finding entities… {:.0}%", done * 100.0)),
                );
            } else if let Some(loading) = &self.jobs.loading
                && loading.since.elapsed() > BLINK
            {
                ui.spinner();
                ui.label(format!("Reading {}…", loading.name));
            } else if self.jobs.loading.is_some() {
                ui.ctx().request_repaint_after(BLINK);
            }
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let document = &self.analysis.document;
                ui.weak(format!(
                    "{} · {} · {} · {:.0} pt",
                    document.format.name(),
                    document.encoding,
                    human_size(document.text.len()),
                    self.settings.font_size
                ))
                .on_hover_text("Format and text encoding (View > Text encoding to change it)");
            });
        });
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}

fn opened_status(analysis: &Analysis) -> String {
    format!(
        "{}: {} entities, {} mentions, {} facts.",
        analysis.document.name,
        analysis.groups.len(),
        analysis.mentions.len(),
        analysis.facts.len()
    )
}

/// The scripts a document's text and name are written in, for its fonts.
fn scripts_of(analysis: &Analysis) -> Scripts {
    Scripts::of(analysis.text()) | Scripts::of(&analysis.document.name)
}

/// "1 name", "2 names".
pub(super) fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Gives up the keyboard focus, so that keys reach the reader.
pub(super) fn surrender_focus(ctx: &egui::Context) {
    ctx.memory_mut(|memory| {
        if let Some(id) = memory.focused() {
            memory.surrender_focus(id);
        }
    });
}

/// The keys that move the reader's view. Page keys, Home and End work unless the user is
/// typing; Space and the arrows only when no widget has the focus (a focused button takes
/// Space, and arrows move the focus).
fn reading_keys(input: &mut egui::InputState, no_focus: bool) -> Vec<Command> {
    let mut steps = Vec::new();
    let keys = [
        (Modifiers::COMMAND, Key::Home, ScrollStep::Start, true),
        (Modifiers::COMMAND, Key::End, ScrollStep::End, true),
        (Modifiers::NONE, Key::Home, ScrollStep::Start, true),
        (Modifiers::NONE, Key::End, ScrollStep::End, true),
        (Modifiers::NONE, Key::PageDown, ScrollStep::Pages(1), true),
        (Modifiers::NONE, Key::PageUp, ScrollStep::Pages(-1), true),
        (
            Modifiers::SHIFT,
            Key::Space,
            ScrollStep::Pages(-1),
            no_focus,
        ),
        (Modifiers::NONE, Key::Space, ScrollStep::Pages(1), no_focus),
        (
            Modifiers::NONE,
            Key::ArrowDown,
            ScrollStep::Lines(1),
            no_focus,
        ),
        (
            Modifiers::NONE,
            Key::ArrowUp,
            ScrollStep::Lines(-1),
            no_focus,
        ),
    ];
    for (modifiers, key, step, allowed) in keys {
        if allowed && input.consume_key(modifiers, key) {
            steps.push(Command::Scroll(step));
        }
    }
    steps
}

pub(super) fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} kB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}
