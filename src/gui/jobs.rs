//! Work done off the UI thread: reading and analysing files, file dialogs, exports.
//! Results come back over a channel and are picked up once per frame.

use newslens::corrections::{Session, Store};
use newslens::export::{self, Format};
use newslens::pipeline::Partial;
use newslens::{Analysis, Document, analyse_progressively, load};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// Documents at least this long are shown before they are analysed, and fill in with
/// highlights as the analysis goes; shorter ones appear when done (no flash of plain text).
pub const SHOW_EARLY_BYTES: usize = 256 * 1024;

pub enum JobResult {
    /// A long document was read; its text can be shown while it is analysed.
    Opened {
        generation: u64,
        document: Box<Document>,
    },
    /// A part of the document being analysed has its highlights.
    Progress {
        generation: u64,
        partial: Partial,
    },
    /// A document was read and analysed. `generation` tells stale results apart.
    Loaded {
        generation: u64,
        path: PathBuf,
        analysis: Box<Analysis>,
        /// The corrections saved for the document, already applied to the analysis.
        session: Box<Session>,
        /// Problems with the saved corrections (a damaged file kept aside, ...).
        warnings: Vec<String>,
    },
    LoadFailed {
        generation: u64,
        message: String,
    },
    PickedOpen(PathBuf),
    PickedExport(PathBuf, Format),
    /// An export file whose extension names no format: the user is asked which.
    PickedExportWithoutFormat(PathBuf),
    /// Where to write an entity's concordance.
    PickedConcordance(PathBuf, usize),
    /// A folder to add to the library.
    PickedFolder(PathBuf),
    Exported(PathBuf),
    ExportFailed(String),
    /// The file dialog closed at once without an answer: no portal and no zenity.
    DialogUnavailable(Dialog),
}

/// Which file dialog was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Open,
    Folder,
    Export,
    Concordance,
}

/// A dialog that answers "nothing" faster than a person can cancel it never opened.
const TOO_FAST_TO_BE_A_PERSON: std::time::Duration = std::time::Duration::from_millis(300);

/// What the window is waiting for, to show progress.
pub struct Loading {
    pub name: String,
    pub since: Instant,
    /// How much of the text has its highlights, once the text is shown.
    pub done: Option<f32>,
}

pub struct Jobs {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    generation: u64,
    /// Set to stop the load in progress when another one starts.
    cancel: Arc<AtomicBool>,
    pub loading: Option<Loading>,
}

/// What a cancelled analysis unwinds with: the analysis offers no way out midway but its
/// progress reports, so the report of a cancelled load leaves by unwinding, which the
/// worker catches (no panic message: `resume_unwind` skips the panic hook).
struct Cancelled;

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            generation: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            loading: None,
        }
    }
}

impl Jobs {
    /// Reads and analyses a file in the background, with the corrections saved for it. A
    /// later call supersedes an earlier one.
    pub fn load(
        &mut self,
        path: PathBuf,
        options: load::LoadOptions,
        store: Option<Store>,
        ctx: &egui::Context,
    ) {
        self.generation += 1;
        let generation = self.generation;
        // The user moved on: the previous load stops at its next block of text.
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        let cancel = Arc::clone(&self.cancel);
        self.loading = Some(Loading {
            name: path.display().to_string(),
            since: Instant::now(),
            done: None,
        });
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let send = |result| {
                let _ = sender.send(result);
                ctx.request_repaint();
            };
            // Nothing is shared with the UI but the channel, so a panic leaves nothing broken.
            let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                load::load_path_with(&path, &options).map(|document| {
                    if cancel.load(Ordering::Relaxed) {
                        std::panic::resume_unwind(Box::new(Cancelled));
                    }
                    let opened = Session::open(store, &document.text, &document.name);
                    let session = opened.session;
                    if document.text.len() >= SHOW_EARLY_BYTES {
                        send(JobResult::Opened {
                            generation,
                            document: Box::new(document.clone()),
                        });
                    }
                    let analysis = analyse_progressively(
                        document,
                        session.dictionary(),
                        &session.corrections(),
                        &|partial| {
                            if cancel.load(Ordering::Relaxed) {
                                std::panic::resume_unwind(Box::new(Cancelled));
                            }
                            send(JobResult::Progress {
                                generation,
                                partial,
                            })
                        },
                    );
                    (analysis, session, opened.warnings)
                })
            }));
            let result = match work {
                Ok(Ok((analysis, session, warnings))) => JobResult::Loaded {
                    generation,
                    path,
                    analysis: Box::new(analysis),
                    session: Box::new(session),
                    warnings,
                },
                Ok(Err(error)) => JobResult::LoadFailed {
                    generation,
                    message: error.to_string(),
                },
                Err(_) if cancel.load(Ordering::Relaxed) => return,
                Err(_) => JobResult::LoadFailed {
                    generation,
                    message: format!(
                        "{}: newslens failed while reading this file",
                        path.display()
                    ),
                },
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    /// Is this result the answer to the latest load?
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.generation
    }

    pub fn pick_file_to_open(&self, ctx: &egui::Context) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Open a document")
                .add_filter(
                    "Documents",
                    &[
                        "txt", "text", "md", "markdown", "html", "htm", "xhtml", "epub", "pdf",
                        "docx",
                    ],
                )
                .add_filter("All files", &["*"]);
            let asked = Instant::now();
            let answer = pollster::block_on(dialog.pick_file());
            let result = match answer {
                Some(file) => JobResult::PickedOpen(file.path().to_path_buf()),
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => {
                    JobResult::DialogUnavailable(Dialog::Open)
                }
                None => return,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    pub fn pick_folder(&self, ctx: &egui::Context) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new().set_title("Add a folder to the library");
            let asked = Instant::now();
            let result = match pollster::block_on(dialog.pick_folder()) {
                Some(folder) => JobResult::PickedFolder(folder.path().to_path_buf()),
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => {
                    JobResult::DialogUnavailable(Dialog::Folder)
                }
                None => return,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    pub fn pick_export_file(&self, document_name: &str, ctx: &egui::Context) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let stem = std::path::Path::new(document_name).file_stem().map_or_else(
            || "newslens".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        std::thread::spawn(move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title("Export highlights")
                .set_file_name(format!("{stem}.json"));
            for format in Format::ALL {
                dialog = dialog.add_filter(format.description(), &[format.extension()]);
            }
            let asked = Instant::now();
            let result = match pollster::block_on(dialog.save_file()) {
                Some(file) => {
                    let path = file.path().to_path_buf();
                    match super::chooser::format_of(&path) {
                        Some(format) => JobResult::PickedExport(path, format),
                        None => JobResult::PickedExportWithoutFormat(path),
                    }
                }
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => {
                    JobResult::DialogUnavailable(Dialog::Export)
                }
                None => return,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    pub fn pick_concordance_file(&self, entity_name: &str, group: usize, ctx: &egui::Context) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let file_name = format!("{entity_name}-mentions.csv");
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Export the mentions")
                .set_file_name(file_name)
                .add_filter("CSV", &["csv"]);
            let asked = Instant::now();
            let result = match pollster::block_on(dialog.save_file()) {
                Some(file) => JobResult::PickedConcordance(file.path().to_path_buf(), group),
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => {
                    JobResult::DialogUnavailable(Dialog::Concordance)
                }
                None => return,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    /// Writes an entity's mentions in context as CSV.
    pub fn export_concordance(
        &self,
        analysis: Arc<Analysis>,
        group: usize,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let written = newslens::atomic::write_with(&path, |out| {
                newslens::concordance::write_csv(&analysis, group, out)
            });
            let result = match written {
                Ok(()) => JobResult::Exported(path),
                Err(error) => {
                    JobResult::ExportFailed(format!("cannot write {}: {error}", path.display()))
                }
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    pub fn export(
        &self,
        analysis: Arc<Analysis>,
        path: PathBuf,
        format: Format,
        ctx: &egui::Context,
    ) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = match export::write_file(&analysis, format, &path) {
                Ok(()) => JobResult::Exported(path),
                Err(error) => {
                    JobResult::ExportFailed(format!("cannot write {}: {error}", path.display()))
                }
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
    }

    /// Results that arrived since the last frame.
    pub fn finished(&self) -> Vec<JobResult> {
        self.receiver.try_iter().collect()
    }
}
