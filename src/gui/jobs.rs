//! Work done off the UI thread: reading and analysing files, file dialogs, exports.
//! Results come back over a channel and are picked up once per frame.

use newslens::export::{self, Format};
use newslens::{Analysis, analyse, load};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

pub enum JobResult {
    /// A document was read and analysed. `generation` tells stale results apart.
    Loaded {
        generation: u64,
        path: PathBuf,
        analysis: Box<Analysis>,
    },
    LoadFailed {
        generation: u64,
        message: String,
    },
    PickedOpen(PathBuf),
    PickedExport(PathBuf, Format),
    Exported(PathBuf),
    ExportFailed(String),
    /// The file dialog closed at once without an answer: no portal and no zenity.
    DialogUnavailable,
}

/// A dialog that answers "nothing" faster than a person can cancel it never opened.
const TOO_FAST_TO_BE_A_PERSON: std::time::Duration = std::time::Duration::from_millis(300);

/// What the window is waiting for, to show progress.
pub struct Loading {
    pub name: String,
    pub since: Instant,
}

pub struct Jobs {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    generation: u64,
    pub loading: Option<Loading>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            generation: 0,
            loading: None,
        }
    }
}

impl Jobs {
    /// Reads and analyses a file in the background. A later call supersedes an earlier one.
    pub fn load(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.generation += 1;
        let generation = self.generation;
        self.loading = Some(Loading {
            name: path.display().to_string(),
            since: Instant::now(),
        });
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let work = std::panic::catch_unwind(|| load::load_path(&path).map(analyse));
            let result = match work {
                Ok(Ok(analysis)) => JobResult::Loaded {
                    generation,
                    path,
                    analysis: Box::new(analysis),
                },
                Ok(Err(error)) => JobResult::LoadFailed {
                    generation,
                    message: error.to_string(),
                },
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
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => JobResult::DialogUnavailable,
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
                    let format = path
                        .extension()
                        .and_then(|e| Format::parse(&e.to_string_lossy()))
                        .unwrap_or(Format::Json);
                    JobResult::PickedExport(path, format)
                }
                None if asked.elapsed() < TOO_FAST_TO_BE_A_PERSON => JobResult::DialogUnavailable,
                None => return,
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
