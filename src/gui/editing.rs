//! Corrections in the window: applying one, undo and redo, and keeping the view in step
//! (the selected entity and the reader's paragraphs) after the analysis is rebuilt.

use super::app::ReaderApp;
use newslens::corrections::{Correction, StoreError};
use std::sync::Arc;

/// How often the window looks for what other windows saved.
const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

impl ReaderApp {
    /// Records a correction, rebuilds the analysis and saves.
    pub(super) fn correct(&mut self, correction: Correction) {
        let described = correction.describe();
        let saved = self.session.push(correction);
        self.rebuild_after_correction();
        self.report(saved.map(|()| described), "Done");
    }

    pub(super) fn undo(&mut self) {
        match self.session.undo() {
            Some(result) => {
                self.rebuild_after_correction();
                self.report(result.map(|c| c.describe()), "Undone");
            }
            None => self.status = "Nothing to undo.".into(),
        }
    }

    pub(super) fn redo(&mut self) {
        match self.session.redo() {
            Some(result) => {
                self.rebuild_after_correction();
                self.report(result.map(|c| c.describe()), "Redone");
            }
            None => self.status = "Nothing to redo.".into(),
        }
    }

    pub(super) fn forget(&mut self, name: &str) {
        let result = self.session.forget(name);
        self.rebuild_after_correction();
        self.report(
            result.map(|()| format!("“{name}” left your dictionary")),
            "Done",
        );
    }

    /// Takes in what other windows or processes saved (dictionary names, corrections of
    /// this document); checked every [`REFRESH_EVERY`], cheaply (two file stamps).
    pub(super) fn pick_up_others_changes(&mut self, ctx: &egui::Context) {
        let due = self
            .last_refresh
            .is_none_or(|at| at.elapsed() >= REFRESH_EVERY);
        if !due || self.analysis.provisional {
            return;
        }
        self.last_refresh = Some(std::time::Instant::now());
        ctx.request_repaint_after(REFRESH_EVERY);
        match self.session.refresh() {
            Ok(true) => {
                self.rebuild_after_correction();
                self.status = "Updated with corrections saved in another window.".into();
            }
            Ok(false) => {}
            Err(error) => self.error = Some(error.to_string()),
        }
        self.show_session_warnings();
    }

    fn show_session_warnings(&mut self) {
        let warnings = self.session.take_warnings();
        if !warnings.is_empty() {
            self.error = Some(warnings.join(" "));
        }
    }

    fn report(&mut self, result: Result<String, StoreError>, verb: &str) {
        match result {
            Ok(what) => {
                // What the next key would do, for what was just done.
                let next = match verb {
                    "Undone" => "Ctrl+Shift+Z redoes",
                    _ => "Ctrl+Z undoes",
                };
                self.status = format!("{verb}: {what}. Saved; {next}.");
                self.show_session_warnings();
            }
            Err(error) => {
                self.status = "The correction is applied but could not be saved.".into();
                self.error = Some(error.to_string());
            }
        }
    }

    /// Re-applies the corrections over the automatic mentions, keeping the selection on the
    /// same place in the text.
    fn rebuild_after_correction(&mut self) {
        let selected_at = self
            .selection
            .mention
            .and_then(|m| self.analysis.mentions.get(m))
            .map(|m| m.start);
        let corrections = self.session.corrections();
        Arc::make_mut(&mut self.analysis).reapply(self.session.dictionary(), &corrections);
        self.reader.refresh_mentions(&self.analysis);
        self.reader.text_selection = None;
        self.selection.mention = selected_at.and_then(|at| self.analysis.mention_at(at));
        self.selection.group = self
            .selection
            .mention
            .and_then(|m| self.analysis.group_of.get(m).copied());
    }
}
