//! newslens's own file chooser, inside the window, for systems with neither a desktop
//! portal nor zenity (the system dialog then closes at once with no answer); and the
//! question "which format?" when an export's file name does not say.

use super::command::Command;
use egui::RichText;
use newslens::DocumentFormat;
use newslens::export::Format;
use std::path::{Path, PathBuf};

/// What the chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Purpose {
    Open,
    /// A folder for the library: folders only, and the one on show is the answer.
    Folder,
    Export,
    /// The concordance of this entity.
    Concordance(usize),
}

/// One entry of the folder on show.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    name: String,
    is_folder: bool,
}

/// The chooser while it is on screen.
struct Browser {
    purpose: Purpose,
    title: &'static str,
    folder: PathBuf,
    /// The folder as typed in its box.
    folder_text: String,
    entries: Vec<Entry>,
    /// The file name box: the chosen file's name.
    file_name: String,
    /// Every file, not only the documents newslens reads (opening only).
    all_files: bool,
    /// Why the folder could not be listed, or why the choice was refused.
    problem: Option<String>,
    /// A file to save over, once the user agreed.
    replace: Option<PathBuf>,
}

#[derive(Default)]
pub struct FileChooser {
    /// Set once the system dialog proved missing: from then on only this chooser is used.
    pub system_dialog_missing: bool,
    browser: Option<Browser>,
    /// An export path whose extension names no format: the user is asked for one.
    format_for: Option<PathBuf>,
}

impl FileChooser {
    /// Whether the chooser or the format question is on screen (for the tests).
    #[allow(dead_code)]
    pub fn is_open(&self) -> bool {
        self.browser.is_some() || self.format_for.is_some()
    }

    pub fn open_file(&mut self) {
        self.start(Purpose::Open, "Open a document", String::new());
    }

    pub fn open_folder(&mut self) {
        self.start(
            Purpose::Folder,
            "Add a folder to the library",
            String::new(),
        );
    }

    pub fn save_export(&mut self, document_name: &str) {
        let name = format!("{}.json", stem(document_name));
        self.start(Purpose::Export, "Export highlights", name);
    }

    pub fn save_concordance(&mut self, entity_name: &str, group: usize) {
        let name = format!("{}-mentions.csv", stem(entity_name));
        self.start(Purpose::Concordance(group), "Export the mentions", name);
    }

    /// Asks which format to write `path` in.
    pub fn ask_format(&mut self, path: PathBuf) {
        self.format_for = Some(path);
    }

    fn start(&mut self, purpose: Purpose, title: &'static str, file_name: String) {
        let folder = start_folder();
        let mut browser = Browser {
            purpose,
            title,
            folder_text: folder.display().to_string(),
            folder,
            entries: Vec::new(),
            file_name,
            all_files: false,
            problem: None,
            replace: None,
        };
        browser.list();
        self.browser = Some(browser);
    }

    /// Draws what is open; returns what the user chose.
    pub fn show(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(browser) = &mut self.browser {
            match browser.show(ctx) {
                Answer::Waiting => {}
                Answer::Cancelled => self.browser = None,
                Answer::Chosen(path) => {
                    let purpose = browser.purpose;
                    self.browser = None;
                    match purpose {
                        Purpose::Open => commands.push(Command::Open(path)),
                        Purpose::Folder => commands.push(Command::OpenFolder(path)),
                        Purpose::Concordance(group) => {
                            commands.push(Command::ExportConcordance(path, group))
                        }
                        Purpose::Export => match format_of(&path) {
                            Some(format) => commands.push(Command::Export(path, format)),
                            None => self.format_for = Some(path),
                        },
                    }
                }
            }
        }
        if let Some(path) = self.format_for.clone() {
            let mut chosen = None;
            let modal = egui::Modal::new(egui::Id::unique("export-format")).show(ctx, |ui| {
                ui.heading("Export as");
                ui.label(format!(
                    "“{}” does not say which format to write.",
                    path.file_name().unwrap_or_default().to_string_lossy()
                ));
                ui.horizontal_wrapped(|ui| {
                    for format in Format::ALL {
                        if ui.button(format.description()).clicked() {
                            chosen = Some(format);
                        }
                    }
                });
                ui.add_space(4.0);
                ui.button("Cancel").clicked()
            });
            if let Some(format) = chosen {
                commands.push(Command::Export(path, format));
                self.format_for = None;
            } else if modal.inner || modal.should_close() {
                self.format_for = None;
            }
        }
        commands
    }
}

enum Answer {
    Waiting,
    Cancelled,
    Chosen(PathBuf),
}

impl Browser {
    fn saving(&self) -> bool {
        !matches!(self.purpose, Purpose::Open | Purpose::Folder)
    }

    /// Reads the folder: folders first, then files, each by name; hidden ones left out;
    /// when opening, only the documents newslens reads unless "All files" is on.
    fn list(&mut self) {
        self.entries.clear();
        self.problem = None;
        let read = match std::fs::read_dir(&self.folder) {
            Ok(read) => read,
            Err(error) => {
                self.problem = Some(format!("cannot list {}: {error}", self.folder.display()));
                return;
            }
        };
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            // Follows links, so that a link to a folder opens as one.
            let is_folder = entry.path().is_dir();
            let document = Path::new(&name)
                .extension()
                .and_then(|e| DocumentFormat::from_extension(&e.to_string_lossy()))
                .is_some();
            let wanted = match self.purpose {
                Purpose::Folder => is_folder,
                Purpose::Open => is_folder || self.all_files || document,
                _ => true,
            };
            if wanted {
                self.entries.push(Entry { name, is_folder });
            }
        }
        self.entries.sort_by(|a, b| {
            b.is_folder
                .cmp(&a.is_folder)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
    }

    fn enter(&mut self, folder: PathBuf) {
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.list();
    }

    /// The chosen path, if the file name box names one that can be taken.
    fn choice(&mut self) -> Option<PathBuf> {
        if self.purpose == Purpose::Folder {
            return Some(self.folder.clone());
        }
        let name = self.file_name.trim();
        if name.is_empty() {
            self.problem = Some("Choose a file, or type its name.".into());
            return None;
        }
        let path = self.folder.join(name);
        if path.is_dir() {
            self.enter(path);
            self.file_name.clear();
            return None;
        }
        if self.saving() {
            // Never write over a file the user did not agree to lose.
            if path.exists() && self.replace.as_ref() != Some(&path) {
                self.problem = Some(format!("{name} exists. Save again to replace it."));
                self.replace = Some(path);
                return None;
            }
        } else if !path.is_file() {
            self.problem = Some(format!("There is no file {name} here."));
            return None;
        }
        Some(path)
    }

    fn show(&mut self, ctx: &egui::Context) -> Answer {
        let mut answer = Answer::Waiting;
        let modal = egui::Modal::new(egui::Id::unique("file-chooser")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.title);
            ui.horizontal(|ui| {
                let label = ui.label("Folder");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(400.0))
                    .labelled_by(label.id);
                if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    let typed = PathBuf::from(self.folder_text.trim());
                    self.enter(typed);
                }
                if ui
                    .button("Up")
                    .on_hover_text("The folder above this one")
                    .clicked()
                    && let Some(parent) = self.folder.parent()
                {
                    self.enter(parent.to_path_buf());
                }
            });
            ui.separator();
            let mut entered = None;
            let mut double_clicked_file = false;
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if self.entries.is_empty() && self.problem.is_none() {
                        ui.weak("Nothing to show here.");
                    }
                    for entry in &self.entries {
                        let text = if entry.is_folder {
                            RichText::new(format!("{}/", entry.name)).strong()
                        } else {
                            RichText::new(&entry.name)
                        };
                        let selected = !entry.is_folder && entry.name == self.file_name;
                        let response = ui.add(egui::Button::selectable(selected, text));
                        if entry.is_folder && (response.clicked() || response.double_clicked()) {
                            entered = Some(self.folder.join(&entry.name));
                        } else if response.clicked() {
                            self.file_name = entry.name.clone();
                            self.replace = None;
                        }
                        if !entry.is_folder && response.double_clicked() {
                            double_clicked_file = true;
                        }
                    }
                });
            if let Some(folder) = entered {
                self.enter(folder);
            }
            ui.separator();
            let mut submitted = double_clicked_file;
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut self.file_name).desired_width(300.0))
                    .labelled_by(label.id);
                submitted |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if self.purpose == Purpose::Open {
                    let before = self.all_files;
                    ui.checkbox(&mut self.all_files, "All files");
                    if before != self.all_files {
                        self.list();
                    }
                }
            });
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            ui.horizontal(|ui| {
                let verb = match self.purpose {
                    Purpose::Folder => "Add this folder",
                    Purpose::Open => "Open",
                    _ => "Save",
                };
                submitted |= ui.button(verb).clicked();
                if ui.button("Cancel").clicked() {
                    answer = Answer::Cancelled;
                }
            });
            if submitted && let Some(path) = self.choice() {
                answer = Answer::Chosen(path);
            }
        });
        if matches!(answer, Answer::Waiting) && modal.should_close() {
            answer = Answer::Cancelled;
        }
        answer
    }
}

/// The export format a file name's extension names, if any.
pub fn format_of(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| Format::parse(&e.to_string_lossy()))
}

fn stem(name: &str) -> String {
    Path::new(name).file_stem().map_or_else(
        || "newslens".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Where the chooser starts: the working folder, else the home folder.
fn start_folder() -> PathBuf {
    std::env::current_dir()
        .ok()
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("/"))
}
